/**
 * The detail panel's policies-as-code menu: Export, Duplicate, Duplicate to…, Rotate with overlap,
 * Share a request. Each opens its own dialog from this component, so the panel only places it.
 */
import { useMemo, useState } from 'react';
import type { TokenDetail, TokenRow } from '../../../shared/domain';
import { MenuButton } from '../../components/menu';
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
  const [open, setOpen] = useState<Open>(null);
  const refs = useMemo(() => [{ profileId: row.profileId, tokenId: row.id }], [row.profileId, row.id]);
  const openDialog = useUiStore((s) => s.openDialog);
  const noDraft =
    detail === null
      ? 'Loading the token…'
      : detail.edit.draft === null
        ? (detail.edit.unrepresentable[0] ?? 'Keyflare cannot read this token into a draft')
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
        label="More"
        align="end"
        items={[
          {
            id: 'export',
            label: 'Export…',
            hint: 'Terraform, API body or recipe',
            onSelect: () => setOpen('export'),
          },
          {
            id: 'duplicate',
            label: 'Duplicate',
            hint: 'The wizard, with the same policy',
            disabledReason: noDraft,
            onSelect: () => {
              const draft = detail?.edit.draft;
              if (draft)
                openDialog({
                  kind: 'wizard',
                  target: {
                    mode: 'create',
                    profileId: row.profileId,
                    start: { owner, draft: { ...draft, name: `${draft.name} (copy)` }, report: null },
                  },
                });
            },
          },
          {
            id: 'duplicate-to',
            label: 'Duplicate to…',
            hint: 'Another profile or account, matched by name',
            disabledReason: noDraft,
            onSelect: () => setOpen('duplicateTo'),
          },
          {
            id: 'rotate',
            label: 'Rotate with overlap…',
            hint: 'New token first, old one retired when unused',
            disabledReason: noDraft ?? retireBlocked,
            onSelect: () => setOpen('rotate'),
          },
          {
            id: 'share',
            label: 'Share a request…',
            hint: 'A dashboard link for a teammate',
            disabledReason: detail === null ? 'Loading the token…' : null,
            onSelect: () => setOpen('share'),
          },
        ]}
      />
      {open === 'export' ? <ExportDialog tokens={refs} what={row.name} onClose={close} /> : null}
      {open === 'duplicateTo' ? <DuplicateToDialog row={row} onClose={close} /> : null}
      {open === 'rotate' ? <RotateDialog row={row} onClose={close} /> : null}
      {open === 'share' && detail ? <ShareDialog detail={detail} onClose={close} /> : null}
    </>
  );
}
