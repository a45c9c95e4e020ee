/**
 * The layers hold because lint refuses the imports they forbid: the project's own ESLint config
 * is run on one import line placed in each layer.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Type information is not what these rules look at, and a probe file is in no tsconfig.
const eslint = new ESLint({ cwd: root, overrideConfig: tseslint.configs.disableTypeChecked });

/** The messages of the import rule for `line`, as if written in the file at `file`. */
async function importErrors(file: string, line: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${line}\nexport const probe = 1;\n`, {
    filePath: path.join(root, file),
  });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lint forbids the imports the layers forbid', () => {
  it.each([
    [
      'src/main/core/tokens/probe.ts',
      "import { getApi } from '../../../renderer/lib/api';",
      /src\/renderer/u,
    ],
    ['src/main/core/tokens/probe.ts', "import { buildApi } from '../../../preload/api';", /preload/u],
    ['src/main/core/probe.ts', "import { run } from '../../cli/program';", /command line/u],
    ['src/main/core/probe.ts', "import { app } from 'electron';", /no electron/u],
    ['src/renderer/lib/probe.ts', "import { buildApi } from '../../preload/api';", /preload/u],
    ['src/renderer/lib/probe.ts', "import { createCore } from '../../main/core';", /src\/shared only/u],
    ['src/shared/probe.ts', "import { createCore } from '../main/core';", /below main/u],
    ['src/shared/probe.ts', "import { getApi } from '../renderer/lib/api';", /src\/renderer/u],
    ['src/preload/probe.ts', "import { getApi } from '../renderer/lib/api';", /src\/renderer/u],
    ['src/preload/api.ts', "import { ipcRenderer } from 'electron';", /typed contract/u],
    [
      'src/sandbox/probe.ts',
      "import { createCore } from '../main/core';",
      /simulator \(src\/sandbox\) sits below main/u,
    ],
    ['src/sandbox/probe.ts', "import { app } from 'electron';", /no electron/u],
  ])('%s: %s', async (file, line, reason) => {
    const errors = await importErrors(file, line);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(reason);
  });

  it.each([
    ['src/main/core/tokens/probe.ts', "import { tokenKey } from '../../../shared/token-key';"],
    ['src/renderer/lib/probe.ts', "import { splitTokenKey } from '../../shared/token-key';"],
    ['src/preload/probe.ts', "import { CHANNEL_NAMES } from '../shared/channels';"],
    ['src/cli/probe.ts', "import { createCore } from '../main/core';"],
    ['src/sandbox/probe.ts', "import { SANDBOX_ORIGIN } from '../shared/sandbox/sandbox-address';"],
    [
      'src/main/core/sandbox/probe.ts',
      "import { createInProcessSimulator } from '../../../sandbox/in-process';",
    ],
  ])('%s may import the layers below: %s', async (file, line) => {
    await expect(importErrors(file, line)).resolves.toEqual([]);
  });
});
