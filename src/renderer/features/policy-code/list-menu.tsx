/**
 * The token list's policies-as-code menu: import a recipe or API body, export the tokens shown.
 *
 * "The tokens shown" is the selection: whatever the search, view and filters leave in the list.
 */
import { useMemo, useState } from 'react';
import type { TokenRow } from '../../../shared/domain';
import { MenuButton } from '../../components/menu';
import { plural } from '../../lib/format';
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
        label={<span className="visually-hidden">As code</span>}
        title="As code: import a recipe or API body, export the tokens shown"
        align="end"
        items={[
          { id: 'import', label: 'Import a recipe or API body…', onSelect: () => setOpen('import') },
          {
            id: 'export',
            label: `Export the ${plural(refs.length, 'token')} shown…`,
            hint: refs.length < shown.length ? 'The first 500' : 'Search and filters choose which',
            disabledReason: refs.length === 0 ? 'No token is shown' : null,
            onSelect: () => setExporting(refs),
          },
        ]}
      />
      {open === 'import' ? <ImportDialog profileId={profileId} onClose={() => setOpen(null)} /> : null}
      {exporting ? (
        <ExportDialog
          tokens={exporting}
          what={plural(exporting.length, 'token')}
          onClose={() => setExporting(null)}
        />
      ) : null}
    </>
  );
}
