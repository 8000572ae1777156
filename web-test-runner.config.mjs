// Browser tests: every `*.browser.test.ts` under packages/, in Debian's Chromium driven by Playwright.
// The S3 test server and hub emulator come from `npm test` (env vars); run standalone, this config
// starts its own so `npx wtr --files …` works on its own too.
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { startTestServers, testEnvFromVariables } from './tests/harness.mjs';
import { chromiumArgs, chromiumPath } from './tests/chromium.mjs';

const screenshotDir = path.resolve('.test-artifacts/screenshots');
let testEnv = testEnvFromVariables();

/** A free port, so that several test runs (or a dev server on 8000) can share the machine. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
let ownServers;

/** Hands the running test servers to the browser, starting them when wtr runs on its own. */
function testServersPlugin() {
  return {
    name: 's3-to-hf-test-servers',
    async serverStart() {
      if (!testEnv) {
        ownServers = await startTestServers();
        testEnv = ownServers.env;
      }
    },
    async serverStop() {
      await ownServers?.stop();
    },
  };
}

/** `executeServerCommand('take-screenshot', { name, selector? })` writes a PNG a person can look at. */
function screenshotPlugin() {
  return {
    name: 's3-to-hf-screenshot',
    async executeCommand({ command, payload, session }) {
      if (command !== 'take-screenshot') return undefined;
      const page = session.browser.getPage(session.id);
      await mkdir(screenshotDir, { recursive: true });
      const file = path.join(screenshotDir, `${payload.name.replace(/[^\w.-]+/g, '_')}.png`);
      const target = payload.selector ? page.locator(payload.selector).first() : page;
      await target.screenshot({ path: file, fullPage: !payload.selector });
      return file;
    },
  };
}

export default {
  files: ['packages/*/test/**/*.browser.test.ts', 'demo/test/**/*.browser.test.ts'],
  port: await freePort(),
  nodeResolve: { browser: true, exportConditions: ['s3-to-hf:source'] },
  concurrency: 1,
  plugins: [
    testServersPlugin(),
    screenshotPlugin(),
    esbuildPlugin({ ts: true, json: true, tsconfig: './tsconfig.base.json', target: 'auto' }),
  ],
  testRunnerHtml: (testFramework) => `<!doctype html><html><body>
    <script>window.__TEST_ENV__ = ${JSON.stringify(testEnv ?? null)};</script>
    <script type="module" src="${testFramework}"></script>
  </body></html>`,
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: chromiumPath(), headless: true, args: chromiumArgs },
    }),
  ],
  testFramework: { config: { timeout: 30000 } },
  testsFinishTimeout: 15 * 60 * 1000,
};
