/**
 * The wizard's data hook: what main answers for the chosen profile and owner (permission groups
 * and templates, or for an edit the token's exact draft), the draft's checks against the cached
 * accounts and zones, the preview, and the one create or update.
 *
 * Every call goes through a store and its answer lands in the wizard's reducer. An answer for a
 * profile or owner the user has since left, or for a preview of an older draft, is dropped. The
 * create is sent once and never retried: an uncertain outcome is shown, not repeated.
 */
import { useEffect, useMemo, useRef, type Dispatch } from 'react';
import type { Account, Profile } from '../../../shared/domain';
import {
  createBuildContext,
  describeDraftMessages,
  validateDraft,
  type BuildContext,
  type DraftIssue,
} from '../../../shared/policy/build';
import { splitTokenKey } from '../../../shared/token-key';
import { t } from '../../lib/i18n';
import { clauseList } from '../../lib/message-sentence';
import { useProfilesStore } from '../../stores/profiles-store';
import { toast } from '../../stores/toast-store';
import { useTokensStore } from '../../stores/tokens-store';
import { useUiStore, type WizardTarget } from '../../stores/ui-store';
import type { ResourceChoices } from './resource-choices';
import { issuesOfStep, type WizardAction, type WizardState, type WizardStep } from './wizard-model';

export interface WizardData {
  profile: Profile | null;
  /** The chosen profile's cached accounts. */
  accounts: Account[];
  ctx: BuildContext;
  /** Every problem of the draft (empty until the permission groups are known). */
  issues: DraftIssue[];
  /** The summary in words from the cached data, shown until main's preview arrives. */
  localSummary: string;
  choices: ResourceChoices;
  /** Moves to a step; entering the review asks main for the preview of the draft as it is. */
  go: (step: WizardStep) => void;
  /** Leaves a step when its problems are fixed; otherwise marks it so they show. */
  continueFrom: (from: WizardStep, next: WizardStep) => void;
  /** Sends the create or the update, once. */
  submit: () => Promise<void>;
  /** Closes the show-once panel (dropping the secret) and opens the new token. */
  finish: () => void;
}

export function useWizardData(
  target: WizardTarget,
  state: WizardState,
  dispatch: Dispatch<WizardAction>,
): WizardData {
  const closeDialog = useUiStore((s) => s.closeDialog);
  const select = useUiStore((s) => s.select);
  const profiles = useProfilesStore((s) => s.profiles);
  const allAccounts = useProfilesStore((s) => s.accounts);
  const allZones = useProfilesStore((s) => s.zones);
  const { profileId, owner, groups, draft } = state;
  const editKey = target.mode === 'edit' ? target.tokenKey : null;
  const profile = profiles.find((p) => p.id === profileId) ?? null;
  const previewRun = useRef(0);

  useEffect(() => {
    if (!profileId) return;
    let live = true;
    const catalog = useProfilesStore.getState();
    if (editKey !== null) {
      const { tokenId } = splitTokenKey(editKey);
      void Promise.all([
        useTokensStore.getState().editDraft({ key: editKey, profileId, id: tokenId }),
        catalog.permissionGroups(profileId, owner),
      ]).then(([edit, loaded]) => {
        if (live) dispatch({ type: 'editLoaded', groups: loaded, edit });
      });
    } else {
      void catalog.permissionGroups(profileId, owner).then((result) => {
        if (live) dispatch({ type: 'groupsLoaded', result });
      });
      void catalog.templates(profileId, owner).then((result) => {
        if (live) dispatch({ type: 'templatesLoaded', result });
      });
    }
    return () => {
      live = false;
    };
  }, [editKey, profileId, owner, dispatch]);

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
        groups: groups ?? [],
        accounts,
        zones,
        userLabel: profile?.email ?? null,
        now: new Date(),
      }),
    [owner, profile, groups, accounts, zones],
  );
  const issues = useMemo(() => (groups === null ? [] : validateDraft(draft, ctx)), [draft, ctx, groups]);
  const localSummary = useMemo(
    () => (groups === null ? '' : clauseList(describeDraftMessages(draft, ctx))),
    [draft, ctx, groups],
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

  const go = (step: WizardStep): void => {
    dispatch({ type: 'go', step });
    if (step !== 'review') return;
    const run = ++previewRun.current;
    void useTokensStore
      .getState()
      .preview({ profileId, owner, draft, ...(editKey === null ? {} : { tokenId: refOf(editKey).id }) })
      .then((result) => {
        if (run === previewRun.current) dispatch({ type: 'previewLoaded', result });
      });
  };

  const continueFrom = (from: WizardStep, next: WizardStep): void => {
    dispatch({ type: 'attempt', step: from });
    if (issuesOfStep(issues, from).length === 0) go(next);
  };

  const submit = async (): Promise<void> => {
    dispatch({ type: 'submitting' });
    const tokens = useTokensStore.getState();
    if (editKey !== null) {
      const result = await tokens.update({ key: editKey, ...refOf(editKey) }, draft);
      if (!result.ok) {
        dispatch({ type: 'submitFailed', error: result.error });
        return;
      }
      dispatch({ type: 'saved' });
      toast('success', t('wizard.saved', { name: result.value.name }));
      closeDialog();
      return;
    }
    const result = await tokens.create({ profileId, owner, draft, keepSecret: state.keep });
    if (!result.ok) {
      dispatch({ type: 'submitFailed', error: result.error });
      return;
    }
    select(result.value.token.key, false);
    dispatch({ type: 'created', secret: result.value });
  };

  const finish = (): void => {
    const key = state.created?.token.key ?? null;
    dispatch({ type: 'finished' });
    closeDialog();
    if (key) select(key, true);
  };

  return { profile, accounts, ctx, issues, localSummary, choices, go, continueFrom, submit, finish };
}

function refOf(key: string): { profileId: string; id: string } {
  const { profileId, tokenId } = splitTokenKey(key);
  return { profileId, id: tokenId };
}
