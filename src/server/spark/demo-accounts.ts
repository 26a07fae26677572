/** An Id made of a timestamp and a serial number, the same in every seeded database. */
export const fixedId = (stamp: string, n: number) => `${stamp}${String(n).padStart(12, '0')}`;

/** Contacts whose portal accounts the consumer demo accounts sign in with. */
export const VOW_CONTACT_ID = fixedId('20240201000000', 0);
export const PORTAL_CONTACT_ID = fixedId('20240201000000', 5);
export const portalIdOf = (contactId: string) => `2024030${contactId.slice(7)}`;

/** The demo accounts and their never-expiring tokens (spec §7). */
export const DEMO_ACCOUNTS = {
  avery: {
    id: fixedId('20240101000000', 1),
    name: 'Avery Stone',
    role: 'Private',
    userType: 'Member',
    token: 'demo-private',
  },
  jordan: {
    id: fixedId('20240101000000', 2),
    name: 'Jordan Lee',
    role: 'Private',
    userType: 'Member',
    token: 'demo-private-2',
  },
  vow: {
    id: fixedId('20240101000000', 3),
    name: 'Sofía Álvarez',
    role: 'VOW',
    userType: 'Contact',
    token: 'demo-vow',
    contactId: VOW_CONTACT_ID,
    portalAccountId: portalIdOf(VOW_CONTACT_ID),
  },
  portal: {
    id: fixedId('20240101000000', 4),
    name: "Liam O'Brien",
    role: 'Portal',
    userType: 'Contact',
    token: 'demo-portal',
    contactId: PORTAL_CONTACT_ID,
    portalAccountId: portalIdOf(PORTAL_CONTACT_ID),
  },
  idx: {
    id: fixedId('20240101000000', 5),
    name: 'Harbor Homes IDX',
    role: 'IDX',
    userType: 'Member',
    token: 'demo-idx',
  },
  public: {
    id: fixedId('20240101000000', 6),
    name: 'Public Visitor',
    role: 'Public',
    userType: 'Member',
    token: 'demo-public',
  },
  // An office assistant: a Member of Avery's and Jordan's office with no contacts of their own.
  assistant: {
    id: fixedId('20240101000000', 7),
    name: 'Riley Park',
    role: 'Private',
    userType: 'Member',
    token: 'demo-assistant',
  },
} as const;
