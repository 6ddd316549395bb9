import { createLogger } from './log';

/** A logger whose lines a test reads back, each parsed. */
export function capturedLog(level = 'debug') {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ write: (line: string) => void lines.push(JSON.parse(line)) }, level);
  return { logger, lines };
}
