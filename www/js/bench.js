// The browser benchmark: cold start on load, then `window.textmarkerBench.run(texts)` measures
// throughput, per-article time, linear growth and memory. Driven by benches/browser.mjs.
import * as textmarker from "../pkg/textmarker.js";

const { default: init, Annotator } = textmarker;

const SAMPLE =
  "„Wir sind ein Verbündeter auf der höchsten Ebene“, sagte die Ministerin am Dienstag in Berlin. " +
  "Das Paket umfasse 550 Milliarden Dollar, rund 15 Prozent mehr als im Vorjahr.";

function render(out, text, spans) {
  out.replaceChildren();
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < at) continue;
    out.append(document.createTextNode(text.slice(at, span.start)));
    const mark = document.createElement("mark");
    mark.textContent = text.slice(span.start, span.end);
    out.append(mark);
    at = span.end;
  }
  out.append(document.createTextNode(text.slice(at)));
}

const encoder = new TextEncoder();
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function timeOnce(annotator, text) {
  const started = performance.now();
  annotator.annotate(text, { refDate: "2025-10-28" });
  return performance.now() - started;
}

function textOfSize(texts, chars) {
  const parts = [];
  let length = 0;
  while (length < chars) {
    for (const text of texts) {
      if (length >= chars) break;
      parts.push(text);
      length += text.length + 2;
    }
  }
  return parts.join("\n\n").slice(0, chars);
}

const wasm = await init();
performance.mark("wasm-ready");
const annotator = new Annotator();
performance.mark("annotator-ready");
const found = annotator.annotate(SAMPLE, { refDate: "2025-10-28" });
render(document.getElementById("out"), SAMPLE, [...found.entities, ...found.figures]);
performance.mark("first-annotation");

/** The stages of `benchStages` (src/annotator.rs, `stage_times::STAGES`). */
const STAGES = ["tokenizer", "entity features", "tagger and grouping", "figures", "quotes", "overlap", "stages together", "annotate"];

/**
 * The yardstick: what a page could do without the module, one pass of a few regular
 * expressions a naive marker would use (capitalised word runs, numbers with units, quotations)
 * over the same texts. Returns MB/s.
 */
function regexScan(texts, bytes) {
  const pattern = /\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+)*|\d+(?:[.,]\d+)*\s?(?:%|Prozent|Euro|Dollar|Millionen|Milliarden)?|„[^“]{1,400}“/gu;
  const passes = [];
  let found = 0;
  for (let pass = 0; pass < 5; pass++) {
    const started = performance.now();
    for (const text of texts) for (const match of text.matchAll(pattern)) found += match[0].length > 0;
    passes.push(performance.now() - started);
  }
  return { mb_s: bytes / 1e6 / (median(passes) / 1e3), found };
}

window.textmarkerBench = {
  run(texts) {
    for (const text of texts.slice(0, 50)) timeOnce(annotator, text);
    const bytes = texts.reduce((sum, text) => sum + encoder.encode(text).length, 0);
    const passes = [];
    let perArticle = [];
    for (let pass = 0; pass < 5; pass++) {
      const started = performance.now();
      perArticle = texts.map((text) => timeOnce(annotator, text));
      passes.push(performance.now() - started);
    }
    const article5k = textOfSize(texts, 5000);
    const article5kMs = median(Array.from({ length: 21 }, () => timeOnce(annotator, article5k)));
    const scaling = [10_000, 100_000, 1_000_000, 10_000_000].map((chars) => {
      const text = textOfSize(texts, chars);
      const runs = chars >= 10_000_000 ? 1 : 5;
      return { bytes: encoder.encode(text).length, ms: median(Array.from({ length: runs }, () => timeOnce(annotator, text))) };
    });
    // Per stage, inside the module; "boundary" is what `annotate` from JS costs beyond the
    // same annotation in Rust (options in, offsets converted, objects built).
    // (A module older than benchStages has no per-stage times.)
    let stageMs = null;
    if (textmarker.benchStages) {
      const stageRuns = Array.from({ length: 5 }, () => Array.from(textmarker.benchStages(annotator, texts)));
      stageMs = Object.fromEntries(STAGES.map((name, k) => [name, median(stageRuns.map((run) => run[k]))]));
      stageMs.boundary = Math.max(0, median(passes) - stageMs.annotate);
    }
    const scan = regexScan(texts, bytes);
    return {
      js_regex_scan_mb_s: scan.mb_s,
      stage_ms: stageMs,
      throughput_mb_s: bytes / 1e6 / (median(passes) / 1e3),
      median_article_ms: median(perArticle),
      article_5k_ms: article5kMs,
      scaling,
    };
  },
  // Run on a fresh page: wasm memory only grows, so earlier runs would inflate it.
  memory(texts) {
    annotator.annotate(textOfSize(texts, 1_000_000), { refDate: "2025-10-28" });
    return {
      wasm_memory_mb_1mb: wasm.memory.buffer.byteLength / 1e6,
      js_heap_mb_1mb: (performance.memory?.usedJSHeapSize ?? 0) / 1e6,
    };
  },
};
document.documentElement.dataset.ready = "true";
