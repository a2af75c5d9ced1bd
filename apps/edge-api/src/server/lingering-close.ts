/**
 * @module Lingering close (RFC 9112 §9.6). When the server closes a connection after answering a
 * request whose body is still arriving (an early 413/415/401, a stream that ended), closing at
 * once makes the kernel reset the connection, and a client still sending may lose the answer it
 * had not yet read. Instead the server half-closes (FIN after the response) and discards what the
 * client still sends, until the client closes or `ms` pass.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

const lingering = new WeakSet<Socket>();

function linger(socket: Socket, ms: number): void {
  if (socket.destroyed || lingering.has(socket)) return;
  lingering.add(socket);
  socket.end();
  const timer = setTimeout(() => socket.destroy(), ms);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
}

/**
 * Makes `server` linger on every close that follows a response: `Connection: close` answers
 * (Node's `destroySoon` after the last response) and any response finished before its request's
 * body was complete.
 *
 * @example
 * lingerOnClose(server, 2000);
 */
export function lingerOnClose(server: Server, ms: number): void {
  server.on('connection', (socket: Socket) => {
    socket.destroySoon = function lingeringDestroySoon(): void {
      linger(socket, ms);
    };
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    res.once('finish', () => {
      if (!req.complete) linger(req.socket, ms);
    });
  });
}
