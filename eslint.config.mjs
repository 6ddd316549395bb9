import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    // The journal hands out decoded, versioned records (lib/db/records.ts): its rows and JSON
    // columns are lib/db's own, so a stored shape is read in one place, by every version of it.
    files: ['**/*.{ts,tsx,mts}'],
    ignores: ['lib/db/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.object.name='JSON'][callee.property.name='parse'][arguments.0.type='MemberExpression'][arguments.0.property.name=/^(request|plan|outputs|error|detail)$/]",
          message: 'Read the journal’s decoded records from lib/db; never parse its columns elsewhere.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/lib/db/tables'], message: 'Rows are lib/db’s own: use the records of lib/db/records.' },
          ],
        },
      ],
    },
  },
  globalIgnores([
    '.next/**',
    '.node/**',
    '.bench/**',
    '.test-reports/**',
    'node_modules/**',
    'next-env.d.ts',
    'test-results/**',
    'playwright-report/**',
  ]),
]);
