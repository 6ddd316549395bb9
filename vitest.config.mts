import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: here('./') },
      // Unit tests run server modules directly; Next enforces the server-only boundary at build time.
      { find: /^server-only$/, replacement: here('./node_modules/server-only/empty.js') },
    ],
  },
  test: {
    include: ['{app,components,lib}/**/*.test.{ts,tsx}', 'deploy/test/**/*.test.ts'],
    // A PostgreSQL of the run's own: the database tests run against it and against SQLite.
    globalSetup: ['./lib/db/postgres-for-tests.ts'],
    environment: 'node',
    // The server's log is for its operators; a test of it gives its logger a destination of its own.
    env: { LOG_LEVEL: 'silent' },
  },
});
