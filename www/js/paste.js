// Rich clipboard HTML → plain text with paragraphs kept. The HTML is parsed into an inert
// document (no scripts run, nothing loads) and only its text is read.

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
