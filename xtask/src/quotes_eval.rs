//! `cargo xtask eval quotes`: runs the annotator on ../shared/data/quotes/dev.jsonl, writes
//! the predictions (code-point offsets) to target/eval/quotes-dev-pred.jsonl and scores them
//! per source and kind with the metrics of ../shared/tools/score_quotes.py: exact, trimmed,
//! ≥ 50 % overlap (one-to-one, greedy by overlap), speaker and cue accuracy on matched quotes.
//!
//! Speaker misses are counted by kind: no speaker, a wrong span, or the right span linked to
//! the wrong entity (or to none) where the entity layer found a person name inside the gold
//! speaker span or an organisation name ending it.
//!
//! The honest split: the Wikinews documents of dev.jsonl and train.jsonl are split by the
//! FNV-1a 64-bit hash of their id (`hash % 3 == 0` is the check part, the rest the fitting
//! part). Features, rules and thresholds are chosen on the fitting part; the check part is
//! only ever reported in aggregate, never quote by quote. Redewiedergabe (dev only) is
//! reported apart.

use std::collections::HashMap;
use std::fs;
use std::io::Write;

use serde_json::{json, Value};
use textmarker::{stages, Annotator, EntityLabel, OffsetUnit, Options};

use crate::paths;
use crate::scoring::scores;

const GOLD: &str = "data/quotes/dev.jsonl";
/// More annotated Wikinews documents, in the format of dev.jsonl.
const TRAIN: &str = "data/quotes/train.jsonl";
const WIKINEWS: &str = "wikinews-quotation-attribution-2024";
const KINDS: &[&str] = &["direct", "indirect"];

type Span = (usize, usize);

struct Q {
    span: Span,
    kind: String,
    speakers: Vec<Span>,
    cues: Vec<Span>,
    /// The entity group the predicted speaker is linked to.
    speaker_entity: Option<u64>,
    /// The predicted speaker's confidence (1 for gold).
    speaker_confidence: f64,
}

/// Speakers at or above this confidence are shown as confident on the page
/// (`www/js/app.js`, `CONFIDENT_SPEAKER`); below it they are shown muted with a "?".
const CONFIDENT: f64 = 0.65;

/// A person or organisation mention the entity layer found: span and group id.
struct Name {
    span: Span,
    entity: u64,
    person: bool,
}

/// Which part of the honest split a document belongs to.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Part {
    /// Wikinews, `fnv1a(id) % 3 != 0`: features, rules and thresholds are chosen here.
    Fitting,
    /// Wikinews, `fnv1a(id) % 3 == 0`: run only to report aggregate numbers.
    Check,
    /// Redewiedergabe: reported apart.
    Redewiedergabe,
}

impl Part {
    pub fn name(self) -> &'static str {
        match self {
            Part::Fitting => "fitting",
            Part::Check => "check",
            Part::Redewiedergabe => "redewiedergabe",
        }
    }
}

/// FNV-1a, 64 bits, over the UTF-8 bytes of `text`.
pub fn fnv1a64(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The part of the honest split a document belongs to, by its source and id.
pub fn part_of(source: &str, id: &str) -> Part {
    if source != WIKINEWS {
        Part::Redewiedergabe
    } else if fnv1a64(id).is_multiple_of(3) {
        Part::Check
    } else {
        Part::Fitting
    }
}

/// The gold documents of dev.jsonl and train.jsonl, one JSON line each.
pub fn gold_lines() -> Result<Vec<String>, String> {
    let mut lines = Vec::new();
    for file in [GOLD, TRAIN] {
        let path = paths::shared_file(file)?;
        let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        lines.extend(
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_string),
        );
    }
    Ok(lines)
}

fn span(v: &Value) -> Option<Span> {
    Some((
        v.get("start")?.as_u64()? as usize,
        v.get("end")?.as_u64()? as usize,
    ))
}

fn spans(q: &Value, one: &str, many: &str) -> Vec<Span> {
    let mut out: Vec<Span> = q
        .get(many)
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(span).collect())
        .unwrap_or_default();
    if let Some(s) = q.get(one).and_then(span) {
        out.push(s);
    }
    out
}

fn quotes_of(doc: &Value) -> Vec<Q> {
    doc["quotes"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|q| {
                    Some(Q {
                        span: span(q)?,
                        kind: q["kind"].as_str().unwrap_or("direct").to_string(),
                        speakers: spans(q, "speaker", "speakers"),
                        cues: spans(q, "cue", "cues"),
                        speaker_entity: q["speaker"].get("entity").and_then(Value::as_u64),
                        speaker_confidence: q["speaker"]
                            .get("confidence")
                            .and_then(Value::as_f64)
                            .unwrap_or(1.0),
                    })
                })
                .collect()
        })
        .unwrap_or_default()
}

const TRIM: &[char] = &[
    ' ', '\t', '\r', '\n', '\u{a0}', '"', '\'', '„', '“', '”', '»', '«', '‚', '‘', '’', '›', '‹',
    ',', '.', ';', ':',
];

fn trimmed(chars: &[char], (mut s, mut e): Span) -> Span {
    while s < e && s < chars.len() && TRIM.contains(&chars[s]) {
        s += 1;
    }
    while e > s && e <= chars.len() && TRIM.contains(&chars[e - 1]) {
        e -= 1;
    }
    (s, e)
}

fn overlap(a: Span, b: Span) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// One row of the report table: a number from the counts of one part.
type Cell = dyn Fn(&Counts) -> String;

#[derive(Default)]
struct Counts {
    gold: usize,
    pred: usize,
    exact: usize,
    trimmed: usize,
    overlap: usize,
    speaker_n: usize,
    speaker_ok: usize,
    no_speaker: usize,
    wrong_span: usize,
    wrong_entity: usize,
    cue_n: usize,
    cue_ok: usize,
    /// Quotes with a gold speaker whose predicted speaker is shown as confident, and of
    /// those the right ones.
    confident_n: usize,
    confident_ok: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.pred += o.pred;
        self.exact += o.exact;
        self.trimmed += o.trimmed;
        self.overlap += o.overlap;
        self.speaker_n += o.speaker_n;
        self.speaker_ok += o.speaker_ok;
        self.no_speaker += o.no_speaker;
        self.wrong_span += o.wrong_span;
        self.wrong_entity += o.wrong_entity;
        self.cue_n += o.cue_n;
        self.cue_ok += o.cue_ok;
        self.confident_n += o.confident_n;
        self.confident_ok += o.confident_ok;
    }
}

/// What a miss is about.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Missed {
    Speaker,
    /// The speaker span is right, its entity link is not.
    Entity,
    Cue,
}

/// A matched quote whose speaker, entity link or cue disagrees with the gold.
struct Miss {
    gold: usize,
    pred: usize,
    missed: Missed,
}

fn score_doc(
    c: &mut Counts,
    chars: &[char],
    names: &[Name],
    gold: &[&Q],
    pred: &[&Q],
) -> Vec<Miss> {
    let mut misses = Vec::new();
    c.gold += gold.len();
    c.pred += pred.len();
    let mut pred_spans: HashMap<Span, usize> = HashMap::new();
    for p in pred {
        *pred_spans.entry(p.span).or_default() += 1;
    }
    for g in gold {
        if let Some(n) = pred_spans.get_mut(&g.span).filter(|n| **n > 0) {
            *n -= 1;
            c.exact += 1;
        }
    }
    let pred_trimmed: Vec<Span> = pred.iter().map(|p| trimmed(chars, p.span)).collect();
    let mut used = vec![false; pred.len()];
    for g in gold {
        let t = trimmed(chars, g.span);
        if let Some(j) = (0..pred.len()).find(|&j| !used[j] && pred_trimmed[j] == t) {
            used[j] = true;
            c.trimmed += 1;
        }
    }
    let mut candidates = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        for (j, p) in pred.iter().enumerate() {
            let o = overlap(g.span, p.span);
            let longer = (g.span.1 - g.span.0).max(p.span.1 - p.span.0);
            if o > 0 && 2 * o >= longer {
                candidates.push((std::cmp::Reverse(o), i, j));
            }
        }
    }
    candidates.sort();
    let (mut gold_used, mut pred_used) = (vec![false; gold.len()], vec![false; pred.len()]);
    for (_, i, j) in candidates {
        if gold_used[i] || pred_used[j] {
            continue;
        }
        gold_used[i] = true;
        pred_used[j] = true;
        c.overlap += 1;
        let hit = |a: &[Span], b: &[Span]| a.iter().any(|&x| b.iter().any(|&y| overlap(x, y) > 0));
        if !gold[i].speakers.is_empty() {
            c.speaker_n += 1;
            let ok = hit(&gold[i].speakers, &pred[j].speakers);
            c.speaker_ok += usize::from(ok);
            if !pred[j].speakers.is_empty() && pred[j].speaker_confidence >= CONFIDENT {
                c.confident_n += 1;
                c.confident_ok += usize::from(ok);
            }
            if pred[j].speakers.is_empty() {
                c.no_speaker += 1;
            } else if !ok {
                c.wrong_span += 1;
            } else {
                // The entity the speaker must link to: a person named in the gold speaker
                // span, else an organisation ending it.
                let within = |n: &&Name, person: bool| {
                    n.person == person
                        && gold[i].speakers.iter().any(|s| {
                            n.span.0 >= s.0 && n.span.1 <= s.1 && (person || n.span.1 == s.1)
                        })
                };
                let mut expected: Vec<u64> = names
                    .iter()
                    .filter(|n| within(n, true))
                    .map(|n| n.entity)
                    .collect();
                if expected.is_empty() {
                    expected = names
                        .iter()
                        .filter(|n| within(n, false))
                        .map(|n| n.entity)
                        .collect();
                }
                if !expected.is_empty()
                    && !pred[j]
                        .speaker_entity
                        .is_some_and(|e| expected.contains(&e))
                {
                    c.wrong_entity += 1;
                    misses.push(Miss {
                        gold: i,
                        pred: j,
                        missed: Missed::Entity,
                    });
                }
            }
            if !ok {
                misses.push(Miss {
                    gold: i,
                    pred: j,
                    missed: Missed::Speaker,
                });
            }
        }
        if !gold[i].cues.is_empty() {
            c.cue_n += 1;
            let ok = hit(&gold[i].cues, &pred[j].cues);
            c.cue_ok += usize::from(ok);
            if !ok {
                misses.push(Miss {
                    gold: i,
                    pred: j,
                    missed: Missed::Cue,
                });
            }
        }
    }
    misses
}

fn slice(chars: &[char], (s, e): Span) -> String {
    chars[s.min(chars.len())..e.min(chars.len())]
        .iter()
        .collect()
}

fn shown(chars: &[char], spans: &[Span]) -> String {
    if spans.is_empty() {
        return "-".into();
    }
    spans
        .iter()
        .map(|&s| format!("{:?}@{}", slice(chars, s), s.0))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Prints a speaker (or cue) miss: gold and predicted span, the quote and its surroundings.
fn print_miss(id: &str, chars: &[char], gold: &Q, pred: &Q, missed: Missed) {
    let (s, e) = gold.span;
    let from = s.saturating_sub(250);
    let to = (e + 150).min(chars.len());
    let quote = slice(chars, (s, e));
    let quote: String = if quote.chars().count() > 160 {
        let head: String = quote.chars().take(70).collect();
        let tail: String = quote.chars().skip(quote.chars().count() - 70).collect();
        format!("{head} … {tail}")
    } else {
        quote
    };
    println!("--- {id} [{}] {}..{}", gold.kind, s, e);
    let (gold_spans, pred_spans) = if missed == Missed::Cue {
        (&gold.cues, &pred.cues)
    } else {
        (&gold.speakers, &pred.speakers)
    };
    println!("  gold: {}", shown(chars, gold_spans));
    println!("  pred: {}", shown(chars, pred_spans));
    if missed == Missed::Entity {
        println!("  pred entity: {:?}", pred.speaker_entity);
    }
    println!(
        "  context: {}⟦{quote}⟧{}",
        slice(chars, (from, s)).replace('\n', "⏎"),
        slice(chars, (e, to)).replace('\n', "⏎")
    );
}

/// `--speed`: times the quotes stage alone over prepared documents.
fn speed(gold_text: &str, rounds: usize) -> Result<(), String> {
    let annotator = Annotator::new();
    let texts: Vec<String> = gold_text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter_map(|d| d["text"].as_str().map(str::to_string))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let options = Options::default();
    // Every stage as the fastest of its rounds: the machine may be shared.
    let mut prepare_seconds = f64::INFINITY;
    let mut figures_seconds = f64::INFINITY;
    let mut prepared = Vec::new();
    for _ in 0..3 {
        let started = std::time::Instant::now();
        prepared = texts
            .iter()
            .map(|t| stages::prepare(&annotator, t))
            .collect();
        prepare_seconds = prepare_seconds.min(started.elapsed().as_secs_f64());
        let started = std::time::Instant::now();
        for p in &prepared {
            std::hint::black_box(stages::figures(&annotator, p, &options));
        }
        figures_seconds = figures_seconds.min(started.elapsed().as_secs_f64());
    }
    // The fastest of several rounds: the machine may be shared, the minimum is the cost.
    let mut found = 0;
    let mut seconds = f64::INFINITY;
    for _ in 0..rounds {
        let started = std::time::Instant::now();
        found = prepared
            .iter()
            .map(|p| stages::quotes(&annotator, p))
            .sum::<usize>();
        seconds = seconds.min(started.elapsed().as_secs_f64());
    }
    println!(
        "quotes stage alone (fastest of {rounds} rounds): {:.1} MB in {:.3} s = {:.0} MB/s \
         ({} quotes); prepare (tokens + entities): {:.2} s = {:.1} MB/s",
        bytes as f64 / 1e6,
        seconds,
        bytes as f64 / 1e6 / seconds,
        found,
        prepare_seconds,
        bytes as f64 / 1e6 / prepare_seconds
    );
    println!(
        "share of the quotes stage in tokens + entities + figures + quotes: {:.1} % \
         (figures {figures_seconds:.3} s; fastest rounds each)",
        100.0 * seconds / (prepare_seconds + figures_seconds + seconds)
    );
    Ok(())
}

fn f1(tp: usize, pred: usize, gold: usize) -> String {
    format!("{:.3}", scores(tp, pred, gold).f1)
}

fn acc(ok: usize, n: usize) -> String {
    if n == 0 {
        "n/a".into()
    } else {
        format!("{:.3}  ({ok}/{n})", ok as f64 / n as f64)
    }
}

/// Options: `--speed [--rounds N]` times the quotes stage alone; `--misses [direct|indirect]` prints
/// speaker misses of the fitting part (cue misses with `--cues`, entity-link misses with
/// `--entities`; of Redewiedergabe if `rw` is given). The check part never prints a quote.
pub fn run(args: &[String]) -> Result<(), String> {
    if args.iter().any(|a| a == "--speed") {
        let gold_path = paths::shared_file(GOLD)?;
        let gold_text =
            fs::read_to_string(&gold_path).map_err(|e| format!("{}: {e}", gold_path.display()))?;
        let rounds = args
            .iter()
            .position(|a| a == "--rounds")
            .and_then(|i| args.get(i + 1)?.parse().ok())
            .unwrap_or(20);
        return speed(&gold_text, rounds);
    }
    let misses_kind = args.iter().position(|a| a == "--misses").map(|i| {
        args.get(i + 1)
            .filter(|k| KINDS.contains(&k.as_str()))
            .map_or("direct", |k| k.as_str())
    });
    let missed = if args.iter().any(|a| a == "--cues") {
        Missed::Cue
    } else if args.iter().any(|a| a == "--entities") {
        Missed::Entity
    } else {
        Missed::Speaker
    };
    // Never the check part: its quotes are not to be looked at one by one.
    let misses_part = if args.iter().any(|a| a == "rw") {
        Part::Redewiedergabe
    } else {
        Part::Fitting
    };
    let annotator = Annotator::new();
    let options = Options::default();
    let out_dir = paths::root().join("target").join("eval");
    fs::create_dir_all(&out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;
    let pred_path = out_dir.join("quotes-pred.jsonl");
    let mut out = std::io::BufWriter::new(
        fs::File::create(&pred_path).map_err(|e| format!("{}: {e}", pred_path.display()))?,
    );
    let mut counts: HashMap<(Part, &str), Counts> = HashMap::new();
    let mut bytes = 0usize;
    let started = std::time::Instant::now();
    for line in gold_lines()? {
        let doc: Value = serde_json::from_str(&line).map_err(|e| format!("gold: {e}"))?;
        let text = doc["text"].as_str().unwrap_or("");
        let id = doc["id"].as_str().unwrap_or("");
        let part = part_of(doc["source"].as_str().unwrap_or(""), id);
        bytes += text.len();
        let found = annotator
            .annotate(text, &options)
            .into_offsets(text, OffsetUnit::CodePoints);
        let pred_doc = json!({"id": id, "quotes": found.quotes});
        writeln!(out, "{pred_doc}").map_err(|e| e.to_string())?;
        let chars: Vec<char> = text.chars().collect();
        let names: Vec<Name> = found
            .entities
            .iter()
            .filter(|e| matches!(e.label, EntityLabel::Person | EntityLabel::Organisation))
            .map(|e| Name {
                span: (e.start, e.end),
                entity: e.entity_id as u64,
                person: e.label == EntityLabel::Person,
            })
            .collect();
        let gold = quotes_of(&doc);
        let pred = quotes_of(&pred_doc);
        for &kind in KINDS {
            let g: Vec<&Q> = gold.iter().filter(|q| q.kind == kind).collect();
            let p: Vec<&Q> = pred.iter().filter(|q| q.kind == kind).collect();
            let mut doc_counts = Counts::default();
            let misses = score_doc(&mut doc_counts, &chars, &names, &g, &p);
            counts.entry((part, kind)).or_default().add(&doc_counts);
            if misses_kind == Some(kind) && part == misses_part && part != Part::Check {
                for m in misses.iter().filter(|m| m.missed == missed) {
                    print_miss(id, &chars, g[m.gold], p[m.pred], m.missed);
                }
            }
        }
    }
    out.flush().map_err(|e| e.to_string())?;
    let seconds = started.elapsed().as_secs_f64();
    let parts = [Part::Check, Part::Fitting, Part::Redewiedergabe];
    for &kind in KINDS {
        println!("[{kind}]");
        print!("  {:<22}", "");
        for part in parts {
            print!("{:>22}", part.name());
        }
        println!();
        let rows: [(&str, &Cell); 7] = [
            ("overlap F1", &|c| f1(c.overlap, c.pred, c.gold)),
            ("exact F1", &|c| f1(c.exact, c.pred, c.gold)),
            ("speaker accuracy", &|c| acc(c.speaker_ok, c.speaker_n)),
            ("confident precision", &|c| {
                acc(c.confident_ok, c.confident_n)
            }),
            ("confident coverage", &|c| acc(c.confident_n, c.speaker_n)),
            ("cue accuracy", &|c| acc(c.cue_ok, c.cue_n)),
            ("speaker misses n/w/e", &|c| {
                format!("{}/{}/{}", c.no_speaker, c.wrong_span, c.wrong_entity)
            }),
        ];
        for (name, cell) in rows {
            print!("  {name:<22}");
            for part in parts {
                let c = counts.get(&(part, kind));
                print!("{:>22}", c.map_or("-".into(), cell));
            }
            println!();
        }
    }
    println!("[direct + indirect]");
    print!("  {:<22}", "cue accuracy");
    for part in parts {
        let mut all = Counts::default();
        for &kind in KINDS {
            if let Some(c) = counts.get(&(part, kind)) {
                all.add(c);
            }
        }
        print!("{:>22}", acc(all.cue_ok, all.cue_n));
    }
    println!("\n(confident: speaker confidence >= {CONFIDENT})");
    println!(
        "annotated {:.1} MB in {seconds:.2} s (whole pipeline, xtask profile)",
        bytes as f64 / 1e6
    );
    println!("predictions: {}", pred_path.display());
    Ok(())
}
