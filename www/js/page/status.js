// The status line: what the page is doing, with a progress bar when it takes a while.

import { $ } from "./dom.js";

export function createStatus() {
  const box = $("status");
  const text = $("status-text");
  const progress = $("progress");
  return function setStatus(message, { kind = "info", progressValue } = {}) {
    text.textContent = message;
    box.dataset.kind = kind;
    if (progressValue === undefined) progress.hidden = true;
    else {
      progress.hidden = false;
      if (progressValue === null) progress.removeAttribute("value");
      else progress.value = progressValue;
    }
  };
}
