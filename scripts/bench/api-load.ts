import autocannon, { type Client, type Request } from 'autocannon';

export type { Request };
import { percentile, round } from './stats.js';

export interface LoadResult {
  p50: number;
  p95: number;
  p975: number;
  p99: number;
  requestsPerSecond: number;
  requests: number;
  /** Answers to this request of the cycle with a status outside 200–299. */
  non2xx: number;
  /** Connection errors and time-outs of the whole run (autocannon does not say which request). */
  errors: number;
}

export interface LoadOptions {
  url: string;
  headers: Record<string, string>;
  durationSeconds: number;
  connections: number;
  /**
   * The requests each connection sends in a cycle (by connection index). Every connection waits
   * for each answer before the next request, so the n-th answer belongs to request n of the cycle.
   */
  cycle: (connection: number) => Request[];
}

function summary(latencies: number[], seconds: number): LoadResult {
  return {
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p975: round(percentile(latencies, 97.5)),
    p99: round(percentile(latencies, 99)),
    requestsPerSecond: round(latencies.length / seconds, 0),
    requests: latencies.length,
    non2xx: 0,
    errors: 0,
  };
}

/** Runs autocannon on loopback, recording every response time per position in the cycle. */
export async function runLoad(options: LoadOptions): Promise<LoadResult[]> {
  const latencies: number[][] = [];
  const non2xx: number[] = [];
  const answered = new Map<Client, number>();
  const cycleLength = new Map<Client, number>();
  let connection = 0;
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    headers: options.headers,
    setupClient: (client: Client) => {
      const requests = options.cycle(connection++);
      cycleLength.set(client, requests.length);
      client.setRequests(requests);
    },
  });
  instance.on('response', (client, status, _bytes, ms) => {
    const n = answered.get(client) ?? 0;
    answered.set(client, n + 1);
    const position = n % (cycleLength.get(client) ?? 1);
    (latencies[position] ??= []).push(ms);
    if (status < 200 || status > 299) non2xx[position] = (non2xx[position] ?? 0) + 1;
  });
  const result = await instance;
  // One result for every request of the cycle, even one that was never answered.
  const positions = Math.max(0, ...cycleLength.values());
  return Array.from({ length: positions }, (_, position) => ({
    ...summary(latencies[position] ?? [], result.duration),
    non2xx: non2xx[position] ?? 0,
    errors: result.errors,
  }));
}
