import type { ReactNode } from 'react';
import { Badge, Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Listing, ListingPhoto } from '../../../../shared/listings.js';
import { listingFacts, statusColor } from '../listing-facts.js';
import classes from './listing-card.module.css';

/** Spark's photo sizes with their widths, for the browser to pick from (`srcset`). */
const WIDTHS = [
  ['Uri300', 300],
  ['Uri640', 640],
  ['Uri800', 800],
] as const;

function primaryPhoto(listing: Listing): ListingPhoto | undefined {
  const photos = listing.StandardFields.Photos;
  return photos.find((photo) => photo.Primary) ?? photos[0];
}

/**
 * The photo at 4:3 in a box of that shape from the first paint, so nothing moves when it loads;
 * loaded only when it nears the screen.
 */
function ListingPhotoBox({ listing, street }: { listing: Listing; street: string }) {
  const photo = primaryPhoto(listing);
  const src = photo?.Uri640 ?? photo?.Uri300 ?? photo?.Uri800 ?? photo?.UriLarge;
  const srcSet = WIDTHS.flatMap(([size, width]) => {
    const uri = photo?.[size];
    return uri ? [`${uri} ${width}w`] : [];
  }).join(', ');
  if (!photo || !src) {
    return (
      <Box className={classes.photo} data-empty>
        <Text fz="sm" c="dimmed">
          No photo
        </Text>
      </Box>
    );
  }
  return (
    <img
      className={classes.photo}
      src={src}
      srcSet={srcSet || undefined}
      sizes="(max-width: 37.5em) 40vw, 320px"
      width={640}
      height={480}
      loading="lazy"
      decoding="async"
      alt={photo.Caption ? `${street}: ${photo.Caption}` : `Photo of ${street}`}
    />
  );
}

interface ListingCardProps {
  listing: Listing;
  /** The heading level of the card's address inside the page's outline. */
  headingOrder?: 3 | 4 | 5;
  /** Buttons for the listing (remove, move); none when the user may not change the cart. */
  actions?: ReactNode;
}

/** A listing as a card: photo, price, status, address, beds, baths and area. */
export function ListingCard({ listing, headingOrder = 4, actions }: ListingCardProps) {
  const facts = listingFacts(listing);
  return (
    <Paper component="article" withBorder radius="md" className={classes.card}>
      <ListingPhotoBox listing={listing} street={facts.street} />
      <Stack gap={4} p="sm" className={classes.body}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text fw={700} fz="lg">
            {facts.price}
          </Text>
          <Badge
            variant="dot"
            color={statusColor(facts.status)}
            size="sm"
            style={{ flexShrink: 0 }}
          >
            {facts.status}
          </Badge>
        </Group>
        <Title order={headingOrder} fz="sm" fw={600} lineClamp={2}>
          {facts.street}
        </Title>
        <Text fz="sm">{facts.place}</Text>
        {facts.size && <Text fz="sm">{facts.size}</Text>}
        {facts.mlsNumber && (
          <Text fz="xs" c="dimmed">
            MLS # {facts.mlsNumber}
          </Text>
        )}
        {actions && (
          <Group gap="xs" mt="auto" pt={4}>
            {actions}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** Listing cards in a grid: one column on a phone, more as the width allows. */
export function ListingGrid({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ul className={classes.grid} aria-label={label}>
      {children}
    </ul>
  );
}
