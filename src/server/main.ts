import { loadConfigOrExit } from './config.js';
import { buildServer } from './app.js';

const config = loadConfigOrExit();
const { app } = await buildServer(config, { logger: true });
await app.listen({ port: config.port, host: config.host });
console.log(`\nPortal Groups Admin is running at ${config.publicUrl}/`);
if (config.embedded)
  console.log(`Embedded Spark emulator at ${config.publicUrl}/spark (demo data)`);

// Stop accepting, let requests in flight finish (bounded), then close the databases cleanly.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.log.info({ signal }, 'shutting down');
    setTimeout(() => {
      app.log.error('requests still in flight at the end of the grace period');
      process.exit(1);
    }, config.shutdownGraceMs).unref();
    void app.close().then(() => process.exit(0));
  });
}
