// The article date field. The rule for the date lives in the core (see ../article-date.js):
// this shows the date the module used, or the reader's own.

import { refDateRequest, refDateSource } from "../article-date.js";
import { $ } from "./dom.js";

export function createRefDate({ state, schedule }) {
  const field = $("ref-date");
  const hint = $("ref-date-source");

  field.addEventListener("change", () => {
    state.refDateManual = Boolean(field.value);
    if (state.refDateManual) hint.textContent = refDateSource({ manual: true });
    schedule(0);
  });

  $("ref-date-auto").addEventListener("click", () => {
    state.refDateManual = false;
    schedule(0);
  });

  return {
    /** The `refDate` to send with `text`. */
    request: (text) => refDateRequest(text, { manual: state.refDateManual, value: field.value }),
    /** Shows the date the marks were resolved against (from the worker) unless set by hand. */
    showUsed(used) {
      if (state.refDateManual) return;
      field.value = used ?? "";
      hint.textContent = refDateSource({ manual: false, used });
    },
    /** A date that came with an opened file (or none). */
    fromFile(refDate) {
      state.refDateManual = Boolean(refDate);
      if (!refDate) return this.showUsed(null);
      field.value = refDate;
      hint.textContent = refDateSource({ fromFile: true });
    },
    get value() {
      return field.value;
    },
  };
}
