/**
 * Share a request: Cloudflare's dashboard template URL for this token's access, so a teammate can
 * create the token in their own login, with exactly what the link carries and what they must add
 * by hand. Worked out from the detail by the shared code; main copies the link.
 */
import type { TokenDetail } from '../../../shared/domain';
import { shareLink } from '../../../shared/share/template-url';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { messageText } from '../../lib/error-copy';
import { useT } from '../../lib/i18n';
import { toast } from '../../stores/toast-store';
import { policyCode } from './policy-code-api';

export function ShareDialog({
  detail,
  onClose,
}: {
  detail: TokenDetail;
  onClose: () => void;
}): React.JSX.Element {
  const t = useT();
  const link = shareLink(detail);
  const copy = async (): Promise<void> => {
    const reply = await policyCode.copyExport([{ profileId: detail.profileId, tokenId: detail.id }], 'share');
    if (reply.ok) toast('success', t('policyCode.share.copied'));
    else toast('danger', t('policyCode.share.notCopied'), messageText(reply.error));
  };
  return (
    <Dialog
      title={t('policyCode.share.title', { name: detail.name })}
      description={t('policyCode.share.description')}
      onClose={onClose}
      size="lg"
      testId="share-dialog"
      footer={
        <>
          <Button onClick={onClose}>{t('common.actions.close')}</Button>
          <Button
            variant="primary"
            icon="copy"
            disabledReason={link.url ? null : t('policyCode.share.noTemplateKey')}
            onClick={() => void copy()}
          >
            {t('policyCode.share.copy')}
          </Button>
        </>
      }
    >
      {link.url ? (
        <textarea
          className="textarea mono share-url"
          readOnly
          rows={3}
          value={link.url}
          aria-label={t('policyCode.share.link')}
        />
      ) : (
        <p className="callout callout-warn">{t('policyCode.share.nothingCarried')}</p>
      )}
      <div className="form-row share-lists">
        <section aria-labelledby="share-carried">
          <h3 id="share-carried" className="detail-heading">
            {t('policyCode.share.carried')}
          </h3>
          <ul data-testid="share-carried">
            {link.carried.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="share-manual">
          <h3 id="share-manual" className="detail-heading">
            {t('policyCode.share.manual')}
          </h3>
          {link.manual.length > 0 ? (
            <ul data-testid="share-manual">
              {link.manual.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('policyCode.share.nothingManual')}</p>
          )}
        </section>
      </div>
    </Dialog>
  );
}
