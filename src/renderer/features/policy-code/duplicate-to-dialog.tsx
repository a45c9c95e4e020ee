/**
 * Duplicate to…: the token's policy in another profile or for another owner, accounts and zones
 * mapped by name. The report says what could not be mapped; the wizard opens on the draft.
 */
import { useEffect, useState } from 'react';
import type { TokenOwner, TokenRow } from '../../../shared/domain';
import type { AppErrorShape } from '../../../shared/errors';
import type { ImportResult } from '../../../shared/export/export-schemas';
import { Dialog } from '../../components/dialog';
import { DialogFooter } from '../../components/dialog-footer';
import { ErrorCallout } from '../../components/error-callout';
import { useT } from '../../lib/i18n';
import { useProfilesStore } from '../../stores/profiles-store';
import { OwnerFields } from '../wizard/owner-fields';
import { canCreateTokens, firstOwner } from '../wizard/wizard-model';
import { ImportReport } from './import-report';
import { openInWizard, policyCode } from './policy-code-api';

export function DuplicateToDialog({
  row,
  onClose,
}: {
  row: TokenRow;
  onClose: () => void;
}): React.JSX.Element {
  const t = useT();
  const profiles = useProfilesStore((s) => s.profiles).filter(canCreateTokens);
  const [profileId, setProfileId] = useState(
    profiles.find((p) => p.id !== row.profileId)?.id ?? profiles[0]?.id ?? '',
  );
  const profile = profiles.find((p) => p.id === profileId) ?? null;
  const [owner, setOwner] = useState<TokenOwner>(firstOwner(profile));
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);

  useEffect(() => {
    if (!profileId) return;
    let live = true;
    void policyCode
      .duplicateTo({
        profileId: row.profileId,
        tokenId: row.id,
        targetProfileId: profileId,
        targetOwner: owner,
      })
      .then((reply) => {
        if (!live) return;
        setResult(reply.ok ? reply.value : null);
        setError(reply.ok ? null : reply.error);
      });
    return () => {
      live = false;
    };
  }, [row.profileId, row.id, profileId, owner]);

  return (
    <Dialog
      title={t('policyCode.duplicateTo.title', { name: row.name })}
      description={t('policyCode.duplicateTo.description')}
      onClose={onClose}
      size="lg"
      testId="duplicate-to-dialog"
      footer={
        <DialogFooter
          onCancel={onClose}
          busy={false}
          primary={{
            label: t('policyCode.openInWizard'),
            icon: 'chevron-right',
            disabledReason: result ? null : t('policyCode.duplicateTo.chooseFirst'),
            onClick: () => {
              if (!result) return;
              openInWizard(result);
              onClose();
            },
          }}
        />
      }
    >
      <OwnerFields
        profiles={profiles}
        profile={profile}
        owner={owner}
        onProfile={(nextId) => {
          setProfileId(nextId);
          setResult(null);
          setOwner(firstOwner(profiles.find((p) => p.id === nextId) ?? null));
        }}
        onOwner={setOwner}
      />
      {error ? <ErrorCallout error={error} compact /> : null}
      {result ? <ImportReport result={result} /> : null}
    </Dialog>
  );
}
