import { useState } from 'react';
import {
  Alert,
  Button,
  Group,
  Modal,
  NativeSelect,
  Radio,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { Listing } from '../../../../shared/listings.js';
import { errorMessage } from '../../../api/error-message.js';
import { FOUND_LIMIT, useFindListings } from '../api/find-listings.js';
import type { ListingCart } from '../../../data/cart-shapes.js';
import { listingFacts } from '../listing-facts.js';

function FoundListing({ listing, inCarts }: { listing: Listing; inCarts: string[] }) {
  const facts = listingFacts(listing);
  return (
    <Stack gap={0}>
      <Text fz="sm" fw={600}>
        {facts.street}, {facts.place}
      </Text>
      <Text fz="xs">
        {[facts.price, facts.status, facts.mlsNumber && `MLS # ${facts.mlsNumber}`]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      {inCarts.length > 0 && (
        <Text fz="xs" c="dimmed">
          Already in {inCarts.join(', ')}
        </Text>
      )}
    </Stack>
  );
}

function FoundListings({
  text,
  carts,
  chosen,
  onChoose,
}: {
  text: string;
  carts: ListingCart[];
  chosen: Listing | null;
  onChoose: (listing: Listing) => void;
}) {
  const found = useFindListings(text);
  if (text.trim().length < 2) {
    return (
      <Text fz="sm" c="dimmed">
        Type at least two characters.
      </Text>
    );
  }
  if (found.isError) {
    return (
      <Alert color="red" variant="light" title="Could not search the listings">
        {errorMessage(found.error)}
      </Alert>
    );
  }
  if (!found.data) {
    return (
      <Text fz="sm" c="dimmed" role="status">
        Searching…
      </Text>
    );
  }
  const { listings, total } = found.data;
  if (listings.length === 0) {
    return (
      <Text fz="sm" role="status">
        No listing has this MLS number or address.
      </Text>
    );
  }
  const cartsOf = (listing: Listing) =>
    carts.filter((cart) => cart.ListingIds?.includes(listing.Id)).map((cart) => cart.Name);
  return (
    <Radio.Group
      label="Listings found"
      description={
        total > listings.length
          ? `The first ${FOUND_LIMIT} of ${total.toLocaleString('en-US')}: type more to narrow it down.`
          : undefined
      }
      value={chosen?.Id ?? null}
      onChange={(id) => {
        const listing = listings.find((candidate) => candidate.Id === id);
        if (listing) onChoose(listing);
      }}
    >
      <Stack gap="xs" mt="xs">
        {listings.map((listing) => (
          <Radio
            key={listing.Id}
            value={listing.Id}
            label={<FoundListing listing={listing} inCarts={cartsOf(listing)} />}
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}

interface Props {
  /** The circle owner's name, for the title. */
  circleName: string;
  carts: ListingCart[];
  onShare: (change: { cart: ListingCart; listing: Listing }) => void;
  onClose: () => void;
}

/** Find a listing by MLS number or address and add it to one of the circle's carts. */
export function ShareListingDialog({ circleName, carts, onShare, onClose }: Props) {
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text, 250);
  const [chosen, setChosen] = useState<Listing | null>(null);
  const [cartId, setCartId] = useState(carts[0]?.Id ?? '');
  const cart = carts.find((candidate) => candidate.Id === cartId);
  const alreadyThere = Boolean(chosen && cart?.ListingIds?.includes(chosen.Id));

  return (
    <Modal opened onClose={onClose} title={`Share a listing with ${circleName}’s circle`} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!chosen || !cart || alreadyThere) return;
          onShare({ cart, listing: chosen });
          onClose();
        }}
      >
        <Stack gap="md">
          <TextInput
            label="Find a listing"
            description="Its MLS number (e.g. 26-10001) or part of its address"
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              setChosen(null);
            }}
            data-autofocus
            autoComplete="off"
          />
          <div aria-live="polite">
            <FoundListings text={debounced} carts={carts} chosen={chosen} onChoose={setChosen} />
          </div>
          <NativeSelect
            label="Add to cart"
            data={carts.map((candidate) => ({ value: candidate.Id, label: candidate.Name }))}
            value={cartId}
            onChange={(event) => setCartId(event.currentTarget.value)}
          />
          {alreadyThere && cart && (
            <Text fz="sm" role="status">
              This listing is in {cart.Name} already.
            </Text>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={!chosen || !cart || alreadyThere}>
              {cart ? `Add to ${cart.Name}` : 'Add'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
