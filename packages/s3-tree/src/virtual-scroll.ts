import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { scrollTopToReveal, visibleWindow } from './virtual-window.js';

/** Fallback until the first measurement: 2em of the default 14px font. */
const DEFAULT_ROW_HEIGHT = 28;

/**
 * Tracks one scrolling box of fixed-height rows (its scroll position, height and row height) and
 * asks the host to render again when any of them changes. The box holds an element of class
 * `probe` whose height is the row height, so CSS custom properties stay the single source of it.
 */
export class VirtualScroll implements ReactiveController {
  scrollTop = 0;
  viewportHeight = 0;
  rowHeight = DEFAULT_ROW_HEIGHT;
  #element: HTMLElement | undefined;
  #observer: ResizeObserver | undefined;
  /** The list length and window of the last render. */
  #count = 0;
  #rendered = { start: 0, end: 0 };

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Bind as the box's `@scroll` listener. */
  readonly onScroll = (event: Event): void => {
    this.scrollTop = (event.currentTarget as HTMLElement).scrollTop;
    // Most scroll events stay within the rendered rows: nothing to render then.
    const next = visibleWindow({ ...this.#geometry(), count: this.#count });
    if (next.start !== this.#rendered.start || next.end !== this.#rendered.end) this.host.requestUpdate();
  };

  /** Call after every render with the box as it is now (undefined while it is not rendered). */
  attach(element: HTMLElement | undefined): void {
    if (element === this.#element) return;
    if (this.#element) this.#observer?.unobserve(this.#element);
    this.#element = element;
    this.scrollTop = element?.scrollTop ?? 0;
    if (element) {
      this.#observer ??= new ResizeObserver(() => this.#measure());
      this.#observer.observe(element);
      this.#measure();
    }
  }

  /** The rows to render, `[start, end)`, for a list of `count` rows; call it when rendering. */
  window(count: number): { start: number; end: number } {
    this.#count = count;
    this.#rendered = visibleWindow({ ...this.#geometry(), count });
    return this.#rendered;
  }

  #geometry() {
    return { scrollTop: this.scrollTop, viewportHeight: this.viewportHeight, rowHeight: this.rowHeight };
  }

  /** Whole rows that fit in the box (at least 1), for PageUp/PageDown. */
  get pageSize(): number {
    return Math.max(1, Math.floor(this.viewportHeight / this.rowHeight) - 1);
  }

  /** Scrolls the box so that row `index` is fully visible. */
  reveal(index: number): void {
    const top = scrollTopToReveal(index, this);
    if (top === this.scrollTop) return;
    this.scrollTop = top;
    if (this.#element) this.#element.scrollTop = top;
    this.host.requestUpdate();
  }

  /** Scrolls back to the top, e.g. when the list was replaced. */
  reset(): void {
    this.scrollTop = 0;
    if (this.#element) this.#element.scrollTop = 0;
  }

  hostConnected(): void {
    if (this.#element) this.#observer?.observe(this.#element);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
  }

  #measure(): void {
    const element = this.#element;
    if (!element) return;
    const probe = element.querySelector<HTMLElement>('.probe');
    const rowHeight = probe?.getBoundingClientRect().height || this.rowHeight;
    const viewportHeight = element.clientHeight;
    if (rowHeight === this.rowHeight && viewportHeight === this.viewportHeight) return;
    this.rowHeight = rowHeight;
    this.viewportHeight = viewportHeight;
    this.host.requestUpdate();
  }
}
