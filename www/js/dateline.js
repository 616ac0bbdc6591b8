// The article date: a dateline near the start of the text ("2025-10-28", "28.10.2025",
// "28. Oktober 2025"), else today.

const MONTHS = {
  jan: 1, januar: 1, jänner: 1, feb: 2, februar: 2, mär: 3, märz: 3, maerz: 3, apr: 4, april: 4,
  mai: 5, jun: 6, juni: 6, jul: 7, juli: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9,
  okt: 10, oktober: 10, nov: 11, november: 11, dez: 12, dezember: 12,
};

const PATTERNS = [
  { re: /(?<![\d.-])(\d{4})-(\d{2})-(\d{2})(?![\d])/u, ymd: (m) => [m[1], m[2], m[3]] },
  { re: /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?!\d)/u, ymd: (m) => [m[3], m[2], m[1]] },
  {
    re: /(?<![\d.])(\d{1,2})\.\s*(Jan(?:uar)?|Jänner|Feb(?:ruar)?|Mär(?:z)?|Maerz|Apr(?:il)?|Mai|Jun(?:i)?|Jul(?:i)?|Aug(?:ust)?|Sept?(?:ember)?|Okt(?:ober)?|Nov(?:ember)?|Dez(?:ember)?)\.?\s+(\d{4})(?!\d)/iu,
    ymd: (m) => [m[3], MONTHS[m[2].toLowerCase()], m[1]],
  },
];

/** How far into the text a dateline may stand. */
export const DATELINE_WINDOW = 300;

function iso(y, m, d) {
  const [year, month, day] = [Number(y), Number(m), Number(d)];
  if (!(year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1)) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The earliest valid date in the first lines of `text`, as "YYYY-MM-DD", or null. */
export function findDateline(text) {
  const head = String(text ?? "").slice(0, DATELINE_WINDOW);
  let best = null;
  for (const { re, ymd } of PATTERNS) {
    const m = re.exec(head);
    if (!m) continue;
    const date = iso(...ymd(m));
    if (date && (!best || m.index < best.index)) best = { index: m.index, date };
  }
  return best?.date ?? null;
}

/** Today in the reader's time zone, "YYYY-MM-DD". */
export function today(now = new Date()) {
  return iso(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
