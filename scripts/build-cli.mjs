// Builds the `keyflare` command into out/cli/ with esbuild: one minified ES module entry
// (keyflare.js, the package.json "bin") plus chunks each command loads on demand, so a command
// parses only what it runs. better-sqlite3 and keytar stay external: they are native modules,
// loaded from node_modules (keytar only on first keychain use), and loaded with require(): both
// are CommonJS, and an ES import of a CommonJS file makes Node scan its source for export names
// first (cjs-module-lexer), a cost every start would pay. Runs in well under a second, so
// `npm run build`, `npm test` and `prepare` (for `npm link`) all call it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'out', 'cli');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

const NATIVE = ['better-sqlite3', 'keytar'];

/** `import x from 'keytar'` becomes the CommonJS module itself, through the banner's require(). */
const requireNative = {
  name: 'require-native',
  setup(b) {
    const filter = new RegExp(`^(${NATIVE.join('|')})$`);
    b.onResolve({ filter }, (args) =>
      args.namespace === 'native'
        ? { path: args.path, external: true }
        : { path: args.path, namespace: 'native' },
    );
    b.onLoad({ filter: /.*/, namespace: 'native' }, (args) => ({
      contents: `const mod = require(${JSON.stringify(args.path)}); export default mod;`,
      loader: 'js',
    }));
  },
};

fs.rmSync(outdir, { recursive: true, force: true });
await build({
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
  plugins: [requireNative],
  // Bundled CommonJS packages call require(); give every ES module chunk one.
  banner: {
    js: "import { createRequire as __kfRequire } from 'node:module'; const require = __kfRequire(import.meta.url);",
  },
  define: { __KEYFLARE_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});
fs.chmodSync(path.join(outdir, 'keyflare.js'), 0o755);
