// Annotating: the request to the worker (debounced while typing), an opened JSON export, and
// showing a result: the marked text, then the legend counts and the side panel.

import { AnnotatorRestarted, Superseded } from "../client.js";
import { AnnotationStore, packSpans } from "../packed.js";
import { nextTask, renderIncrementally, renderPacked } from "../render.js";
import { $, afterNextFrame, formatBytes, INCREMENTAL_RENDER_CHARS } from "./dom.js";

/**
 * `after`: what is built once the marks are shown, in order (legend counts, groups, lists);
 * `hideDetails` closes the details box of marks about to go.
 */
export function createAnnotation({ state, client, setStatus, editor, refDate, after, hideDetails }) {
  const view = $("view");
  const languageNotice = $("language-notice");
  let debounceTimer = 0;

  function schedule(delay) {
    clearTimeout(debounceTimer);
    const ms = delay ?? (editor.input.value.length > 200_000 ? 700 : 250);
    debounceTimer = setTimeout(run, ms);
  }

  /** The UTF-8 size of `text`, exactly when it may matter (within a factor 3 of the limit). */
  function utf8Length(text) {
    return text.length * 3 <= client.maxInputBytes ? text.length : new TextEncoder().encode(text).length;
  }

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

  async function run() {
    const text = editor.input.value;
    const requested = refDate.request(text);
    const seq = ++state.requestSeq;
    if (text.length === 0) {
      refDate.showUsed(null);
      await show("", requested, emptyResult(), { source: "empty" });
      return;
    }
    const bytes = utf8Length(text);
    if (bytes > client.maxInputBytes) return tooLong(bytes);
    view.setAttribute("aria-busy", "true");
    view.dataset.state = "annotating";
    setStatus(`Annotating ${formatBytes(bytes)}…`, { progressValue: null });
    try {
      const result = await client.annotate(text, requested, { channel: "page", names: state.names.length ? state.names : null });
      if (seq !== state.requestSeq) return;
      refDate.showUsed(result.refDate);
      await show(text, result.refDate ?? "", result, { source: "annotator", ms: result.ms });
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
    if (view.dataset.state === "annotating") return; // run() reports it
    setStatus("The annotator had stopped and has been restarted; your text and marks are unchanged.");
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
      const { text } = result;
      editor.fit(text.length);
      editor.input.value = text;
      refDate.fromFile(result.refDate);
      // Let the editor lay out its new text in a frame of its own before the marks are built.
      if (text.length > INCREMENTAL_RENDER_CHARS) await afterNextFrame();
      if (seq !== state.requestSeq) return;
      await show(text, refDate.value, result, { source: "file" });
    } catch (error) {
      if (error instanceof Superseded || seq !== state.requestSeq) return;
      setStatus(`Could not open the file: ${error.message}`, { kind: "error" });
    }
  });

  /** Shows `text` with a result `{packed, store}` (from the worker, or empty). */
  async function show(text, usedRefDate, { packed, store, dropped = 0, warnings = [] }, { source, ms }) {
    state.renderAbort?.abort();
    const abort = new AbortController();
    state.renderAbort = abort;
    state.text = text;
    state.refDate = usedRefDate;
    state.packed = packed;
    state.annotations = store;
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
    for (const build of after) {
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

  return { schedule, tooLong, utf8Length };
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
