/**
 * The detail panel's facts about one token: warnings, access, IP filter, validity, activity, the
 * last verify and the history. Shows the row's summary at once and the full detail once loaded.
 */
import type { TokenDetail, TokenRow, TokenWarning } from '../../../shared/domain';
import { VerifyBadge } from '../../components/badges';
import { Icon, type IconName } from '../../components/icons';
import { RelativeTime } from '../../components/relative-time';
import { sentence } from '../../lib/format';
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
function Uneditable({ parts }: { parts: string[] }): React.JSX.Element {
  return (
    <div className="callout callout-warn" data-testid="uneditable">
      <Icon name="alert" className="callout-icon" />
      <div className="callout-body">
        <p className="callout-title">Keyflare cannot edit this token</p>
        <p className="callout-text">
          Saving it from Keyflare would remove these parts. Edit it in the Cloudflare dashboard instead:
        </p>
        <ul className="callout-facts">
          {parts.map((part) => (
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
  const accounts = useProfilesStore((s) => s.accounts);
  const source = detail ?? row;
  return (
    <>
      {source.warnings.length > 0 ? (
        <ul className="warning-list" aria-label="Warnings">
          {source.warnings.map((warning) => (
            <li key={warning.kind} className={`warning warning-${warning.severity}`}>
              <Icon name={WARNING_ICON[warning.severity]} size={14} />
              <span>{sentence(warning.message)}</span>
            </li>
          ))}
        </ul>
      ) : null}

      <Section title="Access" id="detail-access">
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
            {row.permissionsSummary} on {row.resourcesSummary}
          </p>
        )}
      </Section>

      <Section title="IP filter" id="detail-ip">
        {detail ? (
          detail.requestIp.in.length === 0 && detail.requestIp.notIn.length === 0 ? (
            <p className="muted">Works from any IP address.</p>
          ) : (
            <dl className="kv-list">
              {detail.requestIp.in.length > 0 ? (
                <div className="kv">
                  <dt>Only from</dt>
                  <dd className="mono">{detail.requestIp.in.join(', ')}</dd>
                </div>
              ) : null}
              {detail.requestIp.notIn.length > 0 ? (
                <div className="kv">
                  <dt>Not from</dt>
                  <dd className="mono">{detail.requestIp.notIn.join(', ')}</dd>
                </div>
              ) : null}
            </dl>
          )
        ) : (
          <p>{row.ipFilterSummary ?? 'Works from any IP address.'}</p>
        )}
      </Section>

      <Section title="Validity" id="detail-validity">
        <dl className="kv-list">
          <DateRow label="Valid from" iso={source.notBefore} now={now} fallback="Immediately" />
          <DateRow label="Expires" iso={source.expiresOn} now={now} fallback="Never" />
        </dl>
      </Section>

      <Section title="Activity" id="detail-activity">
        <dl className="kv-list">
          <DateRow label="Issued" iso={source.issuedOn} now={now} fallback="Unknown" />
          <DateRow label="Modified" iso={source.modifiedOn} now={now} fallback="Unknown" />
          <DateRow label="Last used" iso={source.lastUsedOn} now={now} fallback="Never used" />
        </dl>
      </Section>

      <Section title="Last verify" id="detail-verify">
        {source.lastVerify ? (
          <div className="verify-result" data-testid="last-verify">
            <VerifyBadge result={source.lastVerify} now={now} />
            <p>{messageSentence(source.lastVerify.message)}</p>
            <p className="muted">
              Checked <RelativeTime iso={source.lastVerify.checkedAt} now={now} />
            </p>
          </div>
        ) : (
          <p className="muted" data-testid="last-verify">
            Not verified yet. Verify asks Cloudflare whether this token’s secret works right now.
          </p>
        )}
      </Section>

      <Section title="History" id="detail-history">
        {detail ? <TokenHistory entries={detail.history} now={now} /> : <p className="muted">Loading…</p>}
      </Section>

      <p className="detail-id">
        Token ID <span className="mono">{row.id}</span>
      </p>
    </>
  );
}
