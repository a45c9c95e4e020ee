/**
 * A token's reach in its detail: "reaches 37 zones in 2 accounts", expandable to the zones.
 *
 * Computed here from the detail's decoded policies and the login's cached zones and accounts with
 * the shared access index, the same evaluation the explorer and `keyflare can` use; so it answers
 * at once, offline, without a call to main.
 */
import { useMemo, useState } from 'react';
import { buildAccessIndex } from '../../../shared/access/access-index';
import type { TokenDetail } from '../../../shared/domain';
import { currentLocale, useT } from '../../lib/i18n';
import { useMessageSentence } from '../../lib/message-sentence';
import { useProfilesStore } from '../../stores/profiles-store';

export function TokenReach({ detail }: { detail: TokenDetail }): React.JSX.Element | null {
  const zones = useProfilesStore((s) => s.zones);
  const accounts = useProfilesStore((s) => s.accounts);
  const profiles = useProfilesStore((s) => s.profiles);
  const [open, setOpen] = useState(false);
  const t = useT();
  const words = useMessageSentence();
  const reach = useMemo(
    () =>
      buildAccessIndex({
        tokens: [detail],
        zones: zones.filter((z) => z.profileId === detail.profileId),
        accounts: accounts.filter((a) => a.profileId === detail.profileId),
        profiles: profiles
          .filter((p) => p.id === detail.profileId)
          .map((p) => ({ id: p.id, userId: p.userId })),
      }).reach(detail.key),
    [detail, zones, accounts, profiles],
  );
  if (!reach) return null;
  const byAccount = new Map<string, typeof reach.zones>();
  for (const zone of reach.zones) {
    const name = zone.accountName ?? t('access.reach.noAccount');
    byAccount.set(name, [...(byAccount.get(name) ?? []), zone]);
  }
  return (
    <div className="reach" data-testid="token-reach">
      <p className="reach-summary">
        {/* Chinese runs its sentences on after 。; English puts a space between them. */}
        <span>
          {reach.summary.map((sentence) => words(sentence)).join(currentLocale() === 'zh-CN' ? '' : ' ')}
        </span>
        {reach.zones.length > 0 ? (
          <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? t('access.reach.hideZones') : t('access.reach.showZones')}
          </button>
        ) : null}
      </p>
      {open ? (
        <div className="reach-zones">
          {[...byAccount.entries()].map(([account, list]) => (
            <section key={account} aria-label={account}>
              <h4 className="reach-account">
                {account} <span className="muted">· {list.length}</span>
              </h4>
              <ul className="reach-list">
                {list.map((zone) => (
                  <li key={zone.zoneId}>
                    {zone.zoneName} <span className="muted">— {zone.groups.join(', ')}</span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      ) : null}
    </div>
  );
}
