// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The AWS SDK runs only on the server; keep it out of the bundler and load it from node_modules.
  serverExternalPackages: ['@aws-sdk/client-ecs', '@aws-sdk/client-servicediscovery'],
};

module.exports = nextConfig;
