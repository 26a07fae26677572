import { useDocumentTitle } from '@mantine/hooks';
import { useSearchParams } from 'react-router-dom';
import { paths } from '../account/paths.js';
import { SignedOutView } from '../features/auth/components/signed-out-view.js';

export function SignedOutPage() {
  const [searchParams] = useSearchParams();
  const failure = searchParams.get('error');
  useDocumentTitle(`${failure ? 'Sign-in failed' : 'Signed out'} · Portal Groups Admin`);
  return (
    <main>
      <SignedOutView returnTo={paths.groups(null)} failure={failure} />
    </main>
  );
}
