// The hub emulator for the demo's tests: the one `npm test` started (HUB_EMULATOR_URL and
// HUB_EMULATOR_TOKENS), or a private one when a test file runs on its own.
import { createHubControlClient } from '../../../tests/hub-emulator/control-client.mjs';
import { startHubEmulator } from '../../../tests/hub-emulator/index.mjs';

/** @returns {Promise<{ url: string, tokens: Record<string, string>, control: ReturnType<typeof createHubControlClient>, close: () => Promise<void> }>} */
export async function useHub() {
  const url = process.env.HUB_EMULATOR_URL;
  if (url) {
    if (!process.env.HUB_EMULATOR_TOKENS) throw new Error('HUB_EMULATOR_URL is set without HUB_EMULATOR_TOKENS; run the tests through `npm test`.');
    return { url, tokens: JSON.parse(process.env.HUB_EMULATOR_TOKENS), control: createHubControlClient(url), close: async () => undefined };
  }
  const hub = await startHubEmulator();
  // The HTTP control client works for a private emulator too, so tests use one API either way.
  return { url: hub.url, tokens: hub.tokens, control: createHubControlClient(hub.url), close: () => hub.close() };
}
