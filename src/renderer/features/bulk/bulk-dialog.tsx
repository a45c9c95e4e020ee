/**
 * One bulk action, start to end: the plan (exactly what will be sent, per profile and account,
 * and what is left out and why), then progress while each write is sent once, then every token's
 * outcome with the partial-failure wording, and "Enable again" after a disable.
 */
import type { BulkAction, BulkOutcome, BulkPlanGroup, BulkResult } from '../../../shared/bulk/bulk-schemas';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { DialogFooter } from '../../components/dialog-footer';
import { ErrorCallout } from '../../components/error-callout';
import { Icon } from '../../components/icons';
import { plural } from '../../lib/format';
import { useBulkStore, type BulkFlow } from '../../stores/bulk-store';

const TITLE: Record<BulkAction, string> = {
  disable: 'Disable tokens',
  enable: 'Enable tokens',
  verify: 'Verify tokens',
  delete: 'Delete tokens',
};

const VERB: Record<BulkAction, string> = {
  disable: 'Disable',
  enable: 'Enable',
  verify: 'Verify',
  delete: 'Delete',
};

const WILL: Record<BulkAction, string> = {
  disable: 'will be disabled',
  enable: 'will be enabled',
  verify: 'will be verified with their kept secret',
  delete: 'will be deleted for good',
};

const OUTCOME_WORD: Record<BulkOutcome, string> = {
  done: 'Done',
  failed: 'Failed',
  uncertain: 'May have happened',
  not_sent: 'Not sent',
  skipped: 'Left out',
};

const OUTCOME_TONE: Record<BulkOutcome, string> = {
  done: 'ok',
  failed: 'danger',
  uncertain: 'warn',
  not_sent: 'neutral',
  skipped: 'neutral',
};

function PlanGroup({ group, action }: { group: BulkPlanGroup; action: BulkAction }): React.JSX.Element {
  return (
    <section className="bulk-group" aria-label={`${group.profileLabel} · ${group.ownerLabel}`}>
      <h3 className="bulk-group-title">
        {group.profileLabel} <span className="muted">· {group.ownerLabel}</span>
      </h3>
      {group.send.length > 0 ? (
        <>
          <p className="bulk-group-line">
            {plural(group.send.length, 'token')} {WILL[action]}:
          </p>
          <ul className="bulk-names">
            {group.send.map((token) => (
              <li key={token.key}>{token.name}</li>
            ))}
          </ul>
        </>
      ) : null}
      {group.skip.length > 0 ? (
        <>
          <p className="bulk-group-line muted">Left out:</p>
          <ul className="bulk-names bulk-skipped">
            {group.skip.map((skip) => (
              <li key={skip.token.key}>
                {skip.token.name} <span className="muted">— {skip.reason}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function Results({ results }: { results: BulkResult[] }): React.JSX.Element {
  return (
    <ul className="bulk-results" aria-label="Each token">
      {results.map((result) => (
        <li key={result.token.key} className="bulk-result">
          <span className={`badge badge-${OUTCOME_TONE[result.outcome]}`}>
            <span className="badge-dot" aria-hidden="true" />
            {OUTCOME_WORD[result.outcome]}
          </span>
          <span className="bulk-result-name">{result.token.name}</span>
          {result.message ? <span className="bulk-result-message muted">{result.message}</span> : null}
        </li>
      ))}
    </ul>
  );
}

export function BulkDialog({ flow }: { flow: BulkFlow }): React.JSX.Element {
  const store = useBulkStore.getState();
  const { action, phase, plan, run, progress, error } = flow;
  const running = phase === 'running';
  const close = (): void => {
    if (!running) store.closeFlow();
  };

  let body: React.JSX.Element;
  let footer: React.JSX.Element;
  if (phase === 'planning') {
    body = (
      <p className="loading-state" role="status">
        <span className="spinner" aria-hidden="true" /> Working out what would be sent…
      </p>
    );
    footer = <DialogFooter onCancel={close} busy={false} primary={null} />;
  } else if (phase === 'planned') {
    body = (
      <>
        {error ? <ErrorCallout error={error} /> : null}
        {plan ? (
          <>
            <p className="bulk-summary" data-testid="bulk-summary">
              {plan.summary}
            </p>
            {plan.groups.map((group) => (
              <PlanGroup key={`${group.profileId}|${group.accountId ?? ''}`} group={group} action={action} />
            ))}
          </>
        ) : null}
      </>
    );
    footer = (
      <DialogFooter
        onCancel={close}
        busy={false}
        primary={
          plan
            ? {
                label:
                  plan.sendCount > 0 ? `${VERB[action]} ${plural(plan.sendCount, 'token')}` : VERB[action],
                variant: action === 'delete' || action === 'disable' ? 'danger' : 'primary',
                disabledReason: plan.sendCount === 0 ? 'Nothing is left to send' : null,
                onClick: () => void store.confirm(),
              }
            : null
        }
      />
    );
  } else if (running) {
    const done = progress?.done ?? 0;
    const total = progress?.total ?? plan?.sendCount ?? 0;
    body = (
      <div className="bulk-progress" role="status" aria-live="polite">
        <progress max={Math.max(1, total)} value={done} aria-label="Requests sent" />
        <p>
          {done} of {plural(total, 'request')} answered
          {progress?.last ? ` · last: ${progress.last.token.name}` : ''}. Each is sent once; please wait.
        </p>
      </div>
    );
    footer = <DialogFooter onCancel={close} busy primary={{ label: `${VERB[action]}…` }} />;
  } else {
    const disabledSome = action === 'disable' && (run?.counts.done ?? 0) > 0;
    body = (
      <>
        {error ? <ErrorCallout error={error} /> : null}
        {run ? (
          <>
            <p
              className={`bulk-summary${run.counts.failed + run.counts.uncertain + run.counts.notSent > 0 ? ' bulk-summary-warn' : ''}`}
              role="status"
              data-testid="bulk-outcome"
            >
              <Icon name={run.counts.failed + run.counts.uncertain > 0 ? 'alert' : 'check'} size={14} />{' '}
              {run.summary}
            </p>
            <Results results={run.results} />
          </>
        ) : null}
      </>
    );
    footer = (
      <DialogFooter
        onCancel={close}
        cancelLabel="Close"
        busy={false}
        primary={null}
        lead={
          disabledSome ? (
            <Button icon="check" onClick={() => void store.enableAgain()}>
              Enable again
            </Button>
          ) : undefined
        }
      />
    );
  }

  return (
    <Dialog
      title={TITLE[action]}
      description={running ? 'Sending…' : undefined}
      onClose={close}
      dismissible={!running}
      closable={!running}
      footer={footer}
      size="md"
      testId="bulk-dialog"
    >
      {body}
    </Dialog>
  );
}
