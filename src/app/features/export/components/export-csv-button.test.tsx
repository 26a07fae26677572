import { screen } from '@testing-library/react';
import { http } from 'msw';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { contactReadSchema } from '../../../../shared/contacts.js';
import { sparkResultsSchema } from '../../../../shared/envelope.js';
import { uiStates } from '../../../testing/fixtures.js';
import { setupRealBackend, type Session } from '../../../testing/real-backend.js';
import { renderWithProviders } from '../../../testing/render-app.js';
import { ExportCsvButton } from './export-csv-button.js';

function nth<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`No item ${index}`);
  return item;
}

const backend = setupRealBackend();
let avery: Session;
beforeAll(async () => {
  avery = await backend.signIn('Avery Stone');
});
let downloads: Blob[] = [];

beforeEach(() => {
  backend.browseAs(avery);
  downloads = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    downloads.push(blob);
    return 'blob:test';
  });
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => vi.restoreAllMocks());

/** The contact's e-mail as the real server has it. */
async function emailOf(contactId: string) {
  const response = await avery.call('GET', `/api/v1/contacts/${contactId}`);
  return sparkResultsSchema(contactReadSchema).parse(await response.json()).D.Results[0]
    ?.PrimaryEmail;
}

describe('Export CSV', () => {
  it('fetches the e-mails in batches of 25 and downloads every member', async () => {
    const groups = await avery.createGroups([
      { owner: 'Member 0', members: Array.from({ length: 19 }, (_, i) => `Member ${i + 1}`) },
      { owner: 'Other 0', members: Array.from({ length: 9 }, (_, i) => `Other ${i + 1}`) },
    ]);
    const requests: URL[] = [];
    backend.msw.use(
      backend.route('get', '/api/v1/contacts', {
        before: (request) => requests.push(new URL(request.url)),
      }),
    );
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
      `Member 0,${first.Name},${await emailOf(first.Id)},No,Yes,Never signed in,Never`,
    );
    // Every member's row has the e-mail the server keeps for them.
    const emailColumn = new Map(
      lines.slice(1).map((line) => {
        const [, name, email] = line.split(',');
        return [name, email];
      }),
    );
    for (const member of groups.flatMap((group) => group.Users)) {
      expect(emailColumn.get(member.Name)).toBe(await emailOf(member.Id));
    }
  });

  it('says so and downloads nothing when the e-mails cannot be read', async () => {
    const group = await avery.createGroup({ owner: 'Solo' });
    backend.msw.use(http.get('/api/v1/contacts', uiStates.failing));
    const { user } = renderWithProviders(<ExportCsvButton groups={[group]} />);
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText('Could not export the members')).toBeVisible();
    expect(downloads).toHaveLength(0);
  });
});
