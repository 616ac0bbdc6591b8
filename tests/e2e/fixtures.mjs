// Hand-made annotations for a short text written for the tests, so that the page's features can
// be tested independently of what the model finds. Offsets are found with indexOf, so every
// span slices back to its text by construction.

export const FIXTURE_TEXT = [
  "Hamburg, 14.03.2025 – Die Reederei Hansa Nordlicht 🚢 hat 2,4 Milliarden Euro umgesetzt, rund 12 Prozent mehr als 2023.",
  "„Wir haben die schwierigen Jahre in Hamburg hinter uns“, sagte Vorstandschefin Anna Berger am Freitag.",
  "",
  "Berger kündigte an, die Reederei werde 300 neue Stellen schaffen. Die hamburgische Gewerkschaft Verdi begrüßte die Pläne.",
  "Anna Berger reist am 2. April nach Shanghai; die Fahrt dauert 30 Tage.",
].join("\n");

function at(text, needle, nth = 0) {
  let from = 0;
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = text.indexOf(needle, from);
    if (index < 0) throw new Error(`fixture: "${needle}" #${nth} not in text`);
    from = index + needle.length;
  }
  return { start: index, end: index + needle.length, text: needle };
}

/** The fixture as a version-1 JSON export (what "Open JSON…" reads). */
export function fixtureExport(text = FIXTURE_TEXT) {
  const t = text;
  const entities = [
    { ...at(t, "Hamburg", 0), label: "LOC", entity_id: 0 },
    { ...at(t, "Hansa Nordlicht"), label: "ORG", entity_id: 1 },
    { ...at(t, "Hamburg", 1), label: "LOC", entity_id: 0 },
    { ...at(t, "Anna Berger", 0), label: "PER", entity_id: 2 },
    { ...at(t, "Berger", 1), label: "PER", entity_id: 2 },
    { ...at(t, "hamburgische"), label: "LOCderiv", entity_id: 0 },
    { ...at(t, "Verdi"), label: "ORG", entity_id: 3 },
    { ...at(t, "Anna Berger", 1), label: "PER", entity_id: 2 },
    { ...at(t, "Shanghai"), label: "LOC", entity_id: 4 },
  ].sort((a, b) => a.start - b.start);
  const entity_groups = [
    { id: 0, name: "Hamburg", label: "LOC", mentions: 3 },
    { id: 1, name: "Hansa Nordlicht", label: "ORG", mentions: 1 },
    { id: 2, name: "Anna Berger", label: "PER", mentions: 3 },
    { id: 3, name: "Verdi", label: "ORG", mentions: 1 },
    { id: 4, name: "Shanghai", label: "LOC", mentions: 1 },
  ];
  const figures = [
    { ...at(t, "14.03.2025"), kind: "date", value: "2025-03-14" },
    { ...at(t, "2,4 Milliarden Euro"), kind: "money", value: { amount: 2.4e9, unit: "EUR" } },
    { ...at(t, "12 Prozent"), kind: "percent", value: 12, approx: "about" },
    { ...at(t, "2023"), kind: "date", value: "2023" },
    { ...at(t, "Freitag"), kind: "date", value: "2025-03-14" },
    { ...at(t, "300"), kind: "number", value: 300 },
    { ...at(t, "2. April"), kind: "date", value: "2025-04-02" },
    { ...at(t, "30 Tage"), kind: "duration", value: { amount: 30, unit: "day", seconds: 2592000 } },
  ].sort((a, b) => a.start - b.start);
  const direct = at(t, "„Wir haben die schwierigen Jahre in Hamburg hinter uns“");
  const indirect = at(t, "die Reederei werde 300 neue Stellen schaffen");
  const quotes = [
    { ...direct, kind: "direct", speaker: at(t, "Anna Berger", 0), cue: at(t, "sagte"), },
    { ...indirect, kind: "indirect", speaker: at(t, "Berger", 1), cue: at(t, "kündigte an") },
  ];
  quotes[0].speaker.entity = 2;
  quotes[1].speaker.entity = 2;
  return {
    format: "textmarker-annotations",
    version: 1,
    generator: "fixture",
    offsetUnit: "utf-16",
    refDate: "2025-03-14",
    text: t,
    entities,
    entity_groups,
    figures,
    quotes,
  };
}

/** Opens the fixture through the page's "Open JSON…" input; resolves when it is shown. */
export async function openFixture(page, doc = fixtureExport()) {
  const seq = Number((await page.evaluate(() => document.getElementById("view").dataset.seq)) ?? 0);
  await page.setInputFiles("#import-json", {
    name: "fixture.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(doc)),
  });
  await page.waitForFunction(
    (prev) => {
      const view = document.getElementById("view");
      return view.dataset.state === "done" && view.dataset.source === "file" && Number(view.dataset.seq) > prev;
    },
    seq || 0,
  );
  return doc;
}

const EXTRA = [
  "Der Umsatz stieg im dritten Quartal um 4,5 Prozent auf 1,2 Milliarden Euro, teilte das Unternehmen am Montag in Frankfurt mit.",
  "„Wir sind zufrieden“, sagte Finanzvorstand Jörg Wagner. Die Prognose für 2026 bleibe unverändert, erklärte er.",
  "Die Europäische Zentralbank beließ den Leitzins bei 2 Prozent; die nächste Sitzung ist am 11. Dezember.",
];

/** About `bytes` of German text in paragraphs, made of the fixture and a few sentences. */
export function bigText(bytes) {
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const paragraph = i % 4 === 0 ? FIXTURE_TEXT : EXTRA[i % EXTRA.length];
    parts.push(paragraph);
    size += Buffer.byteLength(paragraph, "utf8") + 2;
  }
  return parts.join("\n\n");
}
