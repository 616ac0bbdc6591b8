//! Where lines come from and where results go: files or standard input, gzip-compressed or
//! not (recognised by content, so `zcat`-free pipelines and misnamed files work too), and
//! stdout or a file (`.gz` compresses).

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use flate2::read::MultiGzDecoder;
use flate2::write::GzEncoder;
use flate2::Compression;
use indicatif::ProgressBar;

/// The first two bytes of every gzip member.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Small enough that progress, counted as bytes are read, stays close to the lines written.
const READ_BUFFER: usize = 64 * 1024;

/// One input opened for reading, before any line is read.
pub(crate) struct Input {
    /// How messages name it: the path as given, or `None` for standard input.
    pub(crate) name: Option<String>,
    reader: Box<dyn Read>,
    /// Its size in bytes when it is a regular file (as stored, so compressed for `.gz`).
    pub(crate) size: Option<u64>,
}

impl Input {
    /// Opens `path`, or standard input for `-`.
    pub(crate) fn open(path: &Path) -> io::Result<Input> {
        if path == Path::new("-") {
            return Ok(Input::stdin());
        }
        let file = File::open(path).map_err(|e| with_path(path, e))?;
        let size = regular_file_size(&file);
        Ok(Input {
            name: Some(path.display().to_string()),
            reader: Box::new(file),
            size,
        })
    }

    pub(crate) fn stdin() -> Input {
        Input {
            name: None,
            size: stdin_size(),
            reader: Box::new(io::stdin()),
        }
    }

    /// The line reader, decompressing when the content is gzip; every byte taken from the
    /// underlying file or pipe advances `progress`.
    pub(crate) fn into_lines(self, progress: ProgressBar) -> io::Result<Lines> {
        let Input { name, reader, .. } = self;
        let counted = Counted {
            inner: reader,
            progress,
        };
        let mut raw = BufReader::with_capacity(READ_BUFFER, counted);
        let is_gzip = raw
            .fill_buf()
            .map_err(|e| located(name.as_deref(), 1, e))?
            .starts_with(&GZIP_MAGIC);
        let reader: Box<dyn BufRead> = if is_gzip {
            Box::new(BufReader::with_capacity(
                READ_BUFFER,
                MultiGzDecoder::new(raw),
            ))
        } else {
            Box::new(raw)
        };
        Ok(Lines {
            name,
            reader,
            line_number: 0,
        })
    }
}

fn regular_file_size(file: &File) -> Option<u64> {
    let metadata = file.metadata().ok()?;
    metadata.is_file().then_some(metadata.len())
}

/// The size of standard input when it is a redirected regular file (`< archive.jsonl`).
#[cfg(unix)]
fn stdin_size() -> Option<u64> {
    use std::os::fd::AsFd;
    let fd = io::stdin().as_fd().try_clone_to_owned().ok()?;
    regular_file_size(&File::from(fd))
}

#[cfg(not(unix))]
fn stdin_size() -> Option<u64> {
    None
}

pub(crate) fn with_path(path: &Path, e: io::Error) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}

/// An input that cannot be read to its end: the error inside the `io::Error` of a run, so
/// that the run can tell it from an output error and go on with the next input.
#[derive(Debug)]
pub(crate) struct Unreadable(String);

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unreadable {}

impl Unreadable {
    pub(crate) fn is_cause_of(e: &io::Error) -> bool {
        e.get_ref().is_some_and(|inner| inner.is::<Unreadable>())
    }
}

/// An input error that names the input and the line reached, for a user to find the spot.
fn located(name: Option<&str>, line: usize, e: io::Error) -> io::Error {
    let name = name.unwrap_or("standard input");
    io::Error::new(
        e.kind(),
        Unreadable(format!(
            "{name}: line {line}: cannot read further ({e}); every line before it was answered"
        )),
    )
}

/// Counts the bytes read from the file or pipe itself (before decompression), so progress
/// and its ETA are measured against the size on disk.
struct Counted<R> {
    inner: R,
    progress: ProgressBar,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n > 0 {
            crate::progress::start(&self.progress);
            self.progress.inc(n as u64);
        }
        Ok(n)
    }
}

/// The non-blank lines of one input, each with its line number (counting blank lines).
pub(crate) struct Lines {
    pub(crate) name: Option<String>,
    reader: Box<dyn BufRead>,
    /// Lines read so far, blank ones included.
    pub(crate) line_number: usize,
}

impl Lines {
    #[cfg(test)]
    pub(crate) fn from_reader(name: Option<&str>, reader: impl BufRead + 'static) -> Lines {
        Lines {
            name: name.map(str::to_string),
            reader: Box::new(reader),
            line_number: 0,
        }
    }

    /// The next non-blank line and its number, `None` at the end, or an error that names the
    /// input and the line that could not be read (a truncated `.gz`, a failing disk).
    pub(crate) fn next_line(&mut self) -> io::Result<Option<(usize, Vec<u8>)>> {
        loop {
            let mut line = Vec::new();
            match self.reader.read_until(b'\n', &mut line) {
                Ok(0) => return Ok(None),
                Ok(_) => {}
                Err(e) => {
                    return Err(located(self.name.as_deref(), self.line_number + 1, e));
                }
            }
            self.line_number += 1;
            if !line.iter().all(u8::is_ascii_whitespace) {
                return Ok(Some((self.line_number, line)));
            }
        }
    }
}

/// Where results go: standard output (flushed whenever the writer waits, so a consumer sees
/// results as they come) or a file, gzip-compressed when its name ends in `.gz`.
pub(crate) enum Output {
    Stdout(BufWriter<io::StdoutLock<'static>>),
    File(BufWriter<File>),
    // Boxed: the encoder's state is several times the size of the other writers.
    Gzip(Box<GzEncoder<BufWriter<File>>>),
    #[cfg(test)]
    Memory(Vec<u8>),
}

impl Output {
    pub(crate) fn create(path: Option<&PathBuf>) -> io::Result<Output> {
        let Some(path) = path else {
            return Ok(Output::Stdout(BufWriter::new(io::stdout().lock())));
        };
        let file = BufWriter::new(File::create(path).map_err(|e| with_path(path, e))?);
        if path.extension().is_some_and(|ext| ext == "gz") {
            Ok(Output::Gzip(Box::new(GzEncoder::new(
                file,
                Compression::default(),
            ))))
        } else {
            Ok(Output::File(file))
        }
    }

    /// Called when no finished result is waiting: pushes what is written to a live reader.
    pub(crate) fn idle(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout(out) => out.flush(),
            _ => Ok(()),
        }
    }

    /// Flushes everything and ends the gzip stream, so what was written is readable even when
    /// the run stops on an input error.
    pub(crate) fn finish(self) -> io::Result<()> {
        match self {
            Output::Stdout(mut out) => out.flush(),
            Output::File(mut out) => out.flush(),
            Output::Gzip(out) => (*out).finish()?.flush(),
            #[cfg(test)]
            Output::Memory(_) => Ok(()),
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Output::Stdout(out) => out.write(buf),
            Output::File(out) => out.write(buf),
            Output::Gzip(out) => out.write(buf),
            #[cfg(test)]
            Output::Memory(out) => out.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout(out) => out.flush(),
            Output::File(out) => out.flush(),
            Output::Gzip(out) => out.flush(),
            #[cfg(test)]
            Output::Memory(out) => out.flush(),
        }
    }
}
