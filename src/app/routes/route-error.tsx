import { Button, Code, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { isRouteErrorResponse, Link, useLocation, useRouteError } from 'react-router-dom';
import { paths, splitAccountPath } from '../account/paths.js';
import { useAccountPaths } from '../account/use-account.js';
import { errorMessage } from '../api/error-message.js';
import { SparkApiError } from '../api/spark-fetch.js';
import { NotFoundPanel } from '../ui/not-found-panel.js';
import { reload } from '../ui/section-boundary.js';

/** A piece of the app (a page's code, a dialog's) that the browser could not fetch. */
function isChunkLoadError(error: unknown): boolean {
  return (
    error instanceof Error &&
    /dynamically imported module|Importing a module script failed|Unable to preload CSS/i.test(
      error.message,
    )
  );
}

/** What a failure that ended a page says: why, what to do, and the request id to quote. */
function ErrorView({ error, home, py }: { error: unknown; home: string; py?: 'xl' }) {
  const chunk = isChunkLoadError(error);
  useDocumentTitle(`${chunk ? 'Reload needed' : 'Something went wrong'} · Portal Groups Admin`);
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <NotFoundPanel
        title="Page not found"
        message="There is nothing at this address."
        backTo={home}
        backLabel="Go to your groups"
      />
    );
  }
  const requestId = error instanceof SparkApiError ? error.requestId : undefined;
  return (
    <Stack gap="md" py={py} align="flex-start" role="alert" aria-labelledby="route-error-title">
      <Title order={1} id="route-error-title">
        {chunk ? 'This page needs a reload' : 'Something went wrong'}
      </Title>
      <Text maw={560}>
        {chunk
          ? 'Part of the app could not be loaded, usually because a new version was just put live or the connection dropped. Reload the page to continue; nothing you saved is lost.'
          : error instanceof SparkApiError
            ? errorMessage(error)
            : 'The app ran into a problem it did not expect and could not show this page. Reload the page to try again.'}
      </Text>
      {requestId && (
        <Text size="sm" c="dimmed">
          If you contact support, quote the request id <Code>{requestId}</Code>.
        </Text>
      )}
      <Group gap="sm">
        <Button onClick={reload}>Reload</Button>
        {!chunk && (
          <Button component={Link} to={home} variant="default">
            Go to your groups
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/** The whole app failed (nothing else could be shown): a page of its own. */
export function RootError() {
  const { agentId } = splitAccountPath(useLocation().pathname);
  return (
    <Container component="main" size="sm" px="md">
      <Paper withBorder p="xl" mt="xl">
        <ErrorView error={useRouteError()} home={paths.groups(agentId)} />
      </Paper>
    </Container>
  );
}

/** A page failed: said in its place, with the header and the way elsewhere still there. */
export function PageError() {
  return <ErrorView error={useRouteError()} home={useAccountPaths().groups()} py="xl" />;
}
