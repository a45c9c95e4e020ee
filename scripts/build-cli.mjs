// Builds the `keyflare` command into out/cli/ with esbuild: one minified ES module entry
// (keyflare.js, the package.json "bin") plus chunks each command loads on demand, so a command
// parses only what it runs. better-sqlite3 and keytar stay external: they are native modules,
// loaded from node_modules (keytar only on first keychain use). Runs in well under a second, so
// `npm run build`, `npm test` and `prepare` (for `npm link`) all call it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'out', 'cli');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

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
  external: ['better-sqlite3', 'keytar'],
  // Bundled CommonJS packages call require(); give every ES module chunk one.
  banner: {
    js: "import { createRequire as __kfRequire } from 'node:module'; const require = __kfRequire(import.meta.url);",
  },
  define: { __KEYFLARE_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});
fs.chmodSync(path.join(outdir, 'keyflare.js'), 0o755);
