/**
 * A date shown relative to now ("in 3 days"), with the exact time on hover and for machines.
 */
import { formatDateTime, formatRelative, toTime } from '../lib/format';

export interface RelativeTimeProps {
  iso: string | null;
  now?: Date;
  /** Shown when there is no date, e.g. "Never". */
  fallback?: string;
}

export function RelativeTime({ iso, now, fallback = '—' }: RelativeTimeProps): React.JSX.Element {
  if (toTime(iso) === null) return <span className="muted">{fallback}</span>;
  return (
    <time dateTime={iso ?? undefined} title={formatDateTime(iso) ?? undefined}>
      {formatRelative(iso, now)}
    </time>
  );
}
