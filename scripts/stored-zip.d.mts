/** A stored (uncompressed) zip with a fixed time stamp: inner path → content. See stored-zip.mjs. */
export function storedZip(entries: Iterable<[string, string | Buffer]>): Buffer;
