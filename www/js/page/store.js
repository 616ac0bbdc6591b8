// The page's state, in one explicit store: every controller gets it from app.js and reads or
// changes only the fields it names. Nothing else in the page holds state of its own.

import { AnnotationStore, packSpans } from "../packed.js";

export function createStore() {
  return {
    /** The text the marks belong to, and the date their relative dates were resolved against. */
    text: "",
    refDate: "",
    /** The marks: packed spans (render order) and the per-span details (AnnotationStore). */
    packed: packSpans({}),
    annotations: AnnotationStore.empty(),
    warnings: [],
    /** Entity groups by id, for the details and the side panel. */
    groups: new Map(),
    /** Toggle keys switched off in the legend. */
    hidden: new Set(),
    /** The reader set the article date (or a file brought one): the page sends it. */
    refDateManual: false,
    /** Counters that let a newer request or render win over an older one. */
    requestSeq: 0,
    renderSeq: 0,
    renderAbort: null,
    /** The side panel's entity being stepped through, and the step. */
    activeEntity: null,
    activeStep: -1,
    /** The mark whose details box is open. */
    detailsMark: null,
    /** The page's names list ("Your names"), `[{name, label}]`; kept in localStorage. */
    names: [],
    /** Whether a mention comes from the names list. */
    fromNamesList: () => false,
    /** The editor before a big paste, for our own undo step: `{before, after, start, end}`. */
    pasteUndo: null,
    /** The reader asked to see a long text in the editor. */
    editorShown: false,
  };
}
