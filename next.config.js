// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The AWS SDK runs only on the server; keep it out of the bundler and load it from node_modules.
  serverExternalPackages: [
    '@aws-sdk/client-auto-scaling',
    '@aws-sdk/client-cloudwatch-logs',
    '@aws-sdk/client-ec2',
    '@aws-sdk/client-ecs',
    '@aws-sdk/client-iam',
    '@aws-sdk/client-s3',
    '@aws-sdk/client-servicediscovery',
    '@aws-sdk/client-ssm',
  ],
};

module.exports = nextConfig;
