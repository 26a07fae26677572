import { loadConfigOrExit } from './config.js';
import { buildEmulatorServer, emulatorListenText } from './spark/standalone.js';

const config = loadConfigOrExit();
const { app } = await buildEmulatorServer(config, { logger: true });
const { port, host, tls } = config.emulator;
await app.listen({ port, host, listenTextResolver: emulatorListenText(config) });
const origin = `${tls ? 'https' : 'http'}://${host}:${port}`;
console.log(
  `\nSpark emulator (demo data) at ${origin}: API ${origin}/v1, sign-in ${origin}/oauth2`,
);
console.log(`Demo client redirect URIs: ${config.emulator.redirectUris.join(', ')}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}
