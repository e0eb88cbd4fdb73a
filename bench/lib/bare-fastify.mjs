// The HTTP ceiling of `npm run bench`: a bare Fastify app answering every GET and POST with a small
// JSON body (a POST's JSON body is parsed, as the API's is), in as many processes as the API runs.
//   node bench/lib/bare-fastify.mjs PORT [WORKERS]
// Prints "ready" on stdout once every process listens; SIGINT/SIGTERM stops them all.
import cluster from 'node:cluster';
import Fastify from 'fastify';

const port = Number(process.argv[2] ?? 3994);
const workers = Math.max(1, Number(process.argv[3] ?? 1));

if (cluster.isPrimary && workers > 1) {
  let listening = 0;
  const stop = () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  for (let i = 0; i < workers; i++) {
    cluster.fork().on('message', (message) => {
      if (message === 'listening' && ++listening === workers) console.log('ready');
    });
  }
} else {
  const app = Fastify({ logger: false });
  const answer = async () => ({ ok: true, at: new Date().toISOString(), items: [] });
  app.get('/*', answer);
  app.post('/*', answer);
  await app.listen({ port, host: '127.0.0.1' });
  if (cluster.isWorker) process.send?.('listening');
  else {
    console.log('ready');
    const stop = () => app.close().finally(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  }
}
