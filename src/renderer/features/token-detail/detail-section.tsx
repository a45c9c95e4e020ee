/**
 * The detail panel's building blocks: a titled section, and a date row that reads both as a
 * date and as "in 2 months" (people scan for the relative time, audits need the exact one).
 */
import { RelativeTime } from '../../components/relative-time';
import { formatDateTime } from '../../lib/format';

export function Section({
  title,
  children,
  id,
}: {
  title: string;
  children: React.ReactNode;
  id: string;
}): React.JSX.Element {
  return (
    <section className="detail-section" aria-labelledby={id}>
      <h3 id={id} className="detail-heading">
        {title}
      </h3>
      {children}
    </section>
  );
}

export function DateRow({
  label,
  iso,
  now,
  fallback,
}: {
  label: string;
  iso: string | null;
  now: Date;
  fallback: string;
}): React.JSX.Element {
  return (
    <div className="kv">
      <dt>{label}</dt>
      <dd>
        {iso ? (
          <>
            <span>{formatDateTime(iso)}</span>{' '}
            <span className="muted">
              (<RelativeTime iso={iso} now={now} />)
            </span>
          </>
        ) : (
          <span className="muted">{fallback}</span>
        )}
      </dd>
    </div>
  );
}
