import 'server-only';
import { format, stripVTControlCharacters } from 'node:util';
import { log as processLog, type Logger } from './log';

type Level = 'debug' | 'info' | 'warn' | 'error';
const CONSOLE_LEVELS: Record<'debug' | 'log' | 'info' | 'warn' | 'error', Level> = {
  debug: 'debug',
  log: 'info',
  info: 'info',
  warn: 'warn',
  error: 'error',
};

/**
 * Sends what Next.js and the libraries write with console.* to the log, so that every line the
 * server writes once it runs is one JSON object (a page that threw, say, is logged with its error
 * and stack). Only the lines Next.js prints before it loads the app (its banner) come before it.
 */
export function sendConsoleToLog(logger: Logger = processLog): void {
  for (const [method, level] of Object.entries(CONSOLE_LEVELS)) {
    console[method as keyof typeof CONSOLE_LEVELS] = (...args: unknown[]) => {
      const error = args.find((arg): arg is Error => arg instanceof Error);
      const message = stripVTControlCharacters(format(...args.filter((arg) => arg !== error))).trim();
      if (error) logger[level]({ error }, message || error.message);
      else logger[level](message);
    };
  }
}
