import { getRequestListener, RequestError } from '@hono/node-server';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorBody } from './errors.ts';

export interface FetchApp {
  fetch: (request: Request) => Response | Promise<Response>;
}

export interface ListenOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly log: (line: string) => void;
}

export interface RunningServer {
  readonly host: string;
  readonly port: number;
  readonly url: string;
  /** Stops accepting connections, lets in-flight requests finish (up to `graceMs`), then closes the rest. */
  close(graceMs?: number): Promise<void>;
}

/** Requests Node itself cannot turn into a Request (bad URL, bad Host) still get our error body. */
function requestErrorResponse(error: unknown, log: (line: string) => void): Response {
  if (error instanceof RequestError) {
    return Response.json(errorBody('invalid_input', `malformed request: ${error.message}`), { status: 400 });
  }
  log(`request failed before routing: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return Response.json(errorBody('internal', 'internal error'), { status: 500 });
}

export function listen(app: FetchApp, options: ListenOptions): Promise<RunningServer> {
  const listener = getRequestListener((request) => app.fetch(request), {
    overrideGlobalObjects: false,
    errorHandler: (error) => requestErrorResponse(error, options.log),
  });
  // Slow-loris and oversized-header protection; bodies are limited by the app.
  const server = createServer({ requestTimeout: 30_000, headersTimeout: 10_000, keepAliveTimeout: 5_000, maxHeaderSize: 16 * 1024 }, (req, res) => {
    void listener(req, res);
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Type: application/json\r\n\r\n{"error":{"code":"invalid_input","message":"malformed HTTP request"}}');
    else socket.destroy();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        host: address.address,
        port: address.port,
        url: `http://${hostForUrl}:${address.port}`,
        close: (graceMs = 5_000) =>
          new Promise<void>((done) => {
            const timer = setTimeout(() => server.closeAllConnections(), graceMs);
            timer.unref();
            server.close(() => {
              clearTimeout(timer);
              done();
            });
            server.closeIdleConnections();
          }),
      });
    });
  });
}
