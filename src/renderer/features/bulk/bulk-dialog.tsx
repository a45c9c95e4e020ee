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
import type { MessageKey } from '../../../shared/i18n';
import { shortId } from '../../../shared/policy/labels';
import { currentLocale, useT } from '../../lib/i18n';
import { useMessageSentence } from '../../lib/message-sentence';
import { useBulkStore, type BulkFlow } from '../../stores/bulk-store';

/** Each action's words: the dialog's title, the plan's line, the primary button and its busy label. */
const WORDS = {
  disable: {
    title: 'bulk.title.disable',
    will: 'bulk.will.disable',
    confirm: 'bulk.confirm.disable',
    busy: 'bulk.busy.disable',
  },
  enable: {
    title: 'bulk.title.enable',
    will: 'bulk.will.enable',
    confirm: 'bulk.confirm.enable',
    busy: 'bulk.busy.enable',
  },
  verify: {
    title: 'bulk.title.verify',
    will: 'bulk.will.verify',
    confirm: 'bulk.confirm.verify',
    busy: 'bulk.busy.verify',
  },
  delete: {
    title: 'bulk.title.delete',
    will: 'bulk.will.delete',
    confirm: 'bulk.confirm.delete',
    busy: 'bulk.busy.delete',
  },
} as const satisfies Record<BulkAction, Record<'title' | 'will' | 'confirm' | 'busy', MessageKey>>;

const OUTCOME_WORD = {
  done: 'bulk.outcome.done',
  failed: 'bulk.outcome.failed',
  uncertain: 'bulk.outcome.uncertain',
  not_sent: 'bulk.outcome.notSent',
  skipped: 'bulk.outcome.skipped',
} as const satisfies Record<BulkOutcome, MessageKey>;

const OUTCOME_TONE: Record<BulkOutcome, string> = {
  done: 'ok',
  failed: 'danger',
  uncertain: 'warn',
  not_sent: 'neutral',
  skipped: 'neutral',
};

function PlanGroup({ group, action }: { group: BulkPlanGroup; action: BulkAction }): React.JSX.Element {
  const t = useT();
  // The login's user tokens, or an account by its name (its short id when the cache has none), in the window's words.
  const owner =
    group.accountId === null
      ? t('bulk.userTokens')
      : t('policy.resource.account', { account: group.accountName ?? shortId(group.accountId) });
  const words = useMessageSentence();
  return (
    <section className="bulk-group" aria-label={`${group.profileLabel} · ${owner}`}>
      <h3 className="bulk-group-title">
        {group.profileLabel} <span className="muted">· {owner}</span>
      </h3>
      {group.send.length > 0 ? (
        <>
          <p className="bulk-group-line">{t(WORDS[action].will, { count: group.send.length })}</p>
          <ul className="bulk-names">
            {group.send.map((token) => (
              <li key={token.key}>{token.name}</li>
            ))}
          </ul>
        </>
      ) : null}
      {group.skip.length > 0 ? (
        <>
          <p className="bulk-group-line muted">{t('bulk.leftOut')}</p>
          <ul className="bulk-names bulk-skipped">
            {group.skip.map((skip) => (
              <li key={skip.token.key}>
                {skip.token.name} <span className="muted">— {words(skip.reason)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function Results({ results }: { results: BulkResult[] }): React.JSX.Element {
  const t = useT();
  const words = useMessageSentence();
  return (
    <ul className="bulk-results" aria-label={t('bulk.results')}>
      {results.map((result) => (
        <li key={result.token.key} className="bulk-result">
          <span className={`badge badge-${OUTCOME_TONE[result.outcome]}`}>
            <span className="badge-dot" aria-hidden="true" />
            {t(OUTCOME_WORD[result.outcome])}
          </span>
          <span className="bulk-result-name">{result.token.name}</span>
          {result.message ? <span className="bulk-result-message muted">{words(result.message)}</span> : null}
        </li>
      ))}
    </ul>
  );
}

export function BulkDialog({ flow }: { flow: BulkFlow }): React.JSX.Element {
  const store = useBulkStore.getState();
  const { action, phase, plan, run, progress, error } = flow;
  const running = phase === 'running';
  const t = useT();
  const words = useMessageSentence();
  const close = (): void => {
    if (!running) store.closeFlow();
  };

  let body: React.JSX.Element;
  let footer: React.JSX.Element;
  if (phase === 'planning') {
    body = (
      <p className="loading-state" role="status">
        <span className="spinner" aria-hidden="true" /> {t('bulk.planning')}
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
              {words(plan.summary)}
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
                label: t(WORDS[action].confirm, { count: plan.sendCount }),
                variant: action === 'delete' || action === 'disable' ? 'danger' : 'primary',
                disabledReason: plan.sendCount === 0 ? t('bulk.nothingToSend') : null,
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
        <progress max={Math.max(1, total)} value={done} aria-label={t('bulk.progress.label')} />
        <p>
          {progress?.last
            ? t('bulk.progress.answeredLast', { done, total, last: progress.last.token.name })
            : t('bulk.progress.answered', { done, total })}
        </p>
      </div>
    );
    footer = <DialogFooter onCancel={close} busy primary={{ label: t(WORDS[action].busy) }} />;
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
              {/* Chinese runs its sentences on after 。; English puts a space between them. */}
              {run.summary.map(words).join(currentLocale() === 'zh-CN' ? '' : ' ')}
            </p>
            <Results results={run.results} />
          </>
        ) : null}
      </>
    );
    footer = (
      <DialogFooter
        onCancel={close}
        cancelLabel={t('common.actions.close')}
        busy={false}
        primary={null}
        lead={
          disabledSome ? (
            <Button icon="check" onClick={() => void store.enableAgain()}>
              {t('bulk.enableAgain')}
            </Button>
          ) : undefined
        }
      />
    );
  }

  return (
    <Dialog
      title={t(WORDS[action].title)}
      description={running ? t('bulk.sending') : undefined}
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
