/**
 * GET /user: the login behind the credential.
 *
 * Needs "User Details Read" (or Write) on com.cloudflare.api.user.<id>, or a Global API Key.
 * Account-owned tokens have no user: Cloudflare refuses them here, and the exact code is not
 * documented; the simulator answers 403 with 9109 "Unauthorized to access requested resource".
 */
import { principalForApi } from './auth';
import { cfErrors } from './cf-errors';
import { ok } from './envelope';
import { failWith, isCfFailure, type Handler } from './handler-context';
import { hasPermission } from './policy-engine';

export const getUser: Handler = (context) => {
  const principal = principalForApi(context.caller);
  if (isCfFailure(principal)) return failWith(principal);
  if (principal.kind === 'account_token') return failWith(cfErrors.unauthorized());
  const { store } = context;
  const target = { kind: 'user', userId: principal.userId } as const;
  if (!hasPermission(principal, target, ['User Details Read', 'User Details Write'], store)) {
    return failWith(cfErrors.unauthorized());
  }
  const user = store.users.get(principal.userId);
  if (!user) return failWith(cfErrors.unauthorized());
  const memberships = store.memberships.filter((m) => m.user_id === user.id);
  const plans = memberships.flatMap((m) => store.zonesOfAccount(m.account_id).map((zone) => zone.plan));
  return ok({
    id: user.id,
    email: user.email,
    first_name: user.first_name,
    last_name: user.last_name,
    username: user.id,
    telephone: null,
    country: null,
    zipcode: null,
    created_on: user.created_on,
    modified_on: user.modified_on,
    two_factor_authentication_enabled: false,
    two_factor_authentication_locked: false,
    has_pro_zones: plans.includes('pro'),
    has_business_zones: plans.includes('business'),
    has_enterprise_zones: plans.includes('enterprise'),
    suspended: false,
    betas: [],
    organizations: memberships.flatMap((m) => {
      const account = store.accounts.get(m.account_id);
      return account
        ? [{ id: account.id, name: account.name, status: 'member', permissions: [], roles: m.roles }]
        : [];
    }),
  });
};
