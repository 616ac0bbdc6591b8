// When things go wrong: the module traps or the worker dies (the page starts a new one, says
// so, and the next annotation works), a text over the input limit (a clear message, no
// freeze), lone surrogates from JavaScript (no crash, offsets still right).

import assert from "node:assert/strict";
import { test } from "node:test";
import { openForFile, paste, problems, waitRendered } from "./harness.mjs";

const SENTENCE = "Die Stadt Köln investiert 12 Millionen Euro in neue Radwege, sagte Oberbürgermeisterin Petra Lorenz am Dienstag.";

let env;
let page;
let log;

openForFile("index.html", (opened) => ({ env, page, log } = opened));

/** Calls `fn(client, arg)` in the page with its shared annotator client (the page's own instance). */
async function withClient(fn, arg) {
  await page.evaluate(async () => {
    window.__textmarkerClient ??= (await import(new URL("js/client.js", document.baseURI).href)).sharedClient();
  });
  return page.evaluate(`(${fn})(window.__textmarkerClient, ${JSON.stringify(arg ?? null)})`);
}

const statusText = () => page.textContent("#status-text");

for (const fault of ["trap", "crash", "exit"]) {
  test(`a worker that fails (${fault}) is replaced, the user is told, the next annotation works`, async () => {
    await paste(page, { text: SENTENCE });
    let seq = await waitRendered(page);
    const restartsBefore = await withClient((client) => client.restarts);
    // "exit" ends the worker silently: only the client's watchdog can notice, so shorten it.
    await withClient((client, fault) => {
      client.savedTimeouts = client.timeouts;
      if (fault === "exit") client.timeouts = { baseMs: 400, perMegabyteMs: 0 };
      client.injectFault(fault);
    }, fault);
    await paste(page, { text: `${SENTENCE} Der Rat stimmte zu.` });
    await page.waitForFunction(() => document.getElementById("view").dataset.state === "error", null, { timeout: 20_000 });
    assert.match(await statusText(), /annotator stopped .*restarted/i);
    assert.equal(await page.getAttribute("#status", "role"), "status");
    assert.equal(await page.getAttribute("#status", "aria-live"), "polite");
    await withClient((client) => (client.timeouts = client.savedTimeouts));
    assert.equal(await withClient((client) => client.restarts), restartsBefore + 1);

    // The next edit is annotated by the new worker.
    const next = `${SENTENCE} Der Rat stimmte am 3. März zu.`;
    await paste(page, { text: next });
    seq = await waitRendered(page, { previousSeq: seq });
    assert.equal(await page.textContent("#view"), next);
    assert.ok((await page.locator("#view mark").count()) > 0, "marks again");
    assert.doesNotMatch(await statusText(), /stopped|failed/i);
  });
}

test("a pasted text over the input limit is refused with a clear message; the page stays usable", async () => {
  await paste(page, { text: SENTENCE });
  const seq = await waitRendered(page);
  const limit = await withClient((client) => client.maxInputBytes);
  assert.equal(limit, 16 * 1024 * 1024, "maxInputBytes() of the module");
  const started = Date.now();
  // Built inside the page: 16 MiB + 1 byte, handed to the paste handler as clipboard data.
  await page.evaluate((limit) => {
    const input = document.getElementById("input");
    input.focus();
    input.select();
    const data = new DataTransfer();
    data.setData("text/plain", "Ein kurzer Satz. ".repeat(Math.ceil((limit + 1) / 17)).slice(0, limit + 1));
    input.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, limit);
  assert.match(await statusText(), /too long to mark .*16,777,217 bytes.*limit is 16\.0 MB = 16,777,216 bytes/);
  assert.equal(await page.getAttribute("#status", "data-kind"), "error");
  assert.equal(await page.inputValue("#input"), SENTENCE, "the editor keeps its text");
  assert.ok(Date.now() - started < 10_000, "no freeze");
  // Still usable.
  await paste(page, { text: `${SENTENCE} Das Projekt beginnt 2026.` });
  await waitRendered(page, { previousSeq: seq });
});

test("a text over the limit that reaches the editor otherwise gets the message, not an annotation", async () => {
  // A limit of 1 KB stands in for 16 MiB here: the check is the same, the editor stays light.
  await withClient((client) => {
    client.savedLimit = client.maxInputBytes;
    client.maxInputBytes = 1024;
  });
  try {
    await page.evaluate((text) => {
      const input = document.getElementById("input");
      input.value = text;
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }, "ä".repeat(513)); // 1026 bytes in UTF-8, 513 UTF-16 units
    await page.waitForFunction(() => document.getElementById("view").dataset.state === "too-long");
    assert.match(await statusText(), /too long to mark: 1,026 bytes/);
  } finally {
    await withClient((client) => (client.maxInputBytes = client.savedLimit));
  }
});

test("lone surrogates in the page's text: no crash, marks stay on their words", async () => {
  const text = `\uD800abc ${SENTENCE} \uDC00Ende \uDBFF`;
  await paste(page, { text });
  await waitRendered(page);
  const value = await page.inputValue("#input");
  assert.equal(await page.textContent("#view"), value);
  const marks = await page.$$eval("#view mark", (ms) => ms.map((m) => m.textContent));
  assert.ok(marks.includes("Köln"), `marks: ${JSON.stringify(marks)}`);
  const p = await problems(page, log);
  assert.deepEqual(p.pageErrors, []);
});

test("lone surrogates in a <textmarker-view>: annotated, no error event", async () => {
  const { page: embed, log: embedLog } = await env.open("embed.html");
  await embed.waitForFunction(() => document.documentElement.dataset.ready === "true");
  const result = await embed.evaluate(async (text) => {
    const el = document.createElement("textmarker-view");
    const outcome = new Promise((resolve) => {
      el.addEventListener("annotated", (e) => resolve({ ok: true, names: e.detail.annotations.entities.map((m) => text.slice(m.start, m.end)) }));
      el.addEventListener("annotationerror", (e) => resolve({ ok: false, message: e.detail.message }));
    });
    el.text = text;
    document.body.append(el);
    const got = await outcome;
    const view = el.shadowRoot.querySelector('[part="view"]');
    return { ...got, shown: view.textContent === text, marks: [...view.querySelectorAll("mark")].map((m) => m.textContent) };
  }, `\uD800abc ${SENTENCE}\uDFFF`);
  assert.equal(result.ok, true, result.message);
  assert.equal(result.shown, true);
  assert.ok(result.names.includes("Köln"), JSON.stringify(result.names));
  assert.deepEqual(result.marks.filter((m) => m === "Köln"), ["Köln"]);
  assert.deepEqual((await problems(embed, embedLog)).pageErrors, []);
});
