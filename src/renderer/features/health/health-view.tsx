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
import type { TokenRow } from '../../../shared/domain';
import type { HealthAction, HealthProblem, HealthSeverity } from '../../../shared/health/health-schemas';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { ErrorCallout } from '../../components/error-callout';
import { Icon } from '../../components/icons';
import { MenuButton } from '../../components/menu';
import { describeError } from '../../lib/error-copy';
import { formatDay, plural, sentence } from '../../lib/format';
import { useHealthStore, type ProblemRef } from '../../stores/health-store';
import { toast } from '../../stores/toast-store';
import { useTokensStore } from '../../stores/tokens-store';
import { useUiStore } from '../../stores/ui-store';
import { DeleteDialog } from '../token-detail/delete-dialog';
import { RollDialog } from '../token-detail/roll-dialog';

const HEADING: Record<HealthSeverity, string> = {
  danger: 'Act now',
  warning: 'To fix',
  info: 'Worth knowing',
};

const ACTION_LABEL: Record<HealthAction, string> = {
  roll: 'Roll',
  edit_expiry: 'Edit expiry',
  edit: 'Edit',
  disable: 'Disable',
  delete: 'Delete',
};

const SNOOZE_DAYS = [1, 7, 30, 90];

/**
 * Rows shown per severity at first, and how many more each "Show more" adds: thousands of tokens
 * can have thousands of problems, and the list is not virtualised like the token table.
 */
const PAGE = 100;

type OpenDialog = { kind: 'roll' | 'delete'; row: TokenRow } | null;

function problemRef(problem: HealthProblem): ProblemRef | null {
  if (!problem.token || problem.kind === 'quota_near_full') return null;
  return {
    profileId: problem.token.profileId,
    tokenId: problem.token.tokenId,
    kind: problem.kind,
  };
}

function ProblemRow({
  problem,
  onOpen,
}: {
  problem: HealthProblem;
  onOpen: (dialog: NonNullable<OpenDialog>) => void;
}): React.JSX.Element {
  const row = useTokensStore((s) => s.rows.find((r) => r.key === problem.token?.key) ?? null);
  const select = useUiStore((s) => s.select);
  const openDialog = useUiStore((s) => s.openDialog);
  const [busy, setBusy] = useState(false);
  const ref = problemRef(problem);
  const token = problem.token;

  const act = async (action: HealthAction): Promise<void> => {
    if (!row) return;
    if (action === 'roll' || action === 'delete') onOpen({ kind: action, row });
    else if (action === 'edit' || action === 'edit_expiry')
      openDialog({ kind: 'wizard', target: { mode: 'edit', tokenKey: row.key } });
    else {
      setBusy(true);
      const result = await useTokensStore.getState().setStatus(row, 'disabled');
      setBusy(false);
      if (result.ok) toast('success', `“${row.name}” disabled`);
      else
        toast(
          'danger',
          `“${row.name}” was not disabled: ${describeError(result.error).title}`,
          result.error.message,
        );
    }
  };

  const dismiss = async (days: number | null): Promise<void> => {
    if (!ref) return;
    const result = await useHealthStore.getState().dismiss(ref, days);
    if (!result.ok) toast('danger', 'Not saved', result.error.message);
    else
      toast(
        'info',
        days === null
          ? `Ignored for “${token?.name ?? ''}”`
          : `Snoozed until ${formatDay(result.value.until) ?? ''} for “${token?.name ?? ''}”`,
      );
  };

  return (
    <li className={`problem problem-${problem.severity}`} data-problem={problem.kind}>
      <Icon name={problem.severity === 'info' ? 'info' : 'alert'} size={14} className="problem-icon" />
      <div className="problem-text">
        <p className="problem-title">
          {token ? (
            <button type="button" className="link-button" onClick={() => select(token.key, true)}>
              {token.name}
            </button>
          ) : (
            <span>Quota</span>
          )}
          {token ? (
            <span className="muted problem-where">
              {' '}
              · {token.profileLabel}
              {token.accountName ? ` · ${token.accountName}` : ''}
            </span>
          ) : null}
        </p>
        <p className="problem-message">{sentence(problem.message)}</p>
        {problem.actionsNote ? <p className="problem-note muted">{problem.actionsNote}</p> : null}
      </div>
      <div className="problem-actions">
        {problem.actions.map((action) => (
          <Button
            key={action}
            size="sm"
            variant={action === 'delete' ? 'danger-ghost' : 'secondary'}
            busy={busy && action === 'disable'}
            disabledReason={row ? null : 'Sync: this token is not in the list any more'}
            onClick={() => void act(action)}
          >
            {ACTION_LABEL[action]}
          </Button>
        ))}
        {ref ? (
          <>
            <MenuButton
              size="sm"
              variant="ghost"
              label="Snooze"
              iconAfter="chevron-down"
              align="end"
              aria-label={`Snooze: ${token?.name ?? ''}, “${problem.message}”`}
              items={SNOOZE_DAYS.map((days) => ({
                id: String(days),
                label: `For ${plural(days, 'day')}`,
                onSelect: () => void dismiss(days),
              }))}
            />
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Ignore for this token: ${token?.name ?? ''}, “${problem.message}”`}
              onClick={() => void dismiss(null)}
            >
              Ignore for this token
            </Button>
          </>
        ) : null}
      </div>
    </li>
  );
}

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
        {report.dismissed.length > 0 ? (
          <details className="health-dismissed">
            <summary>{plural(report.dismissed.length, 'problem')} snoozed or ignored</summary>
            <ul className="problem-list">
              {report.dismissed.map((d) => (
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
        ) : null}
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
      {report && report.quotas.length > 0 ? (
        <ul className="quota-strip" aria-label="Token quotas">
          {report.quotas.map((q) => (
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
      ) : null}
      <div className="tokens-body health-scroll">{body}</div>
      {dialog?.kind === 'roll' ? <RollDialog row={dialog.row} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'delete' ? <DeleteDialog row={dialog.row} onClose={() => setDialog(null)} /> : null}
    </section>
  );
}
