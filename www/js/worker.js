// Module worker: owns the WebAssembly annotator so the page never blocks while it runs. It also
// packs the result (packed.js) so that handing it to the page costs the page almost nothing.

import init, { Annotator, htmlDocument, markKinds, maxInputBytes, referenceDate } from "../pkg/textmarker.js";

// Stages of the start, read by `cargo xtask bench --browser` (benches/browser.mjs).
performance.mark("tm-worker-start");
import { fromJson } from "./exports.js";
import { adoptKinds, sanitizeAnnotations } from "./model.js";
import { namesKey } from "./names.js";
import { chunkDetails, packSpans, transferables } from "./packed.js";

let annotator = null;
/** Annotators with a names list, by namesKey: the page and each element may bring their own. */
const withNames = new Map();
const NAMED_ANNOTATORS = 4;

// init() fetches the module and compiles it while it streams in (instantiateStreaming, which
// needs the server to send application/wasm); Chromium caches the compiled code between
// visits when the response may be cached (see the README's server notes).
const ready = init()
  .then(() => {
    performance.mark("tm-module-ready");
    annotator = new Annotator();
    performance.mark("tm-annotator-ready");
    self.postMessage({ type: "ready", maxInputBytes: maxInputBytes() });
  })
  .catch((error) => {
    self.postMessage({ type: "fatal", message: String(error?.message ?? error) });
  });

/**
 * Test hook (`fault` in a request; the page never sets it by itself): "trap" behaves as if the
 * module trapped, "crash" throws out of the worker, "exit" ends the worker without a word.
 */
function injectFault(fault) {
  if (fault === "trap") throw new WebAssembly.RuntimeError("unreachable (injected fault)");
  if (fault === "crash") {
    setTimeout(() => {
      throw new Error("injected crash");
    });
    return true;
  }
  if (fault === "exit") {
    self.close();
    return true;
  }
  return false;
}

/**
 * Sends a result in small messages: the page reads each message in a task of its own, so no
 * single task has to copy megabytes. Details chunks and the ARIA labels first, then the packed
 * spans (typed arrays, transferred) with everything else.
 */
function postResult(id, annotations, extra) {
  const packed = packSpans(annotations);
  const { counts, chunks } = chunkDetails(annotations);
  for (const [name, list] of Object.entries(chunks)) {
    list.forEach((json, c) => self.postMessage({ type: "part", id, name, c, json }));
  }
  const ARIA_PART = 1 << 18;
  for (let i = 0, c = 0; i < packed.aria.length; i += ARIA_PART, c++) {
    self.postMessage({ type: "part", id, name: "aria", c, json: packed.aria.slice(i, i + ARIA_PART) });
  }
  packed.aria = null;
  self.postMessage({ type: "result", id, packed, counts, ...extra }, transferables(packed));
}

/** The annotator for `names` (a TSV string or a list; none: the plain one). Throws on a bad list. */
function annotatorFor(names) {
  const key = namesKey(names);
  if (!key) return annotator;
  let found = withNames.get(key);
  if (!found) {
    found = Annotator.withNames(names);
    if (withNames.size >= NAMED_ANNOTATORS) {
      const [oldest, old] = withNames.entries().next().value;
      withNames.delete(oldest);
      old.free();
    }
  }
  withNames.delete(key);
  withNames.set(key, found); // most recently used last
  return found;
}

/** Warnings the page understands, from an annotations object of any origin. */
function warningsOf(annotations) {
  return Array.isArray(annotations?.warnings) ? annotations.warnings.filter((w) => w === "not_german") : [];
}

/** A JSON export read back ("Open JSON…"): checked and packed here, off the page's thread. */
async function openExport(id, file) {
  try {
    if (annotator) adoptKinds(markKinds()); // what sanitizeAnnotations checks against
    const json = typeof file === "string" ? file : await file.text();
    const { text, refDate, annotations } = fromJson(json);
    const { annotations: clean, dropped } = sanitizeAnnotations(text, annotations);
    postResult(id, clean, { text, refDate, dropped, warnings: warningsOf(annotations) });
  } catch (error) {
    self.postMessage({ type: "error", id, message: String(error?.message ?? error) });
  }
}

/** The standalone HTML document (the same as the CLI's `--html`), made by the module. */
function exportHtml(id, { text, refDate, annotations }) {
  try {
    self.postMessage({ type: "html", id, html: htmlDocument(String(text ?? ""), annotations, refDate || null) });
  } catch (error) {
    self.postMessage({ type: "error", id, message: String(error?.message ?? error) });
  }
}

self.onmessage = async (event) => {
  const { id, text, refDate, fault, open, names, html, kinds } = event.data ?? {};
  await ready;
  if (open !== undefined) return openExport(id, open);
  if (!annotator) {
    self.postMessage({ type: "error", id, message: "the annotator could not be loaded" });
    return;
  }
  if (html !== undefined) return exportHtml(id, html);
  if (kinds !== undefined) return self.postMessage({ type: "kinds", id, kinds: markKinds() });
  self.postMessage({ type: "started", id });
  const t0 = performance.now();
  try {
    if (fault && injectFault(fault)) return;
    const input = String(text ?? "");
    const annotations = annotatorFor(names).annotate(input, refDate ? { refDate: String(refDate) } : undefined);
    // The date the relative dates were resolved against: the one given, else the module's
    // dateline rule (the one the CLI follows).
    const used = refDate ? String(refDate) : (referenceDate(input) ?? null);
    postResult(id, annotations, { ms: performance.now() - t0, warnings: warningsOf(annotations), refDate: used });
  } catch (error) {
    const trapped = error instanceof WebAssembly.RuntimeError;
    self.postMessage({ type: "error", id, message: String(error?.message ?? error), fatal: trapped });
    // After a trap the module's memory cannot be trusted: the page starts a fresh worker.
    if (trapped) self.close();
  }
};
