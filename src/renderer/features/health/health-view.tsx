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
import type { MessageKey } from '../../../shared/i18n';
import { useT } from '../../lib/i18n';
import { messageSentence } from '../../lib/message-sentence';
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

const HEADING = {
  danger: 'health.severity.danger',
  warning: 'health.severity.warning',
  info: 'health.severity.info',
} as const satisfies Record<HealthSeverity, MessageKey>;

/** The groups, most urgent first. */
const SEVERITIES: readonly HealthSeverity[] = ['danger', 'warning', 'info'];

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
  const t = useT();
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
              {t('health.tryAgain')}
            </Button>
          }
        />
      </div>
    );
  } else if (!report) {
    body = (
      <div className="loading-state" role="status">
        <span className="spinner" aria-hidden="true" /> {t('health.loading')}
      </div>
    );
  } else if (report.problems.length === 0) {
    body = (
      <EmptyState icon="check" title={t('health.empty.title')} testId="health-empty">
        <p>{t('health.empty.body')}</p>
      </EmptyState>
    );
  } else {
    body = (
      <div className="health-body" data-testid="health-list">
        {report.secretFormatNote ? (
          <p className="callout callout-warn callout-compact">{messageSentence(report.secretFormatNote)}</p>
        ) : null}
        {SEVERITIES.map((severity) => {
          const problems = report.problems.filter((p) => p.severity === severity);
          if (problems.length === 0) return null;
          return (
            <section key={severity} className="health-group" aria-labelledby={`health-${severity}`}>
              <h2 id={`health-${severity}`} className={`health-group-title health-${severity}`}>
                {t(HEADING[severity])} <span className="health-count">{problems.length}</span>
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
                  {t('health.showMore', {
                    count: Math.min(PAGE * 5, problems.length - shownPerSeverity[severity]),
                    remaining: problems.length - shownPerSeverity[severity],
                  })}
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
          <h1 id="health-title">{t('health.title')}</h1>
          <p className="toolbar-subtitle">
            {counts ? t('health.counts', { ...counts }) : t('health.subtitle')}
          </p>
        </div>
        <Button icon="sync" busy={state === 'loading'} onClick={() => void useHealthStore.getState().load()}>
          {t('health.checkAgain')}
        </Button>
      </header>
      {report ? <QuotaStrip quotas={report.quotas} /> : null}
      <div className="tokens-body health-scroll">{body}</div>
      {dialog?.kind === 'roll' ? <RollDialog row={dialog.row} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'delete' ? <DeleteDialog row={dialog.row} onClose={() => setDialog(null)} /> : null}
    </section>
  );
}
