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
      client.setQueryData(['groups', 'me', 'detail', '1'], { Id: '1' });
      client.setQueryData(['contacts', 'me', 'search', {}], []);
    }
    writer.sync.announce([['groups', 'me']]);
    await expect
      .poll(() => reader.queryClient.getQueryState(['groups', 'me', 'detail', '1'])?.isInvalidated)
      .toBe(true);
    expect(reader.queryClient.getQueryState(['contacts', 'me', 'search', {}])?.isInvalidated).toBe(
      false,
    );
    expect(writer.queryClient.getQueryState(['groups', 'me', 'detail', '1'])?.isInvalidated).toBe(
      false,
    );
  });

  it("refetches only the written account's data in a tab that has several agents cached", async () => {
    const writer = tab();
    const reader = tab();
    reader.queryClient.setQueryData(['groups', 'A', 'list', {}], { groups: [] });
    reader.queryClient.setQueryData(['groups', 'B', 'list', {}], { groups: [] });
    writer.sync.announce([['groups', 'A']]);
    await expect
      .poll(() => reader.queryClient.getQueryState(['groups', 'A', 'list', {}])?.isInvalidated)
      .toBe(true);
    expect(reader.queryClient.getQueryState(['groups', 'B', 'list', {}])?.isInvalidated).toBe(
      false,
    );
  });

  it('ignores messages that are not its own kind', async () => {
    const reader = tab();
    reader.queryClient.setQueryData(['groups', 'B'], 1);
    reader.queryClient.setQueryData(['groups', 'A'], 1);
    const stranger = new BroadcastChannel(SYNC_CHANNEL_NAME);
    running.push({ stop: () => stranger.close() });
    stranger.postMessage({ type: 'invalidate', agent: 'A', keys: 'groups' });
    // A key for another account than the message names is not applied.
    stranger.postMessage({ type: 'invalidate', agent: 'A', keys: [['groups', 'B']] });
    stranger.postMessage({ type: 'invalidate', agent: 'A', keys: [['groups', 'A']] });
    await expect
      .poll(() => reader.queryClient.getQueryState(['groups', 'A'])?.isInvalidated)
      .toBe(true);
    expect(reader.queryClient.getQueryState(['groups', 'B'])?.isInvalidated).toBe(false);
  });

  it('announces every settled write of the app with its key family, centrally', async () => {
    const listener = new BroadcastChannel(SYNC_CHANNEL_NAME);
    running.push({ stop: () => listener.close() });
    const heard: unknown[] = [];
    listener.onmessage = (event: MessageEvent) => heard.push(event.data);
    const queryClient = createQueryClient({ retry: false, tabSync: true });
    await import('./tab-sync.js');
    const write = new MutationObserver(queryClient, {
      mutationKey: ['groups', 'me', 'detail', '7', 'favorites'],
      mutationFn: () => Promise.resolve('ok'),
    });
    await write.mutate();
    const failing = new MutationObserver(queryClient, {
      meta: {
        syncKeys: [
          ['groups', 'me'],
          ['contacts', 'me'],
        ],
      },
      mutationFn: () => Promise.reject(new Error('refused')),
    });
    await failing.mutate().catch(() => undefined);
    await expect.poll(() => heard.length).toBe(2);
    expect(heard).toEqual([
      { type: 'invalidate', agent: 'me', keys: [['groups', 'me']] },
      {
        type: 'invalidate',
        agent: 'me',
        keys: [
          ['groups', 'me'],
          ['contacts', 'me'],
        ],
      },
    ]);
    expect(queryClient.getDefaultOptions().queries?.refetchOnWindowFocus).toBe(true);
  });

  it('lets a mutation name its own keys, or none', () => {
    const queryClient = new QueryClient();
    const cache = queryClient.getMutationCache();
    const named = cache.build(queryClient, { meta: { syncKeys: [['contacts', 'me']] } });
    const silent = cache.build(queryClient, { meta: { syncKeys: [] } });
    expect(syncKeysFor(named)).toEqual([['contacts', 'me']]);
    expect(syncKeysFor(silent)).toEqual([]);
  });
});
