import type { ImportSelection, ImportSelectionMode } from '@s3-to-hf/core/job';
import type { S3Error } from '@s3-to-hf/core/s3';

/** How the files to import are chosen: ticked in the tree, or typed as patterns. */
export type S3TreeMode = ImportSelectionMode;

/** What `<s3-tree>` currently selects for import (core's `ImportSelection`). */
export type S3TreeSelection = ImportSelection;

/** Detail of {@link S3TreeErrorEvent}. */
export interface S3TreeErrorDetail {
  /** What failed; `error.kind` and `error.field` say which setting of the connection to look at. */
  error: S3Error;
  /** The folder whose listing or count failed, relative to the source prefix (`''` for the top). */
  folder: string;
}

/** Detail of {@link S3TreeModeChangeEvent}. */
export interface S3TreeModeChangeDetail {
  mode: S3TreeMode;
  /** `cors-blocked` when the browser may not list the bucket, `user` when someone switched. */
  reason: 'cors-blocked' | 'user';
}

/** Fired by `<s3-tree>` whenever its `selection` changes. */
export class S3TreeSelectionChangeEvent extends Event {
  static readonly eventName = 's3-tree-selection-change';

  constructor(readonly detail: S3TreeSelection) {
    super(S3TreeSelectionChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired by `<s3-tree>` when listing or counting fails, so a page can show it at its own field. */
export class S3TreeErrorEvent extends Event {
  static readonly eventName = 's3-tree-error';

  constructor(readonly detail: S3TreeErrorDetail) {
    super(S3TreeErrorEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired by `<s3-tree>` when it switches between the tree and typed patterns. */
export class S3TreeModeChangeEvent extends Event {
  static readonly eventName = 's3-tree-mode-change';

  constructor(readonly detail: S3TreeModeChangeDetail) {
    super(S3TreeModeChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    's3-tree-selection-change': S3TreeSelectionChangeEvent;
    's3-tree-error': S3TreeErrorEvent;
    's3-tree-mode-change': S3TreeModeChangeEvent;
  }
}
