// Runs npm scripts side by side and fails if any fails. tsc and ESLint each use one core, so on a
// two-core machine `npm test` checks types and lint in the time of the slower one. Each script's
// output is printed whole when it ends, never interleaved.
// Usage: node scripts/run-parallel.mjs <npm script> <npm script>...
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
if (names.length === 0) throw new Error('Usage: node scripts/run-parallel.mjs <npm script>...');

const results = await Promise.all(
  names.map(
    (name) =>
      new Promise((resolve) => {
        const started = Date.now();
        const child = spawn('npm', ['run', name], { stdio: ['ignore', 'pipe', 'pipe'] });
        const output = [];
        child.stdout.on('data', (chunk) => output.push(chunk));
        child.stderr.on('data', (chunk) => output.push(chunk));
        child.on('close', (code, signal) => {
          process.stdout.write(Buffer.concat(output));
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          console.log(`[${name}] ${code === 0 ? 'passed' : 'FAILED'} in ${seconds} s`);
          resolve(code === 0 && signal === null);
        });
      }),
  ),
);
process.exit(results.every(Boolean) ? 0 : 1);
