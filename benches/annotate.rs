//! Criterion benchmarks of `annotate`, whole and per stage, on the seed article and on the
//! news texts in ../shared/data/articles (skipped with a message where absent).

// Criterion is a native dev-dependency; on wasm32 (clippy checks every target there) the
// benchmark is an empty program.
#![cfg_attr(target_arch = "wasm32", no_main)]
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::PathBuf;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use textmarker::stages;
use textmarker::{Annotator, Options};

fn shared(relative: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(relative);
    path.exists().then_some(path)
}

/// The seed article, and the first 200 news articles joined into one corpus.
fn texts() -> Vec<(&'static str, String)> {
    let mut texts = Vec::new();
    match shared("seed/article-2025-10-28.txt") {
        Some(path) => texts.push(("seed article", fs::read_to_string(path).unwrap_or_default())),
        None => eprintln!("skipping the seed article: ../shared/seed is missing"),
    }
    match shared("data/articles/10kgnad-test.jsonl") {
        Some(path) => {
            let corpus: Vec<String> = fs::read_to_string(path)
                .unwrap_or_default()
                .lines()
                .enumerate()
                // The blind figures set (every 34th line from line 9) is never annotated here.
                .filter(|(number, _)| *number < 9 || (number - 9) % 34 != 0 || *number > 995)
                .take(200)
                .filter_map(|(_, line)| serde_json::from_str::<serde_json::Value>(line).ok())
                .filter_map(|record| record["text"].as_str().map(str::to_string))
                .collect();
            texts.push(("200 news articles", corpus.join("\n\n")));
        }
        None => eprintln!("skipping the news articles: ../shared/data/articles is missing"),
    }
    texts
}

fn bench_annotate(c: &mut Criterion) {
    let annotator = Annotator::new();
    let options = Options::with_ref_date("2025-10-28").unwrap();
    for (name, text) in texts() {
        let mut group = c.benchmark_group(name);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.sample_size(20);
        group.bench_function("annotate", |b| {
            b.iter(|| annotator.annotate(black_box(&text), &options))
        });
        group.bench_function("tokenize", |b| {
            b.iter(|| stages::tokenize(black_box(&text)))
        });
        let prepared = stages::prepare(&annotator, &text);
        group.bench_function("entities", |b| {
            b.iter(|| stages::entities(&annotator, black_box(&prepared)))
        });
        group.bench_function("figures", |b| {
            b.iter(|| stages::figures(&annotator, black_box(&prepared), &options))
        });
        group.bench_function("quotes", |b| {
            b.iter(|| stages::quotes(&annotator, black_box(&prepared)))
        });
        group.finish();
    }
}

criterion_group!(benches, bench_annotate);
criterion_main!(benches);
