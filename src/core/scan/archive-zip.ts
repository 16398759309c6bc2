// zip and cbz: entries come from the central directory only (node-stream-zip); nothing is extracted.
import StreamZip from 'node-stream-zip';
import { archiveEntry } from './archive-entry';
import { listedRead, type ArchiveRead } from './archive-read';

export async function listZip(absPath: string, relPath: string): Promise<ArchiveRead> {
  let zip: InstanceType<typeof StreamZip.async> | undefined;
  try {
    zip = new StreamZip.async({ file: absPath, storeEntries: true, skipEntryNameValidation: true });
    const all = Object.values(await zip.entries());
    const entries = [];
    let encrypted = 0;
    for (const e of all) {
      if (!e.isFile) continue;
      if (e.encrypted) encrypted++;
      const f = archiveEntry(relPath, e.name, e.size, e.time);
      if (f) entries.push(f);
    }
    return listedRead(entries, encrypted);
  } catch (err) {
    return { status: 'failed', entries: [], warning: { code: 'archive_corrupt', message: `cannot read zip: ${(err as Error).message}` } };
  } finally {
    await zip?.close().catch(() => undefined);
  }
}
