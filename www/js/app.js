// The Textmarker page: paste → annotate in a worker → marked text, legend, details, side panel,
// exports. User text only ever reaches the DOM as text nodes.

import { AnnotatorRestarted, sharedClient, Superseded } from "./client.js";
import { findDateline, today } from "./dateline.js";
import { EXAMPLE_TEXT } from "./example.js";
import { toCsv, toJson, toWebAnnotation } from "./exports.js";
import { describe, formatValue } from "./format.js";
import { BADGES, CATEGORY_OF_KEY, ENTITY_BASES, FIGURE_KINDS, TYPE_NAMES, labelName } from "./model.js";
import { namesLookup, parseNames } from "./names.js";
import { AnnotationStore, LIST_OF, countKeys, packSpans } from "./packed.js";
import { htmlToText, normalizePlainText } from "./paste.js";
import { nextTask, renderIncrementally, renderPacked } from "./render.js";

const $ = (id) => document.getElementById(id);
const input = $("input");
const view = $("view");
const legend = $("legend");
const details = $("details");
const refDateInput = $("ref-date");
const refDateSource = $("ref-date-source");
const statusBox = $("status");
const statusText = $("status-text");
const progress = $("progress");
const languageNotice = $("language-notice");

/**
 * Pastes up to this many characters go through the browser's insertText, which keeps native
 * undo but costs time growing with the square of the length (250 K characters: 3.5 s in
 * Chromium). Longer pastes are set directly, with one undo step of our own (Ctrl+Z right after).
 */
const NATIVE_PASTE_MAX_CHARS = 32_000;
/**
 * Longer texts stay out of the editor's layout (a summary shows instead) until the reader asks:
 * Chromium lays out 1 MB in a textarea in ~0.8 s and 2 MB in ~2.5 s, in one task that cannot
 * be sliced. The marked text shows them either way.
 */
const EDITOR_LAYOUT_MAX_CHARS = 200_000;
/** Texts longer than this are rendered in time slices. */
const INCREMENTAL_RENDER_CHARS = 40_000;
/** Panel lists show at most this many rows (the marked text always shows everything). */
const PANEL_LIMIT = 150;

const state = {
  text: "",
  refDate: "",
  packed: packSpans({}),
  store: AnnotationStore.empty(),
  groups: new Map(),
  hidden: new Set(),
  refDateManual: false,
  requestSeq: 0,
  renderSeq: 0,
  renderAbort: null,
  activeEntity: null,
  activeStep: -1,
  detailsMark: null,
  /** The page's names list ("Your names"), `[{name, label}]`; kept in localStorage. */
  names: [],
  /** The editor before a big paste, for our own undo step: `{before, after, start, end}`. */
  pasteUndo: null,
  /** The reader asked to see a long text in the editor. */
  editorShown: false,
  warnings: [],
};

const client = sharedClient();

// ---------------------------------------------------------------- status

function setStatus(message, { kind = "info", progressValue } = {}) {
  statusText.textContent = message;
  statusBox.dataset.kind = kind;
  if (progressValue === undefined) progress.hidden = true;
  else {
    progress.hidden = false;
    if (progressValue === null) progress.removeAttribute("value");
    else progress.value = progressValue;
  }
}

function formatBytes(n) {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(0)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

// ---------------------------------------------------------------- article date

function updateDateline(text = input.value) {
  if (state.refDateManual) return;
  const found = findDateline(text);
  refDateInput.value = found ?? today();
  refDateSource.textContent = found ? "(from the dateline)" : "(today)";
}

refDateInput.addEventListener("change", () => {
  if (!refDateInput.value) {
    state.refDateManual = false;
    updateDateline();
  } else {
    state.refDateManual = true;
    refDateSource.textContent = "(set by you)";
  }
  scheduleAnnotate(0);
});

$("ref-date-auto").addEventListener("click", () => {
  state.refDateManual = false;
  updateDateline();
  scheduleAnnotate(0);
});

// ---------------------------------------------------------------- input and paste

let debounceTimer = 0;

function scheduleAnnotate(delay) {
  clearTimeout(debounceTimer);
  const ms = delay ?? (input.value.length > 200_000 ? 700 : 250);
  debounceTimer = setTimeout(runAnnotate, ms);
}

input.addEventListener("input", () => {
  state.pasteUndo = null;
  fitEditor();
  updateDateline();
  scheduleAnnotate();
});

/**
 * Shows the editor for a text it can lay out quickly, or a summary for a long one (unless the
 * reader asked to see it). Call after every change of `input.value` made by the page.
 */
function fitEditor(length = input.value.length) {
  if (length <= EDITOR_LAYOUT_MAX_CHARS) state.editorShown = false;
  const summarise = length > EDITOR_LAYOUT_MAX_CHARS && !state.editorShown;
  const summary = $("input-summary");
  if (summarise) {
    $("input-summary-text").textContent =
      `A long text (${length.toLocaleString("en")} characters) is kept out of the editor: laying it out would freeze the page for a while. The marked text shows all of it.`;
  }
  if (input.hidden === summarise && summary.hidden === !summarise) return;
  const hadFocus = document.activeElement === input;
  summary.hidden = !summarise;
  input.hidden = summarise;
  if (summarise && hadFocus) summary.querySelector("button").focus();
}

$("input-show").addEventListener("click", async () => {
  setStatus("Laying out the text in the editor…", { progressValue: null });
  await afterNextFrame();
  state.editorShown = true;
  fitEditor();
  input.focus();
  await afterNextFrame();
  setStatus("The whole text is in the editor.");
});

$("input-clear").addEventListener("click", () => {
  state.pasteUndo = null;
  input.value = "";
  fitEditor();
  input.focus();
  updateDateline();
  scheduleAnnotate(0);
});

// Ctrl+Z right after a big paste: the browser has no undo step for it (see insertText). The
// editor may be summarised by then, so listen in the whole editor section (and on the body).
document.addEventListener("keydown", (event) => {
  const undo = state.pasteUndo;
  if (!undo || !(event.ctrlKey || event.metaKey) || event.shiftKey || event.key.toLowerCase() !== "z") return;
  const at = document.activeElement;
  if (at && at !== document.body && !input.closest("section").contains(at)) return;
  event.preventDefault();
  state.pasteUndo = null;
  if (input.value !== undo.after) return;
  input.value = undo.before;
  fitEditor();
  if (!input.hidden) {
    input.focus();
    input.setSelectionRange(undo.start, undo.end);
  }
  updateDateline();
  scheduleAnnotate(0);
});

input.addEventListener("paste", (event) => {
  const data = event.clipboardData;
  if (!data) return;
  const html = data.getData("text/html");
  const plain = data.getData("text/plain");
  if (!html && !plain) return;
  event.preventDefault();
  // A text over the limit never enters the editor (laying out tens of MB there would freeze
  // the page). A string's length is a lower bound of its UTF-8 size.
  const kept = input.value.length - (input.selectionEnd - input.selectionStart);
  if (kept + plain.length > client.maxInputBytes) return tooLong(kept + plain.length, { pasted: true, qualifier: "more than " });
  const text = html ? htmlToText(html) : normalizePlainText(plain);
  const result = input.value.slice(0, input.selectionStart) + text + input.value.slice(input.selectionEnd);
  const bytes = utf8Length(result);
  if (bytes > client.maxInputBytes) return tooLong(bytes, { pasted: true });
  // Say at once that something is happening: a big text takes a moment to lay out and mark.
  setStatus(`Pasted ${formatBytes(bytes)}; annotating…`, { progressValue: null });
  insertText(text, result);
  // A paste is one edit: mark it now, not after the typing pause.
  scheduleAnnotate(0);
});

/**
 * Says that a text is over the module's input limit (instead of trying and freezing). A pasted
 * text is refused and leaves the editor and the marks as they were.
 */
function tooLong(bytes, { pasted = false, qualifier = "" } = {}) {
  const exact = (n) => `${n.toLocaleString("en")} bytes`;
  const limit = `${formatBytes(client.maxInputBytes)} = ${exact(client.maxInputBytes)}`;
  const size = `${qualifier}${exact(bytes)}`;
  if (pasted) {
    setStatus(`Not pasted: the text is too long to mark (${size}; the limit is ${limit}). Paste it in parts.`, { kind: "error" });
    return;
  }
  clearTimeout(debounceTimer);
  state.renderAbort?.abort();
  view.removeAttribute("aria-busy");
  view.dataset.state = "too-long";
  setStatus(`This text is too long to mark: ${size}; the limit is ${limit}. Shorten it, or mark it in parts.`, { kind: "error" });
}

/**
 * Inserts at the caret; `result` is the editor's text afterwards. Short texts go through
 * insertText and keep the browser's undo; long ones are set in one step (linear time) and get
 * one undo step of our own. Reading a long editor's value back costs a copy: use `result`.
 */
function insertText(text, result) {
  input.focus();
  let inserted = false;
  if (text.length <= NATIVE_PASTE_MAX_CHARS) {
    try {
      inserted = document.execCommand("insertText", false, text);
    } catch {
      inserted = false;
    }
    if (inserted) return;
  }
  const before = input.value;
  const { selectionStart: start, selectionEnd: end } = input;
  fitEditor(result.length);
  input.setRangeText(text, start, end, "end");
  updateDateline(result);
  scheduleAnnotate(0);
  state.pasteUndo = text.length > NATIVE_PASTE_MAX_CHARS ? { before, after: result, start, end } : null;
}

$("load-example").addEventListener("click", () => {
  input.value = EXAMPLE_TEXT;
  fitEditor();
  state.refDateManual = false;
  updateDateline();
  scheduleAnnotate(0);
});

$("import-json").addEventListener("change", async (event) => {
  const file = event.target.files?.[0];
  event.target.value = "";
  if (!file) return;
  clearTimeout(debounceTimer);
  const seq = ++state.requestSeq; // any annotation still running is now stale
  setStatus(`Opening ${file.name}…`, { progressValue: null });
  try {
    // Read, checked and packed in the worker: a big file never blocks the page.
    const result = await client.openExport(file, { channel: "page" });
    if (seq !== state.requestSeq) return;
    const { text, refDate } = result;
    fitEditor(text.length);
    input.value = text;
    if (refDate) {
      state.refDateManual = true;
      refDateInput.value = refDate;
      refDateSource.textContent = "(from the file)";
    } else updateDateline();
    // Let the editor lay out its new text in a frame of its own before the marks are built.
    if (text.length > INCREMENTAL_RENDER_CHARS) await afterNextFrame();
    if (seq !== state.requestSeq) return;
    await show(text, refDateInput.value, result, { source: "file" });
  } catch (error) {
    if (error instanceof Superseded || seq !== state.requestSeq) return;
    setStatus(`Could not open the file: ${error.message}`, { kind: "error" });
  }
});

// ---------------------------------------------------------------- annotation

/** Resolves after the next frame has been drawn (or after 200 ms in a hidden tab). */
function afterNextFrame() {
  return new Promise((ok) => {
    const timer = setTimeout(ok, 200);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        ok();
      }, 0),
    );
  });
}

/** The UTF-8 size of `text`, exactly when it may matter (within a factor 3 of the limit). */
function utf8Length(text) {
  return text.length * 3 <= client.maxInputBytes ? text.length : new TextEncoder().encode(text).length;
}

async function runAnnotate() {
  const text = input.value;
  const refDate = refDateInput.value;
  const seq = ++state.requestSeq;
  if (text.length === 0) {
    await show("", refDate, emptyResult(), { source: "empty" });
    return;
  }
  const bytes = utf8Length(text);
  if (bytes > client.maxInputBytes) return tooLong(bytes);
  view.setAttribute("aria-busy", "true");
  view.dataset.state = "annotating";
  setStatus(`Annotating ${formatBytes(bytes)}…`, { progressValue: null });
  try {
    const result = await client.annotate(text, refDate, { channel: "page", names: state.names.length ? state.names : null });
    if (seq !== state.requestSeq) return;
    await show(text, refDate, result, { source: "annotator", ms: result.ms });
  } catch (error) {
    if (error instanceof Superseded || seq !== state.requestSeq) return;
    view.removeAttribute("aria-busy");
    view.dataset.state = "error";
    if (error instanceof AnnotatorRestarted) {
      setStatus("The annotator stopped on this text and has been restarted. Edit the text to try again.", { kind: "error" });
    } else setStatus(`Annotation failed: ${error.message}`, { kind: "error" });
  }
}

function emptyResult() {
  return { packed: packSpans({}), store: AnnotationStore.empty() };
}

// A worker that died between requests is replaced quietly; say so, politely.
client.addEventListener("restart", () => {
  if (view.dataset.state === "annotating") return; // runAnnotate reports it
  setStatus("The annotator had stopped and has been restarted; your text and marks are unchanged.");
});

/** Shows `text` with a result `{packed, store}` (from the worker, or empty). */
async function show(text, refDate, { packed, store, dropped = 0, warnings = [] }, { source, ms }) {
  state.renderAbort?.abort();
  const abort = new AbortController();
  state.renderAbort = abort;
  state.text = text;
  state.refDate = refDate;
  state.packed = packed;
  state.store = store;
  state.warnings = warnings;
  languageNotice.hidden = !warnings.includes("not_german");
  state.groups = new Map();
  state.activeEntity = null;
  state.activeStep = -1;
  hideDetails();
  view.dataset.state = "rendering";
  const big = text.length > INCREMENTAL_RENDER_CHARS || packed.count > 2000;
  // Long texts: every step below runs in its own task, none longer than a few milliseconds.
  const step = big ? nextTask : () => Promise.resolve();
  const options = { extraAttributes: (mark) => (mark.tabIndex = -1) };
  if (big) {
    const done = await renderIncrementally(view, text, packed, {
      ...options,
      signal: abort.signal,
      blocks: { minBlock: 3000 },
      // Under the 50 ms of a "long task", and few enough frames: each frame lays out the
      // blocks shown so far, so 8 ms slices made a 2 MB text take twice as long.
      budgetMs: 30,
      onProgress: (f) => setStatus(`Showing the marks… ${Math.round(f * 100)} %`, { progressValue: f }),
    });
    if (!done) return;
  } else {
    renderPacked(view, text, packed, options);
  }
  for (const build of [updateLegend, buildGroups, buildEntityList, buildQuoteList, buildFigureTable]) {
    await step();
    if (abort.signal.aborted) return;
    build();
  }
  view.removeAttribute("aria-busy");
  view.dataset.state = "done";
  view.dataset.length = String(text.length);
  view.dataset.seq = String(++state.renderSeq);
  view.dataset.source = source;
  if (big) parseInIdleTime(store, abort.signal);
  const names = packed.entity.reduce((n, id) => n + (id >= 0 ? 1 : 0), 0);
  const summary = `${names} names · ${store.count("figures")} figures · ${store.count("quotes")} quotations`;
  if (source === "file") {
    setStatus(`Opened: ${summary}${dropped ? ` (${dropped} marks dropped: malformed, or their offsets do not match the text)` : ""}`);
  } else if (source === "empty") setStatus("Paste a text to begin.");
  else setStatus(`${summary} — ${Math.round(ms ?? 0)} ms`);
}

// ---------------------------------------------------------------- legend and toggles

const legendCounts = new Map();

function buildLegend() {
  const groups = [
    ["Names", ENTITY_BASES],
    ["Figures", FIGURE_KINDS],
    ["Quotations", ["quote"]],
  ];
  for (const [name, keys] of groups) {
    const group = document.createElement("div");
    group.className = "legend-group";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", name);
    const title = document.createElement("span");
    title.className = "legend-group-name";
    title.textContent = name;
    title.setAttribute("aria-hidden", "true");
    group.append(title);
    for (const key of keys) {
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.key = key;
      button.setAttribute("aria-pressed", "true");
      const swatch = document.createElement("mark");
      const category = CATEGORY_OF_KEY(key);
      swatch.dataset.type = category;
      swatch.dataset.key = key;
      swatch.dataset.label = key === "quote" ? "direct" : key;
      swatch.textContent = TYPE_NAMES[key];
      const count = document.createElement("span");
      count.className = "count";
      count.textContent = "0";
      legendCounts.set(key, count);
      button.append(swatch, count);
      button.title = `${TYPE_NAMES[key]} (${BADGES[key]}): press to show or hide`;
      button.addEventListener("click", () => toggleType(key, button));
      group.append(button);
    }
    legend.append(group);
  }
}

/** Parses the rest of the details a chunk at a time while the page is idle (exports are then instant). */
function parseInIdleTime(store, signal) {
  const idle = window.requestIdleCallback ?? ((fn) => setTimeout(() => fn({ timeRemaining: () => 8 }), 50));
  const work = (deadline) => {
    if (signal.aborted) return;
    const t0 = performance.now();
    while (deadline.timeRemaining() > 2 && performance.now() - t0 < 8) if (!store.parseSome()) return;
    idle(work);
  };
  idle(work);
}

function buildGroups() {
  state.groups = new Map(state.store.slice("entity_groups").map((g) => [g.id, g]));
}

function updateLegend() {
  const counts = countKeys(state.packed);
  for (const [key, el] of legendCounts) {
    el.textContent = String(counts[key] ?? 0);
    el.parentElement.setAttribute("aria-label", `${TYPE_NAMES[key]}: ${counts[key] ?? 0}`);
  }
}

function toggleType(key, button) {
  if (state.hidden.has(key)) state.hidden.delete(key);
  else state.hidden.add(key);
  button.setAttribute("aria-pressed", String(!state.hidden.has(key)));
  if (state.hidden.size) view.dataset.hide = [...state.hidden].join(" ");
  else delete view.dataset.hide;
  if (state.detailsMark && isHidden(state.detailsMark)) hideDetails();
}

$("badges").addEventListener("change", (event) => {
  view.classList.toggle("tm-no-badges", !event.target.checked);
});

function isHidden(mark) {
  return state.hidden.has(mark.dataset.key);
}

// ---------------------------------------------------------------- details

function spanOf(mark) {
  const list = LIST_OF[mark.dataset.type];
  return list ? state.store.get(list, Number(mark.dataset.i)) : undefined;
}

function showDetails(mark) {
  const span = spanOf(mark);
  if (!span) return;
  const { title, rows } = describe(mark.dataset.type, span, state.groups);
  if (mark.dataset.type === "entity" && fromNamesList(span)) rows.push(["Source", "Your names list"]);
  const heading = document.createElement("h3");
  heading.textContent = title;
  const dl = document.createElement("dl");
  for (const [k, v] of rows) {
    const dt = document.createElement("dt");
    dt.textContent = k;
    const dd = document.createElement("dd");
    dd.textContent = v;
    dl.append(dt, dd);
  }
  details.replaceChildren(heading, dl);
  details.dataset.type = mark.dataset.type;
  details.dataset.label = mark.dataset.label;
  details.hidden = false;
  state.detailsMark?.removeAttribute("aria-describedby");
  state.detailsMark = mark;
  mark.setAttribute("aria-describedby", "details");
  positionDetails(mark);
}

function positionDetails(mark) {
  const rect = mark.getClientRects()[0] ?? mark.getBoundingClientRect();
  const box = details.getBoundingClientRect();
  const margin = 8;
  let left = rect.left;
  if (left + box.width > window.innerWidth - margin) left = Math.max(margin, window.innerWidth - margin - box.width);
  let top = rect.bottom + 6;
  if (top + box.height > window.innerHeight - margin && rect.top - box.height - 6 > margin) top = rect.top - box.height - 6;
  details.style.left = `${left + window.scrollX}px`;
  details.style.top = `${top + window.scrollY}px`;
}

function hideDetails() {
  details.hidden = true;
  state.detailsMark?.removeAttribute("aria-describedby");
  state.detailsMark = null;
}

view.addEventListener("mouseover", (event) => {
  const mark = event.target.closest?.("mark");
  if (mark && view.contains(mark) && !isHidden(mark)) showDetails(mark);
});
view.addEventListener("mouseleave", () => {
  const focused = document.activeElement;
  if (focused?.tagName === "MARK" && view.contains(focused)) showDetails(focused);
  else hideDetails();
});
view.addEventListener("focusin", (event) => {
  const mark = event.target.closest?.("mark");
  if (mark && view.contains(mark)) {
    view.querySelector("mark.tm-current")?.classList.remove("tm-current");
    showDetails(mark);
  }
});
view.addEventListener("focusout", (event) => {
  if (!view.contains(event.relatedTarget)) hideDetails();
});
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && !details.hidden) {
    hideDetails();
    event.preventDefault();
  }
});
window.addEventListener("resize", () => state.detailsMark && positionDetails(state.detailsMark));

// ---------------------------------------------------------------- keyboard navigation

function visibleMarks() {
  const all = view.querySelectorAll("mark");
  if (!state.hidden.size) return [...all];
  return [...all].filter((m) => !isHidden(m));
}

function focusMark(mark) {
  if (!mark) return;
  if (mark.tabIndex !== -1) mark.tabIndex = -1;
  mark.focus({ preventScroll: true });
  mark.scrollIntoView({ block: "nearest", inline: "nearest" });
  showDetails(mark);
}

function moveFocus(step, absolute = null) {
  const marks = visibleMarks();
  if (!marks.length) return;
  const current = document.activeElement?.closest?.("mark");
  let index;
  if (absolute === "first") index = 0;
  else if (absolute === "last") index = marks.length - 1;
  else {
    const at = current ? marks.indexOf(current) : -1;
    index = at < 0 ? (step > 0 ? 0 : marks.length - 1) : Math.min(marks.length - 1, Math.max(0, at + step));
  }
  focusMark(marks[index]);
}

view.addEventListener("keydown", (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const onMark = document.activeElement?.tagName === "MARK";
  switch (event.key) {
    case "ArrowRight":
    case "n":
    case "j":
      moveFocus(1);
      break;
    case "ArrowLeft":
    case "p":
    case "k":
      moveFocus(-1);
      break;
    case "Home":
      if (!onMark) return;
      moveFocus(0, "first");
      break;
    case "End":
      if (!onMark) return;
      moveFocus(0, "last");
      break;
    case "Escape":
      hideDetails();
      break;
    default:
      return;
  }
  event.preventDefault();
});

// ---------------------------------------------------------------- side panel

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function buildEntityList() {
  const list = $("entity-list");
  // Groups with a mention in the marks: a currency named only inside money figures is no name.
  const marked = new Set(state.packed.entity.filter((id) => id >= 0));
  const groups = [...state.groups.values()].filter((g) => marked.has(g.id)).sort(
    (a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name, "de"),
  );
  $("entity-count").textContent = String(groups.length);
  const items = groups.slice(0, PANEL_LIMIT).map((group) => {
    const li = el("li");
    const button = el("button");
    button.type = "button";
    button.dataset.entity = String(group.id);
    button.setAttribute("aria-pressed", "false");
    const tag = el("span", "tag tm-badge", group.label);
    tag.dataset.key = group.label.slice(0, 3);
    button.append(el("span", "name", group.name), tag, el("span", "mentions", `×${group.mentions}`), el("span", "step"));
    button.setAttribute("aria-label", `${group.name}, ${labelName("entity", group)}, ${group.mentions} mentions`);
    button.addEventListener("click", () => stepEntity(group.id, button));
    li.append(button);
    return li;
  });
  if (groups.length > PANEL_LIMIT) items.push(el("li", "hint", `… and ${groups.length - PANEL_LIMIT} more`));
  list.replaceChildren(...items);
}

function stepEntity(id, button) {
  const marks = [...view.querySelectorAll(`mark[data-type="entity"][data-entity="${Number(id)}"]`)];
  if (state.activeEntity !== id) {
    view.querySelectorAll("mark.tm-active").forEach((m) => m.classList.remove("tm-active"));
    $("entity-list")
      .querySelectorAll('button[aria-pressed="true"]')
      .forEach((b) => {
        b.setAttribute("aria-pressed", "false");
        b.querySelector(".step").textContent = "";
      });
    marks.forEach((m) => m.classList.add("tm-active"));
    state.activeEntity = id;
    state.activeStep = 0;
    button.setAttribute("aria-pressed", "true");
  } else {
    state.activeStep = marks.length ? (state.activeStep + 1) % marks.length : -1;
  }
  const mark = marks[state.activeStep];
  button.querySelector(".step").textContent = marks.length ? `${state.activeStep + 1}/${marks.length}` : "";
  button.dataset.step = String(state.activeStep + 1);
  if (mark) {
    view.querySelector("mark.tm-current")?.classList.remove("tm-current");
    mark.classList.add("tm-current");
    mark.scrollIntoView({ block: "center" });
  }
}

function jumpTo(selector) {
  const mark = view.querySelector(selector);
  if (mark) focusMark(mark);
}

function buildQuoteList() {
  const box = $("quote-list");
  const quotes = state.store.slice("quotes");
  $("quote-count").textContent = String(quotes.length);
  const bySpeaker = new Map();
  quotes.forEach((q, i) => {
    const group = Number.isInteger(q.speaker?.entity) ? state.groups.get(q.speaker.entity) : null;
    const name = group?.name ?? q.speaker?.text ?? "Unknown speaker";
    if (!bySpeaker.has(name)) bySpeaker.set(name, []);
    bySpeaker.get(name).push(i);
  });
  const speakers = [...bySpeaker.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0], "de"));
  const nodes = [];
  let shown = 0;
  for (const [name, indexes] of speakers) {
    if (shown >= PANEL_LIMIT) break;
    nodes.push(el("p", "speaker", `${name} (${indexes.length})`));
    const ol = el("ol");
    for (const i of indexes.slice(0, PANEL_LIMIT - shown)) {
      const q = quotes[i];
      const li = el("li");
      const button = el("button");
      button.type = "button";
      button.dataset.quote = String(i);
      const text = q.text.length > 140 ? `${q.text.slice(0, 137)}…` : q.text;
      button.append(el("span", "kind", q.kind === "direct" ? "direct" : "indirect"), el("span", "qtext", text));
      button.addEventListener("click", () => jumpTo(`mark[data-type="quote"][data-i="${i}"]`));
      li.append(button);
      ol.append(li);
      shown++;
    }
    nodes.push(ol);
  }
  if (quotes.length > shown) nodes.push(el("p", "hint", `… and ${quotes.length - shown} more`));
  box.replaceChildren(...nodes);
}

function buildFigureTable() {
  const body = $("figure-table").tBodies[0];
  const total = state.store.count("figures");
  $("figure-count").textContent = String(total);
  const rows = state.store.slice("figures", 0, PANEL_LIMIT).map((f, i) => {
    const tr = el("tr");
    const cell = el("td");
    const button = el("button", null, f.text);
    button.type = "button";
    button.dataset.figure = String(i);
    button.addEventListener("click", () => jumpTo(`mark[data-type="figure"][data-i="${i}"]`));
    cell.append(button);
    tr.append(cell, el("td", null, f.kind), el("td", null, formatValue(f)));
    return tr;
  });
  body.replaceChildren(...rows);
  const note = $("figure-note");
  note.hidden = total <= PANEL_LIMIT;
  note.textContent = `Showing ${PANEL_LIMIT} of ${total}; the CSV export has all.`;
}

// ---------------------------------------------------------------- your names

/** Where the names list is kept: this browser only; it is never sent anywhere. */
const NAMES_KEY = "textmarker.names";
const namesInput = $("names-input");
let fromNamesList = () => false;

function storedNames() {
  try {
    return localStorage.getItem(NAMES_KEY) ?? "";
  } catch {
    return ""; // storage switched off: the list lasts as long as the page
  }
}

function storeNames(tsv) {
  try {
    if (tsv) localStorage.setItem(NAMES_KEY, tsv);
    else localStorage.removeItem(NAMES_KEY);
  } catch {
    // storage switched off or full: the list still applies to this page
  }
}

/** Reads the list, shows what was kept and refused, and marks the text again with it. */
function applyNames(tsv, { annotate = true } = {}) {
  const { names, refused } = parseNames(tsv);
  state.names = names;
  fromNamesList = namesLookup(names);
  storeNames(tsv.trim() ? tsv : "");
  $("names-count").textContent = String(names.length);
  $("names-status").textContent = tsv.trim()
    ? `${names.length} ${names.length === 1 ? "name" : "names"} in use${refused.length ? `; ${refused.length} ${refused.length === 1 ? "line" : "lines"} refused:` : "."}`
    : "No names yet.";
  $("names-refused").replaceChildren(
    ...refused.slice(0, PANEL_LIMIT).map((r) => el("li", null, `line ${r.line}: ${r.reason} — “${r.text.slice(0, 80)}”`)),
  );
  if (annotate && input.value) scheduleAnnotate(0);
}

$("names-apply").addEventListener("click", () => applyNames(namesInput.value));
$("names-clear").addEventListener("click", () => {
  namesInput.value = "";
  applyNames("");
});
$("names-file").addEventListener("change", async (event) => {
  const file = event.target.files?.[0];
  event.target.value = "";
  if (!file) return;
  namesInput.value = await file.text();
  applyNames(namesInput.value);
});

// ---------------------------------------------------------------- export

const EXPORTS = {
  json: { ext: "json", mime: "application/json", name: "JSON", make: async (doc) => toJson(doc) },
  // Made by the module: the same document as the CLI's `--html`.
  html: { ext: "html", mime: "text/html", name: "HTML", make: (doc) => client.htmlDocument(doc.text, doc.refDate, doc.annotations) },
  jsonld: { ext: "jsonld", mime: "application/ld+json", name: "Web Annotation", make: async (doc) => toWebAnnotation(doc) },
  csv: { ext: "csv", mime: "text/csv", name: "CSV", make: async (doc) => toCsv(doc) },
};

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = el("textarea");
    area.value = text;
    area.className = "visually-hidden";
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

$("export").addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-export]");
  if (!button) return;
  const format = EXPORTS[button.dataset.export];
  const statusLine = $("export-status");
  const annotations = { ...state.store.annotations(), warnings: state.warnings };
  let content;
  try {
    content = await format.make({ text: state.text, refDate: state.refDate, annotations });
  } catch (error) {
    statusLine.textContent = `Export failed: ${error.message}`;
    return;
  }
  if (button.dataset.action === "copy") {
    const ok = await copyText(content);
    statusLine.textContent = ok ? `Copied ${format.name} (${formatBytes(content.length)}).` : "Copying failed.";
  } else {
    const blob = new Blob([content], { type: `${format.mime};charset=utf-8` });
    const url = URL.createObjectURL(blob);
    const a = el("a");
    a.href = url;
    a.download = `textmarker-${state.refDate || today()}.${format.ext}`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    statusLine.textContent = `Downloaded ${format.name}.`;
  }
});

// ---------------------------------------------------------------- start

buildLegend();
updateDateline();
namesInput.value = storedNames();
applyNames(namesInput.value, { annotate: false });
client.ready.then(
  () => {
    document.documentElement.dataset.ready = "true";
    if (input.value) scheduleAnnotate(0);
    else setStatus("Paste a text to begin.");
  },
  (error) => {
    document.documentElement.dataset.ready = "error";
    setStatus(`Could not load the annotator: ${error.message}`, { kind: "error" });
  },
);
