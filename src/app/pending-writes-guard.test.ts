import { afterEach, describe, expect, it } from 'vitest';
import { onlineManager } from '@tanstack/react-query';
import { createQueryClient } from './query-client.js';
import { guardPendingWrites } from './pending-writes-guard.js';

const leave = () => {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
};

describe('guardPendingWrites', () => {
  afterEach(() => onlineManager.setOnline(true));

  it('asks before leaving while a change waits to be sent, and not otherwise', async () => {
    const queryClient = createQueryClient({ retry: false });
    const stop = guardPendingWrites(queryClient);
    expect(leave()).toBe(false);

    onlineManager.setOnline(false);
    let sent = 0;
    const write = queryClient
      .getMutationCache()
      .build(queryClient, { mutationFn: async () => void (sent += 1) })
      .execute(undefined);
    expect(leave()).toBe(true);

    onlineManager.setOnline(true);
    await write;
    expect(sent).toBe(1);
    expect(leave()).toBe(false);
    stop();
  });
});
