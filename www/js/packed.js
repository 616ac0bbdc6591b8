// Annotations in a form that crosses from the worker cheaply and renders without a per-span
// object: the spans of all layers in render order as typed arrays (transferred, not cloned),
// plus the per-span details (values, speakers, groups) as JSON strings in chunks that are
// parsed only when something asks for them. Cloning ~45,000 small objects into the page took
// ~100 ms in one task; this takes well under a millisecond.

import { ariaLabel } from "./format.js";
import { keyOf, labelOf } from "./model.js";

/** Layer → list name in the annotations object. */
export const LIST_OF = { quote: "quotes", entity: "entities", figure: "figures" };
const LAYER_RANK = { quote: 0, entity: 1, figure: 2 };
/** Details are parsed in chunks of this many spans. */
export const CHUNK = 250;

/**
 * Packs the spans of `annotations` in document order, enclosing spans first (so that one stack
 * nests them): `{count, start, end, kind, index, entity, table, aria, ariaEnd}`. `kind[i]`
 * points into `table` ({type, label, key}); `index[i]` is the span's index in its layer's list;
 * `entity[i]` the entity id or -1; the ARIA label of span i is `aria.slice(ariaEnd[i-1], ariaEnd[i])`.
 */
export function packSpans(annotations) {
  const layers = ["quote", "entity", "figure"];
  // The currency of a money figure (`figure_unit`) is shown as part of the figure, not as a name.
  const shown = (layer, span) => !(layer === "entity" && span.figure_unit);
  let n = 0;
  for (const layer of layers) {
    for (const span of annotations?.[LIST_OF[layer]] ?? []) if (shown(layer, span)) n++;
  }
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const rank = new Uint8Array(n);
  const spans = new Array(n);
  const layerOf = new Array(n);
  const indexOf = new Int32Array(n);
  let k = 0;
  for (const layer of layers) {
    const list = annotations?.[LIST_OF[layer]] ?? [];
    for (let i = 0; i < list.length; i++) {
      if (!shown(layer, list[i])) continue;
      start[k] = list[i].start;
      end[k] = list[i].end;
      rank[k] = LAYER_RANK[layer];
      spans[k] = list[i];
      layerOf[k] = layer;
      indexOf[k] = i;
      k++;
    }
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => start[a] - start[b] || end[b] - end[a] || rank[a] - rank[b]);

  const out = {
    count: n,
    start: new Int32Array(n),
    end: new Int32Array(n),
    kind: new Uint16Array(n),
    index: new Int32Array(n),
    entity: new Int32Array(n),
    table: [],
    aria: "",
    ariaEnd: new Uint32Array(n),
  };
  const codes = new Map();
  const labels = new Array(n);
  let ariaLength = 0;
  for (let j = 0; j < n; j++) {
    const i = order[j];
    const type = layerOf[i];
    const span = spans[i];
    const label = String(labelOf(type, span));
    const tableKey = `${type}\u0000${label}`;
    let code = codes.get(tableKey);
    if (code === undefined) {
      code = out.table.length;
      codes.set(tableKey, code);
      out.table.push({ type, label, key: keyOf(type, span) });
    }
    out.start[j] = start[i];
    out.end[j] = end[i];
    out.kind[j] = code;
    out.index[j] = indexOf[i];
    out.entity[j] = type === "entity" && Number.isInteger(span.entity_id) ? span.entity_id : -1;
    labels[j] = ariaLabel(type, span);
    ariaLength += labels[j].length;
    out.ariaEnd[j] = ariaLength;
  }
  out.aria = labels.join("");
  return out;
}

/** The buffers to transfer with a packed object. */
export function transferables(packed) {
  return [packed.start, packed.end, packed.kind, packed.index, packed.entity, packed.ariaEnd].map((a) => a.buffer);
}

/** The ARIA label of packed span `j`. */
export function ariaAt(packed, j) {
  return packed.aria.slice(j === 0 ? 0 : packed.ariaEnd[j - 1], packed.ariaEnd[j]);
}

/** Span counts per toggle key. */
export function countKeys(packed) {
  const perCode = new Uint32Array(packed.table.length);
  for (let j = 0; j < packed.count; j++) perCode[packed.kind[j]]++;
  const counts = {};
  packed.table.forEach(({ key }, code) => (counts[key] = (counts[key] ?? 0) + perCode[code]));
  return counts;
}

const LISTS = ["entities", "entity_groups", "figures", "quotes"];

/** Each list of `annotations` as JSON strings of at most CHUNK items (what the worker sends). */
export function chunkDetails(annotations) {
  const counts = {};
  const chunks = {};
  for (const name of LISTS) {
    const list = annotations?.[name] ?? [];
    counts[name] = list.length;
    chunks[name] = [];
    for (let i = 0; i < list.length; i += CHUNK) chunks[name].push(JSON.stringify(list.slice(i, i + CHUNK)));
  }
  return { counts, chunks };
}

/**
 * The per-span details of one result, parsed a chunk at a time on first use. Built either from
 * the worker's chunks or from an annotations object already in memory (an opened file).
 */
export class AnnotationStore {
  #counts;
  #chunks; // name → array of JSON strings (null once parsed)
  #parsed; // name → array of parsed chunks (arrays) or undefined
  #whole = null;

  constructor({ counts, chunks }) {
    this.#counts = counts;
    this.#chunks = chunks;
    this.#parsed = Object.fromEntries(LISTS.map((name) => [name, new Array(chunks[name].length)]));
  }

  static fromAnnotations(annotations) {
    const counts = {};
    const store = new AnnotationStore({ counts, chunks: Object.fromEntries(LISTS.map((n) => [n, []])) });
    const whole = {};
    for (const name of LISTS) {
      whole[name] = annotations?.[name] ?? [];
      counts[name] = whole[name].length;
    }
    store.#whole = whole;
    return store;
  }

  static empty() {
    return AnnotationStore.fromAnnotations({});
  }

  count(name) {
    return this.#counts[name] ?? 0;
  }

  #chunk(name, c) {
    const parsed = this.#parsed[name];
    if (parsed[c] === undefined) {
      parsed[c] = JSON.parse(this.#chunks[name][c]);
      this.#chunks[name][c] = null;
    }
    return parsed[c];
  }

  /** Item `i` of list `name` ("entities", "figures", "quotes", "entity_groups"). */
  get(name, i) {
    if (!(i >= 0 && i < this.count(name))) return undefined;
    if (this.#whole) return this.#whole[name][i];
    return this.#chunk(name, Math.floor(i / CHUNK))[i % CHUNK];
  }

  /** Items `[from, to)` of list `name`. */
  slice(name, from = 0, to = this.count(name)) {
    if (this.#whole) return this.#whole[name].slice(from, to);
    const out = [];
    to = Math.min(to, this.count(name));
    for (let i = Math.max(0, from); i < to; ) {
      const c = Math.floor(i / CHUNK);
      const chunk = this.#chunk(name, c);
      const upTo = Math.min(to, (c + 1) * CHUNK);
      for (; i < upTo; i++) out.push(chunk[i % CHUNK]);
    }
    return out;
  }

  /** Whether every chunk is parsed (materialising is then free). */
  get complete() {
    return this.#whole !== null;
  }

  /** Parses at most one more chunk; returns false when nothing is left (for idle-time work). */
  parseSome() {
    if (this.#whole) return false;
    for (const name of LISTS) {
      const parsed = this.#parsed[name];
      for (let c = 0; c < parsed.length; c++) {
        if (parsed[c] === undefined) {
          this.#chunk(name, c);
          return true;
        }
      }
    }
    this.annotations(); // all parsed: assemble
    return false;
  }

  /** The whole annotations object `{entities, entity_groups, figures, quotes}`. */
  annotations() {
    if (!this.#whole) {
      const whole = {};
      for (const name of LISTS) whole[name] = this.slice(name);
      this.#whole = whole;
      this.#parsed = null;
      this.#chunks = null;
    }
    return this.#whole;
  }
}
