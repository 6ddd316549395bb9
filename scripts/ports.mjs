// Free loopback ports for the servers the scripts and tests start. Node built-ins only, and no
// import.meta, so Playwright's loader can import it from a test too.
import { createServer } from 'node:net';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().unref().on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
