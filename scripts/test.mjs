#!/usr/bin/env node
// `npm test`: every check a change must pass, in the order that fails fastest: lint, types, unit
// tests, the production build, end-to-end tests in headless Chromium against moto, then a
// two-minute chaos run of three replicas (scripts/chaos.mjs).
// Ends with one line counting every test run: "tests: N passed, N failed".
import './node-version.mjs';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDependencies, root, run } from './lib.mjs';

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
};
const chromium = env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Not test-results/: Playwright empties that folder when it starts.
const results = join(root, '.test-reports');

ensureDependencies();
// The deployment recipe's CDK app, whose synth the unit tests check.
ensureDependencies(join(root, 'deploy'));
if (!existsSync(chromium)) {
  console.error(`End-to-end tests need Chromium at ${chromium}: apt-get install chromium (or set CHROMIUM_PATH).`);
  process.exit(1);
}
if (spawnSync('sh', ['-c', 'ls /usr/lib/postgresql/*/bin/initdb'], { stdio: 'ignore' }).status !== 0) {
  console.error('The database tests need PostgreSQL’s server (they start their own): apt-get install postgresql.');
  process.exit(1);
}
if (spawnSync('python3', ['-c', 'import moto.server'], { stdio: 'ignore' }).status !== 0) {
  console.error("End-to-end tests need the moto AWS emulator: pip install 'moto[server]==5.2.1'.");
  process.exit(1);
}
mkdirSync(results, { recursive: true });

const stage = (title) => console.log(`\n━━ ${title}`);
stage('lint');
run('npm', ['run', 'lint'], env);
stage('typecheck');
run('npx', ['tsc', '--noEmit'], env);
run('npx', ['tsc', '--noEmit', '-p', 'deploy'], env);
stage('unit tests');
const unitReport = join(results, 'unit.json');
const unit = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${unitReport}`],
  {
    cwd: root,
    stdio: 'inherit',
    env,
  },
);
stage('build');
// With the standalone server too: e2e/container-image.spec.ts runs it as the image's CMD does.
run('npx', ['next', 'build'], { ...env, NEXT_OUTPUT: 'standalone' });
stage('end-to-end tests');
// The run's last check reads every line its app servers write here (e2e/server-logs.check.ts).
rmSync(join(results, 'server-logs'), { recursive: true, force: true });
const e2eReport = join(results, 'e2e.json');
const e2e = spawnSync('npx', ['playwright', 'test', '--reporter=list,json'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport },
});

stage('chaos (two minutes: three replicas, one killed every 10 s, PostgreSQL restarted once)');
const chaos = spawnSync(
  process.execPath,
  ['scripts/chaos.mjs', '--duration', '90', '--requests', '600', '--concurrency', '5', '--deadline', '150'],
  { cwd: root, stdio: 'inherit', env },
);

const unitCounts = existsSync(unitReport) ? JSON.parse(readFileSync(unitReport, 'utf8')) : {};
const e2eStats = existsSync(e2eReport) ? (JSON.parse(readFileSync(e2eReport, 'utf8')).stats ?? {}) : {};
const chaosPassed = chaos.status === 0 ? 1 : 0;
const passed = (unitCounts.numPassedTests ?? 0) + (e2eStats.expected ?? 0) + chaosPassed;
const failed =
  (unitCounts.numFailedTests ?? 0) + (e2eStats.unexpected ?? 0) + (e2eStats.flaky ?? 0) + (1 - chaosPassed);
const ok = unit.status === 0 && e2e.status === 0 && failed === 0 && passed > 0;
console.log(`\ntests: ${passed} passed, ${ok ? failed : Math.max(failed, 1)} failed`);
process.exit(ok ? 0 : 1);
