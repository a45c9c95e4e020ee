/**
 * Step 4: the summary in words, and the endpoint and exact JSON body Cloudflare will receive
 * (tokens.preview: the create's, or for an edit the update's).
 */
import type { TokenPreview } from '../../../shared/domain';
import type { AppErrorShape } from '../../../shared/errors';
import { ErrorCallout } from '../../components/error-callout';
import { Icon } from '../../components/icons';
import { KeepSecretCheckbox } from '../../components/keep-secret-checkbox';
import { sentence } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { clauseList, messageSentence } from '../../lib/message-sentence';

export interface ReviewStepProps {
  localSummary: string;
  preview: TokenPreview | null;
  previewError: AppErrorShape | null;
  keep: boolean;
  onKeep: ((keep: boolean) => void) | null;
  keychainAvailable: boolean;
}

export function ReviewStep({
  localSummary,
  preview,
  previewError,
  keep,
  onKeep,
  keychainAvailable,
}: ReviewStepProps): React.JSX.Element {
  const t = useT();
  return (
    <div className="wizard-step" data-testid="wizard-review">
      <section className="wizard-section" aria-labelledby="summary-heading">
        <h3 id="summary-heading" className="wizard-subheading">
          {t('wizard.review.summary')}
        </h3>
        <p className="review-summary" data-testid="review-summary">
          {preview ? clauseList(preview.summaryMessages) : localSummary}
        </p>
      </section>

      {preview && preview.warnings.length > 0 ? (
        <ul className="warning-list" aria-label={t('wizard.review.warnings')}>
          {preview.warnings.map((warning) => (
            <li key={warning.kind} className={`warning warning-${warning.severity}`}>
              <Icon name={warning.severity === 'info' ? 'info' : 'alert'} size={14} />
              <span>{sentence(messageSentence(warning.message))}</span>
            </li>
          ))}
        </ul>
      ) : null}

      {previewError ? <ErrorCallout error={previewError} /> : null}

      <section className="wizard-section" aria-labelledby="body-heading">
        <h3 id="body-heading" className="wizard-subheading">
          {t('wizard.review.request')}
        </h3>
        {preview ? <p className="mono review-endpoint">{preview.endpoint}</p> : null}
        {preview ? (
          <pre
            className="json-body"
            tabIndex={0}
            aria-label={t('wizard.review.body')}
            data-testid="review-body"
          >
            {JSON.stringify(preview.body, null, 2)}
          </pre>
        ) : previewError ? null : (
          <p className="muted" role="status">
            <span className="spinner spinner-sm" aria-hidden="true" /> {t('wizard.review.buildingRequest')}
          </p>
        )}
      </section>

      {onKeep ? (
        <KeepSecretCheckbox keep={keep} onChange={onKeep} keychainAvailable={keychainAvailable} />
      ) : null}
    </div>
  );
}
