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
      title={t('tokens.welcome.title')}
      testId="welcome"
      actions={
        <>
          <Button variant="primary" icon="plus" onClick={onAdd}>
            {t('tokens.welcome.add')}
          </Button>
          <ExploreButton />
        </>
      }
    >
      <p>{t('tokens.welcome.intro')}</p>
      <ul className="welcome-points">
        <li>
          <Icon name="lock" size={14} /> {t('tokens.welcome.keychain')}
        </li>
        <li>
          <Icon name="layers" size={14} /> {t('tokens.welcome.offline')}
        </li>
        <li>
          <Icon name="shield" size={14} /> {t('tokens.welcome.templates')}
        </li>
      </ul>
      <p className="welcome-sandbox-note">{t('sandbox.welcomeNote')}</p>
      <ExploreError />
    </EmptyState>
  );
}
