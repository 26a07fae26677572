import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router-dom';
import { groupsQueryOptions } from '../data/get-groups.js';
import { loadGroupsSearch } from './groups-search.js';
import { loaderAccount } from './route-inputs.js';

/** The read of the list's page the address names starts here. */
export const loader =
  (queryClient: QueryClient) =>
  ({ request, params }: LoaderFunctionArgs) => {
    const { q, sort, page } = loadGroupsSearch(request);
    const account = loaderAccount(queryClient, params);
    if (account) void queryClient.prefetchQuery(groupsQueryOptions(account, { q, sort, page }));
    return null;
  };
