import { spawnSync } from 'node:child_process';

/**
 * What `npm test` leaves out to stay within its time budget, at full size:
 * 1. the reliability suites at a larger scale: STRESS_SCALE (default 10) multiplies the number of
 *    concurrent writes, fuzz runs and model steps, and the audit trail's flood of refused writes;
 * 2. every journey on the built app with each screen seen in all four views (1440 and 375 px,
 *    light and dark; `npm test` sees 1440 light and 375 dark), and with axe and screenshots on the
 *    slow network too (`npm test` has them on the fast run only), E2E_VIEWS=all.
 * Extra arguments are vitest files, and then only those run (e.g. one reliability suite).
 */
const scale = process.env.STRESS_SCALE ?? '10';
const files = process.argv.slice(2);

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(
  'npx',
  [
    'vitest',
    'run',
    '--project',
    'server',
    ...(files.length ? files : ['src/server/reliability', 'src/server/bff/audit.test.ts']),
  ],
  { STRESS_SCALE: scale },
);
if (!files.length) {
  run('npm', ['run', 'build']);
  run('npx', ['playwright', 'test'], { E2E_VIEWS: 'all' });
}
