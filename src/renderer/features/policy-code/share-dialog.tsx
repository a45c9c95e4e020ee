/**
 * Share a request: Cloudflare's dashboard template URL for this token's access, so a teammate can
 * create the token in their own login, with exactly what the link carries and what they must add
 * by hand. Worked out from the detail by the shared code; main copies the link.
 */
import type { TokenDetail } from '../../../shared/domain';
import type { Message } from '../../../shared/i18n/message';
import { shareLink } from '../../../shared/share/template-url';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { messageText } from '../../lib/error-copy';
import { useT } from '../../lib/i18n';
import { useMessageSentence } from '../../lib/message-sentence';
import { toast } from '../../stores/toast-store';
import { policyCode } from './policy-code-api';

/** Stands for the template key while the line is worded, to put the key in a `code` element. */
const KEY_MARK = '\u2063';

/**
 * One line of what the link carries. A permission line names the template key as the URL holds
 * it (`dns`), a word of Cloudflare's URL rather than of ours, so it is shown as code.
 */
function CarriedLine({ line }: { line: Message }): React.JSX.Element {
  const words = useMessageSentence();
  const templateKey = line.params?.key;
  if (line.key !== 'outcomes.share.permission' || typeof templateKey !== 'string')
    return <li>{words(line)}</li>;
  const [before = '', after = ''] = words({ ...line, params: { ...line.params, key: KEY_MARK } }).split(
    KEY_MARK,
  );
  return (
    <li>
      {before}
      <code>{templateKey}</code>
      {after}
    </li>
  );
}

export function ShareDialog({
  detail,
  onClose,
}: {
  detail: TokenDetail;
  onClose: () => void;
}): React.JSX.Element {
  const t = useT();
  const words = useMessageSentence();
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
            {link.carried.map((line, index) => (
              <CarriedLine key={index} line={line} />
            ))}
          </ul>
        </section>
        <section aria-labelledby="share-manual">
          <h3 id="share-manual" className="detail-heading">
            {t('policyCode.share.manual')}
          </h3>
          {link.manual.length > 0 ? (
            <ul data-testid="share-manual">
              {link.manual.map((line, index) => (
                <li key={index}>{words(line)}</li>
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
