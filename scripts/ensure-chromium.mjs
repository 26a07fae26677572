// Finds Debian's chromium for Playwright; as root on a fresh machine, installs it first.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  if (process.getuid?.() === 0) {
    console.log('Installing Debian chromium for the end-to-end tests...');
    execSync(
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium',
      {
        stdio: 'inherit',
      },
    );
  } else {
    console.error(
      `No chromium at ${path}: run "sudo apt-get install -y chromium" or set CHROMIUM_PATH.`,
    );
    process.exit(1);
  }
}
