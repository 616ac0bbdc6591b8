// The browser benchmark: serves www/, opens www/bench.html in headless Chromium, and prints
// one JSON object (throughput, per-article time, 5,000-char article, growth, cold start,
// memory, module size). Run by `cargo xtask bench --browser` after `cargo xtask build`.
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
const server = await startServer({ root: `${root}www` });
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

try {
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
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const { context, page } = await freshPage();
  const result = await page.evaluate((texts) => window.textmarkerBench.run(texts), articles);
  await context.close();
  const fresh = await freshPage();
  const memory = await fresh.page.evaluate((texts) => window.textmarkerBench.memory(texts), articles);
  await fresh.context.close();
  console.log(JSON.stringify({
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
