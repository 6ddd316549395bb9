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
    include: ['{app,components,lib}/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
