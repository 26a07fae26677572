import { z } from 'zod';

export const MAX_PAGE_SIZE = 25;
export const DEFAULT_PAGE_SIZE = 10;

/** Standard Spark search and paging parameters (spec §1.2), as they arrive in a query string. */
export const searchParamsSchema = z.object({
  _limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  _page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  _pagination: z.enum(['0', '1', 'count']).default('0'),
  _orderby: z.string().max(100).optional(),
  _filter: z.string().optional(),
  _select: z.string().max(1000).optional(),
});
export type SearchParams = z.infer<typeof searchParamsSchema>;
