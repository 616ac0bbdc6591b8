// Turns text + packed spans (packed.js) into DOM: one block per paragraph, one <mark> per span, nested where
// spans nest. User text only ever becomes text nodes.

import { ariaAt } from "./packed.js";

/**
 * Blocks: [start, end) ranges cut after line breaks, never inside a span. A block ends at a
 * blank line once it is `minBlock` long, at a single line break once it is `lineBlock` long,
 * and, in a stretch without line breaks, at white space once it is `maxBlock` long (so that
 * even a 10 MB single line renders in slices). Each block keeps its trailing white space, so
 * the concatenated text is exactly `text`. Few big blocks make cheap frames for long texts:
 * the browser's work per frame grows with the number of `content-visibility` blocks.
 */
export function paragraphBlocks(text, packed, { minBlock = 0, lineBlock = 4000, maxBlock = 24000 } = {}) {
  const blocks = [];
  const lineBreak = /\n(?:[ \t]*\n)*\s*/g; // a line break, possibly a blank-line run
  const space = /\s+/g;
  let start = 0;
  let si = 0;
  let maxEnd = 0;
  // Whether a span runs across `cut`; cuts must be asked in increasing order.
  const crossed = (cut) => {
    while (si < packed.count && packed.start[si] < cut) maxEnd = Math.max(maxEnd, packed.end[si++]);
    return maxEnd > cut;
  };
  const take = (cut) => {
    blocks.push([start, cut]);
    start = cut;
  };
  const splitLongStretch = (upTo) => {
    if (upTo - start <= maxBlock) return;
    space.lastIndex = start + maxBlock;
    let w;
    while ((w = space.exec(text)) && w.index < upTo) {
      const cut = w.index + w[0].length;
      if (cut < upTo && cut - start >= maxBlock && !crossed(cut)) {
        take(cut);
        space.lastIndex = Math.max(space.lastIndex, start + maxBlock);
      }
    }
  };
  let m;
  while ((m = lineBreak.exec(text))) {
    splitLongStretch(m.index);
    const cut = m.index + m[0].length;
    if (cut >= text.length) break;
    const blank = m[0].split("\n").length > 2;
    if (cut - start < (blank ? minBlock : Math.max(lineBlock, 2 * minBlock))) continue;
    if (crossed(cut)) continue; // a span runs across: keep the lines together
    take(cut);
  }
  splitLongStretch(text.length);
  if (start < text.length || blocks.length === 0) blocks.push([start, text.length]);
  return blocks;
}

/**
 * Creates a <mark> for packed span `j`. `parts` adds ::part names (custom element);
 * `extraAttributes(mark, item)` gets `{type, index, start, end, span}` when `spanAt` is given.
 */
export function createMark(doc, packed, j, { parts = false, extraAttributes = null, spanAt = null } = {}) {
  const { type, label, key } = packed.table[packed.kind[j]];
  const index = packed.index[j];
  const mark = doc.createElement("mark");
  mark.dataset.type = type;
  mark.dataset.label = label;
  mark.dataset.key = key;
  mark.dataset.i = String(index);
  if (type === "entity" && packed.entity[j] >= 0) mark.dataset.entity = String(packed.entity[j]);
  mark.setAttribute("aria-label", ariaAt(packed, j));
  if (parts) mark.setAttribute("part", `mark ${type} ${label}`);
  if (extraAttributes) {
    const item = { type, index, start: packed.start[j], end: packed.end[j], span: spanAt?.(type, index) };
    extraAttributes(mark, item);
  }
  return mark;
}

/**
 * Renders block `[bs, be)` with packed spans `j…` into a new element. Returns the element and
 * the index of the first span not consumed. Spans that cross an enclosing span (should not
 * happen: layers are laminar) are skipped, never mis-nested; so are spans whose key `keep`
 * rejects.
 */
export function renderBlock(doc, text, bs, be, packed, j, options = {}) {
  const root = doc.createElement(options.blockTag ?? "div");
  root.className = "tm-para";
  if (options.parts) root.setAttribute("part", "paragraph");
  const keep = options.keep;
  const stack = [{ el: root, end: be }];
  let pos = bs;
  const flush = (el, upTo) => {
    if (upTo > pos) el.append(doc.createTextNode(text.slice(pos, upTo)));
    pos = Math.max(pos, upTo);
  };
  const { start, end } = packed;
  for (; j < packed.count && start[j] < be; j++) {
    const s = start[j];
    const e = end[j];
    if (keep && !keep(packed.table[packed.kind[j]].key)) continue;
    while (stack.length > 1 && stack[stack.length - 1].end <= s) {
      const top = stack.pop();
      flush(top.el, top.end);
    }
    const top = stack[stack.length - 1];
    if (s < pos || e > top.end || e <= s) continue;
    flush(top.el, s);
    const mark = createMark(doc, packed, j, options);
    top.el.append(mark);
    stack.push({ el: mark, end: e });
  }
  while (stack.length > 1) {
    const top = stack.pop();
    flush(top.el, top.end);
  }
  flush(root, be);
  return { element: root, next: j };
}

/** Synchronous render of the whole text into `container` (small texts, exports, the custom element). */
export function renderPacked(container, text, packed, options = {}) {
  const doc = container.ownerDocument;
  const blocks = paragraphBlocks(text, packed, options.blocks);
  const fragment = doc.createDocumentFragment();
  let j = 0;
  for (const [bs, be] of blocks) {
    const r = renderBlock(doc, text, bs, be, packed, j, options);
    fragment.append(r.element);
    j = r.next;
  }
  container.replaceChildren(fragment);
}

const channel = new MessageChannel();
const waiting = [];
channel.port1.onmessage = () => waiting.shift()?.();

/**
 * Yields to the event loop (a macrotask: input, rendering and timers get their turn). A posted
 * message rather than a timeout: nested timeouts are clamped to 4 ms, which made a time-sliced
 * 1 MB render a third slower. (`scheduler.yield()` would run ahead of timers and starve them.)
 */
export const nextTask = () =>
  new Promise((ok) => {
    waiting.push(ok);
    channel.port2.postMessage(null);
  });

/**
 * Time-sliced render for long texts: appends blocks in slices of ~`budgetMs` so the main thread
 * never blocks for long. `onProgress(fraction)`; resolves `true` when done, `false` if cancelled.
 */
export async function renderIncrementally(container, text, packed, { signal, onProgress, budgetMs = 8, ...options } = {}) {
  const doc = container.ownerDocument;
  await nextTask();
  if (signal?.aborted) return false;
  const blocks = paragraphBlocks(text, packed, options.blocks);
  container.replaceChildren();
  let bi = 0;
  let j = 0;
  while (bi < blocks.length) {
    await nextTask();
    if (signal?.aborted) return false;
    const t0 = performance.now();
    const fragment = doc.createDocumentFragment();
    while (bi < blocks.length && performance.now() - t0 < budgetMs) {
      const [bs, be] = blocks[bi++];
      const r = renderBlock(doc, text, bs, be, packed, j, options);
      fragment.append(r.element);
      j = r.next;
    }
    container.append(fragment);
    onProgress?.(bi / blocks.length);
  }
  return true;
}
