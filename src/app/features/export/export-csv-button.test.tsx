import { screen } from '@testing-library/react';
import { http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeGroup, uiStates } from '../../testing/fixtures.js';
import { setupMswServer, sparkResults } from '../../testing/msw.js';
import { renderWithProviders } from '../../testing/render.js';
import { ExportCsvButton } from './export-csv-button.js';

function nth<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`No item ${index}`);
  return item;
}

const server = setupMswServer();
let downloads: Blob[] = [];

beforeEach(() => {
  downloads = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    downloads.push(blob);
    return 'blob:test';
  });
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => vi.restoreAllMocks());

/** GET /contacts answering `Id Eq 'a','b'` with an e-mail per Id, recording each request. */
function contactsByIdHandler(requests: URL[]) {
  return http.get('/api/v1/contacts', ({ request }) => {
    const url = new URL(request.url);
    requests.push(url);
    const ids = [...(url.searchParams.get('_filter') ?? '').matchAll(/'(\d+)'/g)].map((m) => m[1]);
    return sparkResults(
      ids.map((Id) => ({
        Id,
        ResourceUri: `/v1/contacts/${Id}`,
        PrimaryEmail: `${Id}@example.com`,
      })),
    );
  });
}

describe('Export CSV', () => {
  it('fetches the e-mails in batches of 25 and downloads every member', async () => {
    const groups = [
      makeGroup(Array.from({ length: 20 }, (_, i) => `Member ${i}`)),
      makeGroup(Array.from({ length: 10 }, (_, i) => `Other ${i}`)),
    ];
    const requests: URL[] = [];
    server.use(contactsByIdHandler(requests));
    const { user } = renderWithProviders(<ExportCsvButton groups={groups} />);
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText('CSV downloaded')).toBeVisible();

    expect(requests).toHaveLength(2);
    expect(requests.map((url) => url.searchParams.get('_select'))).toEqual([
      'Id,PrimaryEmail',
      'Id,PrimaryEmail',
    ]);
    const asked = requests.flatMap((url) =>
      [...(url.searchParams.get('_filter') ?? '').matchAll(/'(\d+)'/g)].map((m) => m[1]),
    );
    const members = groups.flatMap((group) => group.Users.map((u) => u.Id));
    expect(asked.sort()).toEqual([...members].sort());
    expect(requests.map((url) => url.searchParams.get('_filter')?.match(/'/g)?.length)).toEqual(
      expect.arrayContaining([50, 10]),
    );

    expect(downloads).toHaveLength(1);
    const text = await nth(downloads, 0).text();
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(31);
    const first = nth(nth(groups, 0).Users, 0);
    expect(lines[1]).toBe(
      `Member 0,Member 0,${first.Id}@example.com,No,Yes,"Invited, never signed in",Never`,
    );
  });

  it('says so and downloads nothing when the e-mails cannot be read', async () => {
    server.use(http.get('/api/v1/contacts', uiStates.failing));
    const { user } = renderWithProviders(<ExportCsvButton groups={[makeGroup(['Solo'])]} />);
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText('Could not export the members')).toBeVisible();
    expect(downloads).toHaveLength(0);
  });
});
