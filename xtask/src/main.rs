//! Project tasks: `cargo xtask <task>`. Tools live here, outside the library, so the core
//! stays small: generators, training, evaluation, benchmarks, the web build and the tests.

mod bench;
mod clusters;
mod dist;
mod figures_eval;
mod imports;
mod lexicon;
mod ner;
mod paths;
mod quotes_eval;
mod quotes_train;
mod run;
mod same_output;
mod scoring;
mod spark;
mod speech;
mod testing;
mod unicode;
mod web;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <task>

tasks:
  build              build the WebAssembly module into www/pkg (installs wasm-bindgen-cli if needed)
  serve [--port N]   build, then serve www/ on http://127.0.0.1:8080
  test [--only ID,…] [--no-browser] [--no-fuzz] [--no-spark]
                     install what the tests need, then run every test suite (or those named)
  test spark         only the Spark example against the CLI (installs Java and pyspark)
  dist               build the npm package into pkg/
  gen [--cluster-words N]   regenerate src/generated/ from ../shared/data (lexicons, clusters)
                     and the marks table's rules in www/css/marks.css
  train ner          train the entity model into model/
  train quotes [--cv] [--redewiedergabe]
                     train the speaker ranker into src/generated/quote_weights.rs
  eval ner|figures|quotes   score on the dev data in ../shared
  bench [--browser]  run the benchmarks and print the summary table
  same-output [REV]  the CLI of REV (default main) and of the work tree must write byte-identical
                     results for the 1,028 articles of ../shared/data/articles/10kgnad-test.jsonl
  screenshots        regenerate docs/screenshot-{light,dark}.png of the page";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let task = args.first().map(String::as_str).unwrap_or("");
    let rest = if args.is_empty() { &[][..] } else { &args[1..] };
    let result: Result<(), String> = match task {
        "gen" => gen(rest),
        "train" => train(rest),
        "eval" => eval(rest),
        "build" => web::build(rest),
        "serve" => web::serve(rest),
        "test" => testing::test(rest),
        // One suite of `test`, run by it as a child with the output going to a log.
        "__test-step" => testing::step(rest),
        "bench" => bench::bench(rest),
        "same-output" => same_output::same_output(rest),
        "dist" => dist::dist(rest),
        "screenshots" => web::screenshots(rest),
        "" | "help" | "-h" | "--help" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown task {other:?}\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Regenerates every committed table under `src/generated/`.
fn gen(args: &[String]) -> Result<(), String> {
    let mut cluster_words = clusters::DEFAULT_WORDS;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--cluster-words" => {
                cluster_words = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .ok_or("--cluster-words needs a number")?
            }
            other => return Err(format!("gen: unknown option {other:?}")),
        }
    }
    marks_css()?;
    speech::generate()?;
    lexicon::generate()?;
    clusters::generate(cluster_words)?;
    unicode::generate()?;
    Ok(())
}

/// Rewrites the generated part of `www/css/marks.css` from the marks table (`src/kinds.rs`).
fn marks_css() -> Result<(), String> {
    let path = paths::root().join("www/css/marks.css");
    let read = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let written = textmarker::__private::with_marks_css(&read).ok_or_else(|| {
        format!(
            "{}: the generated part's markers are missing",
            path.display()
        )
    })?;
    if written != read {
        std::fs::write(&path, written).map_err(|e| format!("{}: {e}", path.display()))?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

fn train(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("ner") => ner::train(&args[1..]),
        Some("quotes") => quotes_train::train(&args[1..]),
        other => Err(format!(
            "usage: cargo xtask train ner|quotes (got {other:?})"
        )),
    }
}

fn eval(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("quotes") => quotes_eval::run(&args[1..]),
        Some("figures") => figures_eval::run(&args[1..]),
        Some("ner") => ner::eval(&args[1..]),
        other => Err(format!(
            "usage: cargo xtask eval ner|figures|quotes (got {other:?})"
        )),
    }
}
