/**
 * Wizard helpers: steps, the issues of each step, and draft edits as pure functions.
 */
import type { PermissionGroup, PolicyDraft, ResourceSelector, TokenDraft } from '../../../shared/domain';
import type { DraftIssue } from '../../../shared/policy/build';
import { scopeKind, type ScopeKind } from '../../../shared/policy/scopes';

export type WizardStep = 'start' | 'access' | 'limits' | 'review' | 'done';

export const STEP_TITLES: Record<Exclude<WizardStep, 'done'>, string> = {
  start: 'Template',
  access: 'Permissions and resources',
  limits: 'IP filter and dates',
  review: 'Review',
};

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
): { general: string[]; resources: Map<number, string[]> } {
  const base = `policies.${index}`;
  const general: string[] = [];
  const resources = new Map<number, string[]>();
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
