import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';

interface NotFoundPanelProps {
  title: string;
  message: string;
  /** The way back: the list of the account the tab works for. */
  backTo: string;
  backLabel?: string;
}

export function NotFoundPanel({
  title,
  message,
  backTo,
  backLabel = 'Back to groups',
}: NotFoundPanelProps) {
  return (
    <Stack gap="sm" py="xl" align="flex-start">
      <Title order={1}>{title}</Title>
      <Text>{message}</Text>
      <Anchor component={Link} to={backTo}>
        {backLabel}
      </Anchor>
    </Stack>
  );
}
