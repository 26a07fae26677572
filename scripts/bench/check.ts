/** What a load run of one endpoint counted; any failure makes the benchmark fail. */
export interface Answers {
  requests: number;
  non2xx: number;
  errors: number;
}

/** One line for each endpoint that was refused, failed or never answered (none when all is well). */
export function loadProblems(figures: Record<string, Answers>): string[] {
  return Object.entries(figures).flatMap(([name, { requests, non2xx, errors }]) =>
    requests === 0 || non2xx > 0 || errors > 0
      ? [`${name}: ${requests} answers, ${non2xx} not 2xx, ${errors} errors`]
      : [],
  );
}

/** A number of bytes actually sent, and the most it may be. */
export interface Budget {
  what: string;
  bytes: number;
  limit: number;
}

const kib = (bytes: number) => (bytes / 1024).toFixed(1);

/** One line for each budget exceeded (none when all is well). */
export function overBudget(budgets: Budget[]): string[] {
  return budgets
    .filter(({ bytes, limit }) => !(bytes <= limit))
    .map(({ what, bytes, limit }) => `${what}: ${kib(bytes)} KiB sent, budget ${kib(limit)} KiB`);
}
