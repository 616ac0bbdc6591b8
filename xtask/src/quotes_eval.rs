//! `cargo xtask eval quotes`: runs the annotator on ../shared/data/quotes/dev.jsonl, writes
//! the predictions (code-point offsets) to target/eval/quotes-dev-pred.jsonl and scores them
//! per source and kind with the metrics of ../shared/tools/score_quotes.py: exact, trimmed,
//! ≥ 50 % overlap (one-to-one, greedy by overlap), speaker and cue accuracy on matched quotes.
//!
//! Speaker misses are counted by kind: no speaker, a wrong span, or the right span linked to
//! the wrong entity (or to none) where the entity layer found a person name inside the gold
//! speaker span or an organisation name ending it. The documents are also scored in two fixed halves, A and B,
//! by the lowest bit of the FNV-1a hash of their id: develop on one, check on the other.

use std::collections::HashMap;
use std::fs;
use std::io::Write;

use serde_json::{json, Value};
use textmarker::{stages, Annotator, EntityLabel, OffsetUnit, Options};

use crate::paths;
use crate::scoring::{scores, Scores};

const GOLD: &str = "data/quotes/dev.jsonl";
const SOURCES: &[&str] = &["wikinews-quotation-attribution-2024", "redewiedergabe-main"];
const KINDS: &[&str] = &["direct", "indirect"];

type Span = (usize, usize);

struct Q {
    span: Span,
    kind: String,
    speakers: Vec<Span>,
    cues: Vec<Span>,
    /// The entity group the predicted speaker is linked to.
    speaker_entity: Option<u64>,
}

/// A person or organisation mention the entity layer found: span and group id.
struct Name {
    span: Span,
    entity: u64,
    person: bool,
}

/// The fixed half of the dev documents an id belongs to: the lowest bit of its FNV-1a hash.
fn half_of(id: &str) -> &'static str {
    let hash = id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    if hash & 1 == 0 {
        "A"
    } else {
        "B"
    }
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
    let started = std::time::Instant::now();
    let prepared: Vec<_> = texts
        .iter()
        .map(|t| stages::prepare(&annotator, t))
        .collect();
    let prepare_seconds = started.elapsed().as_secs_f64();
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
    Ok(())
}

fn f1(tp: usize, pred: usize, gold: usize) -> String {
    format!("{:.3}", scores(tp, pred, gold).f1)
}

fn prf(tp: usize, pred: usize, gold: usize) -> String {
    let Scores {
        precision: p,
        recall: r,
        f1: f,
    } = scores(tp, pred, gold);
    format!("P={p:.3} R={r:.3} F1={f:.3}  (tp={tp} pred={pred} gold={gold})")
}

fn acc(ok: usize, n: usize) -> String {
    if n == 0 {
        "n/a".into()
    } else {
        format!("{:.3}  ({ok}/{n})", ok as f64 / n as f64)
    }
}

/// Options: `--speed [--rounds N]` times the quotes stage alone; `--misses [direct|indirect]` prints
/// speaker misses (cue misses with `--cues`, entity-link misses with `--entities`; Wikinews
/// unless `rw` is given; of one half with `--half A|B`).
pub fn run(args: &[String]) -> Result<(), String> {
    let gold_path = paths::shared_file(GOLD)?;
    let gold_text =
        fs::read_to_string(&gold_path).map_err(|e| format!("{}: {e}", gold_path.display()))?;
    if args.iter().any(|a| a == "--speed") {
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
    let misses_half = args
        .iter()
        .position(|a| a == "--half")
        .and_then(|i| args.get(i + 1))
        .map(String::as_str);
    let misses_source = if args.iter().any(|a| a == "rw") {
        SOURCES[1]
    } else {
        SOURCES[0]
    };
    let annotator = Annotator::new();
    let options = Options::default();
    let out_dir = paths::root().join("target").join("eval");
    fs::create_dir_all(&out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;
    let pred_path = out_dir.join("quotes-dev-pred.jsonl");
    let mut out = std::io::BufWriter::new(
        fs::File::create(&pred_path).map_err(|e| format!("{}: {e}", pred_path.display()))?,
    );
    let mut counts: HashMap<(&str, &str, &str), Counts> = HashMap::new();
    let mut bytes = 0usize;
    let started = std::time::Instant::now();
    for line in gold_text.lines().filter(|l| !l.trim().is_empty()) {
        let doc: Value = serde_json::from_str(line).map_err(|e| format!("{GOLD}: {e}"))?;
        let text = doc["text"].as_str().unwrap_or("");
        let id = doc["id"].as_str().unwrap_or("");
        let source = doc["source"].as_str().unwrap_or("");
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
        let half = half_of(id);
        let gold = quotes_of(&doc);
        let pred = quotes_of(&pred_doc);
        for &kind in KINDS {
            let g: Vec<&Q> = gold.iter().filter(|q| q.kind == kind).collect();
            let p: Vec<&Q> = pred.iter().filter(|q| q.kind == kind).collect();
            let source = SOURCES
                .iter()
                .copied()
                .find(|s| *s == source)
                .unwrap_or("other");
            let mut doc_counts = Counts::default();
            let misses = score_doc(&mut doc_counts, &chars, &names, &g, &p);
            counts
                .entry((source, kind, "all"))
                .or_default()
                .add(&doc_counts);
            counts
                .entry((source, kind, half))
                .or_default()
                .add(&doc_counts);
            if misses_kind == Some(kind)
                && source == misses_source
                && misses_half.is_none_or(|h| h == half)
            {
                for m in misses.iter().filter(|m| m.missed == missed) {
                    print_miss(id, &chars, g[m.gold], p[m.pred], m.missed);
                }
            }
        }
    }
    out.flush().map_err(|e| e.to_string())?;
    let seconds = started.elapsed().as_secs_f64();
    for &source in SOURCES {
        for &kind in KINDS {
            let Some(c) = counts.get(&(source, kind, "all")) else {
                continue;
            };
            println!("[{kind} | {source}]");
            println!("  exact       {}", prf(c.exact, c.pred, c.gold));
            println!("  exact_norm  {}", prf(c.trimmed, c.pred, c.gold));
            println!("  overlap50   {}", prf(c.overlap, c.pred, c.gold));
            println!("  speaker_acc {}", acc(c.speaker_ok, c.speaker_n));
            println!(
                "  speaker_err no-speaker={} wrong-span={} wrong-entity={}",
                c.no_speaker, c.wrong_span, c.wrong_entity
            );
            println!("  cue_acc     {}", acc(c.cue_ok, c.cue_n));
            for half in ["A", "B"] {
                let Some(h) = counts.get(&(source, kind, half)) else {
                    continue;
                };
                println!(
                    "  half {half}: overlap F1 {}  speaker_acc {}  cue_acc {}  \
                     (no-speaker={} wrong-span={} wrong-entity={})",
                    f1(h.overlap, h.pred, h.gold),
                    acc(h.speaker_ok, h.speaker_n),
                    acc(h.cue_ok, h.cue_n),
                    h.no_speaker,
                    h.wrong_span,
                    h.wrong_entity
                );
            }
        }
    }
    println!(
        "annotated {:.1} MB in {seconds:.2} s (whole pipeline, xtask profile)",
        bytes as f64 / 1e6
    );
    println!(
        "predictions: {}\ncheck: python3 ../shared/tools/score_quotes.py {} {} --kinds direct,indirect",
        pred_path.display(),
        gold_path.display(),
        pred_path.display()
    );
    Ok(())
}
