/**
 * The first start: no profile yet. What Keyflare keeps, where secrets go, and the two ways in:
 * add a Cloudflare login, or explore the sandbox's sample data without one.
 */
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { Icon } from '../../components/icons';
import { useT } from '../../lib/i18n';
import { ExploreButton, ExploreError } from '../sandbox/explore-button';

export function Welcome({ onAdd }: { onAdd: () => void }): React.JSX.Element {
  const t = useT();
  return (
    <EmptyState
      icon="key"
      title="Welcome to Keyflare"
      testId="welcome"
      actions={
        <>
          <Button variant="primary" icon="plus" onClick={onAdd}>
            Add a Cloudflare login
          </Button>
          <ExploreButton />
        </>
      }
    >
      <p>
        Keyflare keeps an inventory of the API tokens of every Cloudflare login you use: who can do what,
        where, until when.
      </p>
      <ul className="welcome-points">
        <li>
          <Icon name="lock" size={14} /> Credentials and token secrets stay in your system keychain.
        </li>
        <li>
          <Icon name="layers" size={14} /> Token details are cached, so you can browse them offline.
        </li>
        <li>
          <Icon name="shield" size={14} /> Create least-privilege tokens from Cloudflare’s templates.
        </li>
      </ul>
      <p className="welcome-sandbox-note">{t('sandbox.welcomeNote')}</p>
      <ExploreError />
    </EmptyState>
  );
}
