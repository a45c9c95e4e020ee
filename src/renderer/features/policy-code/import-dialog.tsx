/**
 * Import a Keyflare recipe or a pasted Cloudflare API body into a profile: main resolves every
 * name and id against the profile's cache, the report says what did and did not resolve, and the
 * wizard opens on the draft. Nothing is sent until the wizard's review step.
 */
import { useState } from 'react';
import type { AppErrorShape } from '../../../shared/errors';
import type { ImportResult } from '../../../shared/export/export-schemas';
import { Dialog } from '../../components/dialog';
import { DialogFooter } from '../../components/dialog-footer';
import { ErrorCallout } from '../../components/error-callout';
import { Field } from '../../components/field';
import { useT } from '../../lib/i18n';
import { useProfilesStore } from '../../stores/profiles-store';
import { canCreateTokens } from '../wizard/wizard-model';
import { ImportReport } from './import-report';
import { openInWizard, policyCode } from './policy-code-api';

export function ImportDialog({
  profileId,
  onClose,
}: {
  profileId: string | null;
  onClose: () => void;
}): React.JSX.Element {
  const t = useT();
  const profiles = useProfilesStore((s) => s.profiles).filter(canCreateTokens);
  const [target, setTarget] = useState(profiles.find((p) => p.id === profileId)?.id ?? profiles[0]?.id ?? '');
  const [text, setText] = useState('');
  const [index, setIndex] = useState(0);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const resolve = async (at = index): Promise<void> => {
    setBusy(true);
    const reply = await policyCode.resolveImport({ profileId: target, text, index: at });
    setBusy(false);
    setResult(reply.ok ? reply.value : null);
    setError(reply.ok ? null : reply.error);
  };

  return (
    <Dialog
      title={t('policyCode.import.title')}
      description={t('policyCode.import.description')}
      onClose={onClose}
      size="lg"
      testId="import-dialog"
      footer={
        <DialogFooter
          onCancel={onClose}
          busy={busy}
          primary={
            result
              ? {
                  label: t('policyCode.openInWizard'),
                  icon: 'chevron-right',
                  onClick: () => {
                    openInWizard(result);
                    onClose();
                  },
                }
              : {
                  label: t('policyCode.import.check'),
                  icon: 'check',
                  disabledReason: !target
                    ? t('policyCode.import.noProfile')
                    : text.trim()
                      ? null
                      : t('policyCode.import.pasteFirst'),
                  onClick: () => void resolve(),
                }
          }
        />
      }
    >
      <Field label={t('policyCode.import.profile')} hint={t('policyCode.import.profileHint')}>
        <select
          className="select"
          value={target}
          onChange={(event) => {
            setTarget(event.target.value);
            setResult(null);
          }}
        >
          {profiles.map((profile) => (
            <option key={profile.id} value={profile.id}>
              {profile.label}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('policyCode.import.text')}>
        <textarea
          className="textarea mono"
          rows={10}
          spellCheck={false}
          value={text}
          placeholder={t('policyCode.import.placeholder')}
          onChange={(event) => {
            setText(event.target.value);
            setResult(null);
          }}
        />
      </Field>
      {result && result.tokenCount > 1 ? (
        <Field label={t('policyCode.import.which', { count: result.tokenCount })}>
          <select
            className="select"
            value={index}
            onChange={(event) => {
              const next = Number(event.target.value);
              setIndex(next);
              void resolve(next);
            }}
          >
            {Array.from({ length: result.tokenCount }, (_, i) => (
              <option key={i} value={i}>
                {t('policyCode.import.token', { number: i + 1 })}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {error ? <ErrorCallout error={error} compact /> : null}
      {result ? (
        <>
          <p>{t('policyCode.import.as', { name: result.draft.name, owner: result.owner.kind })}</p>
          <ImportReport result={result} />
        </>
      ) : null}
    </Dialog>
  );
}
