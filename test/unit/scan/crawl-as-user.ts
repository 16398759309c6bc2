// Run by crawl.test.ts in a child process under another uid (root reads chmod-000 folders, so the test drops to
// `nobody` to make a folder truly unreadable). Prints the crawl result as JSON.
import { crawl } from '../../../src/core/scan/crawl';

crawl(process.argv[2]).then(
  (r) => process.stdout.write(JSON.stringify(r)),
  (err: unknown) => {
    process.stderr.write(String(err));
    process.exit(2);
  },
);
