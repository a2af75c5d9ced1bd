/**
 * @module Serving an {@link EdgeApp} on `@hono/node-server`: no whole-request timeout (streams
 * last; each non-streamed body has its own deadline and each NDJSON upload an idle timeout), JSON
 * answers to protocol errors, lingering close, and a graceful stop — readiness goes 503, the
 * listener closes, idle keep-alive connections close at once and busy ones right after their
 * response (`Connection: close`), sessions and uploads end, in-flight requests get a grace period,
 * then the rest close and the model is released.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { serve } from '@hono/node-server';
import type { EdgeApp } from '../app/create-app.js';
import { lingerOnClose } from './lingering-close.js';
import { answerClientError } from './protocol-errors.js';

/** How long a closing connection keeps discarding what its client still sends, ms. */
export const LINGER_MS = 2000;

/** A listening server. */
export interface RunningServer {
  /** The bound port (useful with port 0). */
  readonly port: number;
  readonly url: string;
  /** Stops gracefully (see the module comment); resolves when everything is closed. */
  stop(graceMs?: number): Promise<void>;
}

/** A listening Node server with the edge API's connection handling. */
interface Listening {
  readonly server: Server;
  readonly port: number;
  readonly url: string;
  /** From now on, closes each connection as soon as it goes idle. */
  drain(): void;
}

function listen(app: { fetch: EdgeApp['app']['fetch'] }, options: { port: number; host: string }): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    const server: Server = serve({ fetch: app.fetch, port: options.port, hostname: options.host, autoCleanupIncoming: false }, (info: AddressInfo) => {
      server.off('error', onError);
      const inFlight = new WeakMap<Socket, ServerResponse>();
      let draining = false;
      server.requestTimeout = 0;
      server.on('request', (req: IncomingMessage, res: ServerResponse) => {
        inFlight.set(req.socket, res);
        res.once('finish', () => {
          inFlight.delete(req.socket);
          if (draining) setImmediate(() => server.closeIdleConnections());
        });
      });
      const responding = (socket: Socket): boolean => inFlight.get(socket)?.headersSent === true;
      server.on('clientError', (error: Error & { code?: string }, socket: Socket) => answerClientError(error, socket, responding(socket)));
      lingerOnClose(server, LINGER_MS);
      const host = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
      resolve({
        server,
        port: info.port,
        url: `http://${host.includes(':') ? `[${host}]` : host}:${info.port}`,
        drain() {
          draining = true;
          server.closeIdleConnections();
        },
      });
    }) as Server;
    server.once('error', onError);
  });
}

/**
 * Listens on `host:port` (port 0 picks a free one).
 *
 * @example
 * const server = await startServer(createApp({ predictor }), { port: 0, host: '127.0.0.1' });
 * await fetch(`${server.url}/v2/health/ready`);
 * await server.stop();
 */
export async function startServer(edge: EdgeApp, options: { port: number; host: string }): Promise<RunningServer> {
  const { server, port, url, drain } = await listen(edge.app, options);
  let stopping: Promise<void> | undefined;
  return {
    port,
    url,
    stop(graceMs = 10_000) {
      stopping ??= (async () => {
        edge.drain();
        const closed = new Promise<void>((done) => server.close(() => done()));
        drain();
        edge.close();
        const timer = setTimeout(() => server.closeAllConnections(), graceMs);
        timer.unref();
        await closed;
        clearTimeout(timer);
        await edge.release();
      })();
      return stopping;
    },
  };
}

/**
 * Serves only `/metrics` of an app on its own port (`EDGE_METRICS_PORT`); stops with the API.
 *
 * @example
 * const metricsServer = await startMetricsServer(edge, { port: 9464, host: '127.0.0.1' });
 */
export async function startMetricsServer(edge: EdgeApp, options: { port: number; host: string }): Promise<RunningServer> {
  const { server, port, url } = await listen(edge.metricsApp, options);
  return {
    port,
    url,
    stop: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
