import 'server-only';
import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';

/**
 * The server's log: one JSON object a line on standard output (pino), for a log store to parse,
 * with `time`, `level`, `message` and whatever the line concerns (`requestId`, `principal`,
 * `cluster`, `step`, `awsOperation`). LOG_FORMAT=pretty prints it for a person at a terminal;
 * LOG_LEVEL sets the least level written (info by default).
 *
 * Nothing secret is ever given to it; should a credential, token, cookie or secret be given by
 * mistake under its usual name, it is written as "[redacted]" (the end-to-end run greps every line).
 */
export type { Logger };

const SECRET_KEYS = [
  'authorization',
  'cookie',
  'set-cookie',
  'password',
  'secret',
  'clientSecret',
  'client_secret',
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'idToken',
  'secretAccessKey',
  'sessionToken',
  'credentials',
];
// The key itself, and the same key one and two levels down (pino's paths take no deeper wildcard).
const REDACT_PATHS = SECRET_KEYS.flatMap((key) => ['', '*', '*.*'].map((prefix) => redactPath(prefix, key)));

export function createLogger(
  destination: DestinationStream = standardOutput(),
  level = process.env.LOG_LEVEL || 'info',
): Logger {
  return pino(
    {
      level,
      messageKey: 'message',
      errorKey: 'error',
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    },
    destination,
  );
}

function standardOutput(): DestinationStream {
  if (process.env.LOG_FORMAT === 'pretty') {
    return pretty({ colorize: true, messageKey: 'message', errorLikeObjectKeys: ['error'], sync: true });
  }
  // Written at once: a process that is killed loses no line it had logged.
  return pino.destination({ dest: 1, sync: true });
}

/** The process's logger, shared by every route's bundle. */
export const log: Logger = ((globalThis as { __ecsPortalLog?: Logger }).__ecsPortalLog ??= createLogger());

/** `*.set-cookie` is no path pino takes; `*["set-cookie"]` is. */
function redactPath(prefix: string, key: string): string {
  if (/-/.test(key)) return `${prefix}["${key}"]`;
  return prefix ? `${prefix}.${key}` : key;
}
