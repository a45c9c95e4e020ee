/**
 * How much the sandbox adds to the app's main bundle: `npx tsx scripts/sandbox-size.ts`.
 *
 * Bundles the main entry the way electron-vite does (packages in `dependencies` and Electron
 * external, everything else inlined) with esbuild's metafile, which says how many output bytes
 * each source file contributed. The sandbox is src/sandbox (the simulator, its scenario and
 * permission groups) plus src/main/core/sandbox (the host). Measured unminified, as electron-vite
 * ships main, and minified for comparison. test/scripts/sandbox-size.test.ts keeps the figures
 * within budget and the OpenAPI validator out.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '..');

export interface SandboxSize {
  /** Output bytes of the whole main bundle. */
  mainBytes: number;
  /** Output bytes contributed by the sandbox's source files. */
  sandboxBytes: number;
  /** The sandbox's source files in the bundle, largest first, with their output bytes. */
  files: Array<{ file: string; bytes: number }>;
  /** Every file inlined into the bundle (sources and bundled packages). */
  inputs: string[];
}

function isSandbox(file: string): boolean {
  return file.startsWith('src/sandbox/') || file.startsWith('src/main/core/sandbox/');
}

export async function measureSandbox(options: { minify?: boolean } = {}): Promise<SandboxSize> {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['src/main/index.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    write: false,
    outfile: 'out/size/index.js',
    metafile: true,
    minify: options.minify ?? false,
    logLevel: 'silent',
    external: ['electron', ...Object.keys(pkg.dependencies).flatMap((name) => [name, `${name}/*`])],
  });
  const metafile: Metafile = result.metafile;
  const output = Object.values(metafile.outputs).find((out) => out.entryPoint === 'src/main/index.ts');
  if (!output) throw new Error('esbuild produced no main bundle');
  const files = Object.entries(output.inputs)
    .filter(([file]) => isSandbox(file))
    .map(([file, input]) => ({ file, bytes: input.bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes);
  return {
    mainBytes: output.bytes,
    sandboxBytes: files.reduce((sum, file) => sum + file.bytes, 0),
    files,
    inputs: Object.keys(output.inputs),
  };
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function main(): Promise<void> {
  const plain = await measureSandbox();
  const minified = await measureSandbox({ minify: true });
  console.log(
    `sandbox in the main bundle: ${kb(plain.sandboxBytes)} of ${kb(plain.mainBytes)} ` +
      `(minified ${kb(minified.sandboxBytes)} of ${kb(minified.mainBytes)})`,
  );
  for (const file of plain.files.slice(0, 8)) console.log(`  ${kb(file.bytes).padStart(9)}  ${file.file}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
