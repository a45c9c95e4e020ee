/**
 * The detail panel's secret section: whether Keyflare holds the token's secret (kept in the
 * system keychain, never shown), with the way to forget it or to adopt one the user has.
 */
import type { TokenRow } from '../../../shared/domain';
import { Button } from '../../components/button';
import { Icon } from '../../components/icons';
import type { ActionAvailability } from '../../lib/token-actions';
import { Section } from './detail-section';
import { forgetSecret } from './token-commands';

export interface SecretSectionProps {
  row: TokenRow;
  available: Pick<ActionAvailability, 'forget' | 'adopt'>;
  onAdopt: () => void;
}

export function SecretSection({ row, available, onAdopt }: SecretSectionProps): React.JSX.Element {
  return (
    <Section title="Secret" id="detail-secret">
      {row.secretKept ? (
        <div className="secret-row">
          <p>
            <Icon name="lock" size={13} /> The secret is kept in the system keychain. Copy it or verify the
            token with it.
          </p>
          <Button
            size="sm"
            variant="ghost"
            disabledReason={available.forget}
            onClick={() => void forgetSecret(row)}
          >
            Forget secret
          </Button>
        </div>
      ) : (
        <div className="secret-row">
          <p>
            Keyflare does not hold this token’s secret, so it cannot verify it or copy it. If you have the
            secret, adopt it.
          </p>
          <Button size="sm" icon="key" disabledReason={available.adopt} onClick={onAdopt}>
            Adopt existing secret
          </Button>
        </div>
      )}
    </Section>
  );
}
