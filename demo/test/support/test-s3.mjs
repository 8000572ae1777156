// The S3 test server (Ceph RGW) for the demo's tests: the one `npm test` started (S3_TEST_SERVER),
// or a private one when a test file runs on its own (about 10-30 s to start).
import { startS3TestServer } from '../../../tests/s3/index.mjs';

/** @returns {Promise<{ endpoint: string, region: string, accessKeyId: string, secretAccessKey: string, corsBucket: string, noCorsBucket: string, publicBucket: string, stop: () => Promise<void> }>} */
export async function useS3() {
  if (process.env.S3_TEST_SERVER) return { ...JSON.parse(process.env.S3_TEST_SERVER), stop: async () => undefined };
  const server = await startS3TestServer();
  return { ...server, stop: () => server.stop() };
}
