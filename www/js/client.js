// The page side of the worker: one worker per page, latest request wins. If the module traps or
// the worker dies (or stops answering), the client starts a fresh worker, rejects the request
// that was running with `AnnotatorRestarted` and fires a `restart` event; queued requests go to
// the new worker.

import { AnnotationStore } from "./packed.js";

export class Superseded extends Error {
  constructor() {
    super("superseded by a newer request");
    this.name = "Superseded";
  }
}

export class AnnotatorRestarted extends Error {
  constructor(reason) {
    super(`the annotator stopped (${reason}) and was restarted`);
    this.name = "AnnotatorRestarted";
    this.reason = reason;
  }
}

class AnnotatorClient extends EventTarget {
  #worker = null;
  #ready = null;
  #nextId = 1;
  #current = null; // { id, resolve, reject, onStart, timer }
  #queue = []; // queued requests: { channel, text, refDate, resolve, reject, onStart }
  #fault = null;
  maxInputBytes = 16 * 1024 * 1024;
  /** A request that gets no answer within base + perMegabyte × size is taken for a dead worker. */
  timeouts = { baseMs: 60_000, perMegabyteMs: 30_000 };
  restarts = 0;

  constructor(workerUrl) {
    super();
    this.workerUrl = workerUrl;
    this.#start();
  }

  #start() {
    const worker = new Worker(this.workerUrl, { type: "module", name: "textmarker" });
    this.#worker = worker;
    let loaded = false;
    this.#ready = new Promise((resolve, reject) => {
      worker.addEventListener("message", (event) => {
        if (worker !== this.#worker) return;
        const msg = event.data;
        if (msg.type === "ready") {
          loaded = true;
          if (Number.isInteger(msg.maxInputBytes)) this.maxInputBytes = msg.maxInputBytes;
          resolve();
        } else if (msg.type === "fatal") reject(new Error(msg.message));
        else this.#onMessage(msg);
      });
      const died = (event) => {
        event.preventDefault?.();
        if (worker !== this.#worker) return;
        const message = event.message || "the annotation worker failed";
        if (!loaded) {
          reject(new Error(message));
          this.#fail(new Error(message));
        } else this.#restart(message);
      };
      worker.addEventListener("error", died);
      worker.addEventListener("messageerror", () => died({ message: "a message could not be read" }));
    });
    // Nobody may be waiting on this promise yet: do not report its rejection as unhandled.
    this.#ready.catch(() => {});
  }

  /** Throws the worker away and starts a new one; the running request fails. */
  #restart(reason) {
    this.#worker?.terminate();
    this.restarts++;
    const job = this.#current;
    this.#current = null;
    if (job) clearTimeout(job.timer);
    this.#start();
    job?.reject(new AnnotatorRestarted(reason));
    this.dispatchEvent(new CustomEvent("restart", { detail: { reason } }));
    this.#ready.then(() => this.#dispatchPending(), (error) => this.#rejectQueue(error));
  }

  get ready() {
    return this.#ready;
  }

  #onMessage(msg) {
    const job = this.#current;
    if (!job || msg.id !== job.id) return;
    if (msg.type === "started") {
      job.onStart?.();
      return;
    }
    if (msg.type === "part") {
      job.parts ??= {};
      (job.parts[msg.name] ??= [])[msg.c] = msg.json;
      return;
    }
    this.#current = null;
    clearTimeout(job.timer);
    if (msg.type === "result") {
      const { packed, counts, ms, text, refDate, dropped, warnings = [] } = msg;
      const { aria = [], ...chunks } = job.parts ?? {};
      packed.aria = aria.join("");
      for (const name of Object.keys(counts)) chunks[name] ??= [];
      job.resolve({ packed, store: new AnnotationStore({ counts, chunks }), ms, text, refDate, dropped, warnings });
    } else if (msg.type === "html") {
      job.resolve(msg.html);
    } else if (msg.type === "kinds") {
      job.resolve(msg.kinds);
    } else if (msg.fatal) {
      // The module trapped: its memory cannot be trusted any more.
      this.#current = job;
      this.#restart(msg.message);
      return;
    } else job.reject(new Error(msg.message));
    this.#dispatchPending();
  }

  #fail(error) {
    const job = this.#current;
    this.#current = null;
    if (job) clearTimeout(job.timer);
    job?.reject(error);
  }

  #rejectQueue(error) {
    for (const job of this.#queue.splice(0)) job.reject(error);
  }

  #dispatchPending() {
    if (this.#current || this.#queue.length === 0) return;
    const job = this.#queue.shift();
    job.id = this.#nextId++;
    this.#current = job;
    const fault = this.#fault;
    this.#fault = null;
    const megabytes = (job.open?.size ?? job.open?.length ?? job.text.length) / (1024 * 1024);
    const limit = this.timeouts.baseMs + this.timeouts.perMegabyteMs * megabytes;
    job.timer = setTimeout(() => this.#current === job && this.#restart("no answer in time"), limit);
    if (job.open !== undefined) this.#worker.postMessage({ id: job.id, open: job.open });
    else if (job.html !== undefined) this.#worker.postMessage({ id: job.id, html: job.html });
    else if (job.kinds) this.#worker.postMessage({ id: job.id, kinds: true });
    else this.#worker.postMessage({ id: job.id, text: job.text, refDate: job.refDate, names: job.names, fault });
  }

  /** Test hook: the next request makes the worker fail ("trap", "crash" or "exit"). */
  injectFault(kind) {
    this.#fault = String(kind);
  }

  /**
   * Annotates `text` in the worker; resolves to `{packed, store, ms, warnings, refDate}` (see
   * packed.js; `refDate`: the date relative dates were resolved against, the one given or the
   * dateline's, or null).
   * `names`: a newsroom's own names (TSV string or `[{name, label}]`), or none. A newer
   * request on the same `channel` replaces a queued one (which rejects with `Superseded`), so
   * fast typing never builds a backlog; requests on other channels (other views on the page)
   * keep their place.
   */
  annotate(text, refDate, { onStart, channel = "default", names = null } = {}) {
    return this.#enqueue({ channel, text: String(text), refDate, names, onStart });
  }

  /** The standalone HTML document for `text` and its annotations (the CLI's `--html` document). */
  htmlDocument(text, refDate, annotations) {
    return this.#enqueue({ channel: "html-export", text: String(text), html: { text: String(text), refDate, annotations } });
  }

  /** The kinds of marks from the module's table: `[{layer, key, name, badge, colour}]`. */
  kinds() {
    return this.#enqueue({ channel: "kinds", text: "", kinds: true });
  }

  /**
   * Reads a JSON export (a File/Blob, handed over without copying, or a string) in the worker:
   * resolves to `{packed, store, text, refDate, dropped}` with the spans that slice back to the
   * text; rejects if it is not an export.
   */
  openExport(file, { channel = "default" } = {}) {
    return this.#enqueue({ channel, open: file instanceof Blob ? file : String(file) });
  }

  #enqueue(request) {
    return new Promise((resolve, reject) => {
      const queued = this.#queue.findIndex((job) => job.channel === request.channel);
      if (queued >= 0) this.#queue.splice(queued, 1)[0].reject(new Superseded());
      this.#queue.push({ ...request, resolve, reject });
      this.#ready.then(() => this.#dispatchPending(), reject);
    });
  }
}

let shared = null;

/** The page's single annotator client (the page and every <textmarker-view> share it). */
export function sharedClient() {
  shared ??= new AnnotatorClient(new URL("./worker.js", import.meta.url));
  return shared;
}
