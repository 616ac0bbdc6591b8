// Regenerates docs/screenshot-light.png and docs/screenshot-dark.png: the page at 1280×900 with
// a short German news text written for this purpose (fictional people and company; no third-
// party text), in both colour schemes. Run: `cargo xtask screenshots` (= node tests/e2e/screenshots.mjs).

import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { paste, setup, waitReady, waitRendered } from "./harness.mjs";
import { REPO_ROOT } from "./server.mjs";

/** Fictional news: names, places, organisations, hovered, percentages, dates, a direct quote with its speaker, indirect speech. */
export const SAMPLE_TEXT = [
  "Bremen, 12. Mai 2025 – Der Windkraftzulieferer Nordbrise Energie hat im ersten Quartal 38,5 Millionen Euro umgesetzt, rund 17 Prozent mehr als ein Jahr zuvor. „Wir haben die Lieferengpässe endlich hinter uns gelassen“, sagte Vorstandschefin Katrin Vogelsang am Montag in Bremerhaven.",
  "Das Unternehmen werde bis Ende 2026 weitere 240 Stellen schaffen, kündigte Finanzvorstand Malte Hinrichsen an. Die Gewerkschaft IG Metall begrüßte die Pläne, mahnte aber faire Löhne an.",
  "Der Bremer Senat fördert den Ausbau des Hafens mit 12 Millionen Euro; die Arbeiten sollen am 1. September beginnen und etwa 18 Monate dauern. Nach Angaben der Handelskammer Bremen lag die Exportquote der Branche zuletzt bei 64 Prozent.",
  "Vogelsang sagte, die Preise für Rotorblätter seien seit Januar um 8 Prozent gesunken. Die Aktie von Nordbrise stieg am Nachmittag um 3,2 Prozent auf 21,40 Euro.",
].join("\n\n");

const OUT = join(REPO_ROOT, "docs");

async function shoot(env, colorScheme) {
  const context = await env.browser.newContext({
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    colorScheme,
    reducedMotion: "reduce",
    locale: "de-DE",
  });
  const page = await context.newPage();
  await page.goto(new URL("index.html", env.server.url).href);
  await waitReady(page);
  await paste(page, { text: SAMPLE_TEXT });
  await waitRendered(page);
  // Show the details box of the dateline's date, as a reader hovering it would see it.
  const hovered = page.locator('#view mark[data-key="date"]').first();
  await page.evaluate(() => document.activeElement?.blur());
  if (await hovered.count()) await hovered.hover();
  await page.evaluate(() => document.fonts.ready);
  const path = join(OUT, `screenshot-${colorScheme}.png`);
  await page.screenshot({ path, animations: "disabled", caret: "hide" });
  await context.close();
  return path;
}

async function main() {
  await mkdir(OUT, { recursive: true });
  const env = await setup();
  try {
    for (const scheme of ["light", "dark"]) console.log(`wrote ${await shoot(env, scheme)}`);
  } finally {
    await env.close();
  }
}

await main();
