import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicyFile, parsePolicy, PolicyFileError } from './load';

const problemsOf = (text: string) => {
  try {
    parsePolicy(text);
  } catch (error) {
    if (error instanceof PolicyFileError) return error.problems;
    throw error;
  }
  throw new Error('the policy was accepted');
};

describe('the policy file', () => {
  it('reads the example and the sandbox file the repository ships, with defaults filled in', () => {
    const example = loadPolicyFile('docs/policy.example.yaml').policy;
    expect(example.admins.groups).toEqual(['platform-admins']);
    expect(example.teams.payments).toMatchObject({
      clusterNamePrefix: 'payments-',
      requiredTags: { 'cost-center': ['cc-100', 'cc-200'], owner: [] },
      instanceTypes: ['t3.*', 'm7g.large'],
      maxInstances: 10,
      containerInsights: 'enhanced',
      maxClusters: 20,
    });
    const sandbox = loadPolicyFile('scripts/sandbox/policy.yaml').policy;
    expect(sandbox.teams.search).toEqual({
      groups: ['search-eng'],
      clients: [],
      clusterNamePrefix: 'search-',
      requiredTags: {},
      infrastructure: ['fargate'],
      allowDeletes: false,
    });
    expect(sandbox.teams.payments?.clients).toEqual(['demo-ci']);
    expect(sandbox.teams.payments?.allowDeletes).toBe(true);
  });

  it('versions the rules by the file’s content', () => {
    const text = readFileSync('scripts/sandbox/policy.yaml', 'utf8');
    const { version } = parsePolicy(text);
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect(parsePolicy(text).version).toBe(version);
    expect(parsePolicy(`${text}\n# a comment changes the file\n`).version).not.toBe(version);
  });

  it('lists every problem with its path and line', () => {
    const problems = problemsOf(
      [
        'admins:', //                       1
        '  groups: [platform-admins]', //   2
        'teams:', //                        3
        '  payments:', //                   4
        '    groups: [payments-eng]', //    5
        '    maxInstances: -3', //          6
        '    infrastructure: [fargate, lambda]', // 7
        '    instanceType: ["t3.*"]', //    8 (misspelt)
        '    containerInsights: high', //   9
        '  Search_Team:', //                10
        '    groups: [search]', //          11
      ].join('\n'),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'teams.payments.maxInstances', line: 6 }),
        expect.objectContaining({ path: 'teams.payments.infrastructure.1', line: 7 }),
        { path: 'teams.payments.instanceType', line: 8, message: 'is not a rule this app knows' },
        expect.objectContaining({ path: 'teams.payments.containerInsights', line: 9 }),
        expect.objectContaining({ path: 'teams.Search_Team', line: 10, message: expect.stringContaining('team name') }),
      ]),
    );
    expect(problems).toHaveLength(5);
  });

  it('says where the YAML itself is broken', () => {
    expect(problemsOf('teams:\n  payments:\n    groups: [a\n')).toEqual([
      expect.objectContaining({ path: '', line: expect.any(Number) }),
    ]);
    expect(problemsOf('teams:\n  a:\n    groups: [x]\n  a:\n    groups: [y]\n')[0]?.message).toMatch(/unique/i);
  });

  it('needs at least one team, and a prefix that can be a cluster name', () => {
    expect(problemsOf('teams: {}')).toEqual([expect.objectContaining({ path: 'teams', line: 1 })]);
    expect(problemsOf('teams:\n  a:\n    clusterNamePrefix: "bad prefix"\n')).toEqual([
      expect.objectContaining({ path: 'teams.a.clusterNamePrefix', line: 3 }),
    ]);
  });

  it('names a missing file and what to set', () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'policy-')), 'nope.yaml');
    expect(() => loadPolicyFile(missing)).toThrow(/does not exist \(set POLICY_FILE/);
    const file = join(mkdtempSync(join(tmpdir(), 'policy-')), 'policy.yaml');
    writeFileSync(file, 'teams:\n  a:\n    maxClusters: 0\n');
    expect(() => loadPolicyFile(file)).toThrow(/line 3: teams\.a\.maxClusters/);
  });
});
