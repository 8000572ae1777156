// scripts/serve-static.mjs: MIME types, caching, path safety and the Space's injected variables.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { spaceVariablesScript, startStaticServer } from '../../scripts/serve-static.mjs';

/** A raw GET/HEAD whose path is sent exactly as given (fetch would normalise "..", "%2e"). */
function rawRequest(port, rawPath, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static server', () => {
  let root;
  let server;
  before(async () => {
    const base = await mkdtemp(path.join(tmpdir(), 'serve-static-'));
    root = path.join(base, 'site');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(base, 'secret.txt'), 'outside the root');
    await writeFile(path.join(root, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
    await writeFile(path.join(root, 'assets', 'main-Bv9qmy0n.js'), 'export {};');
    await writeFile(path.join(root, 'assets', 'page-B7fk4Khn.css'), 'body{}');
    await writeFile(path.join(root, 'assets', 'favicon-Cz0eG0oy.svg'), '<svg/>');
    await writeFile(path.join(root, 'README.md'), '# hi');
    await writeFile(path.join(root, 'data.bin'), Buffer.from([0, 1, 2]));
    server = await startStaticServer({ root, port: 0 });
  });
  after(async () => {
    await server?.close();
    await rm(path.dirname(root), { recursive: true, force: true });
  });

  it('serves files with their MIME type, the page uncached and hashed assets for a year', async () => {
    const page = await rawRequest(server.port, '/');
    assert.equal(page.status, 200);
    assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(page.headers['cache-control'], 'no-cache');
    assert.equal(page.headers['x-content-type-options'], 'nosniff');
    const expected = {
      '/assets/main-Bv9qmy0n.js': 'text/javascript; charset=utf-8',
      '/assets/page-B7fk4Khn.css': 'text/css; charset=utf-8',
      '/assets/favicon-Cz0eG0oy.svg': 'image/svg+xml',
      '/README.md': 'text/markdown; charset=utf-8',
      '/data.bin': 'application/octet-stream',
    };
    for (const [file, type] of Object.entries(expected)) {
      const response = await rawRequest(server.port, file);
      assert.equal(response.status, 200, file);
      assert.equal(response.headers['content-type'], type, file);
    }
    assert.equal((await rawRequest(server.port, '/assets/main-Bv9qmy0n.js')).headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal((await rawRequest(server.port, '/README.md')).headers['cache-control'], 'no-cache');
    assert.equal((await rawRequest(server.port, '/index.html?x=1')).status, 200, 'the query is ignored');
  });

  it('never serves anything outside the root', async () => {
    for (const rawPath of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/index.html%00', '/%zz', '/assets', '/missing.js']) {
      const response = await rawRequest(server.port, rawPath);
      assert.equal(response.status, 404, rawPath);
      assert.ok(!response.body.includes('outside the root'), rawPath);
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await rawRequest(server.port, '/assets/main-Bv9qmy0n.js', 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.headers['content-length'], '10');
    assert.equal(head.body, '');
    const post = await rawRequest(server.port, '/', 'POST');
    assert.equal(post.status, 405);
    assert.equal(post.headers.allow, 'GET, HEAD');
  });

  it('injects the Space variables right after <head>, like a static Space, with "<" escaped', async () => {
    const space = await startStaticServer({ root, port: 0, spaceVariables: { OAUTH_CLIENT_ID: 'abc', NOTE: '</script><script>alert(1)</script>' } });
    try {
      const page = await rawRequest(space.port, '/');
      assert.ok(page.body.startsWith('<!doctype html><html><head><script>window.huggingface={"variables":{"OAUTH_CLIENT_ID":"abc",'), page.body);
      assert.equal(page.body.match(/<\/script>/g)?.length, 1, 'only the injected script element closes');
      assert.equal(Number(page.headers['content-length']), Buffer.byteLength(page.body));
      assert.equal((await rawRequest(space.port, '/assets/main-Bv9qmy0n.js')).body, 'export {};', 'other files are untouched');
    } finally {
      await space.close();
    }
    assert.equal(
      spaceVariablesScript({ A: '<b>' }),
      '<script>window.huggingface={"variables":{"A":"\\u003cb>"}};</script>',
    );
  });
});
