// The start script's own notices, written as the server writes its log (lib/telemetry/log.ts):
// one JSON object a line with time, level and message; LOG_FORMAT=pretty for a terminal.
// Imported only once the dependencies are installed.
import pino from 'pino';
import pretty from 'pino-pretty';

export const log = pino(
  {
    level: process.env.LOG_LEVEL || 'info',
    messageKey: 'message',
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  },
  process.env.LOG_FORMAT === 'pretty'
    ? pretty({ colorize: true, messageKey: 'message', sync: true })
    : pino.destination({ dest: 1, sync: true }),
);
