// Script-injection payloads as plain text, as rich HTML, through the custom element's
// attributes, in imported files and in every export: nothing executes, the rendered view holds
// only marks and text, the HTML export escapes everything.

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, test } from "node:test";
import { openFixture } from "./fixtures.mjs";
import { paste, problems, setup, waitReady, waitRendered } from "./harness.mjs";

// Each payload calls window.__pwned(id) if it ever runs; none may.
const P = (id) => `window.top.__pwned&&window.top.__pwned(${id})`;
export const PAYLOADS = [
  `<script>${P(1)}</script>`,
  `<SCRIPT SRC=data:text/javascript,${P(2)}></SCRIPT>`,
  `<img src=x onerror="${P(3)}">`,
  `<img src="http://evil.example/x.png" onerror=${P(4)}>`,
  `<svg onload=${P(5)}>`,
  `<svg><script>${P(6)}</script></svg>`,
  `<svg><animate onbegin=${P(7)} attributeName=x dur=1s>`,
  `<body onload=${P(8)}>`,
  `<iframe src="javascript:${P(9)}"></iframe>`,
  `<iframe srcdoc="<script>${P(10)}</script>"></iframe>`,
  `<a href="javascript:${P(11)}">klick</a>`,
  `<a href="jAvAsCrIpT:${P(12)}">x</a>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${P(13)}>`,
  `<details open ontoggle=${P(14)}>`,
  `<input autofocus onfocus=${P(15)}>`,
  `<video><source onerror=${P(16)}></video>`,
  `<audio src=x onerror=${P(17)}>`,
  `<object data="javascript:${P(18)}"></object>`,
  `<embed src="javascript:${P(19)}">`,
  `<form><button formaction="javascript:${P(20)}">x</button></form>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${P(21)}">`,
  `<link rel="stylesheet" href="http://evil.example/x.css">`,
  `<style>@import 'http://evil.example/y.css'; body{background:url(javascript:${P(22)})}</style>`,
  `<div style="background:url('http://evil.example/z.png')">css</div>`,
  `<div style="width:expression(${P(23)})">ie</div>`,
  `"><script>${P(24)}</script>`,
  `'><img src=x onerror=${P(25)}>`,
  `</textarea><script>${P(26)}</script>`,
  `</mark><script>${P(27)}</script><mark>`,
  `<!--<img src="--><img src=x onerror=${P(28)}//">`,
  `<noscript><p title="</noscript><img src=x onerror=${P(29)}>">`,
  `<template><script>${P(30)}</script></template>`,
  `<scr<script>ipt>${P(31)}</scr</script>ipt>`,
  `<img src=x:x onerror=&#x77;indow.top.__pwned&&window.top.__pwned(32)>`,
  `<img """><script>${P(33)}</script>">`,
  `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>`,
  `<base href="javascript:${P(34)}//">`,
  `<marquee onstart=${P(35)}>x</marquee>`,
  `<select autofocus onfocus=${P(36)}>`,
  `<textarea autofocus onfocus=${P(37)}>`,
  `<keygen autofocus onfocus=${P(38)}>`,
  `<isindex type=image src=1 onerror=${P(39)}>`,
  `javascript:${P(40)}`,
  `&lt;script&gt;${P(41)}&lt;/script&gt;`,
  `{{constructor.constructor('${P(42)}')()}}`,
  `\${${P(43)}}`,
  `<xss onpointerover=${P(44)} style=display:block>hover</xss>`,
  `<svg><a xlink:href="javascript:${P(45)}"><text x=20 y=20>XSS</text></a></svg>`,
  `<img src=1 onerror=${P(46)} <b>broken`,
  `<<script>${P(47)}//<</script>`,
  `<p>Unclosed <b>bold <i>nested <script>${P(48)}`,
  `\u202e<script>${P(49)}</script>\u0000\uFEFF`,
  `<div id="view" data-state="done">spoof</div>`,
];

let env;
let page;
let log;
let context;

before(async () => {
  env = await setup();
  ({ page, log, context } = await env.open("index.html"));
  await page.exposeFunction("__pwnedReport", () => {});
  page.on("dialog", (d) => {
    log.errors.push(`dialog opened: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  await page.evaluate(() => {
    window.__pwnedIds = [];
    window.__pwned = (id) => window.__pwnedIds.push(id);
  });
  await waitReady(page);
});

after(async () => {
  await env?.close();
});

/** Elements in the view other than paragraph blocks and marks; attributes other than ours. */
const VIEW_AUDIT = () => {
  const view = document.getElementById("view");
  const bad = [];
  for (const el of view.querySelectorAll("*")) {
    const ok = (el.tagName === "DIV" && el.className === "tm-para") || el.tagName === "MARK";
    if (!ok) bad.push(el.tagName);
    for (const a of el.attributes) {
      if (!/^(class|tabindex|aria-label|aria-describedby|data-(type|label|key|i|entity))$/.test(a.name)) bad.push(`${el.tagName}[${a.name}]`);
    }
  }
  return { bad, text: view.textContent };
};

const pwned = () => page.evaluate(() => window.__pwnedIds);

test(`${PAYLOADS.length} payloads pasted as plain text stay text`, async () => {
  assert.ok(PAYLOADS.length >= 50);
  const text = PAYLOADS.join("\n\n");
  const seq = await page.evaluate(() => Number(document.getElementById("view").dataset.seq ?? 0));
  await paste(page, { text });
  await waitRendered(page, { previousSeq: seq });
  const audit = await page.evaluate(VIEW_AUDIT);
  assert.deepEqual(audit.bad, []);
  assert.equal(audit.text, text);
  await page.waitForTimeout(200);
  assert.deepEqual(await pwned(), []);
});

test("payloads pasted as rich HTML give text only", async () => {
  for (const html of PAYLOADS) {
    const seq = await page.evaluate(() => Number(document.getElementById("view").dataset.seq ?? 0));
    await paste(page, { text: "", html: `<p>Vorher</p>${html}<p>Nachher</p>` });
    // Empty results render too; wait for this paste's render.
    await waitRendered(page, { previousSeq: seq });
    const audit = await page.evaluate(VIEW_AUDIT);
    assert.deepEqual(audit.bad, [], html);
    assert.ok(audit.text.startsWith("Vorher"), html);
  }
  await page.waitForTimeout(200);
  assert.deepEqual(await pwned(), []);
});

/** Hand-made annotations over the payload text: every payload marked as some type. */
function payloadExport(text) {
  const spans = [];
  let at = 0;
  PAYLOADS.forEach((p, i) => {
    const start = text.indexOf(p, at);
    at = start + p.length;
    spans.push({ start, end: at, text: p, i });
  });
  const kinds = ["number", "ordinal", "money", "percent", "date", "time", "duration", "quantity"];
  const labels = ["PER", "LOC", "ORG", "OTH", "PERderiv", "LOCpart"];
  const entities = spans.filter((s) => s.i % 3 === 0).map((s, n) => ({ start: s.start, end: s.end, text: s.text, label: labels[n % labels.length], entity_id: n }));
  const figures = spans
    .filter((s) => s.i % 3 === 1)
    .map((s, n) => ({ start: s.start, end: s.end, text: s.text, kind: kinds[n % kinds.length], value: n % 2 ? s.text : { amount: n, unit: s.text } }));
  const quotes = spans.filter((s) => s.i % 3 === 2).map((s) => ({ start: s.start, end: s.end, text: s.text, kind: "direct", speaker: { ...spans[0], i: undefined }, cue: null }));
  for (const q of quotes) delete q.speaker.i;
  return {
    format: "textmarker-annotations",
    version: 1,
    offsetUnit: "utf-16",
    refDate: "2025-01-01",
    text,
    entities,
    entity_groups: entities.map((e) => ({ id: e.entity_id, name: e.text, label: e.label, mentions: 1 })),
    figures,
    quotes,
  };
}

async function download(format) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(`#export button[data-export="${format}"][data-action="download"]`)]);
  return readFile(await file.path(), "utf8");
}

test("marked payloads: view, details, panel and every export keep them as text", async () => {
  const text = PAYLOADS.join("\n\n");
  const doc = payloadExport(text);
  await openFixture(page, doc);
  const audit = await page.evaluate(VIEW_AUDIT);
  assert.deepEqual(audit.bad, []);
  assert.equal(audit.text, text);
  assert.equal(await page.locator("#view mark").count(), PAYLOADS.length);
  // Details and the side panel: text only.
  for (let i = 0; i < 6; i++) await page.locator("#view mark").nth(i).hover();
  await page.locator("#entity-list button").first().click();
  const panelTags = await page.$$eval(".panel *, #details *", (els) => [...new Set(els.map((e) => e.tagName))].sort());
  // The list plus the "Your names" panel's own form controls (INPUT, LABEL, TEXTAREA).
  for (const tag of panelTags) assert.ok(["BUTTON", "CODE", "DD", "DETAILS", "DIV", "DL", "DT", "H2", "H3", "INPUT", "LABEL", "LI", "OL", "P", "SPAN", "SUMMARY", "TABLE", "TBODY", "TD", "TEXTAREA", "TH", "THEAD", "TR", "UL", "A"].includes(tag), tag);

  const html = await download("html");
  const blank = await context.newPage();
  blank.on("dialog", (d) => {
    log.errors.push(`export dialog: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  const exported = await blank.evaluate((source) => {
    const parsed = new DOMParser().parseFromString(source, "text/html");
    const tags = [...parsed.querySelectorAll("*")].map((e) => e.tagName.toLowerCase());
    const handlers = [...parsed.querySelectorAll("*")].flatMap((e) => [...e.attributes].map((a) => a.name).filter((n) => n.startsWith("on") || n === "src" || n === "href" || n === "style"));
    const article = parsed.querySelector("article");
    return {
      tags: [...new Set(tags)].sort(),
      handlers,
      text: article.textContent,
      marks: [...article.querySelectorAll("mark")].map((m) => [Number(m.dataset.start), Number(m.dataset.end), m.textContent]),
    };
  }, html);
  await blank.close();
  assert.deepEqual(exported.tags, ["article", "body", "div", "head", "html", "mark", "meta", "style", "title"]);
  assert.deepEqual(exported.handlers, []);
  // NUL cannot pass through HTML: the export writes U+FFFD in its place (same length).
  const htmlText = text.replace(/\0/g, "\uFFFD");
  assert.equal(exported.text, htmlText);
  for (const [s, e, inner] of exported.marks) assert.equal(htmlText.slice(s, e), inner);
  assert.ok(!/<script/i.test(html.split("<article")[1]), "no raw <script in the exported article");

  // Loaded as a page in its own right, the export runs nothing either.
  const viewer = await context.newPage();
  const viewerErrors = [];
  viewer.on("dialog", (d) => {
    viewerErrors.push(d.message());
    d.dismiss().catch(() => {});
  });
  await viewer.exposeFunction("__pwnedHook", (id) => viewerErrors.push(`ran ${id}`));
  await viewer.addInitScript(() => {
    window.__pwned = (id) => window.__pwnedHook(id);
  });
  await viewer.setContent(html);
  await viewer.waitForTimeout(300);
  await viewer.close();
  assert.deepEqual(viewerErrors, []);

  const json = JSON.parse(await download("json"));
  assert.equal(json.text, text);
  for (const s of [...json.entities, ...json.figures, ...json.quotes]) assert.equal(text.slice(s.start, s.end), s.text);
  const ld = JSON.parse(await download("jsonld"));
  const cps = Array.from(text);
  for (const item of ld.first.items) {
    const q = item.target.selector[0];
    const p = item.target.selector[1];
    assert.equal(cps.slice(p.start, p.end).join(""), q.exact);
  }
  const csv = await download("csv");
  const { parseCsv } = await import("../../www/js/exports.js");
  const [, ...rows] = parseCsv(csv);
  assert.equal(rows.length, doc.figures.length);
  for (const row of rows) {
    const original = text.slice(Number(row[0]), Number(row[1]));
    assert.ok(row[3] === original || row[3] === `'${original}`, row[3]);
    for (const cell of row) assert.ok(!/^[=+@]/.test(cell), `formula-like cell ${cell}`);
  }
  assert.deepEqual(await pwned(), []);
});

test("imported files with malicious labels or offsets are filtered", async () => {
  const text = "Anna Berger sagte <b>nichts</b>.";
  const doc = {
    format: "textmarker-annotations",
    version: 1,
    offsetUnit: "utf-16",
    refDate: "2025-01-01",
    text,
    entities: [
      { start: 0, end: 11, text: "Anna Berger", label: '"><img src=x onerror=alert(1)>', entity_id: 0 },
      { start: 0, end: 11, text: "Anna Berger", label: "PER", entity_id: '"><b>' },
      { start: 0, end: 12, text: "Anna Berger", label: "PER", entity_id: 0 },
      { start: 18, end: 31, text: "<b>nichts</b>", label: "OTH", entity_id: 1 },
    ],
    entity_groups: [{ id: 1, name: "<script>alert(1)</script>", label: "OTH", mentions: 1 }, { id: 2, name: "x", label: "<svg>", mentions: 1 }],
    figures: [{ start: 0, end: 4, text: "Anna", kind: "<img>", value: 1 }],
    quotes: [{ start: 12, end: 17, text: "sagte", kind: "direct", speaker: { start: 0, end: 3, text: "xyz" }, cue: null }],
  };
  await openFixture(page, doc);
  const audit = await page.evaluate(VIEW_AUDIT);
  assert.deepEqual(audit.bad, []);
  assert.equal(await page.locator("#view mark").count(), 1);
  assert.match(await page.textContent("#status"), /5 marks dropped/);
  assert.deepEqual(await page.$$eval("#entity-list .name", (els) => els.map((e) => e.textContent)), ["<script>alert(1)</script>"]);
  assert.deepEqual(await pwned(), []);
});

test("the custom element's attributes and text take payloads without running them", async () => {
  await page.goto(new URL("embed.html", env.server.url).href);
  await page.evaluate(() => {
    window.__pwnedIds = [];
    window.__pwned = (id) => window.__pwnedIds.push(id);
  });
  const result = await page.evaluate(async (payloads) => {
    const el = document.createElement("textmarker-view");
    document.body.append(el);
    const out = [];
    for (const p of payloads.slice(0, 20)) {
      el.setAttribute("types", p);
      el.setAttribute("ref-date", p);
      el.text = p;
      await new Promise((ok) => {
        el.addEventListener("annotated", ok, { once: true });
        el.addEventListener("annotationerror", ok, { once: true });
      });
      const tags = [...el.shadowRoot.querySelectorAll("*")].map((e) => e.tagName).filter((t) => !["LINK", "DIV", "MARK", "P"].includes(t));
      const ps = [...el.shadowRoot.querySelectorAll("p")].filter((x) => x.getAttribute("part") !== "error");
      out.push(...tags, ...ps.map(() => "P"));
    }
    el.removeAttribute("ref-date");
    el.removeAttribute("types");
    el.text = payloads.join("\n\n");
    await new Promise((ok) => el.addEventListener("annotated", ok, { once: true }));
    const view = el.shadowRoot.querySelector('[part="view"]');
    return { bad: out, same: view.textContent === payloads.join("\n\n"), elements: [...new Set([...view.querySelectorAll("*")].map((e) => e.tagName))] };
  }, PAYLOADS);
  assert.deepEqual(result.bad, []);
  assert.ok(result.same);
  for (const tag of result.elements) assert.ok(tag === "DIV" || tag === "MARK", tag);
  await page.waitForTimeout(200);
  assert.deepEqual(await pwned(), []);
});

test("no execution, no CSP violations from our code, no foreign requests", async () => {
  const p = await problems(page, log);
  assert.deepEqual(p.pageErrors, []);
  assert.deepEqual(p.foreign, []);
  // Payload attributes never reach a live document, so the CSP has nothing to block either.
  assert.deepEqual(p.csp, []);
});
