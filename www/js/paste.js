// Pasting into the page's editor: rich clipboard HTML → plain text with paragraphs kept (the
// HTML is parsed into an inert document: no scripts run, nothing loads, only its text is
// read), and the paste handling itself (`attachPaste`).

const SKIP = new Set([
  "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "HEAD", "TITLE", "META", "LINK", "IFRAME", "FRAME",
  "OBJECT", "EMBED", "SVG", "MATH", "CANVAS", "VIDEO", "AUDIO", "SELECT", "BUTTON", "INPUT",
  "TEXTAREA", "IMG", "PICTURE", "SOURCE", "TRACK", "MAP", "AREA", "DIALOG",
]);
const BLOCK = new Set([
  "P", "DIV", "H1", "H2", "H3", "H4", "H5", "H6", "UL", "OL", "LI", "BLOCKQUOTE", "PRE",
  "SECTION", "ARTICLE", "HEADER", "FOOTER", "ASIDE", "NAV", "MAIN", "FIGURE", "FIGCAPTION",
  "TABLE", "THEAD", "TBODY", "TFOOT", "TR", "CAPTION", "DL", "DT", "DD", "HR", "ADDRESS",
  "DETAILS", "SUMMARY", "FIELDSET", "LEGEND", "FORM", "BODY", "CENTER",
]);
const CELL = new Set(["TD", "TH"]);

/**
 * Drops <style> elements and renames style and on* attributes before parsing. The parsed
 * document is inert either way (no script runs, nothing loads), but the page's CSP would still
 * report each inline style or handler it sees. Only text is read, so a miss costs a console
 * report, not safety.
 */
function withoutInlineCode(html) {
  return html
    .replace(/<style\b[\s\S]*?(?:<\/style\s*>|$)/gi, "")
    .replace(/<[a-zA-Z][^>]*>/g, (tag) => tag.replace(/([\s/"'])(on[a-z0-9_-]*|style)(\s*=)/gi, "$1data-x-$2$3"));
}

export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(withoutInlineCode(String(html ?? "")), "text/html");
  const out = [];
  let pendingBreak = 0; // newlines owed before the next text: 1 = line break, 2 = paragraph
  let atLineStart = true;

  const emit = (s) => {
    if (!s) return;
    if (pendingBreak && out.length) out.push(pendingBreak >= 2 ? "\n\n" : "\n");
    if (pendingBreak) atLineStart = true;
    pendingBreak = 0;
    if (atLineStart) s = s.replace(/^[ \t]+/, "");
    if (!s) return;
    out.push(s);
    atLineStart = false;
  };
  const breakAtLeast = (n) => {
    pendingBreak = Math.max(pendingBreak, n);
  };

  const walk = (node, pre) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const text = pre ? child.data : child.data.replace(/[ \t\n\r\f]+/g, " ");
        if (pre && text.includes("\n")) {
          const lines = text.split(/\r\n?|\n/);
          lines.forEach((line, i) => {
            if (i > 0) breakAtLeast(1);
            emit(line);
          });
        } else emit(text);
        continue;
      }
      if (child.nodeType !== 1) continue; // comments, processing instructions
      const tag = child.tagName.toUpperCase();
      if (SKIP.has(tag)) continue;
      if (child.hidden || child.getAttribute("aria-hidden") === "true") continue;
      if (tag === "BR") {
        if (pendingBreak < 1) {
          if (out.length) out.push("\n");
          atLineStart = true;
        } else breakAtLeast(pendingBreak + 1);
        continue;
      }
      const block = BLOCK.has(tag);
      if (block) breakAtLeast(tag === "LI" || tag === "TR" || tag === "DT" || tag === "DD" ? 1 : 2);
      if (CELL.has(tag) && !atLineStart) emit(" ");
      walk(child, pre || tag === "PRE");
      if (block) breakAtLeast(tag === "LI" || tag === "TR" || tag === "DT" || tag === "DD" ? 1 : 2);
    }
  };
  walk(doc.body ?? doc.documentElement, false);
  return out
    .join("")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Clipboard plain text with line endings normalised. */
export function normalizePlainText(text) {
  return String(text ?? "").replace(/\r\n?/g, "\n");
}

/**
 * Pastes up to this many characters go through the browser's insertText, which keeps native
 * undo but costs time growing with the square of the length (250 K characters: 3.5 s in
 * Chromium). Longer pastes are set directly, with one undo step of our own (Ctrl+Z right after).
 */
const NATIVE_PASTE_MAX_CHARS = 32_000;

/**
 * The page's paste handling on `input`: rich HTML becomes plain text with its paragraphs, a
 * text over the module's limit is refused (`tooLong`), a long paste gets an undo step of its
 * own. `fit` lays the editor out again, `schedule(0)` annotates.
 */
export function attachPaste({ input, state, client, setStatus, formatBytes, utf8Bytes, fit, schedule, tooLong, utf8Length }) {
  input.addEventListener("paste", (event) => {
    const data = event.clipboardData;
    if (!data) return;
    const html = data.getData("text/html");
    const plain = data.getData("text/plain");
    if (!html && !plain) return;
    event.preventDefault();
    // A text over the limit never enters the editor (laying out tens of MB there would freeze
    // the page). A string's length is a lower bound of its UTF-8 size.
    const kept = input.value.length - (input.selectionEnd - input.selectionStart);
    if (kept + plain.length > client.maxInputBytes) return tooLong(kept + plain.length, { pasted: true, qualifier: "more than " });
    const text = html ? htmlToText(html) : normalizePlainText(plain);
    const result = input.value.slice(0, input.selectionStart) + text + input.value.slice(input.selectionEnd);
    const bytes = utf8Length(result);
    if (bytes > client.maxInputBytes) return tooLong(bytes, { pasted: true });
    // Say at once that something is happening: a big text takes a moment to lay out and mark.
    setStatus(`Pasted ${formatBytes(utf8Bytes(text))}; annotating…`, { progressValue: null });
    insertText(text, result);
    // A paste is one edit: mark it now, not after the typing pause.
    schedule(0);
  });

  /**
   * Inserts at the caret; `result` is the editor's text afterwards. Short texts go through
   * insertText and keep the browser's undo; long ones are set in one step (linear time) and get
   * one undo step of our own. Reading a long editor's value back costs a copy: use `result`.
   */
  function insertText(text, result) {
    input.focus();
    let inserted = false;
    if (text.length <= NATIVE_PASTE_MAX_CHARS) {
      try {
        inserted = document.execCommand("insertText", false, text);
      } catch {
        inserted = false;
      }
      if (inserted) return;
    }
    const before = input.value;
    const { selectionStart: start, selectionEnd: end } = input;
    fit(result.length);
    input.setRangeText(text, start, end, "end");
    schedule(0);
    state.pasteUndo = text.length > NATIVE_PASTE_MAX_CHARS ? { before, after: result, start, end } : null;
  }

  // Ctrl+Z right after a big paste: the browser has no undo step for it (see insertText). The
  // editor may be summarised by then, so listen in the whole editor section (and on the body).
  document.addEventListener("keydown", (event) => {
    const undo = state.pasteUndo;
    if (!undo || !(event.ctrlKey || event.metaKey) || event.shiftKey || event.key.toLowerCase() !== "z") return;
    const at = document.activeElement;
    if (at && at !== document.body && !input.closest("section").contains(at)) return;
    event.preventDefault();
    state.pasteUndo = null;
    if (input.value !== undo.after) return;
    input.value = undo.before;
    fit();
    if (!input.hidden) {
      input.focus();
      input.setSelectionRange(undo.start, undo.end);
    }
    schedule(0);
  });
}
