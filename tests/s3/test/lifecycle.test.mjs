// Bring-up and teardown of whole clusters: side by side on free ports, wildcard CORS origins,
// nothing left running after stop, and automatic cleanup when the owning process dies.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ListBucketsCommand } from '@aws-sdk/client-s3';
import { startS3TestServer } from '../index.mjs';
import { createS3Client } from '../s3-client.mjs';
import { httpRequest } from '../test-support/http-request.mjs';

const s3Dir = dirname(dirname(fileURLToPath(import.meta.url)));
const started = [];
after(() => Promise.all(started.map((server) => server.stop())));

function daemonPids(stateDir) {
  return Object.values(JSON.parse(readFileSync(join(stateDir, 'state.json'), 'utf8')).pids);
}

/** Alive and not a zombie waiting to be reaped. */
function isRunning(pid) {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1][0] !== 'Z';
  } catch {
    return false;
  }
}

async function waitUntil(condition, what, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const preflightStatus = async (server, origin) =>
  (
    await httpRequest(`${server.endpoint}/${server.corsBucket}/README.md`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'GET' },
    })
  ).status;

describe('S3 test server lifecycle', () => {
  it('runs two servers side by side and stops each without leaving a process behind', async () => {
    const servers = await Promise.all([
      startS3TestServer({ seed: false }),
      startS3TestServer({ seed: false, corsOrigins: ['http://localhost:*', 'http://127.0.0.1:*'] }),
    ]);
    started.push(...servers);
    assert.notEqual(servers[0].endpoint, servers[1].endpoint);
    assert.notEqual(servers[0].stateDir, servers[1].stateDir);
    for (const server of servers) {
      const s3 = createS3Client({ endpoint: server.endpoint, credentials: server });
      const { Buckets } = await s3.send(new ListBucketsCommand({}));
      assert.deepEqual(Buckets.map(({ Name }) => Name).sort(), ['s3hf-cors', 's3hf-nocors', 's3hf-public']);
      s3.destroy();
    }

    const pids = servers.flatMap((server) => daemonPids(server.stateDir));
    assert.equal(pids.length, 6);
    assert.ok(pids.every(isRunning));
    await Promise.all(servers.map((server) => server.stop()));
    assert.deepEqual(pids.filter(isRunning), []);
    for (const server of servers) {
      assert.equal(existsSync(server.stateDir), false);
      await assert.rejects(httpRequest(server.endpoint), { code: 'ECONNREFUSED' });
      await assert.rejects(httpRequest(`${server.proxyEndpoint}/__proxy/stats`), { code: 'ECONNREFUSED' });
    }
  });

  it('honours wildcard CORS origins such as http://localhost:*', async () => {
    const server = await startS3TestServer({ seed: false, corsOrigins: ['http://localhost:*', 'http://127.0.0.1:*'] });
    started.push(server);
    assert.equal(await preflightStatus(server, 'http://localhost:5173'), 200);
    assert.equal(await preflightStatus(server, 'http://127.0.0.1:8000'), 200);
    assert.equal(await preflightStatus(server, 'http://evil.example'), 403);
    assert.equal(await preflightStatus(server, 'http://localhost'), 403, 'the wildcard needs a port');
  });

  it('reuses a running cluster when rgw-up.sh is pointed at its state directory', async () => {
    const server = await startS3TestServer({ seed: false });
    started.push(server);
    const { stdout } = await promisify(execFile)('bash', [join(s3Dir, 'rgw-up.sh')], { env: { ...process.env, RGW_STATE_DIR: server.stateDir } });
    assert.equal(stdout.trim().split('\n').at(-1), server.endpoint);
  });

  it('tears the cluster down by itself when the owning process dies without stopping it', async () => {
    const script = `
      import { startRgwCluster } from ${JSON.stringify(join(s3Dir, 'cluster.mjs'))};
      const cluster = await startRgwCluster();
      process.stdout.write(cluster.stateDir);
      process.exit(0); // no cluster.stop()
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stateDir = '';
    child.stdout.on('data', (chunk) => (stateDir += chunk));
    const [code] = await new Promise((resolve) => child.once('exit', (...result) => resolve(result)));
    assert.equal(code, 0);
    assert.ok(stateDir, 'the child reported its cluster');
    await waitUntil(() => !existsSync(stateDir), 'the watchdog removed the state directory');
    const leftovers = (await promisify(execFile)('pgrep', ['-af', stateDir]).catch(() => ({ stdout: '' }))).stdout;
    assert.equal(leftovers.trim(), '');
  });
});
