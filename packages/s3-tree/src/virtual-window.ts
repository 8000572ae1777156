/** Geometry of a scrolled list of fixed-height rows. */
export interface ScrollGeometry {
  scrollTop: number;
  /** Height of the scrolling box; 0 before it has been measured. */
  viewportHeight: number;
  rowHeight: number;
  count: number;
}

/** Rows rendered above and below the visible ones, so fast scrolling shows no gap. */
const OVERSCAN = 6;
/**
 * Window edges move in steps of this many rows, so scrolling re-renders once per step instead of
 * once per row crossed.
 */
const STEP = 8;
/** Rows assumed visible before the viewport is measured. */
const UNMEASURED_ROWS = 24;
/** Never more rows than this in the DOM, whatever the viewport's size. */
const MAX_RENDERED = 240;

/**
 * The rows to render, `[start, end)`: those in view plus a few on each side, with edges on a grid
 * of {@link STEP} rows (so the window only changes every few rows), clamped to the list and capped
 * so that a very tall viewport still keeps the DOM small.
 * @example
 * visibleWindow({ scrollTop: 2800, viewportHeight: 280, rowHeight: 28, count: 100_000 }) // { start: 88, end: 120 }
 */
export function visibleWindow({ scrollTop, viewportHeight, rowHeight, count }: ScrollGeometry): { start: number; end: number } {
  if (count === 0 || !(rowHeight > 0)) return { start: 0, end: 0 };
  const top = Math.max(0, scrollTop);
  const height = viewportHeight > 0 ? viewportHeight : UNMEASURED_ROWS * rowHeight;
  const firstVisible = Math.floor(top / rowHeight);
  const lastVisible = Math.ceil((top + height) / rowHeight);
  const start = Math.min(count, Math.max(0, Math.floor((firstVisible - OVERSCAN) / STEP) * STEP));
  const end = Math.min(count, Math.ceil((lastVisible + OVERSCAN) / STEP) * STEP, start + MAX_RENDERED);
  return { start, end };
}

/**
 * The scroll position that brings row `index` fully into view while moving as little as possible
 * (the current one when it already is in view).
 */
export function scrollTopToReveal(index: number, { scrollTop, viewportHeight, rowHeight }: Omit<ScrollGeometry, 'count'>): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  const bottom = top + rowHeight;
  if (viewportHeight > 0 && bottom > scrollTop + viewportHeight) return bottom - viewportHeight;
  return scrollTop;
}

/** `[start, start + 1, …, end - 1]`. */
export function indexRange(start: number, end: number): number[] {
  return Array.from({ length: Math.max(0, end - start) }, (_, offset) => start + offset);
}
