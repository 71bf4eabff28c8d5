/** @module The risk score that makes a CAPTCHA required. */
export * from './risk-score.js';
