/**
 * The window's JSX holds no hard-coded words: the project's ESLint config is run on a sample
 * screen with a literal in each place a person reads or hears one, and on the same screen
 * written with `t`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const eslint = new ESLint({ cwd: root, overrideConfig: tseslint.configs.disableTypeChecked });

async function literalErrors(file: string, source: string): Promise<number[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'i18next/no-literal-string').map((m) => m.line);
}

const WITH_LITERALS = `export function Probe({ busy }: { busy: boolean }): React.JSX.Element {
  return (
    <div className="probe" data-testid="probe" role="status">
      Sync now
      <button type="button" title="Add profile" aria-label="Add profile">+</button>
      <input placeholder="Search tokens" />
      <img alt="Keyflare logo" src="logo.png" />
      <Field label="Theme" hint="Pick one">{busy ? 'Syncing' : null}</Field>
    </div>
  );
}
`;

const TRANSLATED = `import { useT } from '../../lib/i18n';
export function Probe({ busy }: { busy: boolean }): React.JSX.Element {
  const t = useT();
  return (
    <div className="probe" data-testid="probe" role="status">
      {t('shell.banner.syncNow')}
      <span>·</span>
      <span className="brand-name">Keyflare</span>
      <button type="button" title={t('sidebar.addProfile')} aria-label={t('sidebar.addProfile')}>+</button>
      <Field label={t('settings.theme.label')}>{busy ? t('statusBar.syncingShort') : null}</Field>
    </div>
  );
}
`;

describe('lint refuses hard-coded words in JSX', () => {
  it('flags text, title, aria-label, placeholder, alt, label, hint and strings in expressions', async () => {
    // One error per literal: the text (its node starts on line 3), title and aria-label (5),
    // placeholder (6), alt (7), label, hint and 'Syncing' (8).
    const lines = await literalErrors('src/renderer/features/sidebar/probe.tsx', WITH_LITERALS);
    expect(lines).toEqual([3, 5, 5, 6, 7, 8, 8, 8]);
  });

  it('accepts the same screen written with t, punctuation and the product name', async () => {
    await expect(literalErrors('src/renderer/features/sidebar/probe.tsx', TRANSLATED)).resolves.toEqual([]);
  });

  it('checks every screen: a converted one (the token wizard) is no longer on the allowlist', async () => {
    const lines = await literalErrors('src/renderer/features/wizard/token-wizard.tsx', WITH_LITERALS);
    expect(lines).toEqual([3, 5, 5, 6, 7, 8, 8, 8]);
  });
});
