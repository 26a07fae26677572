import '@mantine/core/styles/Accordion.css';
import { useId, useMemo, useState } from 'react';
import { Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { PortalGroup } from '../../../../shared/portal-groups.js';
import { useAccount } from '../../../account/use-account.js';
import { ownerOf } from '../../../data/audit-names.js';
import { groupName } from '../../../data/group-summary.js';
import { PageStates } from '../../../ui/page-states.js';
import { useCartListings } from '../api/cart-listings.js';
import { circlePlace } from '../api/circle-place.js';
import { sharesNothing, useCircleShares } from '../../../data/circle-shares.js';
import type { CartPlace } from '../api/cart-writes.js';
import type { ListingCart } from '../../../data/cart-shapes.js';
import { listingFacts } from '../listing-facts.js';
import { useCartChanges } from '../use-cart-changes.js';
import { CartList, CartListings } from './cart-list.js';
import { SavedSearchList } from './saved-search-list.js';
import { ShareListingDialog } from './share-listing-dialog.js';

type Changes = ReturnType<typeof useCartChanges>;

function OpenedCart({
  ownerId,
  cart,
  changes,
}: {
  ownerId: string;
  cart: ListingCart;
  changes: Changes | null;
}) {
  const query = useCartListings(ownerId, cart.Id, true);
  return (
    <CartListings
      cart={cart}
      query={query}
      actions={
        changes
          ? (listing) => (
              <Button
                size="compact-sm"
                variant="default"
                aria-label={`Remove ${listingFacts(listing).street} from ${cart.Name}`}
                onClick={() => changes.remove({ cart, listing })}
              >
                Remove
              </Button>
            )
          : undefined
      }
    />
  );
}

function SharesSkeleton() {
  return (
    <Stack gap="xs" aria-busy="true" aria-label="Loading what this circle shares">
      <Skeleton height={52} />
      <Skeleton height={52} />
      <Skeleton height={52} />
      <Skeleton height={80} mt="sm" />
    </Stack>
  );
}

interface Props {
  group: PortalGroup;
  /** The agent may change the carts (consumers and read-only roles may not). */
  canEdit: boolean;
}

/** The group page's "Shared in this circle": the owner's carts and saved searches. */
export function CircleSharesSection({ group, canEdit }: Props) {
  const headingId = useId();
  const ownerId = group.ContactId;
  const account = useAccount();
  const owner = ownerOf(group);
  const place: CartPlace = useMemo(
    () => circlePlace(account, ownerId, owner),
    [account, ownerId, owner],
  );
  const shares = useCircleShares(ownerId);
  const changes = useCartChanges(place);
  const [sharing, setSharing] = useState(false);
  const name = groupName(group);

  return (
    <Stack component="section" gap="sm" aria-labelledby={headingId}>
      <Group justify="space-between" align="center" gap="sm">
        <Title order={2} id={headingId}>
          Shared in this circle
        </Title>
        {canEdit && shares.data && shares.data.carts.length > 0 && (
          <Button variant="default" onClick={() => setSharing(true)}>
            Share a listing
          </Button>
        )}
      </Group>
      <PageStates
        query={shares}
        what="what this circle shares"
        loading={<SharesSkeleton />}
        empty={(data) =>
          sharesNothing(data) ? (
            <Text>
              This circle shares nothing yet. Listings in {name}’s carts and the searches {name}{' '}
              saves show here for everyone in the circle.
            </Text>
          ) : null
        }
      >
        {(data) => (
          <Stack gap="md">
            <Stack gap="xs">
              <Title order={3} fz="h4">
                Listing carts
              </Title>
              <CartList
                carts={data.carts}
                renderListings={(cart) => (
                  <OpenedCart ownerId={ownerId} cart={cart} changes={canEdit ? changes : null} />
                )}
              />
            </Stack>
            <Stack gap="xs">
              <Title order={3} fz="h4">
                Saved searches
              </Title>
              <SavedSearchList ownerId={ownerId} searches={data.searches} />
            </Stack>
          </Stack>
        )}
      </PageStates>
      {sharing && shares.data && (
        <ShareListingDialog
          circleName={name}
          carts={shares.data.carts}
          onShare={changes.add}
          onClose={() => setSharing(false)}
        />
      )}
    </Stack>
  );
}
