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
      title="Import a recipe or API body"
      description="Resolved against the profile you choose. Nothing is sent before the wizard’s review step."
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
                  label: 'Open in the wizard',
                  icon: 'chevron-right',
                  onClick: () => {
                    openInWizard(result);
                    onClose();
                  },
                }
              : {
                  label: 'Check',
                  icon: 'check',
                  disabledReason: !target
                    ? 'Add a profile that can create tokens first'
                    : text.trim()
                      ? null
                      : 'Paste something first',
                  onClick: () => void resolve(),
                }
          }
        />
      }
    >
      <Field label="Profile" hint="The recipe’s names are resolved against this profile’s last sync.">
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
      <Field label="Recipe or API body (JSON)">
        <textarea
          className="textarea mono"
          rows={10}
          spellCheck={false}
          value={text}
          placeholder='{ "format": "keyflare-recipe", … } or { "name": …, "policies": [ … ] }'
          onChange={(event) => {
            setText(event.target.value);
            setResult(null);
          }}
        />
      </Field>
      {result && result.tokenCount > 1 ? (
        <Field label={`The text holds ${result.tokenCount} tokens: which one?`}>
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
                Token {i + 1}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {error ? <ErrorCallout error={error} compact /> : null}
      {result ? (
        <>
          <p>
            <strong>{result.draft.name}</strong> as a{' '}
            {result.owner.kind === 'user' ? 'user token' : 'account-owned token'}
          </p>
          <ImportReport result={result} />
        </>
      ) : null}
    </Dialog>
  );
}
