import { useDocumentTitle } from '@mantine/hooks';
import { useAccountPaths } from '../account/use-account.js';
import { NotFoundPanel } from '../ui/not-found-panel.js';

/** Any address inside an account that is no page of the app. */
export function NotFoundPage() {
  useDocumentTitle('Page not found · Portal Groups Admin');
  return (
    <NotFoundPanel
      title="Page not found"
      message="There is nothing at this address."
      backTo={useAccountPaths().groups()}
      backLabel="Go to your groups"
    />
  );
}
