// Module worker: owns the WebAssembly annotator so the page never blocks while it runs.

import init, { Annotator, maxInputBytes } from "../pkg/textmarker.js";

let annotator = null;
const ready = init()
  .then(() => {
    annotator = new Annotator();
    self.postMessage({ type: "ready", maxInputBytes: maxInputBytes() });
  })
  .catch((error) => {
    self.postMessage({ type: "fatal", message: String(error?.message ?? error) });
  });

self.onmessage = async (event) => {
  const { id, text, refDate } = event.data ?? {};
  await ready;
  if (!annotator) {
    self.postMessage({ type: "error", id, message: "the annotator could not be loaded" });
    return;
  }
  self.postMessage({ type: "started", id });
  const t0 = performance.now();
  try {
    const annotations = annotator.annotate(String(text ?? ""), refDate ? { refDate: String(refDate) } : undefined);
    self.postMessage({ type: "result", id, annotations, ms: performance.now() - t0 });
  } catch (error) {
    const trapped = error instanceof WebAssembly.RuntimeError;
    self.postMessage({ type: "error", id, message: String(error?.message ?? error), fatal: trapped });
    // After a trap the module's memory cannot be trusted: let the page start a fresh worker.
    if (trapped) self.close();
  }
};
