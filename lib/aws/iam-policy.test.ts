import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fargatePolicy from '@/docs/iam/fargate.json';
import ec2Policy from '@/docs/iam/ec2.json';
import { planCluster, planTeardown } from '@/lib/cluster/plan';
import { DECLARED_ACTIONS } from './errors';
import { STEP_ACTIONS } from './perform';
import { aClusterRequest } from '@/lib/cluster/builders';

/** The IAM prefix of each AWS SDK client package the server uses. */
const IAM_PREFIX: Record<string, string> = {
  'client-ecs': 'ecs',
  'client-ec2': 'ec2',
  'client-auto-scaling': 'autoscaling',
  'client-iam': 'iam',
  'client-ssm': 'ssm',
  'client-servicediscovery': 'servicediscovery',
  'client-cloudwatch-logs': 'logs',
  'client-s3': 's3',
  'client-sts': 'sts',
};
/** Operations IAM authorizes under another action's name; GetCallerIdentity needs no permission. */
const AUTHORIZED_AS: Record<string, string | undefined> = {
  's3:HeadBucket': 's3:ListBucket',
  'sts:GetCallerIdentity': undefined,
};

function allowed(policy: { Statement: { Action: string | string[] }[] }): Set<string> {
  return new Set(policy.Statement.flatMap((statement) => [statement.Action].flat()));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every AWS operation the app's code can call: the commands and paginators it imports from the SDK. */
function operationsCalledByTheApp(): string[] {
  const operations = new Set<string>();
  for (const file of [...sourceFiles('lib'), ...sourceFiles('app')]) {
    const text = readFileSync(file, 'utf8');
    for (const [, names = '', client = ''] of text.matchAll(
      /import\s*\{([^}]*)\}\s*from\s*'@aws-sdk\/(client-[a-z0-9-]+)'/g,
    )) {
      const prefix = IAM_PREFIX[client];
      if (!prefix) throw new Error(`${file} uses @aws-sdk/${client}: add its IAM prefix`);
      for (const name of names.split(',').map((part) => part.trim().replace(/^type\s+/, ''))) {
        const command = /^(\w+)Command$/.exec(name)?.[1] ?? /^paginate(\w+)$/.exec(name)?.[1];
        if (command && !names.includes(`type ${name}`)) {
          const operation = `${prefix}:${command}`;
          const authorizedAs = operation in AUTHORIZED_AS ? AUTHORIZED_AS[operation] : operation;
          if (authorizedAs) operations.add(authorizedAs);
        }
      }
    }
  }
  return [...operations].sort();
}

describe('the IAM policies in docs/iam', () => {
  it('the EC2 policy allows every AWS operation the code calls', () => {
    const operations = operationsCalledByTheApp();
    expect(operations.length).toBeGreaterThan(30);
    const policy = allowed(ec2Policy);
    expect(operations.filter((operation) => !policy.has(operation))).toEqual([]);
  });

  it('the EC2 policy allows every IAM action a function of lib/aws declares it needs', async () => {
    // Each module declares its actions (needs()) as it loads.
    for (const file of sourceFiles('lib/aws')) await import(/* @vite-ignore */ `@/${file.replace(/\.ts$/, '')}`);
    const policy = allowed(ec2Policy);
    const declared = [...DECLARED_ACTIONS].map((action) => (action in AUTHORIZED_AS ? AUTHORIZED_AS[action] : action));
    expect(declared.length).toBeGreaterThan(30);
    expect(declared.filter((action) => action !== undefined && !policy.has(action))).toEqual([]);
  });

  it('the EC2 policy allows every action a plan step may perform', () => {
    const policy = allowed(ec2Policy);
    expect(STEP_ACTIONS.filter((action) => !policy.has(action))).toEqual([]);
  });

  it('the Fargate policy allows everything a Fargate-only cluster needs, and no more than the EC2 policy', () => {
    const plan = planCluster(aClusterRequest());
    const teardown = planTeardown({
      clusterName: 'demo',
      requestId: plan.requestId,
      capacityProviders: ['FARGATE'],
      services: 0,
      tasks: 0,
      roleUsedBy: [],
    });
    const needed = [
      ...plan.steps.map((step) => step.call.action),
      ...(teardown.ok ? teardown.plan.steps.map((step) => step.call.action) : ['a refused teardown']),
      'ecs:ListServices',
      'ecs:ListTasks',
      'ecs:DescribeClusters',
      'ecs:ListClusters',
      'ecs:ListAccountSettings',
      'ecs:TagResource',
      'servicediscovery:ListNamespaces',
    ];
    const fargate = allowed(fargatePolicy);
    expect(needed.filter((action) => !fargate.has(action))).toEqual([]);
    const ec2 = allowed(ec2Policy);
    expect([...fargate].filter((action) => !ec2.has(action))).toEqual([]);
  });
});
