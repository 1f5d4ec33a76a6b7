import type { Server as HttpServer } from 'node:http';
import type { Server as HttpsServer } from 'node:https';

/** Starts `server` on a free loopback port and gives that port. */
export async function listenOnLoopback(server: HttpServer | HttpsServer): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port assigned');
  return address.port;
}

/** Closes `server` with every connection it still has: idle keep-alive ones would hold close() open. */
export async function closeServer(server: HttpServer | HttpsServer): Promise<void> {
  const closed = new Promise<void>((resolve, reject) => {
    server.close((error) => {
      if (error === undefined) resolve();
      else reject(error);
    });
  });
  server.closeAllConnections();
  await closed;
}
