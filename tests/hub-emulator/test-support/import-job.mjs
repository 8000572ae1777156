// Running `hf buckets import` inside a real emulated Job, and reading S3 objects independently.
import assert from 'node:assert/strict';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { runBashJob, shellQuote } from './api.mjs';

/**
 * Launches a Job whose script is `hf buckets import SOURCE DEST ARGS…` (each shell-quoted) and waits for it.
 * @param {{ url: string, control: any }} hub
 * @param {{ token: string, source: string, dest: string, args?: string[],
 *   environment?: Record<string, string>, secrets?: Record<string, string> }} options
 */
export async function runImportJob(hub, { token, source, dest, args = [], environment = {}, secrets = {} }) {
  const script = ['hf', 'buckets', 'import', source, dest, ...args].map(shellQuote).join(' ');
  const created = await runBashJob(hub, token, script, { environment: { PYTHONUNBUFFERED: '1', ...environment }, secrets });
  const job = await hub.control.waitForJob(created.id);
  return { job, logs: /** @type {string[]} */ (await hub.control.jobLogs(created.id)) };
}

/** The S3 secrets a Job needs to read the test server as its owner. */
export function s3Secrets(server, credentials = server) {
  return { AWS_ACCESS_KEY_ID: credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey };
}

/** Parses the final `Import completed: …` line. */
export function importSummary(logs) {
  const line = logs.find((entry) => entry.startsWith('Import completed: '));
  const match = /^Import completed: Transferred (\d+) file\(s\) \((.+)\), skipped (\d+), failed (\d+), in ([\d.]+)s \(([\d.]+) MB\/s\)$/.exec(line ?? '');
  if (!match) throw new Error(`No "Import completed" line in the Job logs:\n${logs.join('\n')}`);
  return { transferred: Number(match[1]), size: match[2], skipped: Number(match[3]), failed: Number(match[4]) };
}

/**
 * Asserts the counts of the final `Import completed: …` line.
 * @param {string[]} logs
 * @param {Partial<Record<'transferred' | 'skipped' | 'failed', number>>} expected
 */
export function assertImportCounts(logs, expected) {
  const summary = importSummary(logs);
  assert.deepEqual(Object.fromEntries(Object.keys(expected).map((field) => [field, summary[field]])), expected);
}

/** Reads objects straight from S3 with the AWS SDK (an implementation independent of the emulation). */
export function createObjectReader(server) {
  const client = new S3Client({
    endpoint: server.endpoint,
    region: server.region,
    forcePathStyle: true,
    credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
  });
  return {
    /** @param {string} bucket @param {string} key */
    async read(bucket, key) {
      const output = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return Buffer.from(await /** @type {any} */ (output.Body).transformToByteArray());
    },
    close: () => client.destroy(),
  };
}
