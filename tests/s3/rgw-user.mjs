// Extra RGW users for tests that need S3 keys of their own (e.g. distinctive values to search
// for in everything an import exposes), created with radosgw-admin on the cluster's own config.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** radosgw-admin against the cluster in `stateDir`; its output (which lists the keys) is not shown. */
async function radosgwAdmin(stateDir, args) {
  try {
    await run('radosgw-admin', ['--conf', join(stateDir, 'ceph.conf'), '-n', 'client.admin', ...args]);
  } catch (error) {
    // stderr only: stdout would repeat the user's keys.
    throw new Error(`radosgw-admin ${args[0]} ${args[1]} failed (exit ${error.code}): ${String(error.stderr).trim().split('\n').slice(-3).join(' ')}`);
  }
}

/**
 * Creates an RGW user with the given S3 keys; `remove()` deletes it with its buckets and objects.
 * @param {{ stateDir: string, uid: string, accessKeyId: string, secretAccessKey: string }} options
 *   `stateDir` as in the S3 test server's description
 * @returns {Promise<{ remove(): Promise<void> }>}
 * @example
 * const user = await createRgwUser({ stateDir: server.stateDir, uid: 'leak-test', accessKeyId, secretAccessKey });
 * try { ... } finally { await user.remove(); }
 */
export async function createRgwUser({ stateDir, uid, accessKeyId, secretAccessKey }) {
  await radosgwAdmin(stateDir, ['user', 'create', '--uid', uid, '--display-name', `test user ${uid}`, '--access-key', accessKeyId, '--secret-key', secretAccessKey]);
  return {
    remove: () => radosgwAdmin(stateDir, ['user', 'rm', '--uid', uid, '--purge-data']),
  };
}
