// @s3-to-hf/core: the headless importer. No DOM and no lit; runs in browsers and in Node.
export { abortableSleep } from './async/abortable-sleep.js';
export * from './filters/index.js';
export * from './format/index.js';
export * from './hf/index.js';
export * from './job/index.js';
export * from './s3/index.js';
export * from './selection/index.js';
export * from './shard/index.js';
export * from './shell/index.js';
