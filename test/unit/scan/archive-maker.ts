// Makes real archives for tests with 7-Zip (WASM) in memory: `7zz a` over files written to its in-memory FS.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import SevenZip from '7z-wasm';
import type { SevenZipModule } from '7z-wasm';

let instance: Promise<SevenZipModule> | undefined;

/** Writes an archive to `outPath` holding `files` (inner path → content); `args` adds switches (`-p…`, `-mhe=on`). */
export async function makeArchive(outPath: string, type: 'zip' | '7z', files: Record<string, string>, args: string[] = []): Promise<void> {
  instance ??= SevenZip({ print: () => undefined, printErr: () => undefined });
  const sz = await instance;
  const work = `/w${Math.random().toString(36).slice(2)}`;
  sz.FS.mkdir(work);
  sz.FS.chdir(work);
  for (const [rel, content] of Object.entries(files)) {
    const parts = rel.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      try {
        sz.FS.mkdir(dir);
      } catch {
        // exists
      }
    }
    sz.FS.writeFile(rel, content);
  }
  // Thousands of names on 7-Zip's command line overflow the WASM stack: then name the top-level entries (recursed).
  const names = Object.keys(files);
  const operands = names.length > 200 ? [...new Set(names.map((n) => n.split('/')[0]))] : names;
  sz.callMain(['a', `-t${type}`, ...args, `/out.${type}`, ...operands]);
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, sz.FS.readFile(`/out.${type}`));
  sz.FS.unlink(`/out.${type}`);
  sz.FS.chdir('/');
}
