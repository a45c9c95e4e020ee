/**
 * What an import or a duplicate resolved in the chosen profile, and what it could not, each
 * unresolved name with the closest names the profile does have.
 */
import type { ImportResult } from '../../../shared/export/export-schemas';
import { Icon } from '../../components/icons';

export function ImportReport({ result }: { result: ImportResult }): React.JSX.Element {
  const { resolved, unresolved } = result;
  return (
    <div className="import-report" data-testid="import-report">
      {unresolved.length > 0 ? (
        <div className="callout callout-warn" role="status">
          <Icon name="alert" className="callout-icon" />
          <div className="callout-body">
            <p className="callout-title">
              {unresolved.length === 1
                ? 'One part did not resolve'
                : `${unresolved.length} parts did not resolve`}
            </p>
            <p className="callout-text">
              They are left out of the draft: fill them in before you create the token.
            </p>
            <ul className="callout-facts" aria-label="Did not resolve">
              {unresolved.map((item) => (
                <li key={`${item.what}:${item.name}`}>
                  <strong>
                    {item.what} {item.name}
                  </strong>
                  : {item.reason}
                  {item.closest.length > 0 ? <> — closest: {item.closest.join(', ')}</> : null}
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : (
        <p className="import-report-ok" role="status">
          <Icon name="check" size={13} /> Everything resolved in this profile.
        </p>
      )}
      {resolved.length > 0 ? (
        <details className="import-report-resolved">
          <summary>{resolved.length} resolved</summary>
          <ul>
            {resolved.map((item) => (
              <li key={`${item.what}:${item.from}`}>
                {item.what} {item.from} → {item.to}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
