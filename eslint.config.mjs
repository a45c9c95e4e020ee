// ESLint flat config: typescript-eslint (type-aware), React hooks, Prettier-compatible, plus the
// architecture rules — raw ipcMain/ipcRenderer only in the two files that wrap them, and each
// layer imports only the layers below it (docs/architecture.md):
//   src/shared        nothing of Keyflare's own, no Node built-ins, no electron
//   src/main/core     src/shared; no electron, no shell, no preload, no renderer, no command line
//   src/cli           src/shared and the core; no electron, preload or renderer
//   src/preload       src/shared and electron only
//   src/renderer      src/shared only
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import i18next from 'eslint-plugin-i18next';

const IPC_WRAPPERS = ['src/main/electron/ipc.ts', 'src/preload/index.ts'];

/**
 * No hard-coded words in the window's JSX (docs/i18n.md): text between tags, strings in JSX
 * expressions, and the attributes a person reads or hears. Everything else (className, role,
 * data-testid, variant…) is code. `Keyflare` is the product's name in every language.
 */
const noLiteralWords = [
  'error',
  {
    mode: 'jsx-only',
    'jsx-attributes': {
      include: [
        'title',
        'aria-label',
        'aria-description',
        'aria-valuetext',
        'placeholder',
        'alt',
        'label',
        'hint',
      ],
    },
    words: { exclude: ['[0-9!-/:-@[-`{-~·…—–\\s]+', 'Keyflare'] },
  },
];

/**
 * Screens not converted to the catalogues yet: phase 2 of issue 16 empties this list, one file
 * per commit (docs/i18n.md). Do not add to it.
 */
const NOT_YET_TRANSLATED = [];

const noRawIpc = {
  paths: [
    {
      name: 'electron',
      importNames: ['ipcMain', 'ipcRenderer'],
      message:
        'Use the typed contract: raw IPC lives only in src/main/electron/ipc.ts and src/preload/index.ts.',
    },
  ],
};

const noElectron = {
  paths: [
    { name: 'electron', message: 'The core and src/shared are plain Node/TS: no electron import here.' },
  ],
  patterns: [
    {
      group: ['electron/*', '**/main/electron/**', '**/electron/*'],
      message: 'The core must not reach into the Electron shell.',
    },
  ],
};

/** Imports of the layers above; each message says which way the layers go. */
const above = {
  renderer: {
    group: ['**/renderer', '**/renderer/**'],
    message: 'The window (src/renderer) is the top layer: nothing below it imports it.',
  },
  preload: {
    group: ['**/preload', '**/preload/**'],
    message:
      'The preload only bridges the window to main: talk to main through window.api, share code in src/shared.',
  },
  cli: {
    group: ['**/cli', '**/cli/**'],
    message: 'The command line (src/cli) sits on top of the core: the core and src/shared never import it.',
  },
  main: {
    group: ['**/main', '**/main/**'],
    message: 'src/shared sits below main: it may not import main-process code.',
  },
};

/** What the window may import: src/shared and its own files, never main, Node, the preload or the CLI. */
const rendererImports = {
  paths: [{ name: 'electron', message: 'The renderer talks to main only through window.api.' }],
  patterns: [
    { group: ['**/main/**', 'node:*'], message: 'The renderer may import src/shared only.' },
    above.preload,
    above.cli,
  ],
};

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'coverage/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports (STYLE.md).' },
      ],
      'no-restricted-imports': ['error', noRawIpc],
    },
  },
  {
    files: IPC_WRAPPERS,
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: noElectron.paths,
          patterns: [...noElectron.patterns, above.renderer, above.preload, above.cli],
        },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: noRawIpc.paths, patterns: [above.main, above.renderer, above.cli] },
      ],
    },
  },
  {
    // The one preload file that wraps ipcRenderer: only the layers are checked.
    files: ['src/preload/index.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [above.main, above.renderer, above.cli] }] },
  },
  {
    // The command line is a second face over the core: never Electron, the preload or the renderer.
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: noElectron.paths,
          patterns: [
            ...noElectron.patterns,
            {
              group: ['**/preload/**', '**/renderer/**'],
              message: 'The CLI talks to the core through createCore + dispatch only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: noElectron.paths,
          patterns: [
            ...noElectron.patterns,
            above.main,
            above.renderer,
            above.preload,
            above.cli,
            { group: ['node:*'], message: 'src/shared runs in the renderer too: no Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    // The simulator (src/sandbox) sits beside src/shared: the core's sandbox host, the scripts and
    // the tests import it; it imports nothing above it.
    files: ['src/sandbox/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: noElectron.paths,
          patterns: [
            ...noElectron.patterns,
            {
              ...above.main,
              message: 'The simulator (src/sandbox) sits below main: the core imports it, never the reverse.',
            },
            above.renderer,
            above.preload,
            above.cli,
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', rendererImports],
    },
  },
  {
    // The renderer tests' mock builds window.api with the production preload's builder, so the
    // renderer under test sees exactly the api the preload exposes.
    files: ['test/renderer/support/mock-api.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: rendererImports.paths,
          patterns: rendererImports.patterns.filter((p) => p !== above.preload),
        },
      ],
    },
  },
  {
    // One error style (src/renderer/README.md): stores own the API calls; screens call store actions.
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: ['src/renderer/stores/**', 'src/renderer/features/shell/use-events.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: rendererImports.paths,
          patterns: [
            ...rendererImports.patterns,
            { group: ['**/lib/api'], message: 'Stores own the API calls: call a store action instead.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.tsx'],
    ignores: NOT_YET_TRANSLATED,
    plugins: { i18next },
    rules: { 'i18next/no-literal-string': noLiteralWords },
  },
  {
    // Vitest's asymmetric matchers (expect.stringContaining...) are typed `any`.
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    // Config files and global setups use default exports because their tools require it.
    files: ['*.config.{ts,mjs}', 'eslint.config.mjs', 'test/e2e/support/global-setup.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
