/**
 * What happened to a token, newest first: changes Keyflare made and changes a sync noticed.
 */
import type { HistoryEntry } from '../../../shared/domain';
import { Icon, type IconName } from '../../components/icons';
import { RelativeTime } from '../../components/relative-time';
import { useT } from '../../lib/i18n';
import { useMessageSentence } from '../../lib/message-sentence';

const HISTORY_ICON: Record<HistoryEntry['kind'], IconName> = {
  created: 'plus',
  modified: 'edit',
  status_changed: 'power',
  rolled: 'roll',
  policies_changed: 'shield',
  deleted: 'trash',
  secret_removed: 'key',
  rotation: 'roll',
};

export function TokenHistory({ entries, now }: { entries: HistoryEntry[]; now: Date }): React.JSX.Element {
  const t = useT();
  const words = useMessageSentence();
  if (entries.length === 0) return <p className="muted">{t('tokenDetail.history.empty')}</p>;
  const sorted = [...entries].sort((a, b) => (a.at < b.at ? 1 : -1));
  return (
    <ol className="timeline">
      {sorted.map((entry) => (
        <li key={entry.id} className="timeline-item">
          <span className="timeline-icon" aria-hidden="true">
            <Icon name={HISTORY_ICON[entry.kind]} size={12} />
          </span>
          <div>
            <p className="timeline-summary">{words(entry.message)}</p>
            <p className="muted timeline-meta">
              <RelativeTime iso={entry.at} now={now} /> ·{' '}
              {t(
                entry.source === 'keyflare'
                  ? 'tokenDetail.history.byKeyflare'
                  : 'tokenDetail.history.seenAtSync',
              )}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
