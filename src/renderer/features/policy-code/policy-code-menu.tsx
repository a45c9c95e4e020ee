/**
 * The detail panel's policies-as-code menu: Export, Duplicate, Duplicate to…, Rotate with overlap,
 * Share a request. Each opens its own dialog from this component, so the panel only places it.
 */
import { useMemo, useState } from 'react';
import type { TokenDetail, TokenRow } from '../../../shared/domain';
import { MenuButton } from '../../components/menu';
import { useT } from '../../lib/i18n';
import { messageSentence } from '../../lib/message-sentence';
import { useUiStore } from '../../stores/ui-store';
import { DuplicateToDialog } from './duplicate-to-dialog';
import { ExportDialog } from './export-dialog';
import { RotateDialog } from './rotate-dialog';
import { ShareDialog } from './share-dialog';

type Open = 'export' | 'duplicateTo' | 'rotate' | 'share' | null;

export interface PolicyCodeMenuProps {
  row: TokenRow;
  detail: TokenDetail | null;
  /** Why the token may not be deleted or disabled (rotation retires it), or null. */
  retireBlocked: string | null;
}

export function PolicyCodeMenu({ row, detail, retireBlocked }: PolicyCodeMenuProps): React.JSX.Element {
  const t = useT();
  const [open, setOpen] = useState<Open>(null);
  const refs = useMemo(() => [{ profileId: row.profileId, tokenId: row.id }], [row.profileId, row.id]);
  const openDialog = useUiStore((s) => s.openDialog);
  const noDraft =
    detail === null
      ? t('policyCode.menu.loading')
      : detail.edit.draft === null
        ? detail.edit.unrepresentable[0] === undefined
          ? t('policyCode.menu.noDraft')
          : messageSentence(detail.edit.unrepresentable[0])
        : null;
  const close = (): void => setOpen(null);
  const owner =
    row.kind === 'account' && row.accountId
      ? { kind: 'account' as const, accountId: row.accountId }
      : { kind: 'user' as const };

  return (
    <>
      <MenuButton
        size="sm"
        icon="more"
        label={t('policyCode.menu.more')}
        align="end"
        items={[
          {
            id: 'export',
            label: t('policyCode.menu.export'),
            hint: t('policyCode.menu.exportHint'),
            onSelect: () => setOpen('export'),
          },
          {
            id: 'duplicate',
            label: t('policyCode.menu.duplicate'),
            hint: t('policyCode.menu.duplicateHint'),
            disabledReason: noDraft,
            onSelect: () => {
              const draft = detail?.edit.draft;
              if (draft)
                openDialog({
                  kind: 'wizard',
                  target: {
                    mode: 'create',
                    profileId: row.profileId,
                    start: {
                      owner,
                      draft: { ...draft, name: t('policyCode.menu.copyName', { name: draft.name }) },
                      report: null,
                    },
                  },
                });
            },
          },
          {
            id: 'duplicate-to',
            label: t('policyCode.menu.duplicateTo'),
            hint: t('policyCode.menu.duplicateToHint'),
            disabledReason: noDraft,
            onSelect: () => setOpen('duplicateTo'),
          },
          {
            id: 'rotate',
            label: t('policyCode.menu.rotate'),
            hint: t('policyCode.menu.rotateHint'),
            disabledReason: noDraft ?? retireBlocked,
            onSelect: () => setOpen('rotate'),
          },
          {
            id: 'share',
            label: t('policyCode.menu.share'),
            hint: t('policyCode.menu.shareHint'),
            disabledReason: detail === null ? t('policyCode.menu.loading') : null,
            onSelect: () => setOpen('share'),
          },
        ]}
      />
      {open === 'export' ? <ExportDialog tokens={refs} name={row.name} onClose={close} /> : null}
      {open === 'duplicateTo' ? <DuplicateToDialog row={row} onClose={close} /> : null}
      {open === 'rotate' ? <RotateDialog row={row} onClose={close} /> : null}
      {open === 'share' && detail ? <ShareDialog detail={detail} onClose={close} /> : null}
    </>
  );
}
