/**
 * What an English start of the built command loads (scripts/build-cli.mjs writes esbuild's
 * metafile beside it): the files `keyflare tokens --json`, `exec` and `can` load before they
 * answer must hold neither i18next nor the Chinese catalogue (English is worded straight from the
 * English catalogue, src/shared/i18n/english-message.ts), nor the Cloudflare SDK or zod. A static
 * import of the translator from anything on that path would bring i18next back into every start;
 * this fails first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

interface Metafile {
  outputs: Record<
    string,
    {
      entryPoint?: string;
      imports: { path: string; kind: string; external?: boolean }[];
      inputs: Record<string, unknown>;
    }
  >;
}

const meta = JSON.parse(fs.readFileSync(path.resolve('out/cli.meta.json'), 'utf8')) as Metafile;

/** The output file built for `entry` (a source path), as esbuild names it. */
function outputOf(entry: string): string {
  const found = Object.entries(meta.outputs).find(([, output]) => output.entryPoint === entry);
  if (!found) throw new Error(`no output for ${entry}`);
  return found[0];
}

/** Every input the given outputs and what they import statically hold. */
function inputsLoadedBy(roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const pending = [...roots];
  const inputs = new Set<string>();
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const output = meta.outputs[file];
    if (!output) continue;
    for (const input of Object.keys(output.inputs)) inputs.add(input);
    for (const imported of output.imports)
      if (imported.kind === 'import-statement' && !imported.external) pending.push(imported.path);
  }
  return inputs;
}

/** The dynamic imports a command takes before it answers from the cache. */
const START = ['src/cli/keyflare.ts', 'src/cli/program.ts', 'src/main/core/inventory/offline-reader.ts'];

describe('an English start of the built command', () => {
  for (const command of ['tokens', 'exec', 'can']) {
    it(`keyflare ${command} loads no i18next, Chinese catalogue, SDK or zod`, () => {
      const inputs = [...inputsLoadedBy([...START, `src/cli/commands/${command}.ts`].map(outputOf))];
      expect(inputs.some((input) => input.startsWith('src/cli/commands/'))).toBe(true);
      expect(inputs.some((input) => input.includes('english-message'))).toBe(true);
      expect(
        inputs.filter((input) =>
          /node_modules\/(i18next|i18next-icu|cloudflare|zod)\/|i18n\/translator\.ts|catalogues\/zh-CN/u.test(
            input,
          ),
        ),
      ).toEqual([]);
    });
  }

  it('loads i18next and the Chinese catalogue when a run speaks Chinese', () => {
    const translator = inputsLoadedBy([outputOf('src/shared/i18n/translator.ts')]);
    expect([...translator].some((input) => input.includes('node_modules/i18next/'))).toBe(true);
    expect([...translator].some((input) => input.includes('catalogues/zh-CN'))).toBe(true);
  });
});
