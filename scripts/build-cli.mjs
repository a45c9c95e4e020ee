// Builds the `keyflare` command into out/cli/ with esbuild: one minified ES module entry
// (keyflare.js, the package.json "bin") plus chunks each command loads on demand, so a command
// parses only what it runs. better-sqlite3 and keytar stay external: they are native modules,
// loaded from node_modules (keytar only on first keychain use), and loaded with require(): both
// are CommonJS, and an ES import of a CommonJS file makes Node scan its source for export names
// first (cjs-module-lexer), a cost every start would pay. Runs in well under a second, so
// `npm run build`, `npm test` and `prepare` (for `npm link`) all call it.
import fs from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'out', 'cli');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

/**
 * A plugin answering the imports of `names` with a module of its own, `contents(name)`; that
 * module's own require() of the same name is left to Node, and so is every require() when
 * `importsOnly` (a CommonJS caller would get the stand-in's namespace object, not the module).
 */
function standIn(namespace, names, contents, { importsOnly = false } = {}) {
  return {
    name: namespace,
    setup(b) {
      const filter = new RegExp(`^(${names.join('|')})$`);
      b.onResolve({ filter }, (args) =>
        args.namespace === namespace || (importsOnly && args.kind === 'require-call')
          ? { path: args.path, external: true }
          : { path: args.path, namespace },
      );
      b.onLoad({ filter: /.*/, namespace }, async (args) => ({
        contents: await contents(args.path),
        loader: 'js',
      }));
    },
  };
}

/** `import x from 'keytar'` becomes the CommonJS module itself, through the banner's require(). */
const requireNative = standIn(
  'native',
  ['better-sqlite3', 'keytar'],
  (name) => `const mod = require(${JSON.stringify(name)}); export default mod;`,
);

/**
 * Node built-ins that a start would load for nothing: commander imports node:child_process for
 * executable subcommands (Keyflare has none), and the cache's code imports node:crypto to hash
 * what a sync writes, which `tokens`, `exec` and `can` never do. Each costs a start 2-4 ms to load
 * (with child_process come net and dgram). The bundle gets a stand-in that loads the real module
 * on first use: its default export forwards every property, and each function the module exports
 * is exported as a function that forwards its call (or `new`). A named import of something that
 * is not a function fails the build here, never at run time.
 */
const lazyBuiltins = standIn('lazy-builtin', ['node:child_process', 'node:crypto'], async (name) => {
  const real = (await import(name)).default;
  const functions = Object.keys(real).filter(
    (key) => /^[A-Za-z_$][\w$]*$/u.test(key) && typeof real[key] === 'function',
  );
  const load = `(real ??= require(${JSON.stringify(name)}))`;
  return [
    'let real;',
    `export default new Proxy({}, { get: (_target, key) => ${load}[key] });`,
    ...functions.map(
      (key) =>
        `export function ${key}(...args) { return new.target ? new ${load}.${key}(...args) : ${load}.${key}(...args); }`,
    ),
  ].join('\n');
});

/**
 * Every other Node built-in, taken from `process.getBuiltinModule()` instead of an ES import.
 * An ES import of a built-in makes Node build its namespace, reading every export, and reading
 * some of them loads more: `fs.ReadStream` loads the file streams (and with them fs/promises and
 * the whole stream machinery), `util.TextDecoder` loads worker_threads. The stand-in hands out the
 * module object itself as the default export, and each named export as a constant read on first
 * import of that name only (pure, so esbuild drops the ones nothing imports).
 */
const builtinNames = module.builtinModules.filter((name) => !name.startsWith('_'));
const quoteName = (name) => name.replace(/[/\\^$.*+?()[\]{}|]/gu, '\\$&');
const directBuiltins = standIn(
  'builtin',
  [...builtinNames.map((name) => `node:${quoteName(name)}`), ...builtinNames.map(quoteName)],
  async (name) => {
    const id = name.startsWith('node:') ? name : `node:${name}`;
    const real = (await import(id)).default ?? {};
    const keys = Object.keys(real).filter((key) => /^[A-Za-z_$][\w$]*$/u.test(key) && key !== 'default');
    return [
      `const real = process.getBuiltinModule(${JSON.stringify(id)});`,
      'export default real;',
      ...keys.map((key) => `export const ${key} = /* @__PURE__ */ (() => real.${key})();`),
    ].join('\n');
  },
  { importsOnly: true },
);

fs.rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { keyflare: 'src/cli/keyflare.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22.12',
  minify: true,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [requireNative, lazyBuiltins, directBuiltins],
  // Bundled CommonJS packages call require(); give every ES module chunk one.
  banner: {
    js: "const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);",
  },
  define: { __KEYFLARE_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
  metafile: true,
});
fs.chmodSync(path.join(outdir, 'keyflare.js'), 0o755);
// What each output file holds and loads, beside the command (test/cli/start-modules.test.ts reads it).
fs.writeFileSync(path.join(root, 'out', 'cli.meta.json'), JSON.stringify(result.metafile));
