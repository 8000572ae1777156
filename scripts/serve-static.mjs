#!/usr/bin/env node
// A small static file server without dependencies, for the built demo (demo/dist): GET/HEAD only,
// correct MIME types, nothing outside the root, long caching for hashed assets only. It can also
// play the Space's part and inject `window.huggingface.variables` into index.html the way a static
// Space does (right after <head>), to try "Sign in with Hugging Face" locally.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIME_TYPES = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
});

// Files whose names carry a content hash (assets/main-Bv9qmy0n.js) never change under that name.
const HASHED_ASSET = /^assets\/.+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/;

/** The Space's injected script; `<` is escaped so no value can close the script element. */
export function spaceVariablesScript(variables) {
  const json = JSON.stringify({ variables }).replace(/</g, '\\u003c');
  return `<script>window.huggingface=${json};</script>`;
}

function send(res, status, headers, body) {
  res.writeHead(status, { 'X-Content-Type-Options': 'nosniff', ...headers });
  res.end(body);
}

/** The file a request path names inside `root`, or undefined when it is not a safe path. */
function resolveInside(root, rawPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.split('/').some((segment) => segment === '..')) return undefined;
  const relative = decoded.replace(/^\/+/, '') || 'index.html';
  const file = path.resolve(root, relative);
  return file === root || file.startsWith(root + path.sep) ? { file, relative: path.relative(root, file).split(path.sep).join('/') } : undefined;
}

/**
 * Serves `root` over HTTP.
 *
 * @example
 * const server = await startStaticServer({ root: 'demo/dist', port: 8080 });
 * console.log(server.url); // http://localhost:8080
 * await server.close();
 *
 * @param {{ root: string, port?: number, host?: string,
 *   spaceVariables?: Record<string, string>, log?: (line: string) => void }} options
 *   `port` 0 picks a free port; `spaceVariables` makes index.html look served by a static Space.
 */
export async function startStaticServer({ root, port = 8080, host = '127.0.0.1', spaceVariables, log = () => {} }) {
  const base = path.resolve(root);
  const server = createServer(async (req, res) => {
    const method = req.method ?? 'GET';
    const target = new URL(req.url ?? '/', 'http://localhost');
    if (method !== 'GET' && method !== 'HEAD') {
      send(res, 405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }, 'Method not allowed\n');
      return;
    }
    const resolved = resolveInside(base, target.pathname);
    let info;
    try {
      info = resolved && (await stat(resolved.file));
    } catch {
      info = undefined;
    }
    if (!resolved || !info?.isFile()) {
      log(`404 ${target.pathname}`);
      send(res, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Not found\n');
      return;
    }
    const type = MIME_TYPES[path.extname(resolved.file).toLowerCase()] ?? 'application/octet-stream';
    const caching = HASHED_ASSET.test(resolved.relative) ? 'public, max-age=31536000, immutable' : 'no-cache';
    const headers = { 'Content-Type': type, 'Cache-Control': caching };
    if (resolved.relative === 'index.html' && spaceVariables) {
      const page = (await readFile(resolved.file, 'utf8')).replace('<head>', `<head>${spaceVariablesScript(spaceVariables)}`);
      send(res, 200, { ...headers, 'Content-Length': Buffer.byteLength(page) }, method === 'HEAD' ? undefined : page);
      return;
    }
    res.writeHead(200, { 'X-Content-Type-Options': 'nosniff', ...headers, 'Content-Length': info.size });
    if (method === 'HEAD') res.end();
    else createReadStream(resolved.file).pipe(res);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const shownHost = host === '127.0.0.1' || host === '::1' || host === '0.0.0.0' ? 'localhost' : host;
  return {
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    close: () => new Promise((resolve) => {
      server.close(() => resolve(undefined));
      server.closeAllConnections();
    }),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const root = args.find((arg) => !arg.startsWith('--')) ?? 'demo/dist';
  const server = await startStaticServer({ root, port: Number(option('port') ?? 8080), host: option('host') ?? '127.0.0.1', log: console.log });
  console.log(`Serving ${root} on ${server.url} (Ctrl+C to stop)`);
}
