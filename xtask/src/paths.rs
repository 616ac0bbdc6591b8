//! Where things are: the repository root and the shared data beside it.

use std::path::{Path, PathBuf};

/// The repository root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the repository")
        .to_path_buf()
}

/// `../shared` beside the repository, when present.
pub fn shared() -> Option<PathBuf> {
    let shared = root().join("..").join("shared");
    shared
        .is_dir()
        .then(|| shared.canonicalize().unwrap_or(shared))
}

/// `../shared/<relative>`, or an error that says why it is missing.
pub fn shared_file(relative: &str) -> Result<PathBuf, String> {
    let shared =
        shared().ok_or("../shared is missing: the data lives there, beside the repository")?;
    let path = shared.join(relative);
    if path.exists() {
        Ok(path)
    } else {
        Err(format!("{} is missing", path.display()))
    }
}
