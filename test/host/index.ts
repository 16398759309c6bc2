// Mocha runner inside the VS Code extension host (loaded through extensionTestsPath; VS Code calls run()).
// The host's exit code reaches only the browser in code-server, so the results also go to a JSON file
// ($STLMGR_HOST_TEST_RESULTS) that the shell scripts read.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

interface ResultsFile {
  status: 'running' | 'passed' | 'failed' | 'error';
  passes: number;
  failures: number;
  pending: number;
  startedAt: string;
  finishedAt?: string;
  pid: number;
  tests: TestResult[];
  error?: string;
}

function writeResults(file: string, data: ResultsFile): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(data, null, 2));
  fs.renameSync(tmp, file); // a poller never sees half a file
}

export function run(): Promise<void> {
  const resultsFile = process.env.STLMGR_HOST_TEST_RESULTS || path.resolve(__dirname, '..', '..', '..', 'test-results', 'host-tests.json');
  const results: ResultsFile = { status: 'running', passes: 0, failures: 0, pending: 0, startedAt: new Date().toISOString(), pid: process.pid, tests: [] };
  writeResults(resultsFile, results);

  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  if (process.env.STLMGR_HOST_TEST_GREP) mocha.grep(process.env.STLMGR_HOST_TEST_GREP);
  for (const f of fs.readdirSync(__dirname).filter((n) => n.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, f));

  return new Promise<void>((resolve, reject) => {
    const finish = (status: ResultsFile['status'], error?: string) => {
      results.status = status;
      results.finishedAt = new Date().toISOString();
      if (error) results.error = error;
      writeResults(resultsFile, results);
      console.log(`[stlmgr-host-tests] ${status}: ${results.passes} passed, ${results.failures} failed, ${results.pending} pending -> ${resultsFile}`);
    };
    try {
      const runner = mocha.run((failures) => {
        if (failures > 0) {
          finish('failed');
          reject(new Error(`${failures} test(s) failed`));
        } else {
          finish('passed');
          resolve();
        }
      });
      runner.on('pass', (t) => {
        results.passes++;
        results.tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration });
      });
      runner.on('fail', (t, err: Error) => {
        results.failures++;
        results.tests.push({ title: t.fullTitle(), state: 'failed', error: String(err?.stack ?? err) });
      });
      runner.on('pending', (t) => {
        results.pending++;
        results.tests.push({ title: t.fullTitle(), state: 'pending' });
      });
    } catch (e) {
      finish('error', String((e as Error)?.stack ?? e));
      reject(e);
    }
  });
}
