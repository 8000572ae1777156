import { HfBucketTargetElement } from './hf-bucket-target-element.js';

// Registering is the only side effect of importing the package; a page that already has the tag keeps it.
HfBucketTargetElement.define();

declare global {
  interface HTMLElementTagNameMap {
    'hf-bucket-target': HfBucketTargetElement;
  }
}
