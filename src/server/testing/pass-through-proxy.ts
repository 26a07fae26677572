import { createServer, request as httpRequest, type Server } from 'node:http';

export interface Hop {
  /** Where this request goes. */
  target: URL;
  /** Headers added to its answer. */
  stamp: Record<string, string>;
}

/**
 * An HTTP server that forwards every request as it came to the target `nextHop` names and sends
 * the answer back with the hop's headers added: a reverse proxy or load balancer for tests. With
 * `latencyMs`, each answer starts that much later: a slow network's round trip.
 */
export function passThroughProxy(
  nextHop: () => Hop | undefined,
  { latencyMs = 0 }: { latencyMs?: number } = {},
): Server {
  return createServer((incoming, outgoing) => {
    const hop = nextHop();
    if (!hop) return outgoing.destroy();
    const forwarded = httpRequest(
      {
        host: hop.target.hostname,
        port: hop.target.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        const relay = () => {
          outgoing.writeHead(answer.statusCode ?? 502, { ...answer.headers, ...hop.stamp });
          answer.pipe(outgoing);
        };
        if (latencyMs > 0) setTimeout(relay, latencyMs);
        else relay();
      },
    );
    forwarded.on('error', () => outgoing.writeHead(502).end());
    incoming.pipe(forwarded);
  });
}
