// Exports: JSON, the standalone HTML document (made by the module), Web Annotation and CSV,
// downloaded or copied.

import { toCsv, toJson, toWebAnnotation } from "../exports.js";
import { $, el, formatBytes, today } from "./dom.js";

export function createDownloads({ state, client }) {
  const EXPORTS = {
    json: { ext: "json", mime: "application/json", name: "JSON", make: async (doc) => toJson(doc) },
    // Made by the module: the same document as the CLI's `--html`.
    html: { ext: "html", mime: "text/html", name: "HTML", make: (doc) => client.htmlDocument(doc.text, doc.refDate, doc.annotations) },
    jsonld: { ext: "jsonld", mime: "application/ld+json", name: "Web Annotation", make: async (doc) => toWebAnnotation(doc) },
    csv: { ext: "csv", mime: "text/csv", name: "CSV", make: async (doc) => toCsv(doc) },
  };

  async function copyText(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      const area = el("textarea");
      area.value = text;
      area.className = "visually-hidden";
      document.body.append(area);
      area.select();
      const ok = document.execCommand("copy");
      area.remove();
      return ok;
    }
  }

  $("export").addEventListener("click", async (event) => {
    const button = event.target.closest("button[data-export]");
    if (!button) return;
    const format = EXPORTS[button.dataset.export];
    const statusLine = $("export-status");
    const annotations = { ...state.annotations.annotations(), warnings: state.warnings };
    let content;
    try {
      content = await format.make({ text: state.text, refDate: state.refDate, annotations });
    } catch (error) {
      statusLine.textContent = `Export failed: ${error.message}`;
      return;
    }
    if (button.dataset.action === "copy") {
      const ok = await copyText(content);
      statusLine.textContent = ok ? `Copied ${format.name} (${formatBytes(content.length)}).` : "Copying failed.";
    } else {
      const blob = new Blob([content], { type: `${format.mime};charset=utf-8` });
      const url = URL.createObjectURL(blob);
      const a = el("a");
      a.href = url;
      a.download = `textmarker-${state.refDate || today()}.${format.ext}`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      statusLine.textContent = `Downloaded ${format.name}.`;
    }
  });
}
