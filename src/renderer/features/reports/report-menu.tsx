/**
 * "Report": the tokens shown (search, view and filters applied) with their problems, saved as
 * Markdown for a review or a ticket, CSV for a spreadsheet or JSON for scripts. Main builds the
 * text (never a secret) and asks where to save it; a toast says where it went.
 */
import { useState } from 'react';
import type { TokenRow } from '../../../shared/domain';
import type { ReportFormat } from '../../../shared/reports/report-schemas';
import { MenuButton } from '../../components/menu';
import { describeError } from '../../lib/error-copy';
import { describeListFilters } from '../../lib/filter-words';
import type { MessageKey } from '../../../shared/i18n';
import { useT } from '../../lib/i18n';
import { useHealthStore } from '../../stores/health-store';
import { useProfilesStore } from '../../stores/profiles-store';
import { toast } from '../../stores/toast-store';
import { useUiStore } from '../../stores/ui-store';

/** The most tokens one report takes (the channel's bound). */
const MAX_REPORT_TOKENS = 20_000;

const FORMATS: { format: ReportFormat; label: MessageKey; hint: MessageKey }[] = [
  { format: 'markdown', label: 'reports.markdown', hint: 'reports.markdownHint' },
  { format: 'csv', label: 'reports.csv', hint: 'reports.csvHint' },
  { format: 'json', label: 'reports.json', hint: 'reports.jsonHint' },
];

export function ReportMenu({ shown }: { shown: readonly TokenRow[] }): React.JSX.Element {
  const [busy, setBusy] = useState(false);
  const t = useT();
  const save = async (format: ReportFormat): Promise<void> => {
    const ui = useUiStore.getState();
    const { profiles, accounts } = useProfilesStore.getState();
    const filters = describeListFilters({
      view: ui.view,
      query: ui.query,
      filters: ui.filters,
      profiles,
      accounts,
    });
    const tokens = shown
      .slice(0, MAX_REPORT_TOKENS)
      .map((row) => ({ profileId: row.profileId, tokenId: row.id }));
    setBusy(true);
    const result = await useHealthStore.getState().saveReport(format, tokens, filters);
    setBusy(false);
    if (!result.ok) {
      const copy = describeError(result.error);
      toast('danger', t('reports.notSaved', { reason: copy.title }), copy.next);
      return;
    }
    if (result.value.saved)
      toast(
        'success',
        result.value.fileName
          ? t('reports.saved', {
              fileName: result.value.fileName,
              tokens: result.value.tokenCount,
              problems: result.value.problemCount,
            })
          : t('reports.savedUnnamed', {
              tokens: result.value.tokenCount,
              problems: result.value.problemCount,
            }),
      );
  };
  return (
    <MenuButton
      icon="download"
      iconAfter="chevron-down"
      label={t('reports.label')}
      align="end"
      busy={busy}
      items={FORMATS.map(({ format, label, hint }) => ({
        id: format,
        label: t(label),
        hint: t('reports.hint', { hint: t(hint), count: Math.min(shown.length, MAX_REPORT_TOKENS) }),
        disabledReason: shown.length === 0 ? t('reports.noneShown') : null,
        onSelect: () => void save(format),
      }))}
    />
  );
}
