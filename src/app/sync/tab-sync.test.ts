import { MutationObserver, QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { createQueryClient } from '../query-client.js';
import { SYNC_CHANNEL_NAME, startTabSync, syncKeysFor } from './tab-sync.js';
import type { TabSync } from './tab-sync.js';

const running: { stop: () => void }[] = [];
afterEach(() => running.splice(0).forEach((sync) => sync.stop()));

function tab(): { queryClient: QueryClient; sync: TabSync } {
  const queryClient = new QueryClient();
  const sync = startTabSync(queryClient);
  running.push(sync);
  return { queryClient, sync };
}

describe('tab sync', () => {
  it('invalidates the announced query families in the other tabs only', async () => {
    const writer = tab();
    const reader = tab();
    for (const client of [writer.queryClient, reader.queryClient]) {
      client.setQueryData(['groups', 'detail', '1'], { Id: '1' });
      client.setQueryData(['contacts', 'search', {}], []);
    }
    writer.sync.announce([['groups']]);
    await expect
      .poll(() => reader.queryClient.getQueryState(['groups', 'detail', '1'])?.isInvalidated)
      .toBe(true);
    expect(reader.queryClient.getQueryState(['contacts', 'search', {}])?.isInvalidated).toBe(false);
    expect(writer.queryClient.getQueryState(['groups', 'detail', '1'])?.isInvalidated).toBe(false);
  });

  it('ignores messages that are not its own kind', async () => {
    const reader = tab();
    reader.queryClient.setQueryData(['groups'], 1);
    const stranger = new BroadcastChannel(SYNC_CHANNEL_NAME);
    running.push({ stop: () => stranger.close() });
    stranger.postMessage({ type: 'invalidate', keys: 'groups' });
    stranger.postMessage({ type: 'invalidate', keys: [['groups']] });
    await expect.poll(() => reader.queryClient.getQueryState(['groups'])?.isInvalidated).toBe(true);
  });

  it('announces every settled write of the app with its key family, centrally', async () => {
    const listener = new BroadcastChannel(SYNC_CHANNEL_NAME);
    running.push({ stop: () => listener.close() });
    const heard: unknown[] = [];
    listener.onmessage = (event: MessageEvent) => heard.push(event.data);
    const queryClient = createQueryClient({ retry: false, tabSync: true });
    await import('./tab-sync.js');
    const write = new MutationObserver(queryClient, {
      mutationKey: ['groups', 'detail', '7', 'favorites'],
      mutationFn: () => Promise.resolve('ok'),
    });
    await write.mutate();
    const failing = new MutationObserver(queryClient, {
      mutationFn: () => Promise.reject(new Error('refused')),
    });
    await failing.mutate().catch(() => undefined);
    await expect.poll(() => heard.length).toBe(2);
    expect(heard).toEqual([
      { type: 'invalidate', keys: [['groups']] },
      { type: 'invalidate', keys: [['groups'], ['contacts']] },
    ]);
    expect(queryClient.getDefaultOptions().queries?.refetchOnWindowFocus).toBe(true);
  });

  it('lets a mutation name its own keys, or none', () => {
    const queryClient = new QueryClient();
    const cache = queryClient.getMutationCache();
    const named = cache.build(queryClient, { meta: { syncKeys: [['contacts']] } });
    const silent = cache.build(queryClient, { meta: { syncKeys: [] } });
    expect(syncKeysFor(named)).toEqual([['contacts']]);
    expect(syncKeysFor(silent)).toEqual([]);
  });
});
