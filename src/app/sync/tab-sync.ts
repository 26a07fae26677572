import type { Mutation, QueryClient, QueryKey } from '@tanstack/react-query';
import { z } from 'zod';

export const SYNC_CHANNEL_NAME = 'portal-groups-admin';

/**
 * Keys are `[family, whom, …]`: the message names whom the write was for (`me` or an agent's Id)
 * and a tab applies only keys for that account, so tabs working for different agents never mix.
 */
const syncMessageSchema = z.object({
  type: z.literal('invalidate'),
  agent: z.string().min(1),
  keys: z.array(z.array(z.union([z.string(), z.number()])).min(2)).max(20),
});
type SyncMessage = z.infer<typeof syncMessageSchema>;

/**
 * What other tabs should refetch after a write: `meta.syncKeys`, else the mutation key's family
 * and account. A mutation with neither (signing out, removing an agent) changes no cached data.
 */
export function syncKeysFor(mutation: Mutation<unknown, unknown, unknown>): QueryKey[] {
  const declared = mutation.meta?.syncKeys;
  if (Array.isArray(declared)) return declared as QueryKey[];
  const [family, scope] = mutation.options.mutationKey ?? [];
  if (typeof family === 'string' && typeof scope === 'string') return [[family, scope]];
  return [];
}

export interface TabSync {
  /** Tells the app's other tabs that these query families changed. */
  announce: (keys: QueryKey[]) => void;
  stop: () => void;
}

/** Keeps the app's tabs in step: a write in one tab refetches the affected data in the others. */
export function startTabSync(queryClient: QueryClient): TabSync {
  if (typeof BroadcastChannel === 'undefined')
    return { announce: () => undefined, stop: () => undefined };
  const channel = new BroadcastChannel(SYNC_CHANNEL_NAME);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const message = syncMessageSchema.safeParse(event.data);
    if (!message.success) return;
    const { agent, keys } = message.data;
    for (const queryKey of keys) {
      if (queryKey[1] === agent) void queryClient.invalidateQueries({ queryKey });
    }
  };
  return {
    announce: (keys) => {
      const agent = keys[0]?.[1];
      if (typeof agent !== 'string') return;
      const message: SyncMessage = {
        type: 'invalidate',
        agent,
        keys: keys.filter((key) => key[1] === agent) as SyncMessage['keys'],
      };
      channel.postMessage(message);
    },
    stop: () => channel.close(),
  };
}
