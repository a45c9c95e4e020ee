/**
 * GET /accounts and GET /accounts/{account_id}.
 *
 * A token sees the accounts where at least one account-scoped permission group is effective
 * (allowed and not denied); zone-only tokens see none. A Global API Key sees every account
 * its user is a member of. Account-owned tokens see their own account: public reports from
 * 2024 show "List accounts endpoint does not support account owned tokens" (400/1001), newer
 * ones (2026) show /accounts working for every token type; the simulator follows the newer.
 */
import { principalForApi } from './auth';
import { cfErrors } from './cf-errors';
import { ok } from './envelope';
import { failWith, idParam, isCfFailure, type Handler, type HandlerContext } from './handler-context';
import type { AccountRecord } from './model';
import { paginate, parsePageRequest, sortBy } from './pagination';
import { reachableAccounts, reaches, type Principal } from './policy-engine';
import { matchesFilter } from './list-filters';

function accountView(account: AccountRecord): Record<string, unknown> {
  return {
    id: account.id,
    name: account.name,
    type: account.type,
    created_on: account.created_on,
    settings: { enforce_twofactor: false },
  };
}

function visibleAccounts(context: HandlerContext, principal: Principal): AccountRecord[] {
  const { store } = context;
  return [...reachableAccounts(principal, store)]
    .map((id) => store.accounts.get(id))
    .filter((account): account is AccountRecord => account !== undefined)
    .filter((account) => reaches(principal, { kind: 'account', accountId: account.id }, store));
}

export const listAccounts: Handler = (context) => {
  const principal = principalForApi(context.caller);
  if (isCfFailure(principal)) return failWith(principal);
  const page = parsePageRequest(context.query);
  if (isCfFailure(page)) return failWith(page);
  const name = context.query.get('name');
  const accounts = visibleAccounts(context, principal).filter(
    (account) => name === null || matchesFilter(account.name, name),
  );
  const { items, resultInfo } = paginate(
    sortBy(accounts, (account) => account.name.toLowerCase(), page.direction),
    page,
  );
  return ok(items.map(accountView), { resultInfo });
};

export const getAccount: Handler = (context) => {
  const id = idParam(context, 'account_id');
  if (isCfFailure(id)) return failWith(id);
  const principal = principalForApi(context.caller);
  if (isCfFailure(principal)) return failWith(principal);
  const account = context.store.accounts.get(id);
  if (!account) return failWith(cfErrors.invalidObjectId(`/client/v4${context.path}`));
  if (!visibleAccounts(context, principal).some((visible) => visible.id === id)) {
    return failWith(cfErrors.unauthorized());
  }
  return ok(accountView(account));
};
