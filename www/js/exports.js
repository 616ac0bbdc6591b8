// Exports: versioned JSON, W3C Web Annotation JSON-LD, CSV of figures. (The standalone HTML
// document is made by the module, src/html.rs, as for the CLI.) Every offset in them slices
// back to its text (see www/schema/README.md).

import { formatValue } from "./format.js";
import { codePointIndexer, labelName } from "./model.js";

export const EXPORT_FORMAT = "textmarker-annotations";
export const EXPORT_VERSION = 1;
export const GENERATOR = "Textmarker web page";

/** The versioned JSON document (schema: www/schema/annotations-v1.schema.json). */
export function toJson({ text, refDate, annotations }) {
  return JSON.stringify(
    {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      generator: GENERATOR,
      created: new Date().toISOString(),
      offsetUnit: "utf-16",
      refDate: refDate || null,
      text,
      entities: annotations.entities,
      entity_groups: annotations.entity_groups,
      figures: annotations.figures,
      quotes: annotations.quotes,
      warnings: annotations.warnings ?? [],
    },
    null,
    2,
  );
}

/** Reads a JSON export back: `{text, refDate, annotations}` (spans not yet checked). */
export function fromJson(json) {
  const doc = JSON.parse(json);
  if (!doc || typeof doc !== "object" || doc.format !== EXPORT_FORMAT) {
    throw new Error(`not a ${EXPORT_FORMAT} file`);
  }
  if (doc.version !== EXPORT_VERSION) throw new Error(`unsupported version ${doc.version}`);
  if (typeof doc.text !== "string") throw new Error("the file has no text");
  if (doc.offsetUnit !== "utf-16") throw new Error("offsets must be UTF-16 code units");
  const refDate = typeof doc.refDate === "string" && /^\d{4}-\d{2}-\d{2}$/.test(doc.refDate) ? doc.refDate : null;
  return { text: doc.text, refDate, annotations: doc };
}

/** A short stable id for a text (cyrb53 hash), used as the Web Annotation target source. */
export function textId(text) {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, "0") + (h1 >>> 0).toString(16).padStart(8, "0");
}

const CONTEXT = 32;

/**
 * W3C Web Annotation Data Model, JSON-LD: one AnnotationCollection, one Annotation per span,
 * each targeting the text with a TextQuoteSelector and a TextPositionSelector (the latter in
 * Unicode code points, as the model requires).
 */
export function toWebAnnotation({ text, refDate, annotations }) {
  const cp = codePointIndexer(text);
  const source = `urn:textmarker:text:${textId(text)}`;
  const groups = new Map((annotations.entity_groups ?? []).map((g) => [g.id, g]));
  const items = [];
  const target = (span) => ({
    source,
    selector: [
      {
        type: "TextQuoteSelector",
        exact: span.text,
        prefix: text.slice(Math.max(0, span.start - CONTEXT), span.start),
        suffix: text.slice(span.end, span.end + CONTEXT),
      },
      { type: "TextPositionSelector", start: cp(span.start), end: cp(span.end) },
    ],
  });
  const tag = (value) => ({ type: "TextualBody", purpose: "tagging", value, format: "text/plain" });
  const describing = (value) => ({ type: "TextualBody", purpose: "describing", value, format: "text/plain" });

  (annotations.entities ?? []).forEach((e, i) => {
    const body = [tag(e.label), describing(labelName("entity", e))];
    const group = groups.get(e.entity_id);
    if (group) body.push({ type: "TextualBody", purpose: "identifying", value: group.name, format: "text/plain" });
    items.push({ id: `${source}#entity-${i}`, type: "Annotation", motivation: "identifying", body, target: target(e) });
  });
  (annotations.figures ?? []).forEach((f, i) => {
    const body = [
      tag(f.kind),
      describing(formatValue(f)),
      { type: "TextualBody", purpose: "describing", value: JSON.stringify(f.value ?? null), format: "application/json" },
    ];
    items.push({ id: `${source}#figure-${i}`, type: "Annotation", motivation: "classifying", body, target: target(f) });
  });
  (annotations.quotes ?? []).forEach((q, i) => {
    const body = [tag(`quote-${q.kind}`)];
    if (q.speaker?.text) body.push(describing(`speaker: ${q.speaker.text}`));
    if (q.cue?.text) body.push(describing(`cue: ${q.cue.text}`));
    items.push({ id: `${source}#quote-${i}`, type: "Annotation", motivation: "classifying", body, target: target(q) });
  });
  return JSON.stringify(
    {
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: `${source}#annotations`,
      type: "AnnotationCollection",
      label: "Textmarker annotations",
      generator: GENERATOR,
      ...(refDate ? { "dcterms:date": refDate } : {}),
      total: items.length,
      first: { id: `${source}#page-1`, type: "AnnotationPage", startIndex: 0, items },
    },
    null,
    2,
  );
}

/** One CSV cell: RFC 4180 quoting, and a leading apostrophe where a spreadsheet would see a formula. */
export function csvCell(value) {
  let s = value === null || value === undefined ? "" : String(value);
  if (/^[=+@\t\r]/.test(s) || /^-(?![\d\s.,])/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_COLUMNS = ["start", "end", "kind", "text", "value", "unit", "approx", "mod", "normalized"];

/** Figures as CSV (UTF-16 offsets; value/unit machine-readable, `normalized` for people). */
export function toCsv({ annotations }) {
  const rows = [CSV_COLUMNS.join(",")];
  for (const f of annotations.figures ?? []) {
    const v = f.value;
    let value = "";
    let unit = "";
    if (typeof v === "number" || typeof v === "string") value = v;
    else if (v && typeof v === "object" && "amount" in v) {
      value = v.amount;
      unit = v.unit ?? "";
    } else if (v && typeof v === "object") {
      value = `${v.min ?? ""}..${v.max ?? ""}`;
      unit = v.unit ?? "";
    }
    rows.push(
      [f.start, f.end, f.kind, f.text, value, unit, f.approx ?? "", f.mod ?? "", formatValue(f)].map(csvCell).join(","),
    );
  }
  return `${rows.join("\r\n")}\r\n`;
}

/** Reads CSV written by toCsv (quoted cells, CRLF) back into rows of strings. */
export function parseCsv(csv) {
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && csv[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
