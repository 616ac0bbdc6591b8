//! `cargo xtask eval figures`: per-kind precision, recall and F1 of the figures on the dev
//! files in ../shared/data/figures, at three levels (overlap, exact span, span + value), the
//! way `../shared/tools/score_figures.py` counts them. Predictions are written to
//! `target/figures-pred-*.jsonl` (code-point offsets) so the Python scorer can check us.
//!
//! Three sets, scored separately: `news-dev` (25 Wikinews articles), `10kgnad` (30 derStandard
//! articles of ../shared/data/articles/10kgnad-test.jsonl, every 34th line from line 0, annotated
//! in `tests/data/figures-10kgnad.jsonl` by offsets only; the texts stay in ../shared and are
//! joined by line number and checked by sha256) and `dev` (the phrase suites, a regression and
//! robustness check, not a target). Each set is also scored in two halves (even and odd cases)
//! so that a fix tuned on one half can be checked on the other.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};
use textmarker::{Annotator, OffsetUnit, Options};

use crate::lexicon::sha256_hex;
use crate::paths;
use crate::scoring::scores;

const KINDS: [&str; 8] = [
    "number", "ordinal", "money", "percent", "date", "time", "duration", "quantity",
];

const SETS: [&str; 3] = ["news-dev", "10kgnad", "dev"];

/// The annotations of our own news dev set, by line of `10kgnad-test.jsonl` (no texts).
const OWN_NEWS_GOLD: &str = "tests/data/figures-10kgnad.jsonl";

pub fn run(args: &[String]) -> Result<(), String> {
    if args.first().map(String::as_str) == Some("speed") {
        let rounds = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(5);
        let limit = args
            .get(2)
            .and_then(|r| r.parse().ok())
            .unwrap_or(usize::MAX);
        return speed(rounds, limit);
    }
    if args.first().map(String::as_str) == Some("dump") {
        return dump(
            args.get(1)
                .map_or("target/figures-dump.jsonl", String::as_str),
        );
    }
    let verbose = args.iter().any(|a| a == "--errors");
    let only: Vec<&str> = args
        .iter()
        .filter(|a| !a.starts_with("--"))
        .map(String::as_str)
        .collect();
    let annotator = Annotator::new();
    for set in SETS {
        if !only.is_empty() && !only.iter().any(|o| set.starts_with(o)) {
            continue;
        }
        let (gold, gold_path) = match load_set(set) {
            Ok(loaded) => loaded,
            Err(reason) => {
                println!("skipping {set}: {reason}");
                continue;
            }
        };
        let mut predictions = HashMap::new();
        let mut lines = String::new();
        for case in &gold {
            let id = case["id"].as_str().unwrap_or_default().to_string();
            let text = case["text"].as_str().unwrap_or_default();
            let reference = case["ref_time"].as_str().or(case["ref_date"].as_str());
            let options = reference
                .and_then(|r| Options::with_ref_date(r).ok())
                .unwrap_or_default();
            let found = annotator
                .annotate(text, &options)
                .into_offsets(text, OffsetUnit::CodePoints);
            let figures = serde_json::to_value(&found.figures).map_err(|e| e.to_string())?;
            let line = json!({"id": id, "figures": figures});
            lines.push_str(&line.to_string());
            lines.push('\n');
            predictions.insert(id, figures);
        }
        let out_dir = paths::root().join("target");
        fs::create_dir_all(&out_dir).map_err(|e| e.to_string())?;
        let pred_path = out_dir.join(format!("figures-pred-{set}.jsonl"));
        fs::write(&pred_path, lines).map_err(|e| e.to_string())?;

        let counts = score(&gold, &predictions, verbose);
        println!("\n== {set} ({} cases)", gold.len());
        print_table(&counts);
        for (name, parity) in [("even", 0), ("odd", 1)] {
            let half: Vec<Value> = gold.iter().skip(parity).step_by(2).cloned().collect();
            let (_, _, f) = prf(total(&score(&half, &predictions, false), "value"));
            println!("{name} half ({} cases): span+value F1 {f:.3}", half.len());
        }
        let scorer = paths::shared_file("tools/score_figures.py")?;
        let command = format!(
            "python3 {} {} {}",
            scorer.display(),
            gold_path.display(),
            pred_path.display()
        );
        println!("\nreference scorer: {command}");
        match Command::new("python3")
            .arg(&scorer)
            .arg(&gold_path)
            .arg(&pred_path)
            .output()
        {
            Ok(output) if output.status.success() => {
                print!("{}", String::from_utf8_lossy(&output.stdout));
            }
            Ok(output) => println!(
                "(scorer failed: {})",
                String::from_utf8_lossy(&output.stderr)
            ),
            Err(e) => println!("(python3 not available: {e})"),
        }
    }
    Ok(())
}

/// `cargo xtask eval figures speed`: MB/s of the figures stage alone over the news articles
/// (each article prepared once, then the figures pass timed), and of the whole `annotate`.
fn speed(rounds: usize, limit: usize) -> Result<(), String> {
    use std::time::Instant;
    use textmarker::stages;
    let path = paths::shared_file("data/articles/10kgnad-test.jsonl")?;
    let texts: Vec<String> = fs::read_to_string(&path)
        .map_err(|e| e.to_string())?
        .lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .filter_map(|record| record["text"].as_str().map(str::to_string))
        .take(limit)
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let annotator = Annotator::new();
    let options = Options::with_ref_date("2025-10-28").map_err(|e| e.to_string())?;
    let prepared: Vec<_> = texts
        .iter()
        .map(|t| stages::prepare(&annotator, t))
        .collect();
    let mut found = 0;
    let mut best = f64::MAX;
    for _ in 0..rounds {
        let started = Instant::now();
        for p in &prepared {
            found += stages::figures(&annotator, p, &options);
        }
        best = best.min(started.elapsed().as_secs_f64());
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "figures stage: {:.1} MB/s ({mb:.2} MB, {} texts, best of {rounds}: {:.1} ms, {} figures)",
        mb / best,
        texts.len(),
        best * 1e3,
        found / rounds.max(1)
    );
    if limit != usize::MAX {
        return Ok(());
    }
    let started = Instant::now();
    for t in &texts {
        std::hint::black_box(annotator.annotate(t, &options));
    }
    let whole = started.elapsed().as_secs_f64();
    println!(
        "whole annotate: {:.1} MB/s ({:.1} ms); figures share {:.0}%",
        mb / whole,
        whole * 1e3,
        100.0 * best / whole
    );
    Ok(())
}

/// `cargo xtask eval figures dump [FILE]`: the figures of every news article as JSON lines,
/// to diff the output of two versions (a refactoring must not change it).
fn dump(out: &str) -> Result<(), String> {
    let path = paths::shared_file("data/articles/10kgnad-test.jsonl")?;
    let annotator = Annotator::new();
    let options = Options::with_ref_date("2025-10-28").map_err(|e| e.to_string())?;
    let mut lines = String::new();
    for line in fs::read_to_string(&path)
        .map_err(|e| e.to_string())?
        .lines()
    {
        let Ok(record) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        let text = record["text"].as_str().unwrap_or_default();
        let found = annotator.annotate(text, &options);
        let figures = serde_json::to_value(&found.figures).map_err(|e| e.to_string())?;
        lines.push_str(&json!({"id": record["id"], "figures": figures}).to_string());
        lines.push('\n');
    }
    fs::write(paths::root().join(out), lines).map_err(|e| e.to_string())?;
    println!("wrote {out}");
    Ok(())
}

/// The gold cases of one set, with their texts, and a gold file the Python scorer can read.
fn load_set(set: &str) -> Result<(Vec<Value>, PathBuf), String> {
    if set != "10kgnad" {
        let path = paths::shared_file(&format!("data/figures/{set}.jsonl"))?;
        return Ok((load(&path)?, path));
    }
    let articles = paths::shared_file("data/articles/10kgnad-test.jsonl")?;
    let articles = fs::read_to_string(&articles).map_err(|e| e.to_string())?;
    let articles: Vec<&str> = articles.lines().collect();
    let mut gold = load(&paths::root().join(OWN_NEWS_GOLD))?;
    let mut lines = String::new();
    for case in &mut gold {
        let line = case["line"].as_u64().unwrap_or(u64::MAX);
        let record: Value = articles
            .get(line as usize)
            .and_then(|l| serde_json::from_str(l).ok())
            .ok_or(format!("{OWN_NEWS_GOLD}: no article on line {line}"))?;
        let text = record["text"].as_str().unwrap_or_default();
        if sha256_hex(text.as_bytes()) != case["sha256"].as_str().unwrap_or_default() {
            return Err(format!(
                "line {line} of 10kgnad-test.jsonl is not the text that was annotated"
            ));
        }
        case["text"] = Value::from(text);
        lines.push_str(&case.to_string());
        lines.push('\n');
    }
    // The scorer reads texts from the gold file; this copy stays in target/, never in git.
    let path = paths::root()
        .join("target")
        .join("figures-gold-10kgnad.jsonl");
    fs::create_dir_all(paths::root().join("target")).map_err(|e| e.to_string())?;
    fs::write(&path, lines).map_err(|e| e.to_string())?;
    Ok((gold, path))
}

fn load(path: &Path) -> Result<Vec<Value>, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).map_err(|e| format!("{}: {e}", path.display())))
        .collect()
}

/// Counts (tp, fp, fn) per level and kind.
type Counts = HashMap<(&'static str, &'static str), [usize; 3]>;

fn kind_of(span: &Value) -> Option<&'static str> {
    let kind = span["kind"].as_str()?;
    KINDS.iter().copied().find(|k| *k == kind)
}

fn span_of(span: &Value) -> (i64, i64) {
    (
        span["start"].as_i64().unwrap_or(-1),
        span["end"].as_i64().unwrap_or(-1),
    )
}

fn score(gold: &[Value], predictions: &HashMap<String, Value>, verbose: bool) -> Counts {
    let mut counts: Counts = HashMap::new();
    let mut add = |level: &'static str, kind: &'static str, slot: usize| {
        counts.entry((level, kind)).or_insert([0; 3])[slot] += 1;
    };
    for case in gold {
        let id = case["id"].as_str().unwrap_or_default();
        let scope: Vec<&str> = match case["scope"].as_array() {
            Some(s) if !s.is_empty() => s.iter().filter_map(Value::as_str).collect(),
            _ => KINDS.to_vec(),
        };
        let gold_list = case
            .get("spans")
            .or_else(|| case.get("figures"))
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let gold_spans: Vec<&Value> = gold_list
            .iter()
            .filter(|s| kind_of(s).is_some_and(|k| scope.contains(&k)))
            .collect();
        let predicted: Vec<Value> = predictions
            .get(id)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let predicted: Vec<&Value> = predicted
            .iter()
            .filter(|s| kind_of(s).is_some_and(|k| scope.contains(&k)))
            .collect();
        // Overlap: greedy one-to-one, same kind.
        let mut taken = HashSet::new();
        for p in &predicted {
            let kind = kind_of(p).unwrap_or("number");
            let (ps, pe) = span_of(p);
            let hit = gold_spans.iter().enumerate().position(|(i, g)| {
                let (gs, ge) = span_of(g);
                !taken.contains(&i) && kind_of(g) == Some(kind) && gs < pe && ps < ge
            });
            match hit {
                Some(i) => {
                    taken.insert(i);
                    add("overlap", kind, 0);
                }
                None => add("overlap", kind, 1),
            }
        }
        for (i, g) in gold_spans.iter().enumerate() {
            if !taken.contains(&i) {
                add("overlap", kind_of(g).unwrap_or("number"), 2);
            }
        }
        // Exact span, then value.
        let mut keyed: Vec<((i64, i64, &str), &Value)> = Vec::new();
        for g in &gold_spans {
            let (s, e) = span_of(g);
            let key = (s, e, kind_of(g).unwrap_or("number"));
            if !keyed.iter().any(|(k, _)| *k == key) {
                keyed.push((key, g));
            }
        }
        let mut used = HashSet::new();
        let text = case["text"].as_str().unwrap_or_default();
        for p in &predicted {
            let kind = kind_of(p).unwrap_or("number");
            let (s, e) = span_of(p);
            let key = (s, e, kind);
            match keyed.iter().find(|(k, _)| *k == key) {
                Some((_, g)) if !used.contains(&key) => {
                    used.insert(key);
                    add("span", kind, 0);
                    if !g["value"].is_null() {
                        let mut values = vec![g["value"].clone()];
                        if let Some(alts) = g["alt_values"].as_array() {
                            values.extend(alts.iter().cloned());
                        }
                        if values.iter().any(|v| value_match(kind, v, &p["value"])) {
                            add("value", kind, 0);
                        } else {
                            add("value", kind, 1);
                            add("value", kind, 2);
                            if verbose {
                                println!(
                                    "VALUE {id} {kind} {:?}: gold {} pred {}",
                                    p["text"], g["value"], p["value"]
                                );
                            }
                        }
                    }
                }
                _ => {
                    add("span", kind, 1);
                    add("value", kind, 1);
                    if verbose {
                        println!(
                            "FP    {id} {kind} {:?} = {}   | {}",
                            p["text"],
                            p["value"],
                            excerpt(text, s, e)
                        );
                    }
                }
            }
        }
        for (key, g) in &keyed {
            if !used.contains(key) {
                add("span", key.2, 2);
                if !g["value"].is_null() {
                    add("value", key.2, 2);
                }
                if verbose {
                    let (s, e) = (key.0, key.1);
                    println!(
                        "FN    {id} {} {:?} = {}   | {}",
                        key.2,
                        slice(text, s, e),
                        g["value"],
                        excerpt(text, s, e)
                    );
                }
            }
        }
    }
    counts
}

fn slice(text: &str, start: i64, end: i64) -> String {
    text.chars()
        .skip(start.max(0) as usize)
        .take((end - start).max(0) as usize)
        .collect()
}

fn excerpt(text: &str, start: i64, end: i64) -> String {
    let before = slice(text, (start - 30).max(0), start);
    let after = slice(text, end, end + 30);
    format!("{before}[{}]{after}", slice(text, start, end)).replace('\n', " ")
}

fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        Value::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
        _ => None,
    }
}

fn num_eq(a: &Value, b: &Value) -> bool {
    match (number(a), number(b)) {
        (Some(a), Some(b)) => (a - b).abs() <= f64::max(1e-6 * f64::max(a.abs(), b.abs()), 1e-9),
        _ => false,
    }
}

fn norm_unit(u: &Value) -> Option<String> {
    match u {
        Value::Null => None,
        Value::String(s) => Some(s.trim().to_lowercase().replace(' ', "")),
        other => Some(other.to_string().to_lowercase().replace(' ', "")),
    }
}

fn dict_match(g: &Value, p: &Value) -> bool {
    let (Some(g), Some(p)) = (g.as_object(), p.as_object()) else {
        return false;
    };
    let unit =
        |m: &serde_json::Map<String, Value>| norm_unit(m.get("unit").unwrap_or(&Value::Null));
    if unit(g) != unit(p) {
        return false;
    }
    ["amount", "min", "max"].iter().all(|k| {
        if !g.contains_key(*k) && !p.contains_key(*k) {
            return true;
        }
        let gv = g.get(*k).unwrap_or(&Value::Null);
        let pv = p.get(*k).unwrap_or(&Value::Null);
        if !gv.is_null() {
            num_eq(gv, pv)
        } else {
            pv.is_null()
        }
    })
}

/// One ISO-ish point, normalised as the Python scorer does.
fn norm_dt(s: &str) -> String {
    let mut s = s.trim().replace(' ', "T");
    let clockish = s.contains('T')
        || (s.len() >= 3
            && s.as_bytes()[..2].iter().all(u8::is_ascii_digit)
            && s.as_bytes()[2] == b':');
    if clockish {
        if s.ends_with('Z') {
            s.pop();
        } else {
            // [+-]HH:?MM at the end
            let b = s.as_bytes();
            let n = b.len();
            let zone = |len: usize| -> bool {
                n > len
                    && matches!(b[n - len], b'+' | b'-')
                    && b[n - len + 1..].iter().enumerate().all(|(i, c)| {
                        if len == 6 && i == 2 {
                            *c == b':'
                        } else {
                            c.is_ascii_digit()
                        }
                    })
            };
            if zone(6) {
                s.truncate(n - 6);
            } else if zone(5) {
                s.truncate(n - 5);
            }
        }
    }
    // fractional seconds
    if let Some(dot) = s.rfind('.') {
        if dot + 1 < s.len() && s[dot + 1..].bytes().all(|b| b.is_ascii_digit()) {
            s.truncate(dot);
        }
    }
    // 'T14' -> 'T14:00'
    let b = s.as_bytes();
    if b.len() >= 3 && b[b.len() - 3] == b'T' && b[b.len() - 2..].iter().all(u8::is_ascii_digit) {
        s.push_str(":00");
    }
    // drop ':00' seconds: (T?\d\d:\d\d):00$
    let b = s.as_bytes();
    let n = b.len();
    if n >= 8
        && &s[n - 3..] == ":00"
        && b[n - 4].is_ascii_digit()
        && b[n - 5].is_ascii_digit()
        && b[n - 6] == b':'
        && b[n - 7].is_ascii_digit()
        && b[n - 8].is_ascii_digit()
    {
        s.truncate(n - 3);
    }
    s
}

fn dt_point_match(g: &str, p: &str) -> bool {
    let (g, p) = (norm_dt(g), norm_dt(p));
    if g == p {
        return true;
    }
    let gb = g.as_bytes();
    if gb.len() >= 5
        && gb[..2].iter().all(u8::is_ascii_digit)
        && gb[2] == b':'
        && gb[3..5].iter().all(u8::is_ascii_digit)
    {
        return p.rsplit('T').next() == Some(g.as_str());
    }
    g.len() >= 4
        && p.starts_with(&g)
        && (p.len() == g.len() || matches!(p.as_bytes()[g.len()], b'-' | b'T' | b':'))
}

fn as_interval(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(m) => {
            let end = |k: &str| match m.get(k) {
                Some(Value::String(s)) if !s.is_empty() => s.clone(),
                Some(Value::Null) | None => "..".to_string(),
                Some(other) => other.to_string(),
            };
            Some(format!("{}/{}", end("min"), end("max")))
        }
        _ => None,
    }
}

fn dt_match(g: &Value, p: &Value) -> bool {
    let (Some(g), Some(p)) = (as_interval(g), as_interval(p)) else {
        return false;
    };
    let gp: Vec<&str> = g.split('/').collect();
    let pp: Vec<&str> = p.split('/').collect();
    gp.len() == pp.len()
        && gp.iter().zip(&pp).all(|(a, b)| {
            (*a == ".." && *b == "..") || (*a != ".." && *b != ".." && dt_point_match(a, b))
        })
}

fn without_seconds(v: &Value) -> Value {
    match v {
        Value::Object(m) => {
            let mut m = m.clone();
            m.remove("seconds");
            Value::Object(m)
        }
        other => other.clone(),
    }
}

fn value_match(kind: &str, g: &Value, p: &Value) -> bool {
    match kind {
        "number" | "ordinal" | "percent" => {
            if g.is_object() || p.is_object() {
                dict_match(g, p)
            } else {
                num_eq(g, p)
            }
        }
        "money" | "quantity" => dict_match(g, p),
        "duration" => {
            let gs = g.get("seconds").filter(|v| !v.is_null());
            let ps = p.get("seconds").filter(|v| !v.is_null());
            if let (Some(a), Some(b)) = (gs, ps) {
                return num_eq(a, b);
            }
            dict_match(&without_seconds(g), &without_seconds(p))
        }
        "date" | "time" => dt_match(g, p),
        _ => g == p,
    }
}

/// One level's counts summed over the kinds.
fn total(counts: &Counts, level: &str) -> [usize; 3] {
    let mut sum = [0; 3];
    for ((l, _), c) in counts {
        if *l == level {
            for (s, c) in sum.iter_mut().zip(c) {
                *s += c;
            }
        }
    }
    sum
}

fn prf([tp, fp, fn_]: [usize; 3]) -> (f64, f64, f64) {
    let s = scores(tp, tp + fp, tp + fn_);
    (s.precision, s.recall, s.f1)
}

fn print_table(counts: &Counts) {
    println!(
        "{:<11} | {:<33} | {:<33} | span+value P     R     F1 (tp/fp/fn)",
        "kind", "overlap P     R     F1 (tp/fp/fn)", "span P     R     F1 (tp/fp/fn)",
    );
    let cell = |c: Option<[usize; 3]>| match c {
        Some(c) if c.iter().sum::<usize>() > 0 => {
            let (p, r, f) = prf(c);
            format!("{p:6.3} {r:6.3} {f:6.3} ({}/{}/{})", c[0], c[1], c[2])
        }
        _ => "-".to_string(),
    };
    let mut totals: HashMap<&str, [usize; 3]> = HashMap::new();
    for kind in KINDS {
        let row: Vec<Option<[usize; 3]>> = ["overlap", "span", "value"]
            .iter()
            .map(|level| counts.get(&(*level, kind)).copied())
            .collect();
        for (level, c) in ["overlap", "span", "value"].iter().zip(&row) {
            if let Some(c) = c {
                let t = totals.entry(level).or_insert([0; 3]);
                for i in 0..3 {
                    t[i] += c[i];
                }
            }
        }
        if row
            .iter()
            .all(|c| c.is_none_or(|c| c.iter().sum::<usize>() == 0))
        {
            continue;
        }
        println!(
            "{kind:<11} | {:<33} | {:<33} | {}",
            cell(row[0]),
            cell(row[1]),
            cell(row[2])
        );
    }
    println!(
        "{:<11} | {:<33} | {:<33} | {}",
        "ALL(micro)",
        cell(totals.get("overlap").copied()),
        cell(totals.get("span").copied()),
        cell(totals.get("value").copied())
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_like_the_python_scorer() {
        assert_eq!(norm_dt("2013-02-12T04:30:00-02:00"), "2013-02-12T04:30");
        assert_eq!(norm_dt("17:00:00"), "17:00");
        assert_eq!(norm_dt("2016-11-07T00:05:00"), "2016-11-07T00:05");
        assert!(dt_point_match("17:00:00", "2016-11-07T17:00"));
        assert!(dt_point_match("2013-07", "2013-07-01"));
        assert!(!dt_point_match("2013-07", "2013-08"));
        assert!(dt_match(
            &json!({"min": "2017-01", "max": "2017-07"}),
            &json!({"min": "2017-01", "max": "2017-07"})
        ));
    }
}
