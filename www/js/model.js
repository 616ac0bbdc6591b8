// What the page knows about annotation types: labels, toggle keys, names, and how spans nest.
// Shared by the page, the custom element, the worker and the exporters. The kinds of marks
// (keys, names, badges, colours) are the module's one table (src/kinds.rs, `markKinds()`):
// `adoptKinds` fills the lists below in place before anything reads them.

/** The table's rows: `{layer, key, name, badge, colour}`, in legend order. */
export const MARK_KINDS = [];
export const ENTITY_BASES = [];
/** Each entity class, also as a derivation ("LOCderiv") or part of a compound ("LOCpart"). */
export const ENTITY_LABELS = [];
export const FIGURE_KINDS = [];
export const QUOTE_KINDS = ["direct", "indirect"];
/** Toggle keys, in legend order: one per entity class, one per figure kind, one for quotes. */
export const TYPE_KEYS = [];
export const TYPE_NAMES = {};
/** Letter badges: the cue that does not rely on colour. */
export const BADGES = {};

/** Takes the module's table of kinds (`markKinds()`); the first call wins. */
export function adoptKinds(kinds) {
  if (MARK_KINDS.length || !Array.isArray(kinds)) return;
  MARK_KINDS.push(...kinds);
  for (const { layer, key, name, badge } of kinds) {
    if (layer === "entity") {
      ENTITY_BASES.push(key);
      ENTITY_LABELS.push(key, `${key}deriv`, `${key}part`);
    }
    if (layer === "figure") FIGURE_KINDS.push(key);
    TYPE_KEYS.push(key);
    TYPE_NAMES[key] = name;
    BADGES[key] = badge;
  }
}

/** The layer of a toggle key: "entity", "figure" or "quote". */
export const CATEGORY_OF_KEY = (key) => MARK_KINDS.find((kind) => kind.key === key)?.layer;

/** The toggle key of one span: entity base class, figure kind, or "quote". */
export function keyOf(type, span) {
  if (type === "entity") return String(span.label).slice(0, 3);
  if (type === "figure") return span.kind;
  return "quote";
}

export function labelOf(type, span) {
  return type === "entity" ? span.label : span.kind;
}

export function labelName(type, span) {
  if (type === "entity") {
    const base = TYPE_NAMES[String(span.label).slice(0, 3)] ?? span.label;
    if (String(span.label).endsWith("deriv")) return `${base} (derived word)`;
    if (String(span.label).endsWith("part")) return `${base} (part of a compound)`;
    return base;
  }
  if (type === "figure") return TYPE_NAMES[span.kind] ?? span.kind;
  return span.kind === "indirect" ? "Indirect quotation" : "Direct quotation";
}

export const EMPTY_ANNOTATIONS = Object.freeze({ entities: [], entity_groups: [], figures: [], quotes: [], warnings: [] });

/** UTF-16 offset → code point offset converter for one text (Web Annotation selectors count code points). */
export function codePointIndexer(text) {
  // Prefix count of surrogate pairs, computed lazily only when the text has any.
  if (!/[\uD800-\uDBFF]/.test(text)) return (i) => i;
  const pairsBefore = new Uint32Array(text.length + 1);
  let pairs = 0;
  for (let i = 0; i < text.length; i++) {
    pairsBefore[i] = pairs;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        pairsBefore[i + 1] = pairs;
        pairs++;
        i++;
      }
    }
  }
  pairsBefore[text.length] = pairs;
  return (i) => i - pairsBefore[i];
}

/**
 * Keeps only well-formed spans whose offsets slice back to their text: the check an imported
 * file must pass before it is shown. Returns the cleaned annotations and how many were dropped.
 */
export function sanitizeAnnotations(text, raw) {
  let dropped = 0;
  const okSpan = (s) =>
    s &&
    typeof s === "object" &&
    Number.isInteger(s.start) &&
    Number.isInteger(s.end) &&
    s.start >= 0 &&
    s.end > s.start &&
    s.end <= text.length &&
    typeof s.text === "string" &&
    text.slice(s.start, s.end) === s.text;
  const filter = (list, extra) => {
    if (!Array.isArray(list)) return [];
    const kept = list.filter((s) => okSpan(s) && extra(s));
    dropped += list.length - kept.length;
    return kept;
  };
  const entity_groups = Array.isArray(raw?.entity_groups)
    ? raw.entity_groups.filter(
        (g) => g && Number.isInteger(g.id) && typeof g.name === "string" && ENTITY_LABELS.includes(g.label),
      )
    : [];
  const subspan = (s) => s === null || s === undefined || okSpan(s);
  return {
    annotations: {
      entities: filter(raw?.entities, (s) => ENTITY_LABELS.includes(s.label) && Number.isInteger(s.entity_id)),
      entity_groups,
      figures: filter(raw?.figures, (s) => FIGURE_KINDS.includes(s.kind)),
      quotes: filter(raw?.quotes, (s) => QUOTE_KINDS.includes(s.kind) && subspan(s.speaker) && subspan(s.cue)),
    },
    dropped,
  };
}
