/**
 * The wizard's reducer: where it opens, what it forgets when the profile or owner changes, how an
 * edit that cannot be drafted stays blocked, and when the create button may be pressed.
 */
import { describe, expect, it } from 'vitest';
import type { TokenDraft } from '../../../src/shared/domain';
import { msg, nest } from '../../../src/shared/i18n/message';
import {
  initialWizardState,
  submitBlockReason,
  wizardReducer,
  type WizardAction,
  type WizardState,
} from '../../../src/renderer/features/wizard/wizard-model';
import {
  detailFor,
  IDS,
  makeProfile,
  permissionGroups,
  PROFILES,
  TOKEN_ROWS,
  templatesFor,
} from '../../fixtures/renderer/fixtures';

const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

function first<T>(items: readonly T[]): T {
  const item = items[0];
  if (item === undefined) throw new Error('fixture: empty list');
  return item;
}

function create(profileId: string | null = null): WizardState {
  return initialWizardState({
    target: { mode: 'create', profileId },
    profiles: PROFILES,
    editRow: null,
    keepDefault: true,
    keychainAvailable: true,
  });
}

function run(state: WizardState, ...actions: WizardAction[]): WizardState {
  return actions.reduce(wizardReducer, state);
}

describe('wizard model', () => {
  it('opens on the asked-for profile, or the first whose credential may create tokens', () => {
    expect(create(IDS.acme)).toMatchObject({ profileId: IDS.acme, owner: { kind: 'user' }, step: 'start' });
    const readOnly = makeProfile({
      id: 'read-only',
      capabilities: { ...first(PROFILES).capabilities, createUserTokens: false, accounts: [] },
    });
    const state = initialWizardState({
      target: { mode: 'create', profileId: 'read-only' },
      profiles: [readOnly, ...PROFILES],
      editRow: null,
      keepDefault: true,
      keychainAvailable: false,
    });
    expect(state.profileId).toBe(PROFILES[0]?.id);
    // Without a keychain there is nowhere to keep the secret, whatever the setting says.
    expect(state.keep).toBe(false);
  });

  it('opens an edit at the access step with the token’s own owner', () => {
    const row = TOKEN_ROWS.find((r) => r.kind === 'account');
    if (!row) throw new Error('fixture: no account-owned token');
    const state = initialWizardState({
      target: { mode: 'edit', tokenKey: row.key },
      profiles: PROFILES,
      editRow: row,
      keepDefault: true,
      keychainAvailable: true,
    });
    expect(state).toMatchObject({
      profileId: row.profileId,
      owner: { kind: 'account', accountId: row.accountId },
      step: 'access',
    });
  });

  it('forgets the permission groups and templates of the profile it leaves', () => {
    const loaded = run(
      create(IDS.personal),
      { type: 'groupsLoaded', result: ok(permissionGroups('user')) },
      { type: 'templatesLoaded', result: ok(templatesFor(IDS.personal, { kind: 'user' })) },
    );
    expect(loaded.groups).not.toBeNull();
    const moved = run(loaded, { type: 'chooseProfile', profileId: IDS.acme, owner: { kind: 'user' } });
    expect(moved).toMatchObject({ profileId: IDS.acme, groups: null, templates: null });
    const owned = run(loaded, { type: 'chooseOwner', owner: { kind: 'account', accountId: IDS.acmeProd } });
    expect(owned).toMatchObject({ groups: null, templates: null });
  });

  it('starts a template from its draft, with no problems shown yet', () => {
    const template = templatesFor(IDS.personal, { kind: 'user' }).find((t) => t.draft !== null);
    if (!template?.draft) throw new Error('fixture: no template with a draft');
    const state = run(
      create(IDS.personal),
      { type: 'attempt', step: 'access' },
      { type: 'chooseTemplate', template },
    );
    expect(state).toMatchObject({ step: 'access', attempted: [] });
    expect(state.draft).toEqual(template.draft);
  });

  it('fills an edit with the token’s exact draft', () => {
    const detail = detailFor(`${IDS.personal}:p1000000000000000000000000000003`);
    const state = run(create(IDS.personal), {
      type: 'editLoaded',
      groups: ok(permissionGroups('user')),
      edit: ok(detail.edit),
    });
    expect(state).toMatchObject({ editReady: true, unrepresentable: [] });
    expect(state.draft).toEqual(detail.edit.draft);
  });

  it('blocks an edit whose token cannot be drafted, rather than saving an empty draft over it', () => {
    const blank = create(IDS.personal).draft;
    const parts = run(create(IDS.personal), {
      type: 'editLoaded',
      groups: ok(permissionGroups('user')),
      edit: ok({
        draft: null,
        unrepresentable: [
          msg('validation.edit.r2', {
            policy: 1,
            ...nest(
              'resource',
              msg('policy.resource.r2Bucket', { bucket: 'media', jurisdiction: 'none', account: 'none' }),
            ),
          }),
        ],
      }),
    });
    expect(parts.unrepresentable).toEqual([
      'Policy 1 applies to R2 bucket media; Keyflare cannot edit R2 bucket resources yet.',
    ]);
    expect(parts.draft).toEqual(blank);
    const none = run(create(IDS.personal), {
      type: 'editLoaded',
      groups: ok(permissionGroups('user')),
      edit: ok({ draft: null, unrepresentable: [] }),
    });
    expect(none.unrepresentable).toEqual(['Keyflare could not read this token into a draft.']);
  });

  it('shows a failed edit read as the submit error and never opens the steps', () => {
    const state = run(create(IDS.personal), {
      type: 'editLoaded',
      groups: ok(permissionGroups('user')),
      edit: { ok: false, error: { code: 'NOT_FOUND', message: 'gone' } },
    });
    expect(state).toMatchObject({ editReady: false, submitError: { code: 'NOT_FOUND' } });
  });

  it('asks for a fresh preview on every visit to the review, and only then allows the create', () => {
    const draft: TokenDraft = { ...create().draft, name: 'x' };
    const preview = {
      summary: 's',
      summaryMessages: [],
      body: {},
      endpoint: 'POST /user/tokens',
      warnings: [],
    };
    const reviewed = run(
      create(IDS.personal),
      { type: 'changeDraft', draft },
      { type: 'go', step: 'review' },
    );
    expect(submitBlockReason(reviewed, [])).toBe('Building the preview…');
    const shown = run(reviewed, { type: 'previewLoaded', result: ok(preview) });
    expect(submitBlockReason(shown, [])).toBeNull();
    expect(submitBlockReason(shown, [{ path: 'name', message: msg('validation.schema.tokenName') }])).toBe(
      'Fix the problems in the earlier steps first',
    );
    const again = run(shown, { type: 'go', step: 'limits' }, { type: 'go', step: 'review' });
    expect(again.preview).toBeNull();
    const failed = run(again, {
      type: 'previewLoaded',
      result: { ok: false, error: { code: 'VALIDATION', message: 'bad' } },
    });
    expect(submitBlockReason(failed, [])).toBe('The preview failed: go back and fix the draft');
  });

  it('keeps the shown secret until the panel closes, and only there', () => {
    const secret = {
      token: first(TOKEN_ROWS),
      secret: 'cfut_model-test-secret',
      keptInKeychain: true,
      keychainError: null,
    };
    const created = run(create(IDS.personal), { type: 'submitting' }, { type: 'created', secret });
    expect(created).toMatchObject({ step: 'done', busy: false, created: secret });
    expect(run(created, { type: 'finished' }).created).toBeNull();
  });
});
