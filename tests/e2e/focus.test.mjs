// Keyboard focus on the page: Tab reaches every control, and each shows a visible focus ring
// on what the reader sees (for a hidden file input, on its label: "Open JSON…", "Load TSV…").
// And the sizes the page states are UTF-8 bytes, not characters.

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

/**
 * Whether the focused control looks different from the same control on a second copy of the
 * page where nothing has the focus: for focus inside a control's own parts (the date field's
 * calendar button), which no computed style of the page shows.
 */
async function looksFocused() {
  const clip = await page.evaluate(() => {
    const r = document.activeElement.getBoundingClientRect();
    return { x: Math.max(0, r.x - 6), y: Math.max(0, r.y - 6), width: r.width + 12, height: r.height + 12 };
  });
  const reference = await page.context().newPage();
  try {
    await reference.goto(page.url());
    await reference.waitForFunction(() => document.documentElement.dataset.ready === "true", null, { timeout: 30_000 });
    const [focusedShot, plainShot] = [await page.screenshot({ clip }), await reference.screenshot({ clip })];
    return !focusedShot.equals(plainShot);
  } finally {
    await reference.close();
  }
}

test("Tab reaches every control and each shows a visible focus ring", async () => {
  await page.evaluate(() => document.activeElement?.blur());
  const seen = [];
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press("Tab");
    const now = await focused();
    if (!now) continue;
    if (!now.ring) {
      now.ring = await looksFocused();
      now.why += now.ring ? "; a ring in the screenshot" : "; no difference in the screenshot";
    }
    if (seen.length && now.name === seen[0].name && now.id === seen[0].id) break; // around once
    seen.push(now);
    // A closed panel opens from the keyboard, and its controls join the round.
    if (await page.evaluate(() => document.activeElement?.matches("details:not([open]) > summary"))) await page.keyboard.press("Enter");
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
    // The names panel may be closed; open it as a reader would, from its summary.
    let ring = null;
    for (let i = 0; i < 200 && !ring; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(() => document.activeElement?.matches("details:not([open]) > summary"))) await page.keyboard.press("Enter");
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

test("sizes on the page count UTF-8 bytes: a paste of 3,000 'ä' is 6 KB, not 3", async () => {
  const { paste } = await import("./harness.mjs");
  const seen = page.evaluate(
    () =>
      new Promise((resolve) => {
        const status = document.getElementById("status-text");
        const observer = new MutationObserver(() => {
          if (status.textContent.startsWith("Pasted")) {
            observer.disconnect();
            resolve(status.textContent);
          }
        });
        observer.observe(status, { childList: true, characterData: true, subtree: true });
      }),
  );
  await paste(page, { text: "ä".repeat(3000) });
  assert.match(await seen, /^Pasted 6 KB/);
});
