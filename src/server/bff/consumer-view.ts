import { safeJson, type UpstreamResponse } from './spark-client.js';

/** What Spark tells about each member of a circle that a consumer has no business reading. */
const ACTIVITY = new Set(['Active', 'Enabled', 'LastLogin']);

const GROUP_READ = /^\/v1\/portal\/groups(\/|\?|$)/;

interface Envelope {
  D?: { Results?: { Users?: Record<string, unknown>[] }[] };
}

/**
 * A consumer's read of their circles without the other clients' sign-in times and portal state
 * (a broker's client data): names only, as the app shows them. Spark itself sends them.
 */
export function consumerView(pathAndQuery: string, response: UpstreamResponse): UpstreamResponse {
  if (response.status !== 200 || !GROUP_READ.test(pathAndQuery)) return response;
  const envelope = safeJson(response.body) as Envelope | undefined;
  const results = envelope?.D?.Results;
  if (!Array.isArray(results)) return response;
  for (const group of results) {
    if (!Array.isArray(group?.Users)) continue;
    group.Users = group.Users.map((user) =>
      Object.fromEntries(Object.entries(user).filter(([field]) => !ACTIVITY.has(field))),
    );
  }
  const body = JSON.stringify(envelope);
  return { status: response.status, header: (name) => response.header(name), body };
}
