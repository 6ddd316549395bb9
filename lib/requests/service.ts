import 'server-only';
import { currentPlace } from '@/lib/aws/account';
import { canSee } from '@/lib/auth/permissions';
import { type Principal, principalName } from '@/lib/auth/principal';
import { type Journal, NameTakenError, type NewRequest } from '@/lib/db/journal';
import type { RequestRecord } from '@/lib/db/records';
import { log } from '@/lib/telemetry/log';
import { createKind } from './create';
import { deleteKind } from './delete';
import type { Prepared, RequestKindHandler, SubmittedRequest } from './kind';
import { type Outcome, type Refused, refused, refusedForFailure, refusedWith } from './outcome';

export interface RequestServiceDependencies {
  /** Where requests are stored and the worker finds them. */
  journal: Journal;
  /** Tells the worker a request is waiting, so it need not wait for its next look. */
  wake: () => void;
}

export interface RequestService {
  /**
   * parse → authorize → plan → store, for every kind of request, whichever door it came through.
   * The request id decides idempotency: the same request again answers the request it made.
   */
  submit(principal: Principal, submitted: SubmittedRequest): Promise<Outcome>;
}

type AnyKind = RequestKindHandler<SubmittedRequest, unknown>;
/** Each kind's handler, which the service treats alike: each is handed only requests of its own kind. */
const KINDS: Record<SubmittedRequest['kind'], AnyKind> = {
  create: createKind as AnyKind,
  delete: deleteKind as AnyKind,
};

/** The refusals that are the team's rules deciding: audited, as every allowed request is. */
const DECIDED_BY_RULES = new Set<Refused['reason']>(['team', 'policy', 'forbidden']);

export function createRequestService(dependencies: RequestServiceDependencies): RequestService {
  const decide = deciding(dependencies);
  return {
    async submit(principal, submitted) {
      const outcome = await decide(principal, submitted);
      logOutcome(principal, submitted, outcome);
      return outcome;
    },
  };
}

function deciding({ journal, wake }: RequestServiceDependencies): RequestService['submit'] {
  return async (principal, submitted) => {
    const kind = KINDS[submitted.kind];
    const parsed = kind.parse(principal, submitted);
    if ('ok' in parsed) return parsed;

    let earlier: RequestRecord | undefined;
    try {
      earlier = await journal.find(parsed.id);
    } catch (error) {
      return refusedForFailure(error);
    }
    // A double click, a retried post: the request this id made, decided then.
    if (earlier) return replayed(principal, earlier, kind.sameAs(earlier, parsed.request));

    let prepared: Prepared | Refused;
    let place: { account: string; region: string };
    try {
      [prepared, place] = await Promise.all([kind.prepare(principal, parsed.request, journal), currentPlace()]);
    } catch (error) {
      return refusedForFailure(error);
    }

    try {
      if (!('ok' in prepared) || DECIDED_BY_RULES.has(prepared.reason)) {
        await journal.audit(decision(principal, submitted.kind, parsed, prepared));
      }
      if ('ok' in prepared) return prepared;
      const request = await journal.insert({ ...prepared, id: parsed.id, ...place } as NewRequest);
      wake();
      return { ok: true, request };
    } catch (error) {
      if (error instanceof NameTakenError) return unfinished(submitted.kind);
      return refusedForFailure(error);
    }
  };
}

/** One line a submit: who asked what, and the request it made or why it was refused. */
function logOutcome(principal: Principal, submitted: SubmittedRequest, outcome: Outcome) {
  const cluster = outcome.ok ? outcome.request.clusterName : clusterNameOf(submitted);
  const fields = {
    principal: principalName(principal) ?? 'single-user',
    kind: submitted.kind,
    ...(cluster && { cluster }),
  };
  if (outcome.ok) {
    log.info({ ...fields, requestId: outcome.request.id, state: outcome.request.state }, 'request accepted');
    return;
  }
  const rules = outcome.violations.map((violation) => `${violation.path}: ${violation.rule}`);
  log.info({ ...fields, reason: outcome.reason, rules }, 'request refused');
}

function clusterNameOf(submitted: SubmittedRequest): string | undefined {
  if (submitted.kind === 'delete') return submitted.clusterName;
  const { clusterName } = (submitted.request ?? {}) as { clusterName?: unknown };
  return typeof clusterName === 'string' ? clusterName.slice(0, 255) : undefined;
}

function replayed(principal: Principal, earlier: RequestRecord, same: boolean): Outcome {
  if (same && canSee(principal, earlier.team)) return { ok: true, request: earlier };
  // One id, two different requests: never answer the second with the first's cluster, nor name another team's.
  return refusedWith(
    'requestIdReused',
    'newRequestId',
    canSee(principal, earlier.team)
      ? { key: 'request.reused', params: { name: earlier.clusterName } }
      : { key: 'request.idTaken' },
  );
}

/** What the audit trail keeps of a decision: who, for which team, under which rules, and every rule broken. */
function decision(
  principal: Principal,
  kind: SubmittedRequest['kind'],
  parsed: { id: string; request: unknown },
  prepared: Prepared | Refused,
) {
  const refusal = 'ok' in prepared ? prepared : undefined;
  return {
    requestId: parsed.id,
    kind,
    actor: principalName(principal),
    team: refusal ? ((parsed.request as { team?: string }).team ?? null) : (prepared as Prepared).team,
    action: refusal ? ('refused' as const) : ('allowed' as const),
    policyVersion: principal.mode === 'singleUser' ? null : principal.policy.version,
    ...(refusal && {
      violations: refusal.violations.map(({ path, rule, message }) => ({ path: path.join('.'), rule, message })),
    }),
  };
}

function unfinished(kind: SubmittedRequest['kind']): Refused {
  return kind === 'create'
    ? refused('unfinished', [
        { path: ['clusterName'], rule: 'oneUnfinished', message: { key: 'validation.clusterName.beingCreated' } },
      ])
    : refusedWith('unfinished', 'oneUnfinished', { key: 'delete.unfinished' });
}
