/**
 * One health problem: the token (its name opens the detail), what is wrong, the actions that fix
 * it, and snooze or ignore. Roll and delete are handed to the view, which opens their dialogs.
 */
import { useState } from 'react';
import type { TokenRow } from '../../../shared/domain';
import type { HealthAction, HealthProblem } from '../../../shared/health/health-schemas';
import { Button } from '../../components/button';
import { Icon } from '../../components/icons';
import { MenuButton } from '../../components/menu';
import type { MessageKey } from '../../../shared/i18n';
import { describeError, messageText } from '../../lib/error-copy';
import { formatDay, sentence } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { useMessageSentence } from '../../lib/message-sentence';
import { useHealthStore, type ProblemRef } from '../../stores/health-store';
import { toast } from '../../stores/toast-store';
import { useTokensStore } from '../../stores/tokens-store';
import { useUiStore } from '../../stores/ui-store';

const ACTION_LABEL = {
  roll: 'health.action.roll',
  edit_expiry: 'health.action.editExpiry',
  edit: 'health.action.edit',
  disable: 'health.action.disable',
  delete: 'health.action.delete',
} as const satisfies Record<HealthAction, MessageKey>;

const SNOOZE_DAYS = [1, 7, 30, 90];

export type OpenDialog = { kind: 'roll' | 'delete'; row: TokenRow } | null;

function problemRef(problem: HealthProblem): ProblemRef | null {
  if (!problem.token || problem.kind === 'quota_near_full') return null;
  return {
    profileId: problem.token.profileId,
    tokenId: problem.token.tokenId,
    kind: problem.kind,
  };
}

export function ProblemRow({
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
  const t = useT();
  const words = useMessageSentence();
  const what = sentence(words(problem.message));

  const act = async (action: HealthAction): Promise<void> => {
    if (!row) return;
    if (action === 'roll' || action === 'delete') onOpen({ kind: action, row });
    else if (action === 'edit' || action === 'edit_expiry')
      openDialog({ kind: 'wizard', target: { mode: 'edit', tokenKey: row.key } });
    else {
      setBusy(true);
      const result = await useTokensStore.getState().setStatus(row, 'disabled');
      setBusy(false);
      if (result.ok) toast('success', t('health.toast.disabled', { name: row.name }));
      else
        toast(
          'danger',
          t('health.toast.notDisabled', { name: row.name, reason: describeError(result.error).title }),
          messageText(result.error),
        );
    }
  };

  const dismiss = async (days: number | null): Promise<void> => {
    if (!ref) return;
    const result = await useHealthStore.getState().dismiss(ref, days);
    if (!result.ok) toast('danger', t('health.toast.notSaved'), messageText(result.error));
    else
      toast(
        'info',
        days === null
          ? t('health.toast.ignored', { name: token?.name ?? '' })
          : t('health.toast.snoozed', { name: token?.name ?? '', day: formatDay(result.value.until) ?? '' }),
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
            <span>{t('health.quota.title')}</span>
          )}
          {token ? (
            <span className="muted problem-where">
              {' '}
              · {token.profileLabel}
              {token.accountName ? ` · ${token.accountName}` : ''}
            </span>
          ) : null}
        </p>
        <p className="problem-message">{what}</p>
        {problem.actionsNote ? <p className="problem-note muted">{words(problem.actionsNote)}</p> : null}
      </div>
      <div className="problem-actions">
        {problem.actions.map((action) => (
          <Button
            key={action}
            size="sm"
            variant={action === 'delete' ? 'danger-ghost' : 'secondary'}
            busy={busy && action === 'disable'}
            disabledReason={row ? null : t('health.notInList')}
            onClick={() => void act(action)}
          >
            {t(ACTION_LABEL[action])}
          </Button>
        ))}
        {ref ? (
          <>
            <MenuButton
              size="sm"
              variant="ghost"
              label={t('health.snooze.label')}
              iconAfter="chevron-down"
              align="end"
              aria-label={t('health.snooze.aria', { name: token?.name ?? '', problem: what })}
              items={SNOOZE_DAYS.map((days) => ({
                id: String(days),
                label: t('health.snooze.for', { days }),
                onSelect: () => void dismiss(days),
              }))}
            />
            <Button
              size="sm"
              variant="ghost"
              aria-label={t('health.ignore.aria', { name: token?.name ?? '', problem: what })}
              onClick={() => void dismiss(null)}
            >
              {t('health.ignore.label')}
            </Button>
          </>
        ) : null}
      </div>
    </li>
  );
}
