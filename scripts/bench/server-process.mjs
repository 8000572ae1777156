// The bench's test servers (Ceph RGW with its fault proxy, the hub emulator) run in this process of
// their own, started by context.mjs: the proxy and the emulator then take no time from the event
// loop of the code being measured, as real servers would not. Requests come over IPC as
// `{ id, action: 's3' | 'hub' | 'stop' }` and are answered with `{ id, result }` or `{ id, error }`.
import { startRgwCluster } from '../../tests/s3/cluster.mjs';
import { startS3TestServer } from '../../tests/s3/index.mjs';
import { startHubEmulator } from '../../tests/hub-emulator/index.mjs';

let s3;
let hub;

const actions = {
  async s3() {
    s3 ??= await startS3TestServer({ seed: false });
    // Asking for the cluster of a state directory that runs already returns it, Swift keys included.
    const cluster = await startRgwCluster({ stateDir: s3.stateDir });
    const { proxy: _proxy, stop: _stop, ...server } = s3;
    return { server, swift: { endpoint: s3.endpoint, ...cluster.ownerSwift } };
  },
  async hub() {
    if (!s3) throw new Error('start the S3 test server before the hub emulator');
    hub ??= await startHubEmulator({ s3Endpoint: s3.endpoint });
    return { url: hub.url, tokens: hub.tokens };
  },
  async stop() {
    await hub?.close();
    await s3?.stop();
    hub = s3 = undefined;
    return {};
  },
};

process.on('message', async ({ id, action }) => {
  try {
    process.send({ id, result: await actions[action]() });
  } catch (error) {
    process.send({ id, error: String(error?.stack ?? error) });
  }
});
// If the bench goes away, so do the servers.
process.on('disconnect', () => actions.stop().finally(() => process.exit(0)));
