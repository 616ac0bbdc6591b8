// Human-readable values: "472,51 Mrd. Euro = 472.510.000.000 EUR", resolved dates, speakers.

import { labelName } from "./model.js";

const numberFormat = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 6 });
// Day and month names from the browser's German locale data: the page keeps no list of its own.
const dayFormat = new Intl.DateTimeFormat("de-DE", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const monthFormat = new Intl.DateTimeFormat("de-DE", { month: "long", timeZone: "UTC" });

/** A UTC date for any year (Date.UTC reads 0–99 as 1900–1999). */
function utcDate(year, month, day) {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date;
}

export function formatNumber(n) {
  return typeof n === "number" && Number.isFinite(n) ? numberFormat.format(n) : String(n);
}

const APPROX = {
  about: "about",
  more_than: "more than",
  less_than: "less than",
  at_least: "at least",
  at_most: "at most",
};
const PERIOD_PART = { early: "early", mid: "mid", late: "late" };

/** "2025-10-28" → "Dienstag, 28. Oktober 2025"; other ISO grains are read back in words where easy. */
export function describeIso(iso) {
  if (typeof iso !== "string") return String(iso);
  if (iso.includes("/")) {
    const [a, b] = iso.split("/", 2);
    return `${describeIso(a)} – ${describeIso(b)}`;
  }
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(iso);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = utcDate(y, mo, d);
    if (date.getUTCMonth() !== mo - 1) return iso;
    const day = dayFormat.format(date);
    return m[4] ? `${day}, ${m[4]}:${m[5]} Uhr` : day;
  }
  m = /^(\d{4})-(\d{2})$/.exec(iso);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${monthFormat.format(utcDate(2000, Number(m[2]), 1))} ${m[1]}`;
  m = /^T?(\d{2}):(\d{2})(?::\d{2})?$/.exec(iso);
  if (m) return `${m[1]}:${m[2]} Uhr`;
  return iso;
}

function formatBound(b, unit) {
  if (b === undefined || b === null) return "…";
  if (typeof b === "number") return unit ? `${formatNumber(b)} ${unit}` : formatNumber(b);
  return String(b);
}

/** The normalised value in one line: "472.510.000.000 EUR", "15 %", "2025-10-28". */
export function formatValue(figure) {
  const v = figure?.value;
  let out;
  if (v === null || v === undefined) {
    out = figure?.kind === "date" || figure?.kind === "time" ? "needs the article date" : "—";
  }
  else if (typeof v === "number") out = figure.kind === "percent" ? `${formatNumber(v)} %` : formatNumber(v);
  else if (typeof v === "string") out = v;
  else if (typeof v === "object" && "amount" in v) {
    out = `${formatNumber(v.amount)}${v.unit ? ` ${v.unit}` : ""}`;
    if (typeof v.seconds === "number") out += ` (${formatNumber(v.seconds)} s)`;
  } else if (typeof v === "object") {
    const unit = typeof v.unit === "string" ? v.unit : "";
    const suffix = figure.kind === "percent" && !unit ? " %" : "";
    if (v.min !== undefined && v.max !== undefined) out = `${formatBound(v.min)}–${formatBound(v.max, unit)}${suffix}`;
    else if (v.min !== undefined) out = `≥ ${formatBound(v.min, unit)}${suffix}`;
    else if (v.max !== undefined) out = `≤ ${formatBound(v.max, unit)}${suffix}`;
    else out = JSON.stringify(v);
  } else out = String(v);
  const qualifiers = [];
  if (figure?.approx && APPROX[figure.approx]) qualifiers.push(APPROX[figure.approx]);
  if (figure?.mod && PERIOD_PART[figure.mod]) qualifiers.push(PERIOD_PART[figure.mod]);
  return qualifiers.length ? `${qualifiers.join(", ")}: ${out}` : out;
}

/** "472,51 Mrd. Euro = 472.510.000.000 EUR" */
export function figureEquation(figure) {
  return `${figure.text} = ${formatValue(figure)}`;
}

/**
 * A plain-data description of one span for the details box: a title and label/value rows.
 * `groups`: the entity groups, as a Map by id or as an annotations object.
 */
export function describe(type, span, groups) {
  const groupOf = (id) =>
    typeof groups?.get === "function" ? groups.get(id) : (groups?.entity_groups ?? []).find((g) => g.id === id);
  const rows = [];
  const title = labelName(type, span);
  if (type === "entity") {
    rows.push(["Type", `${title} · ${span.label}`]);
    rows.push(["Text", span.text]);
    const group = groupOf(span.entity_id);
    if (group) {
      rows.push(["Entity", group.name]);
      rows.push(["Mentions", String(group.mentions)]);
    }
  } else if (type === "figure") {
    rows.push(["Type", `Figure · ${span.kind}`]);
    rows.push(["Value", figureEquation(span)]);
    if ((span.kind === "date" || span.kind === "time") && typeof span.value === "string") {
      rows.push(["Resolved", describeIso(span.value)]);
    } else if (span.kind === "date" && span.value && typeof span.value === "object") {
      rows.push(["Resolved", formatValue(span)]);
    }
  } else {
    rows.push(["Type", title]);
    rows.push(["Speaker", span.speaker?.text ?? "unknown"]);
    if (span.speaker && Number.isInteger(span.speaker.entity)) {
      const group = groupOf(span.speaker.entity);
      if (group && group.name !== span.speaker.text) rows.push(["Speaker entity", group.name]);
    }
    rows.push(["Cue", span.cue?.text ?? "—"]);
    rows.push(["Quote", span.text.length > 160 ? `${span.text.slice(0, 157)}…` : span.text]);
  }
  return { title, rows };
}

/** Short text for ARIA labels: "Person: Donald Trump". */
export function ariaLabel(type, span) {
  const name = labelName(type, span);
  if (type === "quote") {
    const who = span.speaker?.text ? `, speaker ${span.speaker.text}` : "";
    return `${name}${who}: ${span.text}`;
  }
  if (type === "figure") return `${name}: ${span.text} (${formatValue(span)})`;
  return `${name}: ${span.text}`;
}
