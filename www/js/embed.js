// The demo page of <textmarker-view>: shows what the `annotated` event carries.

import "./textmarker-view.js";

const logLine = document.getElementById("event-log");
document.addEventListener("annotated", (event) => {
  const { annotations } = event.detail;
  const n = (list) => (list ?? []).length;
  logLine.textContent = `#${event.target.id}: ${n(annotations.entities)} names, ${n(annotations.figures)} figures, ${n(annotations.quotes)} quotations`;
  document.documentElement.dataset.annotated = String(Number(document.documentElement.dataset.annotated ?? 0) + 1);
});
document.documentElement.dataset.ready = "true";
