import { useDocumentTitle } from '@mantine/hooks';
import { useSearchParams } from 'react-router-dom';
import { SignedOutView } from '../features/auth/index.js';

export function SignedOutPage() {
  const [searchParams] = useSearchParams();
  const failure = searchParams.get('error');
  useDocumentTitle(`${failure ? 'Sign-in failed' : 'Signed out'} · Portal Groups Admin`);
  return (
    <main>
      <SignedOutView returnTo="/groups" failure={failure} />
    </main>
  );
}
