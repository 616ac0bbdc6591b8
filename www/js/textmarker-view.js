// <textmarker-view ref-date="2025-10-28" types="PER LOC money quote">Text…</textmarker-view>
//
// Shows its text content with marks. Attributes: `ref-date` (ISO date for relative dates),
// `types` (space- or comma-separated: PER LOC ORG OTH, figure kinds, quote; or the categories
// entity figure quote; default all), `names-src` (a same-origin URL of a `name<TAB>label` list).
// Properties `text` (get/set), `names` (get/set: TSV or [{name, label}]; wins over names-src),
// `annotations` (read-only), `show(text, annotations)` (stored annotations, once
// `TextmarkerView.ready` has resolved). Fires `annotated` (detail: {text, refDate, types, annotations,
// warnings}) after each annotation, or `annotationerror` (detail: {message}). Styling hooks:
// ::part(view), ::part(paragraph), ::part(mark), ::part(entity|figure|quote),
// ::part(PER|money|direct|…), ::part(error).

import { sharedClient, Superseded } from "./client.js";
import { kindsLoaded } from "./kinds.js";
import { EMPTY_ANNOTATIONS, ENTITY_BASES, FIGURE_KINDS, MARK_KINDS, TYPE_KEYS, sanitizeAnnotations } from "./model.js";
import { packSpans } from "./packed.js";
import { renderPacked } from "./render.js";

const ALIASES = {
  entity: ENTITY_BASES,
  entities: ENTITY_BASES,
  figure: FIGURE_KINDS,
  figures: FIGURE_KINDS,
  quote: ["quote"],
  quotes: ["quote"],
};
let channels = 0;

/** The type keys an attribute value asks for; null means all. */
export function parseTypes(value) {
  if (value === null || value === undefined || !value.trim()) return null;
  const keys = new Set();
  for (const token of value.split(/[\s,]+/)) {
    const t = token.trim();
    if (!t) continue;
    const lower = t.toLowerCase();
    const known = TYPE_KEYS.find((k) => k.toLowerCase() === lower);
    if (known) keys.add(known);
    else if (Object.hasOwn(ALIASES, lower)) ALIASES[lower].forEach((k) => keys.add(k));
  }
  return keys;
}

export class TextmarkerView extends HTMLElement {
  static observedAttributes = ["ref-date", "types", "names-src"];

  /** Resolves when the module's kinds of marks are known: `show()` needs them. */
  static get ready() {
    return kindsLoaded();
  }

  #root;
  #view;
  #text = null; // set through the property; otherwise the element's text content
  #annotations = EMPTY_ANNOTATIONS;
  #packed = packSpans({});
  #annotatedText = null;
  #seq = 0;
  #channel = `view-${++channels}`;
  #observer = null;
  #scheduled = false;
  #stored = false; // showing annotations given to show(): no annotator run until the text changes
  #names = null; // set through the property
  #fetchedNames = { src: null, names: null }; // what names-src pointed at, once read

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
    for (const href of ["../css/marks.css", "../css/textmarker-view.css"]) {
      const link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = new URL(href, import.meta.url).href;
      this.#root.append(link);
    }
    this.#view = document.createElement("div");
    this.#view.className = "tm-view";
    this.#view.setAttribute("part", "view");
    this.#view.lang = "de";
    this.#root.append(this.#view);
  }

  connectedCallback() {
    this.#observer ??= new MutationObserver(() => {
      if (this.#text !== null) return;
      this.#stored = false;
      this.#schedule();
    });
    this.#observer.observe(this, { childList: true, characterData: true, subtree: true });
    this.#schedule();
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.isConnected) return;
    if (name === "names-src") this.#stored = false;
    if (name === "types" && this.#annotatedText !== null) this.#render();
    else this.#schedule();
  }

  get text() {
    return this.#text ?? this.textContent ?? "";
  }

  set text(value) {
    this.#text = value === null || value === undefined ? null : String(value);
    this.#stored = false;
    this.#schedule();
  }

  get annotations() {
    return this.#annotations;
  }

  /** A newsroom's own names: a `name<TAB>label` TSV string or `[{name, label}]`; null: none. */
  get names() {
    return this.#names;
  }

  set names(value) {
    if (value === undefined || value === null || value === "") this.#names = null;
    else this.#names = Array.isArray(value) ? value.map((entry) => ({ ...entry })) : String(value);
    this.#stored = false;
    this.#schedule();
  }

  /** The names to annotate with: the property, else the list at names-src (read once per URL). */
  async #currentNames() {
    if (this.#names !== null) return this.#names;
    const src = this.getAttribute("names-src");
    if (!src) return null;
    const url = new URL(src, document.baseURI);
    if (url.origin !== location.origin) throw new Error(`names-src must be on this site's origin: ${url.href}`);
    if (this.#fetchedNames.src !== url.href) {
      const response = await fetch(url, { credentials: "same-origin" });
      if (!response.ok) throw new Error(`names-src ${url.href}: HTTP ${response.status}`);
      this.#fetchedNames = { src: url.href, names: await response.text() };
    }
    return this.#fetchedNames.names;
  }

  /**
   * Shows stored annotations (e.g. a JSON export's) for `text` without running the annotator.
   * Spans whose offsets do not slice back to their text are dropped; returns how many.
   */
  show(text, annotations) {
    if (!MARK_KINDS.length) throw new Error("show() before the kinds of marks are known: await TextmarkerView.ready");
    const { annotations: clean, dropped } = sanitizeAnnotations(String(text ?? ""), annotations ?? {});
    this.#seq++;
    this.#stored = true;
    this.#text = String(text ?? "");
    this.#done(this.#text, this.refDate.trim(), clean, packSpans(clean));
    return dropped;
  }

  get refDate() {
    return this.getAttribute("ref-date") ?? "";
  }

  get types() {
    const keys = parseTypes(this.getAttribute("types"));
    return keys ? [...keys] : [...TYPE_KEYS];
  }

  #schedule() {
    if (this.#scheduled || this.#stored) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      if (this.isConnected) this.#annotate();
    });
  }

  async #annotate() {
    const text = this.text;
    const refDate = this.refDate.trim();
    const seq = ++this.#seq;
    this.setAttribute("aria-busy", "true");
    if (this.#annotatedText === null) renderPacked(this.#view, text, this.#packed, { parts: true });
    try {
      const names = await this.#currentNames();
      await kindsLoaded();
      if (seq !== this.#seq) return;
      const result = text ? await sharedClient().annotate(text, refDate, { channel: this.#channel, names }) : null;
      if (seq !== this.#seq) return;
      if (result) this.#done(text, result.refDate ?? refDate, { ...result.store.annotations(), warnings: result.warnings }, result.packed);
      else this.#done(text, refDate, EMPTY_ANNOTATIONS, packSpans({}));
    } catch (error) {
      if (error instanceof Superseded || seq !== this.#seq) return;
      this.removeAttribute("aria-busy");
      const message = document.createElement("p");
      message.setAttribute("part", "error");
      message.setAttribute("role", "alert");
      message.textContent = `Textmarker: ${error.message}`;
      this.#view.replaceChildren(message);
      this.dispatchEvent(new CustomEvent("annotationerror", { bubbles: true, composed: true, detail: { message: error.message } }));
    }
  }

  #done(text, refDate, annotations, packed) {
    this.#annotations = annotations;
    this.#packed = packed;
    this.#annotatedText = text;
    this.#render();
    this.removeAttribute("aria-busy");
    this.dispatchEvent(
      new CustomEvent("annotated", {
        bubbles: true,
        composed: true,
        detail: { text, refDate: refDate || null, types: this.types, annotations, warnings: annotations.warnings ?? [] },
      }),
    );
  }

  #render() {
    const keys = new Set(this.types);
    renderPacked(this.#view, this.#annotatedText ?? "", this.#packed, {
      parts: true,
      keep: keys.size === TYPE_KEYS.length ? null : (key) => keys.has(key),
    });
  }
}

if (!customElements.get("textmarker-view")) customElements.define("textmarker-view", TextmarkerView);
