import { useDocumentTitle } from '@mantine/hooks';
import { NotFoundPanel } from '../ui/not-found-panel.js';

export function NotFoundPage() {
  useDocumentTitle('Page not found · Portal Groups Admin');
  return (
    <NotFoundPanel
      title="Page not found"
      message="There is nothing at this address."
      backLabel="Go to your groups"
    />
  );
}
