// Names the scan never records: OS litter that is never a model (macOS resource forks, Finder and Explorer caches).
import picomatch from 'picomatch';

/** True for a folder or file name that the crawler always skips, whatever the user's excludes. */
export function isSkippedName(name: string, isDirectory: boolean): boolean {
  if (isDirectory) return name.length === 8 && name.toLowerCase() === '__macosx';
  if (name.startsWith('._')) return true;
  const lower = name.toLowerCase();
  return lower === '.ds_store' || lower === 'thumbs.db';
}

/** A matcher for the user's exclude globs, tested against root-relative `/` paths (folders prune their subtree). */
export function excludeMatcher(globs: readonly string[] | undefined): ((relPath: string) => boolean) | undefined {
  if (!globs || globs.length === 0) return undefined;
  return picomatch([...globs], { dot: true });
}
