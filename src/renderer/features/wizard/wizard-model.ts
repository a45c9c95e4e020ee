/**
 * The wizard's model: its steps, its state and the reducer that changes it, who may own a new
 * token, the issues of each step, and draft edits, all as pure functions.
 *
 * The state is one value (step, draft, what main answered, the submit's outcome) so every way
 * through the wizard is a sequence of actions a test can replay; the calls that produce those
 * answers live in `use-wizard-data.ts`.
 */
import type {
  PermissionGroup,
  PolicyDraft,
  Profile,
  ResolvedTemplate,
  ResourceSelector,
  ShowOnceSecret,
  TokenDraft,
  TokenEdit,
  TokenOwner,
  TokenPreview,
  TokenRow,
} from '../../../shared/domain';
import type { AppErrorShape, Result } from '../../../shared/errors';
import type { DraftIssue } from '../../../shared/policy/build';
import { scopeKind, type ScopeKind } from '../../../shared/policy/scopes';
import { splitTokenKey } from '../../../shared/token-key';
import type { Message, MessageKey } from '../../../shared/i18n';
import { t } from '../../lib/i18n';
import { messageSentence } from '../../lib/message-sentence';
import { emptyDraft } from '../../lib/token-draft';
import type { WizardTarget } from '../../stores/ui-store';

export type WizardStep = 'start' | 'access' | 'limits' | 'review' | 'done';

export const STEP_TITLES: Record<Exclude<WizardStep, 'done'>, MessageKey> = {
  start: 'wizard.steps.start',
  access: 'wizard.steps.access',
  limits: 'wizard.steps.limits',
  review: 'wizard.steps.review',
};

/** The steps shown in the stepper: an edit starts at the access step. */
export function wizardSteps(editing: boolean): Exclude<WizardStep, 'done'>[] {
  return editing ? ['access', 'limits', 'review'] : ['start', 'access', 'limits', 'review'];
}

// ---------------------------------------------------------------------------------------------
// Who may own a new token

export interface OwnerChoice {
  value: string;
  label: string;
  owner: TokenOwner;
}

export function ownerValue(owner: TokenOwner): string {
  return owner.kind === 'user' ? 'user' : `account:${owner.accountId}`;
}

/** The owners this profile's credential may create tokens for: the user, then each account. */
export function ownerChoices(profile: Profile | null): OwnerChoice[] {
  if (!profile) return [];
  const choices: OwnerChoice[] = [];
  if (profile.capabilities.createUserTokens) {
    choices.push({
      value: 'user',
      label: profile.email
        ? t('wizard.owner.userTokenOf', { email: profile.email })
        : t('wizard.owner.userToken'),
      owner: { kind: 'user' },
    });
  }
  for (const account of profile.capabilities.accounts) {
    if (!account.createTokens) continue;
    choices.push({
      value: `account:${account.accountId}`,
      label: t('wizard.owner.accountToken', { account: account.accountName }),
      owner: { kind: 'account', accountId: account.accountId },
    });
  }
  return choices;
}

export function canCreateTokens(profile: Profile): boolean {
  return ownerChoices(profile).length > 0;
}

/** The owner a new token of this profile starts with: the first the credential may create. */
export function firstOwner(profile: Profile | null): TokenOwner {
  return ownerChoices(profile)[0]?.owner ?? { kind: 'user' };
}

// ---------------------------------------------------------------------------------------------
// State and reducer

export interface WizardState {
  /** Create: the chosen profile ('' when there is none); edit: the token's profile. */
  profileId: string;
  owner: TokenOwner;
  step: WizardStep;
  draft: TokenDraft;
  /** Steps the user tried to leave: their problems show from then on. */
  attempted: readonly WizardStep[];
  /** What a token of this profile and owner may hold; null while main has not answered. */
  groups: PermissionGroup[] | null;
  groupsError: AppErrorShape | null;
  templates: ResolvedTemplate[] | null;
  templatesError: AppErrorShape | null;
  /** Edit: main answered with the token's draft (or why there is none). */
  editReady: boolean;
  /** Edit: the parts of the token a draft cannot hold; any at all blocks saving. */
  unrepresentable: string[];
  preview: TokenPreview | null;
  previewError: AppErrorShape | null;
  /** Create: keep the new secret in the keychain. */
  keep: boolean;
  /** The create or update is on its way (sent once, never retried). */
  busy: boolean;
  submitError: AppErrorShape | null;
  /** The show-once secret after a create: component state only, dropped when the wizard closes. */
  created: ShowOnceSecret | null;
}

export interface WizardStart {
  target: WizardTarget;
  profiles: readonly Profile[];
  /** Edit: the token's row, for its owner. */
  editRow: TokenRow | null;
  keepDefault: boolean;
  keychainAvailable: boolean;
}

/** Where the wizard opens: the asked-for profile when it may create tokens, else the first that may. */
export function initialWizardState({
  target,
  profiles,
  editRow,
  keepDefault,
  keychainAvailable,
}: WizardStart): WizardState {
  let profileId: string;
  let owner: TokenOwner;
  if (target.mode === 'edit') {
    profileId = splitTokenKey(target.tokenKey).profileId;
    owner =
      editRow?.kind === 'account' && editRow.accountId
        ? { kind: 'account', accountId: editRow.accountId }
        : { kind: 'user' };
  } else {
    const asked = profiles.find((p) => p.id === target.profileId && canCreateTokens(p));
    profileId = asked?.id ?? profiles.find(canCreateTokens)?.id ?? profiles[0]?.id ?? '';
    owner = firstOwner(profiles.find((p) => p.id === profileId) ?? null);
    // An import or a duplicate opens on its draft, at the access step, for its owner.
    if (target.start && asked) owner = target.start.owner;
  }
  const start =
    target.mode === 'create' && target.start && profileId === target.profileId ? target.start : null;
  return {
    profileId,
    owner,
    step: target.mode === 'edit' || start ? 'access' : 'start',
    draft: start ? structuredClone(start.draft) : emptyDraft(),
    attempted: [],
    groups: null,
    groupsError: null,
    templates: null,
    templatesError: null,
    editReady: false,
    unrepresentable: [],
    preview: null,
    previewError: null,
    keep: keepDefault && keychainAvailable,
    busy: false,
    submitError: null,
    created: null,
  };
}

export type WizardAction =
  /** Create: another profile, with the owner it starts with. */
  | { type: 'chooseProfile'; profileId: string; owner: TokenOwner }
  | { type: 'chooseOwner'; owner: TokenOwner }
  | { type: 'groupsLoaded'; result: Result<PermissionGroup[]> }
  | { type: 'templatesLoaded'; result: Result<ResolvedTemplate[]> }
  /** Edit: the groups and the token's draft arrive together, so the access step opens complete. */
  | { type: 'editLoaded'; groups: Result<PermissionGroup[]>; edit: Result<TokenEdit> }
  /** A template's draft (copied), or null for a custom token; opens the access step afresh. */
  | { type: 'chooseTemplate'; template: ResolvedTemplate | null }
  | { type: 'changeDraft'; draft: TokenDraft }
  | { type: 'attempt'; step: WizardStep }
  | { type: 'go'; step: WizardStep }
  | { type: 'previewLoaded'; result: Result<TokenPreview> }
  | { type: 'keep'; keep: boolean }
  | { type: 'submitting' }
  | { type: 'submitFailed'; error: AppErrorShape }
  | { type: 'created'; secret: ShowOnceSecret }
  | { type: 'saved' }
  /** The show-once panel closes: the secret is dropped. */
  | { type: 'finished' };

/** What a token of another profile or owner may hold is not known yet: forget the last answers. */
const NOTHING_LOADED = {
  groups: null,
  groupsError: null,
  templates: null,
  templatesError: null,
} as const;

/** Without the exact draft nothing may be saved: an empty one would wipe the token. */
const noDraft = (): string => t('wizard.edit.noDraft');

/** The one way the wizard's state changes; pure, so every path through the wizard can be replayed. */
export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'chooseProfile':
      return { ...state, ...NOTHING_LOADED, profileId: action.profileId, owner: action.owner };
    case 'chooseOwner':
      return { ...state, ...NOTHING_LOADED, owner: action.owner };
    case 'groupsLoaded':
      return action.result.ok
        ? { ...state, groups: action.result.value, groupsError: null }
        : { ...state, groupsError: action.result.error };
    case 'templatesLoaded':
      return action.result.ok
        ? { ...state, templates: action.result.value, templatesError: null }
        : { ...state, templatesError: action.result.error };
    case 'editLoaded': {
      if (!action.groups.ok) return { ...state, groupsError: action.groups.error };
      const loaded = { ...state, groups: action.groups.value, groupsError: null };
      if (!action.edit.ok) return { ...loaded, submitError: action.edit.error };
      const { draft, unrepresentable } = action.edit.value;
      return {
        ...loaded,
        draft: draft ?? state.draft,
        unrepresentable: draft
          ? []
          : unrepresentable.length > 0
            ? unrepresentable.map(messageSentence)
            : [noDraft()],
        editReady: true,
      };
    }
    case 'chooseTemplate':
      return wizardReducer(
        {
          ...state,
          draft: action.template?.draft ? structuredClone(action.template.draft) : emptyDraft(),
          attempted: [],
        },
        { type: 'go', step: 'access' },
      );
    case 'changeDraft':
      return { ...state, draft: action.draft };
    case 'attempt':
      return state.attempted.includes(action.step)
        ? state
        : { ...state, attempted: [...state.attempted, action.step] };
    case 'go':
      return {
        ...state,
        step: action.step,
        submitError: null,
        // The review always shows the preview of the draft as it is now.
        ...(action.step === 'review' ? { preview: null, previewError: null } : {}),
      };
    case 'previewLoaded':
      return action.result.ok
        ? { ...state, preview: action.result.value, previewError: null }
        : { ...state, preview: null, previewError: action.result.error };
    case 'keep':
      return { ...state, keep: action.keep };
    case 'submitting':
      return { ...state, busy: true, submitError: null };
    case 'submitFailed':
      return { ...state, busy: false, submitError: action.error };
    case 'created':
      return { ...state, busy: false, created: action.secret, step: 'done' };
    case 'saved':
      return { ...state, busy: false };
    case 'finished':
      return { ...state, created: null };
  }
}

/** Why the review's create or save button is unavailable, or null when it may be pressed. */
export function submitBlockReason(state: WizardState, issues: readonly DraftIssue[]): string | null {
  if (issues.length > 0) return t('wizard.review.fixFirst');
  if (state.preview !== null) return null;
  return t(state.previewError ? 'wizard.review.previewFailed' : 'wizard.review.building');
}

// ---------------------------------------------------------------------------------------------
// Issues and draft edits

/** Which step an issue belongs to, from its path. */
export function stepOfIssue(issue: DraftIssue): WizardStep {
  if (issue.path === 'name' || issue.path.startsWith('policies')) return 'access';
  if (issue.path.startsWith('requestIp') || issue.path === 'expiresOn' || issue.path === 'notBefore')
    return 'limits';
  return 'access';
}

export function issuesOfStep(issues: readonly DraftIssue[], step: WizardStep): DraftIssue[] {
  return issues.filter((issue) => stepOfIssue(issue) === step);
}

/** The scope every chosen group of a policy shares (the first group's), or null. */
export function policyScope(
  policy: PolicyDraft,
  groups: ReadonlyMap<string, PermissionGroup>,
): string | null {
  for (const id of policy.permissionGroupIds) {
    const group = groups.get(id);
    if (group) return group.scope;
  }
  return null;
}

export function policyKind(
  policy: PolicyDraft,
  groups: ReadonlyMap<string, PermissionGroup>,
): ScopeKind | null {
  const scope = policyScope(policy, groups);
  return scope === null ? null : scopeKind(scope);
}

export function updatePolicy(draft: TokenDraft, index: number, patch: Partial<PolicyDraft>): TokenDraft {
  return {
    ...draft,
    policies: draft.policies.map((policy, i) => (i === index ? { ...policy, ...patch } : policy)),
  };
}

export function addPolicy(draft: TokenDraft): TokenDraft {
  return {
    ...draft,
    policies: [...draft.policies, { effect: 'allow', permissionGroupIds: [], resources: [] }],
  };
}

export function removePolicy(draft: TokenDraft, index: number): TokenDraft {
  return { ...draft, policies: draft.policies.filter((_, i) => i !== index) };
}

/** Messages of one policy's issues: the policy's own, and per resource row. */
export function policyIssues(
  issues: readonly DraftIssue[],
  index: number,
): { general: Message[]; resources: Map<number, Message[]> } {
  const base = `policies.${index}`;
  const general: Message[] = [];
  const resources = new Map<number, Message[]>();
  for (const issue of issues) {
    if (issue.path !== base && !issue.path.startsWith(`${base}.`)) continue;
    const match = new RegExp(`^${base.replace('.', '\\.')}\\.resources\\.(\\d+)`, 'u').exec(issue.path);
    if (match?.[1] !== undefined) {
      const row = Number(match[1]);
      resources.set(row, [...(resources.get(row) ?? []), issue.message]);
    } else {
      general.push(issue.message);
    }
  }
  return { general, resources };
}

/** Text area contents as a list: one entry per non-empty line (commas also separate). */
export function parseList(text: string): string[] {
  return text
    .split(/[\n,]+/u)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

export function selectorKey(selector: ResourceSelector): string {
  return JSON.stringify(selector);
}
