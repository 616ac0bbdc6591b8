// <textmarker-view> on www/embed.html: renders its text, fires `annotated`, honours `types`
// and `ref-date`, exposes ::part hooks.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { fixtureExport } from "./fixtures.mjs";
import { problems, setup } from "./harness.mjs";

let env;
let page;
let log;

before(async () => {
  env = await setup();
  ({ page, log } = await env.open("about:blank"));
  await page.addInitScript(() => {
    window.__events = [];
    document.addEventListener("annotated", (e) =>
      window.__events.push({ id: e.target.id, detail: JSON.parse(JSON.stringify(e.detail)) }),
    );
  });
  await page.goto(new URL("embed.html", env.server.url).href);
  await page.waitForFunction(() => window.__events.length >= 2, null, { timeout: 30_000 });
});

after(async () => {
  await env?.close();
});

test("each element renders its text in its shadow root and fires `annotated`", async () => {
  const views = await page.$$eval("textmarker-view", (els) =>
    els.map((el) => ({
      id: el.id,
      light: el.textContent,
      shadow: el.shadowRoot.querySelector('[part="view"]').textContent,
      busy: el.hasAttribute("aria-busy"),
    })),
  );
  assert.equal(views.length, 2);
  for (const v of views) {
    assert.equal(v.shadow, v.light);
    assert.equal(v.busy, false);
  }
  const events = await page.evaluate(() => window.__events);
  const all = events.find((e) => e.id === "all");
  assert.equal(all.detail.text, views[0].light);
  assert.equal(all.detail.refDate, "2025-03-14");
  for (const key of ["entities", "entity_groups", "figures", "quotes"]) assert.ok(Array.isArray(all.detail.annotations[key]), key);
  assert.deepEqual(events.find((e) => e.id === "some").detail.types, ["PER", "money"]);
  // Whatever the model finds, the `types="PER money"` element shows nothing else.
  const keys = await page.$eval("#some", (el) => [...el.shadowRoot.querySelectorAll("mark")].map((m) => m.dataset.key));
  assert.ok(keys.every((k) => k === "PER" || k === "money"), keys.join());
});

test("show() renders stored annotations; types filters them; ::part hooks style them", async () => {
  const doc = fixtureExport();
  const result = await page.evaluate((doc) => {
    const el = document.getElementById("some");
    const dropped = el.show(doc.text, doc);
    const marks = [...el.shadowRoot.querySelectorAll("mark")];
    return {
      dropped,
      text: el.shadowRoot.querySelector('[part="view"]').textContent,
      marks: marks.map((m) => ({ key: m.dataset.key, part: m.getAttribute("part"), outline: getComputedStyle(m).outlineStyle, weight: getComputedStyle(m).fontWeight })),
      detail: window.__events.at(-1).detail,
    };
  }, doc);
  assert.equal(result.dropped, 0);
  assert.equal(result.text, doc.text);
  assert.deepEqual([...new Set(result.marks.map((m) => m.key))].sort(), ["PER", "money"]);
  assert.equal(result.marks.filter((m) => m.key === "PER").length, 3);
  for (const m of result.marks) {
    assert.ok(m.part.split(" ").includes("mark"));
    if (m.key === "PER") {
      assert.equal(m.part, "mark entity PER");
      assert.equal(m.outline, "solid", "::part(PER) from the embedding page applies");
    } else {
      assert.equal(m.part, "mark figure money");
      assert.equal(m.weight, "700", "::part(money) from the embedding page applies");
    }
  }
  assert.equal(result.detail.annotations.entities.length, doc.entities.length);

  // Changing `types` re-renders without annotating again.
  const quoteKeys = await page.evaluate(() => {
    const el = document.getElementById("some");
    el.setAttribute("types", "quotes, LOC");
    return [...new Set([...el.shadowRoot.querySelectorAll("mark")].map((m) => m.dataset.key))].sort();
  });
  assert.deepEqual(quoteKeys, ["LOC", "quote"]);
  // Nested marks in the shadow DOM: the quote holds the place.
  assert.equal(await page.$eval("#some", (el) => el.shadowRoot.querySelectorAll('mark[data-key="quote"] mark[data-key="LOC"]').length), 1);
});

test("ref-date and text changes annotate again; bad input gives an error event, not an exception", async () => {
  const detail = await page.evaluate(async () => {
    const el = document.createElement("textmarker-view");
    el.id = "made";
    el.textContent = "Am Dienstag sagte Anna Berger in Hamburg, der Umsatz sei um 3 Prozent gestiegen.";
    document.body.append(el);
    await new Promise((ok) => el.addEventListener("annotated", ok, { once: true }));
    el.setAttribute("ref-date", "2025-10-28");
    const e = await new Promise((ok) => el.addEventListener("annotated", ok, { once: true }));
    return e.detail;
  });
  assert.equal(detail.refDate, "2025-10-28");
  const error = await page.evaluate(async () => {
    const el = document.getElementById("made");
    el.setAttribute("ref-date", "not a date");
    const e = await new Promise((ok) => el.addEventListener("annotationerror", ok, { once: true }));
    return { message: e.detail.message, shown: el.shadowRoot.querySelector('[part="error"]').textContent };
  });
  assert.match(error.message, /not a date/);
  assert.match(error.shown, /not a date/);
  const text = await page.evaluate(async () => {
    const el = document.getElementById("made");
    el.removeAttribute("ref-date");
    el.text = "Neuer Text aus der Eigenschaft.";
    await new Promise((ok) => el.addEventListener("annotated", ok, { once: true }));
    return el.shadowRoot.querySelector('[part="view"]').textContent;
  });
  assert.equal(text, "Neuer Text aus der Eigenschaft.");
});

test("the embed page documents every field of every event the element fires", async () => {
  const fired = await page.evaluate(async () => {
    const el = document.createElement("textmarker-view");
    el.textContent = "Am Dienstag sagte Anna Berger in Hamburg, der Umsatz sei um 3 Prozent gestiegen.";
    const annotated = new Promise((ok) => el.addEventListener("annotated", ok, { once: true }));
    document.body.append(el);
    const ok = await annotated;
    const failed = new Promise((done) => el.addEventListener("annotationerror", done, { once: true }));
    el.setAttribute("ref-date", "kein Datum");
    const error = await failed;
    el.remove();
    return { annotated: Object.keys(ok.detail).sort(), annotationerror: Object.keys(error.detail).sort() };
  });
  const documented = await page.$$eval("dl.event-fields", (lists) =>
    Object.fromEntries(lists.map((dl) => [dl.dataset.event, [...dl.querySelectorAll("dt")].map((dt) => dt.textContent.trim()).sort()])),
  );
  assert.deepEqual(documented, fired);
  assert.ok(fired.annotated.includes("warnings"));
});

test("the embed page: no CSP violations, errors or foreign requests", async () => {
  const p = await problems(page, log);
  assert.deepEqual(p.csp, []);
  assert.deepEqual(p.pageErrors, []);
  assert.deepEqual(p.consoleErrors, []);
  assert.deepEqual(p.foreign, []);
});
