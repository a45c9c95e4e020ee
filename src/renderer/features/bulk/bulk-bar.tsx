/**
 * The bulk bar over the token list: how many rows are picked, the four bulk actions, "select all
 * N shown" and clear. Picking is ctrl/cmd-click (or ctrl+space) for one row and shift-click (or
 * shift+space) for a range, in the table itself.
 */
import { useEffect, useMemo } from 'react';
import type { BulkAction } from '../../../shared/bulk/bulk-schemas';
import type { TokenRow } from '../../../shared/domain';
import { Button } from '../../components/button';
import type { MessageKey } from '../../../shared/i18n';
import { useT } from '../../lib/i18n';
import { useBulkStore } from '../../stores/bulk-store';
import { useTokensStore } from '../../stores/tokens-store';
import { BulkDialog } from './bulk-dialog';

const ACTIONS: { action: BulkAction; label: MessageKey; icon: 'power' | 'check' | 'shield' | 'trash' }[] = [
  { action: 'disable', label: 'bulk.start.disable', icon: 'power' },
  { action: 'enable', label: 'bulk.start.enable', icon: 'check' },
  { action: 'verify', label: 'bulk.start.verify', icon: 'shield' },
  { action: 'delete', label: 'bulk.start.delete', icon: 'trash' },
];

export function BulkBar({ shown }: { shown: readonly TokenRow[] }): React.JSX.Element | null {
  const picked = useBulkStore((s) => s.picked);
  const flow = useBulkStore((s) => s.flow);
  const rows = useTokensStore((s) => s.rows);
  // Only a bar with picked rows reads the shown keys: a search keystroke changes `shown`, and
  // listing 10,000 keys for a bar that is not there would be most of the keystroke's work.
  const anyPicked = picked.size > 0;
  const shownKeys = useMemo(() => (anyPicked ? shown.map((row) => row.key) : []), [shown, anyPicked]);
  const t = useT();

  // A picked row that left the inventory (deleted, gone after a sync) is dropped.
  useEffect(() => {
    useBulkStore.getState().keepOnly(new Set(rows.map((row) => row.key)));
  }, [rows]);

  const hidden = [...picked].filter((key) => !shownKeys.includes(key)).length;
  if (picked.size === 0 && flow === null) return null;
  const store = useBulkStore.getState();
  return (
    <>
      {picked.size > 0 ? (
        <div className="bulk-bar" role="toolbar" aria-label={t('bulk.bar.label')} data-testid="bulk-bar">
          <span className="bulk-count" role="status">
            {t('bulk.bar.selected', { count: picked.size })}
            {hidden > 0 ? <span className="muted"> {t('bulk.bar.hidden', { count: hidden })}</span> : null}
          </span>
          {ACTIONS.map(({ action, label, icon }) => (
            <Button
              key={action}
              size="sm"
              icon={icon}
              variant={action === 'delete' ? 'danger-ghost' : 'secondary'}
              onClick={() => void store.start(action)}
            >
              {t(label)}
            </Button>
          ))}
          <span className="bulk-spacer" />
          {picked.size < shownKeys.length || hidden > 0 ? (
            <Button size="sm" variant="ghost" onClick={() => store.pickAll(shownKeys)}>
              {t('bulk.bar.selectAll', { count: shownKeys.length })}
            </Button>
          ) : null}
          <Button size="sm" variant="ghost" icon="x" onClick={store.clear}>
            {t('bulk.bar.clear')}
          </Button>
        </div>
      ) : null}
      {flow ? <BulkDialog flow={flow} /> : null}
    </>
  );
}
