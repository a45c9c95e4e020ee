/**
 * Token quotas as meters: a login's user tokens and each account's tokens, marked from 90 %.
 */
import type { HealthReport } from '../../../shared/health/health-schemas';

export function QuotaStrip({ quotas }: { quotas: HealthReport['quotas'] }): React.JSX.Element | null {
  if (quotas.length === 0) return null;
  return (
    <ul className="quota-strip" aria-label="Token quotas">
      {quotas.map((q) => (
        <li
          key={`${q.scope}:${q.accountId ?? q.profileIds.join(',')}`}
          className={`quota${q.used >= q.limit * 0.9 ? ' quota-near' : ''}`}
        >
          <span className="quota-label">
            {q.scope === 'user' ? `User tokens of ${q.label}` : `Tokens of account ${q.label}`}
          </span>
          <meter
            min={0}
            max={q.limit}
            high={q.limit * 0.9}
            value={q.used}
            aria-label={`${q.label}: ${q.used} of ${q.limit}`}
          />
          <span className="quota-count">
            {q.used}/{q.limit}
          </span>
        </li>
      ))}
    </ul>
  );
}
