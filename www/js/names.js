// A newsroom's own names: `name<TAB>label` lines read leniently for the page's "Your names"
// panel (good lines kept, bad ones listed with the reason), and the forms the element accepts.
// The module reads the same lines strictly (Annotator.withNames); these rules follow it.

import { ENTITY_BASES, ENTITY_LABELS } from "./model.js";

/** The label as the module spells it ("locderiv" → "LOCderiv"), or undefined. */
const labelOf = (text) => ENTITY_LABELS.find((label) => label.toLowerCase() === text.toLowerCase());

/**
 * Reads a TSV list: `{names: [{name, label}], refused: [{line, text, reason}]}`. Blank lines,
 * `#` comments and a first `name<TAB>label` header are skipped.
 */
export function parseNames(tsv) {
  const names = [];
  const refused = [];
  let seenContent = false;
  String(tsv ?? "")
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const line = index + 1;
      if (!raw.trim() || raw.trimStart().startsWith("#")) return;
      const tab = raw.indexOf("\t");
      if (tab < 0) {
        refused.push({ line, text: raw, reason: "no tab between name and label" });
        return;
      }
      const name = raw.slice(0, tab).trim();
      const labelText = raw.slice(tab + 1).trim();
      if (!seenContent && name.toLowerCase() === "name" && labelText.toLowerCase() === "label") {
        seenContent = true;
        return;
      }
      seenContent = true;
      const label = labelOf(labelText);
      if (!name) refused.push({ line, text: raw, reason: "the name is empty" });
      else if (!label) refused.push({ line, text: raw, reason: `unknown label “${labelText}” (use ${ENTITY_BASES.join(", ")})` });
      else names.push({ name, label });
    });
  return { names, refused };
}

/** A key under which an annotator with these names can be cached: the same names, the same key. */
export function namesKey(names) {
  if (names === null || names === undefined || names === "") return "";
  return typeof names === "string" ? `tsv:${names}` : `list:${JSON.stringify(names)}`;
}

/** `[{name, label}]` → a lookup "does this mention come from the list?" (exact text, same class). */
export function namesLookup(names) {
  const byName = new Map();
  for (const { name, label } of names ?? []) byName.set(name, String(label).slice(0, 3));
  return (mention) => byName.get(mention?.text) === String(mention?.label ?? "").slice(0, 3);
}
