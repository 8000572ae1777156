// The built demo page in Chromium (playwright-core), served by scripts/serve-static.mjs, against
// the hub emulator and the Ceph S3 test server: sign-in (OAuth with PKCE as on a Space, and a
// pasted token), the S3 form's checks, the Content-Security-Policy and fetch guard, and that the
// browser keeps nothing. Screenshots go to .test-artifacts/screenshots/.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startStaticServer } from '../../scripts/serve-static.mjs';
import { browserStorage, screenshot, visibleStrings } from './support/browser.mjs';
import { builtDemo } from './support/built-demo.mjs';
import { startDemoServers } from './support/demo-servers.mjs';
import { axeViolations, DESKTOP, PHONE, SPACE_SCOPES } from './support/importer-page.mjs';

describe('the demo page', () => {
  let hub;
  let s3;
  let server;
  let browser;
  let demo;
  before(async () => {
    demo = await startDemoServers();
    ({ hub, s3, server, browser } = demo);
  });
  after(() => demo?.stop());

  /**
   * A fresh browser profile on the page. `space` simulates a static Space (its variables, as the
   * Space injects them before any page script); without it, the page is in token mode on `?hub=`.
   */
  async function openPage({ space, viewport = DESKTOP, query = '' } = {}) {
    const context = await browser.newContext({ viewport });
    if (space) {
      await context.addInitScript((variables) => {
        window.huggingface = { variables };
      }, space);
    }
    const page = await context.newPage();
    const requests = [];
    const problems = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content Security Policy/.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    const url = space ? `${server.url}/${query}` : `${server.url}/?hub=${encodeURIComponent(hub.url)}${query ? `&${query.slice(1)}` : ''}`;
    await page.goto(url);
    await page.locator('s3hf-importer-app').waitFor();
    return { page, context, requests, problems };
  }

  const spaceVariables = (extra = {}) => ({ OAUTH_CLIENT_ID: 'importer-e2e', OAUTH_SCOPES: SPACE_SCOPES, HF_HUB_URL: hub.url, ...extra });

  async function signInWithToken(page, token = hub.tokens.write) {
    await page.locator('#hf-token').fill(token);
    await page.getByRole('button', { name: 'Sign in with this token' }).click();
    await page.locator('.account__name').waitFor();
  }

  it('signs in with Hugging Face on a Space: PKCE round trip, answer removed from the URL, user shown, nothing stored', async () => {
    const { page, context, problems } = await openPage({ space: spaceVariables(), query: '?view=start' });
    const signIn = page.getByRole('button', { name: /Sign in with Hugging Face/ });
    await signIn.waitFor();
    assert.match(await page.locator('.scopes').innerText(), /jobs.*run the import as a Hugging Face Job/s);

    const tokenExchange = page.waitForResponse((response) => response.url() === `${hub.url}/oauth/token`);
    await signIn.click();
    const exchanged = await tokenExchange;
    assert.equal(exchanged.status(), 200, 'the emulator accepted the PKCE code verifier');
    assert.match(exchanged.request().postData() ?? '', /code_verifier=/);

    await page.locator('.account__name').waitFor();
    assert.equal(await page.locator('.account__name').innerText(), 'Alice Liddell');
    assert.equal(await page.locator('.account__handle').innerText(), '@alice');
    assert.match(await page.locator('#step-sign-in .summary').innerText(), /Signed in as Alice Liddell \(@alice\) with Hugging Face · access for 7 h 59 min/);
    assert.equal(page.url(), `${server.url}/?view=start`, 'code and state are gone from the address bar');
    assert.deepEqual(await browserStorage(page), { localStorage: [], sessionStorage: [], documentCookie: '', indexedDB: [], caches: [], cookies: [] });

    await page.reload();
    await page.getByRole('button', { name: /Sign in with Hugging Face/ }).waitFor();
    assert.equal(await page.locator('.account__name').count(), 0, 'a reload forgets the session');
    assert.deepEqual(await browserStorage(page), { localStorage: [], sessionStorage: [], documentCookie: '', indexedDB: [], caches: [], cookies: [] });
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('shows the Hub\'s refusal next to the sign-in button and cleans up after it', async () => {
    const { page, context } = await openPage({ space: spaceVariables({ OAUTH_SCOPES: 'openid profile delete-everything' }) });
    await page.getByRole('button', { name: /Sign in with Hugging Face/ }).click();
    const error = page.locator('#oauth-error');
    await error.waitFor();
    assert.match(await error.innerText(), /Hugging Face could not complete the sign-in \(invalid_scope: Unknown scope\(s\): delete-everything\)\. Sign in again\./);
    assert.equal(page.url(), `${server.url}/`);
    assert.deepEqual((await browserStorage(page)).localStorage, [], 'the nonce and code verifier are gone');
    await context.close();
  });

  it('signs out by itself when the sign-in expires, forgetting the token and the S3 keys but not the rest of the form', async () => {
    const { startHubEmulator } = await import('../../tests/hub-emulator/index.mjs');
    const shortLived = await startHubEmulator({ oauthExpiresInSeconds: 3 });
    const { page, context } = await openPage({ space: spaceVariables({ HF_HUB_URL: shortLived.url }) });
    try {
      await page.getByRole('button', { name: /Sign in with Hugging Face/ }).click();
      await page.locator('#s3-bucket').waitFor();
      await page.locator('#s3-bucket').fill('kept-bucket');
      await page.locator('#s3-secretAccessKey').fill('forgotten-secret');
      const notice = page.getByText(/Your Hugging Face sign-in expired at .*\. Sign in again to continue\./);
      await notice.waitFor({ timeout: 20_000 });
      assert.equal(await page.locator('.account__name').count(), 0);
      await page.getByText('Use an access token instead').click();
      await signInWithToken(page, shortLived.tokens.write);
      assert.equal(await page.locator('#s3-bucket').inputValue(), 'kept-bucket');
      assert.equal(await page.locator('#s3-secretAccessKey').inputValue(), '');
    } finally {
      await context.close();
      await shortLived.close();
    }
  });

  it('runs the Space\'s own injected script under the CSP, which blocks any other inline script', async () => {
    const spaceServer = await startStaticServer({ root: await builtDemo(), port: 0, spaceVariables: spaceVariables() });
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    const violations = [];
    page.on('console', (message) => {
      if (/Content Security Policy/.test(message.text())) violations.push(message.text());
    });
    try {
      await page.goto(`${spaceServer.url}/`);
      await page.getByRole('button', { name: /Sign in with Hugging Face/ }).waitFor();
      assert.deepEqual(violations, [], 'the injected window.huggingface script ran without a violation');

      const ran = await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.__inlineRan = true';
        document.head.append(script);
        return window.__inlineRan === true;
      });
      assert.equal(ran, false, 'script-src self refuses inline scripts');
      assert.ok(violations.some((text) => /script-src/.test(text)));

      const foreign = await page.evaluate(() => fetch('https://example.com/collect').then(() => 'sent', (error) => `${error.name}: ${error.message}`));
      assert.match(foreign, /^BlockedConnectionError: This page only talks to the Hugging Face hub and the S3 endpoint you entered; it refused to connect to https:\/\/example\.com/);
    } finally {
      await context.close();
      await spaceServer.close();
    }
  });

  it('signs in with a pasted token: refuses bad ones at the field, keeping what was typed, and never shows the token', async () => {
    const { page, context, requests, problems } = await openPage();
    assert.match(await page.locator('.banner').innerText(), new RegExp(`talks to the hub at ${hub.url.replace(/[.]/g, '\\.')}`));
    const field = page.locator('#hf-token');
    const error = page.locator('#hf-token-error');
    const submit = page.getByRole('button', { name: 'Sign in with this token' });

    await field.fill('not-a-token');
    const whoamiCalls = () => requests.filter((url) => url.includes('/api/whoami-v2')).length;
    await submit.click();
    await error.waitFor();
    assert.match(await error.innerText(), /start with "hf_"/);
    assert.equal(whoamiCalls(), 0, 'a malformed token is refused before any request');
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    assert.match((await field.getAttribute('aria-describedby')) ?? '', /hf-token-error/);
    assert.equal(await field.inputValue(), 'not-a-token', 'what was typed stays');
    assert.equal(await page.evaluate(() => document.querySelector('s3hf-importer-app').shadowRoot.activeElement?.id), 'hf-token');

    await field.fill('hf_not_a_real_token');
    await submit.click();
    await page.getByText(/did not accept this token/).waitFor();
    assert.equal(whoamiCalls(), 1);
    assert.equal(await field.inputValue(), 'hf_not_a_real_token');
    await screenshot(page, 'demo-sign-in-token-error-1280');

    await field.fill(hub.tokens.read);
    await submit.click();
    await page.getByText(/This is a read-only token/).waitFor();

    await signInWithToken(page, hub.tokens.write);
    assert.equal(await page.locator('.account__name').innerText(), 'Alice Liddell');
    assert.match(await page.locator('#step-sign-in .summary').innerText(), /with an access token/);
    const shown = await visibleStrings(page);
    for (const token of Object.values(hub.tokens)) assert.ok(!shown.includes(token), 'no token in any attribute or text');
    assert.equal(requests.filter((url) => /assets\/s3-sdk-/.test(url)).length, 0, 'the first screens never load the S3 SDK');
    assert.equal(await page.evaluate(() => document.querySelector('s3hf-importer-app').shadowRoot.activeElement?.id), 's3-bucket', 'focus moves to the next step');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await field.waitFor();
    assert.equal(await page.locator('.account__name').count(), 0);
    assert.deepEqual(problems.filter((text) => !/Failed to load resource: the server responded with a status of 40[13]/.test(text)), []);
    await context.close();
  });

  it('shows the plan whoami tells: a PRO badge for a PRO account', async () => {
    const { page, context } = await openPage();
    await signInWithToken(page, hub.tokens.bob);
    assert.equal(await page.locator('.account__name .badge--pro').innerText(), 'PRO');
    assert.match(await page.locator('#step-sign-in .standing').innerText(), /^PRO plan\s*Billing is set up/);
    await context.close();
  });

  it('checks the S3 form at its fields before any request, and keeps every value', async () => {
    const { page, context, requests } = await openPage();
    await signInWithToken(page);
    const submit = page.getByRole('button', { name: 'Use this bucket' });
    const errorOf = (field) => page.locator(`#s3-${field}-error`);

    await submit.click();
    await errorOf('bucket').waitFor();
    assert.match(await errorOf('bucket').innerText(), /must be 3 to 63 characters long/);
    assert.match(await errorOf('accessKeyId').innerText(), /Enter an access key ID, or choose anonymous access/);
    assert.equal(await page.evaluate(() => document.querySelector('s3hf-importer-app').shadowRoot.activeElement?.id), 's3-bucket', 'focus goes to the first problem');

    await page.locator('#s3-bucket').fill('Bad_Bucket');
    await page.locator('#s3-region').fill('Mars Central');
    await page.locator('#s3-endpoint').fill('ftp://files.example.com');
    await page.locator('#s3-prefix').fill('/top/../data');
    await page.locator('#s3-accessKeyId').fill('AKIAEXAMPLE');
    await page.locator('#s3-secretAccessKey').fill('secret with spaces');
    await submit.click();
    await errorOf('endpoint').waitFor();
    assert.match(await errorOf('bucket').innerText(), /may only contain lowercase letters/);
    assert.match(await errorOf('endpoint').innerText(), /must use https:\/\//);
    assert.match(await errorOf('region').innerText(), /is not a valid region/);
    assert.match(await errorOf('prefix').innerText(), /must not start with "\/" or contain "\/\/" or "\.\."/);
    assert.match(await errorOf('secretAccessKey').innerText(), /contains spaces or line breaks/);
    assert.equal(await errorOf('accessKeyId').count(), 0, 'the fixed field has no error left');
    assert.equal(await page.locator('#s3-secretAccessKey').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('#s3-bucket').inputValue(), 'Bad_Bucket');
    assert.equal(await page.locator('#s3-prefix').inputValue(), '/top/../data/', 'the folder got its trailing slash, nothing else changed');
    assert.equal(requests.filter((url) => !url.startsWith(server.url) && !url.startsWith(hub.url)).length, 0, 'no request left for S3');
    await screenshot(page, 'demo-connect-errors-1280');
    assert.deepEqual(await axeViolations(page), []);

    await page.locator('#s3-endpoint').fill('');
    await page.locator('#s3-bucket').fill(`s3://${s3.corsBucket}/`);
    await page.locator('#s3-region').fill('');
    await page.locator('#s3-prefix').fill('');
    await page.getByLabel('Public bucket, no credentials').check();
    assert.equal(await page.locator('#s3-secretAccessKey').count(), 0, 'no key fields for a public bucket');
    await page.getByLabel('Public bucket, no credentials').uncheck();
    assert.equal(await page.locator('#s3-secretAccessKey').inputValue(), 'secret with spaces', 'unticking brings the typed keys back');
    await context.close();
  });

  it('connects the S3 bucket: a summary without the keys, the tree gets the connection, the S3 SDK loads only now', async () => {
    const { page, context, requests, problems } = await openPage();
    await signInWithToken(page);
    await page.locator('#s3-bucket').fill(s3.corsBucket);
    await page.locator('#s3-region').fill(s3.region);
    await page.locator('#s3-endpoint').fill(s3.endpoint);
    await page.locator('#s3-accessKeyId').fill(s3.accessKeyId);
    await page.locator('#s3-secretAccessKey').fill(s3.secretAccessKey);
    await page.getByRole('button', { name: 'Use this bucket' }).click();

    const summary = page.locator('#step-connect .summary');
    await summary.waitFor();
    assert.equal(await summary.innerText(), `Reading s3://${s3.corsBucket}/ on ${new URL(s3.endpoint).host}, with your access keys.`);
    const tree = await page.evaluate(() => {
      const element = document.querySelector('s3hf-importer-app').shadowRoot.querySelector('s3-tree');
      return element && { bucket: element.connection?.bucket, endpoint: element.connection?.endpoint, hasKeys: Boolean(element.connection?.credentials?.secretAccessKey) };
    });
    assert.deepEqual(tree, { bucket: s3.corsBucket, endpoint: s3.endpoint, hasKeys: true });
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => /assets\/s3-sdk-.+\.js$/.test(entry.name)));
    assert.ok(requests.some((url) => /assets\/s3-sdk-.+\.js$/.test(url)), 'the S3 SDK chunk was fetched once a listing started');
    const shown = await visibleStrings(page);
    assert.ok(!shown.includes(s3.secretAccessKey) && !shown.includes(s3.accessKeyId), 'the keys are in no attribute or text');
    await screenshot(page, 'demo-select-1280');
    assert.deepEqual(problems.filter((text) => /Content Security Policy/.test(text)), [], 'the elements render under the CSP');
    await context.close();
  });

  it('brings a wrong secret back to the secret field when the tree cannot list the bucket, with the rest of the form as typed', async () => {
    const { page, context } = await openPage();
    await signInWithToken(page);
    const typed = { bucket: s3.corsBucket, region: s3.region, endpoint: s3.endpoint, prefix: 'data/', accessKeyId: s3.accessKeyId, secretAccessKey: `${s3.secretAccessKey}-wrong` };
    for (const [field, value] of Object.entries(typed)) await page.locator(`#s3-${field}`).fill(value);
    await page.getByRole('button', { name: 'Use this bucket' }).click();

    const error = page.locator('#s3-secretAccessKey-error');
    await error.waitFor();
    assert.match(await error.innerText(), /secret/i);
    assert.equal(await page.locator('#s3-secretAccessKey').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.evaluate(() => document.querySelector('s3hf-importer-app').shadowRoot.activeElement?.id), 's3-secretAccessKey', 'focus is on the field to fix');
    for (const [field, value] of Object.entries(typed)) assert.equal(await page.locator(`#s3-${field}`).inputValue(), value, `${field} is as typed`);
    assert.equal(await page.locator('.field-error').count(), 1, 'only the secret is blamed');
    await screenshot(page, 'demo-connect-wrong-secret-1280');
    await context.close();
  });

  it('draws the first screen from the entry chunk alone: the elements and the S3 SDK come after it', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    const requested = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    let releaseElements;
    const held = new Promise((resolve) => (releaseElements = resolve));
    await page.route(/\/assets\/register-elements-[^/]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    try {
      await page.goto(`${server.url}/?hub=${encodeURIComponent(hub.url)}`);
      await page.locator('#hf-token').waitFor();
      assert.ok(requested.some((file) => /register-elements-/.test(file)), 'the elements are fetched right after the first render');
      assert.equal(await page.evaluate(() => customElements.get('s3-tree') === undefined), true, 'the sign-in step is up while the elements are still on their way');
      const html = await (await fetch(`${server.url}/`)).text();
      assert.deepEqual([...html.matchAll(/<script[^>]* src="([^"]+)"|<link rel="modulepreload" href="([^"]+)"/g)].map((match) => (match[1] ?? match[2]).replace(/-[\w-]{8}\.js$/, '')), ['./assets/main']);
      releaseElements();
      await page.waitForFunction(() => ['s3-tree', 'hf-bucket-target', 'hf-import-job'].every((tag) => customElements.get(tag)));
      assert.equal(requested.filter((file) => /s3-sdk-/.test(file)).length, 0, 'the S3 SDK waits for the first listing');
    } finally {
      releaseElements();
      await context.close();
    }
  });

  it('looks right at 1280×800 and 360×740 (screenshots of the sign-in and connect steps)', async () => {
    for (const [label, viewport] of [['1280', DESKTOP], ['360', PHONE]]) {
      const space = await openPage({ space: spaceVariables(), viewport });
      await space.page.getByRole('button', { name: /Sign in with Hugging Face/ }).waitFor();
      await screenshot(space.page, `demo-sign-in-${label}`);
      const overflow = await space.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, `no horizontal scrolling at ${label} px`);
      await space.context.close();

      const tokenMode = await openPage({ viewport });
      await screenshot(tokenMode.page, `demo-sign-in-token-${label}`);
      await signInWithToken(tokenMode.page);
      await tokenMode.page.getByRole('button', { name: 'Use this bucket' }).waitFor();
      await screenshot(tokenMode.page, `demo-connect-${label}`);
      assert.equal(await tokenMode.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
      if (label === '360') assert.deepEqual(await axeViolations(tokenMode.page), []);
      await tokenMode.context.close();
    }
  });
});
