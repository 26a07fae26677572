import type { Mutation, QueryClient, QueryKey } from '@tanstack/react-query';
import { z } from 'zod';

export const SYNC_CHANNEL_NAME = 'portal-groups-admin';

const syncMessageSchema = z.object({
  type: z.literal('invalidate'),
  keys: z.array(z.array(z.union([z.string(), z.number()])).min(1)).max(20),
});
export type SyncMessage = z.infer<typeof syncMessageSchema>;

/** Everything the app caches that a write can change (not the session). */
const APP_DATA_KEYS: QueryKey[] = [['groups'], ['contacts']];

/** What other tabs should refetch after a write: `meta.syncKeys`, else the mutation key's family. */
export function syncKeysFor(mutation: Mutation<unknown, unknown, unknown>): QueryKey[] {
  const declared = mutation.meta?.syncKeys;
  if (Array.isArray(declared)) return declared as QueryKey[];
  const root = mutation.options.mutationKey?.[0];
  return typeof root === 'string' ? [[root]] : APP_DATA_KEYS;
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
    for (const queryKey of message.data.keys) void queryClient.invalidateQueries({ queryKey });
  };
  return {
    announce: (keys) => {
      if (keys.length === 0) return;
      const message: SyncMessage = { type: 'invalidate', keys: keys as SyncMessage['keys'] };
      channel.postMessage(message);
    },
    stop: () => channel.close(),
  };
}
