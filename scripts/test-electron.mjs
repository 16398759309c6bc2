// `npm run test:electron`: the same in-host tests (test/host) through @vscode/test-electron, for machines that can
// download VS Code (or have one: VSCODE_EXECUTABLE=/path/to/code). Not part of `npm test`, which runs them in
// code-server (scripts/e2e/run-host-tests.sh) because VS Code downloads are not reachable everywhere.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });

const scratch = mkdtempSync(join(tmpdir(), 'stlmgr-electron-'));
const results = join(root, 'test-results', 'host-tests-electron.json');
try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out', 'test', 'host', 'index.js'),
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
    version: process.env.VSCODE_VERSION || '1.100.3',
    extensionTestsEnv: { STLMGR_HOST_TEST_RESULTS: results },
    launchArgs: ['--disable-extensions', '--disable-workspace-trust', `--user-data-dir=${join(scratch, 'user-data')}`, join(scratch, 'workspace')],
  });
  console.log(`host tests passed in VS Code (electron); results: ${results}`);
} catch (e) {
  const message = e instanceof Error ? e.message : String(e);
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|getaddrinfo|download|fetch|socket hang up|Failed to get/i.test(message)) {
    console.error(
      `\nCould not download VS Code (${message}).\n` +
        'This machine cannot reach the VS Code download servers. Either set VSCODE_EXECUTABLE to an installed VS Code\n' +
        'binary, or run the same tests in code-server, which installs from the npm registry: npm run test:host\n',
    );
  } else {
    console.error(`host tests failed in VS Code (electron): ${message}`);
  }
  process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
