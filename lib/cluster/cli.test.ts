import * as autoScaling from '@aws-sdk/client-auto-scaling';
import * as ec2 from '@aws-sdk/client-ec2';
import * as ecs from '@aws-sdk/client-ecs';
import * as iam from '@aws-sdk/client-iam';
import * as ssm from '@aws-sdk/client-ssm';
import { describe, expect, it } from 'vitest';
import { awsCliCommand, awsCliScript } from './cli';
import { planCluster } from './plan';
import { aClusterRequest, anEc2Request } from './builders';
import type { ClusterRequest } from './request';

/** The SDK's own description of each operation's input: member names and, for each, its kind. */
const SDK: Record<string, Record<string, unknown>> = { autoscaling: autoScaling, ec2, ecs, iam, ssm };
const BOOLEAN = 2;
const lazy = (value: unknown) => (typeof value === 'function' ? (value as () => unknown)() : value);

function inputMembers(service: string, operation: string): Map<string, unknown> {
  const pascal = operation.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());
  const schema = SDK[service]?.[`${pascal}$`] as unknown[] | undefined;
  if (!schema) throw new Error(`the SDK has no operation ${service} ${operation}`);
  const input = lazy(schema[4]) as [number, string, string, number, string[], unknown[]];
  return new Map(input[4].map((name, index) => [cliName(name), input[5][index]]));
}

/** How the AWS CLI names a member (botocore's xform_name), written apart from the generator. */
const cliName = (member: string) =>
  member
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replaceAll('_', '-');

/**
 * Splits a command into words as bash would (single quotes, double quotes, '\'' escapes, line
 * continuations), up to an unquoted `)` that closes a `$(…)`, or the end of the line.
 */
function shellWords(command: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  const closing = (quote: string, from: number) => {
    const end = command.indexOf(quote, from);
    if (end < 0) throw new Error(`unterminated ${quote} in ${command}`);
    return end;
  };
  for (let i = 0; i < command.length; i += 1) {
    const char = command[i] ?? '';
    if (char === "'" || char === '"') {
      const end = closing(char, i + 1);
      word = (word ?? '') + command.slice(i + 1, end);
      i = end;
    } else if (char === '\\') {
      // an escaped character, or a line continuation
      if (command[i + 1] !== '\n') word = (word ?? '') + (command[i + 1] ?? '');
      i += 1;
    } else if (char === ')' || char === '\n' || char === ';') {
      break;
    } else if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? '') + char;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** Every `aws …` command of a script, as words. */
function commandsOf(script: string): string[][] {
  return [...script.matchAll(/(?:^|\$\()aws /gm)].map((match) =>
    shellWords(script.slice(match.index + match[0].length - 4)),
  );
}

/** What is wrong with one command, as the AWS CLI v2 would see its options; [] when nothing. */
function cliProblems([aws, service = '', operation = '', ...rest]: string[]): string[] {
  if (aws !== 'aws') return [`not an aws command: ${aws}`];
  const members = inputMembers(service, operation);
  const problems: string[] = [];
  for (let i = 0; i < rest.length; i += 1) {
    const option = rest[i] ?? '';
    const next = rest[i + 1];
    const takesValue = next !== undefined && !next.startsWith('--');
    if (option === '--query' || option === '--output') {
      if (!takesValue) problems.push(`${option} needs a value`);
      i += 1;
      continue;
    }
    const name = option.replace(/^--/, '');
    const kind = members.get(name) ?? members.get(name.replace(/^no-/, ''));
    if (!option.startsWith('--') || kind === undefined) {
      problems.push(`${service} ${operation} has no option ${option}`);
    } else if (kind === BOOLEAN) {
      if (takesValue) problems.push(`${option} is a flag and takes no value`);
    } else if (name.startsWith('no-') && !members.has(name)) {
      problems.push(`${option}: only flags have a --no- form`);
    } else if (!takesValue) {
      problems.push(`${option} needs a value`);
    } else {
      i += 1;
    }
  }
  return problems;
}

const REQUESTS: [string, ClusterRequest][] = [
  [
    'Fargate with every setting',
    aClusterRequest({ monitoring: 'enhanced', namespace: 'shop', tags: [{ key: 'owner', value: 'Kim Min-jun' }] }),
  ],
  [
    'EC2: new role, new security group, Spot, public IP',
    anEc2Request({
      instanceProfile: undefined,
      keyName: 'ops',
      spot: { allocationStrategy: 'price-capacity-optimized' },
      publicIp: 'on',
      securityGroup: {
        type: 'new',
        name: 'hosts',
        inboundRules: [{ type: 'custom-tcp', portRange: { from: 8000, to: 8100 }, cidr: '10.0.0.0/8' }],
      },
    }),
  ],
  [
    'EC2: an existing group',
    aClusterRequest({
      infrastructure: {
        type: 'ec2ExistingGroup',
        fargate: true,
        autoScalingGroupArn:
          'arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:8f0e5b2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b:autoScalingGroupName/g',
      },
    }),
  ],
];

describe('awsCliScript', () => {
  it.each(REQUESTS)('%s: every command uses options the AWS CLI has, of the right kind', (_, change) => {
    const plan = planCluster(change);
    const commands = commandsOf(awsCliScript(plan));
    expect(commands).toHaveLength(plan.steps.length);
    expect(commands.flatMap(cliProblems)).toEqual([]);
  });

  it('writes booleans as the CLI’s flag pairs', () => {
    const script = awsCliScript(planCluster(REQUESTS[1]![1]));
    expect(script).toContain('--no-new-instances-protected-from-scale-in');
    expect(script).not.toMatch(/--new-instances-protected-from-scale-in (true|false)/);
  });

  it('captures what later steps need into variables, and uses them where the plan refers to them', () => {
    const script = awsCliScript(planCluster(REQUESTS[1]![1]));
    expect(script).not.toContain('{{');
    expect(script).toMatch(
      /^IMAGE_ID=\$\(aws ssm get-parameter \\\n {2}--name \S+ \\\n {2}--query Parameter.Value \\\n {2}--output text\)$/m,
    );
    expect(script).toContain(`'{"ImageId":"'"$IMAGE_ID"'",`);
    expect(script).toMatch(/SECURITY_GROUP_ID=\$\(aws ec2 create-security-group/);
    expect(script).toContain('--group-id "$SECURITY_GROUP_ID"');
    expect(script).toContain(`"autoScalingGroupArn":"'"$AUTO_SCALING_GROUP_ARN"'"`);
    expect(script).toMatch(
      /while status=\$\(aws ecs describe-capacity-providers[\s\S]*?\); ! \[\[ "\$status" = ACTIVE \]\]; do/,
    );
  });

  it('is a script bash accepts', async () => {
    const { spawnSync } = await import('node:child_process');
    for (const [, change] of REQUESTS) {
      const check = spawnSync('bash', ['-n'], { input: awsCliScript(planCluster(change)) });
      expect(check.stderr.toString()).toBe('');
      expect(check.status).toBe(0);
    }
  });
});

describe('awsCliCommand', () => {
  it('quotes text the shell would otherwise split or expand, including single quotes', () => {
    const command = awsCliCommand({
      action: 'ecs:CreateCluster',
      input: { clusterName: 'demo', tags: [{ key: 'owner', value: "O'Neil $HOME" }] },
    });
    expect(command).toContain(`--tags '[{"key":"owner","value":"O'\\''Neil $HOME"}]'`);
    expect(shellWords(command)).toContain('[{"key":"owner","value":"O\'Neil $HOME"}]');
  });

  it('spells PascalCase members of other services as the CLI does', () => {
    expect(awsCliCommand({ action: 'ecs:DeleteCluster', input: { cluster: 'demo' } })).toBe(
      'aws ecs delete-cluster \\\n  --cluster demo',
    );
  });
});
