//! Project tasks: `cargo xtask <task>`. Tools live here, outside the library, so the core
//! stays small: generators, training, evaluation, benchmarks, the web build and the tests.

mod paths;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <task>

tasks:
  build              build the WebAssembly module into www/pkg (installs wasm-bindgen-cli if needed)
  serve [--port N]   build, then serve www/ on http://127.0.0.1:8080
  test               install what the tests need, then run every test suite
  dist               build the npm package into pkg/
  gen                regenerate src/generated/ from ../shared/data/lexicon
  train ner          train the entity model into model/
  eval ner|figures|quotes   score on the dev data in ../shared
  bench [--browser]  run the benchmarks and print the summary table";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let task = args.first().map(String::as_str).unwrap_or("");
    let rest = if args.is_empty() { &[][..] } else { &args[1..] };
    let result: Result<(), String> = match task {
        "gen" => gen(rest),
        "train" | "eval" | "build" | "serve" | "test" | "dist" | "bench" => {
            Err(format!("task {task:?} is not available yet"))
        }
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

fn gen(_args: &[String]) -> Result<(), String> {
    Ok(())
}
