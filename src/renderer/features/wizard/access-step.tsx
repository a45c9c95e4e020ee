/**
 * Step 2: the token's name and its policies (permissions plus the resources they apply to).
 */
import type { PermissionGroup, TokenDraft, TokenOwner } from '../../../shared/domain';
import type { DraftIssue } from '../../../shared/policy/build';
import { Button } from '../../components/button';
import { Field } from '../../components/field';
import { useT } from '../../lib/i18n';
import { useMessageSentence } from '../../lib/message-sentence';
import { PermissionPicker } from './permission-picker';
import type { ResourceChoices } from './resource-choices';
import { ResourcePicker } from './resource-picker';
import { addPolicy, policyIssues, policyKind, policyScope, removePolicy, updatePolicy } from './wizard-model';

const EFFECTS = ['allow', 'deny'] as const;

export interface AccessStepProps {
  draft: TokenDraft;
  onDraft: (draft: TokenDraft) => void;
  groups: readonly PermissionGroup[];
  groupsById: ReadonlyMap<string, PermissionGroup>;
  owner: TokenOwner;
  choices: ResourceChoices;
  issues: readonly DraftIssue[];
  showIssues: boolean;
}

export function AccessStep({
  draft,
  onDraft,
  groups,
  groupsById,
  owner,
  choices,
  issues,
  showIssues,
}: AccessStepProps): React.JSX.Element {
  const t = useT();
  const say = useMessageSentence();
  const issueAt = (path: string): string | null => {
    const found = showIssues ? issues.find((i) => i.path === path) : undefined;
    return found ? say(found.message) : null;
  };
  const nameIssue = issueAt('name');
  const draftIssue = issueAt('policies');
  return (
    <div className="wizard-step" data-testid="wizard-access">
      <Field label={t('wizard.access.name')} error={nameIssue} hint={t('wizard.access.nameHint')}>
        <input
          className="input"
          value={draft.name}
          maxLength={120}
          onChange={(event) => onDraft({ ...draft, name: event.target.value })}
          data-autofocus
        />
      </Field>
      {draftIssue ? <p className="field-error">{draftIssue}</p> : null}
      <ol className="policy-editor-list">
        {draft.policies.map((policy, index) => {
          const label = t('wizard.access.policy', { number: index + 1 });
          const scope = policyScope(policy, groupsById);
          const kind = policyKind(policy, groupsById);
          const found = policyIssues(showIssues ? issues : [], index);
          const general = found.general.map(say);
          const resources = new Map([...found.resources].map(([row, list]) => [row, list.map(say)]));
          return (
            <li key={index} className="policy-editor" aria-label={label}>
              <div className="policy-editor-head">
                <h3>{label}</h3>
                <div
                  className="segmented"
                  role="radiogroup"
                  aria-label={t('wizard.access.effectOf', { policy: label })}
                >
                  {EFFECTS.map((effect) => (
                    <button
                      key={effect}
                      type="button"
                      role="radio"
                      aria-checked={policy.effect === effect}
                      className={`segment${policy.effect === effect ? ' segment-on' : ''}`}
                      onClick={() =>
                        onDraft(
                          updatePolicy(draft, index, {
                            effect,
                            resources:
                              effect === 'deny'
                                ? policy.resources.map((r) => ({ ...r, include: true }))
                                : policy.resources,
                          }),
                        )
                      }
                    >
                      {t(effect === 'allow' ? 'wizard.access.allow' : 'wizard.access.deny')}
                    </button>
                  ))}
                </div>
                {draft.policies.length > 1 ? (
                  <Button
                    size="sm"
                    variant="ghost"
                    icon="trash"
                    aria-label={t('wizard.access.remove', { policy: label })}
                    onClick={() => onDraft(removePolicy(draft, index))}
                  />
                ) : null}
              </div>
              <div className="policy-editor-body">
                <div className="policy-editor-col">
                  <h4 className="policy-editor-label">{t('wizard.access.permissions')}</h4>
                  <PermissionPicker
                    groups={groups}
                    selected={policy.permissionGroupIds}
                    scope={scope}
                    policyLabel={label}
                    onChange={(ids) => {
                      const nextPolicy = { ...policy, permissionGroupIds: ids };
                      const nextKind = policyKind(nextPolicy, groupsById);
                      let nextResources = policy.resources;
                      if (nextKind !== kind) nextResources = [];
                      if (nextKind === 'user' && nextResources.length === 0 && choices.userId) {
                        nextResources = [{ type: 'user', userId: choices.userId, include: true }];
                      }
                      onDraft(
                        updatePolicy(draft, index, { permissionGroupIds: ids, resources: nextResources }),
                      );
                    }}
                  />
                </div>
                <div className="policy-editor-col">
                  <h4 className="policy-editor-label">{t('wizard.access.resources')}</h4>
                  <ResourcePicker
                    kind={kind}
                    owner={owner}
                    effect={policy.effect}
                    resources={policy.resources}
                    onChange={(list) => onDraft(updatePolicy(draft, index, { resources: list }))}
                    choices={choices}
                    policyLabel={label}
                    issues={resources}
                  />
                </div>
              </div>
              {general.length > 0 ? (
                <ul className="issue-list" aria-label={t('wizard.access.problemsIn', { policy: label })}>
                  {general.map((message) => (
                    <li key={message} className="field-error">
                      {message}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
      <Button icon="plus" onClick={() => onDraft(addPolicy(draft))}>
        {t('wizard.access.addPolicy')}
      </Button>
    </div>
  );
}
