export * from './types.js';
export * from './outlines.js';
export * from './format.js';
export * from './prose.js';
export * from './tables.js';
export * from './review.js';
export * from './build.js';
export * from './errors.js';
