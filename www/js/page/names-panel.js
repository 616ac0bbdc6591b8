// "Your names": a newsroom's own names list, kept in this browser only (localStorage).

import { namesLookup, parseNames } from "../names.js";
import { $, el, PANEL_LIMIT } from "./dom.js";

/** Where the names list is kept: this browser only; it is never sent anywhere. */
const NAMES_KEY = "textmarker.names";

function storedNames() {
  try {
    return localStorage.getItem(NAMES_KEY) ?? "";
  } catch {
    return ""; // storage switched off: the list lasts as long as the page
  }
}

function storeNames(tsv) {
  try {
    if (tsv) localStorage.setItem(NAMES_KEY, tsv);
    else localStorage.removeItem(NAMES_KEY);
  } catch {
    // storage switched off or full: the list still applies to this page
  }
}

/** Wires the panel; `start()` reads the stored list once the kinds of marks are known. */
export function createNamesPanel({ state, editor, schedule }) {
  const namesInput = $("names-input");

  /** Reads the list, shows what was kept and refused, and marks the text again with it. */
  function apply(tsv, { annotate = true } = {}) {
    const { names, refused } = parseNames(tsv);
    state.names = names;
    state.fromNamesList = namesLookup(names);
    storeNames(tsv.trim() ? tsv : "");
    $("names-count").textContent = String(names.length);
    $("names-status").textContent = tsv.trim()
      ? `${names.length} ${names.length === 1 ? "name" : "names"} in use${refused.length ? `; ${refused.length} ${refused.length === 1 ? "line" : "lines"} refused:` : "."}`
      : "No names yet.";
    $("names-refused").replaceChildren(
      ...refused.slice(0, PANEL_LIMIT).map((r) => el("li", null, `line ${r.line}: ${r.reason} — “${r.text.slice(0, 80)}”`)),
    );
    if (annotate && editor.input.value) schedule(0);
  }

  $("names-apply").addEventListener("click", () => apply(namesInput.value));
  $("names-clear").addEventListener("click", () => {
    namesInput.value = "";
    apply("");
  });
  $("names-file").addEventListener("change", async (event) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    namesInput.value = await file.text();
    apply(namesInput.value);
  });

  namesInput.value = storedNames();
  return {
    start: () => apply(namesInput.value, { annotate: false }),
  };
}
