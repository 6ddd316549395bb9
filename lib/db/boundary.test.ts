import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The lint rule that keeps the journal's stored shapes inside lib/db, tried on code that breaks it. */
describe('the journal’s boundary', () => {
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
});
