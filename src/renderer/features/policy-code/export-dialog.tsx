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
import type { MessageKey } from '../../../shared/i18n';
import { useT } from '../../lib/i18n';
import { useMessageSentence } from '../../lib/message-sentence';
import { toast } from '../../stores/toast-store';
import { downloadText, policyCode, type TokenRef } from './policy-code-api';

type Format = Exclude<ExportFormat, 'share'>;

const FORMATS: { format: Format; label: MessageKey; hint: MessageKey }[] = [
  { format: 'terraform', label: 'policyCode.export.terraform', hint: 'policyCode.export.terraformHint' },
  { format: 'body', label: 'policyCode.export.body', hint: 'policyCode.export.bodyHint' },
  { format: 'recipe', label: 'policyCode.export.recipe', hint: 'policyCode.export.recipeHint' },
];

export interface ExportDialogProps {
  tokens: TokenRef[];
  /** The token's name when one is exported ("Export CI deploy"), else null ("Export 12 tokens"). */
  name: string | null;
  onClose: () => void;
}

export function ExportDialog({ tokens, name, onClose }: ExportDialogProps): React.JSX.Element {
  const t = useT();
  const words = useMessageSentence();
  const [format, setFormat] = useState<Format>('terraform');
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
    if (reply.ok) toast('success', t('policyCode.export.copied', { format }));
    else setError(reply.error);
  };

  return (
    <Dialog
      title={
        name === null
          ? t('policyCode.export.titleMany', { count: tokens.length })
          : t('policyCode.export.titleOne', { name })
      }
      description={t('policyCode.export.description')}
      onClose={onClose}
      size="lg"
      testId="export-dialog"
      footer={
        <>
          <Button onClick={onClose}>{t('common.actions.close')}</Button>
          <Button
            icon="download"
            disabledReason={result ? null : t('policyCode.export.nothingToSave')}
            onClick={() => result && downloadText(result.fileName, result.text)}
          >
            {t('policyCode.export.save')}
          </Button>
          <Button
            variant="primary"
            icon="copy"
            disabledReason={result ? null : t('policyCode.export.nothingToCopy')}
            onClick={() => void copy()}
          >
            {t('policyCode.export.copy')}
          </Button>
        </>
      }
    >
      <div className="segmented" role="radiogroup" aria-label={t('policyCode.export.format')}>
        {FORMATS.map((item) => (
          <button
            key={item.format}
            type="button"
            role="radio"
            aria-checked={format === item.format}
            className={`segment${format === item.format ? ' segment-on' : ''}`}
            title={t(item.hint)}
            onClick={() => setFormat(item.format)}
          >
            {t(item.label)}
          </button>
        ))}
      </div>
      <p className="muted export-hint">
        {t(FORMATS.find((item) => item.format === format)?.hint ?? 'policyCode.export.terraformHint')}
      </p>
      {error ? <ErrorCallout error={error} compact /> : null}
      {result ? (
        <>
          <pre
            className="json-body export-text"
            tabIndex={0}
            aria-label={t('policyCode.export.text')}
            data-testid="export-text"
          >
            {result.text}
          </pre>
          {result.importCommands.length > 0 ? (
            <div className="export-imports">
              <p className="field-label">{t('policyCode.export.importCommands')}</p>
              <pre className="json-body" data-testid="export-import-commands">
                {result.importCommands.join('\n')}
              </pre>
            </div>
          ) : null}
          {result.notes.length > 0 ? (
            <ul className="export-notes" aria-label={t('policyCode.export.notes')}>
              {result.notes.map((note, index) => (
                <li key={index}>{words(note)}</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </Dialog>
  );
}
