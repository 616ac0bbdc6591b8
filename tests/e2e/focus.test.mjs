// Keyboard focus on the page: Tab reaches every control, and each shows a visible focus ring
// on what the reader sees (for a hidden file input, on its label: "Open JSON…", "Load TSV…").

import assert from "node:assert/strict";
import { test } from "node:test";
import { openForFile } from "./harness.mjs";

let page;

openForFile("index.html", (opened) => ({ page } = opened));

/**
 * What has the focus now and whether a focus ring shows: on the element itself or, for a
 * visually hidden file input, on the label that stands for it.
 */
async function focused() {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const box = el.getBoundingClientRect();
    const hidden = box.width <= 1 || box.height <= 1;
    const shown = hidden && el.id ? document.querySelector(`label[for="${el.id}"]`) : el;
    if (!shown) return { name: el.id || el.tagName, ring: false, why: "hidden, with no label" };
    const style = getComputedStyle(shown);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 1;
    const shadow = style.boxShadow !== "none";
    const name = (shown.textContent || shown.getAttribute("aria-label") || shown.id || shown.tagName).trim().slice(0, 40);
    return { name, id: el.id, ring: outline || shadow, why: `outline ${style.outlineStyle} ${style.outlineWidth}, box-shadow ${style.boxShadow}` };
  });
}

test("Tab reaches every control and each shows a visible focus ring", async () => {
  await page.evaluate(() => document.activeElement?.blur());
  const seen = [];
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press("Tab");
    const now = await focused();
    if (!now) continue;
    if (seen.length && now.name === seen[0].name && now.id === seen[0].id) break; // around once
    seen.push(now);
  }
  assert.ok(seen.length >= 10, `Tab reached ${seen.length} controls`);
  const without = seen.filter((f) => !f.ring);
  assert.deepEqual(without, [], "every control shows its focus");
  const names = seen.map((f) => f.name);
  for (const label of ["Open JSON…", "Load TSV…"]) {
    assert.ok(names.includes(label), `Tab reaches ${label}: ${names.join(" | ")}`);
  }
});

test("the file buttons' ring is on the label while the hidden input has the focus", async () => {
  for (const [input, label] of [["#import-json", "Open JSON…"], ["#names-file", "Load TSV…"]]) {
    await page.evaluate(() => document.activeElement?.blur());
    let ring = null;
    for (let i = 0; i < 200 && !ring; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate((selector) => document.activeElement === document.querySelector(selector), input)) {
        ring = await page.$eval(`label[for="${input.slice(1)}"]`, (el) => {
          const style = getComputedStyle(el);
          return { text: el.textContent, style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
        });
      }
    }
    assert.ok(ring, `Tab reaches ${input}`);
    assert.equal(ring.text, label);
    assert.equal(ring.style, "solid", `${label} shows a ring`);
    assert.ok(ring.width >= 2, `${label}: ${ring.width}px`);
    // Without the focus, no ring.
    await page.evaluate(() => document.activeElement?.blur());
    assert.equal(await page.$eval(`label[for="${input.slice(1)}"]`, (el) => getComputedStyle(el).outlineStyle), "none");
  }
});
