// One build for every bundle: the extension host (CJS, `vscode` external), the `stlmgr` CLI, the store worker,
// each webview (browser IIFE), the benches, and the in-host test files (transpiled, not bundled).
// sql.js's and 7z-wasm's .wasm files are copied beside the bundles and loaded from there, never from the network.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const exists = (p) => existsSync(p);
const listTs = (dir, suffix = '.ts') =>
  exists(dir) ? readdirSync(dir).filter((f) => f.endsWith(suffix)).map((f) => join(dir, f)) : [];

const node = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // sql.js probes for these Node built-ins optionally; keep them external.
  external: ['vscode'],
};

const builds = [];
if (exists('src/extension/extension.ts')) {
  builds.push({ ...node, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js' });
}
if (exists('src/cli/main.ts')) {
  builds.push({ ...node, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } });
}
if (exists('src/core/scan/seven-zip-worker.ts')) {
  builds.push({ ...node, entryPoints: ['src/core/scan/seven-zip-worker.ts'], outfile: 'dist/seven-zip-worker.js' });
}
if (exists('src/core/store/worker.ts')) {
  builds.push({ ...node, entryPoints: ['src/core/store/worker.ts'], outfile: 'dist/store-worker.js' });
}
for (const dir of exists('webview') ? readdirSync('webview') : []) {
  const entry = join('webview', dir, 'main.ts');
  if (statSync(join('webview', dir)).isDirectory() && exists(entry)) {
    builds.push({
      bundle: true, format: 'iife', platform: 'browser', target: 'es2022', sourcemap: !production, minify: production,
      logLevel: 'warning', entryPoints: [entry], outfile: `dist/webview/${dir}.js`,
    });
  }
}
if (!production) {
  const benches = listTs('bench');
  if (benches.length) builds.push({ ...node, entryPoints: benches, outdir: 'dist/bench' });
  const hostTests = listTs('test/host');
  if (hostTests.length) {
    builds.push({
      entryPoints: hostTests, bundle: false, format: 'cjs', platform: 'node', target: 'node20', sourcemap: true,
      outdir: 'out/test/host', logLevel: 'warning',
    });
  }
}

mkdirSync('dist', { recursive: true });
copyFileSync('node_modules/sql.js/dist/sql-wasm.wasm', 'dist/sql-wasm.wasm');
copyFileSync('node_modules/7z-wasm/7zz.wasm', 'dist/7zz.wasm');
// the codicon font for the webviews (<vscode-icon> finds it through the stylesheet with id vscode-codicon-stylesheet)
mkdirSync('dist/webview', { recursive: true });
for (const f of ['codicon.css', 'codicon.ttf']) copyFileSync(`node_modules/@vscode/codicons/dist/${f}`, `dist/webview/${f}`);

if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
