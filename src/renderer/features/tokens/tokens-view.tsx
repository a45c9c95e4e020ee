/**
 * The main area: title, search, filters and the token table (or the right empty state).
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { TokenRow } from '../../../shared/domain';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { ErrorCallout } from '../../components/error-callout';
import { useT } from '../../lib/i18n';
import type { IndexedToken } from '../../lib/token-index';
import { useNow } from '../../lib/use-now';
import { useProfilesStore } from '../../stores/profiles-store';
import { useTokensStore } from '../../stores/tokens-store';
import { useUiStore } from '../../stores/ui-store';
import { FilterBar } from './filter-bar';
import { SearchBox } from './search-box';
import { TokenTable } from './token-table';
import { useTokensInView } from './use-tokens-in-view';
import { Welcome } from './welcome';
import { PolicyCodeListMenu } from '../policy-code/list-menu';
import { BulkBar } from '../bulk/bulk-bar';
import { ReportMenu } from '../reports/report-menu';
import { useBulkStore } from '../../stores/bulk-store';

/**
 * The rows of a search's answer, made once per answer: erasing a letter brings back an answer the
 * search remembers (use-tokens-in-view.ts), up to all 10,000 rows, and its rows with it.
 */
const answerRows = new WeakMap<readonly IndexedToken[], TokenRow[]>();

function rowsOf(entries: readonly IndexedToken[]): TokenRow[] {
  let rows = answerRows.get(entries);
  if (rows === undefined) answerRows.set(entries, (rows = entries.map((entry) => entry.row)));
  return rows;
}

const IS_MAC = typeof navigator !== 'undefined' && /Mac/u.test(navigator.platform);
export const MOD_KEY = IS_MAC ? '⌘' : 'Ctrl';

export function TokensView(): React.JSX.Element {
  const t = useT();
  const profiles = useProfilesStore((s) => s.profiles);
  const profilesState = useProfilesStore((s) => s.state);
  const sync = useProfilesStore((s) => s.sync);
  const startSync = useProfilesStore((s) => s.startSync);
  const index = useTokensStore((s) => s.index);
  const tokensState = useTokensStore((s) => s.state);
  const tokensError = useTokensStore((s) => s.error);
  const reloadTokens = useTokensStore((s) => s.load);
  const ui = useUiStore();
  const now = useNow(60_000);

  const view = ui.view;
  const { profile, account, inView, shown } = useTokensInView(now);

  // A selection that the filters hide is dropped, so the panel never shows a row the table lacks.
  const selectedKey = ui.selectedKey;
  const select = ui.select;
  const picked = useBulkStore((s) => s.picked);
  const shownRows = useMemo(() => rowsOf(shown), [shown]);
  useEffect(() => {
    if (selectedKey !== null && tokensState === 'ready' && !shown.some((e) => e.row.key === selectedKey))
      select(null);
  }, [shown, selectedKey, select, tokensState]);

  // The table's rows are memoised: handlers that keep their identity across keystrokes let a row
  // whose token, place and selection did not change skip rendering.
  const shownNow = useRef(shown);
  useLayoutEffect(() => {
    shownNow.current = shown;
  }, [shown]);
  const onSelect = useCallback(
    (key: string, open: boolean) => select(key, open ? true : undefined),
    [select],
  );
  const onPick = useCallback((key: string, range: boolean) => {
    if (range)
      useBulkStore.getState().pickRange(
        key,
        shownNow.current.map((entry) => entry.row.key),
      );
    else useBulkStore.getState().toggle(key);
  }, []);

  const title = account
    ? account.name
    : profile
      ? profile.label
      : profiles.length === 0 && profilesState === 'ready'
        ? t('tokens.view.getStarted')
        : t('tokens.view.allTokens');
  const subtitle = account
    ? profile
      ? t('tokens.view.accountSubtitle', { profile: profile.label })
      : t('tokens.view.accountSubtitleNoProfile')
    : profile
      ? profile.email
        ? t('tokens.view.profileSubtitleEmail', { email: profile.email, count: inView.length })
        : t('tokens.view.profileSubtitle', { count: inView.length })
      : profiles.length > 0
        ? t('tokens.view.allSubtitle', { profiles: profiles.length, tokens: index.length })
        : null;

  const firstStart = profilesState === 'ready' && profiles.length === 0;
  const profileSync = profile ? sync[profile.id] : undefined;

  let body: React.JSX.Element;
  if (firstStart) {
    body = <Welcome onAdd={() => ui.openDialog({ kind: 'addProfile' })} />;
  } else if (tokensState === 'error' && tokensError) {
    body = (
      <div className="content-pad">
        <ErrorCallout
          error={tokensError}
          action={
            <Button size="sm" onClick={() => void reloadTokens()}>
              {t('common.actions.tryAgain')}
            </Button>
          }
        />
      </div>
    );
  } else if (tokensState !== 'ready' && index.length === 0) {
    body = (
      <div className="loading-state" role="status">
        <span className="spinner" aria-hidden="true" /> {t('tokens.view.loading')}
      </div>
    );
  } else if (inView.length === 0) {
    const neverSynced = profile ? !(profileSync?.lastSuccessAt ?? profile.lastSyncAt) : false;
    body = (
      <EmptyState
        icon={neverSynced ? 'sync' : 'key'}
        title={
          account
            ? t('tokens.view.noneReach', { account: account.name })
            : profile
              ? neverSynced
                ? t('tokens.view.notSynced', { profile: profile.label })
                : t('tokens.view.noneInProfile', { profile: profile.label })
              : t('tokens.view.none')
        }
        testId="no-tokens"
        actions={
          <>
            <Button
              variant="primary"
              icon="plus"
              onClick={() =>
                ui.openDialog({ kind: 'wizard', target: { mode: 'create', profileId: profile?.id ?? null } })
              }
            >
              {t('tokens.view.createToken')}
            </Button>
            <Button icon="sync" busy={profileSync?.running} onClick={() => void startSync(profile?.id)}>
              {t(profileSync?.running ? 'tokens.view.syncing' : 'tokens.view.syncNow')}
            </Button>
          </>
        }
      >
        <p>{t(neverSynced ? 'tokens.view.neverSyncedText' : 'tokens.view.emptyText')}</p>
      </EmptyState>
    );
  } else if (shown.length === 0) {
    body = (
      <EmptyState
        icon="search"
        title={t('tokens.view.noMatch')}
        testId="no-matches"
        actions={<Button onClick={ui.resetFilters}>{t('tokens.view.clearAll')}</Button>}
      >
        <p>
          {ui.query.trim()
            ? t('tokens.view.noMatchQuery', { query: ui.query.trim() })
            : t('tokens.view.noMatchFilters')}
        </p>
      </EmptyState>
    );
  } else {
    body = (
      <TokenTable
        entries={shown}
        total={inView.length}
        sort={ui.sort}
        onSort={ui.toggleSort}
        selectedKey={ui.selectedKey}
        onSelect={onSelect}
        now={now}
        picked={picked}
        onPick={onPick}
      />
    );
  }

  return (
    <section className="tokens-view" aria-labelledby="view-title">
      <header className="toolbar">
        <div className="toolbar-title">
          <h1 id="view-title">{title}</h1>
          {subtitle ? <p className="toolbar-subtitle">{subtitle}</p> : null}
        </div>
        {!firstStart ? (
          <>
            <SearchBox shown={shown} />
            <PolicyCodeListMenu shown={shownRows} profileId={profile?.id ?? null} />
            <ReportMenu shown={shownRows} />
            <Button
              variant="primary"
              icon="plus"
              aria-keyshortcuts="Control+N"
              title={t('tokens.view.newTokenTitle', { shortcut: `${MOD_KEY}+N` })}
              disabledReason={profiles.length === 0 ? t('tokens.view.addProfileFirst') : null}
              onClick={() =>
                ui.openDialog({ kind: 'wizard', target: { mode: 'create', profileId: profile?.id ?? null } })
              }
            >
              {t('tokens.view.newToken')}
            </Button>
          </>
        ) : null}
      </header>
      {!firstStart && index.length > 0 ? (
        <FilterBar
          profiles={profiles}
          view={view}
          filters={ui.filters}
          query={ui.query}
          shown={shown.length}
          total={inView.length}
          onView={ui.setView}
          onFilters={ui.setFilters}
          onReset={ui.resetFilters}
        />
      ) : null}
      {!firstStart ? <BulkBar shown={shownRows} /> : null}
      <div className="tokens-body">{body}</div>
    </section>
  );
}
