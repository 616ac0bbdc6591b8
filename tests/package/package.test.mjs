// The npm package as users get it: `npm pack` of pkg/ (made by `cargo xtask dist`), installed
// into an empty project, then imported from a Node script and from a plain HTML page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "../e2e/server.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const pkg = join(root, "pkg");
const TEXT = "„Wir bleiben“, sagte Kanzlerin Merkel am Dienstag in Berlin. 😀 Es geht um 550 Milliarden Dollar.";
let project;

before(() => {
  assert.ok(existsSync(join(pkg, "package.json")), "run `cargo xtask dist` first");
  project = mkdtempSync(join(tmpdir(), "textmarker-package-"));
  const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", project], { cwd: pkg, encoding: "utf8" }).trim().split("\n").pop();
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--offline", join(project, tarball)], { cwd: project, stdio: "ignore" });
});

after(() => rmSync(project, { recursive: true, force: true }));

function checkSpans(text, result) {
  let checked = 0;
  for (const list of [result.entities, result.figures, result.quotes]) {
    for (const span of list) {
      assert.equal(text.slice(span.start, span.end), span.text);
      checked++;
    }
  }
  return checked;
}

test("a Node script imports the package and annotates", () => {
  const script = `import init, { Annotator } from "textmarker";
await init();
const text = ${JSON.stringify(TEXT)};
console.log(JSON.stringify(new Annotator().annotate(text, { refDate: "2025-10-28" })));`;
  writeFileSync(join(project, "use.mjs"), script);
  const result = JSON.parse(execFileSync("node", ["use.mjs"], { cwd: project, encoding: "utf8" }));
  assert.ok(checkSpans(TEXT, result) > 0, "something is found");
  assert.ok(result.figures.some((f) => f.kind === "money"));
});

test("a plain HTML page imports the package's ES module", async () => {
  writeFileSync(join(project, "index.html"), `<!DOCTYPE html><meta charset="utf-8"><script type="module" src="page.js"></script>`);
  writeFileSync(join(project, "page.js"), `import init, { Annotator } from "./node_modules/textmarker/pkg/textmarker.js";
await init();
window.result = new Annotator().annotate(${JSON.stringify(TEXT)}, { refDate: "2025-10-28" });`);
  writeFileSync(join(project, "element.html"), `<!DOCTYPE html><meta charset="utf-8"><script type="module" src="element.js"></script>
<textmarker-view ref-date="2025-10-28">${TEXT}</textmarker-view>`);
  writeFileSync(join(project, "element.js"), `import "./node_modules/textmarker/js/textmarker-view.js";
document.querySelector("textmarker-view").addEventListener("annotated", (e) => {
  const a = e.detail.annotations;
  window.annotated = a.entities.length + a.figures.length + a.quotes.length;
});`);
  const server = await startServer({ root: project });
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}index.html`);
    const result = await page.waitForFunction(() => window.result, null, { timeout: 30_000 }).then((h) => h.jsonValue());
    assert.ok(checkSpans(TEXT, result) > 0);
    // The custom element from the package, with its worker and styles.
    await page.goto(`${server.url}element.html`);
    const marks = await page.waitForFunction(() => window.annotated, null, { timeout: 30_000 }).then((h) => h.jsonValue());
    assert.ok(marks > 0, "the element marks its text");
  } finally {
    await browser.close();
    await server.close();
  }
});
