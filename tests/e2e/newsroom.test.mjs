// A newsroom's own names on the page ("Your names") and in <textmarker-view> (`names`,
// `names-src`), the language check's notice and event field, and the HTML export being the
// very document the CLI's `--html` writes (issue 15).

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { after, before, test } from "node:test";
import { REPO_ROOT } from "./server.mjs";
import { SEED_ARTICLE, paste, problems, readSeed, setup, waitReady, waitRendered } from "./harness.mjs";

let env;
let page;
let log;

before(async () => {
  env = await setup();
  ({ page, log } = await env.open("index.html"));
  await waitReady(page);
});

after(async () => {
  await env?.close();
});

const NEWS = "Der Zarnowitzer Kreisbote berichtete am Montag, der Gemeinderat habe 2,5 Millionen Euro für die neue Schule bewilligt.";
const ENGLISH =
  "On Tuesday, the President of the United States met Canada's Prime Minister in Washington to discuss trade. " +
  "Officials said that the talks were productive and that both sides would continue negotiations next week in Ottawa.";
const GERMAN_WITH_ENGLISH =
  "Der Apple-Chef Tim Cook hat auf der Worldwide Developers Conference in Cupertino das neue iPhone vorgestellt. " +
  "„We think you're going to love it“, sagte Cook vor Vertretern von Google, Microsoft und der New York Times. " +
  "Die Aktie von Apple stieg daraufhin um drei Prozent, wie die Financial Times berichtete.";

const seqOf = () => page.evaluate(() => Number(document.getElementById("view").dataset.seq ?? 0));

async function pasteAndWait(text) {
  const seq = await seqOf();
  await paste(page, { text });
  await waitRendered(page, { previousSeq: seq });
}

const marked = (label) => page.$$eval(`#view mark[data-label="${label}"]`, (marks) => marks.map((m) => m.textContent));

test("the page's names list: refused lines are listed, names mark the text, the list stays in this browser", async () => {
  await page.click("#names-panel summary");
  await page.fill("#names-input", "name\tlabel\nZarnowitzer Kreisbote\tORG\nohne Tabulator\nGemeinderat\tXYZ\n# Kommentar\n");
  await page.click("#names-apply");
  assert.equal(await page.textContent("#names-count"), "1");
  const refused = await page.$$eval("#names-refused li", (items) => items.map((li) => li.textContent));
  assert.equal(refused.length, 2);
  assert.match(refused[0], /^line 3: no tab/);
  assert.match(refused[1], /^line 4: unknown label “XYZ”/);

  await pasteAndWait(NEWS);
  assert.ok((await marked("ORG")).includes("Zarnowitzer Kreisbote"), "the list's name is marked");
  await page.hover('#view mark[data-label="ORG"]:text-is("Zarnowitzer Kreisbote")');
  await page.waitForSelector("#details:not([hidden])");
  assert.match(await page.textContent("#details"), /Source\s*Your names list/);

  // Kept in localStorage: a reload brings the list back and applies it.
  await page.reload();
  await waitReady(page);
  assert.equal(await page.textContent("#names-count"), "1");
  assert.match(await page.inputValue("#names-input"), /Zarnowitzer Kreisbote\tORG/);
  await pasteAndWait(NEWS);
  assert.ok((await marked("ORG")).includes("Zarnowitzer Kreisbote"));

  await page.click("#names-panel summary").catch(() => {});
  await page.click("#names-clear");
  assert.equal(await page.textContent("#names-count"), "0");
  assert.equal(await page.evaluate(() => localStorage.getItem("textmarker.names")), null);
  // The list never left the browser: no request carried it.
  assert.ok(log.requests.every((url) => !url.includes("Kreisbote")));
});

test("the language notice shows for English text, not for German with English names and quotes", async () => {
  await pasteAndWait(ENGLISH);
  assert.equal(await page.isVisible("#language-notice"), true);
  assert.match(await page.textContent("#language-notice"), /does not look German: the marks will be unreliable/);
  await pasteAndWait(GERMAN_WITH_ENGLISH);
  assert.equal(await page.isVisible("#language-notice"), false);
  const seed = readSeed();
  if (seed === null) {
    console.log(`skipped the seed article: ${SEED_ARTICLE} not readable`);
    return;
  }
  await pasteAndWait(seed.replace(/\r\n?/g, "\n"));
  assert.equal(await page.isVisible("#language-notice"), false, "the seed article is German");
});

test("the page's HTML export is the CLI's --html document (seed article)", async (t) => {
  const seed = readSeed();
  if (seed === null) {
    t.skip(`${SEED_ARTICLE} not readable`);
    return;
  }
  const text = seed.replace(/\r\n?/g, "\n");
  if ((await page.inputValue("#input")) !== text) await pasteAndWait(text);
  const refDate = await page.inputValue("#ref-date");
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.click('#export button[data-export="html"][data-action="download"]'),
  ]);
  const exported = await readFile(await file.path(), "utf8");
  // The test profile: `cargo xtask test` has just built the CLI with it for tests/cli.rs.
  const cli = execFileSync(
    "cargo",
    ["run", "--quiet", "--profile", "test", "--bin", "textmarker", "--", "annotate", "--html", "--ref-date", refDate],
    { cwd: REPO_ROOT, input: text, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  assert.ok(exported.includes("<mark "), "the export has marks");
  assert.equal(exported, cli);
});

test("<textmarker-view>: `names` (TSV or list), `names-src`, errors and the `warnings` of `annotated`", async () => {
  await page.route(`${env.origin}/newsroom-names.tsv`, (route) =>
    route.fulfill({ status: 200, contentType: "text/tab-separated-values", body: "Gemeinderat\tORG\n" }),
  );
  await page.goto(new URL("embed.html", env.server.url).href);
  const annotate = (setup) =>
    page.evaluate(
      ([setup, text]) =>
        new Promise((resolve) => {
          const el = document.getElementById("named") ?? document.createElement("textmarker-view");
          el.id = "named";
          const done = (event) => {
            el.removeEventListener("annotated", done);
            el.removeEventListener("annotationerror", done);
            const d = event.detail;
            resolve(d.message ? { error: d.message } : { entities: d.annotations.entities.map((e) => `${e.text}/${e.label}`), warnings: d.warnings });
          };
          el.addEventListener("annotated", done);
          el.addEventListener("annotationerror", done);
          if (setup.text !== undefined) el.textContent = setup.text;
          else if (!el.isConnected) el.textContent = text;
          if (setup.names !== undefined) el.names = setup.names;
          if (setup.src !== undefined) el.setAttribute("names-src", setup.src);
          if (!el.isConnected) document.body.append(el);
        }),
      [setup, NEWS],
    );
  let result = await annotate({ names: "Zarnowitzer Kreisbote\tORG" });
  assert.ok(result.entities.includes("Zarnowitzer Kreisbote/ORG"), result.entities.join());
  assert.deepEqual(result.warnings, []);
  result = await annotate({ names: [{ name: "Kreisbote", label: "PER" }] });
  assert.ok(result.entities.includes("Kreisbote/PER"), result.entities.join());
  result = await annotate({ names: [{ name: "Kreisbote", label: "PER" }, { name: "Gemeinderat", label: "FOO" }] });
  assert.match(result.error, /names\[1\]: unknown label "FOO"/);
  result = await annotate({ names: null, src: "/newsroom-names.tsv" });
  assert.ok(result.entities.includes("Gemeinderat/ORG"), result.entities.join());
  result = await annotate({ text: ENGLISH });
  assert.deepEqual(result.warnings, ["not_german"]);
  const p = await problems(page, log);
  assert.deepEqual(p.csp, []);
  assert.deepEqual(p.pageErrors, []);
  assert.deepEqual(p.foreign, []);
});
