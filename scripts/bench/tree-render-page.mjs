// The browser side of tree-render.mjs, bundled by it with rollup: `window.benchTree` measures
// <s3-tree> listing a folder of the S3 test server; `window.benchFlat` renders the same rows with
// the same row template and styles but without virtualization (every row in the DOM), as the
// baseline. Both return their figures to the bench.
import { SelectionTree, formatBytes, listFolder, visibleRows } from '@s3-to-hf/core';
import { S3TreeElement } from '@s3-to-hf/s3-tree';
import { LitElement, html } from 'lit';
import { renderTreeRow } from '../../packages/s3-tree/src/render-tree-row.ts';

// When each ListObjectsV2 page has been received in full: the last one is when the data has arrived.
const listingPagesAt = [];
const realFetch = window.fetch.bind(window);
window.fetch = async (input, init) => {
  const response = await realFetch(input, init);
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (!url.searchParams.has('list-type')) return response;
  const body = await response.arrayBuffer();
  listingPagesAt.push(performance.now());
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
};

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/** Resolves just after the next paint (a frame callback runs before painting, a posted message after). */
function afterPaint() {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(undefined);
    }),
  );
}

/** Long tasks (> 50 ms) while `work` runs: count, total and longest, in milliseconds. */
async function longTasksDuring(work) {
  const tasks = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });
  const result = await work();
  await afterPaint();
  tasks.push(...observer.takeRecords());
  observer.disconnect();
  const durations = tasks.map((task) => task.duration);
  return { result, longTasks: durations.length, longTaskMs: durations.reduce((sum, ms) => sum + ms, 0), longestTaskMs: Math.max(0, ...durations) };
}

/** Scrolls `viewport` from the top to the bottom in `steps` jumps, one per frame; the most rows seen in the DOM. */
async function scrollThrough(viewport, steps, countRows) {
  const bottom = viewport.scrollHeight - viewport.clientHeight;
  let mostRows = countRows();
  for (let step = 1; step <= steps; step++) {
    viewport.scrollTop = Math.round((bottom * step) / steps);
    await nextFrame();
    mostRows = Math.max(mostRows, countRows());
  }
  await nextFrame();
  return { mostRows: Math.max(mostRows, countRows()), atBottom: viewport.scrollTop >= bottom - 1 };
}

const viewportHeight = '640px';

// Time spent in <s3-tree>'s own updates (lit render and commit), to tell it from the browser's
// style, layout and garbage collection in the long tasks.
const updates = [];
const update = S3TreeElement.prototype.update;
S3TreeElement.prototype.update = function timedUpdate(changed) {
  const startedAt = performance.now();
  try {
    return update.call(this, changed);
  } finally {
    updates.push(performance.now() - startedAt);
  }
};

window.benchTree = async ({ connection, steps }) => {
  listingPagesAt.length = 0;
  const element = document.createElement('s3-tree');
  element.style.setProperty('--s3-tree-max-height', viewportHeight);
  document.body.replaceChildren(element);
  await element.updateComplete;
  const rows = () => element.shadowRoot.querySelectorAll('[role=treeitem]').length;
  const firstRows = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (rows() === 0) return;
      observer.disconnect();
      resolve(afterPaint());
    });
    observer.observe(element.shadowRoot, { childList: true, subtree: true });
  });
  element.connection = connection;
  const shownAt = await firstRows;
  const arrivedAt = listingPagesAt.at(-1);
  const firstRowsMs = shownAt - arrivedAt;
  const rowsAtFirstPaint = rows();
  const viewport = element.shadowRoot.querySelector('.viewport');
  updates.length = 0;
  const scroll = await longTasksDuring(() => scrollThrough(viewport, steps, rows));
  const scrollUpdates = [...updates];
  const listed = element.selectionTree.children('').files.length;
  const lastRow = Boolean(element.shadowRoot.querySelector(`[role=treeitem][aria-posinset="${listed}"]`));
  return {
    pages: listingPagesAt.length,
    listed,
    firstRowsMs,
    rowsAtFirstPaint,
    mostRows: scroll.result.mostRows,
    reachedBottom: scroll.result.atBottom && lastRow,
    longTasks: scroll.longTasks,
    longTaskMs: scroll.longTaskMs,
    longestTaskMs: scroll.longestTaskMs,
    updates: scrollUpdates.length,
    updateMs: scrollUpdates.reduce((sum, ms) => sum + ms, 0),
    longestUpdateMs: Math.max(0, ...scrollUpdates),
  };
};

/** The same rows, with <s3-tree>'s row template and styles, all of them in the DOM. */
class FlatTree extends LitElement {
  static styles = S3TreeElement.styles;
  static properties = { rows: { attribute: false } };

  constructor() {
    super();
    this.rows = [];
  }

  render() {
    return html`<div class="viewport" part="viewport" role="tree" aria-label="Files" style="--rows: ${this.rows.length}; --s3-tree-max-height: ${viewportHeight}">
      <div class="sizer">
        ${this.rows.map((row, index) =>
          renderTreeRow({ row, index, active: index === 0, state: 'unchecked', listing: undefined, failure: undefined, empty: false, size: formatBytes(row.size ?? 0) }),
        )}
      </div>
    </div>`;
  }
}
customElements.define('bench-flat-tree', FlatTree);

window.benchFlat = async ({ connection, steps }) => {
  const element = document.createElement('bench-flat-tree');
  element.style.setProperty('--s3-tree-max-height', viewportHeight);
  document.body.replaceChildren(element);
  await element.updateComplete;
  // The same listing; the clock starts once it is in memory.
  const listing = await listFolder(connection, '');
  const startedAt = performance.now();
  const tree = new SelectionTree();
  tree.addListing('', listing.files, listing.folders);
  element.rows = visibleRows((folder) => (tree.isListed(folder) ? tree.children(folder) : undefined), { expanded: new Set() });
  await element.updateComplete;
  const shownAt = await afterPaint();
  const rows = () => element.shadowRoot.querySelectorAll('[role=treeitem]').length;
  const rowsAtFirstPaint = rows();
  const viewport = element.shadowRoot.querySelector('.viewport');
  const scroll = await longTasksDuring(() => scrollThrough(viewport, steps, rows));
  return {
    listed: listing.files.length,
    firstRowsMs: shownAt - startedAt,
    rowsAtFirstPaint,
    mostRows: scroll.result.mostRows,
    reachedBottom: scroll.result.atBottom,
    longTasks: scroll.longTasks,
    longTaskMs: scroll.longTaskMs,
    longestTaskMs: scroll.longestTaskMs,
  };
};

window.benchReady = true;
