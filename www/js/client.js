// The page side of the worker: one worker per page, latest request wins.

export class Superseded extends Error {
  constructor() {
    super("superseded by a newer request");
    this.name = "Superseded";
  }
}

class AnnotatorClient {
  #worker = null;
  #ready = null;
  #nextId = 1;
  #current = null; // { id, resolve, reject, onStart }
  #queue = []; // queued requests: { channel, text, refDate, resolve, reject, onStart }
  maxInputBytes = 16 * 1024 * 1024;

  constructor(workerUrl) {
    this.workerUrl = workerUrl;
    this.#start();
  }

  #start() {
    const worker = new Worker(this.workerUrl, { type: "module", name: "textmarker" });
    this.#worker = worker;
    this.#ready = new Promise((resolve, reject) => {
      worker.addEventListener("message", (event) => {
        const msg = event.data;
        if (msg.type === "ready") {
          if (Number.isInteger(msg.maxInputBytes)) this.maxInputBytes = msg.maxInputBytes;
          resolve();
        } else if (msg.type === "fatal") reject(new Error(msg.message));
        else this.#onMessage(msg);
      });
      worker.addEventListener("error", (event) => {
        event.preventDefault?.();
        reject(new Error(event.message || "the annotation worker failed to start"));
        this.#fail(new Error(event.message || "the annotation worker failed"));
      });
    });
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
    this.#current = null;
    if (msg.type === "result") job.resolve({ annotations: msg.annotations, ms: msg.ms });
    else {
      job.reject(new Error(msg.message));
      if (msg.fatal) this.#start();
    }
    this.#dispatchPending();
  }

  #fail(error) {
    const job = this.#current;
    this.#current = null;
    job?.reject(error);
  }

  #dispatchPending() {
    if (this.#current || this.#queue.length === 0) return;
    const job = this.#queue.shift();
    job.id = this.#nextId++;
    this.#current = job;
    this.#worker.postMessage({ id: job.id, text: job.text, refDate: job.refDate });
  }

  /**
   * Annotates `text` in the worker. A newer request on the same `channel` replaces a queued
   * one (which rejects with `Superseded`), so fast typing never builds a backlog; requests on
   * other channels (other views on the page) keep their place.
   */
  annotate(text, refDate, { onStart, channel = "default" } = {}) {
    return new Promise((resolve, reject) => {
      const queued = this.#queue.findIndex((job) => job.channel === channel);
      if (queued >= 0) this.#queue.splice(queued, 1)[0].reject(new Superseded());
      this.#queue.push({ channel, text, refDate, resolve, reject, onStart });
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
