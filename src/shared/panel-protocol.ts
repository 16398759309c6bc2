// The one message protocol between the variant panel's host (src/extension/panel) and its webview (webview/variant).
// Both sides parse every incoming message with these zod schemas and drop what does not match. Requests that expect
// an answer carry `requestId`; the answer is a `result` with the same id. The webview never touches the file system
// or the database: it only asks, and the host checks (paths must lie inside a library root).
import { z } from 'zod';

export const PANEL_VIEW_TYPE = 'stlManager.variant';

const id = z.number().int().positive();
const requestId = z.number().int().nonnegative();
export const fieldValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);

// ---- webview → host ---------------------------------------------------------------------------------------------

export const toHost = z.discriminatedUnion('type', [
  /** The script is running: send the variant (again, after a reload). */
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('setOverride'), requestId, variantId: id, field: z.string().min(1).max(64), value: fieldValue }),
  z.object({ type: z.literal('clearOverride'), requestId, variantId: id, field: z.string().min(1).max(64) }),
  /** Pick a value from the vocabulary in a native searchable list (vocab and enum fields), then set it. */
  z.object({ type: z.literal('pickValue'), requestId, variantId: id, field: z.string().min(1).max(64) }),
  z.object({ type: z.literal('revert'), requestId, target: z.union([z.object({ entryId: id }), z.object({ batchId: z.string().min(1).max(64) })]) }),
  /** Open a file of the variant (absolute path): refused unless it lies inside a library root. */
  z.object({ type: z.literal('openPath'), requestId, path: z.string().min(1).max(4096) }),
]);
export type ToHost = z.infer<typeof toHost>;

// ---- host → webview ---------------------------------------------------------------------------------------------

const effectiveField = z.object({
  field: z.string(),
  label: z.string(),
  /** vocab | enum | text | note | number | boolean | tags: which editor the row shows. */
  kind: z.string(),
  auto: fieldValue,
  overridden: z.boolean(),
  override: fieldValue,
  effective: fieldValue,
  /** Display names of the automatic and effective vocab keys, when the vocabulary knows them. */
  autoLabel: z.string().nullable(),
  effectiveLabel: z.string().nullable(),
});
export type PanelField = z.infer<typeof effectiveField>;

const panelFile = z.object({
  relPath: z.string(),
  absPath: z.string(),
  size: z.number(),
  kind: z.string(),
  /** Set for archive entries: the archive's relPath. */
  archivePath: z.string().nullable(),
});

const auditEntry = z.object({
  id,
  field: z.string(),
  /** The field's label ("Designer"), and display names of the values when the vocabulary knows them. */
  fieldLabel: z.string(),
  oldOverridden: z.boolean(),
  oldValue: fieldValue,
  oldLabel: z.string().nullable(),
  newOverridden: z.boolean(),
  newValue: fieldValue,
  newLabel: z.string().nullable(),
  source: z.string(),
  batchId: z.string(),
  batchSize: z.number(),
  reverts: z.number().nullable(),
  ts: z.string(),
});
export type PanelAuditEntry = z.infer<typeof auditEntry>;

export const variantView = z.object({
  id,
  name: z.string(),
  rootPath: z.string(),
  relPath: z.string(),
  missing: z.boolean(),
  fileCount: z.number(),
  sizeBytes: z.number(),
  confidence: z.number().nullable(),
  warnings: z.array(z.string()),
  residual: z.array(z.string()),
  fields: z.array(effectiveField),
  files: z.array(panelFile),
  /** Preview images beside the models, as webview URIs. */
  images: z.array(z.object({ name: z.string(), uri: z.string() })),
  history: z.array(auditEntry),
  historyTotal: z.number(),
});
export type VariantView = z.infer<typeof variantView>;

export const toWebview = z.discriminatedUnion('type', [
  z.object({ type: z.literal('variant'), variant: variantView }),
  z.object({ type: z.literal('notFound'), variantId: id }),
  z.object({ type: z.literal('result'), requestId, ok: z.boolean(), message: z.string().optional() }),
]);
export type ToWebview = z.infer<typeof toWebview>;

/** What the webview keeps with `setState`, so the serializer can restore the panel after a window reload. */
export const panelState = z.object({ variantId: id });
export type PanelState = z.infer<typeof panelState>;
