// The legend: one toggle per kind of mark (made from the module's table of kinds), with counts.

import { BADGES, CATEGORY_OF_KEY, ENTITY_BASES, FIGURE_KINDS, TYPE_NAMES } from "../model.js";
import { countKeys } from "../packed.js";
import { $ } from "./dom.js";

/** `onToggle`: called after a kind was switched on or off. */
export function createLegend({ state, onToggle }) {
  const legend = $("legend");
  const view = $("view");
  const counts = new Map();

  function build() {
    const groups = [
      ["Names", ENTITY_BASES],
      ["Figures", FIGURE_KINDS],
      ["Quotations", ["quote"]],
    ];
    for (const [name, keys] of groups) {
      const group = document.createElement("div");
      group.className = "legend-group";
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", name);
      const title = document.createElement("span");
      title.className = "legend-group-name";
      title.textContent = name;
      title.setAttribute("aria-hidden", "true");
      group.append(title);
      for (const key of keys) {
        const button = document.createElement("button");
        button.type = "button";
        button.dataset.key = key;
        button.setAttribute("aria-pressed", "true");
        const swatch = document.createElement("mark");
        swatch.dataset.type = CATEGORY_OF_KEY(key);
        swatch.dataset.key = key;
        swatch.dataset.label = key === "quote" ? "direct" : key;
        swatch.textContent = TYPE_NAMES[key];
        const count = document.createElement("span");
        count.className = "count";
        count.textContent = "0";
        counts.set(key, count);
        button.append(swatch, count);
        button.title = `${TYPE_NAMES[key]} (${BADGES[key]}): press to show or hide`;
        button.addEventListener("click", () => toggle(key, button));
        group.append(button);
      }
      legend.append(group);
    }
  }

  function update() {
    const found = countKeys(state.packed);
    for (const [key, el] of counts) {
      el.textContent = String(found[key] ?? 0);
      el.parentElement.setAttribute("aria-label", `${TYPE_NAMES[key]}: ${found[key] ?? 0}`);
    }
  }

  function toggle(key, button) {
    if (state.hidden.has(key)) state.hidden.delete(key);
    else state.hidden.add(key);
    button.setAttribute("aria-pressed", String(!state.hidden.has(key)));
    if (state.hidden.size) view.dataset.hide = [...state.hidden].join(" ");
    else delete view.dataset.hide;
    onToggle();
  }

  $("badges").addEventListener("change", (event) => {
    view.classList.toggle("tm-no-badges", !event.target.checked);
  });

  return { build, update };
}
