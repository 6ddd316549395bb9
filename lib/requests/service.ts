import 'server-only';
import { currentPlace } from '@/lib/aws/account';
import { canSee } from '@/lib/auth/permissions';
import { type Principal, principalName } from '@/lib/auth/principal';
import { type Journal, NameTakenError } from '@/lib/db/journal';
import type { RequestRecord } from '@/lib/db/records';
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

const KINDS: { [K in SubmittedRequest['kind']]: RequestKindHandler<Extract<SubmittedRequest, { kind: K }>, never> } = {
  create: createKind as never,
  delete: deleteKind as never,
};

/** The refusals that are the team's rules deciding: audited, as every allowed request is. */
const DECIDED_BY_RULES = new Set<Refused['reason']>(['team', 'policy', 'forbidden']);

export function createRequestService({ journal, wake }: RequestServiceDependencies): RequestService {
  return {
    async submit(principal, submitted) {
      const kind = KINDS[submitted.kind] as RequestKindHandler<SubmittedRequest, unknown>;
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

      const decided = 'ok' in prepared ? DECIDED_BY_RULES.has(prepared.reason) : true;
      try {
        if (decided) {
          await journal.audit({
            requestId: parsed.id,
            kind: submitted.kind,
            actor: principalName(principal),
            team: 'ok' in prepared ? teamAsked(parsed.request) : prepared.team,
            action: 'ok' in prepared ? 'refused' : 'allowed',
            policyVersion: principal.mode === 'singleUser' ? null : principal.policy.version,
            ...('ok' in prepared && {
              violations: prepared.violations.map(({ path, rule, message }) => ({
                path: path.join('.'),
                rule,
                message,
              })),
            }),
          });
        }
        if ('ok' in prepared) return prepared;
        const request = await journal.insert({ ...prepared, id: parsed.id, ...place } as Parameters<
          Journal['insert']
        >[0]);
        wake();
        return { ok: true, request };
      } catch (error) {
        if (error instanceof NameTakenError) return unfinished(submitted.kind);
        return refusedForFailure(error);
      }
    },
  };
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

const teamAsked = (request: unknown) => (request as { team?: string }).team ?? null;

function unfinished(kind: SubmittedRequest['kind']): Refused {
  return kind === 'create'
    ? refused('unfinished', [
        { path: ['clusterName'], rule: 'oneUnfinished', message: { key: 'validation.clusterName.beingCreated' } },
      ])
    : refusedWith('unfinished', 'oneUnfinished', { key: 'delete.unfinished' });
}
