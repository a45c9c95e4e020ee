/**
 * The detail panel's secret section: whether Keyflare holds the token's secret (kept in the
 * system keychain, never shown), with the way to forget it or to adopt one the user has.
 */
import type { TokenRow } from '../../../shared/domain';
import { Button } from '../../components/button';
import { Icon } from '../../components/icons';
import { useT } from '../../lib/i18n';
import type { ActionAvailability } from '../../lib/token-actions';
import { Section } from './detail-section';
import { forgetSecret } from './token-commands';

export interface SecretSectionProps {
  row: TokenRow;
  available: Pick<ActionAvailability, 'forget' | 'adopt'>;
  onAdopt: () => void;
}

export function SecretSection({ row, available, onAdopt }: SecretSectionProps): React.JSX.Element {
  const t = useT();
  return (
    <Section title={t('tokenDetail.secret.title')} id="detail-secret">
      {row.secretKept ? (
        <div className="secret-row">
          <p>
            <Icon name="lock" size={13} /> {t('tokenDetail.secret.kept')}
          </p>
          <Button
            size="sm"
            variant="ghost"
            disabledReason={available.forget}
            onClick={() => void forgetSecret(row)}
          >
            {t('tokenDetail.secret.forget')}
          </Button>
        </div>
      ) : (
        <div className="secret-row">
          <p>{t('tokenDetail.secret.notKept')}</p>
          <Button size="sm" icon="key" disabledReason={available.adopt} onClick={onAdopt}>
            {t('tokenDetail.secret.adopt')}
          </Button>
        </div>
      )}
    </Section>
  );
}
