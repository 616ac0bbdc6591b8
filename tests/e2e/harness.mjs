// Shared set-up for the end-to-end tests: one Chromium per test file, the static server, and a
// page that records every request, console message, page error and CSP violation.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before } from "node:test";
import { chromium } from "playwright-core";
import { REPO_ROOT, WWW_ROOT, startServer } from "./server.mjs";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SHARED = join(REPO_ROOT, "..", "shared");
export const SEED_ARTICLE = join(SHARED, "seed", "article-2025-10-28.txt");

/** Why the suite cannot run, or null. Missing www/pkg is a failure, not a skip: build it first. */
export function assertBuilt() {
  if (!existsSync(join(WWW_ROOT, "pkg", "textmarker.js")) || !existsSync(join(WWW_ROOT, "pkg", "textmarker_bg.wasm"))) {
    throw new Error("www/pkg is missing: run `cargo xtask build` first");
  }
}

export function readSeed() {
  return existsSync(SEED_ARTICLE) ? readFileSync(SEED_ARTICLE, "utf8") : null;
}

export async function setup() {
  assertBuilt();
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const origin = new URL(server.url).origin;
  return {
    server,
    browser,
    origin,
    async close() {
      await browser.close().catch(() => {});
      await server.close();
    },
    /** A fresh context + page with recorders. Foreign requests are recorded and aborted. */
    async open(path = "index.html", { permissions = [] } = {}) {
      const context = await browser.newContext({ acceptDownloads: true, permissions, viewport: { width: 1400, height: 900 } });
      const log = { requests: [], foreign: [], console: [], errors: [] };
      await context.route("**/*", (route) => {
        const url = route.request().url();
        log.requests.push(url);
        if (url.startsWith(`${origin}/`) || url.startsWith("blob:") || url.startsWith("data:")) return route.continue();
        log.foreign.push(url);
        return route.abort("blockedbyclient");
      });
      context.on("request", (request) => {
        const url = request.url();
        if (!url.startsWith(`${origin}/`) && !url.startsWith("blob:") && !url.startsWith("data:") && !log.foreign.includes(url)) {
          log.foreign.push(url);
        }
      });
      const page = await context.newPage();
      page.on("console", (msg) => log.console.push({ type: msg.type(), text: msg.text() }));
      page.on("pageerror", (error) => log.errors.push(String(error)));
      page.on("worker", (worker) => worker.on("console", (msg) => log.console.push({ type: msg.type(), text: `[worker] ${msg.text()}` })));
      await page.addInitScript(() => {
        window.__cspViolations = [];
        document.addEventListener("securitypolicyviolation", (e) => {
          window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
        });
      });
      await page.goto(new URL(path, server.url).href);
      return { page, context, log };
    },
  };
}

/** Waits until the page's module is loaded (the page sets data-ready after `await init()`). */
export async function waitReady(page) {
  await page.waitForFunction(() => document.documentElement.dataset.ready, null, { timeout: 30_000 });
  const ready = await page.evaluate(() => document.documentElement.dataset.ready);
  if (ready !== "true") throw new Error(`the page did not load its module: ${await page.locator("#status").textContent()}`);
}

/** Puts `text` into the editor as a paste would (plain text, or HTML when `html` is given). */
export async function paste(page, { text = "", html = null } = {}) {
  await page.evaluate(
    ({ text, html }) => {
      const input = document.getElementById("input");
      input.focus();
      input.select();
      const data = new DataTransfer();
      data.setData("text/plain", text);
      if (html !== null) data.setData("text/html", html);
      input.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { text, html },
  );
}

/** Waits for a finished render of exactly `text` (or of whatever the editor holds). */
export async function waitRendered(page, { previousSeq = null, timeout = 60_000 } = {}) {
  await page.waitForFunction(
    (prev) => {
      const view = document.getElementById("view");
      const input = document.getElementById("input");
      return (
        view.dataset.state === "done" &&
        (prev === null || Number(view.dataset.seq) > prev) &&
        view.textContent === input.value
      );
    },
    previousSeq,
    { timeout, polling: 50 },
  );
  return Number(await page.evaluate(() => document.getElementById("view").dataset.seq));
}

/**
 * Records main-thread long tasks (window.__longTasks, ms) and whether the progress bar showed
 * (window.__progressSeen, with window.__progressAt, the performance.now() it first showed).
 */
export async function watchLongTasks(page) {
  await page.evaluate(() => {
    window.__longTasks = [];
    window.__progressSeen = false;
    window.__progressAt = null;
    for (const observer of window.__observers ?? []) observer.disconnect();
    const tasks = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push(Math.round(entry.duration));
    });
    tasks.observe({ type: "longtask" });
    const progress = new MutationObserver(() => {
      if (!document.getElementById("progress").hidden && !window.__progressSeen) {
        window.__progressSeen = true;
        window.__progressAt = performance.now();
      }
    });
    progress.observe(document.getElementById("status"), { attributes: true, subtree: true, childList: true });
    window.__observers = [tasks, progress];
  });
}

/** CSP violations and error-level console lines seen so far. */
export async function problems(page, log) {
  const csp = await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
  const consoleCsp = log.console.filter((m) => /Content Security Policy/i.test(m.text)).map((m) => m.text);
  const consoleErrors = log.console.filter((m) => m.type === "error").map((m) => m.text);
  return { csp: [...csp, ...consoleCsp], consoleErrors, pageErrors: log.errors, foreign: log.foreign };
}

/**
 * One browser for a whole test file: opens `path` before the tests and closes everything after.
 * `onOpen` receives `{ env, page, log }` once the page is ready.
 */
export function openForFile(path, onOpen) {
  let env;
  before(async () => {
    env = await setup();
    const { page, log } = await env.open(path);
    await waitReady(page);
    onOpen({ env, page, log });
  });
  after(async () => {
    await env?.close();
  });
}
