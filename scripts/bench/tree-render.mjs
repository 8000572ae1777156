// <s3-tree> with one folder of 100,000 objects in headless Chromium (Debian's, driven by
// playwright-core): the element lists the folder for real from the S3 test server, and the clock
// starts when the last listing page has been received (the data has arrived). Figures: rows in
// the DOM (the requirement: under 300), time to the first rows on screen (target: under 300 ms),
// and long tasks (> 50 ms, PerformanceObserver 'longtask') during a scripted scroll from the top
// to the bottom. Baseline, in the same run: the same rows, with the element's own row template and
// styles, all rendered at once (no virtualization), scrolled the same way.
import http from 'node:http';
import path from 'node:path';
import { PutBucketCorsCommand } from '@aws-sdk/client-s3';
import { chromium } from 'playwright-core';
import { rollup } from 'rollup';
import { createS3Client } from '../../tests/s3/s3-client.mjs';
import { seedBucket } from './seed-bucket.mjs';
import { onwarn, sourcePlugins } from './source-plugins.mjs';
import { formatCount, formatMs, formatRatio, median, significant } from './statistics.mjs';

const ROW_LIMIT = 300;
const FIRST_ROWS_TARGET_MS = 300;
// Jumps from the top to the bottom, one per frame: every jump lands on rows never rendered before.
// The baseline makes fewer: each of its frames takes seconds at this size, so its scroll is
// compared per jump, and it runs once (a run takes minutes).
const SCROLL_STEPS = { tree: 300, flat: 40 };

/** The page script, bundled from the packages' TypeScript sources (what a consumer's bundler would do). */
async function bundlePage(repoRoot) {
  const bundle = await rollup({
    input: path.join(repoRoot, 'scripts/bench/tree-render-page.mjs'),
    onwarn,
    plugins: sourcePlugins(repoRoot, { noEmitOnError: false }),
  });
  try {
    const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: true });
    return output[0].code;
  } finally {
    await bundle.close();
  }
}

/** Serves the page and its script on a free local port. */
async function servePage(script) {
  const page = '<!doctype html><html><head><meta charset="utf-8"><title>tree-render</title></head><body style="margin:0;padding:16px;font:14px system-ui"></body>' +
    '<script type="module" src="/bench.js"></script></html>';
  const server = http.createServer((request, response) => {
    const body = request.url === '/bench.js' ? script : page;
    response.writeHead(200, { 'content-type': request.url === '/bench.js' ? 'text/javascript' : 'text/html', 'cache-control': 'no-store' });
    response.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((resolve) => server.close(resolve)) };
}

export default {
  async run(context) {
    const s3 = await context.s3();
    const { server } = s3;
    const count = context.quick ? 10_000 : 100_000;
    const bucket = `bench-tree-${Date.now()}`;
    const body = new TextEncoder().encode('0123456789abcdef');
    const files = Array.from({ length: count }, (_, index) => ({ key: `big/file-${String(index).padStart(6, '0')}.bin`, body }));
    context.log(`tree-render: seeding ${formatCount(count)} objects`);
    await seedBucket(s3, bucket, files);
    const client = createS3Client({ endpoint: server.endpoint, credentials: server });
    try {
      await client.send(
        new PutBucketCorsCommand({
          Bucket: bucket,
          CORSConfiguration: { CORSRules: [{ AllowedOrigins: ['*'], AllowedMethods: ['GET', 'HEAD'], AllowedHeaders: ['*'], ExposeHeaders: ['ETag', 'x-amz-bucket-region'], MaxAgeSeconds: 600 }] },
        }),
      );
    } finally {
      client.destroy();
    }

    context.log('tree-render: bundling the page');
    const site = await servePage(await bundlePage(context.repoRoot));
    const { executablePath, args } = await context.chromium();
    const browser = await chromium.launch({ executablePath, args, headless: true });
    const connection = {
      bucket,
      region: server.region,
      endpoint: server.endpoint,
      prefix: 'big/',
      credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
    };
    const reps = Math.min(context.reps, 5);
    const runs = { tree: [], flat: [] };
    try {
      for (const kind of ['tree', 'flat']) {
        // <s3-tree>: one warm-up run (code compiled, connections open), then the measured ones.
        const attempts = kind === 'tree' ? reps + 1 : 1;
        for (let attempt = 0; attempt < attempts; attempt++) {
          context.log(`tree-render: ${kind === 'tree' ? '<s3-tree>' : 'without virtualization'}, run ${attempt + 1} of ${attempts}`);
          const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
          try {
            await page.goto(site.url);
            await page.waitForFunction(() => window.benchReady === true);
            const result = await page.evaluate(
              ({ kind, options }) => (kind === 'tree' ? window.benchTree(options) : window.benchFlat(options)),
              { kind, options: { connection, steps: SCROLL_STEPS[kind] } },
            );
            if (result.listed !== count) throw new Error(`${kind}: listed ${result.listed} objects, not ${count}`);
            if (!result.reachedBottom) throw new Error(`${kind}: the scroll did not reach the last row`);
            if (attempt > 0 || kind === 'flat') runs[kind].push(result);
          } finally {
            await page.close();
          }
        }
      }
    } finally {
      await browser.close();
      await site.close();
    }

    const middle = (kind, field) => median(runs[kind].map((run) => run[field]));
    const figures = (kind) => ({
      rows: Math.max(...runs[kind].map((run) => run.mostRows)),
      firstRows: middle(kind, 'firstRowsMs'),
      longTasks: middle(kind, 'longTasks'),
      longTaskMs: middle(kind, 'longTaskMs'),
      longest: middle(kind, 'longestTaskMs'),
    });
    const tree = { ...figures('tree'), updatePerJump: median(runs.tree.map((run) => run.updateMs / run.updates)), longestUpdate: Math.max(...runs.tree.map((run) => run.longestUpdateMs)) };
    const flat = figures('flat');
    const perJump = (figure, kind) => figure.longTaskMs / SCROLL_STEPS[kind];
    const row = (label, kind, figure, baseline) => [
      label,
      formatCount(figure.rows),
      formatMs(figure.firstRows),
      baseline ? formatRatio(baseline.firstRows / figure.firstRows) : 'baseline',
      String(SCROLL_STEPS[kind]),
      `${significant(figure.longTasks, 2)} (${formatMs(figure.longTaskMs)})`,
      formatMs(perJump(figure, kind)),
      figure.longest > 0 ? formatMs(figure.longest) : '—',
    ];
    return {
      tables: [
        {
          caption: `One folder of ${formatCount(count)} objects listed from the S3 test server; the clock starts when the last listing page has arrived. Scroll: jumps from the top to the bottom, one per frame, in a 640 px viewport. <s3-tree>: medians of ${reps} runs after a warm-up; baseline: one run.`,
          columns: ['view', 'rows in the DOM (most)', 'first rows on screen', 'faster than baseline', 'scroll jumps', 'long tasks while scrolling (time)', 'long-task time per jump', 'longest task'],
          rows: [
            row('without virtualization: every row rendered (same row template and styles)', 'flat', flat),
            row('<s3-tree> (virtualized)', 'tree', tree, flat),
          ],
        },
      ],
      notes: [
        `Rows in the DOM: at most ${formatCount(tree.rows)} at any time during the scroll, against the limit of ${ROW_LIMIT} (${tree.rows < ROW_LIMIT ? 'met' : 'NOT met'}).`,
        `First rows: ${formatMs(tree.firstRows)} after the data arrived, ${formatRatio(FIRST_ROWS_TARGET_MS / tree.firstRows)} under the ${FIRST_ROWS_TARGET_MS} ms target (${tree.firstRows < FIRST_ROWS_TARGET_MS ? 'met' : 'NOT met'}). It includes reading the last listing page, adding the ${formatCount(count)} entries to the SelectionTree, flattening the rows and the first render; the baseline's clock starts later, with the listing already in memory.`,
        `Long tasks are main-thread tasks over 50 ms, what makes scrolling stutter: ${formatMs(perJump(flat, 'flat'))} of them per jump without virtualization, ${formatMs(perJump(tree, 'tree'))} with <s3-tree>.`,
        `<s3-tree>'s own updates (lit render and commit of the new window of rows) took ${formatMs(tree.updatePerJump)} per jump, the longest ${formatMs(tree.longestUpdate)}` +
          (tree.longestUpdate < 50 ? `: no update is a long task on its own; the rest of each long task is the browser's work (style, layout, garbage collection).` : '.'),
      ],
    };
  },
};
