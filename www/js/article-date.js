// The article date on the page. The page keeps no date rule of its own: it sends the reader's
// date if they set one, else none, and the module applies the core's rule (the dateline, as
// the CLI does) and reports the date it used. The differential test (tests/differential/)
// annotates through `refDateRequest`, so a page that decided dates differently would fail it.

/** The `refDate` the page sends with `text`: the reader's own date, or "" (the module decides). */
export function refDateRequest(text, { manual, value }) {
  return manual ? String(value ?? "") : "";
}

/** What the hint next to the date field says about `used`, the date the marks were resolved against. */
export function refDateSource({ manual, fromFile = false, used }) {
  if (fromFile) return "(from the file)";
  if (manual) return "(set by you)";
  return used ? "(from the dateline)" : "(none found: relative dates stay open)";
}
