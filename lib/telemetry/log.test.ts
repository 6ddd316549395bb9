import { afterEach, expect, it } from 'vitest';
import { sendConsoleToLog } from './console-to-log';
import { capturedLog } from './test-log';

const consoleAsItWas = { ...console };
afterEach(() => Object.assign(console, consoleAsItWas));

it('writes one JSON object a line, with the time, the level, the message and what the line concerns', () => {
  const { logger, lines } = capturedLog('info');
  logger.child({ requestId: 'r-1', cluster: 'demo' }).info({ step: 'createCluster' }, 'step done');
  logger.debug('below the level: not written');

  expect(lines).toEqual([
    {
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      level: 'info',
      message: 'step done',
      requestId: 'r-1',
      cluster: 'demo',
      step: 'createCluster',
    },
  ]);
});

it('never writes a secret given under its usual name, at any depth the app logs', () => {
  const { logger, lines } = capturedLog();
  logger.info(
    {
      authorization: 'Bearer eyJhbGciOi.secret.token',
      headers: { cookie: 'session=abc', 'set-cookie': 'session=abc' },
      client: { credentials: { secretAccessKey: 'wJalr' }, clientSecret: 'demo-secret' },
      sessionToken: 'FwoGZX',
    },
    'a careless line',
  );
  const written = JSON.stringify(lines);
  for (const secret of ['eyJhbGciOi', 'session=abc', 'wJalr', 'demo-secret', 'FwoGZX']) {
    expect(written).not.toContain(secret);
  }
  expect(lines[0]).toMatchObject({ authorization: '[redacted]', headers: { cookie: '[redacted]' } });
});

it('sends what Next.js writes with console.* to the log: an error with its stack, without terminal colours', () => {
  const { logger, lines } = capturedLog();
  sendConsoleToLog(logger);
  console.error('\u001b[31m⨯\u001b[39m', new Error('a page threw'));
  console.log('plain %s', 'words');

  expect(lines).toMatchObject([
    {
      level: 'error',
      message: '⨯',
      error: { type: 'Error', message: 'a page threw', stack: expect.stringContaining('log.test.ts') },
    },
    { level: 'info', message: 'plain words' },
  ]);
});
