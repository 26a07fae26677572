import '@mantine/core/styles/Accordion.css';
import { useId, useMemo, useRef } from 'react';
import { Alert, Badge, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { PortalGroup } from '../../../../shared/portal-groups.js';
import { SparkCode } from '../../../../shared/spark-codes.js';
import { accountScope } from '../../../account/account.js';
import { useAccount } from '../../../account/use-account.js';
import { SparkApiError } from '../../../api/spark-answer.js';
import { groupName } from '../../../data/group-summary.js';
import { notifyError, notifySuccess, notifyWithUndo } from '../../../ui/notify.js';
import { PageStates } from '../../../ui/page-states.js';
import { useMoveListing } from '../api/cart-writes.js';
import type { CartMove } from '../api/cart-writes.js';
import { useChooseCircle, useCurrentCircle } from '../api/current-circle.js';
import {
  portalGroupPlace,
  usePortalGroupCartListings,
  usePortalGroupCarts,
} from '../api/portal-group-carts.js';
import type { ListingCart } from '../../../data/cart-shapes.js';
import { cartKind, PORTAL_CARTS } from '../cart-kinds.js';
import { listingFacts, listingLabel } from '../listing-facts.js';
import { refusalMessage } from '../use-cart-changes.js';
import { CartList, CartListings } from './cart-list.js';

const UNDO_SECONDS = 10;

function isGroupGone(error: unknown): boolean {
  return error instanceof SparkApiError && error.code === SparkCode.PortalGroupInvalid;
}

/** Moving a listing between the portal carts, with Undo; one move per listing at a time. */
function useMoves(circleId: string) {
  const account = useAccount();
  const place = useMemo(() => portalGroupPlace(account, circleId), [account, circleId]);
  const pending = useRef(new Set<string>());
  const run = (move: CartMove) => {
    if (pending.current.has(move.listing.Id)) return;
    pending.current.add(move.listing.Id);
    mutation
      .mutateAsync(move)
      .catch(() => undefined)
      .finally(() => pending.current.delete(move.listing.Id));
  };
  const mutation = useMoveListing(place, {
    onSuccess: (move) =>
      notifyWithUndo({
        id: `move-${move.listing.Id}`,
        // Moves to one cart share a toast: "Moved 12 Elm St and 4 Oak Ave to Rejects".
        group: `move-${accountScope(account)}-${circleId}-${move.to.Id}`,
        verb: 'Moved',
        names: [listingLabel(move.listing)],
        after: `to ${move.to.Name}`,
        onUndo: () => run({ listing: move.listing, from: move.to, to: move.from, undo: true }),
        seconds: UNDO_SECONDS,
        account,
      }),
    onError: (error, move) =>
      notifyError(`Could not move ${listingLabel(move.listing)} to ${move.to.Name}`, error, {
        message: refusalMessage(error),
        account,
      }),
  });
  return run;
}

function OpenedPortalCart({
  circleId,
  cart,
  carts,
  move,
}: {
  circleId: string;
  cart: ListingCart;
  carts: ListingCart[];
  move: (move: CartMove) => void;
}) {
  const query = usePortalGroupCartListings(circleId, cart.Id);
  const targets =
    cartKind(cart) === 'Named'
      ? []
      : carts.filter(
          (other) => other.Id !== cart.Id && PORTAL_CARTS.includes(cartKind(other) as never),
        );
  return (
    <CartListings
      cart={cart}
      query={query}
      actions={
        targets.length
          ? (listing) =>
              targets.map((target) => (
                <Button
                  key={target.Id}
                  size="compact-sm"
                  variant="default"
                  aria-label={`Move ${listingFacts(listing).street} to ${target.Name}`}
                  onClick={() => move({ listing, from: cart, to: target })}
                >
                  To {target.Name}
                </Button>
              ))
          : undefined
      }
    />
  );
}

function CircleCarts({ circle }: { circle: PortalGroup }) {
  const carts = usePortalGroupCarts(circle.Id);
  const move = useMoves(circle.Id);
  return (
    <PageStates
      query={carts}
      what="this circle’s carts"
      loading={<Skeleton height={150} aria-hidden="true" />}
      failed={(error) =>
        isGroupGone(error) ? (
          <Alert color="yellow" variant="light" title="This circle is gone">
            The circle you worked in no longer exists. Work on your own, or choose another circle.
          </Alert>
        ) : null
      }
    >
      {(data) => (
        <CartList
          carts={data.carts}
          renderListings={(cart) => (
            <OpenedPortalCart circleId={circle.Id} cart={cart} carts={data.carts} move={move} />
          )}
        />
      )}
    </PageStates>
  );
}

/**
 * A consumer's view of a circle: whether they work in it ("As Portal Group"), the switch, and
 * when they do, its carts, where they move listings between Favorites, Possibilities and Rejects.
 */
export function PortalGroupSection({ group }: { group: PortalGroup }) {
  const headingId = useId();
  const account = useAccount();
  const current = useCurrentCircle();
  const name = groupName(group);
  const choose = useChooseCircle({
    onSuccess: (circle) =>
      notifySuccess(
        circle ? `You work in ${groupName(circle)}’s circle now` : 'You work on your own now',
        { account },
      ),
    onError: (error, circle) =>
      notifyError(
        circle ? `Could not work in ${name}’s circle` : 'Could not work on your own',
        error,
        { account },
      ),
  });
  const workingHere = current.data?.Id === group.Id;

  return (
    <Stack component="section" gap="sm" aria-labelledby={headingId}>
      <Title order={2} id={headingId}>
        Shared in this circle
      </Title>
      <PageStates
        query={current}
        what="the circle you work in"
        loading={<Skeleton height={60} aria-hidden="true" />}
      >
        {(circle) => (
          <Stack gap="sm">
            <Group justify="space-between" gap="sm" align="center">
              {workingHere ? (
                <Badge variant="dot" color="green.6" size="lg">
                  You work in this circle
                </Badge>
              ) : (
                <Text fz="sm">
                  {circle ? `You work in ${groupName(circle)}’s circle.` : 'You work on your own.'}{' '}
                  Work in this circle to see and change its Favorites, Possibilities and Rejects.
                </Text>
              )}
              <Button
                variant={workingHere ? 'default' : 'filled'}
                loading={choose.isPending}
                onClick={() => choose.mutate(workingHere ? null : group)}
              >
                {workingHere ? 'Work on my own' : 'Work in this circle'}
              </Button>
            </Group>
            {workingHere && <CircleCarts circle={group} />}
          </Stack>
        )}
      </PageStates>
    </Stack>
  );
}
