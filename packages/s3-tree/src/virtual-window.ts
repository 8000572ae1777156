/** Geometry of a scrolled list of fixed-height rows. */
export interface ScrollGeometry {
  scrollTop: number;
  /** Height of the scrolling box; 0 before it has been measured. */
  viewportHeight: number;
  rowHeight: number;
  count: number;
}

/** Rows rendered above and below the visible ones, so fast scrolling shows no gap. */
const OVERSCAN = 8;
/** Rows assumed visible before the viewport is measured. */
const UNMEASURED_ROWS = 24;
/** Never more rows than this in the DOM, whatever the viewport's size. */
const MAX_RENDERED = 240;

/**
 * The rows to render, `[start, end)`: those in view plus a few on each side, clamped to the list and
 * capped so that a very tall viewport still keeps the DOM small.
 * @example
 * visibleWindow({ scrollTop: 2800, viewportHeight: 300, rowHeight: 28, count: 100_000 }) // { start: 92, end: 119 }
 */
export function visibleWindow({ scrollTop, viewportHeight, rowHeight, count }: ScrollGeometry): { start: number; end: number } {
  if (count === 0 || !(rowHeight > 0)) return { start: 0, end: 0 };
  const height = viewportHeight > 0 ? viewportHeight : UNMEASURED_ROWS * rowHeight;
  const firstVisible = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const start = Math.min(count, Math.max(0, firstVisible - OVERSCAN));
  const end = Math.min(count, Math.ceil((Math.max(0, scrollTop) + height) / rowHeight) + OVERSCAN, start + MAX_RENDERED);
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
