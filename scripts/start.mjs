// npm start: build everything, then scan the sample library shipped in the repo into the CLI's default database
// (--db PATH, $STLMGR_DB, else ~/.stlmgr/library.db) and print the summary. Extra arguments go to `stlmgr scan`,
// e.g. `npm start -- --db /tmp/sample.db --json`.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const project = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (args) => spawnSync(process.execPath, args, { cwd: project, stdio: 'inherit' }).status ?? 1;

const built = run(['esbuild.mjs']);
if (built !== 0) process.exit(built);
process.exit(run([join('dist', 'cli.js'), 'scan', join(project, 'samples', 'library'), ...process.argv.slice(2)]));
