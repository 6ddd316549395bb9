#!/usr/bin/env node
// The CDK app: `npx cdk synth` / `npx cdk deploy` in this folder (see the README's "Deploy to AWS").
import { App } from 'aws-cdk-lib';
import { type PortalSettings, PortalStack } from '../lib/portal-stack.ts';

const app = new App();
const setting = (name: keyof PortalSettings): string | undefined => app.node.tryGetContext(name);
const required = (name: keyof PortalSettings): string => {
  const value = setting(name);
  if (!value) throw new Error(`Set ${name}: npx cdk deploy -c ${name}=… (see the README's "Deploy to AWS").`);
  return value;
};

new PortalStack(
  app,
  'EcsClusterPortal',
  {
    domainName: required('domainName'),
    certificateArn: required('certificateArn'),
    oidcIssuer: required('oidcIssuer'),
    oidcClientId: required('oidcClientId'),
    oidcClientSecretName: setting('oidcClientSecretName') ?? 'ecs-portal/oidc-client-secret',
    imageUri: setting('imageUri'),
    policyFile: setting('policyFile'),
    tasks: setting('tasks') === undefined ? undefined : Number(setting('tasks')),
  },
  { env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION } },
);
