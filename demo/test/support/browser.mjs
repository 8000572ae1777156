// Debian's Chromium through playwright-core, and helpers the demo's page tests share.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../../tests/chromium.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SCREENSHOT_DIR = path.join(repo, '.test-artifacts', 'screenshots');
export const AXE_SCRIPT = path.join(repo, 'node_modules', 'axe-core', 'axe.min.js');

export function launchChromium() {
  return chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });
}

/** Writes a full-page screenshot to .test-artifacts/screenshots/<name>.png. */
export async function screenshot(page, name) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Every attribute value and text in the document, shadow roots included. */
export function visibleStrings(page) {
  return page.evaluate(() => {
    const out = [];
    const walk = (node) => {
      if (node.nodeType === Node.TEXT_NODE) out.push(node.data);
      if (node.nodeType === Node.ELEMENT_NODE) {
        for (const attribute of node.attributes) out.push(attribute.value);
        if (node.shadowRoot) walk(node.shadowRoot);
      }
      for (const child of node.childNodes) walk(child);
    };
    walk(document.documentElement);
    return out.join('\n');
  });
}

/** What the page keeps in the browser: it must be nothing. */
export async function browserStorage(page) {
  const inPage = await page.evaluate(async () => ({
    localStorage: Object.keys(localStorage),
    sessionStorage: Object.keys(sessionStorage),
    documentCookie: document.cookie,
    indexedDB: (await indexedDB.databases()).map((database) => database.name),
    caches: 'caches' in self ? await caches.keys() : [],
  }));
  return { ...inPage, cookies: (await page.context().cookies()).map((cookie) => cookie.name) };
}
