// The S3 test server and hub emulator for the reliability tests: the ones `npm test` started
// (S3_TEST_SERVER, HUB_EMULATOR_URL, HUB_EMULATOR_TOKENS), or a private pair when a file runs alone.
import type { HubControl } from '../../../packages/core/test/hf-test-hub.js';

export interface S3ServerInfo {
  endpoint: string;
  proxyEndpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  corsBucket: string;
  /** Where the RGW cluster keeps its state (for radosgw-admin). */
  stateDir: string;
}

export interface TestServers {
  s3: S3ServerInfo;
  hub: { url: string; tokens: Record<string, string>; control: HubControl };
  stop(): Promise<void>;
}

// The harness is plain JavaScript without type declarations, hence the typed dynamic imports.
const harnessModule = <T>(path: string): Promise<T> => import(new URL(`../../${path}`, import.meta.url).href) as Promise<T>;

export async function useTestServers(): Promise<TestServers> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { S3_TEST_SERVER, HUB_EMULATOR_URL, HUB_EMULATOR_TOKENS } = process.env;
  if (S3_TEST_SERVER && HUB_EMULATOR_URL && HUB_EMULATOR_TOKENS) {
    const { createHubControlClient } = await harnessModule<{ createHubControlClient(url: string): HubControl }>('hub-emulator/control-client.mjs');
    return {
      s3: JSON.parse(S3_TEST_SERVER) as S3ServerInfo,
      hub: { url: HUB_EMULATOR_URL, tokens: JSON.parse(HUB_EMULATOR_TOKENS) as Record<string, string>, control: createHubControlClient(HUB_EMULATOR_URL) },
      stop: async () => undefined,
    };
  }
  const { startTestServers } = await harnessModule<{
    startTestServers(): Promise<{ env: { s3: S3ServerInfo }; hub: { url: string; tokens: Record<string, string>; control: HubControl }; stop(): Promise<void> }>;
  }>('harness.mjs');
  const started = await startTestServers();
  return { s3: started.env.s3, hub: started.hub, stop: () => started.stop() };
}
