// The details box of a mark (on hover or keyboard focus) and moving between marks by keyboard.

import { describe } from "../format.js";
import { LIST_OF } from "../packed.js";
import { $ } from "./dom.js";

export function createDetails({ state }) {
  const view = $("view");
  const details = $("details");

  const isHidden = (mark) => state.hidden.has(mark.dataset.key);

  function spanOf(mark) {
    const list = LIST_OF[mark.dataset.type];
    return list ? state.annotations.get(list, Number(mark.dataset.i)) : undefined;
  }

  function show(mark) {
    const span = spanOf(mark);
    if (!span) return;
    const { title, rows } = describe(mark.dataset.type, span, state.groups);
    if (mark.dataset.type === "entity" && state.fromNamesList(span)) rows.push(["Source", "Your names list"]);
    const heading = document.createElement("h3");
    heading.textContent = title;
    const dl = document.createElement("dl");
    for (const [k, v] of rows) {
      const dt = document.createElement("dt");
      dt.textContent = k;
      const dd = document.createElement("dd");
      dd.textContent = v;
      dl.append(dt, dd);
    }
    details.replaceChildren(heading, dl);
    details.dataset.type = mark.dataset.type;
    details.dataset.label = mark.dataset.label;
    details.hidden = false;
    state.detailsMark?.removeAttribute("aria-describedby");
    state.detailsMark = mark;
    mark.setAttribute("aria-describedby", "details");
    position(mark);
  }

  function position(mark) {
    const rect = mark.getClientRects()[0] ?? mark.getBoundingClientRect();
    const box = details.getBoundingClientRect();
    const margin = 8;
    let left = rect.left;
    if (left + box.width > window.innerWidth - margin) left = Math.max(margin, window.innerWidth - margin - box.width);
    let top = rect.bottom + 6;
    if (top + box.height > window.innerHeight - margin && rect.top - box.height - 6 > margin) top = rect.top - box.height - 6;
    details.style.left = `${left + window.scrollX}px`;
    details.style.top = `${top + window.scrollY}px`;
  }

  function hide() {
    details.hidden = true;
    state.detailsMark?.removeAttribute("aria-describedby");
    state.detailsMark = null;
  }

  view.addEventListener("mouseover", (event) => {
    const mark = event.target.closest?.("mark");
    if (mark && view.contains(mark) && !isHidden(mark)) show(mark);
  });
  view.addEventListener("mouseleave", () => {
    const focused = document.activeElement;
    if (focused?.tagName === "MARK" && view.contains(focused)) show(focused);
    else hide();
  });
  view.addEventListener("focusin", (event) => {
    const mark = event.target.closest?.("mark");
    if (mark && view.contains(mark)) {
      view.querySelector("mark.tm-current")?.classList.remove("tm-current");
      show(mark);
    }
  });
  view.addEventListener("focusout", (event) => {
    if (!view.contains(event.relatedTarget)) hide();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !details.hidden) {
      hide();
      event.preventDefault();
    }
  });
  window.addEventListener("resize", () => state.detailsMark && position(state.detailsMark));

  // Keyboard: arrows (and n/p, j/k) move between the visible marks, Home and End jump.
  function visibleMarks() {
    const all = view.querySelectorAll("mark");
    if (!state.hidden.size) return [...all];
    return [...all].filter((m) => !isHidden(m));
  }

  function focusMark(mark) {
    if (!mark) return;
    if (mark.tabIndex !== -1) mark.tabIndex = -1;
    mark.focus({ preventScroll: true });
    mark.scrollIntoView({ block: "nearest", inline: "nearest" });
    show(mark);
  }

  function moveFocus(step, absolute = null) {
    const marks = visibleMarks();
    if (!marks.length) return;
    const current = document.activeElement?.closest?.("mark");
    let index;
    if (absolute === "first") index = 0;
    else if (absolute === "last") index = marks.length - 1;
    else {
      const at = current ? marks.indexOf(current) : -1;
      index = at < 0 ? (step > 0 ? 0 : marks.length - 1) : Math.min(marks.length - 1, Math.max(0, at + step));
    }
    focusMark(marks[index]);
  }

  view.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const onMark = document.activeElement?.tagName === "MARK";
    switch (event.key) {
      case "ArrowRight":
      case "n":
      case "j":
        moveFocus(1);
        break;
      case "ArrowLeft":
      case "p":
      case "k":
        moveFocus(-1);
        break;
      case "Home":
        if (!onMark) return;
        moveFocus(0, "first");
        break;
      case "End":
        if (!onMark) return;
        moveFocus(0, "last");
        break;
      case "Escape":
        hide();
        break;
      default:
        return;
    }
    event.preventDefault();
  });

  return {
    hide,
    focusMark,
    /** After a kind was switched off: its open details go. */
    hideIfHidden: () => state.detailsMark && isHidden(state.detailsMark) && hide(),
  };
}
