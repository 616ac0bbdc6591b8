//! `cargo xtask same-output [REV]`: the CLI built from REV (default `main`) and from the work
//! tree annotate the 1,028 articles of ../shared/data/articles/10kgnad-test.jsonl; their
//! outputs must be byte-identical. For changes meant to change no answer (speed work).

use std::path::Path;

use crate::paths;
use crate::run::{self, Cmd};

const CORPUS: &str = "data/articles/10kgnad-test.jsonl";

/// Builds the release CLI of the tree at `dir` into `target_dir`; returns the binary.
fn build_cli(dir: &Path, target_dir: &Path) -> Result<std::path::PathBuf, String> {
    run::status(
        Cmd::new("cargo")
            .args(["build", "--quiet", "--release", "--bin", "textmarker"])
            .current_dir(dir)
            .env("CARGO_TARGET_DIR", target_dir),
    )?;
    Ok(target_dir.join("release").join("textmarker"))
}

fn annotate(cli: &Path, corpus: &Path, out: &Path) -> Result<Vec<u8>, String> {
    run::status(
        Cmd::new(cli)
            .args(["annotate", "--jsonl", "--quiet", "--output"])
            .arg(out)
            .arg(corpus),
    )?;
    std::fs::read(out).map_err(|e| format!("{}: {e}", out.display()))
}

pub fn same_output(args: &[String]) -> Result<(), String> {
    let base = args.first().map(String::as_str).unwrap_or("main");
    let corpus = paths::shared_file(CORPUS)?;
    let root = paths::root();
    let work = root.join("target").join("same-output");
    let source = work.join("base-src");
    // The base tree from git, without touching the work tree or the repository's worktrees.
    let _ = std::fs::remove_dir_all(&source);
    std::fs::create_dir_all(&source).map_err(|e| format!("{}: {e}", source.display()))?;
    run::status(Cmd::new("sh").current_dir(&root).arg("-c").arg(format!(
        "git archive --format=tar {base} | tar -x -C '{}'",
        source.display()
    )))?;
    let base_cli = build_cli(&source, &work.join("base-target"))?;
    let our_cli = build_cli(&root, &root.join("target"))?;
    let before = annotate(&base_cli, &corpus, &work.join("base.jsonl"))?;
    let after = annotate(&our_cli, &corpus, &work.join("work-tree.jsonl"))?;
    let lines = |bytes: &[u8]| bytes.iter().filter(|&&b| b == b'\n').count();
    if before == after {
        println!(
            "same-output: identical ({} lines, {} bytes) from {base} and the work tree",
            lines(&after),
            after.len()
        );
        return Ok(());
    }
    let differing: Vec<usize> = before
        .split(|&b| b == b'\n')
        .zip(after.split(|&b| b == b'\n'))
        .enumerate()
        .filter(|(_, (a, b))| a != b)
        .map(|(k, _)| k + 1)
        .collect();
    Err(format!(
        "same-output: {} of {} lines differ from {base} (first: {:?}); see {}",
        differing.len(),
        lines(&before).max(lines(&after)),
        &differing[..differing.len().min(10)],
        work.display()
    ))
}
