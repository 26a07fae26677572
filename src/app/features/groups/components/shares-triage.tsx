import { useMemo } from 'react';
import { Alert, Button, Group, NativeSelect, Progress, Skeleton, Stack, Text } from '@mantine/core';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type { PortalGroup } from '../../../../shared/portal-groups.js';
import type { Account } from '../../../account/account.js';
import { useAccount } from '../../../account/use-account.js';
import {
  circleSharesQueryOptions,
  sharedListingCount,
  sharesNothing,
} from '../../../data/circle-shares.js';
import type { CircleShares } from '../../../data/circle-shares.js';
import { shareKeys } from '../../../data/share-keys.js';
import { SHARES_VIEWS } from '../use-book-view.js';
import type { SharesView } from '../use-book-view.js';
import type { ExtraColumn } from './groups-table.js';

/**
 * What circles share, in the whole book: shown for the circles on screen, or a filter over all of
 * them. Each circle costs two reads (its carts, its saved searches); they are cached for five
 * minutes (the group page reuses them), read three at a time, and a filter reads at most
 * SHARES_CHECK_LIMIT circles: half of Spark's 4,000 requests per five minutes.
 */
export const SHARES_CHECK_LIMIT = 1_000;

const FILTERS = {
  nothing: { label: 'Shares nothing yet', keep: sharesNothing },
  searches: { label: 'Has saved searches', keep: (s: CircleShares) => s.searches.length > 0 },
  listings: {
    label: 'Has listings in carts',
    keep: (s: CircleShares) => sharedListingCount(s) > 0,
  },
} as const;
type FilterKey = keyof typeof FILTERS;

const OPTIONS = [
  { value: '', label: 'Not shown' },
  { value: 'show', label: 'Shown for each circle' },
  ...Object.entries(FILTERS).map(([value, { label }]) => ({ value, label })),
];

function readFilter(value: SharesView | null): FilterKey | null {
  return value === null || value === 'show' ? null : value;
}

/** "2 carts: 14 listings · 1 saved search", or "Nothing yet". */
export function sharesInWords(shares: CircleShares): string {
  if (sharesNothing(shares)) return 'Nothing yet';
  const listings = sharedListingCount(shares);
  const searches = shares.searches.length;
  return [
    listings ? `${listings} listing${listings === 1 ? '' : 's'} in carts` : 'No listings',
    searches ? `${searches} saved search${searches === 1 ? '' : 'es'}` : 'no saved searches',
  ].join(' · ');
}

function SharesCell({ group }: { group: PortalGroup }) {
  const shares = useQuery(circleSharesQueryOptions(useAccount(), group.ContactId));
  if (shares.data)
    return (
      <Text span size="sm">
        {sharesInWords(shares.data)}
      </Text>
    );
  if (shares.isError) {
    return (
      <Text span size="sm" c="dimmed">
        Could not check
      </Text>
    );
  }
  return <Skeleton height={12} width={120} display="inline-block" aria-label="Checking" />;
}

const cachedShares = (queryClient: QueryClient, account: Account, group: PortalGroup) =>
  queryClient.getQueryData<CircleShares>(shareKeys.summary(account, group.ContactId));

/**
 * Every circle's shares, while `active`: cached ones are not read again, the others three at a
 * time (the reads' own limit); leaving the filter stops those not started.
 */
function useCheckAll(groups: PortalGroup[] | undefined, active: boolean) {
  const account = useAccount();
  const tooMany = (groups?.length ?? 0) > SHARES_CHECK_LIMIT;
  const check = useQueries({
    queries:
      active && groups && !tooMany
        ? groups.map((group) => circleSharesQueryOptions(account, group.ContactId))
        : [],
    combine: (results) => {
      const failed = results.filter((result) => result.isError);
      return {
        total: results.length,
        checked: results.filter((result) => result.data !== undefined || result.isError).length,
        failed: failed.length,
        retry: () => failed.forEach((result) => void result.refetch()),
      };
    },
  });
  return { check, tooMany };
}

/**
 * The whole book's "What they share" control, its column, and its filter (`keep`, null when the
 * view does not filter by it).
 */
export function useSharesTriage(
  value: SharesView | null,
  onChange: (value: SharesView | null) => void,
  all: PortalGroup[] | undefined,
) {
  const queryClient = useQueryClient();
  const account = useAccount();
  const filter = readFilter(value);
  const shown = filter !== null || value === 'show';
  const { check, tooMany } = useCheckAll(all, filter !== null);

  // Worked out again as circles are checked, so the list grows while the rest are read.
  const { checked } = check;
  const keep = useMemo(() => {
    if (!filter) return null;
    const rule = FILTERS[filter].keep;
    return (group: PortalGroup) => {
      const shares = cachedShares(queryClient, account, group);
      return shares !== undefined && rule(shares);
    };
    // `checked` changes as the cache fills: the filter is applied again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filter, queryClient, account, checked]);

  const column: ExtraColumn | undefined = shown
    ? { header: 'Shares', cell: (group) => <SharesCell group={group} /> }
    : undefined;

  const control = (
    <NativeSelect
      label="What they share"
      data={OPTIONS}
      value={value ?? ''}
      onChange={(event) =>
        onChange(SHARES_VIEWS.find((view) => view === event.currentTarget.value) ?? null)
      }
      w={240}
    />
  );

  let status = null;
  if (filter && tooMany) {
    status = (
      <Alert color="yellow" variant="light" title="Too many circles to check">
        Checking what {all?.length.toLocaleString('en-US')} circles share would take more than half
        of Flexmls’s request allowance; it is limited to{' '}
        {SHARES_CHECK_LIMIT.toLocaleString('en-US')} circles. Open a circle to see what it shares.
      </Alert>
    );
  } else if (filter && check.checked < check.total) {
    status = (
      <Stack gap={4} aria-live="polite">
        <Text size="sm">
          Checked what {check.checked} of {check.total} circles share; the list shows the matches so
          far.
        </Text>
        <Group gap="sm" wrap="nowrap">
          <Progress
            value={(check.checked / Math.max(1, check.total)) * 100}
            aria-label="Checking what circles share"
            style={{ flex: 1 }}
          />
          <Button size="xs" variant="default" onClick={() => onChange(null)}>
            Cancel
          </Button>
        </Group>
      </Stack>
    );
  } else if (filter && check.failed > 0) {
    status = (
      <Alert color="yellow" variant="light" title="Some circles could not be checked">
        <Group gap="sm" justify="space-between">
          <Text size="sm">
            {check.failed} of {check.total} circles could not be checked and are left out.
          </Text>
          <Button size="xs" variant="default" onClick={check.retry}>
            Try again
          </Button>
        </Group>
      </Alert>
    );
  }

  return { control, keep: filter && !tooMany ? keep : null, column, status };
}
