/** @module Request logging with PII redaction. */
export { requestLogger, createFoyerLogger, REDACTED_LOG_PATHS, type RequestLoggerOptions } from './request-logger.js';
