/**
 * One row of the token table: name with its worst warning, profile, kind, status, permissions,
 * resources, IP filter, last use, expiry, kept secret and last verify. Memoised: the table
 * re-renders on every scroll, a row only when its token or its selection changes.
 */
import { memo } from 'react';
import type { TokenRow } from '../../../shared/domain';
import type { Translate } from '../../../shared/i18n';
import { KindBadge, SecretKept, StatusBadge, VerifyBadge } from '../../components/badges';
import { Icon } from '../../components/icons';
import { formatDay, formatRelativeShort, toTime } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { ipFilterWords, ipRangesOf } from '../../lib/ip-filter-words';
import { permissionsWords, resourcesWords } from '../../lib/summary-words';
import { useMessageSentence } from '../../lib/message-sentence';

const DAY_MS = 86_400_000;

/**
 * Each row's permission and resource summaries in words, for the language they were made in (its
 * `t`): a search keystroke mounts the rows it brings on screen again, and reading a summary back
 * into words costs more than the rest of the row.
 */
const summaries = new WeakMap<TokenRow, { t: Translate; permissions: string; resources: string }>();

function summaryWords(row: TokenRow, t: Translate): { permissions: string; resources: string } {
  let words = summaries.get(row);
  if (words?.t !== t) {
    words = {
      t,
      permissions: permissionsWords(row.permissionsSummary, row.permissionNames),
      resources: resourcesWords(row.resourcesSummary, row.resourceNames),
    };
    summaries.set(row, words);
  }
  return words;
}

/** The first range of an IP filter, and how many more: a CIDR must never break mid-address. */
function IpCell({ summary }: { summary: string }): React.JSX.Element {
  const t = useT();
  const filter = ipRangesOf(summary);
  const ranges = [...filter.in, ...filter.notIn.map((range) => t('tokens.row.notFrom', { range }))];
  return (
    <span className="ip-cell">
      <span className="cell-line">{ranges[0]}</span>
      {ranges.length > 1 ? (
        <span className="cell-line muted">{t('tokens.row.more', { count: ranges.length - 1 })}</span>
      ) : null}
    </span>
  );
}

export function rowId(key: string): string {
  return `token-row-${key.replace(/[^A-Za-z0-9_-]/gu, '_')}`;
}

function ExpiresCell({ iso, now }: { iso: string | null; now: Date }): React.JSX.Element {
  const t = useT();
  const time = toTime(iso);
  if (time === null) return <span className="muted">{t('tokens.row.neverExpires')}</span>;
  const left = time - now.getTime();
  const tone = left <= 0 ? 'cell-danger' : left <= 30 * DAY_MS ? 'cell-warn' : '';
  return (
    <time className={tone} dateTime={iso ?? undefined} title={formatDay(iso) ?? undefined}>
      {formatRelativeShort(iso, now)}
    </time>
  );
}

export const TokenRowView = memo(function TokenRowView({
  row,
  index,
  selected,
  tabbable,
  top,
  now,
  onSelect,
  picked,
  onPick,
}: {
  row: TokenRow;
  index: number;
  selected: boolean;
  tabbable: boolean;
  top: number;
  now: Date;
  onSelect: (key: string, open: boolean) => void;
  picked: boolean;
  onPick: ((key: string, range: boolean) => void) | undefined;
}): React.JSX.Element {
  const t = useT();
  const words = useMessageSentence();
  const { permissions, resources } = summaryWords(row, t);
  const worst =
    row.warnings.find((w) => w.severity === 'danger') ?? row.warnings.find((w) => w.severity === 'warning');
  return (
    <div
      role="row"
      id={rowId(row.key)}
      data-key={row.key}
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      className={`token-row token-grid${selected ? ' token-row-selected' : ''}${picked ? ' token-row-picked' : ''}${index % 2 === 1 ? ' token-row-alt' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      onMouseDown={(event) => {
        // A shift-click picks a range; it must not select the page's text on the way.
        if (onPick && event.shiftKey) event.preventDefault();
      }}
      onClick={(event) => {
        if (onPick && (event.ctrlKey || event.metaKey || event.shiftKey)) onPick(row.key, event.shiftKey);
        else onSelect(row.key, true);
      }}
    >
      <div role="gridcell" className="cell col-name" title={row.name}>
        {picked ? (
          <span className="picked-mark">
            <Icon name="check" size={12} />
            <span className="visually-hidden">{t('tokens.row.picked')}</span>
          </span>
        ) : null}
        <span className="cell-name clamp">{row.name}</span>
        {worst ? (
          <span
            className={`warn-dot warn-dot-${worst.severity}`}
            title={row.warnings.map((w) => words(w.message)).join('\n')}
          >
            <Icon name="alert" size={12} />
            <span className="visually-hidden">
              {t('tokens.row.warnings', { count: row.warnings.length, message: words(worst.message) })}
            </span>
          </span>
        ) : null}
      </div>
      <div
        role="gridcell"
        className="cell col-profile"
        title={
          row.accountName
            ? t('tokens.row.profileTitle', { profile: row.profileLabel, account: row.accountName })
            : row.profileLabel
        }
      >
        <span className="cell-line">{row.profileLabel}</span>
        {row.isCredential ? (
          <span className="cell-line cell-credential">
            <Icon name="key" size={11} /> {t('tokens.row.credential')}
          </span>
        ) : row.accountName ? (
          <span className="cell-line muted">{row.accountName}</span>
        ) : null}
      </div>
      <div role="gridcell" className="cell col-kind">
        <KindBadge kind={row.kind} />
      </div>
      <div role="gridcell" className="cell col-status">
        <StatusBadge status={row.status} />
      </div>
      <div role="gridcell" className="cell col-permissions" title={permissions}>
        <span className="clamp">{permissions || <span className="muted">{t('tokens.row.none')}</span>}</span>
      </div>
      <div role="gridcell" className="cell col-resources" title={resources}>
        <span className="clamp">{resources || <span className="muted">{t('tokens.row.none')}</span>}</span>
      </div>
      <div role="gridcell" className="cell col-ip" title={ipFilterWords(row.ipFilterSummary)}>
        {row.ipFilterSummary ? (
          <IpCell summary={row.ipFilterSummary} />
        ) : (
          <span className="muted">{t('tokens.row.anyIp')}</span>
        )}
      </div>
      <div role="gridcell" className="cell col-used">
        {row.lastUsedOn ? (
          <span title={formatDay(row.lastUsedOn) ?? undefined}>
            {formatRelativeShort(row.lastUsedOn, now)}
          </span>
        ) : (
          <span className="muted">{t('tokens.row.neverUsed')}</span>
        )}
      </div>
      <div role="gridcell" className="cell col-expires">
        <ExpiresCell iso={row.expiresOn} now={now} />
      </div>
      <div role="gridcell" className="cell col-secret">
        <SecretKept kept={row.secretKept} />
      </div>
      <div role="gridcell" className="cell col-verify">
        <VerifyBadge result={row.lastVerify} now={now} />
      </div>
    </div>
  );
});
