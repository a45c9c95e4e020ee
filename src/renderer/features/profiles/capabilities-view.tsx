/**
 * What a profile's credential can do, as checked by Cloudflare at add and at each sync.
 */
import type { Capabilities } from '../../../shared/domain';
import { Icon } from '../../components/icons';
import { formatDateTime } from '../../lib/format';

function Can({ yes, children }: { yes: boolean; children: React.ReactNode }): React.JSX.Element {
  return (
    <li className={`can ${yes ? 'can-yes' : 'can-no'}`}>
      <Icon name={yes ? 'check' : 'x'} size={14} />
      <span>
        <span className="visually-hidden">{yes ? 'Can: ' : 'Cannot: '}</span>
        {children}
      </span>
    </li>
  );
}

export function CapabilitiesView({ capabilities }: { capabilities: Capabilities }): React.JSX.Element {
  return (
    <div className="capabilities" data-testid="capabilities">
      <ul className="can-list">
        <Can yes={capabilities.readUser}>Read the login’s user details</Can>
        <Can yes={capabilities.listUserTokens}>List user tokens</Can>
        <Can yes={capabilities.createUserTokens}>Create and change user tokens</Can>
      </ul>
      {capabilities.accounts.length > 0 ? (
        <table className="cap-table">
          <caption className="visually-hidden">Account-owned tokens, per account</caption>
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">List tokens</th>
              <th scope="col">Create tokens</th>
            </tr>
          </thead>
          <tbody>
            {capabilities.accounts.map((account) => (
              <tr key={account.accountId}>
                <th scope="row">{account.accountName}</th>
                <td>{account.listTokens ? 'Yes' : 'No'}</td>
                <td>{account.createTokens ? 'Yes' : 'No'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {capabilities.notes.length > 0 ? (
        <ul className="cap-notes">
          {capabilities.notes.map((note) => (
            <li key={note}>
              <Icon name="info" size={12} /> {note}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="muted cap-checked">Checked {formatDateTime(capabilities.checkedAt)}</p>
    </div>
  );
}
