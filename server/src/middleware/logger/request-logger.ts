/**
 * @module One JSON log line per request (method, path, status, duration, request id). Bodies,
 * query strings and headers are never logged, so emails, passwords, codes, tokens and cookies
 * cannot reach the logs; pino `redact` covers anything a handler logs by mistake.
 */
import type { MiddlewareHandler } from 'hono';
import { pino, type Logger, type LoggerOptions } from 'pino';

/** Paths pino censors in any logged object, at the top level and one level down. */
export const REDACTED_LOG_PATHS = [
  'email',
  'password',
  'token',
  'code',
  'cookie',
  'secret',
  'authorization',
  '*.email',
  '*.password',
  '*.token',
  '*.code',
  '*.cookie',
  '*.secret',
  '*.authorization',
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
];

/**
 * A pino logger with Foyer's redaction. Without a destination it writes to stdout through an
 * asynchronous, buffered sonic-boom stream (a synchronous write per request halves throughput);
 * call `logger.flush()` before exiting, as `FoyerServer.close()` does.
 *
 * @example const logger = createFoyerLogger({ level: 'debug' });
 */
export function createFoyerLogger(options: LoggerOptions = {}, destination?: pino.DestinationStream): Logger {
  const settings: LoggerOptions = {
    level: 'info',
    ...options,
    redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
  };
  return pino(settings, destination ?? pino.destination({ dest: 1, sync: false, minLength: 4096 }));
}

/** Options of {@link requestLogger}. */
export interface RequestLoggerOptions {
  logger: Logger;
}

/**
 * Logs each request once it is answered. Put it after `requestId()`.
 *
 * @example
 * app.use(requestId(), requestLogger({ logger }));
 */
export function requestLogger(options: RequestLoggerOptions): MiddlewareHandler<{ Variables: { requestId: string } }> {
  const { logger } = options;
  return async (c, next) => {
    const started = performance.now();
    await next();
    const status = c.res.status;
    const line = {
      reqId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status,
      ms: Math.round((performance.now() - started) * 100) / 100,
    };
    if (status >= 500) logger.error(line, 'request failed');
    else logger.info(line, 'request');
  };
}
