//! The command-line facade: one text to JSON or HTML, or a JSONL stream for archives.
//! The JSONL contract is documented in the README; other tools depend on it.

use std::fs;
use std::io::{self, Read, Write};
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::inputs::{with_path, Input, Output, Unreadable};
use crate::jsonl::{self, options_for, Sink, Window};
use crate::progress;

use clap::{Parser, Subcommand};
use textmarker::{html_document, Annotator, OffsetUnit};

#[derive(Parser)]
#[command(
    name = "textmarker",
    version,
    about = "Marks up German news text: entities, figures and quotations."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Annotate one text (FILE, or standard input) or, with --jsonl, a stream of texts.
    Annotate(AnnotateArgs),
}

#[derive(clap::Args)]
struct AnnotateArgs {
    /// The text to annotate, or with --jsonl the JSONL files (`.gz` too), read in turn;
    /// standard input when absent or `-`.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Read lines {"id", "text", "ref_date"?}; write one result line each, in input order.
    #[arg(long, conflicts_with = "html")]
    jsonl: bool,
    /// Write the result to FILE instead of standard output; `.gz` compresses it.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// With --jsonl: how many lines to annotate at once. Default: one per core.
    #[arg(long, short, value_name = "N")]
    jobs: Option<NonZeroUsize>,
    /// With --jsonl: no progress line (it is only ever drawn when stderr is a terminal).
    #[arg(long, short)]
    quiet: bool,
    /// Write one self-contained HTML page with the highlights.
    #[arg(long)]
    html: bool,
    /// The unit of offsets in the output.
    #[arg(long, value_parser = ["codepoints", "utf16", "bytes"], default_value = "codepoints")]
    offsets: String,
    /// The article's publication date (ISO 8601 date or date-time). Default: a dateline at the
    /// start of the text, if any.
    #[arg(long, value_name = "DATE")]
    ref_date: Option<String>,
    /// A newsroom's own names, `name<TAB>label` per line (PER, LOC, ORG, OTH …); they take
    /// priority over the model.
    #[arg(long, value_name = "FILE")]
    names: Option<PathBuf>,
    /// Pretty-print the JSON of a single text.
    #[arg(long)]
    pretty: bool,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let Command::Annotate(args) = cli.command;
    let result = if args.jsonl {
        annotate_stream(&args)
    } else {
        annotate_one(&args)
    };
    match result {
        Ok(code) => code,
        // A reader that stopped reading (`| head`) is not an error worth a message.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("textmarker: {e}");
            ExitCode::FAILURE
        }
    }
}

fn offset_unit(args: &AnnotateArgs) -> OffsetUnit {
    OffsetUnit::parse(&args.offsets).unwrap_or(OffsetUnit::CodePoints)
}

/// The annotator, with the custom names of `--names` when given.
fn build_annotator(args: &AnnotateArgs) -> io::Result<Annotator> {
    let Some(path) = &args.names else {
        return Ok(Annotator::new());
    };
    let tsv = fs::read_to_string(path).map_err(|e| with_path(path, e))?;
    Annotator::new()
        .with_names(&tsv)
        .map_err(|e| invalid_data(format!("{}: {e}", path.display())))
}

fn invalid_data(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message)
}

fn annotate_one(args: &AnnotateArgs) -> io::Result<ExitCode> {
    let bytes = match args.files.as_slice() {
        [] => read_stdin()?,
        [path] if path.as_os_str() == "-" => read_stdin()?,
        [path] => fs::read(path).map_err(|e| with_path(path, e))?,
        _ => {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "one text at a time: give several files with --jsonl",
            ))
        }
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        invalid_data(format!(
            "input is not UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    let options = options_for(&text, args.ref_date.as_deref()).map_err(invalid_data)?;
    let annotator = build_annotator(args)?;
    let annotations = annotator
        .try_annotate(&text, &options)
        .map_err(|e| invalid_data(e.to_string()))?;

    let mut out = Output::create(args.output.as_ref())?;
    if args.html {
        let page = html_document(&text, &annotations, options.ref_date);
        out.write_all(page.as_bytes())?;
    } else {
        let annotations = annotations.into_offsets(&text, offset_unit(args));
        if args.pretty {
            serde_json::to_writer_pretty(&mut out, &annotations)?;
        } else {
            serde_json::to_writer(&mut out, &annotations)?;
        }
        out.write_all(b"\n")?;
    }
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

fn read_stdin() -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    io::stdin().lock().read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Answers every non-blank line of every input, in order; a bad line gets an error record and
/// does not stop the others. An input that cannot be read to its end (a truncated `.gz`) is
/// named with the line reached, after the lines before it are written, and the run goes on
/// with the next input; the exit code then says that not everything was read.
fn annotate_stream(args: &AnnotateArgs) -> io::Result<ExitCode> {
    let annotator = build_annotator(args)?;
    let unit = offset_unit(args);
    // Every input is opened first, so a mistyped path fails before hours of work.
    let inputs = if args.files.is_empty() {
        vec![Input::stdin()]
    } else {
        args.files
            .iter()
            .map(|path| Input::open(path))
            .collect::<io::Result<Vec<_>>>()?
    };
    let total_bytes = inputs.iter().map(|input| input.size).sum::<Option<u64>>();
    let jobs = args
        .jobs
        .or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, NonZeroUsize::get);
    let pool = if jobs > 1 {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .thread_name(|i| format!("textmarker-{i}"))
            .build()
            .map_err(io::Error::other)?;
        Some(pool)
    } else {
        None
    };

    let bar = progress::bar(total_bytes, args.quiet);
    let mut out = Output::create(args.output.as_ref())?;
    let mut stderr = io::stderr();
    let mut sink = Sink {
        out: &mut out,
        messages: &mut stderr,
        progress: bar.clone(),
        written: 0,
        failures: 0,
    };
    let mut lines_read = 0;
    let mut unreadable = Vec::new();
    let mut output_error = None;
    let count = inputs.len();
    for (index, input) in inputs.into_iter().enumerate() {
        let name = input.name.clone();
        let read = input.into_lines(bar.clone()).and_then(|mut lines| {
            let result = match &pool {
                Some(pool) => jsonl::run_parallel(
                    pool,
                    Window::for_jobs(jobs),
                    &annotator,
                    unit,
                    &mut lines,
                    &mut sink,
                ),
                None => jsonl::run_sequential(&annotator, unit, &mut lines, &mut sink),
            };
            lines_read += lines.line_number;
            result
        });
        match read {
            Ok(()) => {}
            Err(e) if Unreadable::is_cause_of(&e) => {
                let next = if index + 1 < count {
                    "; going on with the next input"
                } else {
                    ""
                };
                bar.suspend(|| eprintln!("textmarker: {e}{next}"));
                unreadable.push(name.unwrap_or_else(|| "standard input".to_string()));
            }
            // Results cannot be written: nothing after this can be either.
            Err(e) => {
                output_error = Some(e);
                break;
            }
        }
    }
    let (written, failures) = (sink.written, sink.failures);
    progress::finish(&bar, written, failures);
    // What was written stays readable (a `.gz` is ended properly) even when writing failed.
    let finished = out.finish();
    if let Some(e) = output_error {
        return Err(e);
    }
    finished?;
    if !unreadable.is_empty() {
        eprintln!("textmarker: not read to the end: {}", unreadable.join(", "));
    }
    if failures > 0 {
        eprintln!("textmarker: {failures} of {lines_read} lines failed");
    }
    if failures > 0 || !unreadable.is_empty() {
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}
