// Finds the Debian packages the tests use (chromium for Playwright, redis-server for the scale-out
// tests); as root on a fresh machine, installs the missing ones first.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const needed = [
  { path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', pkg: 'chromium', env: 'CHROMIUM_PATH' },
  {
    path: process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server',
    pkg: 'redis-server',
    env: 'REDIS_SERVER_PATH',
  },
];
const missing = needed.filter(({ path }) => !existsSync(path));
if (missing.length > 0) {
  const packages = missing.map(({ pkg }) => pkg).join(' ');
  if (process.getuid?.() === 0) {
    console.log(`Installing Debian ${packages} for the tests...`);
    execSync(
      `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages}`,
      { stdio: 'inherit' },
    );
  } else {
    const paths = missing.map(({ path, env }) => `${path} (or set ${env})`).join(', ');
    console.error(`Missing ${paths}: run "sudo apt-get install -y ${packages}".`);
    process.exit(1);
  }
}
