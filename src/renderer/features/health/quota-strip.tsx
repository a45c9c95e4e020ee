/**
 * Token quotas as meters: a login's user tokens and each account's tokens, marked from 90 %.
 */
import type { HealthReport } from '../../../shared/health/health-schemas';
import { formatNumber } from '../../lib/format';
import { useT } from '../../lib/i18n';

export function QuotaStrip({ quotas }: { quotas: HealthReport['quotas'] }): React.JSX.Element | null {
  const t = useT();
  if (quotas.length === 0) return null;
  return (
    <ul className="quota-strip" aria-label={t('health.quota.label')}>
      {quotas.map((q) => (
        <li
          key={`${q.scope}:${q.accountId ?? q.profileIds.join(',')}`}
          className={`quota${q.used >= q.limit * 0.9 ? ' quota-near' : ''}`}
        >
          <span className="quota-label">
            {q.scope === 'user'
              ? t('health.quota.user', { label: q.label })
              : t('health.quota.account', { label: q.label })}
          </span>
          <meter
            min={0}
            max={q.limit}
            high={q.limit * 0.9}
            value={q.used}
            aria-label={t('health.quota.meter', { label: q.label, used: q.used, limit: q.limit })}
          />
          <span className="quota-count">
            {formatNumber(q.used)}/{formatNumber(q.limit)}
          </span>
        </li>
      ))}
    </ul>
  );
}
