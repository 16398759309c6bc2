// What a file is, from its extension alone: the scan never opens model files to find out.
import type { FileKind } from './types';

const KINDS: Record<string, FileKind> = {};
const add = (kind: FileKind, exts: string) => {
  for (const e of exts.split(' ')) KINDS[e] = kind;
};
// ztl (ZBrush tool) is a sculpt the original counts as a model extension when grouping (SPEC §1.2).
add('model', 'stl obj 3mf ply gltf glb step stp ztl');
add('slicer', 'lys chitubox ctb gcode');
add('image', 'jpg jpeg png gif webp bmp tif tiff svg heic avif');
add('document', 'pdf txt md rtf doc docx odt html htm nfo');
add('archive', 'zip 7z rar cbz cbr');

export function fileKind(ext: string): FileKind {
  return KINDS[ext] ?? 'other';
}

/** Lower-case extension without the dot; `""` for `README`, `.hidden` or `name.`. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.length - 1) return '';
  return name.slice(dot + 1).toLowerCase();
}
