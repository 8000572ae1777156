import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));

/** The repository's `.cache` directory, where clusters keep their state by default. */
export const cacheDir = resolve(here, '../../.cache');

/**
 * @typedef {{ accessKeyId: string, secretAccessKey: string }} S3Keys
 * @typedef {{ endpoint: string, stateDir: string, owner: S3Keys, otherUser: S3Keys,
 *   ownerSwift: { user: string, key: string }, startupSeconds: number, pids: Record<string, number>,
 *   stop(): Promise<void> }} RgwCluster
 */

/**
 * Brings up a throwaway Ceph cluster with radosgw on free 127.0.0.1 ports (tests/s3/rgw-up.sh).
 * The cluster is also torn down automatically when this process exits, even without `stop()`.
 * @param {{ stateDir?: string }} [options] reusing a `stateDir` whose cluster still runs reuses it
 * @returns {Promise<RgwCluster>}
 */
export async function startRgwCluster({ stateDir = join(cacheDir, `rgw-${process.pid}-${randomBytes(4).toString('hex')}`) } = {}) {
  try {
    await run('bash', [join(here, 'rgw-up.sh')], {
      env: { ...process.env, RGW_STATE_DIR: stateDir, RGW_OWNER_PID: String(process.pid) },
    });
  } catch (error) {
    throw new Error(
      `Could not start the local Ceph RADOS Gateway (rgw-up.sh exited with ${error.code}).\n` +
        `${String(error.stderr).trim().split('\n').slice(-8).join('\n')}\n` +
        'Check that Ceph is installed (scripts/ensure-system-deps.sh) and see the logs above.',
    );
  }
  const state = JSON.parse(await readFile(join(stateDir, 'state.json'), 'utf8'));
  let stopping;
  return {
    endpoint: state.endpoint,
    stateDir,
    owner: keysOf(state.owner),
    otherUser: keysOf(state.otherUser),
    ownerSwift: { user: state.owner.swiftUser, key: state.owner.swiftKey },
    startupSeconds: state.startupSeconds,
    pids: state.pids,
    stop() {
      stopping ??= run('bash', [join(here, 'rgw-down.sh'), stateDir]).then(() => undefined);
      return stopping;
    },
  };
}

function keysOf({ accessKeyId, secretAccessKey }) {
  return { accessKeyId, secretAccessKey };
}
