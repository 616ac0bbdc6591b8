//! The crate's one error type. Its kind stays private so that variants can grow without
//! breaking callers; the message says what went wrong and what to do.

use std::fmt;

/// An error from building an [`Annotator`](crate::Annotator) or reading its inputs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum ErrorKind {
    InvalidDate(String),
    InputTooLarge { bytes: usize, max: usize },
    InvalidNames { line: usize, message: String },
}

impl Error {
    pub(crate) fn invalid_date(input: &str) -> Error {
        let mut shown: String = input.chars().take(40).collect();
        if shown.len() < input.len() {
            shown.push('…');
        }
        Error {
            kind: ErrorKind::InvalidDate(shown),
        }
    }

    pub(crate) fn input_too_large(bytes: usize, max: usize) -> Error {
        Error {
            kind: ErrorKind::InputTooLarge { bytes, max },
        }
    }

    pub(crate) fn invalid_names(line: usize, message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::InvalidNames {
                line,
                message: message.into(),
            },
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::InvalidDate(input) => {
                write!(f, "invalid reference date {input:?}: expected an ISO 8601 date such as 2025-10-28")
            }
            ErrorKind::InputTooLarge { bytes, max } => write!(
                f,
                "text too large: {bytes} bytes of UTF-8, the limit is {max} bytes ({} MiB); split it into parts",
                max / (1024 * 1024)
            ),
            ErrorKind::InvalidNames { line, message } => write!(f, "names list, line {line}: {message}"),
        }
    }
}

impl std::error::Error for Error {}
