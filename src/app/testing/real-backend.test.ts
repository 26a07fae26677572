import { describe, expect, it } from 'vitest';
import { setupRealBackend } from './real-backend.js';

const backend = setupRealBackend();

describe('the real backend behind MSW', () => {
  it('answers the app’s requests as the signed-in browser, with the real status, headers and body', async () => {
    const avery = await backend.signIn('Avery Stone');
    backend.browseAs(avery);
    const session = await fetch('/auth/session');
    expect(await session.json()).toMatchObject({ Name: 'Avery Stone', Role: 'Private' });
    const list = await fetch('/api/v1/portal/groups?_limit=2&_pagination=1');
    expect(list.status).toBe(200);
    expect(list.headers.get('Cache-Control')).toBe('no-store');
    const body = await list.json();
    expect(body.D.Results).toHaveLength(2);
    expect(body.D.Pagination.TotalRows).toBe((await avery.groups()).length);
  });

  it('seeds groups through the API and reads them back', async () => {
    const avery = await backend.signIn('Avery Stone');
    const [created] = await avery.replaceGroups([
      { owner: 'Ann Able', members: ['Bo Bee'], favorite: true },
    ]);
    expect(created?.Users.map((user) => user.Name)).toEqual(['Ann Able', 'Bo Bee']);
    expect(created?.Tags).toEqual(['Favorites']);
    expect(await avery.groups()).toEqual([created]);
  });

  it('is signed out until a session is chosen, and after the app signs out', async () => {
    expect((await fetch('/auth/session')).status).toBe(401);
    backend.browseAs(await backend.signIn('Jordan Lee'));
    expect((await fetch('/auth/session')).status).toBe(200);
    const logout = await fetch('/auth/logout', {
      method: 'POST',
      headers: { 'X-Requested-With': 'PortalGroupsAdmin' },
    });
    expect(logout.status).toBe(204);
    expect((await fetch('/auth/session')).status).toBe(401);
  });
});
