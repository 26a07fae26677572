import type { Answer } from '../route-table.js';

/** The answer of a write that returns nothing else. */
export const ok = { D: { Success: true as const } };

/** 200 with the records read. */
export const results = (records: unknown[]): Answer => ({
  body: { D: { Success: true as const, Results: records } },
});

/** 201 naming what a write created. */
export const created = (resourceUris: string[]): Answer => ({
  status: 201,
  body: {
    D: { Success: true as const, Results: resourceUris.map((uri) => ({ ResourceUri: uri })) },
  },
});
