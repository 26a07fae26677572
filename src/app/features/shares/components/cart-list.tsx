import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import {
  Accordion,
  Badge,
  Button,
  Group,
  Skeleton,
  Stack,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { Listing } from '../../../../shared/listings.js';
import { parseSparkTimestamp } from '../../../api/spark-timestamp.js';
import { ErrorPanel } from '../../../ui/error-panel.js';
import { formatRelative } from '../../../ui/relative-time.js';
import type { ListingsPage } from '../api/cart-listings.js';
import type { ListingCart } from '../../../data/cart-shapes.js';
import { CART_KIND_LABELS, cartKind, sortCarts } from '../cart-kinds.js';
import { ListingCard, ListingGrid } from './listing-card.js';
import classes from './listing-card.module.css';

export function listingCount(count: number): string {
  if (count === 0) return 'Empty';
  return count === 1 ? '1 listing' : `${count.toLocaleString('en-US')} listings`;
}

function changed(value: string | null | undefined): string | null {
  const date = value ? parseSparkTimestamp(value) : null;
  return date && !Number.isNaN(date.getTime()) ? `changed ${formatRelative(date)}` : null;
}

/** The cart's name, its type when the name does not say it, its count and last change. */
function CartSummary({ cart }: { cart: ListingCart }) {
  const kind = cartKind(cart);
  const label = CART_KIND_LABELS[kind];
  return (
    <Group gap="xs" wrap="wrap" component="span">
      <Text span fw={600}>
        {cart.Name}
      </Text>
      {label !== cart.Name && (
        <Badge variant="outline" color="gray" size="sm" component="span">
          {label}
        </Badge>
      )}
      <Text span fz="sm" c="dimmed">
        {[listingCount(cart.ListingCount), changed(cart.ModificationTimestamp)]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </Group>
  );
}

type ListingsQuery = UseInfiniteQueryResult<InfiniteData<ListingsPage>>;

interface CartListingsProps {
  cart: ListingCart;
  query: ListingsQuery;
  /** Buttons for one listing of this cart; none for a reader. */
  actions?: (listing: Listing) => ReactNode;
}

/** A cart's listings as cards, 25 at a time. */
export function CartListings({ cart, query, actions }: CartListingsProps) {
  if (query.isError && !query.data) {
    return (
      <ErrorPanel
        title={`Could not load the listings in ${cart.Name}`}
        error={query.error}
        onRetry={() => void query.refetch()}
      />
    );
  }
  if (!query.data) {
    return (
      <div aria-busy="true">
        <VisuallyHidden>Loading the listings in {cart.Name}</VisuallyHidden>
        <div className={classes.grid} aria-hidden="true">
          {Array.from({ length: Math.min(Math.max(cart.ListingCount, 1), 3) }, (_, index) => (
            <div key={index}>
              <Skeleton className={classes.photo} />
              <Skeleton height={14} mt="sm" width="60%" />
              <Skeleton height={12} mt={6} width="80%" />
            </div>
          ))}
        </div>
      </div>
    );
  }
  const listings = query.data.pages.flatMap((page) => page.listings);
  const total = query.data.pages.at(-1)?.total ?? listings.length;
  if (listings.length === 0) {
    return <Text fz="sm">No listings in this cart yet.</Text>;
  }
  return (
    <Stack gap="sm">
      <ListingGrid label={`Listings in ${cart.Name}`}>
        {listings.map((listing) => (
          <li key={listing.Id}>
            <ListingCard listing={listing} headingOrder={5} actions={actions?.(listing)} />
          </li>
        ))}
      </ListingGrid>
      {query.hasNextPage && (
        <Group>
          <Button
            variant="default"
            size="xs"
            loading={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            Show more ({listings.length} of {total})
          </Button>
        </Group>
      )}
    </Stack>
  );
}

interface CartListProps {
  carts: ListingCart[];
  /** The listings of an opened cart: each cart reads its listings only once opened. */
  renderListings: (cart: ListingCart) => ReactNode;
}

/** The carts (portal carts first), each opening to its listings (a heading and a button per cart). */
export function CartList({ carts, renderListings }: CartListProps) {
  const [opened, setOpened] = useState<string[]>([]);
  const sorted = useMemo(() => sortCarts(carts), [carts]);
  if (carts.length === 0) return <Text fz="sm">No listing carts.</Text>;
  return (
    <Accordion multiple value={opened} onChange={setOpened} variant="separated" order={4}>
      {sorted.map((cart) => (
        <Accordion.Item key={cart.Id} value={cart.Id}>
          <Accordion.Control>
            <CartSummary cart={cart} />
          </Accordion.Control>
          <Accordion.Panel>{opened.includes(cart.Id) && renderListings(cart)}</Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
