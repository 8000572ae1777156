import type { HfBucketTargetValue } from './hf-bucket-target-value.js';

/**
 * The destination changed: the user edited it, or its existence became known or changed
 * (checked, created). `detail` is a copy of the element's `value`.
 */
export class HfBucketTargetChangeEvent extends Event {
  static readonly eventName = 'hf-bucket-target-change';
  readonly detail: HfBucketTargetValue;

  constructor(detail: HfBucketTargetValue) {
    super(HfBucketTargetChangeEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hf-bucket-target-change': HfBucketTargetChangeEvent;
  }
}
