/**
 * Export one token or a selection as the Cloudflare API body, Terraform for the provider v5, or a
 * Keyflare recipe: the text as main built it (never a secret), copied by main or saved as a file.
 */
import { useEffect, useState } from 'react';
import type { AppErrorShape } from '../../../shared/errors';
import type { ExportFormat, ExportResult } from '../../../shared/export/export-schemas';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { ErrorCallout } from '../../components/error-callout';
import { toast } from '../../stores/toast-store';
import { downloadText, policyCode, type TokenRef } from './policy-code-api';

const FORMATS: { format: Exclude<ExportFormat, 'share'>; label: string; hint: string }[] = [
  {
    format: 'terraform',
    label: 'Terraform',
    hint: 'cloudflare_api_token / cloudflare_account_token, provider v5',
  },
  { format: 'body', label: 'API body', hint: 'The JSON body of POST …/tokens' },
  { format: 'recipe', label: 'Recipe', hint: 'Names instead of ids: re-create the access in another login' },
];

export interface ExportDialogProps {
  tokens: TokenRef[];
  /** "CI deploy" or "12 tokens", for the title. */
  what: string;
  onClose: () => void;
}

export function ExportDialog({ tokens, what, onClose }: ExportDialogProps): React.JSX.Element {
  const [format, setFormat] = useState<Exclude<ExportFormat, 'share'>>('terraform');
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);

  useEffect(() => {
    let live = true;
    void policyCode.exportTokens(tokens, format).then((reply) => {
      if (!live) return;
      setResult(reply.ok ? reply.value : null);
      setError(reply.ok ? null : reply.error);
    });
    return () => {
      live = false;
    };
  }, [tokens, format]);

  const copy = async (): Promise<void> => {
    const reply = await policyCode.copyExport(tokens, format);
    if (reply.ok)
      toast('success', `Copied the ${FORMATS.find((f) => f.format === format)?.label ?? ''} export`);
    else setError(reply.error);
  };

  return (
    <Dialog
      title={`Export ${what}`}
      description="Never includes a secret."
      onClose={onClose}
      size="lg"
      testId="export-dialog"
      footer={
        <>
          <Button onClick={onClose}>Close</Button>
          <Button
            icon="download"
            disabledReason={result ? null : 'Nothing to save yet'}
            onClick={() => result && downloadText(result.fileName, result.text)}
          >
            Save…
          </Button>
          <Button
            variant="primary"
            icon="copy"
            disabledReason={result ? null : 'Nothing to copy yet'}
            onClick={() => void copy()}
          >
            Copy
          </Button>
        </>
      }
    >
      <div className="segmented" role="radiogroup" aria-label="Format">
        {FORMATS.map((item) => (
          <button
            key={item.format}
            type="button"
            role="radio"
            aria-checked={format === item.format}
            className={`segment${format === item.format ? ' segment-on' : ''}`}
            title={item.hint}
            onClick={() => setFormat(item.format)}
          >
            {item.label}
          </button>
        ))}
      </div>
      <p className="muted export-hint">{FORMATS.find((item) => item.format === format)?.hint}</p>
      {error ? <ErrorCallout error={error} compact /> : null}
      {result ? (
        <>
          <pre
            className="json-body export-text"
            tabIndex={0}
            aria-label="Exported text"
            data-testid="export-text"
          >
            {result.text}
          </pre>
          {result.importCommands.length > 0 ? (
            <div className="export-imports">
              <p className="field-label">
                Adopt the existing tokens into Terraform state instead of re-creating them:
              </p>
              <pre className="json-body" data-testid="export-import-commands">
                {result.importCommands.join('\n')}
              </pre>
            </div>
          ) : null}
          {result.notes.length > 0 ? (
            <ul className="export-notes" aria-label="Notes">
              {result.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </Dialog>
  );
}
