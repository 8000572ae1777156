// The parts of the element APIs (AGENTS.md "Element conventions and contracts") the page uses,
// declared structurally so the page builds against the contracts before and after the elements
// land, without importing types the packages may not export yet. Events are read through these
// shapes too; the page declares no event map entries, which would clash with the elements' own.
import type { ImportFilters, SelectionStats } from '@s3-to-hf/core';

/** `<s3-tree>`'s `selection` and the detail of `s3-tree-selection-change`. */
export interface TreeSelection {
  mode: 'tree' | 'manual';
  stats?: SelectionStats;
  filters?: ImportFilters;
  problem?: string;
}

/** `<hf-bucket-target>`'s `value` and the detail of `hf-bucket-target-change`. */
export interface BucketTargetValue {
  namespace: string;
  bucket: string;
  prefix: string;
  private: boolean;
  createIfMissing: boolean;
  exists: boolean | undefined;
  valid: boolean;
}

/** Detail of `hf-import-job-created` / `-status` / `-finished`. */
export interface ImportJobEventDetail {
  jobId: string;
  namespace: string;
  stage: string;
  importId?: string;
  outcome?: string;
  reason?: string;
}

/** The tag names, and whether this build registered them. */
export const ELEMENT_TAGS = ['s3-tree', 'hf-bucket-target', 'hf-import-job'] as const;
export type ElementTag = (typeof ELEMENT_TAGS)[number];
export const isElementDefined = (tag: ElementTag): boolean => customElements.get(tag) !== undefined;

/** The `detail` of an element event, typed by the contract. */
export const detailOf = <T>(event: Event): T => (event as Event & { detail: T }).detail;
