// The browser benchmark: serves www/ as a host should (application/wasm, revalidated
// caching), then in headless Chromium (1) opens the real page five times in fresh contexts
// and pastes a 5,000-character article, timing the worker's start, the module's compile,
// `new Annotator()` and the first marks from navigation; (2) visits it again in the same
// context (the browser's HTTP and compiled-code caches); (3) on www/bench.html, throughput,
// per-article time, per-stage shares, a JS regex scan of the same texts, growth and memory.
// Prints one JSON object. Run by `cargo xtask bench --browser` after `cargo xtask build`.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "../tests/e2e/server.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const articles = readFileSync(`${root}../shared/data/articles/10kgnad-test.jsonl`, "utf8")
  .split("\n")
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line).text);

const wasm = readFileSync(`${root}www/pkg/textmarker_bg.wasm`);
const server = await startServer({ root: `${root}www`, cache: true });
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--enable-precise-memory-info"],
});

async function freshPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}bench.html`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === "true", null, { timeout: 60_000 });
  return { context, page };
}

/** The 5,000-character article the page gets pasted: articles joined, cut at 5,000. */
function article5k() {
  let text = "";
  for (const article of articles) {
    if (text.length >= 5000) break;
    text += (text ? "\n\n" : "") + article;
  }
  return text.slice(0, 5000);
}

/**
 * One visit of the page in `context`: paste the article as soon as the page's script runs,
 * and time (from navigation start, in ms) the worker's marks and the first <mark> rendered.
 */
async function visitAndPaste(context, text) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__firstMark = null;
    new MutationObserver((_, observer) => {
      if (document.querySelector("#view mark")) {
        window.__firstMark = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true });
  });
  const workers = [];
  page.on("worker", (worker) => workers.push(worker));
  await page.goto(`${server.url}index.html`, { waitUntil: "domcontentloaded" });
  // The module script has run once the editor listens; paste the way a person does.
  const pastedAt = await page.evaluate((text) => {
    const input = document.querySelector("#input");
    const data = new DataTransfer();
    data.setData("text/plain", text);
    input.focus();
    input.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    return performance.now();
  }, text);
  await page.waitForFunction(() => window.__firstMark !== null, null, { timeout: 60_000, polling: 5 });
  const { firstMark, origin } = await page.evaluate(() => ({ firstMark: window.__firstMark, origin: performance.timeOrigin }));
  const marks = {};
  for (const worker of workers) {
    const found = await worker.evaluate(() => ({
      origin: performance.timeOrigin,
      marks: performance.getEntriesByType("mark").map((m) => [m.name, m.startTime]),
    })).catch(() => ({ marks: [] }));
    for (const [name, at] of found.marks) marks[name] = at + found.origin - origin;
  }
  await page.close();
  return {
    pasted: pastedAt,
    first_marks: firstMark,
    worker_start: marks["tm-worker-start"],
    module_ready: marks["tm-module-ready"],
    annotator_ready: marks["tm-annotator-ready"],
  };
}

const median = (values) => [...values].filter((v) => v !== undefined).sort((a, b) => a - b)[Math.floor(values.length / 2)];
const medians = (visits) => Object.fromEntries(Object.keys(visits[0]).map((key) => [key, median(visits.map((v) => v[key]))]));

try {
  // The page's own path, five fresh contexts (first visit), each visited twice more (second
  // and third visit: the module from the HTTP cache, its code from Chromium's code cache).
  const text = article5k();
  const visits = [[], [], []];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext();
    for (const visit of visits) {
      visit.push(await visitAndPaste(context, text));
      // Chromium writes the code cache in the background after the module tiered up.
      await new Promise((ok) => setTimeout(ok, 1500));
    }
    await context.close();
  }
  const pagePath = { first_visit: medians(visits[0]), second_visit: medians(visits[1]), third_visit: medians(visits[2]) };

  // Nine fresh pages: on a shared 2-core machine single cold starts scatter by ±40 %.
  // Each with its parts (marks set by www/js/bench.js): module fetched and compiled,
  // `new Annotator()`, first annotation rendered.
  const coldStarts = [];
  const parts = { module: [], annotator: [], first: [] };
  for (let i = 0; i < 9; i++) {
    const { context, page } = await freshPage();
    const marks = await page.evaluate(() =>
      Object.fromEntries(performance.getEntriesByType("mark").map((m) => [m.name, m.startTime])));
    coldStarts.push(marks["first-annotation"]);
    parts.module.push(marks["wasm-ready"]);
    parts.annotator.push(marks["annotator-ready"] - marks["wasm-ready"]);
    parts.first.push(marks["first-annotation"] - marks["annotator-ready"]);
    await context.close();
  }
  const { context, page } = await freshPage();
  const result = await page.evaluate((texts) => window.textmarkerBench.run(texts), articles);
  await context.close();
  const fresh = await freshPage();
  const memory = await fresh.page.evaluate((texts) => window.textmarkerBench.memory(texts), articles);
  await fresh.context.close();
  console.log(JSON.stringify({
    page_path: pagePath,
    ...result,
    ...memory,
    cold_start_ms: median(coldStarts),
    cold_start_module_ms: median(parts.module),
    cold_start_annotator_ms: median(parts.annotator),
    cold_start_first_ms: median(parts.first),
    wasm_bytes: wasm.length,
    wasm_gzip_bytes: gzipSync(wasm, { level: 9 }).length,
  }));
} finally {
  await browser.close();
  await server.close();
}
