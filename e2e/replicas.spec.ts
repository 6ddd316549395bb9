import { createServer, request as forward, type Server } from 'node:http';
import pg from 'pg';
import { actionFields, clusterFormFields } from '../scripts/form-post.mjs';
import { startPostgres } from '../scripts/postgres.mjs';
import { activeClusterNames } from './support/aws';
import { type AppServer, startApp } from './support/app-server';
import { expect, test } from './support/fixtures';

/** Sends each request to the next server in turn, as a load balancer with no affinity does. */
function roundRobin(port: number, backends: string[]): Promise<Server> {
  let next = 0;
  const proxy = createServer((incoming, answer) => {
    const target = new URL(backends[next++ % backends.length]!);
    const outgoing = forward(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (reply) => {
        answer.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(answer);
      },
    );
    outgoing.on('error', () => answer.destroy());
    incoming.pipe(outgoing);
  });
  return new Promise((resolve) => proxy.listen(port, '127.0.0.1', () => resolve(proxy)));
}

const TAKEN =
  /Another request is already creating a cluster with this name|An active cluster with this name already exists/;

test('two servers on one PostgreSQL behind a round-robin proxy: 40 submits for 20 names make 20 clusters', async () => {
  test.setTimeout(180_000);
  const postgres = await startPostgres();
  const servers: AppServer[] = [];
  let proxy: Server | undefined;
  try {
    servers.push(await startApp(3112, postgres.url), await startApp(3113, postgres.url));
    proxy = await roundRobin(
      3114,
      servers.map((server) => server.url),
    );
    const url = 'http://127.0.0.1:3114';

    // Each name twice, under two request ids, all at once, through the proxy.
    const names = Array.from({ length: 20 }, (_, index) => `replica-${index}`);
    const submit = async (name: string) => {
      const fields = actionFields(await (await fetch(`${url}/clusters/create`)).text());
      const body = new FormData();
      for (const [key, value] of Object.entries({ ...fields, ...clusterFormFields(name) })) body.append(key, value);
      const answer = await fetch(`${url}/clusters/create`, { method: 'POST', body, redirect: 'manual' });
      return { name, status: answer.status, text: await answer.text() };
    };
    const answers = await Promise.all([...names, ...names].map(submit));

    // The second submit of a name is refused at the name field, or (when it came in after the
    // first had finished but before its cluster could be seen) stored, and then refused by ECS
    // on its cluster's page: checked in the journal below.
    let storedTwice = 0;
    for (const name of names) {
      const forName = answers.filter((answer) => answer.name === name);
      const statuses = forName.map((answer) => answer.status).toSorted();
      if (statuses[0] === 303) storedTwice += 1;
      else expect(forName.find((answer) => answer.status === 200)?.text, name).toMatch(TAKEN);
      expect(
        [
          [200, 303],
          [303, 303],
        ],
        name,
      ).toContainEqual(statuses);
    }
    await expect
      .poll(async () => (await activeClusterNames()).toSorted(), { timeout: 60_000 })
      .toEqual(names.toSorted());

    // Every request's steps were journaled by exactly one worker (which replica's is a matter of
    // timing: now that a submit is answered once stored, one replica's worker may take them all).
    const client = new pg.Client(postgres.url);
    await client.connect();
    const unfinished = async () =>
      Number((await client.query("select count(*) from requests where state in ('queued', 'running')")).rows[0].count);
    await expect.poll(unfinished, { timeout: 30_000 }).toBe(0);
    const { rows } = await client.query<{ request_id: string; owners: string }>(
      'select request_id, count(distinct owner) as owners from request_steps group by request_id',
    );
    const { rows: states } = await client.query<{ state: string; count: string }>(
      'select state, count(*) as count from requests group by state',
    );
    await client.end();
    expect(rows.length).toBeGreaterThanOrEqual(20);
    expect(rows.every((row) => Number(row.owners) === 1)).toBe(true);
    // 20 succeeded, and each second submit that was stored ended rolled back (ECS refused its
    // CreateCluster for the name): nothing else.
    const count = Object.fromEntries(states.map((row) => [row.state, Number(row.count)]));
    expect(count.succeeded).toBe(20);
    expect(count.rolledBack ?? 0).toBe(storedTwice);
    expect(Object.keys(count).filter((state) => state !== 'succeeded' && state !== 'rolledBack')).toEqual([]);
  } finally {
    proxy?.close();
    await Promise.all(servers.map((server) => server.stop('SIGKILL')));
    postgres.stop();
  }
});
