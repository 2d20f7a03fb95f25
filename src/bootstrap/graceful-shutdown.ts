import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { ShutdownState, type Logger } from '../common/index.js';

/**
 * Stops accepting connections, lets requests in flight finish (up to `timeoutMs`), then
 * closes Nest (and with it the database pool). Idle keep-alive sockets are closed at once;
 * busy ones get `Connection: close` on their last response.
 */
export async function shutDownGracefully(
  app: INestApplication,
  timeoutMs: number,
  logger: Logger,
): Promise<void> {
  app.get(ShutdownState).begin();
  const server = app.getHttpServer() as Server;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const outcome = await Promise.race([closed, timedOut]);
  clearInterval(idleSweep);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    logger.warn({ timeoutMs }, 'shutdown timeout reached; closing the remaining connections');
    server.closeAllConnections();
  }
  await app.close();
}
