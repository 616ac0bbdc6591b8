//! Project tasks: `cargo xtask <task>`. Tools live here, outside the library, so the core
//! stays small: generators, training, evaluation, benchmarks, the web build and the tests.

mod bench;
mod dist;
mod figures_eval;
mod lexicon;
mod ner;
mod paths;
mod quotes_eval;
mod run;
mod spark;
mod speech;
mod testing;
mod web;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <task>

tasks:
  build              build the WebAssembly module into www/pkg (installs wasm-bindgen-cli if needed)
  serve [--port N]   build, then serve www/ on http://127.0.0.1:8080
  test               install what the tests need, then run every test suite
  test spark         only the Spark example against the CLI (installs Java and pyspark);
                     `test --no-spark` runs every suite but that one
  dist               build the npm package into pkg/
  gen                regenerate src/generated/ from ../shared/data/lexicon
  train ner          train the entity model into model/
  eval ner|figures|quotes   score on the dev data in ../shared
  bench [--browser]  run the benchmarks and print the summary table
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
        "bench" => bench::bench(rest),
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
fn gen(_args: &[String]) -> Result<(), String> {
    speech::generate()?;
    lexicon::generate()?;
    Ok(())
}

fn train(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("ner") => ner::train(&args[1..]),
        other => Err(format!("usage: cargo xtask train ner (got {other:?})")),
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
