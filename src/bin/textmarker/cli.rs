//! The command-line facade: one text to JSON or HTML, or a JSONL stream for archives.
//! The JSONL contract is documented in the README; other tools depend on it.

use std::fs;
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use serde::Serialize;
use serde_json::Value;
use textmarker::{find_dateline, html_document, Annotations, Annotator, OffsetUnit, Options};

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
    /// The text to annotate; standard input when absent.
    file: Option<PathBuf>,
    /// Read lines {"id", "text", "ref_date"?} on standard input; write one result line each.
    #[arg(long, conflicts_with_all = ["html", "file"])]
    jsonl: bool,
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

/// One result line of `--jsonl`: the input's id first, then the annotations.
#[derive(Serialize)]
struct ResultLine<'a> {
    id: &'a Value,
    #[serde(flatten)]
    annotations: &'a Annotations,
}

#[derive(Serialize)]
struct ErrorLine<'a> {
    id: &'a Value,
    error: &'a str,
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

fn options_for(text: &str, ref_date: Option<&str>) -> Result<Options, String> {
    match ref_date {
        Some(iso) => Options::with_ref_date(iso).map_err(|e| e.to_string()),
        None => Ok(Options {
            ref_date: find_dateline(text),
            ..Options::default()
        }),
    }
}

/// The annotator, with the custom names of `--names` when given.
fn build_annotator(args: &AnnotateArgs) -> io::Result<Annotator> {
    let Some(path) = &args.names else {
        return Ok(Annotator::new());
    };
    let tsv = fs::read_to_string(path)
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
    Annotator::new()
        .with_names(&tsv)
        .map_err(|e| invalid_data(format!("{}: {e}", path.display())))
}

fn invalid_data(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message)
}

fn annotate_one(args: &AnnotateArgs) -> io::Result<ExitCode> {
    let bytes = match &args.file {
        Some(path) => fs::read(path)
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?,
        None => {
            let mut bytes = Vec::new();
            io::stdin().lock().read_to_end(&mut bytes)?;
            bytes
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

    let mut out = BufWriter::new(io::stdout().lock());
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
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Reads JSONL on stdin and answers every non-blank line, in order; a bad line gets an error
/// record and does not stop the others.
fn annotate_stream(args: &AnnotateArgs) -> io::Result<ExitCode> {
    let annotator = build_annotator(args)?;
    let unit = offset_unit(args);
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let mut out = BufWriter::new(io::stdout().lock());
    let mut line = Vec::new();
    let mut line_number = 0usize;
    let mut failures = 0usize;
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        line_number += 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match annotate_line(&annotator, &line, unit) {
            Ok((id, annotations)) => {
                serde_json::to_writer(
                    &mut out,
                    &ResultLine {
                        id: &id,
                        annotations: &annotations,
                    },
                )?;
            }
            Err((id, message)) => {
                failures += 1;
                eprintln!("textmarker: line {line_number}: {message}");
                serde_json::to_writer(
                    &mut out,
                    &ErrorLine {
                        id: &id,
                        error: &message,
                    },
                )?;
            }
        }
        out.write_all(b"\n")?;
        // Flush per line so a consumer sees results as they come.
        out.flush()?;
    }
    out.flush()?;
    if failures > 0 {
        eprintln!("textmarker: {failures} of {line_number} lines failed");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

fn annotate_line(
    annotator: &Annotator,
    line: &[u8],
    unit: OffsetUnit,
) -> Result<(Value, Annotations), (Value, String)> {
    let record: Value = serde_json::from_slice(line)
        .map_err(|e| (Value::Null, format!("not a JSON object: {e}")))?;
    let Value::Object(fields) = record else {
        return Err((Value::Null, "not a JSON object".to_string()));
    };
    let id = fields.get("id").cloned().unwrap_or(Value::Null);
    let text = match fields.get("text") {
        Some(Value::String(text)) => text,
        Some(_) => return Err((id, "\"text\" must be a string".to_string())),
        None => return Err((id, "missing \"text\"".to_string())),
    };
    let ref_date = match fields.get("ref_date") {
        None | Some(Value::Null) => None,
        Some(Value::String(date)) => Some(date.as_str()),
        Some(_) => return Err((id, "\"ref_date\" must be an ISO 8601 string".to_string())),
    };
    let options = options_for(text, ref_date).map_err(|e| (id.clone(), e))?;
    match annotator.try_annotate(text, &options) {
        Ok(annotations) => Ok((id, annotations.into_offsets(text, unit))),
        Err(e) => Err((id, e.to_string())),
    }
}
