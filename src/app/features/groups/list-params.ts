import type { GroupListParams } from '../../data/group-keys.js';

/** List state lives in the query string: `?q=`, `?sort=-Name`, `?page=`. */
export function readListParams(search: URLSearchParams): GroupListParams {
  const page = Number(search.get('page'));
  return {
    q: (search.get('q') ?? '').trim(),
    sort: search.get('sort') === '-Name' ? '-Name' : 'Name',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function writeListParams(params: GroupListParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.q) search.set('q', params.q);
  if (params.sort === '-Name') search.set('sort', '-Name');
  if (params.page > 1) search.set('page', String(params.page));
  return search;
}
