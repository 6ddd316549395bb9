import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The lint rules that keep the layers apart (eslint.config.mjs), tried on code that breaks them. */
describe('the boundaries between lib/ folders', () => {
  const lint = async (code: string, filePath: string) => {
    const [result] = await new ESLint().lintText(code, { filePath });
    return result!.messages.map((message) => message.ruleId);
  };

  it('refuses a column parsed outside lib/db, and its rows imported', async () => {
    const code =
      "import type { Database } from '@/lib/db/tables';\nexport const plan = (row: { plan: string }, db?: Database) => [JSON.parse(row.plan), db];\n";
    await expect(lint(code, 'app/requests/probe.ts')).resolves.toEqual(
      expect.arrayContaining(['no-restricted-imports', 'no-restricted-syntax']),
    );
    await expect(lint(code, 'lib/db/probe.ts')).resolves.not.toContain('no-restricted-syntax');
  }, 30_000);

  it('keeps the form’s shapes out of the worker and the service, and the server out of the domain', async () => {
    const formShapes =
      "import type { ClusterFormValues } from '@/lib/cluster-form/fields';\nexport type V = ClusterFormValues;\n";
    await expect(lint(formShapes, 'lib/provision/probe.ts')).resolves.toContain('no-restricted-imports');
    await expect(lint(formShapes, 'lib/requests/probe.ts')).resolves.toContain('no-restricted-imports');
    await expect(lint(formShapes, 'app/clusters/create/probe.ts')).resolves.not.toContain('no-restricted-imports');
    const server = "import { findCluster } from '@/lib/aws/clusters';\nexport const read = findCluster;\n";
    await expect(lint(server, 'lib/cluster/probe.ts')).resolves.toContain('no-restricted-imports');
  }, 30_000);
});
