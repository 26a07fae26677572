import { Alert, Stack, Text, Title } from '@mantine/core';

/**
 * What a consumer sees once Spark refuses their reads because their agent turned their portal
 * off: no Retry (nothing the consumer does helps), and the way out is Sign out in the header.
 */
export function PortalTurnedOff() {
  return (
    // The title is a heading in the text's colour: Mantine's yellow title fails contrast.
    <Alert color="yellow" variant="light" role="alert">
      <Stack gap="xs">
        <Title order={1} fz="h3">
          Your agent has turned off your portal access
        </Title>
        <Text size="sm">
          Your circles, saved searches and carts are not available until your agent turns your
          portal access on again. If you think this is a mistake, contact your agent.
        </Text>
        <Text size="sm">Once it is on again, sign out and sign in again.</Text>
      </Stack>
    </Alert>
  );
}
