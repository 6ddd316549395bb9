#!/usr/bin/env node
// `npm run bench:chaos`: three replicas of the built app on one PostgreSQL, behind a round-robin
// proxy, against moto. Virtual users submit Fargate and EC2 creates and deletes through the HTTP API
// while a random replica is SIGKILLed every 10 s and started again, and PostgreSQL is restarted once.
// Afterwards every request must have ended exactly once, and moto must hold exactly the resources
// of the clusters whose create succeeded (and were not deleted since), found by the request tag.
// Prints requests per second, the time to done (p50, p99), takeovers, and each replica's memory.
//
//   node scripts/chaos.mjs [--requests 200] [--concurrency 20] [--kill-every 10] [--deadline 900] [--duration s]
//
// CI runs a two-minute version (npm test: --duration 100, at most 400 requests, concurrency 10).
// Only loopback addresses are used; every loop is bounded by the request count and the deadline.
import './node-version.mjs';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, openSync, readFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBuild, ensureDependencies, freePort, root, startMoto, startService, stopServices } from './lib.mjs';
import { createDatabase, startPostgres } from './postgres.mjs';

const { values: options } = parseArgs({
  options: {
    requests: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '20' },
    'kill-every': { type: 'string', default: '10' },
    deadline: { type: 'string', default: '900' },
    // Stop starting new requests after this many seconds, though fewer than --requests were made.
    duration: { type: 'string' },
    replicas: { type: 'string', default: '3' },
  },
});
const REQUESTS = Number(options.requests);
const CONCURRENCY = Number(options.concurrency);
const KILL_EVERY_MS = Number(options['kill-every']) * 1000;
const DEADLINE_MS = Number(options.deadline) * 1000;
const DURATION_MS = options.duration === undefined ? Infinity : Number(options.duration) * 1000;
const REPLICAS = Number(options.replicas);
const REQUEST_TAG = 'ecs-create-cluster:request-id';
const NEXT_BIN = join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const FINAL = new Set(['succeeded', 'failed', 'rolledBack']);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const journalFigures = { takeovers: 0 };

ensureDependencies();
ensureBuild();
const aws = await import('./chaos-aws.mjs');
const { default: pg } = await import('pg');

const started = performance.now();
const moto = await startMoto(await freePort());
const postgres = await startPostgres();
// Whatever happens, no server of the run outlives it.
process.on('exit', () => {
  stopServices();
  postgres.stop();
});
const databaseUrl = createDatabase(postgres.url);
const logs = mkdtempSync(join(tmpdir(), 'ecs-console-chaos-'));
const account = aws.accountAt(moto.url);
const network = await account.prepare();

/** A replica: a server process in a slot of its own, started again after every kill. */
const replicas = await Promise.all(
  Array.from({ length: REPLICAS }, async (_, index) => {
    const replica = { index, port: await freePort(), process: undefined, starts: 0, memory: {} };
    await startReplica(replica);
    return replica;
  }),
);
for (const replica of replicas) replica.memory.start = residentMemory(replica);

const proxy = await roundRobin(replicas);
const apiUrl = `http://127.0.0.1:${proxy.address().port}/api/v1`;
console.log(
  `Chaos: ${REPLICAS} replicas on one PostgreSQL behind a round-robin proxy; ${REQUESTS} requests at concurrency ` +
    `${CONCURRENCY}; a replica SIGKILLed every ${KILL_EVERY_MS / 1000} s; PostgreSQL restarted once. Logs in ${logs}.`,
);

const runStarted = performance.now();
const made = [];
let budget = REQUESTS;
let chaosOver = false;
const chaos = runChaos();
await Promise.all(Array.from({ length: CONCURRENCY }, (_, user) => virtualUser(user)));
const wallSeconds = (performance.now() - runStarted) / 1000;
chaosOver = true;
await chaos;
for (const replica of replicas) if (!replica.process) await startReplica(replica);
for (const replica of replicas) replica.memory.end = residentMemory(replica);

const problems = [...(await journalProblems()), ...(await awsProblems())];
report();
proxy.close();
console.log(`\nchaos: ${problems.length === 0 ? '1 passed, 0 failed' : '0 passed, 1 failed'}`);
process.exit(problems.length === 0 ? 0 : 1);

/** One user: creates a cluster (Fargate or EC2 in turn), waits for it, and deletes every other one. */
async function virtualUser(user) {
  const mayStartAnother = () => budget > 0 && performance.now() - runStarted < DURATION_MS;
  for (let turn = 0; mayStartAnother(); turn += 1) {
    budget -= 1;
    const name = `chaos-${user}-${turn}`;
    const ec2 = (user + turn) % 3 === 0;
    const create = await submit({ kind: 'create', clusterName: name, ec2 }, () => ({
      method: 'POST',
      path: '/cluster-requests',
      body: ec2 ? aws.ec2Cluster(name, network) : aws.fargateCluster(name),
    }));
    made.push(create);
    if (create.state !== 'succeeded' || !mayStartAnother() || turn % 2 === 1) continue;
    budget -= 1;
    made.push(
      await submit({ kind: 'delete', clusterName: name }, () => ({ method: 'DELETE', path: `/clusters/${name}` })),
    );
  }
}

/**
 * Sends a request until the API has it (the same Idempotency-Key each time: a replica killed
 * mid-answer may or may not have stored it), then polls it until it has ended.
 */
async function submit(about, call) {
  const id = randomUUID();
  const ended = (state, seconds) => ({ ...about, id, state, seconds });
  const asked = performance.now();
  for (;;) {
    if (pastDeadline()) return ended('not accepted before the deadline');
    const answer = await api(call(), id);
    if (answer?.status === 202) break;
    if (answer && answer.status < 500 && answer.status !== 409) {
      return ended(`refused ${answer.status}: ${JSON.stringify(answer.body)}`);
    }
    await sleep(300);
  }
  for (;;) {
    const answer = await api({ method: 'GET', path: `/cluster-requests/${id}` });
    if (answer?.status === 200 && FINAL.has(answer.body.state)) {
      return ended(answer.body.state, (performance.now() - asked) / 1000);
    }
    if (pastDeadline()) return ended(`unfinished at the deadline (${answer?.body?.state})`);
    await sleep(250);
  }
}

/** One call through the proxy; undefined when no replica answered it (killed mid-way). */
async function api({ method, path, body }, idempotencyKey) {
  try {
    const answer = await fetch(`${apiUrl}${path}`, {
      method,
      headers: {
        ...(body && { 'content-type': 'application/json' }),
        ...(idempotencyKey && { 'idempotency-key': idempotencyKey }),
      },
      body: body && JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    return { status: answer.status, body: await answer.json().catch(() => ({})) };
  } catch {
    return undefined;
  }
}

/** Kills a random replica every KILL_EVERY_MS and starts it again; restarts PostgreSQL once, a third of the way. */
async function runChaos() {
  let restartedPostgres = false;
  while (!chaosOver && !pastDeadline()) {
    await sleep(KILL_EVERY_MS);
    if (chaosOver) break;
    const victim = replicas[Math.floor(Math.random() * replicas.length)];
    victim.process?.kill('SIGKILL');
    victim.process = undefined;
    victim.kills = (victim.kills ?? 0) + 1;
    const at = `${((performance.now() - runStarted) / 1000).toFixed(1)} s`;
    console.log(`  ${at}: replica ${victim.index} killed, ${REQUESTS - budget - made.length} requests in flight`);
    // Requests started, not ended: PostgreSQL goes down while many are in flight.
    const aThirdOfTheWay =
      REQUESTS - budget >= REQUESTS / 3 || performance.now() - runStarted >= Math.min(DURATION_MS, DEADLINE_MS) / 3;
    if (!restartedPostgres && aThirdOfTheWay) {
      restartedPostgres = true;
      postgres.restart();
      console.log(`  ${at}: PostgreSQL restarted`);
    }
    await sleep(1000);
    await startReplica(victim);
  }
}

async function startReplica(replica) {
  const log = openSync(join(logs, `replica-${replica.index}.log`), 'a');
  replica.process = startService(process.execPath, [NEXT_BIN, 'start', '-p', String(replica.port), '-H', '127.0.0.1'], {
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      ...account.environment,
      DATABASE_URL: databaseUrl,
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_MANUAL_SIG_HANDLE: 'true',
      // A killed replica's requests are taken over within seconds, not half a minute.
      WORKER_LEASE_SECONDS: '4',
      METRICS_PORT: 'off',
      LOG_LEVEL: 'warn',
    },
  });
  replica.starts += 1;
  for (let waited = 0; waited < 30_000; waited += 200) {
    const live = await fetch(`http://127.0.0.1:${replica.port}/api/health/live`).then(
      (answer) => answer.ok,
      () => false,
    );
    if (live) return;
    await sleep(200);
  }
  throw new Error(`replica ${replica.index} did not start`);
}

/** A load balancer in miniature: each request to the next replica, the one after if it is down. */
function roundRobin(targets) {
  let next = 0;
  const server = createServer((incoming, outgoing) => {
    const chunks = [];
    incoming.on('data', (chunk) => chunks.push(chunk));
    incoming.on('end', () => tryTarget(0));
    const tryTarget = (tried) => {
      if (tried === targets.length) return outgoing.writeHead(502).end('{"title":"no replica is up"}');
      const target = targets[next++ % targets.length];
      const forward = httpRequest(
        {
          host: '127.0.0.1',
          port: target.port,
          path: incoming.url,
          method: incoming.method,
          headers: incoming.headers,
        },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      // Refused: that replica is down, try the next. Reset mid-answer: the client sees it, as behind a real one.
      forward.on('error', (error) => {
        if (error.code === 'ECONNREFUSED' && !outgoing.headersSent) tryTarget(tried + 1);
        else outgoing.destroy();
      });
      forward.end(Buffer.concat(chunks));
    };
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Every request the users made is in the journal once, has ended, and was ended exactly once. */
async function journalProblems() {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    const stored = new Map(
      (await client.query('select id, state from requests')).rows.map((row) => [row.id, row.state]),
    );
    const endings = new Map(
      (
        await client.query(
          "select request_id, count(*)::int as endings from audit_events where action in ('succeeded', 'failed', 'rolledBack') group by request_id",
        )
      ).rows.map((row) => [row.request_id, row.endings]),
    );
    const takeovers = Number(
      (await client.query("select count(*)::int as count from audit_events where action = 'reclaimed'")).rows[0].count,
    );
    journalFigures.takeovers = takeovers;
    const found = [];
    for (const request of made) {
      if (!FINAL.has(request.state)) found.push(`${request.kind} ${request.clusterName}: ${request.state}`);
      else if (stored.get(request.id) !== request.state)
        found.push(`${request.id}: journal says ${stored.get(request.id)}`);
      else if (endings.get(request.id) !== 1) found.push(`${request.id} ended ${endings.get(request.id) ?? 0} times`);
    }
    if (stored.size !== made.filter((request) => FINAL.has(request.state)).length) {
      found.push(`the journal holds ${stored.size} requests for ${made.length} made`);
    }
    return found;
  } finally {
    await client.end();
  }
}

/** moto holds the resources of each cluster still meant to be there, and nothing of any other request. */
async function awsProblems() {
  const creates = made.filter((request) => request.kind === 'create').map((request) => request.id);
  const live = await account.resourcesByRequest(REQUEST_TAG, creates);
  const deleted = new Set(made.filter((r) => r.kind === 'delete' && r.state === 'succeeded').map((r) => r.clusterName));
  const found = [];
  for (const request of made.filter((r) => r.kind === 'create')) {
    const resources = live.get(request.id) ?? [];
    const meantToBe = request.state === 'succeeded' && !deleted.has(request.clusterName);
    const expected = meantToBe ? aws.resourcesOfCreate(request.ec2) : [];
    if (resources.toSorted().join() !== expected.toSorted().join()) {
      found.push(`${request.clusterName} (${request.state}): moto holds [${resources}], expected [${expected}]`);
    }
    live.delete(request.id);
  }
  for (const [id, resources] of live) found.push(`request ${id}, made by nobody here, left [${resources}]`);
  return found;
}

function report() {
  const done = made.filter((request) => request.seconds !== undefined).map((request) => request.seconds);
  const byState = Object.groupBy(made, (request) => `${request.kind} ${request.state}`);
  console.log(
    `\nChaos run, ${made.length} requests in ${wallSeconds.toFixed(1)} s (all in ${((performance.now() - started) / 1000).toFixed(0)} s)`,
  );
  console.log(`  requests per second                  ${(made.length / wallSeconds).toFixed(2)}`);
  console.log(
    `  time to done, p50 / p99              ${quantile(done, 0.5).toFixed(2)} s / ${quantile(done, 0.99).toFixed(2)} s`,
  );
  console.log(`  requests taken over after a kill     ${journalFigures.takeovers}`);
  for (const [outcome, requests] of Object.entries(byState)) console.log(`  ${outcome.padEnd(37)}${requests.length}`);
  for (const replica of replicas) {
    console.log(
      `  replica ${replica.index}: killed ${replica.kills ?? 0}×, memory ${mb(replica.memory.start)} at the start, ${mb(replica.memory.end)} at the end (started ${replica.starts}×)`,
    );
  }
  if (problems.length > 0) console.log(`\nProblems:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
  else console.log('  every request ended exactly once; moto holds exactly what the succeeded requests left');
}

function residentMemory(replica) {
  try {
    const kib = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${replica.process.pid}/status`, 'utf8'))?.[1];
    return kib ? Number(kib) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

function mb(bytes) {
  return bytes === undefined ? 'unknown' : `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

function pastDeadline() {
  return performance.now() - runStarted > DEADLINE_MS;
}

function quantile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
