/**
 * The one-click token commands of the detail panel and the show-once panel: verify, copy,
 * enable/disable, forget the secret.
 *
 * Each runs its tokens-store operation and tells the outcome in a toast, since these buttons
 * have no dialog of their own to show it in. Roll, delete and adopt have dialogs (they need a
 * confirmation or a secret typed in). Not a hook: plain functions, callable from any handler.
 */
import type { CopyFormat, TokenRow, VerifyResult } from '../../../shared/domain';
import type { AppErrorShape } from '../../../shared/errors';
import type { MessageKey } from '../../../shared/i18n';
import { VERIFY_WORD } from '../../components/badges';
import { describeError } from '../../lib/error-copy';
import { t } from '../../lib/i18n';
import { messageSentence } from '../../lib/message-sentence';
import { toast, type ToastTone } from '../../stores/toast-store';
import { useTokensStore, type TokenTarget } from '../../stores/tokens-store';

/** A disabled or not-yet-valid token verifying as such is an answer, not a failure. */
const VERIFY_TONE: Record<VerifyResult['outcome'], ToastTone> = {
  active: 'success',
  disabled: 'info',
  not_yet_valid: 'info',
  network_error: 'warning',
  expired: 'danger',
  invalid: 'danger',
};

const COPY_WORDS: Record<CopyFormat, MessageKey> = {
  curl_secret: 'tokenDetail.toast.curlCopied',
  curl_env: 'tokenDetail.toast.curlCopied',
  secret: 'tokenDetail.toast.secretCopied',
};

function fail(error: AppErrorShape, action: string): void {
  const copy = describeError(error, { action });
  toast('danger', copy.title, copy.next);
}

export async function verifyToken(row: TokenTarget): Promise<void> {
  const result = await useTokensStore.getState().verify(row);
  if (!result.ok) {
    fail(result.error, 'verify');
    return;
  }
  const outcome = result.value.outcome;
  toast(
    VERIFY_TONE[outcome],
    t('tokenDetail.toast.verified', { outcome: t(VERIFY_WORD[outcome]) }),
    messageSentence(result.value.message),
  );
}

/** Copies through main (which builds the text and clears the clipboard later); true on success. */
export async function copyToken(row: TokenTarget, format: CopyFormat): Promise<boolean> {
  const result = await useTokensStore.getState().copy(row, format);
  if (!result.ok) {
    fail(result.error, 'copy');
    return false;
  }
  toast('success', t(COPY_WORDS[format], { seconds: result.value.clearsInSeconds }));
  return true;
}

export async function setTokenStatus(row: TokenRow, status: 'active' | 'disabled'): Promise<void> {
  const result = await useTokensStore.getState().setStatus(row, status);
  if (!result.ok) {
    fail(result.error, status === 'active' ? 'enable' : 'disable');
    return;
  }
  toast(
    'success',
    t(status === 'active' ? 'tokenDetail.toast.enabled' : 'tokenDetail.toast.disabled', { name: row.name }),
  );
}

export async function forgetSecret(row: TokenRow): Promise<void> {
  const result = await useTokensStore.getState().forgetSecret(row);
  if (!result.ok) {
    fail(result.error, 'forget');
    return;
  }
  toast('success', t('tokenDetail.toast.forgotten', { name: row.name }));
}
