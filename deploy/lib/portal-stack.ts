import { readFileSync } from 'node:fs';
import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { InstanceClass, InstanceSize, InstanceType, SubnetType, Vpc } from 'aws-cdk-lib/aws-ec2';
import {
  AwsLogDriver,
  Cluster,
  ContainerImage,
  ContainerInsights,
  FargateTaskDefinition,
  Secret as ContainerSecret,
} from 'aws-cdk-lib/aws-ecs';
import { ApplicationLoadBalancedFargateService } from 'aws-cdk-lib/aws-ecs-patterns';
import { ApplicationProtocol, SslPolicy } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { PolicyDocument, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  Credentials,
  DatabaseInstance,
  DatabaseInstanceEngine,
  PostgresEngineVersion,
  StorageType,
} from 'aws-cdk-lib/aws-rds';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';

/** What differs from one company's portal to another's (cdk.json's context, or `-c name=value`). */
export interface PortalSettings {
  /** The portal's address, e.g. `ecs-portal.example.com`: APP_URL is https://<domainName>. */
  domainName: string;
  /** An ACM certificate for domainName, in the stack's Region. */
  certificateArn: string;
  /** The company's OpenID Connect issuer and the portal's client there. */
  oidcIssuer: string;
  oidcClientId: string;
  /** The Secrets Manager secret holding that client's secret (made by you, from the identity provider's value). */
  oidcClientSecretName: string;
  /** An image already pushed (e.g. by your CI); without one, the repository's Dockerfile is built at deploy. */
  imageUri?: string;
  /** The team rules built into the image (the Dockerfile's POLICY_FILE argument). */
  policyFile?: string;
  /** How many tasks serve the portal: two or more, so a deploy or a lost task is never an outage. */
  tasks?: number;
}

/** The IAM policy the app's own docs give its server (docs/iam): the one source of the task role's rights. */
export const TASK_POLICY_FILE = new URL('../../docs/iam/ec2.json', import.meta.url);

const PORT = 3000;

/**
 * The portal as a platform team runs it: the container image as an ECS service on Fargate behind
 * an Application Load Balancer (HTTPS, the readiness endpoint as its health check), RDS for
 * PostgreSQL as the journal every task shares, its secrets in AWS Secrets Manager, its JSON log
 * lines in CloudWatch Logs, and a task role allowed exactly the actions of docs/iam/ec2.json.
 */
export class PortalStack extends Stack {
  constructor(scope: Construct, id: string, settings: PortalSettings, props?: StackProps) {
    super(scope, id, props);
    const tasks = settings.tasks ?? 2;
    if (tasks < 2)
      throw new Error(`tasks is ${tasks}: run two or more, so a deploy or a lost task is never an outage.`);

    const vpc = new Vpc(this, 'Network', { maxAzs: 2, natGateways: 1 });
    const cluster = new Cluster(this, 'Cluster', { vpc, containerInsightsV2: ContainerInsights.ENABLED });

    const database = new DatabaseInstance(this, 'Journal', {
      engine: DatabaseInstanceEngine.postgres({ version: PostgresEngineVersion.VER_17 }),
      instanceType: InstanceType.of(InstanceClass.T4G, InstanceSize.SMALL),
      vpc,
      vpcSubnets: { subnetType: SubnetType.PRIVATE_WITH_EGRESS },
      credentials: Credentials.fromGeneratedSecret('portal'),
      databaseName: 'portal',
      multiAz: true,
      allocatedStorage: 20,
      storageType: StorageType.GP3,
      storageEncrypted: true,
      backupRetention: Duration.days(7),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.SNAPSHOT,
    });

    const generated = (name: string, description: string, length: number) =>
      new Secret(this, name, {
        description,
        // Letters and digits only: NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is read as base64, which they are.
        generateSecretString: { passwordLength: length, excludePunctuation: true },
      });
    const authSecret = generated('AuthSecret', 'Signs the portal’s sessions (AUTH_SECRET).', 64);
    // 43 base64 characters are 32 bytes: an AES-256 key, the same in every task and every deploy.
    const actionsKey = generated(
      'ServerActionsKey',
      'Encrypts the portal’s server action references (NEXT_SERVER_ACTIONS_ENCRYPTION_KEY).',
      43,
    );
    const metricsToken = generated(
      'MetricsToken',
      'The bearer token Prometheus sends to /metrics (METRICS_TOKEN).',
      48,
    );
    const oidcClientSecret = Secret.fromSecretNameV2(this, 'OidcClientSecret', settings.oidcClientSecretName);

    const taskRole = new Role(this, 'TaskRole', {
      assumedBy: new ServicePrincipal('ecs-tasks.amazonaws.com'),
      description: 'What the portal’s server may do in AWS: the actions of docs/iam/ec2.json, nothing more.',
      inlinePolicies: { portal: PolicyDocument.fromJson(JSON.parse(readFileSync(TASK_POLICY_FILE, 'utf8'))) },
    });
    const taskDefinition = new FargateTaskDefinition(this, 'Task', { cpu: 512, memoryLimitMiB: 1024, taskRole });
    const image = settings.imageUri
      ? ContainerImage.fromRegistry(settings.imageUri)
      : ContainerImage.fromAsset(new URL('../..', import.meta.url).pathname, {
          buildArgs: settings.policyFile ? { POLICY_FILE: settings.policyFile } : {},
        });
    taskDefinition.addContainer('portal', {
      image,
      portMappings: [{ containerPort: PORT }],
      environment: {
        APP_URL: `https://${settings.domainName}`,
        // The load balancer ends TLS and says which host was asked for.
        TRUST_PROXY_HEADERS: '1',
        OIDC_ISSUER: settings.oidcIssuer,
        OIDC_CLIENT_ID: settings.oidcClientId,
        AWS_REGION: this.region,
        // The password comes as PGPASSWORD, which the PostgreSQL driver reads when the URL has none;
        // the server's certificate is checked against the RDS bundle in the image.
        DATABASE_URL: `postgres://portal@${database.instanceEndpoint.hostname}:${database.instanceEndpoint.port}/portal?sslmode=verify-full&sslrootcert=/app/certs/rds-global-bundle.pem`,
      },
      secrets: {
        PGPASSWORD: ContainerSecret.fromSecretsManager(database.secret!, 'password'),
        AUTH_SECRET: ContainerSecret.fromSecretsManager(authSecret),
        NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: ContainerSecret.fromSecretsManager(actionsKey),
        METRICS_TOKEN: ContainerSecret.fromSecretsManager(metricsToken),
        OIDC_CLIENT_SECRET: ContainerSecret.fromSecretsManager(oidcClientSecret),
      },
      logging: new AwsLogDriver({
        streamPrefix: 'portal',
        logGroup: new LogGroup(this, 'Logs', {
          retention: RetentionDays.THREE_MONTHS,
          removalPolicy: RemovalPolicy.RETAIN,
        }),
      }),
      // The process answers: the same liveness check as the image's HEALTHCHECK.
      healthCheck: {
        command: [
          'CMD',
          'node',
          '-e',
          `fetch('http://127.0.0.1:${PORT}/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))`,
        ],
        interval: Duration.seconds(30),
        timeout: Duration.seconds(5),
        startPeriod: Duration.seconds(30),
      },
      // SIGTERM: the worker hands its requests back before the task ends (see the README).
      stopTimeout: Duration.seconds(30),
    });

    const portal = new ApplicationLoadBalancedFargateService(this, 'Portal', {
      cluster,
      taskDefinition,
      desiredCount: tasks,
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      circuitBreaker: { rollback: true },
      protocol: ApplicationProtocol.HTTPS,
      certificate: Certificate.fromCertificateArn(this, 'Certificate', settings.certificateArn),
      sslPolicy: SslPolicy.RECOMMENDED_TLS,
      redirectHTTP: true,
      publicLoadBalancer: true,
      healthCheckGracePeriod: Duration.seconds(60),
    });
    // The load balancer sends people only to a task whose journal, worker, credentials and rules are ready.
    portal.targetGroup.configureHealthCheck({
      path: '/api/health/ready',
      healthyHttpCodes: '200',
      interval: Duration.seconds(15),
      healthyThresholdCount: 2,
      unhealthyThresholdCount: 3,
    });
    portal.targetGroup.setAttribute('deregistration_delay.timeout_seconds', '30');
    database.connections.allowDefaultPortFrom(portal.service, 'The portal’s tasks reach the journal');
  }
}
