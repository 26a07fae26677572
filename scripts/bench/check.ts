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
