// The page and the CLI give the same answer. Every article of
// ../shared/data/articles/10kgnad-test.jsonl and the seed article go through the page's own
// path (the module in its worker, through www/js/client.js, with the reference date the page's
// article-date.js asks for, in headless Chromium) and through the CLI (`annotate --jsonl
// --offsets utf16`): without a reference date (both sides leave it to the core's dateline
// rule), with one, and with a newsroom's names list. The JSON must be identical: same keys in
// the same order, same values (both sides are written out by JSON.stringify, because serde
// writes `5.0` where JavaScript writes `5`).

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { SEED_ARTICLE, SHARED, setup } from "../e2e/harness.mjs";
import { REPO_ROOT } from "../e2e/server.mjs";

const ARTICLES = join(SHARED, "data", "articles", "10kgnad-test.jsonl");
const REF_DATE = "2016-05-01";
/** A newsroom's list: names from the articles, of every class, a derivation among them. */
const NAMES = [
  "name\tlabel",
  "GPA-djp\tORG",
  "Wien\tLOC",
  "Sebastian Kurz\tPER",
  "Der Standard\tORG",
  "FPÖ\tORG",
  "Angela Merkel\tPER",
  "österreichischen\tLOCderiv",
  "Champions League\tOTH",
].join("\n");

let env;
let page;
let work;
let records = null;

before(async () => {
  if (!existsSync(ARTICLES) || !existsSync(SEED_ARTICLE)) return;
  records = readFileSync(ARTICLES, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => {
      const { id, text } = JSON.parse(line);
      return { id, text };
    });
  records.push({ id: "seed", text: readFileSync(SEED_ARTICLE, "utf8") });
  work = mkdtempSync(join(tmpdir(), "textmarker-differential-"));
  env = await setup();
  ({ page } = await env.open("index.html"));
  await page.waitForFunction(() => document.documentElement.dataset.ready, null, { timeout: 60_000 });
});

after(async () => {
  await env?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The CLI's answer per id, each as JSON.stringify writes it. */
function cliAnswers({ refDate = null, names = null }) {
  const input = join(work, "input.jsonl");
  const output = join(work, "output.jsonl");
  writeFileSync(input, records.map(({ id, text }) => JSON.stringify(refDate ? { id, text, ref_date: refDate } : { id, text })).join("\n") + "\n");
  const args = ["run", "--quiet", "--profile", "test", "--bin", "textmarker", "--", "annotate", "--jsonl", "--quiet", "--offsets", "utf16"];
  if (names) {
    writeFileSync(join(work, "names.tsv"), names);
    args.push("--names", join(work, "names.tsv"));
  }
  args.push(input, "--output", output);
  execFileSync("cargo", args, { cwd: REPO_ROOT, stdio: ["ignore", "inherit", "inherit"] });
  const answers = new Map();
  for (const line of readFileSync(output, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const { id, ...annotations } = JSON.parse(line);
    answers.set(id, JSON.stringify(annotations));
  }
  return answers;
}

/** The page's answer per id: through client.js and the worker, as the page asks. */
async function pageAnswers({ refDate = null, names = null }) {
  const answers = await page.evaluate(
    async ({ records, refDate, names }) => {
      const { sharedClient } = await import("./js/client.js");
      const { refDateRequest } = await import("./js/article-date.js");
      const client = sharedClient();
      await client.ready;
      const out = [];
      for (const { id, text } of records) {
        const request = refDateRequest(text, { manual: Boolean(refDate), value: refDate });
        const result = await client.annotate(text, request, { channel: "differential", names });
        const { entities, entity_groups, figures, quotes } = result.store.annotations();
        out.push([id, JSON.stringify({ entities, entity_groups, figures, quotes, warnings: result.warnings })]);
      }
      return out;
    },
    { records, refDate, names },
  );
  return new Map(answers);
}

/** The CLI's answers without options, to see that each option changes something. */
let plain = null;

async function compare(t, options) {
  if (!records) {
    console.log(`skipped: ../shared absent (${ARTICLES} or ${SEED_ARTICLE} not readable)`);
    t.skip("../shared absent");
    return;
  }
  const cli = cliAnswers(options);
  plain ??= options.refDate || options.names ? cliAnswers({}) : cli;
  if (cli !== plain) {
    const changed = records.filter(({ id }) => cli.get(id) !== plain.get(id)).length;
    assert.ok(changed > 0, "the option changes some answers, so the comparison exercises it");
    console.log(`${changed} records answered differently than without the option`);
  }
  const pageSide = await pageAnswers(options);
  assert.equal(cli.size, records.length, "the CLI answered every record");
  assert.equal(pageSide.size, records.length, "the page answered every record");
  const differing = records.map(({ id }) => id).filter((id) => cli.get(id) !== pageSide.get(id));
  if (differing.length) {
    const id = differing[0];
    const [a, b] = [cli.get(id) ?? "", pageSide.get(id) ?? ""];
    let at = 0;
    while (at < a.length && a[at] === b[at]) at++;
    assert.fail(
      `${differing.length} of ${records.length} records differ (${differing.slice(0, 8).join(", ")}${differing.length > 8 ? ", …" : ""}); ` +
        `first at character ${at} of ${id}:\n  CLI:  …${a.slice(Math.max(0, at - 60), at + 100)}\n  page: …${b.slice(Math.max(0, at - 60), at + 100)}`,
    );
  }
  console.log(`${records.length} records identical`);
}

test("page and CLI agree without a reference date (the dateline rule)", (t) => compare(t, {}));

test("page and CLI agree with a reference date", (t) => compare(t, { refDate: REF_DATE }));

test("page and CLI agree with a newsroom's names list", (t) => compare(t, { names: NAMES }));
