// The newsroom page (issue 6): paste, article date, legend toggles, details, side panel,
// keyboard, exports (round trip), print and dark styles. Uses hand-made annotations opened
// through "Open JSON…" so the tests do not depend on what the model finds.

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, test } from "node:test";
import { FIXTURE_TEXT, fixtureExport, openFixture } from "./fixtures.mjs";
import { paste, problems, setup, waitReady, waitRendered } from "./harness.mjs";

let env;
let page;
let log;
let context;

before(async () => {
  env = await setup();
  ({ page, log, context } = await env.open("index.html", { permissions: ["clipboard-read", "clipboard-write"] }));
  await waitReady(page);
});

after(async () => {
  await env?.close();
});

const seqOf = () => page.evaluate(() => Number(document.getElementById("view").dataset.seq ?? 0));

test("rich HTML paste keeps paragraphs and drops formatting", async () => {
  const seq = await seqOf();
  await paste(page, {
    text: "ignored plain version",
    html:
      '<meta charset="utf-8"><style>p{color:red}</style><h1>Titel der <i>Meldung</i></h1>' +
      "<p>Erster   <b>Absatz</b>\n mit Umbruch.</p><p>Zweiter<br>Zeile</p><script>window.__pwned = 1</script>" +
      "<ul><li>eins</li><li>zwei</li></ul><div><div>Tief</div></div><!-- Kommentar --><table><tr><td>A</td><td>B</td></tr></table>",
  });
  await waitRendered(page, { previousSeq: seq });
  assert.equal(
    await page.inputValue("#input"),
    "Titel der Meldung\n\nErster Absatz mit Umbruch.\n\nZweiter\nZeile\n\neins\nzwei\n\nTief\n\nA B",
  );
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator("#view .tm-para").count() >= 4, true, "paragraphs become blocks");
});

test("the article date is the module's (from the dateline, as the CLI reads it) unless set by hand", async () => {
  const refDateAfter = async (text) => {
    const seq = await seqOf();
    await page.fill("#input", text);
    await waitRendered(page, { previousSeq: seq });
    return page.inputValue("#ref-date");
  };
  assert.equal(await refDateAfter("Berlin, 28.10.2025 – Der Bundestag hat am Dienstag entschieden."), "2025-10-28");
  assert.match(await page.textContent("#ref-date-source"), /dateline/);
  assert.equal(await refDateAfter("Hamburg (dpa), 3. März 2024 – Text."), "2024-03-03");
  // Abbreviated months and a date on a later line: the core's grammar, not a second one.
  assert.equal(await refDateAfter("Titel\nWien, 3. Okt. 2015 – Text."), "2015-10-03");
  assert.equal(await refDateAfter("Kein Datum hier, gestern."), "");
  assert.match(await page.textContent("#ref-date-source"), /none found/);
  await page.fill("#ref-date", "2020-02-29");
  await page.dispatchEvent("#ref-date", "change");
  assert.match(await page.textContent("#ref-date-source"), /set by you/);
  assert.equal(await refDateAfter("2025-10-28 Neuer Text."), "2020-02-29", "a date set by hand stays");
  const seq = await seqOf();
  await page.click("#ref-date-auto");
  await waitRendered(page, { previousSeq: seq });
  assert.equal(await page.inputValue("#ref-date"), "2025-10-28");
});

test("the legend counts each type and its toggles hide and show them", async () => {
  await openFixture(page);
  const counts = await page.$$eval("#legend button", (bs) => Object.fromEntries(bs.map((b) => [b.dataset.key, Number(b.querySelector(".count").textContent)])));
  assert.deepEqual(counts, { PER: 3, LOC: 4, ORG: 2, OTH: 0, number: 1, ordinal: 0, money: 1, percent: 1, date: 4, time: 0, duration: 1, quantity: 0, quote: 2 });
  const style = (selector) =>
    page.$eval(selector, (m) => {
      const s = getComputedStyle(m);
      return { bg: s.backgroundColor, shadow: s.boxShadow, border: s.borderBottomStyle, deco: s.textDecorationLine };
    });
  const per = await style('#view mark[data-key="PER"]');
  const money = await style('#view mark[data-key="money"]');
  const quote = await style('#view mark[data-key="quote"]');
  assert.notEqual(per.bg, "rgba(0, 0, 0, 0)");
  assert.notEqual(per.shadow, "none", "entities: underline");
  assert.equal(money.border, "dashed", "figures: dashed underline");
  assert.match(quote.deco, /underline/, "quotes: underline");
  for (const [key, selector] of [["PER", '#view mark[data-key="PER"]'], ["money", '#view mark[data-key="money"]'], ["quote", '#view mark[data-key="quote"]']]) {
    await page.click(`#legend button[data-key="${key}"]`);
    assert.equal(await page.getAttribute(`#legend button[data-key="${key}"]`, "aria-pressed"), "false");
    const hidden = await style(selector);
    assert.equal(hidden.bg, "rgba(0, 0, 0, 0)", `${key} hidden`);
    assert.equal(hidden.shadow, "none");
    assert.equal(hidden.deco, "none");
    assert.notEqual((await style('#view mark[data-key="LOC"]')).bg, "rgba(0, 0, 0, 0)", "other types stay");
    await page.click(`#legend button[data-key="${key}"]`);
    assert.equal(await page.getAttribute(`#legend button[data-key="${key}"]`, "aria-pressed"), "true");
    assert.deepEqual(await style(selector), key === "PER" ? per : key === "money" ? money : quote, `${key} shown again`);
  }
  // Text stays in place whatever is hidden.
  assert.equal(await page.textContent("#view"), FIXTURE_TEXT);
});

test("details on hover and keyboard focus: type, normalised value, resolved date, speaker and cue", async () => {
  await page.hover('#view mark[data-label="money"]');
  await page.waitForSelector("#details:not([hidden])");
  let details = await page.textContent("#details");
  assert.match(details, /Money/);
  assert.match(details, /2,4 Milliarden Euro = 2\.400\.000\.000 EUR/);
  await page.hover('#view mark[data-type="figure"]:text-is("Freitag")');
  details = await page.textContent("#details");
  assert.match(details, /Resolved.*Freitag, 14\. März 2025/s);
  await page.hover('#view mark[data-label="percent"]');
  assert.match(await page.textContent("#details"), /about: 12 %/);
  await page.hover('#view mark[data-label="LOCderiv"]');
  details = await page.textContent("#details");
  assert.match(details, /Place \(derived word\)/);
  assert.match(details, /Entity\s*Hamburg/);
  await page.mouse.move(1, 1);
  await page.waitForSelector("#details", { state: "hidden" });
  await page.focus('#view mark[data-label="direct"]');
  await page.waitForSelector("#details:not([hidden])");
  details = await page.textContent("#details");
  assert.match(details, /Direct quotation/);
  assert.match(details, /Speaker\s*Anna Berger/);
  assert.match(details, /Cue\s*sagte/);
  assert.equal(await page.getAttribute('#view mark[data-label="direct"]', "aria-describedby"), "details");
  await page.keyboard.press("Escape");
  await page.waitForSelector("#details", { state: "hidden" });
  const kinds = await page.$$eval("#details *", (els) => [...new Set(els.map((e) => e.tagName))].sort());
  assert.deepEqual(kinds, ["DD", "DL", "DT", "H3"]);
});

test("side panel: entities step through their mentions, quotes by speaker, figures table", async () => {
  const names = await page.$$eval("#entity-list button .name", (els) => els.map((e) => e.textContent));
  assert.deepEqual(names, ["Anna Berger", "Hamburg", "Hansa Nordlicht", "Shanghai", "Verdi"]);
  const button = page.locator('#entity-list button[data-entity="2"]');
  await button.click();
  assert.equal(await button.getAttribute("aria-pressed"), "true");
  assert.equal(await page.locator("#view mark.tm-active").count(), 3);
  const current = () => page.$eval("#view mark.tm-current", (m) => [...document.querySelectorAll('#view mark[data-entity="2"]')].indexOf(m));
  const steps = [];
  for (let i = 0; i < 4; i++) {
    steps.push([await button.locator(".step").textContent(), await current()]);
    await button.click();
  }
  assert.deepEqual(steps, [["1/3", 0], ["2/3", 1], ["3/3", 2], ["1/3", 0]]);
  await page.locator('#entity-list button[data-entity="0"]').click();
  assert.equal(await page.locator("#view mark.tm-active").count(), 3, "Hamburg: three mentions");
  assert.equal(await button.getAttribute("aria-pressed"), "false");

  assert.deepEqual(await page.$$eval("#quote-list .speaker", (els) => els.map((e) => e.textContent)), ["Anna Berger (2)"]);
  await page.locator("#quote-list button").nth(1).click();
  assert.equal(await page.evaluate(() => document.activeElement.dataset.label), "indirect");

  const rows = await page.$$eval("#figure-table tbody tr", (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.equal(rows.length, 8);
  assert.deepEqual(rows[1], ["2,4 Milliarden Euro", "money", "2.400.000.000 EUR"]);
  assert.deepEqual(rows.at(-1), ["30 Tage", "duration", "30 day (2.592.000 s)"]);
  await page.locator("#figure-table button").nth(1).click();
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "2,4 Milliarden Euro");
});

test("keyboard: arrows move between marks, hidden types are skipped, labels announce the type", async () => {
  await page.focus("#view");
  await page.keyboard.press("ArrowRight");
  const active = () => page.evaluate(() => ({ text: document.activeElement.textContent, label: document.activeElement.getAttribute("aria-label"), tag: document.activeElement.tagName }));
  assert.deepEqual(await active(), { text: "Hamburg", label: "Place: Hamburg", tag: "MARK" });
  await page.keyboard.press("ArrowRight");
  assert.deepEqual(await active(), { text: "14.03.2025", label: "Date: 14.03.2025 (2025-03-14)", tag: "MARK" });
  assert.equal(await page.isVisible("#details"), true, "focus shows the details");
  await page.keyboard.press("n");
  assert.equal((await active()).text, "Hansa Nordlicht");
  await page.keyboard.press("p");
  assert.equal((await active()).text, "14.03.2025");
  await page.keyboard.press("End");
  assert.equal((await active()).text, "30 Tage");
  await page.keyboard.press("Home");
  assert.equal((await active()).text, "Hamburg");
  await page.keyboard.press("Escape");
  assert.equal(await page.isVisible("#details"), false);
  // With figures of kind "date" hidden, the next mark after "Hamburg" is the organisation.
  await page.click('#legend button[data-key="date"]');
  await page.focus('#view mark[data-key="LOC"]');
  await page.keyboard.press("ArrowRight");
  assert.equal((await active()).text, "Hansa Nordlicht");
  await page.click('#legend button[data-key="date"]');
  const quoteLabel = await page.getAttribute('#view mark[data-label="direct"]', "aria-label");
  assert.match(quoteLabel, /^Direct quotation, speaker Anna Berger: „Wir/);
  // Tab leaves the text: one tab stop for all marks.
  assert.equal(await page.locator("#view mark[tabindex='0']").count(), 0);
});

async function download(format) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(`#export button[data-export="${format}"][data-action="download"]`)]);
  return readFile(await file.path(), "utf8");
}

test("exports round-trip: every exported offset slices back to its text", async () => {
  const fixture = fixtureExport();
  const text = fixture.text;
  const total = fixture.entities.length + fixture.figures.length + fixture.quotes.length;

  const json = JSON.parse(await download("json"));
  assert.equal(json.format, "textmarker-annotations");
  assert.equal(json.version, 1);
  assert.equal(json.offsetUnit, "utf-16");
  assert.equal(json.refDate, "2025-03-14");
  assert.equal(json.text, text);
  for (const list of [json.entities, json.figures, json.quotes]) {
    for (const s of list) {
      assert.equal(text.slice(s.start, s.end), s.text);
      for (const sub of [s.speaker, s.cue]) if (sub) assert.equal(text.slice(sub.start, sub.end), sub.text);
    }
  }
  assert.deepEqual(json.entities, fixture.entities);
  assert.deepEqual(json.figures, fixture.figures);
  assert.deepEqual(json.quotes, fixture.quotes);
  const copied = await (async () => {
    await page.click('#export button[data-export="json"][data-action="copy"]');
    return page.evaluate(() => navigator.clipboard.readText());
  })();
  assert.deepEqual({ ...JSON.parse(copied), created: null }, { ...json, created: null });

  const html = await download("html");
  assert.match(html, /^<!DOCTYPE html>/);
  // Parsed in a blank page: under the app's CSP the export's own <style> would be reported.
  const blank = await context.newPage();
  const parsed = await blank.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, "text/html");
    const article = doc.querySelector("article");
    return {
      text: article.textContent,
      csp: doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content,
      scripts: doc.querySelectorAll("script").length,
      marks: [...article.querySelectorAll("mark")].map((m) => ({ ...m.dataset, inner: m.textContent })),
    };
  }, html);
  await blank.close();
  assert.equal(parsed.text, text);
  assert.equal(parsed.scripts, 0);
  assert.match(parsed.csp, /default-src 'none'/);
  assert.equal(parsed.marks.length, total);
  for (const m of parsed.marks) assert.equal(text.slice(Number(m.start), Number(m.end)), m.inner);
  const money = parsed.marks.find((m) => m.label === "money");
  assert.deepEqual(JSON.parse(money.value), { amount: 2.4e9, unit: "EUR" });
  assert.equal(parsed.marks.find((m) => m.label === "direct").speaker, "Anna Berger");

  const ld = JSON.parse(await download("jsonld"));
  assert.equal(ld["@context"], "http://www.w3.org/ns/anno.jsonld");
  assert.equal(ld.type, "AnnotationCollection");
  assert.equal(ld.total, total);
  const codePoints = Array.from(text);
  for (const item of ld.first.items) {
    assert.equal(item.type, "Annotation");
    const quote = item.target.selector.find((s) => s.type === "TextQuoteSelector");
    const position = item.target.selector.find((s) => s.type === "TextPositionSelector");
    assert.equal(codePoints.slice(position.start, position.end).join(""), quote.exact, "positions count code points");
    const before = codePoints.slice(0, position.start).join("");
    const afterText = codePoints.slice(position.end).join("");
    assert.ok(before.endsWith(quote.prefix) && afterText.startsWith(quote.suffix));
  }
  assert.ok(text.includes("🚢"), "the fixture has a character outside the BMP, so the two units differ");

  const csv = await download("csv");
  const { parseCsv } = await import("../../www/js/exports.js");
  const [header, ...rows] = parseCsv(csv);
  assert.deepEqual(header, ["start", "end", "kind", "text", "value", "unit", "approx", "mod", "normalized"]);
  assert.equal(rows.length, fixture.figures.length);
  for (const row of rows) {
    const cell = row[3].startsWith("'") && !text.slice(Number(row[0]), Number(row[1])).startsWith("'") ? row[3].slice(1) : row[3];
    assert.equal(text.slice(Number(row[0]), Number(row[1])), cell);
  }
  assert.deepEqual(rows.find((r) => r[2] === "money").slice(4, 6), ["2400000000", "EUR"]);

  // The JSON export opens again with the same marks.
  await openFixture(page, json);
  assert.equal(await page.locator("#view mark").count(), total);
  assert.equal(await page.textContent("#view"), text);
});

test("print keeps the highlights; dark theme changes the palette", async () => {
  const bg = () => page.$eval('#view mark[data-key="PER"]', (m) => getComputedStyle(m).backgroundColor);
  const screenBg = await bg();
  await page.emulateMedia({ media: "print" });
  assert.equal(await bg(), screenBg);
  assert.equal(await page.isVisible("#input"), false, "print shows only the marked text");
  assert.equal(await page.$eval("#view", (v) => getComputedStyle(v).printColorAdjust ?? getComputedStyle(v).webkitPrintColorAdjust), "exact");
  await page.emulateMedia({ media: "screen", colorScheme: "dark" });
  const dark = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const line = await page.$eval('#view mark[data-key="LOC"]', (m) => getComputedStyle(m).boxShadow);
  await page.emulateMedia({ colorScheme: "light" });
  const light = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  assert.notEqual(dark, light);
  assert.notEqual(line, await page.$eval('#view mark[data-key="LOC"]', (m) => getComputedStyle(m).boxShadow));
});

test("no CSP violations, errors or requests to other origins", async () => {
  const p = await problems(page, log);
  assert.deepEqual(p.csp, []);
  assert.deepEqual(p.pageErrors, []);
  assert.deepEqual(p.consoleErrors, []);
  assert.deepEqual(p.foreign, []);
  for (const url of log.requests) assert.ok(url.startsWith(env.origin) || url.startsWith("blob:"), url);
});
