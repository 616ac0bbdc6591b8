// The Textmarker page: paste → annotate in a worker → marked text, legend, details, side panel,
// exports. User text only ever reaches the DOM as text nodes. This file wires the page's
// controllers (page/) over one explicit store (page/store.js); each controller owns its part
// of the DOM and the store fields it names.

import { sharedClient } from "./client.js";
import { kindsLoaded } from "./kinds.js";
import { attachPaste } from "./paste.js";
import { createAnnotation } from "./page/annotation.js";
import { formatBytes } from "./page/dom.js";
import { createDetails } from "./page/details.js";
import { createDownloads } from "./page/downloads.js";
import { createEditor } from "./page/editor.js";
import { createLegend } from "./page/legend.js";
import { createNamesPanel } from "./page/names-panel.js";
import { createPanel } from "./page/panel.js";
import { createRefDate } from "./page/ref-date.js";
import { createStatus } from "./page/status.js";
import { createStore } from "./page/store.js";

const state = createStore();
const client = sharedClient();
const setStatus = createStatus();
// The editor, the date field and the names panel ask for an annotation; the annotation
// controller needs them first: a forward reference.
let annotation = null;
const schedule = (delay) => annotation.schedule(delay);

const editor = createEditor({ state, setStatus, schedule });
const refDate = createRefDate({ state, schedule });
const details = createDetails({ state });
const legend = createLegend({ state, onToggle: details.hideIfHidden });
const panel = createPanel({ state, focusMark: details.focusMark });
annotation = createAnnotation({
  state,
  client,
  setStatus,
  editor,
  refDate,
  after: [legend.update, panel.buildGroups, panel.buildEntityList, panel.buildQuoteList, panel.buildFigureTable],
  hideDetails: details.hide,
});
attachPaste({
  input: editor.input,
  state,
  client,
  setStatus,
  formatBytes,
  fit: editor.fit,
  schedule,
  tooLong: annotation.tooLong,
  utf8Length: annotation.utf8Length,
});
const namesPanel = createNamesPanel({ state, editor, schedule });
createDownloads({ state, client });

// The legend and the names list need the module's kinds of marks.
Promise.all([client.ready, kindsLoaded()]).then(
  () => {
    legend.build();
    namesPanel.start();
    document.documentElement.dataset.ready = "true";
    if (editor.input.value) schedule(0);
    else setStatus("Paste a text to begin.");
  },
  (error) => {
    document.documentElement.dataset.ready = "error";
    setStatus(`Could not load the annotator: ${error.message}`, { kind: "error" });
  },
);
