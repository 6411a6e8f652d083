// Keeping a killed database down on purpose: the supervisor restarts the child on the same port,
// so a test that needs an outage longer than the restart backoff holds the port itself.
import { createServer, type Server } from 'node:net';

/**
 * Listens on 127.0.0.1:`port` so restarts there fail until the returned server is closed
 * (accepted sockets are closed at once). Retries while the killed process is still releasing it.
 */
export async function holdPort(port: number): Promise<Server> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await new Promise<Server>((resolve, reject) => {
        const srv = createServer((socket) => socket.destroy());
        srv.once('error', reject);
        srv.listen(port, '127.0.0.1', () => resolve(srv));
      });
    } catch (err) {
      if (attempt > 200) throw err;
      await new Promise((r) => setTimeout(r, 5));
    }
  }
}
