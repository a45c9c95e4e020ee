/**
 * The token list's policies-as-code menu: import a recipe or API body, export the tokens shown.
 *
 * "The tokens shown" is the selection: whatever the search, view and filters leave in the list.
 */
import { useMemo, useState } from 'react';
import type { TokenRow } from '../../../shared/domain';
import { MenuButton } from '../../components/menu';
import { useT } from '../../lib/i18n';
import { ExportDialog } from './export-dialog';
import { ImportDialog } from './import-dialog';
import type { TokenRef } from './policy-code-api';

export function PolicyCodeListMenu({
  shown,
  profileId,
}: {
  shown: TokenRow[];
  profileId: string | null;
}): React.JSX.Element {
  const t = useT();
  const [open, setOpen] = useState<'import' | null>(null);
  // The selection is taken when the export opens, so the list changing meanwhile cannot re-run it.
  const [exporting, setExporting] = useState<TokenRef[] | null>(null);
  const refs = useMemo(
    () => shown.slice(0, 500).map((row) => ({ profileId: row.profileId, tokenId: row.id })),
    [shown],
  );
  return (
    <>
      <MenuButton
        icon="layers"
        iconAfter="chevron-down"
        // Icon-only to keep the toolbar's title readable; the name stays for assistive tech and tests.
        label={<span className="visually-hidden">{t('policyCode.list.label')}</span>}
        title={t('policyCode.list.title')}
        align="end"
        items={[
          { id: 'import', label: t('policyCode.list.import'), onSelect: () => setOpen('import') },
          {
            id: 'export',
            label: t('policyCode.list.export', { count: refs.length }),
            hint:
              refs.length < shown.length
                ? t('policyCode.list.firstOnes', { count: refs.length })
                : t('policyCode.list.filtersChoose'),
            disabledReason: refs.length === 0 ? t('policyCode.list.noneShown') : null,
            onSelect: () => setExporting(refs),
          },
        ]}
      />
      {open === 'import' ? <ImportDialog profileId={profileId} onClose={() => setOpen(null)} /> : null}
      {exporting ? <ExportDialog tokens={exporting} name={null} onClose={() => setExporting(null)} /> : null}
    </>
  );
}
