/**
 * What is snoozed or ignored, folded away, each with Restore.
 */
import type { HealthReport } from '../../../shared/health/health-schemas';
import { Button } from '../../components/button';
import { formatDay, plural, sentence } from '../../lib/format';
import { useHealthStore } from '../../stores/health-store';

export function DismissedList({
  dismissed,
}: {
  dismissed: HealthReport['dismissed'];
}): React.JSX.Element | null {
  if (dismissed.length === 0) return null;
  return (
    <details className="health-dismissed">
      <summary>{plural(dismissed.length, 'problem')} snoozed or ignored</summary>
      <ul className="problem-list">
        {dismissed.map((d) => (
          <li key={`${d.kind}:${d.profileId}:${d.tokenId}`} className="problem problem-dismissed">
            <div className="problem-text">
              <p className="problem-title">{d.tokenName ?? d.tokenId}</p>
              <p className="problem-message">
                {sentence(d.message)} ·{' '}
                {d.until === null ? 'ignored' : `snoozed until ${formatDay(d.until) ?? d.until}`}
              </p>
            </div>
            <div className="problem-actions">
              <Button
                size="sm"
                variant="ghost"
                onClick={() =>
                  void useHealthStore
                    .getState()
                    .restore({ profileId: d.profileId, tokenId: d.tokenId, kind: d.kind })
                }
              >
                Restore
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </details>
  );
}
