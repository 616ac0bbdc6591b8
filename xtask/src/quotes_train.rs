//! `cargo xtask train quotes`: fits the speaker ranker (a conditional logit over each quote's
//! candidate speakers and a "none" option) on the fitting part of the honest split
//! (`quotes_eval::part_of`), and writes `src/generated/quote_weights.rs`.
//!
//! The examples are the quotes the annotator itself finds, matched to the gold by the eval's
//! rule (≥ 50 % overlap of the longer span, same kind); a candidate is right when it overlaps
//! a gold speaker span. Training is plain SGD in a fixed order with fixed epochs, averaged
//! over all steps: no randomness, so a retrain writes the same bytes.
//!
//! `--cv` cross-validates on the fitting part (5 folds by FNV-1a of the id), with and without
//! Redewiedergabe, and prints the accuracy and a precision/coverage table by confidence. The
//! check part is never read here.

use std::fmt::Write as _;

use serde_json::Value;
use textmarker::__private::{training_choices, TrainingChoice, QUOTE_TABLE_BITS};
use textmarker::QuoteKind;

use crate::lexicon::{sha256_hex, write_if_changed};
use crate::paths;
use crate::quotes_eval::{fnv1a64, gold_lines, part_of, Part};

const OUTPUT: &str = "src/generated/quote_weights.rs";
const INPUTS: &[&str] = &["data/quotes/dev.jsonl", "data/quotes/train.jsonl"];
const EPOCHS: usize = 12;
const LEARNING_RATE: f64 = 0.05;
const L2: f64 = 1e-5;
/// Weights are stored as signed bytes, steps of 1/SCALE_INVERSE (the fitted weights stay
/// within ±1, so ±127/128 loses nothing that matters and keeps the table at 8 KB).
const SCALE_INVERSE: f64 = 64.0;
const FOLDS: u64 = 5;

/// One training example: feature lists of "none" (index 0) and each candidate, and which
/// options are right.
struct Example {
    options: Vec<Vec<u32>>,
    right: Vec<bool>,
    kind: QuoteKind,
    /// Whether some candidate is right (else only "none" is).
    reachable: bool,
}

struct Doc {
    id: String,
    part: Part,
    examples: Vec<Example>,
}

type Span = (usize, usize);

fn span(v: &Value) -> Option<Span> {
    Some((
        v.get("start")?.as_u64()? as usize,
        v.get("end")?.as_u64()? as usize,
    ))
}

fn overlaps(a: Span, b: Span) -> bool {
    a.0.max(b.0) < a.1.min(b.1)
}

/// Builds the examples of one gold document (code-point offsets in the gold).
fn examples_of(doc: &Value) -> Vec<Example> {
    let text = doc["text"].as_str().unwrap_or("");
    // Byte offset → code-point offset.
    let mut char_at = vec![0usize; text.len() + 1];
    let mut count = 0;
    for (b, _) in text.char_indices() {
        char_at[b] = count;
        count += 1;
    }
    char_at[text.len()] = count;
    for b in (0..text.len()).rev() {
        if !text.is_char_boundary(b) {
            char_at[b] = char_at[b + 1];
        }
    }
    let chars = |(s, e): Span| (char_at[s], char_at[e]);
    let gold: Vec<(Span, &str, Vec<Span>)> = doc["quotes"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|q| {
                    let mut speakers: Vec<Span> = q
                        .get("speakers")
                        .and_then(Value::as_array)
                        .map(|s| s.iter().filter_map(span).collect())
                        .unwrap_or_default();
                    speakers.extend(q.get("speaker").and_then(span));
                    Some((span(q)?, q["kind"].as_str()?, speakers))
                })
                .collect()
        })
        .unwrap_or_default();
    let found: Vec<TrainingChoice> = training_choices(text);
    let mut used = vec![false; gold.len()];
    let mut out = Vec::new();
    for choice in found {
        let quote = chars(choice.quote);
        let kind = match choice.kind {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
        };
        let matched = gold
            .iter()
            .enumerate()
            .filter(|(g, (s, k, _))| {
                let o = quote.1.min(s.1).saturating_sub(quote.0.max(s.0));
                let longer = (quote.1 - quote.0).max(s.1 - s.0);
                !used[*g] && *k == kind && o > 0 && 2 * o >= longer
            })
            .max_by_key(|(_, (s, _, _))| quote.1.min(s.1).saturating_sub(quote.0.max(s.0)));
        let Some((g, (_, _, speakers))) = matched else {
            continue;
        };
        used[g] = true;
        let mut options = vec![choice.none];
        let mut right = vec![false];
        for (candidate, features) in choice.candidates {
            let c = chars(candidate);
            right.push(speakers.iter().any(|&s| overlaps(s, c)));
            options.push(features);
        }
        let reachable = right.iter().any(|&r| r);
        if !reachable && !speakers.is_empty() {
            // The right speaker is not among the candidates: "none" is the best answer.
            right[0] = true;
        } else if speakers.is_empty() {
            right[0] = true;
        }
        out.push(Example {
            options,
            right,
            kind: choice.kind,
            reachable: !speakers.is_empty(),
        });
    }
    out
}

fn load() -> Result<Vec<Doc>, String> {
    let lines = gold_lines()?;
    let mut docs = Vec::with_capacity(lines.len());
    for line in lines {
        let doc: Value = serde_json::from_str(&line).map_err(|e| format!("gold: {e}"))?;
        let id = doc["id"].as_str().unwrap_or("").to_string();
        let part = part_of(doc["source"].as_str().unwrap_or(""), &id);
        // The check part is not read for fitting.
        if part == Part::Check {
            continue;
        }
        docs.push(Doc {
            examples: examples_of(&doc),
            id,
            part,
        });
    }
    Ok(docs)
}

fn scores(weights: &[f64], example: &Example) -> Vec<f64> {
    example
        .options
        .iter()
        .map(|f| f.iter().map(|&i| weights[i as usize]).sum())
        .collect()
}

fn softmax(scores: &[f64]) -> Vec<f64> {
    let top = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let exp: Vec<f64> = scores.iter().map(|s| (s - top).exp()).collect();
    let total: f64 = exp.iter().sum();
    exp.into_iter().map(|e| e / total).collect()
}

/// SGD on −log P(right options), in the given order, fixed epochs; returns the average of the
/// weights over all steps.
fn fit(examples: &[&Example]) -> Vec<f64> {
    let setting = |name: &str, default: f64| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let epochs = setting("QT_EPOCHS", EPOCHS as f64) as usize;
    let learning_rate = setting("QT_RATE", LEARNING_RATE);
    let l2 = setting("QT_L2", L2);
    let decay = setting("QT_DECAY", 0.5);
    let size = 1usize << QUOTE_TABLE_BITS;
    let mut weights = vec![0.0f64; size];
    let mut sum = vec![0.0f64; size];
    // Lazy averaging: sum += w * steps since last touch.
    let mut touched = vec![0u64; size];
    let mut step = 0u64;
    for epoch in 0..epochs {
        let rate = learning_rate / (1.0 + epoch as f64 * decay);
        for example in examples {
            step += 1;
            let p = softmax(&scores(&weights, example));
            let right_mass: f64 = p
                .iter()
                .zip(&example.right)
                .filter(|(_, r)| **r)
                .map(|(p, _)| p)
                .sum();
            if right_mass <= 0.0 {
                continue;
            }
            for (k, features) in example.options.iter().enumerate() {
                // d(−log Σ_right p)/d score_k = p_k − [k right] p_k / right_mass.
                let target = if example.right[k] {
                    p[k] / right_mass
                } else {
                    0.0
                };
                let gradient = p[k] - target;
                if gradient.abs() < 1e-9 {
                    continue;
                }
                for &f in features {
                    let f = f as usize;
                    sum[f] += weights[f] * (step - touched[f]) as f64;
                    touched[f] = step;
                    weights[f] -= rate * (gradient + l2 * weights[f]);
                }
            }
        }
    }
    (0..size)
        .map(|f| (sum[f] + weights[f] * (step - touched[f]) as f64) / step.max(1) as f64)
        .collect()
}

/// The weights as the library reads them: rounded to signed bytes.
fn quantize(weights: &[f64]) -> Vec<i8> {
    weights
        .iter()
        .map(|w| (w * SCALE_INVERSE).round().clamp(-127.0, 127.0) as i8)
        .collect()
}

/// Outcome of one held-out quote: kind, whether the gold has a speaker, whether the top
/// candidate is right, and its probability.
struct Outcome {
    kind: QuoteKind,
    has_speaker: bool,
    right: bool,
    confidence: f64,
}

fn predict(weights: &[i8], example: &Example) -> Outcome {
    let w: Vec<f64> = weights
        .iter()
        .map(|&w| f64::from(w) / SCALE_INVERSE)
        .collect();
    let p = softmax(&scores(&w, example));
    let best = (1..p.len()).max_by(|&a, &b| p[a].total_cmp(&p[b]).then(b.cmp(&a)));
    Outcome {
        kind: example.kind,
        has_speaker: example.reachable,
        right: best.is_some_and(|b| example.right[b] && b > 0),
        confidence: best.map_or(0.0, |b| p[b]),
    }
}

/// Speaker accuracy (quotes with a gold speaker) and precision/coverage at thresholds.
fn report(outcomes: &[Outcome], label: &str) -> String {
    let mut out = String::new();
    for kind in [QuoteKind::Direct, QuoteKind::Indirect] {
        let of_kind: Vec<&Outcome> = outcomes
            .iter()
            .filter(|o| o.kind == kind && o.has_speaker)
            .collect();
        let n = of_kind.len().max(1) as f64;
        let right = of_kind.iter().filter(|o| o.right).count();
        let _ = writeln!(
            out,
            "{label} {kind:?}: speaker accuracy {:.3} ({right}/{})",
            right as f64 / n,
            of_kind.len()
        );
        out.push_str("  threshold  precision  coverage\n");
        for t in [
            0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9,
        ] {
            let shown: Vec<&&Outcome> = of_kind.iter().filter(|o| o.confidence >= t).collect();
            let ok = shown.iter().filter(|o| o.right).count();
            let _ = writeln!(
                out,
                "  {t:>9.2}  {:>9.3}  {:>8.3}",
                ok as f64 / shown.len().max(1) as f64,
                shown.len() as f64 / n
            );
        }
    }
    out
}

fn cross_validate(docs: &[Doc], with_redewiedergabe: bool) -> Vec<Outcome> {
    let mut outcomes = Vec::new();
    for fold in 0..FOLDS {
        let held_out = |d: &Doc| d.part == Part::Fitting && fnv1a64(&d.id) % FOLDS == fold;
        let train: Vec<&Example> = docs
            .iter()
            .filter(|d| !held_out(d))
            .filter(|d| with_redewiedergabe || d.part == Part::Fitting)
            .flat_map(|d| &d.examples)
            .collect();
        let weights = quantize(&fit(&train));
        for d in docs.iter().filter(|d| held_out(d)) {
            outcomes.extend(d.examples.iter().map(|e| predict(&weights, e)));
        }
    }
    outcomes
}

/// Options: `--cv` cross-validates and writes nothing; `--redewiedergabe` fits on it too.
pub fn train(args: &[String]) -> Result<(), String> {
    let started = std::time::Instant::now();
    let docs = load()?;
    let examples: usize = docs.iter().map(|d| d.examples.len()).sum();
    let options: usize = docs
        .iter()
        .flat_map(|d| &d.examples)
        .map(|e| e.options.len() - 1)
        .sum();
    println!(
        "{} documents, {examples} matched quotes, {:.1} candidates each ({:.1} s)",
        docs.len(),
        options as f64 / examples.max(1) as f64,
        started.elapsed().as_secs_f64()
    );
    if args.iter().any(|a| a == "--cv") {
        for with in [false, true] {
            let label = if with { "fitting+RW" } else { "fitting" };
            print!("{}", report(&cross_validate(&docs, with), label));
        }
        println!(
            "cross-validated in {:.1} s",
            started.elapsed().as_secs_f64()
        );
        return Ok(());
    }
    let with_redewiedergabe = args.iter().any(|a| a == "--redewiedergabe");
    let train: Vec<&Example> = docs
        .iter()
        .filter(|d| with_redewiedergabe || d.part == Part::Fitting)
        .flat_map(|d| &d.examples)
        .collect();
    let weights = quantize(&fit(&train));
    let mut out = String::new();
    let command = if with_redewiedergabe {
        "cargo xtask train quotes --redewiedergabe"
    } else {
        "cargo xtask train quotes"
    };
    let _ = writeln!(out, "// generated by `{command}` — do not edit");
    for input in INPUTS {
        let path = paths::shared_file(input)?;
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let _ = writeln!(out, "// {input} sha256 {}", sha256_hex(&bytes));
    }
    let _ = writeln!(
        out,
        "// the speaker ranker of src/quotes/ranker.rs: fitted on the Wikinews fitting part \
         (FNV-1a(id) % 3 != 0){}, {} quotes, {EPOCHS} epochs",
        if with_redewiedergabe {
            " and Redewiedergabe"
        } else {
            ""
        },
        train.len()
    );
    let _ = writeln!(
        out,
        "pub(crate) const TABLE_BITS: u32 = {QUOTE_TABLE_BITS};"
    );
    let _ = writeln!(
        out,
        "pub(super) const SCALE: f32 = 1.0 / {SCALE_INVERSE:.1};"
    );
    let _ = writeln!(
        out,
        "pub(super) const ABSTAIN_BELOW: f32 = {ABSTAIN_BELOW:?};"
    );
    let _ = writeln!(out, "#[rustfmt::skip]");
    let _ = write!(out, "pub(super) static WEIGHTS: [i8; 1 << TABLE_BITS] = [");
    for (i, w) in weights.iter().enumerate() {
        if i % 24 == 0 {
            out.push_str("\n    ");
        }
        let _ = write!(out, "{w},");
    }
    out.push_str("\n];\n");
    write_if_changed(&paths::root().join(OUTPUT), &out)?;
    println!(
        "wrote {OUTPUT} ({} non-zero weights) in {:.1} s",
        weights.iter().filter(|&&w| w != 0).count(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Below this probability the annotator names no speaker (chosen on the fitting part).
const ABSTAIN_BELOW: f32 = 0.05;
