//! `annotate --jsonl`: one result line per input line, in input order, with per-line errors.
//!
//! With more than one job, lines are annotated on a rayon pool while this thread reads ahead
//! and writes results back in order. At most a window of lines is in flight (read but not yet
//! written), so memory follows the window, not the input. One job runs the plain loop; both
//! answer each line with the same function and write through the same [`Sink`], and a property
//! test holds their output equal byte for byte.

use std::collections::VecDeque;
use std::io::{self, Write};
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc;
use std::thread;

use indicatif::ProgressBar;
use serde::Serialize;
use serde_json::Value;
use textmarker::{Annotations, Annotator, OffsetUnit, Options};

use crate::inputs::{Lines, Output};
use crate::progress;

/// The options for one text: the core's rule (the given reference date, else the text's own
/// dateline).
pub(crate) fn options_for(text: &str, ref_date: Option<&str>) -> Result<Options, String> {
    Options::for_text(text, ref_date).map_err(|e| e.to_string())
}

/// How many lines may be in flight, read but not yet written.
#[derive(Clone, Copy)]
pub(crate) struct Window {
    pub(crate) lines: usize,
    /// Input bytes in flight; one line is always admitted, however long.
    pub(crate) bytes: usize,
}

impl Window {
    /// Enough lines per job that a long article at the head does not starve the pool, and a
    /// byte cap so that long texts cannot add up: memory stays in the tens of MB.
    pub(crate) fn for_jobs(jobs: usize) -> Window {
        Window {
            lines: 64 * jobs,
            bytes: 32 << 20,
        }
    }
}

/// One line's answer: its output line (newline included) and, when it failed, why.
pub(crate) struct Answer {
    json: Vec<u8>,
    error: Option<String>,
}

/// One result line: the input's id first, then the annotations.
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

pub(crate) fn answer(annotator: &Annotator, line: &[u8], unit: OffsetUnit) -> Answer {
    let (json, error) = match annotate_record(annotator, line, unit) {
        Ok((id, annotations)) => (
            serde_json::to_vec(&ResultLine {
                id: &id,
                annotations: &annotations,
            }),
            None,
        ),
        Err((id, message)) => (
            serde_json::to_vec(&ErrorLine {
                id: &id,
                error: &message,
            }),
            Some(message),
        ),
    };
    // Serialising values that came from JSON cannot fail; should it, the line still answers.
    let mut json = json.unwrap_or_else(|e| {
        serde_json::json!({"id": null, "error": format!("cannot write the result: {e}")})
            .to_string()
            .into_bytes()
    });
    json.push(b'\n');
    Answer { json, error }
}

fn annotate_record(
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

/// Writes answers in order, names failed lines on stderr, and keeps the tally.
pub(crate) struct Sink<'a> {
    pub(crate) out: &'a mut Output,
    /// Where failed lines are named: stderr, or a buffer in tests.
    pub(crate) messages: &'a mut dyn Write,
    pub(crate) progress: ProgressBar,
    pub(crate) written: usize,
    pub(crate) failures: usize,
}

impl Sink<'_> {
    fn put(&mut self, input: Option<&str>, line_number: usize, answer: &Answer) -> io::Result<()> {
        if let Some(message) = &answer.error {
            self.failures += 1;
            let messages = &mut *self.messages;
            self.progress.suspend(|| match input {
                Some(name) => writeln!(
                    messages,
                    "textmarker: {name}: line {line_number}: {message}"
                ),
                None => writeln!(messages, "textmarker: line {line_number}: {message}"),
            })?;
        }
        self.out.write_all(&answer.json)?;
        self.written += 1;
        Ok(())
    }

    /// Nothing more is ready to write: let a live reader see what was.
    fn idle(&mut self) -> io::Result<()> {
        progress::show_counts(&self.progress, self.written, self.failures);
        self.out.idle()
    }
}

/// Answers every line of `lines` into `sink`, on this thread.
pub(crate) fn run_sequential(
    annotator: &Annotator,
    unit: OffsetUnit,
    lines: &mut Lines,
    sink: &mut Sink,
) -> io::Result<()> {
    while let Some((line_number, line)) = lines.next_line()? {
        let answer = answer(annotator, &line, unit);
        sink.put(lines.name.as_deref(), line_number, &answer)?;
        sink.idle()?;
    }
    Ok(())
}

/// A line in flight: its number and size, and its answer once a worker has sent it.
struct InFlight {
    line_number: usize,
    bytes: usize,
    answer: Option<Answer>,
}

/// Answers every line of `lines` into `sink` on `pool`, in input order. An input error stops
/// the reading; the lines before it are still written, then the error is returned.
pub(crate) fn run_parallel(
    pool: &rayon::ThreadPool,
    window: Window,
    annotator: &Annotator,
    unit: OffsetUnit,
    lines: &mut Lines,
    sink: &mut Sink,
) -> io::Result<()> {
    let (done, finished) = mpsc::channel::<(usize, thread::Result<Answer>)>();
    // `in_place_scope` keeps this thread out of the pool: it reads and writes while all
    // `jobs` workers annotate. The scope waits for every spawned line before it returns.
    pool.in_place_scope(|scope| {
        // The lines in flight, oldest first; `first` is the sequence number of the front.
        let mut in_flight: VecDeque<InFlight> = VecDeque::new();
        let mut first = 0usize;
        let mut bytes_in_flight = 0usize;
        let mut input_error = None;
        let mut reading = true;
        loop {
            while reading
                && in_flight.len() < window.lines
                && (in_flight.is_empty() || bytes_in_flight < window.bytes)
            {
                match lines.next_line() {
                    Ok(Some((line_number, line))) => {
                        let sequence = first + in_flight.len();
                        in_flight.push_back(InFlight {
                            line_number,
                            bytes: line.len(),
                            answer: None,
                        });
                        bytes_in_flight += line.len();
                        let done = done.clone();
                        scope.spawn(move |_| {
                            // A panic is sent on, not left to hang the writer waiting for it.
                            let answer = panic::catch_unwind(AssertUnwindSafe(|| {
                                answer(annotator, &line, unit)
                            }));
                            // The receiver only goes away when writing failed; nothing to do then.
                            let _ = done.send((sequence, answer));
                        });
                    }
                    Ok(None) => reading = false,
                    Err(e) => {
                        input_error = Some(e);
                        reading = false;
                    }
                }
            }
            if in_flight.is_empty() {
                break;
            }
            let (sequence, answer) = finished
                .recv()
                .expect("every line in flight has a sender until it answers");
            // A bug, not bad input: end the run as the sequential loop would.
            let answer = answer.unwrap_or_else(|payload| panic::resume_unwind(payload));
            in_flight[sequence - first].answer = Some(answer);
            while in_flight.front().is_some_and(|line| line.answer.is_some()) {
                let line = in_flight.pop_front().expect("the front exists");
                first += 1;
                bytes_in_flight -= line.bytes;
                let answer = line.answer.expect("the front has its answer");
                sink.put(lines.name.as_deref(), line.line_number, &answer)?;
            }
            sink.idle()?;
        }
        input_error.map_or(Ok(()), Err)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use std::io::{BufReader, Cursor, Read};
    use std::sync::OnceLock;

    use proptest::prelude::*;

    fn annotator() -> &'static Annotator {
        static ANNOTATOR: OnceLock<Annotator> = OnceLock::new();
        ANNOTATOR.get_or_init(Annotator::new)
    }

    /// A reader that fails after `limit` bytes, as a truncated `.gz` does.
    struct FailsAfter {
        data: Cursor<Vec<u8>>,
        limit: u64,
    }

    impl Read for FailsAfter {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let left = self.limit.saturating_sub(self.data.position());
            if left == 0 {
                return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "cut short"));
            }
            let n = buf.len().min(left as usize);
            self.data.read(&mut buf[..n])
        }
    }

    /// Everything a run shows: results, stderr messages, the tally and the final error.
    #[derive(Debug, PartialEq)]
    struct Run {
        output: String,
        messages: String,
        written: usize,
        failures: usize,
        error: Option<String>,
    }

    fn run(input: &[u8], fail_after: Option<u64>, jobs: Option<(usize, Window)>) -> Run {
        let reader = FailsAfter {
            data: Cursor::new(input.to_vec()),
            limit: fail_after.unwrap_or(u64::MAX),
        };
        // A tiny buffer, so that errors land in the middle of lines too.
        let mut lines = Lines::from_reader(Some("in.jsonl"), BufReader::with_capacity(7, reader));
        let mut out = Output::Memory(Vec::new());
        let mut messages = Vec::new();
        let mut sink = Sink {
            out: &mut out,
            messages: &mut messages,
            progress: ProgressBar::hidden(),
            written: 0,
            failures: 0,
        };
        let unit = OffsetUnit::CodePoints;
        let result = match jobs {
            None => run_sequential(annotator(), unit, &mut lines, &mut sink),
            Some((jobs, window)) => {
                let pool = rayon::ThreadPoolBuilder::new()
                    .num_threads(jobs)
                    .build()
                    .unwrap();
                run_parallel(&pool, window, annotator(), unit, &mut lines, &mut sink)
            }
        };
        let (written, failures) = (sink.written, sink.failures);
        let Output::Memory(output) = out else {
            unreachable!("the test writes to memory")
        };
        Run {
            output: String::from_utf8(output).unwrap(),
            messages: String::from_utf8(messages).unwrap(),
            written,
            failures,
            error: result.err().map(|e| e.to_string()),
        }
    }

    const FRAGMENTS: &[&str] = &[
        "„Wir sind Verbündete“, sagte Trump am Dienstag in Tokio.",
        "Über 60.000 Soldaten bleiben, 472,51 Mrd. Euro, 15 Prozent.",
        "Die Gewerkschaft GPA-djp sieht Handlungsbedarf in Wien. 😀",
        "Köln",
        "",
        "\"x\" \u{200d} \u{5d0}",
    ];

    /// Input lines of every kind the contract names: good records, bad JSON, a non-string
    /// text, bad and good reference dates, ids of any type or none, blank lines.
    fn any_line() -> impl Strategy<Value = String> {
        let id = prop_oneof![
            Just(None),
            Just(Some(Value::Null)),
            any::<i32>().prop_map(|n| Some(Value::from(n))),
            "[a-z]{0,4}".prop_map(|s| Some(Value::from(s))),
        ];
        let text = proptest::collection::vec(proptest::sample::select(FRAGMENTS), 0..4)
            .prop_map(|parts| parts.join(" "));
        let ref_date = proptest::sample::select(vec![
            None,
            Some("2025-10-28"),
            Some("gestern"),
            Some("2025-10-28T14:00:00+01:00"),
        ]);
        let record = (id, text, ref_date).prop_map(|(id, text, ref_date)| {
            let mut record = serde_json::Map::new();
            if let Some(id) = id {
                record.insert("id".into(), id);
            }
            record.insert("text".into(), Value::from(text));
            if let Some(date) = ref_date {
                record.insert("ref_date".into(), Value::from(date));
            }
            Value::Object(record).to_string()
        });
        prop_oneof![
            6 => record,
            1 => Just("{not json".to_string()),
            1 => Just(r#"{"id": 7, "text": 12}"#.to_string()),
            1 => Just("[1, 2]".to_string()),
            1 => Just("  ".to_string()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        fn parallel_output_equals_sequential_byte_for_byte(
            lines in proptest::collection::vec(any_line(), 0..24),
            jobs in 2usize..5,
            window_lines in 1usize..6,
            window_bytes in prop_oneof![Just(1usize), Just(200), Just(1 << 20)],
            cut in proptest::option::of(0u64..4000),
        ) {
            let input = lines.join("\n");
            let window = Window { lines: window_lines, bytes: window_bytes };
            let sequential = run(input.as_bytes(), cut, None);
            let parallel = run(input.as_bytes(), cut, Some((jobs, window)));
            prop_assert_eq!(parallel, sequential);
        }
    }

    #[test]
    fn an_input_error_names_the_line_reached_after_writing_the_lines_before() {
        let input =
            "{\"id\": 1, \"text\": \"Köln\"}\n\n{\"id\": 2, \"text\": \"Bonn\"}\n{\"id\": 3";
        let input = input.as_bytes();
        let cut = input.len() as u64 - 3;
        for jobs in [None, Some((2, Window::for_jobs(2)))] {
            let run = run(input, Some(cut), jobs);
            assert_eq!(run.written, 2);
            assert_eq!(run.output.lines().count(), 2);
            let error = run.error.expect("the cut is an error");
            assert!(error.starts_with("in.jsonl: line 4: "), "{error}");
        }
    }
}
