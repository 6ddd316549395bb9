#!/usr/bin/env node
// `npm start`: runs the app on http://localhost:3000 (PORT to change). With no AWS configuration it
// starts a local moto server first and runs against it as a sandbox, labelled so on every page.
import './node-version.mjs';
import { spawn } from 'node:child_process';
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

let env = process.env;
let moto;
if (hasAwsConfiguration()) {
  console.log(`› Using your AWS configuration (Region ${process.env.AWS_REGION ?? 'from your profile'}).`);
} else {
  moto = await startMoto(Number(process.env.SANDBOX_MOTO_PORT ?? (await freePort())));
  env = sandboxEnvironment(moto.url);
  console.log(`› Sandbox: no AWS configuration found, so AWS is emulated by moto at ${moto.url}.`);
}

const next = spawn('npx', ['next', dev ? 'dev' : 'start', '-p', port], { cwd: root, stdio: 'inherit', env });
console.log(`› Open http://localhost:${port}/clusters`);

const stop = () => {
  next.kill('SIGTERM');
  moto?.process.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
next.on('exit', (code) => {
  moto?.process.kill('SIGTERM');
  process.exit(code ?? 0);
});
