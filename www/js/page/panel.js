// The side panel: the entities (stepping through their mentions), the quotes by speaker and
// the figures table.

import { formatValue } from "../format.js";
import { labelName } from "../model.js";
import { $, el, PANEL_LIMIT } from "./dom.js";

export function createPanel({ state, focusMark }) {
  const view = $("view");

  function buildGroups() {
    state.groups = new Map(state.annotations.slice("entity_groups").map((g) => [g.id, g]));
  }

  function buildEntityList() {
    const list = $("entity-list");
    // Groups with a mention in the marks: a currency named only inside money figures is no name.
    const marked = new Set(state.packed.entity.filter((id) => id >= 0));
    const groups = [...state.groups.values()].filter((g) => marked.has(g.id)).sort(
      (a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name, "de"),
    );
    $("entity-count").textContent = String(groups.length);
    const items = groups.slice(0, PANEL_LIMIT).map((group) => {
      const li = el("li");
      const button = el("button");
      button.type = "button";
      button.dataset.entity = String(group.id);
      button.setAttribute("aria-pressed", "false");
      const tag = el("span", "tag tm-badge", group.label);
      tag.dataset.key = group.label.slice(0, 3);
      button.append(el("span", "name", group.name), tag, el("span", "mentions", `×${group.mentions}`), el("span", "step"));
      button.setAttribute("aria-label", `${group.name}, ${labelName("entity", group)}, ${group.mentions} mentions`);
      button.addEventListener("click", () => stepEntity(group.id, button));
      li.append(button);
      return li;
    });
    if (groups.length > PANEL_LIMIT) items.push(el("li", "hint", `… and ${groups.length - PANEL_LIMIT} more`));
    list.replaceChildren(...items);
  }

  function stepEntity(id, button) {
    const marks = [...view.querySelectorAll(`mark[data-type="entity"][data-entity="${Number(id)}"]`)];
    if (state.activeEntity !== id) {
      view.querySelectorAll("mark.tm-active").forEach((m) => m.classList.remove("tm-active"));
      $("entity-list")
        .querySelectorAll('button[aria-pressed="true"]')
        .forEach((b) => {
          b.setAttribute("aria-pressed", "false");
          b.querySelector(".step").textContent = "";
        });
      marks.forEach((m) => m.classList.add("tm-active"));
      state.activeEntity = id;
      state.activeStep = 0;
      button.setAttribute("aria-pressed", "true");
    } else {
      state.activeStep = marks.length ? (state.activeStep + 1) % marks.length : -1;
    }
    const mark = marks[state.activeStep];
    button.querySelector(".step").textContent = marks.length ? `${state.activeStep + 1}/${marks.length}` : "";
    button.dataset.step = String(state.activeStep + 1);
    if (mark) {
      view.querySelector("mark.tm-current")?.classList.remove("tm-current");
      mark.classList.add("tm-current");
      mark.scrollIntoView({ block: "center" });
    }
  }

  function jumpTo(selector) {
    const mark = view.querySelector(selector);
    if (mark) focusMark(mark);
  }

  function buildQuoteList() {
    const box = $("quote-list");
    const quotes = state.annotations.slice("quotes");
    $("quote-count").textContent = String(quotes.length);
    const bySpeaker = new Map();
    quotes.forEach((q, i) => {
      const group = Number.isInteger(q.speaker?.entity) ? state.groups.get(q.speaker.entity) : null;
      const name = group?.name ?? q.speaker?.text ?? "Unknown speaker";
      if (!bySpeaker.has(name)) bySpeaker.set(name, []);
      bySpeaker.get(name).push(i);
    });
    const speakers = [...bySpeaker.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0], "de"));
    const nodes = [];
    let shown = 0;
    for (const [name, indexes] of speakers) {
      if (shown >= PANEL_LIMIT) break;
      nodes.push(el("p", "speaker", `${name} (${indexes.length})`));
      const ol = el("ol");
      for (const i of indexes.slice(0, PANEL_LIMIT - shown)) {
        const q = quotes[i];
        const li = el("li");
        const button = el("button");
        button.type = "button";
        button.dataset.quote = String(i);
        const text = q.text.length > 140 ? `${q.text.slice(0, 137)}…` : q.text;
        button.append(el("span", "kind", q.kind === "direct" ? "direct" : "indirect"), el("span", "qtext", text));
        button.addEventListener("click", () => jumpTo(`mark[data-type="quote"][data-i="${i}"]`));
        li.append(button);
        ol.append(li);
        shown++;
      }
      nodes.push(ol);
    }
    if (quotes.length > shown) nodes.push(el("p", "hint", `… and ${quotes.length - shown} more`));
    box.replaceChildren(...nodes);
  }

  function buildFigureTable() {
    const body = $("figure-table").tBodies[0];
    const total = state.annotations.count("figures");
    $("figure-count").textContent = String(total);
    const rows = state.annotations.slice("figures", 0, PANEL_LIMIT).map((f, i) => {
      const tr = el("tr");
      const cell = el("td");
      const button = el("button", null, f.text);
      button.type = "button";
      button.dataset.figure = String(i);
      button.addEventListener("click", () => jumpTo(`mark[data-type="figure"][data-i="${i}"]`));
      cell.append(button);
      tr.append(cell, el("td", null, f.kind), el("td", null, formatValue(f)));
      return tr;
    });
    body.replaceChildren(...rows);
    const note = $("figure-note");
    note.hidden = total <= PANEL_LIMIT;
    note.textContent = `Showing ${PANEL_LIMIT} of ${total}; the CSV export has all.`;
  }

  return { buildGroups, buildEntityList, buildQuoteList, buildFigureTable };
}
