import { useDocumentTitle } from '@mantine/hooks';
import { SignedOutView } from '../features/auth/index.js';

export function SignedOutPage() {
  useDocumentTitle('Signed out · Portal Groups Admin');
  return (
    <main>
      <SignedOutView returnTo="/groups" />
    </main>
  );
}
