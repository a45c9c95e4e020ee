/**
 * The create / edit wizard: template, permissions and resources, IP filter and dates, review,
 * then (create only) the show-once secret.
 *
 * Its state is one reducer (`wizard-model.ts`) and its calls one data hook
 * (`use-wizard-data.ts`); this component only lays out the step in view. Live feedback comes from
 * the shared validateDraft/describeDraft on the cached accounts, zones and permission groups; the
 * authoritative summary, JSON body and endpoint come from tokens.preview.
 */
import { useReducer } from 'react';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { DialogFooter, type PrimaryAction } from '../../components/dialog-footer';
import { ErrorCallout } from '../../components/error-callout';
import { Icon } from '../../components/icons';
import { useT } from '../../lib/i18n';
import { useAppStore } from '../../stores/app-store';
import { useProfilesStore } from '../../stores/profiles-store';
import { useTokensStore } from '../../stores/tokens-store';
import { useUiStore, type WizardTarget } from '../../stores/ui-store';
import { ImportReport } from '../policy-code/import-report';
import { ShowOnceSecret } from '../secret/show-once-secret';
import { AccessStep } from './access-step';
import { LimitsStep } from './limits-step';
import { ReviewStep } from './review-step';
import { StartStep } from './start-step';
import { useWizardData } from './use-wizard-data';
import {
  firstOwner,
  initialWizardState,
  issuesOfStep,
  STEP_TITLES,
  submitBlockReason,
  wizardReducer,
  wizardSteps,
  type WizardStep,
} from './wizard-model';

export function TokenWizard({ target }: { target: WizardTarget }): React.JSX.Element {
  const t = useT();
  const closeDialog = useUiStore((s) => s.closeDialog);
  const profiles = useProfilesStore((s) => s.profiles);
  const keepDefault = useAppStore((s) => s.settings?.keepSecretsByDefault ?? true);
  const keychainAvailable = useAppStore((s) => s.info?.keychain.available ?? true);
  const editRow = useTokensStore((s) =>
    target.mode === 'edit' ? (s.rows.find((r) => r.key === target.tokenKey) ?? null) : null,
  );
  const [state, dispatch] = useReducer(
    wizardReducer,
    { target, profiles, editRow, keepDefault, keychainAvailable },
    initialWizardState,
  );
  const { profile, accounts, ctx, issues, localSummary, choices, go, continueFrom, submit, finish } =
    useWizardData(target, state, dispatch);
  const { step, draft, owner, groups, groupsError, preview, busy, created, unrepresentable } = state;
  const editing = target.mode === 'edit';

  const steps = wizardSteps(editing);
  const stepIndex = steps.indexOf(step as (typeof steps)[number]);
  const showIssues = state.attempted.includes(step);
  const stepIssues = issuesOfStep(issues, step);
  const loadingGroups = groups === null && !groupsError;
  const onDraft = (next: typeof draft): void => dispatch({ type: 'changeDraft', draft: next });

  let body: React.JSX.Element;
  if (step === 'done' && created) {
    body = <ShowOnceSecret result={created} action="created" />;
  } else if (!profile) {
    body = <p className="muted">{t('wizard.noProfile')}</p>;
  } else if (groupsError && step !== 'start') {
    body = <ErrorCallout error={groupsError} />;
  } else if (step === 'start') {
    body = (
      <StartStep
        profiles={profiles}
        profile={profile}
        owner={owner}
        onProfile={(id) =>
          dispatch({
            type: 'chooseProfile',
            profileId: id,
            owner: firstOwner(profiles.find((p) => p.id === id) ?? null),
          })
        }
        onOwner={(next) => dispatch({ type: 'chooseOwner', owner: next })}
        templates={state.templates}
        templatesError={state.templatesError}
        onChoose={(template) => dispatch({ type: 'chooseTemplate', template })}
      />
    );
  } else if (loadingGroups || (editing && !state.editReady)) {
    body = (
      <p className="loading-state" role="status">
        <span className="spinner" aria-hidden="true" /> {t('wizard.loadingGroups')}
      </p>
    );
  } else if (editing && unrepresentable.length > 0) {
    body = (
      <div className="callout callout-warn" role="alert">
        <Icon name="alert" className="callout-icon" />
        <div className="callout-body">
          <p className="callout-title">{t('wizard.edit.unsafeTitle')}</p>
          <p className="callout-text">{t('wizard.edit.unsafeText')}</p>
          <ul className="callout-facts">
            {unrepresentable.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      </div>
    );
  } else if (step === 'access') {
    body = (
      <AccessStep
        draft={draft}
        onDraft={onDraft}
        groups={groups ?? []}
        groupsById={ctx.groups}
        owner={owner}
        choices={choices}
        issues={issues}
        showIssues={showIssues}
      />
    );
  } else if (step === 'limits') {
    body = (
      <LimitsStep draft={draft} onDraft={onDraft} issues={issues} showIssues={showIssues} now={ctx.now} />
    );
  } else {
    body = (
      <ReviewStep
        localSummary={localSummary}
        preview={preview}
        previewError={state.previewError}
        keep={state.keep}
        onKeep={editing ? null : (keep) => dispatch({ type: 'keep', keep })}
        keychainAvailable={keychainAvailable}
      />
    );
  }

  const blocked = editing && unrepresentable.length > 0;
  let footer: React.JSX.Element;
  if (step === 'done') {
    footer = (
      <Button variant="primary" onClick={finish}>
        {t('common.actions.done')}
      </Button>
    );
  } else {
    const back = stepIndex > 0 ? steps[stepIndex - 1] : undefined;
    const primary: Record<WizardStep, PrimaryAction | null> = {
      start: null,
      access: {
        label: t('wizard.continue'),
        iconAfter: 'chevron-right',
        disabledReason: blocked ? t('wizard.edit.blocked') : loadingGroups ? t('wizard.loading') : null,
        onClick: () => continueFrom('access', 'limits'),
      },
      limits: {
        label: t('wizard.toReview'),
        iconAfter: 'chevron-right',
        onClick: () => continueFrom('limits', 'review'),
      },
      review: {
        label: t(editing ? 'wizard.saveChanges' : 'wizard.createToken'),
        icon: editing ? 'check' : 'key',
        disabledReason: submitBlockReason(state, issues),
        onClick: () => void submit(),
      },
      done: null,
    };
    footer = (
      <DialogFooter
        lead={
          state.submitError ? (
            <ErrorCallout
              error={state.submitError}
              context={{ action: editing ? 'edit' : 'token creation' }}
              compact
              className="footer-error"
            />
          ) : null
        }
        {...(back ? { cancelLabel: t('wizard.back'), onCancel: () => go(back) } : { onCancel: closeDialog })}
        busy={busy}
        primary={primary[step]}
      />
    );
  }

  const title =
    step === 'done'
      ? t('wizard.title.created')
      : editing
        ? editRow
          ? t('wizard.title.edit', { name: editRow.name })
          : t('wizard.title.editToken')
        : t('wizard.title.create');
  const ownerAccount =
    owner.kind === 'account'
      ? (accounts.find((a) => a.id === owner.accountId)?.name ?? owner.accountId)
      : null;
  return (
    <Dialog
      title={title}
      description={
        step === 'done'
          ? undefined
          : profile
            ? ownerAccount !== null
              ? t('wizard.description.account', { profile: profile.label, account: ownerAccount })
              : t('wizard.description.user', { profile: profile.label })
            : undefined
      }
      onClose={step === 'done' ? finish : closeDialog}
      size={step === 'done' ? 'md' : 'xl'}
      dismissible={!busy && step !== 'done'}
      closable={!busy}
      testId="token-wizard"
      footer={footer}
      className="wizard"
    >
      {step !== 'done' ? (
        <ol className="stepper" aria-label={t('wizard.steps.label')}>
          {steps.map((s, i) => (
            <li
              key={s}
              className={`stepper-step${s === step ? ' stepper-current' : ''}${i < stepIndex ? ' stepper-done' : ''}`}
              aria-current={s === step ? 'step' : undefined}
            >
              <span className="stepper-number" aria-hidden="true">
                {i < stepIndex ? <Icon name="check" size={12} /> : i + 1}
              </span>
              {t(STEP_TITLES[s])}
            </li>
          ))}
        </ol>
      ) : null}
      {showIssues && stepIssues.length > 0 ? (
        <p className="field-error wizard-issue-count" role="alert">
          {t('wizard.issueCount', { count: stepIssues.length })}
        </p>
      ) : null}
      {step !== 'done' && target.mode === 'create' && target.start?.report ? (
        <ImportReport result={target.start.report} />
      ) : null}
      {body}
    </Dialog>
  );
}
