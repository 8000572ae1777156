import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { parentFolderOf, type TreeRow } from '@s3-to-hf/core/selection';
import { treeKeyAction, type TreeKeyAction } from './tree-key-action.js';
import type { VirtualScroll } from './virtual-scroll.js';

/** What a key press or a click asks of a row, besides moving the focus to it. */
export type TreeRowAction = Exclude<TreeKeyAction['type'], 'focus'> | 'retry';

/** What the focus controller needs of the tree. */
export interface TreeFocusOptions {
  /** The visible rows, as rendered. */
  rows(): TreeRow[];
  /** The tree's scrolling box, to bring the focused row into view and to page through rows. */
  scroll: VirtualScroll;
  /** Does what a key or a click asked of `row`. */
  act(action: TreeRowAction, row: TreeRow): void;
}

type FocusHost = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * The WAI-ARIA tree's roving focus over virtualized rows: which row takes the focus (the last
 * focused one, or its nearest shown ancestor when it scrolled out or its folder closed), keyboard
 * and pointer handling on the tree, and keeping the focus on that row across renders.
 */
export class TreeFocus implements ReactiveController {
  #activePath: string | undefined;
  #activeIndex: number | undefined;
  #treeFocused = false;

  constructor(
    private readonly host: FocusHost,
    private readonly options: TreeFocusOptions,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const active = (this.host.renderRoot as ShadowRoot).activeElement;
    if (this.#treeFocused && !active?.matches('.row')) this.#focusActiveRow();
  }

  /** The rows changed (listed, opened, closed, filtered): the focused row's index is looked up again. */
  rowsChanged(): void {
    this.#activeIndex = undefined;
  }

  /** A new tree: the focus goes back to its first row. */
  forget(): void {
    this.#activePath = undefined;
  }

  /** Index of the row that takes focus: the last focused one, or its nearest shown ancestor. */
  activeIndex(): number {
    if (this.#activeIndex !== undefined) return this.#activeIndex;
    const rows = this.options.rows();
    let index = -1;
    for (let path = this.#activePath; path !== undefined && index === -1; path = path === '' ? undefined : parentFolderOf(path)) {
      index = rows.findIndex((row) => row.path === path);
    }
    this.#activeIndex = Math.max(0, index);
    this.#activePath = rows[this.#activeIndex]?.path;
    return this.#activeIndex;
  }

  readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (!(event.target instanceof HTMLElement) || !event.target.matches('.row')) return;
    const rows = this.options.rows();
    const action = treeKeyAction(event.key, rows, this.activeIndex(), this.options.scroll.pageSize);
    if (!action) return;
    event.preventDefault();
    if (action.type === 'focus') this.#moveTo(action.index);
    else this.options.act(action.type, rows[action.index]);
  };

  // A pressed row would take focus and become the active row, which has a node of its own: the row
  // under the pointer would be replaced before the button is released, and the click lost. The
  // click handler moves the focus instead.
  readonly onMouseDown = (event: MouseEvent): void => {
    if (event.composedPath().some((target) => target instanceof HTMLElement && target.classList.contains('row'))) event.preventDefault();
  };

  readonly onClick = (event: MouseEvent): void => {
    let action: string | undefined;
    let rowElement: HTMLElement | undefined;
    for (const target of event.composedPath()) {
      if (!(target instanceof HTMLElement)) continue;
      action ??= target.dataset.action;
      if (target.classList.contains('row')) {
        rowElement = target;
        break;
      }
    }
    const path = rowElement?.dataset.path;
    if (path === undefined) return;
    const rows = this.options.rows();
    const index = rows.findIndex((row) => row.path === path);
    if (index === -1) return;
    const row = rows[index];
    this.#moveTo(index);
    const folder = row.kind === 'folder';
    if (action === 'check' || (action === 'name' && !folder)) this.options.act('toggle-checked', row);
    else if (folder && (action === 'toggle' || action === 'name')) this.options.act('toggle-expanded', row);
    else if (action === 'cancel' || action === 'retry') this.options.act(action, row);
  };

  readonly onFocusIn = (event: FocusEvent): void => {
    this.#treeFocused = true;
    const target = event.target;
    if (target instanceof HTMLElement && target.matches('.row') && target.dataset.path !== this.#activePath) {
      this.#activePath = target.dataset.path;
      this.#activeIndex = undefined;
      this.host.requestUpdate();
    }
  };

  readonly onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget;
    if (!(next instanceof Node) || !(event.currentTarget as HTMLElement).contains(next)) this.#treeFocused = false;
  };

  #moveTo(index: number): void {
    const rows = this.options.rows();
    this.#activeIndex = index;
    this.#activePath = rows[index]?.path;
    this.options.scroll.reveal(index);
    this.host.requestUpdate();
    this.#focusActiveRow();
  }

  #focusActiveRow(): void {
    void this.host.updateComplete.then(() => {
      const path = this.#activePath;
      const rows = this.host.renderRoot.querySelectorAll<HTMLElement>('.viewport .row');
      for (const row of rows) {
        if (row.dataset.path === path) {
          row.focus({ preventScroll: true });
          return;
        }
      }
    });
  }
}
