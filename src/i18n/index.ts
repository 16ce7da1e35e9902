export * from './locale.js';
export * from './format.js';
export * from './messages.js';
