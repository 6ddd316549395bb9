#!/usr/bin/env node
// `npm start`: runs the app on http://localhost:3000 (PORT to change). With no AWS configuration it
// starts a local moto server and a local OpenID Connect provider with demo people, and runs the team
// portal against them as a sandbox, labelled so on every page. With AWS configured and no
// OIDC_ISSUER, it runs in single-user mode, listening on this machine only.
import './node-version.mjs';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import {
  ensureBuild,
  ensureDependencies,
  freePort,
  hasAwsConfiguration,
  root,
  sandboxEnvironment,
  startMoto,
} from './lib.mjs';

const dev = process.argv.includes('--dev');
const port = process.env.PORT ?? '3000';
process.env.NEXT_TELEMETRY_DISABLED = '1';
// On SIGTERM the provisioning worker hands its requests back before the process ends (see worker.ts).
process.env.NEXT_MANUAL_SIG_HANDLE = 'true';

ensureDependencies();
if (!dev) ensureBuild();
// Loaded once the dependencies are there: a fresh clone has none until ensureDependencies.
const { log } = await import('./log.mjs');
const { demoPeopleForApp, startIdentityProvider, WEB_CLIENT } = await import('./sandbox/identity-provider.mjs');

let env = process.env;
let moto;
let identityProvider;
if (hasAwsConfiguration()) {
  log.info(`Using your AWS configuration (Region ${process.env.AWS_REGION ?? 'from your profile'}).`);
} else {
  moto = await startMoto(Number(process.env.SANDBOX_MOTO_PORT ?? (await freePort())));
  const appUrl = `http://localhost:${port}`;
  identityProvider = await startIdentityProvider({
    port: Number(process.env.SANDBOX_OIDC_PORT || (await freePort())),
    appUrl,
  });
  env = {
    ...sandboxEnvironment(moto.url),
    OIDC_ISSUER: identityProvider.issuer,
    OIDC_CLIENT_ID: WEB_CLIENT.id,
    OIDC_CLIENT_SECRET: WEB_CLIENT.secret,
    AUTH_SECRET: randomBytes(32).toString('hex'),
    APP_URL: appUrl,
    POLICY_FILE: process.env.POLICY_FILE || join(root, 'scripts', 'sandbox', 'policy.yaml'),
    SANDBOX_PEOPLE: demoPeopleForApp(),
  };
  log.info(`Sandbox: no AWS configuration found, so AWS is emulated by moto at ${moto.url}.`);
  log.info(`Sandbox identity provider (demo people alice, bob, admin) at ${identityProvider.issuer}`);
}

// Single-user mode: whoever reaches the server acts with its AWS credentials, so only this machine may.
const singleUser = !env.OIDC_ISSUER;
const host = env.HOSTNAME || (singleUser ? '127.0.0.1' : undefined);
if (singleUser && !isLoopback(host)) {
  log.fatal(
    `Single-user mode listens on this machine only, not on ${host}: set OIDC_ISSUER (and the portal's settings) to serve others.`,
  );
  process.exit(1);
}
if (singleUser) log.info('Single-user mode: listening on 127.0.0.1 only.');

const next = spawn('npx', ['next', dev ? 'dev' : 'start', '-p', port, ...(host ? ['-H', host] : [])], {
  cwd: root,
  stdio: 'inherit',
  env,
});
log.info(`Open http://${singleUser ? '127.0.0.1' : 'localhost'}:${port}/clusters`);

function isLoopback(address) {
  return address === 'localhost' || address === '::1' || /^127\.\d+\.\d+\.\d+$/.test(address ?? '');
}

const stop = () => {
  next.kill('SIGTERM');
  moto?.process.kill('SIGTERM');
  void identityProvider?.close();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
next.on('exit', (code) => {
  moto?.process.kill('SIGTERM');
  void identityProvider?.close();
  process.exit(code ?? 0);
});
