// A pass-through HTTP proxy that measures how many S3 requests are in flight at once. It keeps the
// client's Host header, so SigV4 signatures made for the proxy's address still verify at RGW.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CountingProxy {
  endpoint: string;
  /** Most requests in flight at the same moment since the last reset. */
  maxInFlight(): number;
  requests(): number;
  reset(): void;
  close(): Promise<void>;
}

/** Forwards to `target`, holding each answer back `latencyMs` so parallel requests overlap. */
export async function startCountingProxy(target: string, latencyMs: number): Promise<CountingProxy> {
  const upstream = new URL(target);
  let inFlight = 0;
  let maxInFlight = 0;
  let requests = 0;
  const server = http.createServer((request, response) => {
    inFlight++;
    requests++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let finished = false;
    const finish = () => {
      if (!finished) inFlight--;
      finished = true;
    };
    response.on('close', finish);
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers: request.headers },
      (answer) => {
        setTimeout(() => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        }, latencyMs);
      },
    );
    forward.on('error', () => response.destroy());
    // A client that gave up must not leave the upstream connection busy (it would keep the process alive).
    response.on('close', () => {
      if (!response.writableFinished) forward.destroy();
    });
    request.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    maxInFlight: () => maxInFlight,
    requests: () => requests,
    reset: () => {
      maxInFlight = inFlight;
      requests = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
