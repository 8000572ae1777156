// Drives the built importer page the way a person does (Playwright locators pierce the elements'
// shadow roots): sign in as on a Space, connect S3, open and tick tree rows, pick the destination,
// start the import and wait for its end. Also records what the page sends and prints, for the
// credential scans.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { AXE_SCRIPT, SCREENSHOT_DIR, screenshot } from './browser.mjs';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 360, height: 740 };
export const SPACE_SCOPES = 'openid profile jobs contribute-repos write-repos';

/** A CSS string literal for an attribute selector: keys hold quotes, backslashes and tabs. */
export function cssString(value) {
  return `"${[...value].map((char) => (char === '"' || char === '\\' ? `\\${char}` : char < ' ' || char === '\x7f' ? `\\${char.codePointAt(0).toString(16)} ` : char)).join('')}"`;
}

/**
 * A fresh browser context on the page, as a static Space serves it (its variables injected before
 * any script), with every request URL, console message and OAuth token the page gets recorded.
 * @param {import('playwright-core').Browser} browser
 * @param {{ serverUrl: string, hubUrl: string, viewport?: { width: number, height: number }, clock?: boolean }} options
 */
export async function openImporter(browser, { serverUrl, hubUrl, viewport = DESKTOP, clock = false }) {
  const context = await browser.newContext({ viewport });
  if (clock) await context.clock.install();
  await context.addInitScript((variables) => {
    window.huggingface = { variables };
  }, { OAUTH_CLIENT_ID: 'importer-e2e', OAUTH_SCOPES: SPACE_SCOPES, HF_HUB_URL: hubUrl });
  const page = await context.newPage();
  const record = { requests: [], consoleMessages: [], problems: [], oauthTokens: [], jobRequests: [] };
  page.on('request', (request) => {
    record.requests.push(request.url());
    if (request.method() === 'POST' && /\/api\/jobs\/[^/]+$/.test(new URL(request.url()).pathname)) record.jobRequests.push(request.postData() ?? '');
  });
  page.on('console', (message) => {
    record.consoleMessages.push(message.text());
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) record.problems.push(message.text());
  });
  page.on('pageerror', (error) => record.problems.push(error.message));
  page.on('response', async (response) => {
    if (response.url() === `${hubUrl}/oauth/token` && response.ok()) record.oauthTokens.push((await response.json()).access_token);
  });
  await page.goto(`${serverUrl}/`);
  await page.locator('s3hf-importer-app').waitFor();
  return { page, context, ...record };
}

/** "Sign in with Hugging Face": the emulator approves alice at once and sends the browser back. */
export async function signInOnSpace(page) {
  await page.getByRole('button', { name: 'Sign in with Hugging Face' }).click();
  await page.locator('.account__name').waitFor();
}

/** Fills "Connect S3" and submits it. */
export async function connectS3(page, { bucket, endpoint, region, accessKeyId, secretAccessKey, prefix = '' }) {
  await page.locator('#s3-bucket').fill(bucket);
  await page.locator('#s3-region').fill(region);
  await page.locator('#s3-endpoint').fill(endpoint);
  await page.locator('#s3-prefix').fill(prefix);
  await page.locator('#s3-accessKeyId').fill(accessKeyId);
  await page.locator('#s3-secretAccessKey').fill(secretAccessKey);
  await page.getByRole('button', { name: 'Use this bucket' }).click();
}

export const treeRow = (page, path) => page.locator(`s3-tree [role="treeitem"][data-path=${cssString(path)}]`);

/** Waits until the tree lists its top (the first row is there). */
export async function waitForTree(page) {
  await page.locator('s3-tree [role="treeitem"]').first().waitFor();
}

/**
 * Scrolls the virtualized tree until the row of `path` is rendered (rows out of view are not in
 * the DOM), from the top down, at most one pass.
 */
export async function revealRow(page, path) {
  const row = treeRow(page, path);
  const viewport = page.locator('s3-tree .viewport');
  // One step in the page: find the rendered row and centre it, so that it stays in the rendered
  // window whatever the virtual list does meanwhile; else scroll on.
  const step = (first) =>
    viewport.evaluate(
      (box, { target, first }) => {
        if (first) box.scrollTop = 0;
        const found = [...box.querySelectorAll('[role="treeitem"]')].find((element) => element.dataset.path === target);
        if (found) {
          box.scrollTop = found.offsetTop - box.clientHeight / 2;
          return 'found';
        }
        const before = box.scrollTop;
        box.scrollTop += box.clientHeight * 0.7;
        return box.scrollTop === before ? 'end' : 'scrolled';
      },
      { target: path, first },
    );
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const outcome = await step(attempt === 0);
    // The scroll handler renders the new window on the next frame.
    await nextFrames(page);
    if (outcome === 'found' && (await row.count()) > 0) return row;
    if (outcome === 'end') break;
  }
  throw new Error(`No tree row for ${JSON.stringify(path)}`);
}

/** Opens a folder and waits until its listing is in. */
export async function expandFolder(page, path) {
  const row = await revealRow(page, path);
  await row.locator('[data-action="toggle"]').click();
  await page.waitForFunction(
    (target) => {
      const tree = document.querySelector('s3hf-importer-app').shadowRoot.querySelector('s3-tree');
      const item = [...tree.shadowRoot.querySelectorAll('[role="treeitem"]')].find((element) => element.dataset.path === target);
      return item?.getAttribute('aria-expanded') === 'true' && !item.hasAttribute('aria-busy');
    },
    path,
  );
}

/** Ticks or unticks a row, and checks that the tree took it. */
export async function setTicked(page, path, ticked) {
  const row = await revealRow(page, path);
  if ((await row.getAttribute('aria-checked')) === String(ticked)) throw new Error(`${JSON.stringify(path)} is already ${ticked ? 'ticked' : 'unticked'}`);
  await row.locator('[data-action="check"]').click();
  await treeRow(page, path).and(page.locator(`[aria-checked="${ticked}"]`)).waitFor();
}

/**
 * The keys an import copies after these ticks and unticks: for every key, the last operation on
 * the key itself or on a folder above it decides (a folder's tick sets its whole subtree).
 * @param {string[]} keys
 * @param {Array<{ path: string, ticked: boolean }>} operations in the order they were made
 */
export function keysSelectedBy(keys, operations) {
  return keys.filter((key) => {
    let ticked = false;
    for (const { path, ticked: value } of operations) {
      if (path === key || (path.endsWith('/') && key.startsWith(path))) ticked = value;
    }
    return ticked;
  });
}

/** Sets the destination bucket and folder in `<hf-bucket-target>` and waits until it is checked. */
export async function chooseDestination(page, { bucket, prefix }) {
  const target = page.locator('hf-bucket-target');
  await target.locator('#bucket').fill(bucket);
  await target.locator('#bucket').press('Tab');
  await target.locator('#prefix').fill(prefix);
  await target.locator('#prefix').press('Tab');
  await page.locator('hf-import-job .badge', { hasText: 'New bucket, created first' }).waitFor();
}

/**
 * Clicks "Start import" in step 4 and returns the created Job's id (from the created event), or
 * fails with the errors the element shows when it refuses to start.
 */
export async function startImport(page, jobElement = '#step-import-job') {
  await page.evaluate((selector) => {
    const element = document.querySelector('s3hf-importer-app').shadowRoot.querySelector(selector);
    element.addEventListener('hf-import-job-created', (event) => (window.__createdJobId = event.detail.jobId), { once: true });
  }, jobElement);
  await page.locator(`${jobElement} button.primary`, { hasText: /Start (import|dry run)/ }).click();
  const errors = page.locator(`${jobElement} .field-error, ${jobElement} [part="launch"] .notice.error`);
  await page.waitForFunction(
    (selector) => {
      if (window.__createdJobId) return true;
      const element = document.querySelector('s3hf-importer-app').shadowRoot.querySelector(selector);
      return element.shadowRoot.querySelector('.field-error, [part="launch"] .notice.error') !== null;
    },
    jobElement,
    { timeout: 30_000 },
  );
  const jobId = await page.evaluate(() => window.__createdJobId);
  if (!jobId) throw new Error(`The import did not start: ${(await errors.allInnerTexts()).join(' | ')}`);
  return jobId;
}

/** Waits for the import's result panel and returns its outcome. */
export async function waitForOutcome(page, jobElement = '#step-import-job', timeout = 60_000) {
  const result = page.locator(`${jobElement} [part="result"]`);
  await result.waitFor({ timeout });
  return result.getAttribute('data-outcome');
}

/** Every attribute value, text and input value of the document, shadow roots included. */
export function pageStrings(page) {
  return page.evaluate(() => {
    const out = [];
    const walk = (node) => {
      if (node.nodeType === Node.TEXT_NODE) out.push(node.data);
      if (node.nodeType === Node.ELEMENT_NODE) {
        for (const attribute of node.attributes) out.push(`${attribute.name}=${attribute.value}`);
        if (node.shadowRoot) walk(node.shadowRoot);
      }
      for (const child of node.childNodes) walk(child);
    };
    walk(document.documentElement);
    return out;
  });
}

/** The page's rendered text as a person sees it (all shadow roots flattened by innerText). */
export const renderedText = (page) => page.locator('s3hf-importer-app').innerText();

/** Resolves after the page rendered two more frames (layout after a scroll or resize). */
export const nextFrames = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)))));

/** Resolves once the finite CSS transitions and animations (a progress bar filling up) have ended. */
const settledAnimations = (page) =>
  page.evaluate(() => Promise.all(document.getAnimations().filter((animation) => animation.effect?.getTiming().iterations !== Infinity).map((animation) => animation.finished.catch(() => undefined))));

/**
 * Screenshots at both widths, `demo-<name>-1280.png` and `demo-<name>-360.png`: of `part` (a
 * locator, e.g. one step) when given, else of the whole page.
 */
export async function screenshotBoth(page, name, part) {
  // No hover highlight where the last click left the pointer.
  await page.mouse.move(0, 0);
  for (const [label, viewport] of [['1280', DESKTOP], ['360', PHONE]]) {
    await page.setViewportSize(viewport);
    await nextFrames(page);
    await settledAnimations(page);
    if (part) {
      await mkdir(SCREENSHOT_DIR, { recursive: true });
      await part.screenshot({ path: path.join(SCREENSHOT_DIR, `demo-${name}-${label}.png`) });
    } else {
      await screenshot(page, `demo-${name}-${label}`);
    }
  }
  await page.setViewportSize(DESKTOP);
  await nextFrames(page);
}

/** The emulated bucket's files under `prefix`, as a sorted list of paths relative to it. */
export async function bucketFiles(control, id, prefix = '') {
  const files = (await control.buckets()).get(id);
  if (!files) return undefined;
  return [...files.keys()].filter((path) => path.startsWith(prefix)).map((path) => path.slice(prefix.length)).sort();
}

/** axe-core's violations on the page, shadow roots included (evaluated over CDP, outside the CSP). */
export async function axeViolations(page) {
  await page.evaluate(await readFile(AXE_SCRIPT, 'utf8'));
  return page.evaluate(async () => {
    const results = await window.axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
}
