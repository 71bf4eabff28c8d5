/** @module Breach-check adapters: the interface, the embedded offline corpus and the HIBP client. */
export * from './breach-checker.js';
export * from './offline-corpus.js';
export * from './hibp.js';
