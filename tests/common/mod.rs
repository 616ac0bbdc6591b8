//! Shared by the integration tests that read the founding article.

use std::path::Path;

/// The seed article from ../shared/seed, read at run time (third-party text, never copied
/// into the repository); `None`, with a printed reason, where it is absent.
pub fn seed_article() -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/article-2025-10-28.txt");
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) => {
            println!(
                "skipped: {} not readable ({e}); the seed lives beside the repository",
                path.display()
            );
            None
        }
    }
}
