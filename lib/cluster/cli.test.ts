import { describe, expect, it } from 'vitest';
import { awsCliCommand } from './cli';

describe('awsCliCommand', () => {
  it('writes one option per request member, structures as JSON', () => {
    expect(
      awsCliCommand({
        action: 'ecs:CreateCluster',
        input: {
          clusterName: 'demo',
          capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
          settings: [{ name: 'containerInsights', value: 'enhanced' }],
        },
      }),
    ).toBe(
      [
        'aws ecs create-cluster \\',
        '  --cluster-name demo \\',
        `  --capacity-providers '["FARGATE","FARGATE_SPOT"]' \\`,
        `  --settings '[{"name":"containerInsights","value":"enhanced"}]'`,
      ].join('\n'),
    );
  });

  it('quotes text the shell would otherwise split or expand, including single quotes', () => {
    const command = awsCliCommand({
      action: 'ecs:CreateCluster',
      input: { clusterName: 'demo', tags: [{ key: 'owner', value: "O'Neil $HOME" }] },
    });
    expect(command).toContain(`--tags '[{"key":"owner","value":"O'\\''Neil $HOME"}]'`);
  });

  it('spells PascalCase members of other services as the CLI does', () => {
    expect(awsCliCommand({ action: 'ecs:DeleteCluster', input: { cluster: 'demo' } })).toBe(
      'aws ecs delete-cluster \\\n  --cluster demo',
    );
  });
});
