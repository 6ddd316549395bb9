// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The container image's server (.next/standalone, see the Dockerfile); npm test builds it too, to
  // run it as the image does. Only at build time: `next start` warns when its config says standalone.
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  // proxy.ts checks the router state header a client sends, which Next.js otherwise hides from it.
  // (The normalizing this turns off is of Pages Router data addresses, which this app has none of.)
  skipProxyUrlNormalize: true,
  // proxy.ts reads a post's body (it refuses one over 256 KiB); more than this is never read.
  experimental: { proxyClientMaxBodySize: '1mb' },
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
    '@aws-sdk/client-sts',
    // The database drivers: better-sqlite3 loads a native addon.
    'better-sqlite3',
    'pg',
    // One registry of metrics and one tracer provider per process, whichever bundle asks.
    'prom-client',
    '@opentelemetry/api',
    '@opentelemetry/sdk-trace-node',
  ],
};

// Messages in the request's language, from lib/i18n/request.ts.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- this file is CommonJS, as Next.js loads it
const withNextIntl = require('next-intl/plugin')({
  requestConfig: './lib/i18n/request.ts',
  // ICU messages compiled at build time: the browser gets no message parser.
  experimental: { messages: { path: './lib/i18n/messages', format: 'json', locales: 'infer', precompile: true } },
});

module.exports = withNextIntl(nextConfig);
