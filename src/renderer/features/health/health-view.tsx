/**
 * The Health view: every problem across logins, grouped by severity with counts, each row with
 * the actions that fix it (roll, edit expiry, edit, disable, delete), snooze for N days and
 * ignore for this token; quotas; and what is snoozed or ignored, with restore.
 *
 * The report is main's (health.list, with the user's thresholds and Keyflare's roll history). It
 * is read again whenever the inventory changes, so a fix made here or elsewhere shows at once.
 * Roll and delete open the same dialogs as the detail panel; a token's name opens its detail.
 */
import { useEffect, useState } from 'react';
import type { HealthSeverity } from '../../../shared/health/health-schemas';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { ErrorCallout } from '../../components/error-callout';
import { useHealthStore } from '../../stores/health-store';
import { useTokensStore } from '../../stores/tokens-store';
import { DismissedList } from './dismissed-list';
import { ProblemRow, type OpenDialog } from './problem-row';
import { QuotaStrip } from './quota-strip';
import { DeleteDialog } from '../token-detail/delete-dialog';
import { RollDialog } from '../token-detail/roll-dialog';

const HEADING: Record<HealthSeverity, string> = {
  danger: 'Act now',
  warning: 'To fix',
  info: 'Worth knowing',
};

/**
 * Rows shown per severity at first, and how many more each "Show more" adds: thousands of tokens
 * can have thousands of problems, and the list is not virtualised like the token table.
 */
const PAGE = 100;

export function HealthView(): React.JSX.Element {
  const report = useHealthStore((s) => s.report);
  const state = useHealthStore((s) => s.state);
  const error = useHealthStore((s) => s.error);
  const rows = useTokensStore((s) => s.rows);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [shownPerSeverity, setShownPerSeverity] = useState<Record<HealthSeverity, number>>({
    danger: PAGE,
    warning: PAGE,
    info: PAGE,
  });

  // Read again whenever the inventory changes (a fix here, a sync, a bulk action).
  useEffect(() => {
    void useHealthStore.getState().load();
  }, [rows]);

  let body: React.JSX.Element;
  if (state === 'error' && error) {
    body = (
      <div className="content-pad">
        <ErrorCallout
          error={error}
          action={
            <Button size="sm" onClick={() => void useHealthStore.getState().load()}>
              Try again
            </Button>
          }
        />
      </div>
    );
  } else if (!report) {
    body = (
      <div className="loading-state" role="status">
        <span className="spinner" aria-hidden="true" /> Checking every login’s tokens…
      </div>
    );
  } else if (report.problems.length === 0) {
    body = (
      <EmptyState icon="check" title="Nothing needs care" testId="health-empty">
        <p>No token of any login is expired, close to expiring, due for a roll or reaching too far.</p>
      </EmptyState>
    );
  } else {
    body = (
      <div className="health-body" data-testid="health-list">
        {report.secretFormatNote ? (
          <p className="callout callout-warn callout-compact">{report.secretFormatNote}</p>
        ) : null}
        {(['danger', 'warning', 'info'] as const).map((severity) => {
          const problems = report.problems.filter((p) => p.severity === severity);
          if (problems.length === 0) return null;
          return (
            <section key={severity} className="health-group" aria-labelledby={`health-${severity}`}>
              <h2 id={`health-${severity}`} className={`health-group-title health-${severity}`}>
                {HEADING[severity]} <span className="health-count">{problems.length}</span>
              </h2>
              <ul className="problem-list">
                {problems.slice(0, shownPerSeverity[severity]).map((problem) => (
                  <ProblemRow key={problem.id} problem={problem} onOpen={setDialog} />
                ))}
              </ul>
              {problems.length > shownPerSeverity[severity] ? (
                <Button
                  size="sm"
                  variant="ghost"
                  className="health-more"
                  onClick={() =>
                    setShownPerSeverity((shown) => ({ ...shown, [severity]: shown[severity] + PAGE * 5 }))
                  }
                >
                  Show {Math.min(PAGE * 5, problems.length - shownPerSeverity[severity])} more of{' '}
                  {problems.length - shownPerSeverity[severity]}
                </Button>
              ) : null}
            </section>
          );
        })}
        <DismissedList dismissed={report.dismissed} />
      </div>
    );
  }

  const counts = report?.counts;
  return (
    <section className="health-view" aria-labelledby="health-title">
      <header className="toolbar">
        <div className="toolbar-title">
          <h1 id="health-title">Health</h1>
          <p className="toolbar-subtitle">
            {counts
              ? `${counts.danger} to act on now · ${counts.warning} to fix · ${counts.info} worth knowing`
              : 'What to roll, fix or delete across every login'}
          </p>
        </div>
        <Button icon="sync" busy={state === 'loading'} onClick={() => void useHealthStore.getState().load()}>
          Check again
        </Button>
      </header>
      {report ? <QuotaStrip quotas={report.quotas} /> : null}
      <div className="tokens-body health-scroll">{body}</div>
      {dialog?.kind === 'roll' ? <RollDialog row={dialog.row} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'delete' ? <DeleteDialog row={dialog.row} onClose={() => setDialog(null)} /> : null}
    </section>
  );
}
