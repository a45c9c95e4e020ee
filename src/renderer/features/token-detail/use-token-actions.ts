/**
 * The token actions the detail panel runs: verify, copy, status, forget. Each reports its
 * outcome as a toast and keeps the inventory row in step. Roll, delete and adopt have dialogs
 * of their own (they need a confirmation or a secret typed in).
 */
import type { CopyFormat, TokenRow, VerifyResult } from '../../../shared/domain';
import { getApi } from '../../lib/api';
import { describeError } from '../../lib/error-copy';
import { useTokensStore } from '../../stores/tokens-store';
import { toast, type ToastTone } from '../../stores/toast-store';
import { VERIFY_WORD } from '../../components/badges';

/** A disabled or not-yet-valid token verifying as such is an answer, not a failure. */
const VERIFY_TONE: Record<VerifyResult['outcome'], ToastTone> = {
  active: 'success',
  disabled: 'info',
  not_yet_valid: 'info',
  network_error: 'warning',
  expired: 'danger',
  invalid: 'danger',
};

const COPY_WORDS: Record<CopyFormat, string> = {
  curl_secret: 'Curl command copied',
  curl_env: 'Curl command copied',
  secret: 'Secret copied',
};

function fail(error: Parameters<typeof describeError>[0], action: string): void {
  const copy = describeError(error, { action });
  toast('danger', copy.title, copy.next);
}

export async function verifyToken(row: TokenRow): Promise<void> {
  const result = await getApi().tokens.verify({ profileId: row.profileId, tokenId: row.id });
  if (!result.ok) {
    fail(result.error, 'verify');
    return;
  }
  useTokensStore.getState().applyVerify(row.key, result.value);
  const outcome = result.value.outcome;
  toast(VERIFY_TONE[outcome], `Verify: ${VERIFY_WORD[outcome]}`, result.value.message);
}

/** Copies through main (which builds the text and clears the clipboard later); true on success. */
export async function copyToken(
  row: Pick<TokenRow, 'profileId' | 'id'>,
  format: CopyFormat,
): Promise<boolean> {
  const result = await getApi().clipboard.copy({ profileId: row.profileId, tokenId: row.id, format });
  if (!result.ok) {
    fail(result.error, 'copy');
    return false;
  }
  toast('success', `${COPY_WORDS[format]} — clears in ${result.value.clearsInSeconds} s`);
  return true;
}

export async function setTokenStatus(row: TokenRow, status: 'active' | 'disabled'): Promise<void> {
  const result = await getApi().tokens.setStatus({ profileId: row.profileId, tokenId: row.id, status });
  if (!result.ok) {
    fail(result.error, status === 'active' ? 'enable' : 'disable');
    return;
  }
  useTokensStore.getState().upsertRow(result.value);
  toast('success', status === 'active' ? `Enabled ${row.name}` : `Disabled ${row.name}`);
}

export async function forgetSecret(row: TokenRow): Promise<void> {
  const result = await getApi().tokens.forgetSecret({ profileId: row.profileId, tokenId: row.id });
  if (!result.ok) {
    fail(result.error, 'forget');
    return;
  }
  useTokensStore.getState().upsertRow(result.value);
  toast('success', `Removed the secret of ${row.name} from the keychain`);
}
