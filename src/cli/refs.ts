/**
 * Naming profiles and tokens on the command line, the way `gh` names repositories.
 *
 * A profile is its id or its label (any case). A token is its id, its name when that name is
 * unique across every profile, or `profile/name` (profile label or id, then the name). A name
 * that several tokens share is an error listing each candidate as `profile/name (id)`, so the
 * user can copy an unambiguous form. An id is tried first, and is read without the token list:
 * `tokens.get` per profile answers from one row, which keeps `exec <id>` and `can <id>` fast.
 */
import type { Profile, TokenDetail, TokenRow } from '../shared/domain';
import { msg } from '../shared/i18n/message';
import { CliError, EXIT } from './exit-codes';
import type { Session } from './session';

const ID_PATTERN = /^[A-Za-z0-9]{1,32}$/u;

/** "Add one with `keyflare profiles add <label>`.": where a command needs a profile and there is none. */
export const ADD_PROFILE = msg('cli.refs.addProfile', { command: 'keyflare profiles add <label>' });

export function findProfile(profiles: readonly Profile[], ref: string): Profile {
  const text = ref.trim();
  const byId = profiles.find((profile) => profile.id === text);
  if (byId) return byId;
  const byLabel = profiles.filter((profile) => profile.label.toLowerCase() === text.toLowerCase());
  const only = byLabel[0];
  if (byLabel.length === 1 && only) return only;
  if (byLabel.length > 1) {
    throw new CliError(
      EXIT.conflict,
      msg('cli.refs.profileAmbiguous', { count: byLabel.length, label: text }),
      byLabel.map((profile) => `  ${profile.id}  ${profile.label}`),
    );
  }
  throw new CliError(
    EXIT.notFound,
    msg('cli.refs.noProfile', { label: text }),
    profiles.length > 0
      ? [msg('cli.refs.profileList', { labels: profiles.map((profile) => profile.label).join(', ') })]
      : [ADD_PROFILE],
  );
}

export async function profileFor(session: Session, ref: string | undefined): Promise<Profile | null> {
  if (ref === undefined) return null;
  return findProfile(await session.call('profiles.list', {}), ref);
}

/** Where a token was found: the profile that sees it and its id. */
export interface TokenKey {
  profileId: string;
  tokenId: string;
}

async function detailIfKnown(session: Session, key: TokenKey): Promise<TokenDetail | null> {
  try {
    return await session.call('tokens.get', key);
  } catch (error) {
    if (error instanceof CliError && error.exitCode === EXIT.notFound) return null;
    throw error;
  }
}

function candidateLines(rows: readonly TokenRow[]): string[] {
  return rows.map((row) => `  ${row.profileLabel}/${row.name}  (${row.id})`);
}

function pickByName(rows: readonly TokenRow[], ref: string, profiles: readonly Profile[]): TokenRow[] {
  const exact = rows.filter((row) => row.name === ref);
  if (exact.length > 0) return exact;
  const slash = ref.indexOf('/');
  if (slash > 0) {
    const profileText = ref.slice(0, slash).toLowerCase();
    const name = ref.slice(slash + 1);
    const inProfile = profiles.filter(
      (profile) => profile.id === ref.slice(0, slash) || profile.label.toLowerCase() === profileText,
    );
    const ids = new Set(inProfile.map((profile) => profile.id));
    const found = rows.filter((row) => ids.has(row.profileId) && (row.name === name || row.id === name));
    if (found.length > 0) return found;
  }
  return rows.filter((row) => row.name.toLowerCase() === ref.toLowerCase());
}

/**
 * The token a reference names, as its detail (decoded policies included).
 * `scope` limits the search to one profile (--profile).
 */
export async function resolveToken(
  session: Session,
  ref: string,
  scope: Profile | null,
): Promise<TokenDetail> {
  const text = ref.trim();
  if (text.length === 0) throw new CliError(EXIT.usage, msg('cli.refs.nameToken'));
  const profiles = scope ? [scope] : await session.call('profiles.list', {});
  if (profiles.length === 0) {
    throw new CliError(EXIT.notFound, msg('cli.refs.noProfiles'), [ADD_PROFILE]);
  }
  if (ID_PATTERN.test(text)) {
    const found: TokenDetail[] = [];
    for (const profile of profiles) {
      const detail = await detailIfKnown(session, { profileId: profile.id, tokenId: text });
      if (detail) found.push(detail);
    }
    const only = found[0];
    if (found.length === 1 && only) return only;
    if (found.length > 1) {
      throw new CliError(
        EXIT.conflict,
        msg('cli.refs.idAmbiguous', { id: text, count: found.length }),
        candidateLines(found),
      );
    }
  }
  const rows = scope
    ? await session.call('tokens.list', { profileId: scope.id })
    : await session.call('tokens.list', {});
  const matches = pickByName(rows, text, profiles);
  const match = matches[0];
  if (matches.length === 1 && match)
    return session.call('tokens.get', { profileId: match.profileId, tokenId: match.id });
  if (matches.length > 1) {
    throw new CliError(
      EXIT.conflict,
      msg('cli.refs.nameAmbiguous', { name: text, count: matches.length }),
      candidateLines(matches),
    );
  }
  throw new CliError(EXIT.notFound, msg('cli.refs.noToken', { name: text }), [
    msg('cli.refs.noTokenNext', { search: 'keyflare tokens --search <words>', sync: 'keyflare sync' }),
  ]);
}

/** The token a `.keyflare.json` reference names, by ids: survives renames and rolls. */
export async function tokenByKey(session: Session, key: TokenKey, what: string): Promise<TokenDetail> {
  const profiles = await session.call('profiles.list', {});
  if (!profiles.some((profile) => profile.id === key.profileId)) {
    throw new CliError(EXIT.notFound, msg('cli.refs.fileProfileMissing', { file: what, id: key.profileId }), [
      msg('cli.refs.fileProfileMissingNext', { add: 'keyflare profiles add', link: 'keyflare link' }),
    ]);
  }
  const detail = await detailIfKnown(session, key);
  if (!detail) {
    throw new CliError(EXIT.notFound, msg('cli.refs.fileTokenMissing', { file: what, id: key.tokenId }), [
      msg('cli.refs.fileTokenMissingNext', { sync: 'keyflare sync' }),
    ]);
  }
  return detail;
}
