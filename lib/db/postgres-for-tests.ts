import type { TestProject } from 'vitest/node';
import { startPostgres } from '../../scripts/postgres.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server of the test run's own, for the database tests. */
    postgresUrl: string;
  }
}

/** Vitest's global setup: one PostgreSQL for the whole run, stopped when it ends. */
export default async function setup(project: TestProject) {
  const server = await startPostgres();
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
