/**
 * Edit's starting point for a cached token: its exact draft, or why Keyflare must not edit it.
 *
 * Read from the token as Cloudflare sent it (never from decoded words, which lose nested forms
 * and resource values), so that saving the draft unchanged gives back the same policies. The
 * draft is withheld whenever anything is unrepresentable: a partial draft in the wizard would
 * silently remove those parts on save.
 */
import type { CfToken } from '../cloudflare-types';
import { TokenDraft, type TokenEdit } from '../domain';
import { issueMessage } from '../i18n/issue-message';
import { msg, nest } from '../i18n/message';
import type { BuildContext } from './build-context';
import { draftFromToken } from './draft-from-token';

/** The TokenDetail.edit of a token: the draft, or null with every reason as a message. */
export function editDraft(token: CfToken, ctx: BuildContext): TokenEdit {
  const read = draftFromToken(token, ctx);
  const unrepresentable = [...read.unrepresentable];
  if (unrepresentable.length === 0 && read.draft.policies.length === 0) {
    unrepresentable.push(msg('validation.edit.noPolicies'));
  }
  if (unrepresentable.length > 0) return { draft: null, unrepresentable };
  // The draft must fit the contract's schema too (a name over 120 characters, an id of another
  // shape): better a reason than a tokens.get reply that fails its output check.
  const checked = TokenDraft.safeParse(read.draft);
  if (!checked.success) {
    return {
      draft: null,
      unrepresentable: checked.error.issues.map((issue) =>
        msg('validation.edit.field', {
          field: issue.path.map(String).join('.'),
          ...nest('problem', issueMessage(issue)),
        }),
      ),
    };
  }
  return { draft: checked.data, unrepresentable: [] };
}
