// The npm package as users get it: `npm pack` of pkg/ (made by `cargo xtask dist`), installed
// into an empty project, then imported from a Node script and from a plain HTML page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, existsSync, readFileSync, rmSync } from "node:fs";
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

test("the package holds exactly its files, its own README and a complete package.json", () => {
  const [packed] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--silent"], { cwd: pkg, encoding: "utf8" }));
  const files = packed.files.map((f) => f.path).sort();
  console.log(`npm pack: ${files.length} files, ${packed.size} bytes packed, ${packed.unpackedSize} unpacked:\n  ${files.join("\n  ")}`);
  assert.deepEqual(files, [
    "README.md",
    "css/marks.css",
    "css/textmarker-view.css",
    "js/client.js",
    "js/exports.js",
    "js/format.js",
    "js/kinds.js",
    "js/model.js",
    "js/names.js",
    "js/packed.js",
    "js/render.js",
    "js/textmarker-view.js",
    "js/worker.js",
    "node.d.ts",
    "node.js",
    "package.json",
    "pkg/textmarker.d.ts",
    "pkg/textmarker.js",
    "pkg/textmarker_bg.wasm",
    "pkg/textmarker_bg.wasm.d.ts",
  ]);
  const manifest = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8"));
  assert.equal(manifest.license, "MIT OR Apache-2.0");
  assert.equal(manifest.types, "./pkg/textmarker.d.ts");
  assert.ok(manifest.exports["."] && manifest.exports["./element"]);
  assert.ok(Array.isArray(manifest.files));
  // The package's own README: no links into the repository, and the sections an npm user needs.
  const readme = readFileSync(join(pkg, "README.md"), "utf8");
  const links = [...readme.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]);
  assert.deepEqual(links.filter((l) => !/^https:\/\//.test(l)), [], "only absolute links");
  for (const section of ["## Install", "## Import", "## A newsroom's own names", "## The custom element", "## Content-Security-Policy", "## Licence and attribution"]) {
    assert.ok(readme.includes(section), section);
  }
  assert.ok(!/cargo /.test(readme), "no cargo instructions");
  // Every public function of the module is declared for TypeScript users, withNames too.
  const types = readFileSync(join(pkg, "pkg", "textmarker.d.ts"), "utf8");
  for (const name of ["static withNames(names: string | NameEntry[]): Annotator", "warnings: Warning[]", "export function htmlDocument("]) {
    assert.ok(types.includes(name), name);
  }
});

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

test("Annotator.withNames works in Node as the README shows: TSV, list, and errors that name the line", () => {
  const script = `import { Annotator, htmlDocument } from "textmarker";
const text = "Der Zarnowitzer Kreisbote berichtete am Montag über den Gemeinderat.";
const found = (tm) => tm.annotate(text).entities.map((e) => e.text + "/" + e.label);
const errorOf = (names) => { try { Annotator.withNames(names); return null; } catch (e) { return e.message; } };
const annotations = Annotator.withNames("Zarnowitzer Kreisbote\\tORG").annotate(text);
console.log(JSON.stringify({
  tsv: found(Annotator.withNames("Zarnowitzer Kreisbote\\tORG\\nGemeinderat\\tORG")),
  list: found(Annotator.withNames([{ name: "Kreisbote", label: "PER" }])),
  tsvError: errorOf("Zarnowitzer Kreisbote\\tORG\\nohne Tabulator"),
  listError: errorOf([{ name: "Kreisbote", label: "PER" }, { name: "X", label: "FOO" }]),
  english: new Annotator().annotate("On Tuesday, the President of the United States met Canada's Prime Minister in Washington to discuss trade with officials from both countries.").warnings,
  html: htmlDocument(text, annotations, "2025-10-28").includes("data-entity-name=\\"Zarnowitzer Kreisbote\\""),
}));`;
  writeFileSync(join(project, "names.mjs"), script);
  const result = JSON.parse(execFileSync("node", ["names.mjs"], { cwd: project, encoding: "utf8" }));
  assert.ok(result.tsv.includes("Zarnowitzer Kreisbote/ORG") && result.tsv.includes("Gemeinderat/ORG"), result.tsv.join());
  assert.ok(result.list.includes("Kreisbote/PER"), result.list.join());
  assert.match(result.tsvError, /line 2: .*no tab/);
  assert.match(result.listError, /names\[1\]: unknown label "FOO"/);
  assert.deepEqual(result.english, ["not_german"]);
  assert.equal(result.html, true);
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
