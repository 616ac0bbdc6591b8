//! `cargo xtask bench [--browser]`: one table of the numbers users feel, natively and (with
//! `--browser`) in headless Chromium. Criterion (`cargo bench`) has the per-stage detail.

use std::fs;
use std::time::Instant;

use serde_json::Value;
use textmarker::{Annotator, Options};

use crate::figures_eval;
use crate::paths;
use crate::run::Cmd;
use crate::web;

/// The seed article and the news articles, as (name, text).
fn articles() -> Result<Vec<String>, String> {
    let mut texts = Vec::new();
    if let Ok(seed) = paths::shared_file("seed/article-2025-10-28.txt") {
        texts.push(fs::read_to_string(seed).map_err(|e| e.to_string())?);
    }
    let corpus = paths::shared_file("data/articles/10kgnad-test.jsonl")?;
    // The blind figures set's lines stay out: nobody runs the annotator on them.
    for (number, line) in fs::read_to_string(corpus)
        .map_err(|e| e.to_string())?
        .lines()
        .enumerate()
    {
        if figures_eval::is_blind_line(number) {
            continue;
        }
        if let Ok(record) = serde_json::from_str::<Value>(line) {
            if let Some(text) = record["text"].as_str() {
                texts.push(text.to_string());
            }
        }
    }
    Ok(texts)
}

/// Articles joined with blank lines until the text reaches `bytes`.
pub fn text_of_size(articles: &[String], bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + 40_000);
    'fill: loop {
        for article in articles {
            if text.len() >= bytes {
                break 'fill;
            }
            text.push_str(article);
            text.push_str("\n\n");
        }
        if articles.is_empty() {
            break;
        }
    }
    let mut cut = bytes.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text.truncate(cut);
    text
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(0.0)
}

/// Seconds for one `annotate` of `text`, the median of `runs`.
fn time_annotate(annotator: &Annotator, text: &str, options: &Options, runs: usize) -> f64 {
    median(
        (0..runs)
            .map(|_| {
                let started = Instant::now();
                std::hint::black_box(annotator.annotate(text, options));
                started.elapsed().as_secs_f64()
            })
            .collect(),
    )
}

struct Row(&'static str, String);

pub fn bench(args: &[String]) -> Result<(), String> {
    let browser = args.iter().any(|a| a == "--browser");
    let articles = articles()?;
    let total_bytes: usize = articles.iter().map(String::len).sum();
    let options = Options::with_ref_date("2025-10-28").map_err(|e| e.to_string())?;

    let started = Instant::now();
    let annotator = Annotator::new();
    let start_ms = started.elapsed().as_secs_f64() * 1e3;

    // Warm up, then the whole corpus three times; per-article times from the last pass.
    for article in articles.iter().take(50) {
        annotator.annotate(article, &options);
    }
    let mut passes = Vec::new();
    let mut per_article = Vec::new();
    for pass in 0..3 {
        let started = Instant::now();
        for article in &articles {
            let one = Instant::now();
            std::hint::black_box(annotator.annotate(article, &options));
            if pass == 2 {
                per_article.push(one.elapsed().as_secs_f64() * 1e3);
            }
        }
        passes.push(started.elapsed().as_secs_f64());
    }
    let native_mb_s = total_bytes as f64 / 1e6 / median(passes);

    let sizes = [10_000usize, 100_000, 1_000_000, 10_000_000];
    let scaling: Vec<(usize, f64)> = sizes
        .iter()
        .map(|&size| {
            let text = text_of_size(&articles, size);
            let runs = if size >= 10_000_000 { 3 } else { 7 };
            (size, time_annotate(&annotator, &text, &options, runs) * 1e3)
        })
        .collect();

    let mut rows = vec![
        Row(
            "corpus",
            format!(
                "{} articles, {:.2} MB",
                articles.len(),
                total_bytes as f64 / 1e6
            ),
        ),
        Row("native throughput", format!("{native_mb_s:.1} MB/s")),
        Row(
            "native median per article",
            format!("{:.3} ms", median(per_article)),
        ),
        Row("native Annotator::new", format!("{start_ms:.1} ms")),
    ];
    for (size, ms) in &scaling {
        rows.push(Row(
            "native annotate",
            format!("{:>5} KB: {ms:.1} ms", size / 1000),
        ));
    }
    let growth = scaling[3].1 / scaling[2].1.max(1e-9);
    rows.push(Row(
        "native 1 MB → 10 MB growth",
        format!("{growth:.1}× (budget ≤ 12×)"),
    ));

    if browser {
        let report = browser_bench()?;
        let wasm_mb_s = report["throughput_mb_s"].as_f64().unwrap_or(0.0);
        rows.push(Row("wasm throughput", format!("{wasm_mb_s:.1} MB/s")));
        let scan_mb_s = report["js_regex_scan_mb_s"].as_f64().unwrap_or(0.0);
        rows.push(Row(
            "JS regex scan (same run)",
            format!(
                "{scan_mb_s:.1} MB/s; wasm / scan = {:.2}×",
                wasm_mb_s / scan_mb_s.max(1e-9)
            ),
        ));
        if let Some(stages) = report["stage_ms"].as_object() {
            let total = stages
                .iter()
                .filter(|(name, _)| !matches!(name.as_str(), "stages together" | "annotate"))
                .map(|(_, ms)| ms.as_f64().unwrap_or(0.0))
                .sum::<f64>()
                .max(1e-9);
            let shares: Vec<String> = stages
                .iter()
                .filter(|(name, _)| !matches!(name.as_str(), "stages together" | "annotate"))
                .map(|(name, ms)| {
                    let ms = ms.as_f64().unwrap_or(0.0);
                    format!("{name} {ms:.0} ms ({:.0} %)", 100.0 * ms / total)
                })
                .collect();
            rows.push(Row("wasm stages (corpus)", shares.join(", ")));
        }
        for (visit, name) in [
            ("first_visit", "page path, first visit"),
            ("second_visit", "page path, second visit"),
            ("third_visit", "page path, third visit"),
        ] {
            let v = &report["page_path"][visit];
            let at = |key: &str| v[key].as_f64().unwrap_or(f64::NAN);
            rows.push(Row(
                name,
                format!(
                    "first marks of a pasted 5,000-char article at {:.0} ms after navigation \
                     (worker started {:.0}, module compiled {:.0}, Annotator ready {:.0}, pasted {:.0})",
                    at("first_marks"),
                    at("worker_start"),
                    at("module_ready"),
                    at("annotator_ready"),
                    at("pasted")
                ),
            ));
        }
        rows.push(Row(
            "native / wasm",
            format!("{:.2}×", native_mb_s / wasm_mb_s.max(1e-9)),
        ));
        rows.push(Row(
            "wasm median per article",
            format!(
                "{:.3} ms",
                report["median_article_ms"].as_f64().unwrap_or(0.0)
            ),
        ));
        rows.push(Row(
            "wasm 5,000-char article",
            format!("{:.2} ms", report["article_5k_ms"].as_f64().unwrap_or(0.0)),
        ));
        rows.push(Row(
            "wasm module",
            format!(
                "{} KB raw, {} KB gzipped",
                report["wasm_bytes"].as_u64().unwrap_or(0) / 1024,
                report["wasm_gzip_bytes"].as_u64().unwrap_or(0) / 1024
            ),
        ));
        let ms = |key: &str| report[key].as_f64().unwrap_or(0.0);
        rows.push(Row(
            "cold start",
            format!(
                "{:.0} ms (medians: module ready {:.0}, Annotator::new {:.0}, first annotation {:.0})",
                ms("cold_start_ms"),
                ms("cold_start_module_ms"),
                ms("cold_start_annotator_ms"),
                ms("cold_start_first_ms")
            ),
        ));
        if let Some(scaling) = report["scaling"].as_array() {
            for point in scaling {
                rows.push(Row(
                    "wasm annotate",
                    format!(
                        "{:>5} KB: {:.1} ms",
                        point["bytes"].as_u64().unwrap_or(0) / 1000,
                        point["ms"].as_f64().unwrap_or(0.0)
                    ),
                ));
            }
        }
        rows.push(Row(
            "memory for 1 MB",
            format!(
                "{:.1} MB wasm memory, {:.1} MB JS heap",
                report["wasm_memory_mb_1mb"].as_f64().unwrap_or(0.0),
                report["js_heap_mb_1mb"].as_f64().unwrap_or(0.0)
            ),
        ));
    }
    if let Ok(load) = fs::read_to_string("/proc/loadavg") {
        let load: Vec<&str> = load.split_whitespace().take(3).collect();
        rows.push(Row("load average (1, 5, 15 min)", load.join(", ")));
    }
    println!("| measure | value |\n|---|---|");
    for Row(name, value) in rows {
        println!("| {name} | {value} |");
    }
    Ok(())
}

/// Builds the module, runs `benches/browser.mjs` in headless Chromium and reads its JSON.
fn browser_bench() -> Result<Value, String> {
    let root = paths::root();
    web::build_into(&root.join("www").join("pkg"))?;
    let output = Cmd::new("node")
        .current_dir(&root)
        .arg("benches/browser.mjs")
        .output()
        .map_err(|e| format!("cannot run node: {e}"))?;
    eprint!("{}", String::from_utf8_lossy(&output.stderr));
    if !output.status.success() {
        return Err("benches/browser.mjs failed".into());
    }
    serde_json::from_slice(&output.stdout)
        .map_err(|e| format!("benches/browser.mjs printed no JSON: {e}"))
}
