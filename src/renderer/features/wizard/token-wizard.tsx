/**
 * The create / edit wizard: template, permissions and resources, IP filter and dates, review,
 * then (create only) the show-once secret.
 *
 * Live feedback comes from the shared validateDraft/describeDraft on the cached accounts, zones
 * and permission groups; the authoritative summary and JSON body come from tokens.preview. The
 * create call is sent once; an uncertain outcome is reported, never retried.
 */
import { useEffect, useMemo, useState } from 'react';
import type {
  PermissionGroup,
  ResolvedTemplate,
  ShowOnceSecret as ShowOnceSecretValue,
  TokenDraft,
  TokenOwner,
  TokenPreview,
} from '../../../shared/domain';
import type { AppErrorShape } from '../../../shared/errors';
import { createBuildContext, describeDraft, validateDraft } from '../../../shared/policy/build';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { ErrorCallout } from '../../components/error-callout';
import { Icon } from '../../components/icons';
import { emptyDraft } from '../../lib/token-draft';
import { useAppStore } from '../../stores/app-store';
import { useProfilesStore } from '../../stores/profiles-store';
import { toast } from '../../stores/toast-store';
import { splitTokenKey, tokenKey, useTokensStore } from '../../stores/tokens-store';
import { useUiStore, type WizardTarget } from '../../stores/ui-store';
import { ShowOnceSecret } from '../secret/show-once-secret';
import { AccessStep } from './access-step';
import { LimitsStep } from './limits-step';
import { ReviewStep } from './review-step';
import { canCreateTokens, ownerChoices, StartStep } from './start-step';
import { issuesOfStep, STEP_TITLES, type WizardStep } from './wizard-model';

type Loaded<T> = { key: string; value: T } | null;

function ownerKey(profileId: string, owner: TokenOwner): string {
  return `${profileId}|${owner.kind === 'user' ? 'user' : owner.accountId}`;
}

export function TokenWizard({ target }: { target: WizardTarget }): React.JSX.Element {
  const closeDialog = useUiStore((s) => s.closeDialog);
  const select = useUiStore((s) => s.select);
  const profiles = useProfilesStore((s) => s.profiles);
  const allAccounts = useProfilesStore((s) => s.accounts);
  const allZones = useProfilesStore((s) => s.zones);
  const keepDefault = useAppStore((s) => s.settings?.keepSecretsByDefault ?? true);
  const keychainAvailable = useAppStore((s) => s.info?.keychain.available ?? true);
  const editing = target.mode === 'edit' ? splitTokenKey(target.tokenKey) : null;
  const editRow = useTokensStore((s) =>
    target.mode === 'edit' ? (s.rows.find((r) => r.key === target.tokenKey) ?? null) : null,
  );

  const initialProfile =
    editing?.profileId ??
    (target.mode === 'create' &&
    target.profileId &&
    profiles.find((p) => p.id === target.profileId && canCreateTokens(p))
      ? target.profileId
      : (profiles.find(canCreateTokens)?.id ?? profiles[0]?.id ?? ''));
  const [profileId, setProfileId] = useState(initialProfile);
  const profile = profiles.find((p) => p.id === profileId) ?? null;
  const [owner, setOwner] = useState<TokenOwner>(() => {
    if (editRow)
      return editRow.kind === 'account' && editRow.accountId
        ? { kind: 'account', accountId: editRow.accountId }
        : { kind: 'user' };
    return ownerChoices(profiles.find((p) => p.id === initialProfile) ?? null)[0]?.owner ?? { kind: 'user' };
  });
  const [step, setStep] = useState<WizardStep>(editing ? 'access' : 'start');
  const [draft, setDraft] = useState<TokenDraft>(() => emptyDraft());
  const [attempted, setAttempted] = useState<Set<WizardStep>>(new Set());
  const [groups, setGroups] = useState<Loaded<PermissionGroup[]>>(null);
  const [groupsError, setGroupsError] = useState<Loaded<AppErrorShape>>(null);
  const [templates, setTemplates] = useState<Loaded<ResolvedTemplate[]>>(null);
  const [templatesError, setTemplatesError] = useState<Loaded<AppErrorShape>>(null);
  const [unrepresentable, setUnrepresentable] = useState<string[]>([]);
  const [editReady, setEditReady] = useState(false);
  const [preview, setPreview] = useState<TokenPreview | null>(null);
  const [previewError, setPreviewError] = useState<AppErrorShape | null>(null);
  const [keep, setKeep] = useState(keepDefault && keychainAvailable);
  const [busy, setBusy] = useState(false);
  const [submitError, setSubmitError] = useState<AppErrorShape | null>(null);
  // The show-once secret: component state only, dropped when the wizard closes.
  const [created, setCreated] = useState<ShowOnceSecretValue | null>(null);

  const key = ownerKey(profileId, owner);

  useEffect(() => {
    if (!profileId) return;
    let live = true;
    const requestKey = key;
    const catalog = useProfilesStore.getState();
    if (editing) {
      // Edit: the token's exact draft (main reads it from the cached token) and the groups the
      // access step offers, together, so the step opens complete.
      void Promise.all([
        useTokensStore.getState().editDraft({
          key: tokenKey(editing.profileId, editing.tokenId),
          profileId: editing.profileId,
          id: editing.tokenId,
        }),
        catalog.permissionGroups(profileId, owner),
      ]).then(([detail, list]) => {
        if (!live) return;
        if (!list.ok) {
          setGroupsError({ key: requestKey, value: list.error });
          return;
        }
        setGroups({ key: requestKey, value: list.value });
        if (!detail.ok) {
          setSubmitError(detail.error);
          return;
        }
        const { draft: exact, unrepresentable: parts } = detail.value;
        if (exact) setDraft(exact);
        // Without the exact draft nothing may be saved: an empty one would wipe the token.
        setUnrepresentable(
          exact ? [] : parts.length > 0 ? parts : ['Keyflare could not read this token into a draft.'],
        );
        setEditReady(true);
      });
    } else {
      void catalog.permissionGroups(profileId, owner).then((reply) => {
        if (!live) return;
        if (reply.ok) setGroups({ key: requestKey, value: reply.value });
        else setGroupsError({ key: requestKey, value: reply.error });
      });
      void catalog.templates(profileId, owner).then((reply) => {
        if (!live) return;
        if (reply.ok) setTemplates({ key: requestKey, value: reply.value });
        else setTemplatesError({ key: requestKey, value: reply.error });
      });
    }
    return () => {
      live = false;
    };
    // `key` captures profileId and owner; `editing` never changes for one wizard.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const groupList = groups?.key === key ? groups.value : null;
  const groupsFailure = groupsError?.key === key ? groupsError.value : null;
  const templatesFailure = templatesError?.key === key ? templatesError.value : null;
  const accounts = useMemo(
    () => allAccounts.filter((a) => a.profileId === profileId),
    [allAccounts, profileId],
  );
  const zones = useMemo(() => allZones.filter((z) => z.profileId === profileId), [allZones, profileId]);
  const ctx = useMemo(
    () =>
      createBuildContext({
        owner,
        userId: profile?.userId ?? null,
        groups: groupList ?? [],
        accounts,
        zones,
        userLabel: profile?.email ?? null,
        now: new Date(),
      }),
    [owner, profile, groupList, accounts, zones],
  );

  const issues = useMemo(
    () => (groupList === null ? [] : validateDraft(draft, ctx)),
    [draft, ctx, groupList],
  );
  const localSummary = useMemo(
    () => (groupList === null ? '' : describeDraft(draft, ctx)),
    [draft, ctx, groupList],
  );

  const choices = useMemo(
    () => ({
      accounts: accounts.map((a) => ({ id: a.id, name: a.name })),
      zones: zones.map((z) => ({
        id: z.id,
        name: z.name,
        accountId: z.accountId,
        accountName: z.accountName,
      })),
      userId: profile?.userId ?? null,
      userLabel: profile?.email ?? null,
    }),
    [accounts, zones, profile],
  );

  const loadPreview = (): void => {
    setPreview(null);
    setPreviewError(null);
    void useTokensStore
      .getState()
      .preview({ profileId, owner, draft })
      .then((reply) => {
        if (reply.ok) setPreview(reply.value);
        else setPreviewError(reply.error);
      });
  };

  const go = (next: WizardStep): void => {
    setSubmitError(null);
    if (next === 'review') loadPreview();
    setStep(next);
  };

  const tryContinue = (from: WizardStep, next: WizardStep): void => {
    setAttempted((current) => new Set(current).add(from));
    if (issuesOfStep(issues, from).length > 0) return;
    go(next);
  };

  const chooseTemplate = (template: ResolvedTemplate | null): void => {
    setDraft(template?.draft ? structuredClone(template.draft) : emptyDraft());
    setAttempted(new Set());
    go('access');
  };

  const submit = async (): Promise<void> => {
    setBusy(true);
    setSubmitError(null);
    if (editing) {
      const reply = await useTokensStore.getState().update(
        {
          key: tokenKey(editing.profileId, editing.tokenId),
          profileId: editing.profileId,
          id: editing.tokenId,
        },
        draft,
      );
      setBusy(false);
      if (!reply.ok) {
        setSubmitError(reply.error);
        return;
      }
      toast('success', `Saved changes to ${reply.value.name}`);
      closeDialog();
      return;
    }
    const reply = await useTokensStore.getState().create({ profileId, owner, draft, keepSecret: keep });
    setBusy(false);
    if (!reply.ok) {
      setSubmitError(reply.error);
      return;
    }
    select(reply.value.token.key, false);
    setCreated(reply.value);
    setStep('done');
  };

  const finish = (): void => {
    const key = created?.token.key ?? null;
    setCreated(null);
    closeDialog();
    if (key) select(key, true);
  };

  const steps: Exclude<WizardStep, 'done'>[] = editing
    ? ['access', 'limits', 'review']
    : ['start', 'access', 'limits', 'review'];
  const stepIndex = steps.indexOf(step as Exclude<WizardStep, 'done'>);
  const showIssues = attempted.has(step);
  const stepIssues = issuesOfStep(issues, step);
  const loadingGroups = groupList === null && !groupsFailure;
  const endpoint = preview
    ? editing
      ? preview.endpoint.replace(/^POST (\S+)$/u, `PUT $1/${editing.tokenId}`)
      : preview.endpoint
    : null;

  let body: React.JSX.Element;
  if (step === 'done' && created) {
    body = <ShowOnceSecret result={created} action="created" />;
  } else if (!profile) {
    body = <p className="muted">Add a profile first: tokens are created with a profile’s credential.</p>;
  } else if (groupsFailure && step !== 'start') {
    body = <ErrorCallout error={groupsFailure} />;
  } else if (step === 'start') {
    body = (
      <StartStep
        profiles={profiles}
        profile={profile}
        owner={owner}
        onProfile={(id) => {
          setProfileId(id);
          setOwner(ownerChoices(profiles.find((p) => p.id === id) ?? null)[0]?.owner ?? { kind: 'user' });
        }}
        onOwner={setOwner}
        templates={templates?.key === key ? templates.value : null}
        templatesError={templatesFailure}
        onChoose={chooseTemplate}
      />
    );
  } else if (loadingGroups || (editing && !editReady)) {
    body = (
      <p className="loading-state" role="status">
        <span className="spinner" aria-hidden="true" /> Loading permission groups…
      </p>
    );
  } else if (editing && unrepresentable.length > 0) {
    body = (
      <div className="callout callout-warn" role="alert">
        <Icon name="alert" className="callout-icon" />
        <div className="callout-body">
          <p className="callout-title">Keyflare cannot edit this token safely</p>
          <p className="callout-text">
            Saving would remove parts Keyflare cannot represent. Edit it in the Cloudflare dashboard instead:
          </p>
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
        onDraft={setDraft}
        groups={groupList ?? []}
        groupsById={ctx.groups}
        owner={owner}
        choices={choices}
        issues={issues}
        showIssues={showIssues}
      />
    );
  } else if (step === 'limits') {
    body = (
      <LimitsStep draft={draft} onDraft={setDraft} issues={issues} showIssues={showIssues} now={ctx.now} />
    );
  } else {
    body = (
      <ReviewStep
        localSummary={localSummary}
        preview={preview}
        previewError={previewError}
        endpoint={endpoint}
        keep={keep}
        onKeep={editing ? null : setKeep}
        keychainAvailable={keychainAvailable}
      />
    );
  }

  const blocked = editing !== null && unrepresentable.length > 0;
  let footer: React.JSX.Element;
  if (step === 'done') {
    footer = (
      <Button variant="primary" onClick={finish}>
        Done
      </Button>
    );
  } else {
    const back = stepIndex > 0 ? steps[stepIndex - 1] : undefined;
    footer = (
      <>
        {submitError ? (
          <ErrorCallout
            error={submitError}
            context={{ action: editing ? 'edit' : 'token creation' }}
            compact
            className="footer-error"
          />
        ) : null}
        <span className="footer-spacer" />
        {back ? (
          <Button onClick={() => go(back)} disabled={busy}>
            Back
          </Button>
        ) : (
          <Button onClick={closeDialog}>Cancel</Button>
        )}
        {step === 'access' ? (
          <Button
            variant="primary"
            iconAfter="chevron-right"
            disabledReason={
              blocked ? 'This token cannot be edited in Keyflare' : loadingGroups ? 'Loading…' : null
            }
            onClick={() => tryContinue('access', 'limits')}
          >
            Continue
          </Button>
        ) : null}
        {step === 'limits' ? (
          <Button variant="primary" iconAfter="chevron-right" onClick={() => tryContinue('limits', 'review')}>
            Review
          </Button>
        ) : null}
        {step === 'review' ? (
          <Button
            variant="primary"
            icon={editing ? 'check' : 'key'}
            busy={busy}
            disabledReason={
              issues.length > 0
                ? 'Fix the problems in the earlier steps first'
                : preview === null
                  ? previewError
                    ? 'The preview failed: go back and fix the draft'
                    : 'Building the preview…'
                  : null
            }
            onClick={() => void submit()}
          >
            {editing ? 'Save changes' : 'Create token'}
          </Button>
        ) : null}
      </>
    );
  }

  const title =
    step === 'done' ? 'Token created' : editing ? `Edit ${editRow?.name ?? 'token'}` : 'Create API token';
  return (
    <Dialog
      title={title}
      description={
        step === 'done'
          ? undefined
          : profile
            ? `${profile.label}${owner.kind === 'account' ? ` · account-owned by ${accounts.find((a) => a.id === owner.accountId)?.name ?? owner.accountId}` : ' · user token'}`
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
        <ol className="stepper" aria-label="Steps">
          {steps.map((s, i) => (
            <li
              key={s}
              className={`stepper-step${s === step ? ' stepper-current' : ''}${i < stepIndex ? ' stepper-done' : ''}`}
              aria-current={s === step ? 'step' : undefined}
            >
              <span className="stepper-number" aria-hidden="true">
                {i < stepIndex ? <Icon name="check" size={12} /> : i + 1}
              </span>
              {STEP_TITLES[s]}
            </li>
          ))}
        </ol>
      ) : null}
      {showIssues && stepIssues.length > 0 ? (
        <p className="field-error wizard-issue-count" role="alert">
          {stepIssues.length === 1
            ? 'One thing needs fixing before you continue.'
            : `${stepIssues.length} things need fixing before you continue.`}
        </p>
      ) : null}
      {body}
    </Dialog>
  );
}
