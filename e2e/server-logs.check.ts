import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { expect, test } from '@playwright/test';
import { SERVER_LOGS } from './support/server-logs';

/**
 * Runs after every end-to-end test (its project depends on theirs): reads every line every app
 * server wrote in the run. Each is one JSON object with time, level and message, but for the
 * banner Next.js prints as it starts, before it loads the app; none holds a credential, token,
 * cookie or secret.
 */

/** What Next.js prints before the app's code runs, and so before the log is the app's. */
const NEXT_BANNER = [
  /^▲ Next\.js \d/,
  /^- (Local|Network|Environments):/,
  /^✓ (Starting|Ready in|Running next\.config)/,
];

/** Secrets of any server: tokens as the identity provider signs them, bearer headers, session cookies. */
const SECRET_SHAPES = [
  /eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{8,}/, // a JWT: an ID, access or client-assertion token
  /Bearer [\w.~+/-]{12,}/i,
  /session_token=[^;\s"]{8,}/,
  /AKIA[0-9A-Z]{16}/, // a real AWS access key id
];

test('every line the app servers wrote is JSON with time, level and message, and holds no secret', () => {
  const logs = readdirSync(SERVER_LOGS).filter((name) => name.endsWith('.log'));
  expect(logs.length).toBeGreaterThan(3);
  const problems: string[] = [];
  let lines = 0;
  for (const name of logs) {
    const base = join(SERVER_LOGS, name.replace(/\.log$/, ''));
    const secrets: string[] = JSON.parse(readFileSync(`${base}.secrets.json`, 'utf8'));
    for (const [index, line] of readFileSync(`${base}.log`, 'utf8').split('\n').entries()) {
      const where = `${name}:${index + 1}`;
      for (const secret of secrets)
        if (line.includes(secret)) problems.push(`${where} holds the value of a secret setting`);
      for (const shape of SECRET_SHAPES) if (shape.test(line)) problems.push(`${where} holds something like ${shape}`);
      if (line === '' || NEXT_BANNER.some((banner) => banner.test(stripVTControlCharacters(line).trim()))) continue;
      lines += 1;
      const entry = parsed(line);
      if (!entry) problems.push(`${where} is not JSON: ${line.slice(0, 120)}`);
      else if (typeof entry.time !== 'string' || typeof entry.level !== 'string' || typeof entry.message !== 'string') {
        problems.push(`${where} lacks time, level or message: ${line.slice(0, 120)}`);
      }
    }
  }
  expect(problems).toEqual([]);
  expect(lines).toBeGreaterThan(100);
});

function parsed(line: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
