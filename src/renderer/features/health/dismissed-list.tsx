/**
 * What is snoozed or ignored, folded away, each with Restore.
 */
import type { HealthReport } from '../../../shared/health/health-schemas';
import { Button } from '../../components/button';
import { formatDay, sentence } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { useMessageSentence } from '../../lib/message-sentence';
import { useHealthStore } from '../../stores/health-store';

export function DismissedList({
  dismissed,
}: {
  dismissed: HealthReport['dismissed'];
}): React.JSX.Element | null {
  const t = useT();
  const words = useMessageSentence();
  if (dismissed.length === 0) return null;
  return (
    <details className="health-dismissed">
      <summary>{t('health.dismissed.summary', { count: dismissed.length })}</summary>
      <ul className="problem-list">
        {dismissed.map((d) => (
          <li key={`${d.kind}:${d.profileId}:${d.tokenId}`} className="problem problem-dismissed">
            <div className="problem-text">
              <p className="problem-title">{d.tokenName ?? d.tokenId}</p>
              <p className="problem-message">
                {sentence(words(d.message))} ·{' '}
                {d.until === null
                  ? t('health.dismissed.ignored')
                  : t('health.dismissed.snoozedUntil', { day: formatDay(d.until) ?? d.until })}
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
                {t('health.dismissed.restore')}
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </details>
  );
}
