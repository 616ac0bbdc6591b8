// The editor: typing, clearing, the example text, and a summary instead of a long text.

import { EXAMPLE_TEXT } from "../example.js";
import { $, afterNextFrame } from "./dom.js";

/**
 * Longer texts stay out of the editor's layout (a summary shows instead) until the reader asks:
 * Chromium lays out 1 MB in a textarea in ~0.8 s and 2 MB in ~2.5 s, in one task that cannot
 * be sliced. The marked text shows them either way.
 */
const EDITOR_LAYOUT_MAX_CHARS = 200_000;

/** Wires the editor; returns `fit(length)`, to call after every change of `input.value` made by the page. */
export function createEditor({ state, setStatus, schedule }) {
  const input = $("input");

  /** Shows the editor for a text it can lay out quickly, or a summary for a long one (unless asked). */
  function fit(length = input.value.length) {
    if (length <= EDITOR_LAYOUT_MAX_CHARS) state.editorShown = false;
    const summarise = length > EDITOR_LAYOUT_MAX_CHARS && !state.editorShown;
    const summary = $("input-summary");
    if (summarise) {
      $("input-summary-text").textContent =
        `A long text (${length.toLocaleString("en")} characters) is kept out of the editor: laying it out would freeze the page for a while. The marked text shows all of it.`;
    }
    if (input.hidden === summarise && summary.hidden === !summarise) return;
    const hadFocus = document.activeElement === input;
    summary.hidden = !summarise;
    input.hidden = summarise;
    if (summarise && hadFocus) summary.querySelector("button").focus();
  }

  input.addEventListener("input", () => {
    state.pasteUndo = null;
    fit();
    schedule();
  });

  $("input-show").addEventListener("click", async () => {
    setStatus("Laying out the text in the editor…", { progressValue: null });
    await afterNextFrame();
    state.editorShown = true;
    fit();
    input.focus();
    await afterNextFrame();
    setStatus("The whole text is in the editor.");
  });

  $("input-clear").addEventListener("click", () => {
    state.pasteUndo = null;
    input.value = "";
    fit();
    input.focus();
    schedule(0);
  });

  $("load-example").addEventListener("click", () => {
    input.value = EXAMPLE_TEXT;
    fit();
    state.refDateManual = false;
    schedule(0);
  });

  return { input, fit };
}
