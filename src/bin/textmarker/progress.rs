//! The progress line of `--jsonl` on a terminal: lines, MB, MB/s, errors, and an ETA when the
//! input's size is known. Hidden when stderr is not a terminal or with `--quiet`, so logs and
//! pipes never see it; it is drawn on stderr only, never mixed into the results.

use std::io::{self, IsTerminal};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Redraws per second: enough to look alive, too few to cost anything.
const REFRESH_HZ: u8 = 4;

pub(crate) fn bar(total_bytes: Option<u64>, quiet: bool) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let template = if total_bytes.is_some() {
        "{msg}, {decimal_bytes}/{decimal_total_bytes}, {decimal_bytes_per_sec}, ETA {eta}"
    } else {
        "{msg}, {decimal_bytes}, {decimal_bytes_per_sec}"
    };
    let style = ProgressStyle::with_template(template).expect("the template is valid");
    // Not drawn yet: an ETA before the first read would be a guess (see `start`).
    ProgressBar::with_draw_target(total_bytes, ProgressDrawTarget::stderr_with_hz(REFRESH_HZ))
        .with_style(style)
}

/// Draws the line from the first bytes read on; later calls do nothing.
pub(crate) fn start(bar: &ProgressBar) {
    if bar.is_hidden() || !bar.message().is_empty() {
        return;
    }
    show_counts(bar, 0, 0);
    bar.enable_steady_tick(Duration::from_millis(1000 / u64::from(REFRESH_HZ)));
}

/// The counts in front of the byte figures: results written so far and how many failed.
pub(crate) fn show_counts(bar: &ProgressBar, lines: usize, errors: usize) {
    if bar.is_hidden() {
        return;
    }
    bar.set_message(format!(
        "{}, {}",
        counted(lines, "line", "lines"),
        counted(errors, "error", "errors")
    ));
}

fn counted(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Leaves the final counts on screen and ends the line, so what follows starts on its own.
pub(crate) fn finish(bar: &ProgressBar, lines: usize, errors: usize) {
    // Nothing was read, so nothing was drawn: leave the terminal as it is.
    if bar.is_hidden() || bar.message().is_empty() {
        return;
    }
    show_counts(bar, lines, errors);
    bar.finish();
    eprintln!();
}
