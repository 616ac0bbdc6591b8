// Turns text + annotations into DOM: one block per paragraph, one <mark> per span, nested where
// spans nest. User text only ever becomes text nodes.

import { ariaLabel } from "./format.js";
import { flattenSpans, keyOf, labelOf } from "./model.js";

/**
 * Paragraph blocks: [start, end) ranges cut after blank lines, never inside a span.
 * Each block keeps its trailing newlines so the concatenated text is exactly `text`.
 */
export function paragraphBlocks(text, spans, longBlock = 4000) {
  const blocks = [];
  const re = /\n(?:[ \t]*\n)*\s*/g; // a line break, possibly a blank-line run
  let start = 0;
  let si = 0;
  let maxEnd = 0;
  let m;
  while ((m = re.exec(text))) {
    const cut = m.index + m[0].length;
    if (cut >= text.length) break;
    const blank = m[0].split("\n").length > 2;
    if (!blank && cut - start < longBlock) continue; // single line breaks split only long blocks
    while (si < spans.length && spans[si].start < cut) maxEnd = Math.max(maxEnd, spans[si++].end);
    if (maxEnd > cut) continue; // a span runs across: keep the lines together
    blocks.push([start, cut]);
    start = cut;
  }
  if (start < text.length || blocks.length === 0) blocks.push([start, text.length]);
  return blocks;
}

/**
 * Creates a <mark> for one span. `parts` adds ::part names (custom element).
 */
export function createMark(doc, item, { parts = false, extraAttributes = null } = {}) {
  const { type, span, index } = item;
  const mark = doc.createElement("mark");
  const key = keyOf(type, span);
  mark.dataset.type = type;
  mark.dataset.label = labelOf(type, span);
  mark.dataset.key = key;
  mark.dataset.i = String(index);
  if (type === "entity") mark.dataset.entity = String(span.entity_id);
  mark.setAttribute("aria-label", ariaLabel(type, span));
  if (parts) mark.setAttribute("part", `mark ${type} ${labelOf(type, span)}`);
  if (extraAttributes) extraAttributes(mark, item);
  return mark;
}

/**
 * Renders block `[bs, be)` with spans `spans[i…]` (sorted by flattenSpans) into a new element.
 * Returns the element and the index of the first span not consumed. Spans that cross an
 * enclosing span (should not happen: layers are laminar) are skipped, never mis-nested.
 */
export function renderBlock(doc, text, bs, be, spans, i, options = {}) {
  const root = doc.createElement(options.blockTag ?? "div");
  root.className = "tm-para";
  if (options.parts) root.setAttribute("part", "paragraph");
  const stack = [{ el: root, end: be }];
  let pos = bs;
  const flush = (el, upTo) => {
    if (upTo > pos) el.append(doc.createTextNode(text.slice(pos, upTo)));
    pos = Math.max(pos, upTo);
  };
  for (; i < spans.length && spans[i].start < be; i++) {
    const s = spans[i];
    while (stack.length > 1 && stack[stack.length - 1].end <= s.start) {
      const top = stack.pop();
      flush(top.el, top.end);
    }
    const top = stack[stack.length - 1];
    if (s.start < pos || s.end > top.end || s.end <= s.start) continue;
    flush(top.el, s.start);
    const mark = createMark(doc, s, options);
    top.el.append(mark);
    stack.push({ el: mark, end: s.end });
  }
  while (stack.length > 1) {
    const top = stack.pop();
    flush(top.el, top.end);
  }
  flush(root, be);
  return { element: root, next: i };
}

/** Synchronous render of the whole text into `container` (small texts, exports, the custom element). */
export function renderAll(container, text, annotations, options = {}) {
  const doc = container.ownerDocument;
  const spans = flattenSpans(annotations, options.keep);
  const blocks = paragraphBlocks(text, spans);
  const fragment = doc.createDocumentFragment();
  let i = 0;
  for (const [bs, be] of blocks) {
    const r = renderBlock(doc, text, bs, be, spans, i, options);
    fragment.append(r.element);
    i = r.next;
  }
  container.replaceChildren(fragment);
}

/**
 * Time-sliced render for long texts: appends blocks in slices of ~`budgetMs` so the main thread
 * never blocks for long. `onProgress(fraction)`; resolves `true` when done, `false` if cancelled.
 */
export function renderIncrementally(container, text, annotations, { signal, onProgress, budgetMs = 12, ...options } = {}) {
  const doc = container.ownerDocument;
  const spans = flattenSpans(annotations, options.keep);
  const blocks = paragraphBlocks(text, spans);
  container.replaceChildren();
  let bi = 0;
  let si = 0;
  return new Promise((resolve) => {
    const slice = () => {
      if (signal?.aborted) return resolve(false);
      const t0 = performance.now();
      const fragment = doc.createDocumentFragment();
      while (bi < blocks.length && performance.now() - t0 < budgetMs) {
        const [bs, be] = blocks[bi++];
        const r = renderBlock(doc, text, bs, be, spans, si, options);
        fragment.append(r.element);
        si = r.next;
      }
      container.append(fragment);
      onProgress?.(blocks.length ? bi / blocks.length : 1);
      if (bi < blocks.length) setTimeout(slice, 0);
      else resolve(true);
    };
    setTimeout(slice, 0); // the set-up above was one task already

  });
}
