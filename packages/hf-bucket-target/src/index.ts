// <hf-bucket-target>: the destination Storage Bucket and folder of an import. Importing this
// module registers the tag (see define.ts); the class can also be registered under another name.
import './define.js';

export { HfBucketTargetChangeEvent } from './events.js';
export { HfBucketTargetElement } from './hf-bucket-target-element.js';
export type { HfBucketTargetValue } from './hf-bucket-target-value.js';
