/**
 * How an export leaves the window (a download; copies go through main, see the store) and how an
 * import reaches the wizard.
 */
import type { ImportResult } from '../../../shared/export/export-schemas';
import { useUiStore } from '../../stores/ui-store';

export { policyCode, type TokenRef } from '../../stores/policy-code-store';

/** Saves text as a file through the browser's download (the shell asks where to save it). */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Opens the create wizard on an import's draft, with its report; nothing is sent before review. */
export function openInWizard(result: ImportResult): void {
  useUiStore.getState().openDialog({
    kind: 'wizard',
    target: {
      mode: 'create',
      profileId: result.profileId,
      start: { owner: result.owner, draft: result.draft, report: result },
    },
  });
}
