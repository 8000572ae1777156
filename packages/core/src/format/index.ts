export { formatBytes } from './format-bytes.js';
export { formatDuration } from './format-duration.js';
export { messageOf } from './message-of.js';
