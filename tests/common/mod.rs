//! Shared by the integration tests that read data from ../shared (third-party text, read at
//! run time and never copied into the repository).

use std::path::Path;

/// The file at `relative` under ../shared, or `None` where it is absent, after printing the
/// line `cargo xtask test` counts as a skip ("skipped: ../shared absent …").
pub fn read_shared(relative: &str) -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(relative);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) => {
            println!(
                "skipped: ../shared absent ({} not readable: {e})",
                path.display()
            );
            None
        }
    }
}

/// The seed article (../shared/seed), or `None` with a skip line.
#[allow(dead_code)] // each test crate uses what it needs of this module
pub fn seed_article() -> Option<String> {
    read_shared("seed/article-2025-10-28.txt")
}
