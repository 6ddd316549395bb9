import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { PortalStack, TASK_POLICY_FILE } from '../lib/portal-stack.ts';

/**
 * `cdk synth` of the deployment recipe, read with CDK's assertions: what AWS CloudFormation would be
 * asked to make. Nothing is deployed.
 */
let template: Template;
beforeAll(() => {
  const app = new App();
  const stack = new PortalStack(
    app,
    'Portal',
    {
      domainName: 'ecs-portal.example.com',
      certificateArn: 'arn:aws:acm:eu-west-1:111122223333:certificate/0f4e5d6c-1a2b-4c3d-8e9f-001122334455',
      oidcIssuer: 'https://login.example.com',
      oidcClientId: 'ecs-portal',
      oidcClientSecretName: 'ecs-portal/oidc-client-secret',
      imageUri: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/ecs-portal:1.0.0',
    },
    { env: { account: '111122223333', region: 'eu-west-1' } },
  );
  template = Template.fromStack(stack);
});

const container = () => {
  const [definition] = Object.values(template.findResources('AWS::ECS::TaskDefinition'));
  return (definition as { Properties: { ContainerDefinitions: Record<string, unknown>[] } }).Properties
    .ContainerDefinitions[0]!;
};

describe('the deployment recipe', () => {
  it('runs the image as a Fargate service of two tasks or more, rolled back if a deploy fails', () => {
    template.hasResourceProperties('AWS::ECS::Service', {
      LaunchType: 'FARGATE',
      DesiredCount: 2,
      DeploymentConfiguration: Match.objectLike({
        MinimumHealthyPercent: 100,
        DeploymentCircuitBreaker: { Enable: true, Rollback: true },
      }),
    });
    expect(container()).toMatchObject({
      Image: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/ecs-portal:1.0.0',
      PortMappings: [{ ContainerPort: 3000 }],
      HealthCheck: { Command: expect.arrayContaining([expect.stringContaining('/api/health/live')]) },
    });
    expect(() => new PortalStack(new App(), 'One', { ...settingsOf(), tasks: 1 })).toThrow(/two or more/);
  });

  it('serves HTTPS behind an Application Load Balancer that asks the readiness endpoint', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Protocol: 'HTTPS',
      Port: 443,
      Certificates: [{ CertificateArn: Match.stringLikeRegexp('^arn:aws:acm:') }],
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Protocol: 'HTTP',
      DefaultActions: [Match.objectLike({ Type: 'redirect', RedirectConfig: Match.objectLike({ Protocol: 'HTTPS' }) })],
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      HealthCheckPath: '/api/health/ready',
      Matcher: { HttpCode: '200' },
    });
    template.hasResourceProperties('AWS::ECS::Service', {
      LoadBalancers: [Match.objectLike({ ContainerName: 'portal', ContainerPort: 3000 })],
    });
  });

  it('keeps the journal in RDS for PostgreSQL, encrypted, in two zones, kept on delete', () => {
    template.hasResourceProperties('AWS::RDS::DBInstance', {
      Engine: 'postgres',
      EngineVersion: Match.stringLikeRegexp('^17'),
      StorageEncrypted: true,
      MultiAZ: true,
      DeletionProtection: true,
      PubliclyAccessible: false,
      StorageType: 'gp3',
    });
    template.hasResource('AWS::RDS::DBInstance', { DeletionPolicy: 'Snapshot' });
    expect(container()).toMatchObject({
      Environment: expect.arrayContaining([
        { Name: 'DATABASE_URL', Value: expect.objectContaining({ 'Fn::Join': expect.anything() }) },
      ]),
    });
  });

  it('gives the server its secrets from Secrets Manager, never as plain settings', () => {
    const secrets = (container().Secrets as { Name: string; ValueFrom: unknown }[]).map((secret) => secret.Name);
    expect(secrets.toSorted()).toEqual([
      'AUTH_SECRET',
      'METRICS_TOKEN',
      'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY',
      'OIDC_CLIENT_SECRET',
      'PGPASSWORD',
    ]);
    const plain = (container().Environment as { Name: string }[]).map((setting) => setting.Name);
    expect(plain.filter((name) => /SECRET|TOKEN|PASSWORD|KEY/.test(name))).toEqual([]);
    // Made here: the database's, the session key, the actions key, the metrics token.
    template.resourceCountIs('AWS::SecretsManager::Secret', 4);
  });

  it('sends the JSON log lines to CloudWatch Logs', () => {
    expect(container()).toMatchObject({ LogConfiguration: { LogDriver: 'awslogs' } });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
  });

  it('allows the task role exactly the actions of the IAM policy in docs/iam, and no wildcard action', () => {
    const policyFile = JSON.parse(readFileSync(TASK_POLICY_FILE, 'utf8')) as { Statement: { Action: string[] }[] };
    const inFile = new Set(policyFile.Statement.flatMap((statement) => statement.Action));
    const [role] = Object.values(
      template.findResources('AWS::IAM::Role', {
        Properties: {
          AssumeRolePolicyDocument: Match.objectLike({
            Statement: [Match.objectLike({ Principal: { Service: 'ecs-tasks.amazonaws.com' } })],
          }),
        },
      }),
    ).filter((candidate) => JSON.stringify(candidate).includes('"portal"'));
    const statements = (
      role as { Properties: { Policies: { PolicyDocument: { Statement: { Action: string | string[] }[] } }[] } }
    ).Properties.Policies.flatMap((policy) => policy.PolicyDocument.Statement);
    const granted = new Set(statements.flatMap((statement) => [statement.Action].flat()));
    expect([...granted].toSorted()).toEqual([...inFile].toSorted());
    expect([...granted].some((action) => action.includes('*'))).toBe(false);
    // Nothing else is attached to the task role (the secrets are the execution role's to read).
    const policiesOnTaskRole = Object.values(template.findResources('AWS::IAM::Policy')).filter((policy) =>
      JSON.stringify(policy).includes('TaskRole'),
    );
    expect(policiesOnTaskRole).toEqual([]);
  });
});

function settingsOf() {
  return {
    domainName: 'ecs-portal.example.com',
    certificateArn: 'arn:aws:acm:eu-west-1:111122223333:certificate/x',
    oidcIssuer: 'https://login.example.com',
    oidcClientId: 'ecs-portal',
    oidcClientSecretName: 'ecs-portal/oidc-client-secret',
    imageUri: 'example/ecs-portal:1',
  };
}
