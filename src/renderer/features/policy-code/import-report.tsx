/**
 * What an import or a duplicate resolved in the chosen profile, and what it could not, each
 * unresolved name with the closest names the profile does have.
 */
import type { ImportResult } from '../../../shared/export/export-schemas';
import { Icon } from '../../components/icons';
import { useT } from '../../lib/i18n';
import { messageSentence } from '../../lib/message-sentence';

export function ImportReport({ result }: { result: ImportResult }): React.JSX.Element {
  const { resolved, unresolved } = result;
  const t = useT();
  return (
    <div className="import-report" data-testid="import-report">
      {unresolved.length > 0 ? (
        <div className="callout callout-warn" role="status">
          <Icon name="alert" className="callout-icon" />
          <div className="callout-body">
            <p className="callout-title">
              {t('policyCode.report.unresolvedTitle', { count: unresolved.length })}
            </p>
            <p className="callout-text">{t('policyCode.report.unresolvedText')}</p>
            <ul className="callout-facts" aria-label={t('policyCode.report.unresolvedList')}>
              {unresolved.map((item) => (
                <li key={`${item.what}:${item.name}`}>
                  {item.closest.length > 0
                    ? t('policyCode.report.unresolvedClosest', {
                        what: item.what,
                        name: item.name,
                        reason: messageSentence(item.reason),
                        closest: item.closest.join(', '),
                      })
                    : t('policyCode.report.unresolved', {
                        what: item.what,
                        name: item.name,
                        reason: messageSentence(item.reason),
                      })}
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : (
        <p className="import-report-ok" role="status">
          <Icon name="check" size={13} /> {t('policyCode.report.allResolved')}
        </p>
      )}
      {resolved.length > 0 ? (
        <details className="import-report-resolved">
          <summary>{t('policyCode.report.resolved', { count: resolved.length })}</summary>
          <ul>
            {resolved.map((item) => (
              <li key={`${item.what}:${item.from}`}>
                {t('policyCode.report.resolvedItem', { what: item.what, from: item.from, to: item.to })}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
