/**
 * What a profile's credential can do, as checked by Cloudflare at add and at each sync.
 */
import type { Capabilities } from '../../../shared/domain';
import { Icon } from '../../components/icons';
import { formatDateTime } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { messageSentence } from '../../lib/message-sentence';

function Can({ yes, children }: { yes: boolean; children: React.ReactNode }): React.JSX.Element {
  const t = useT();
  return (
    <li className={`can ${yes ? 'can-yes' : 'can-no'}`}>
      <Icon name={yes ? 'check' : 'x'} size={14} />
      <span>
        <span className="visually-hidden">
          {yes ? t('profiles.capabilities.can') : t('profiles.capabilities.cannot')}{' '}
        </span>
        {children}
      </span>
    </li>
  );
}

export function CapabilitiesView({ capabilities }: { capabilities: Capabilities }): React.JSX.Element {
  const t = useT();
  return (
    <div className="capabilities" data-testid="capabilities">
      <ul className="can-list">
        <Can yes={capabilities.readUser}>{t('profiles.capabilities.readUser')}</Can>
        <Can yes={capabilities.listUserTokens}>{t('profiles.capabilities.listUserTokens')}</Can>
        <Can yes={capabilities.createUserTokens}>{t('profiles.capabilities.createUserTokens')}</Can>
      </ul>
      {capabilities.accounts.length > 0 ? (
        <table className="cap-table">
          <caption className="visually-hidden">{t('profiles.capabilities.perAccount')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('profiles.capabilities.account')}</th>
              <th scope="col">{t('profiles.capabilities.listTokens')}</th>
              <th scope="col">{t('profiles.capabilities.createTokens')}</th>
            </tr>
          </thead>
          <tbody>
            {capabilities.accounts.map((account) => (
              <tr key={account.accountId}>
                <th scope="row">{account.accountName}</th>
                <td>{account.listTokens ? t('profiles.capabilities.yes') : t('profiles.capabilities.no')}</td>
                <td>
                  {account.createTokens ? t('profiles.capabilities.yes') : t('profiles.capabilities.no')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {capabilities.notes.length > 0 ? (
        <ul className="cap-notes">
          {capabilities.notes.map((note) => (
            <li key={`${note.key}:${JSON.stringify(note.params ?? {})}`}>
              <Icon name="info" size={12} /> {messageSentence(note)}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="muted cap-checked">
        {t('profiles.capabilities.checked', { when: formatDateTime(capabilities.checkedAt) ?? '' })}
      </p>
    </div>
  );
}
