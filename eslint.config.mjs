import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

/**
 * What each folder of lib/ may import from the others (README: How the code is laid out). The
 * domain (cluster) knows nothing of the server; the form's shapes (cluster-form) stay out of the
 * service and the worker; only runtime wires the process's database, service and worker together.
 */
const LIB_IMPORTS = {
  i18n: [],
  telemetry: [],
  cluster: ['i18n'],
  'cluster-form': ['cluster', 'policy', 'i18n'],
  policy: ['cluster', 'i18n'],
  http: ['i18n'],
  aws: ['cluster', 'i18n', 'telemetry'],
  db: ['cluster', 'i18n', 'telemetry'],
  auth: ['db', 'policy', 'i18n', 'telemetry'],
  provision: ['aws', 'cluster', 'db', 'i18n', 'telemetry'],
  requests: ['auth', 'aws', 'cluster', 'db', 'policy', 'provision', 'i18n', 'telemetry'],
  runtime: ['auth', 'aws', 'db', 'policy', 'provision', 'requests', 'i18n', 'telemetry'],
  api: ['auth', 'aws', 'cluster', 'db', 'policy', 'provision', 'requests', 'i18n', 'telemetry'],
};
const JOURNAL_ROWS = {
  group: ['@/lib/db/tables'],
  message: 'Rows are lib/db’s own: use the records of lib/db/records.',
};

const libFolderRules = Object.entries(LIB_IMPORTS).map(([folder, allowed]) => ({
  files: [`lib/${folder}/**/*.{ts,tsx}`],
  // Tests and their helpers put the layers together on purpose.
  ignores: ['**/*.test.{ts,tsx}', '**/test-*.{ts,tsx}', '**/*-for-tests.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...(folder === 'db' ? [] : [JOURNAL_ROWS]),
          {
            group: Object.keys(LIB_IMPORTS)
              .filter((other) => other !== folder && !allowed.includes(other))
              .flatMap((other) => [`@/lib/${other}`, `@/lib/${other}/*`]),
            message: `lib/${folder} may import only from lib/${[folder, ...allowed].join(', lib/')}.`,
          },
        ],
      },
    ],
  },
}));

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
      'no-restricted-imports': ['error', { patterns: [JOURNAL_ROWS] }],
    },
  },
  ...libFolderRules,
  globalIgnores([
    '.next/**',
    '.node/**',
    '.bench/**',
    '.test-reports/**',
    'node_modules/**',
    'next-env.d.ts',
    'test-results/**',
    'playwright-report/**',
    'deploy/node_modules/**',
    'deploy/cdk.out/**',
  ]),
]);
