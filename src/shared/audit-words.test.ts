import { describe, expect, it } from 'vitest';
import type { AuditEntry } from './audit.js';
import { describeAudit, peopleInWords } from './audit-words.js';

const AVERY = '20240101000000000000000001';
const RILEY = '20240101000000000000000009';
const CIRCLE = '20250101000000000000000100';
const SOREN = '20250101000000000000000200';

const entry = (facts: Partial<AuditEntry>): AuditEntry => ({
  Id: 'e',
  At: '2026-05-02T10:00:00.000Z',
  ActorId: RILEY,
  ActorName: 'Riley Park',
  ForId: AVERY,
  ForName: 'Avery Stone',
  Method: 'DELETE',
  Path: `/v1/portal/groups/${CIRCLE}/users/${SOREN}`,
  Action: `Remove member ${SOREN} from group ${CIRCLE}`,
  Status: 200,
  Outcome: 'Succeeded',
  ...facts,
});

describe('people in words', () => {
  it('names up to four, then a count of the others', () => {
    expect(peopleInWords(['Beatriz Castillo'])).toBe('Beatriz Castillo');
    expect(peopleInWords(['Beatriz Castillo', 'Felix du Pont'])).toBe(
      'Beatriz Castillo and Felix du Pont',
    );
    expect(peopleInWords(['Ana', 'Ben', 'Cy'])).toBe('Ana, Ben and Cy');
    expect(peopleInWords(['Ana', 'Ben', 'Cy', 'Di'])).toBe('Ana, Ben, Cy and Di');
    expect(peopleInWords(['Ana', 'Ben', 'Cy', 'Di', 'Ed'])).toBe('Ana, Ben, Cy and 2 others');
    expect(peopleInWords(['Ana'], 2)).toBe('Ana and 1 other');
    expect(peopleInWords([], 3)).toBe('3 members');
  });
});

describe('an audit entry in words', () => {
  it('says who was removed from whose circle, for which agent', () => {
    const removed = entry({
      Kind: 'member-remove',
      CircleId: CIRCLE,
      CircleName: 'Grace Dunn',
      People: [{ Id: SOREN, Name: 'Søren McDonald' }],
    });
    expect(describeAudit(removed)).toBe(
      "Removed Søren McDonald from Grace Dunn's circle, for Avery Stone",
    );
    expect(describeAudit({ ...removed, Outcome: 'Failed', Code: 1053 })).toBe(
      "Could not remove Søren McDonald from Grace Dunn's circle, for Avery Stone",
    );
    // The own account needs no "for".
    expect(describeAudit({ ...removed, ForId: RILEY, ForName: 'Riley Park' })).toBe(
      "Removed Søren McDonald from Grace Dunn's circle",
    );
  });

  it('marks an Undo', () => {
    expect(
      describeAudit(
        entry({
          Method: 'POST',
          Path: `/v1/portal/groups/${CIRCLE}`,
          Kind: 'members-add',
          Undo: true,
          CircleId: CIRCLE,
          CircleName: 'Grace Dunn',
          People: [{ Id: SOREN, Name: 'Søren McDonald' }],
        }),
      ),
    ).toBe("Undo: added Søren McDonald to Grace Dunn's circle, for Avery Stone");
  });

  it('starts a circle with its members, the owner not counted twice', () => {
    expect(
      describeAudit(
        entry({
          Method: 'POST',
          Path: `/v1/portal/groups/${CIRCLE}`,
          Status: 201,
          Kind: 'circle-create',
          CircleId: CIRCLE,
          CircleName: 'Grace Dunn',
          People: [
            { Id: '1', Name: 'Grace Dunn' },
            { Id: '2', Name: 'Beatriz Castillo' },
            { Id: '3', Name: 'Felix du Pont' },
          ],
        }),
      ),
    ).toBe("Started Grace Dunn's circle with Beatriz Castillo and Felix du Pont, for Avery Stone");
  });

  it('says which listings went into or out of which cart of whose circle', () => {
    const cart = '20250101000000000000000300';
    const listing = '20250101000000000000000400';
    const added = entry({
      Method: 'POST',
      Path: `/v1/contacts/${SOREN}/listingcarts/${cart}`,
      Action: 'x',
      Kind: 'cart-add',
      CircleName: 'Ethan Davis',
      Cart: 'Favorites',
      People: [{ Id: listing, Name: '714 Aspen Way, Fargo' }],
    });
    expect(describeAudit(added)).toBe(
      "Added 714 Aspen Way, Fargo to Favorites in Ethan Davis's circle, for Avery Stone",
    );
    expect(
      describeAudit({
        ...added,
        Kind: 'cart-remove',
        Method: 'DELETE',
        Path: `/v1/listingcarts/${cart}/listings/${listing}`,
        Outcome: 'Failed',
        CircleName: undefined,
        Cart: undefined,
        People: [{ Id: listing }],
      }),
    ).toBe('Could not remove a listing from a cart in a circle, for Avery Stone');
    const moved = { ...added, Kind: 'cart-move' as const, FromCart: 'Possibilities' };
    expect(describeAudit({ ...moved, ForId: moved.ActorId })).toBe(
      "Moved 714 Aspen Way, Fargo from Possibilities to Favorites in Ethan Davis's circle",
    );
    expect(describeAudit({ ...moved, Outcome: 'Failed', Undo: true })).toBe(
      "Undo: could not move 714 Aspen Way, Fargo from Possibilities to Favorites in Ethan Davis's circle, for Avery Stone",
    );
  });

  it('reads older entries, kept without names, from their path', () => {
    expect(describeAudit(entry({}))).toBe('Removed a member from a circle, for Avery Stone');
    expect(
      describeAudit(
        entry({ Method: 'PUT', Path: `/v1/contacts/${SOREN}/portal`, Action: 'Change portal' }),
      ),
    ).toBe('Changed the portal account of a contact, for Avery Stone');
    expect(
      describeAudit(
        entry({ Method: 'POST', Path: `/v1/portal/groups/${CIRCLE}`, Status: 201, Action: 'x' }),
      ),
    ).toBe('Started a circle, for Avery Stone');
    expect(
      describeAudit(
        entry({
          Method: 'GET',
          Path: '/auth/agents/add',
          Action: 'Add agent Avery Stone (limit)',
          Outcome: 'Failed',
        }),
      ),
    ).toBe('Could not add Avery Stone as an agent (too many agents)');
    expect(
      describeAudit(entry({ Method: 'PATCH', Path: '/v1/other', Action: 'PATCH /v1/other' })),
    ).toBe('PATCH /v1/other, for Avery Stone');
  });
});
