/**
 * @module Serving an {@link EdgeApp} on `@hono/node-server`, with a graceful stop: readiness
 * goes 503, the listener closes, sessions end, in-flight requests get a grace period, then the
 * remaining connections close and the model is released.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { EdgeApp } from '../app/create-app.js';

/** A listening server. */
export interface RunningServer {
  /** The bound port (useful with port 0). */
  readonly port: number;
  readonly url: string;
  /** Stops gracefully (see the module comment); resolves when everything is closed. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Listens on `host:port` (port 0 picks a free one).
 *
 * @example
 * const server = await startServer(createApp({ predictor }), { port: 0, host: '127.0.0.1' });
 * await fetch(`${server.url}/v2/health/ready`);
 * await server.stop();
 */
export function startServer(edge: EdgeApp, options: { port: number; host: string }): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    const server: Server = serve({ fetch: edge.app.fetch, port: options.port, hostname: options.host }, (info: AddressInfo) => {
      server.off('error', onError);
      server.on('clientError', (_error, socket) => {
        if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        else socket.destroy();
      });
      const host = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
      let stopping: Promise<void> | undefined;
      resolve({
        port: info.port,
        url: `http://${host.includes(':') ? `[${host}]` : host}:${info.port}`,
        stop(graceMs = 10_000) {
          stopping ??= (async () => {
            edge.drain();
            const closed = new Promise<void>((done) => server.close(() => done()));
            edge.close();
            const timer = setTimeout(() => server.closeAllConnections(), graceMs);
            timer.unref();
            await closed;
            clearTimeout(timer);
            await edge.release();
          })();
          return stopping;
        },
      });
    }) as Server;
    server.once('error', onError);
  });
}
