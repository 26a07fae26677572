import { spawn } from 'node:child_process';

/**
 * The reliability suites at a larger scale: STRESS_SCALE (default 10) multiplies the number of
 * concurrent writes, fuzz runs and model steps. Extra arguments go to vitest (e.g. a file).
 */
const scale = process.env.STRESS_SCALE ?? '10';
const files = process.argv.slice(2);
const args = [
  'vitest',
  'run',
  '--project',
  'server',
  ...(files.length ? files : ['src/server/reliability']),
];

console.log(`Reliability suites at STRESS_SCALE=${scale}: npx ${args.join(' ')}`);
const run = spawn('npx', args, {
  stdio: 'inherit',
  env: { ...process.env, STRESS_SCALE: scale },
});
run.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
