/**
 * Share a request: Cloudflare's dashboard template URL for this token's access, so a teammate can
 * create the token in their own login, with exactly what the link carries and what they must add
 * by hand. Worked out from the detail by the shared code; main copies the link.
 */
import type { TokenDetail } from '../../../shared/domain';
import { shareLink } from '../../../shared/share/template-url';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { toast } from '../../stores/toast-store';
import { policyCode } from './policy-code-api';

export function ShareDialog({
  detail,
  onClose,
}: {
  detail: TokenDetail;
  onClose: () => void;
}): React.JSX.Element {
  const link = shareLink(detail);
  const copy = async (): Promise<void> => {
    const reply = await policyCode.copyExport([{ profileId: detail.profileId, tokenId: detail.id }], 'share');
    if (reply.ok) toast('success', 'Copied the request link');
    else toast('danger', 'Could not copy the link', reply.error.message);
  };
  return (
    <Dialog
      title={`Share a request for ${detail.name}`}
      description="The link opens Cloudflare’s create-token form pre-filled; your teammate creates the token in their own login."
      onClose={onClose}
      size="lg"
      testId="share-dialog"
      footer={
        <>
          <Button onClick={onClose}>Close</Button>
          <Button
            variant="primary"
            icon="copy"
            disabledReason={link.url ? null : 'No permission of this token has a template key'}
            onClick={() => void copy()}
          >
            Copy link
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
          aria-label="Request link"
        />
      ) : (
        <p className="callout callout-warn">A template URL cannot carry any permission of this token.</p>
      )}
      <div className="form-row share-lists">
        <section aria-labelledby="share-carried">
          <h3 id="share-carried" className="detail-heading">
            The link carries
          </h3>
          <ul data-testid="share-carried">
            {link.carried.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="share-manual">
          <h3 id="share-manual" className="detail-heading">
            Your teammate adds by hand
          </h3>
          {link.manual.length > 0 ? (
            <ul data-testid="share-manual">
              {link.manual.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">Nothing: the link says it all.</p>
          )}
        </section>
      </div>
    </Dialog>
  );
}
