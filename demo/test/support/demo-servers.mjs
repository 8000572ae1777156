// What every demo page test starts: the hub emulator, the S3 test server, the built demo served
// statically, and Chromium; and how it all stops again.
import { startStaticServer } from '../../../scripts/serve-static.mjs';
import { launchChromium } from './browser.mjs';
import { builtDemo } from './built-demo.mjs';
import { useHub } from './test-hub.mjs';
import { useS3 } from './test-s3.mjs';

/**
 * @returns {Promise<{
 *   hub: Awaited<ReturnType<typeof useHub>>,
 *   s3: Awaited<ReturnType<typeof useS3>>,
 *   server: Awaited<ReturnType<typeof startStaticServer>>,
 *   browser: import('playwright-core').Browser,
 *   stop: () => Promise<void>,
 * }>}
 */
export async function startDemoServers() {
  const [hub, s3, root] = await Promise.all([useHub(), useS3(), builtDemo()]);
  const server = await startStaticServer({ root, port: 0 });
  const browser = await launchChromium();
  return {
    hub,
    s3,
    server,
    browser,
    async stop() {
      await browser.close();
      await server.close();
      await Promise.allSettled([hub.close(), s3.stop()]);
    },
  };
}
