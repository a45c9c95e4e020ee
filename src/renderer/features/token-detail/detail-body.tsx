/**
 * The detail panel's facts about one token: warnings, access, IP filter, validity, activity, the
 * last verify and the history. Shows the row's summary at once and the full detail once loaded.
 */
import type { TokenDetail, TokenRow, TokenWarning } from '../../../shared/domain';
import type { MessageKey } from '../../../shared/i18n';
import type { MessageData } from '../../../shared/i18n/english-message';
import { VerifyBadge } from '../../components/badges';
import { Icon, type IconName } from '../../components/icons';
import { formatDateTime, formatRelative, sentence } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { ipFilterWords } from '../../lib/ip-filter-words';
import { permissionsWords, resourcesWords } from '../../lib/summary-words';
import { messageSentence } from '../../lib/message-sentence';
import { useProfilesStore } from '../../stores/profiles-store';
import { DateRow, Section } from './detail-section';
import { PolicyList } from './policy-list';
import { TokenHistory } from './token-history';
import { TokenReach } from '../access/token-reach';

const WARNING_ICON: Record<TokenWarning['severity'], IconName> = {
  danger: 'alert',
  warning: 'alert',
  info: 'info',
};

/** The parts of a token Keyflare's editor cannot hold, in full: why Edit is unavailable. */
function Uneditable({ parts }: { parts: readonly MessageData[] }): React.JSX.Element {
  const t = useT();
  return (
    <div className="callout callout-warn" data-testid="uneditable">
      <Icon name="alert" className="callout-icon" />
      <div className="callout-body">
        <p className="callout-title">{t('tokenDetail.body.uneditableTitle')}</p>
        <p className="callout-text">{t('tokenDetail.body.uneditableText')}</p>
        <ul className="callout-facts">
          {parts.map(messageSentence).map((part) => (
            <li key={part}>{part}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export function DetailBody({
  row,
  detail,
  now,
}: {
  row: TokenRow;
  detail: TokenDetail | null;
  now: Date;
}): React.JSX.Element {
  const t = useT();
  const accounts = useProfilesStore((s) => s.accounts);
  const source = detail ?? row;
  const checkedAt = source.lastVerify?.checkedAt ?? null;
  /** Label, date and the word for no date, per row. */
  const dateRows = (rows: [MessageKey, string | null, MessageKey][]): React.JSX.Element[] =>
    rows.map(([label, iso, fallback]) => (
      <DateRow key={label} label={t(label)} iso={iso} now={now} fallback={t(fallback)} />
    ));
  return (
    <>
      {source.warnings.length > 0 ? (
        <ul className="warning-list" aria-label={t('tokenDetail.body.warnings')}>
          {source.warnings.map((warning) => (
            <li key={warning.kind} className={`warning warning-${warning.severity}`}>
              <Icon name={WARNING_ICON[warning.severity]} size={14} />
              <span>{sentence(messageSentence(warning.message))}</span>
            </li>
          ))}
        </ul>
      ) : null}

      <Section title={t('tokenDetail.body.access')} id="detail-access">
        {detail ? (
          <>
            <PolicyList detail={detail} accounts={accounts} />
            <TokenReach detail={detail} />
            {detail.edit.unrepresentable.length > 0 ? (
              <Uneditable parts={detail.edit.unrepresentable} />
            ) : null}
          </>
        ) : (
          <p>
            {t('tokenDetail.body.accessSummary', {
              permissions: permissionsWords(row.permissionsSummary, row.permissionNames),
              resources: resourcesWords(row.resourcesSummary, row.resourceNames),
            })}
          </p>
        )}
      </Section>

      <Section title={t('tokenDetail.body.ipFilter')} id="detail-ip">
        {detail ? (
          detail.requestIp.in.length === 0 && detail.requestIp.notIn.length === 0 ? (
            <p className="muted">{t('policy.ip.any')}</p>
          ) : (
            <dl className="kv-list">
              {detail.requestIp.in.length > 0 ? (
                <div className="kv">
                  <dt>{t('tokenDetail.body.onlyFrom')}</dt>
                  <dd className="mono">{detail.requestIp.in.join(', ')}</dd>
                </div>
              ) : null}
              {detail.requestIp.notIn.length > 0 ? (
                <div className="kv">
                  <dt>{t('tokenDetail.body.notFrom')}</dt>
                  <dd className="mono">{detail.requestIp.notIn.join(', ')}</dd>
                </div>
              ) : null}
            </dl>
          )
        ) : (
          <p>{ipFilterWords(row.ipFilterSummary)}</p>
        )}
      </Section>

      <Section title={t('tokenDetail.body.validity')} id="detail-validity">
        <dl className="kv-list">
          {dateRows([
            ['tokenDetail.body.validFrom', source.notBefore, 'tokenDetail.body.immediately'],
            ['tokenDetail.body.expires', source.expiresOn, 'tokenDetail.body.never'],
          ])}
        </dl>
      </Section>

      <Section title={t('tokenDetail.body.activity')} id="detail-activity">
        <dl className="kv-list">
          {dateRows([
            ['tokenDetail.body.issued', source.issuedOn, 'tokenDetail.body.unknown'],
            ['tokenDetail.body.modified', source.modifiedOn, 'tokenDetail.body.unknown'],
            ['tokenDetail.body.lastUsed', source.lastUsedOn, 'tokenDetail.body.neverUsed'],
          ])}
        </dl>
      </Section>

      <Section title={t('tokenDetail.body.lastVerify')} id="detail-verify">
        {source.lastVerify ? (
          <div className="verify-result" data-testid="last-verify">
            <VerifyBadge result={source.lastVerify} now={now} />
            <p>{messageSentence(source.lastVerify.message)}</p>
            <p className="muted">
              <time dateTime={checkedAt ?? undefined} title={formatDateTime(checkedAt) ?? undefined}>
                {t('tokenDetail.body.checked', { when: formatRelative(checkedAt, now) ?? '' })}
              </time>
            </p>
          </div>
        ) : (
          <p className="muted" data-testid="last-verify">
            {t('tokenDetail.body.notVerified')}
          </p>
        )}
      </Section>

      <Section title={t('tokenDetail.body.history')} id="detail-history">
        {detail ? (
          <TokenHistory entries={detail.history} now={now} />
        ) : (
          <p className="muted">{t('tokenDetail.body.loading')}</p>
        )}
      </Section>

      <p className="detail-id">
        {t('tokenDetail.body.tokenId')} <span className="mono">{row.id}</span>
      </p>
    </>
  );
}
