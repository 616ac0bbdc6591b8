//! Running the CLI from the integration tests that check its contract.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `textmarker ARGS` with `stdin` as its standard input and returns what it wrote.
pub fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_textmarker"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI starts");
    // Written from a thread: the CLI answers while it reads, and a full stdout pipe would
    // otherwise stop both sides. The child may exit before reading everything; that is its
    // business.
    let mut input = child.stdin.take().expect("stdin");
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let output = child.wait_with_output().expect("the CLI ends");
    writer.join().expect("the writer ends");
    output
}
