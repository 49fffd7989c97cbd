/**
 * One `argmap serve` for the collaboration benchmark, in a process of its own so that its CPU and
 * memory are its own. The parent asks over IPC: `stats` (CPU time, memory after a collection),
 * `stop`. Arguments: a JSON ServeOptions subset.
 */
import { startServer, type ServeOptions } from '../../src/server/server.ts';

const options = JSON.parse(process.argv[2] ?? '{}') as Pick<ServeOptions, 'dataDir' | 'redis' | 'limits' | 'appDir'>;
const server = await startServer({ port: 0, host: '127.0.0.1', log: () => undefined, ...options });

const collect = (globalThis as { gc?: () => void }).gc;

process.on('message', async (message: { readonly ask: 'stats' | 'stop' }) => {
  if (message.ask === 'stats') {
    collect?.();
    const { rss, heapUsed } = process.memoryUsage();
    const { user, system } = process.cpuUsage();
    process.send!({ rss, heapUsed, cpuMicros: user + system });
  } else {
    await server.close();
    process.send!({ stopped: true });
    process.exit(0);
  }
});
process.send!({ port: server.port });
