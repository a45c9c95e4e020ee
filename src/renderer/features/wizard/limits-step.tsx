/**
 * Step 3: the client IP filter and the token's validity dates (TTL).
 */
import { useState } from 'react';
import type { TokenDraft } from '../../../shared/domain';
import type { DraftIssue } from '../../../shared/policy/build';
import { Field } from '../../components/field';
import type { Message, MessageKey } from '../../../shared/i18n';
import { formatDay } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { useMessageSentence } from '../../lib/message-sentence';
import { dayToIso, daysFromNow, isoToDay } from '../../lib/token-draft';
import { parseList } from './wizard-model';

export interface LimitsStepProps {
  draft: TokenDraft;
  onDraft: (draft: TokenDraft) => void;
  issues: readonly DraftIssue[];
  showIssues: boolean;
  now: Date;
}

const PRESETS: { label: MessageKey; days: number | null }[] = [
  { label: 'wizard.limits.noExpiry', days: null },
  { label: 'wizard.limits.days7', days: 7 },
  { label: 'wizard.limits.days30', days: 30 },
  { label: 'wizard.limits.days90', days: 90 },
  { label: 'wizard.limits.year1', days: 365 },
];

/** Documentation addresses (RFC 5737, RFC 3849) as the example of a list. */
const ONLY_FROM_EXAMPLE = '203.0.113.0/24\n2001:db8::/32';

/**
 * Addresses or ranges, one per line. The text area keeps what the user typed (blank lines
 * included); the draft gets the parsed list.
 */
function IpListField({
  label,
  placeholder,
  error,
  initial,
  onChange,
}: {
  label: string;
  placeholder: string;
  error: string | null;
  initial: readonly string[];
  onChange: (list: string[]) => void;
}): React.JSX.Element {
  const [text, setText] = useState(initial.join('\n'));
  return (
    <Field label={label} optional error={error}>
      <textarea
        className="textarea mono"
        rows={4}
        placeholder={placeholder}
        value={text}
        spellCheck={false}
        onChange={(event) => {
          setText(event.target.value);
          onChange(parseList(event.target.value));
        }}
      />
    </Field>
  );
}

/** An optional day: the draft holds an ISO time (or null), the input a yyyy-mm-dd day. */
function DayField({
  label,
  hint,
  error,
  min,
  value,
  onChange,
}: {
  label: string;
  hint: string;
  error: string | null;
  min: string;
  value: string | null;
  onChange: (iso: string | null) => void;
}): React.JSX.Element {
  return (
    <Field label={label} optional hint={hint} error={error}>
      <input
        type="date"
        className="input"
        min={min}
        value={isoToDay(value)}
        onChange={(event) => onChange(dayToIso(event.target.value))}
      />
    </Field>
  );
}

/** The problems of one list's entries, as one line; each names the entry as typed. */
function listIssues(
  say: (message: Message) => string,
  issues: readonly DraftIssue[],
  field: 'in' | 'notIn',
): string | null {
  const messages = issues
    .filter((issue) => issue.path.startsWith(`requestIp.${field}.`))
    .map((issue) => say(issue.message));
  return messages.length > 0 ? messages.join(' · ') : null;
}

export function LimitsStep({ draft, onDraft, issues, showIssues, now }: LimitsStepProps): React.JSX.Element {
  const t = useT();
  const say = useMessageSentence();
  const shown = showIssues ? issues : [];
  const issueAt = (path: string): string | null => {
    const found = shown.find((i) => i.path === path);
    return found ? say(found.message) : null;
  };
  const expiresIssue = issueAt('expiresOn');
  const notBeforeIssue = issueAt('notBefore');
  const today = isoToDay(now.toISOString());

  return (
    <div className="wizard-step" data-testid="wizard-limits">
      <section className="wizard-section" aria-labelledby="ip-heading">
        <h3 id="ip-heading" className="wizard-subheading">
          {t('wizard.limits.ipTitle')}
        </h3>
        <p className="muted">{t('wizard.limits.ipText')}</p>
        <div className="form-row">
          <IpListField
            label={t('wizard.limits.onlyFrom')}
            placeholder={ONLY_FROM_EXAMPLE}
            error={listIssues(say, shown, 'in')}
            initial={draft.requestIp.in}
            onChange={(list) => onDraft({ ...draft, requestIp: { ...draft.requestIp, in: list } })}
          />
          <IpListField
            label={t('wizard.limits.blockFrom')}
            placeholder="198.51.100.7"
            error={listIssues(say, shown, 'notIn')}
            initial={draft.requestIp.notIn}
            onChange={(list) => onDraft({ ...draft, requestIp: { ...draft.requestIp, notIn: list } })}
          />
        </div>
      </section>

      <section className="wizard-section" aria-labelledby="ttl-heading">
        <h3 id="ttl-heading" className="wizard-subheading">
          {t('wizard.limits.ttlTitle')}
        </h3>
        <p className="muted">{t('wizard.limits.ttlText')}</p>
        <div className="chip-row" role="group" aria-label={t('wizard.limits.presets')}>
          {PRESETS.map((preset) => {
            const value = preset.days === null ? null : daysFromNow(preset.days, now);
            const on =
              preset.days === null ? draft.expiresOn === null : isoToDay(draft.expiresOn) === isoToDay(value);
            return (
              <button
                key={preset.label}
                type="button"
                className={`chip${on ? ' chip-on' : ''}`}
                aria-pressed={on}
                onClick={() => onDraft({ ...draft, expiresOn: value })}
              >
                {t(preset.label)}
              </button>
            );
          })}
        </div>
        <div className="form-row">
          <DayField
            label={t('wizard.limits.start')}
            hint={t('wizard.limits.startHint')}
            error={notBeforeIssue}
            min={today}
            value={draft.notBefore}
            onChange={(notBefore) => onDraft({ ...draft, notBefore })}
          />
          <DayField
            label={t('wizard.limits.end')}
            hint={
              draft.expiresOn
                ? t('wizard.limits.endHint', { day: formatDay(draft.expiresOn) ?? '' })
                : t('wizard.limits.neverExpires')
            }
            error={expiresIssue}
            min={today}
            value={draft.expiresOn}
            onChange={(expiresOn) => onDraft({ ...draft, expiresOn })}
          />
        </div>
      </section>
    </div>
  );
}
