export * from './figure.js';
export * from './source.js';
export * from './evaluation.js';
export * from './money.js';
export * from './quantity.js';
