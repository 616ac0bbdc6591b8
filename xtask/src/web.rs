//! The WebAssembly build and a small static server for `www/`.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

use crate::paths;
use crate::run::{self, Cmd};

const WASM_TARGET: &str = "wasm32-unknown-unknown";
const WASM_PROFILE: &str = "wasm-release";

/// The wasm-bindgen version that Cargo.lock pins: the CLI must match it exactly.
pub fn pinned_wasm_bindgen_version() -> Result<String, String> {
    let lock = fs::read_to_string(paths::root().join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(version.trim_end_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock pins no wasm-bindgen: run `cargo generate-lockfile`".into())
}

/// Installs the wasm32 target and the pinned wasm-bindgen-cli when they are missing.
pub fn ensure_toolchain() -> Result<(), String> {
    let installed =
        run::output(Cmd::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if !installed.lines().any(|l| l.trim() == WASM_TARGET) {
        run::status(Cmd::new("rustup").args(["target", "add", WASM_TARGET]))?;
    }
    let version = pinned_wasm_bindgen_version()?;
    let current = run::output(Cmd::new("wasm-bindgen").arg("--version")).unwrap_or_default();
    if current.split_whitespace().nth(1) != Some(version.as_str()) {
        eprintln!("xtask: installing wasm-bindgen-cli {version} (a few minutes on 2 cores)");
        // No --locked: the CLI's own lockfile pins a crate version the registry here lacks.
        run::status(Cmd::new("cargo").args([
            "install",
            "wasm-bindgen-cli",
            "--version",
            &version,
        ]))?;
    }
    Ok(())
}

pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| paths::root().join("target"))
}

/// Builds the module and writes the JS glue, `.wasm` and `.d.ts` into `out_dir`.
pub fn build_into(out_dir: &Path) -> Result<PathBuf, String> {
    ensure_toolchain()?;
    run::status(Cmd::new("cargo").current_dir(paths::root()).args([
        "build",
        "--lib",
        "--package",
        "textmarker",
        "--target",
        WASM_TARGET,
        "--profile",
        WASM_PROFILE,
    ]))?;
    let wasm = target_dir()
        .join(WASM_TARGET)
        .join(WASM_PROFILE)
        .join("textmarker.wasm");
    run::status(
        Cmd::new("wasm-bindgen")
            .arg("--target")
            .arg("web")
            .arg("--out-dir")
            .arg(out_dir)
            .arg(&wasm),
    )?;
    inline_snippets(out_dir)?;
    Ok(out_dir.join("textmarker_bg.wasm"))
}

/// wasm-bindgen writes each `inline_js` snippet to a module of its own that the glue imports:
/// one more request in a row before the module can even be fetched (15–80 ms of cold start on
/// a busy machine). Copies the snippets into the glue instead; leaves the glue as it is when a
/// snippet is not the plain `export function` kind.
fn inline_snippets(out_dir: &Path) -> Result<(), String> {
    let glue_path = out_dir.join("textmarker.js");
    let glue = fs::read_to_string(&glue_path).map_err(|e| format!("textmarker.js: {e}"))?;
    let Some(inlined) =
        with_snippets_inlined(&glue, |path| fs::read_to_string(out_dir.join(path)).ok())
    else {
        return Ok(());
    };
    fs::write(&glue_path, inlined).map_err(|e| format!("textmarker.js: {e}"))?;
    let snippets = out_dir.join("snippets");
    if snippets.is_dir() {
        fs::remove_dir_all(&snippets).map_err(|e| format!("{}: {e}", snippets.display()))?;
    }
    Ok(())
}

/// `glue` with every `import { f, g } from './snippets/…';` line replaced by the snippet's
/// source (its `export`s dropped); None when nothing is to be done or a snippet cannot be
/// inlined safely (it imports, re-exports or renames).
fn with_snippets_inlined(glue: &str, read: impl Fn(&str) -> Option<String>) -> Option<String> {
    let mut out = String::with_capacity(glue.len() + 4096);
    let mut any = false;
    for line in glue.split_inclusive('\n') {
        let Some(rest) = line.trim_end().strip_prefix("import {") else {
            out.push_str(line);
            continue;
        };
        let (names, path) = rest.split_once("} from '")?;
        let path = path.strip_suffix("';")?.strip_prefix("./")?;
        if !path.starts_with("snippets/") || names.contains(" as ") {
            return None;
        }
        let mut source = String::new();
        for code in read(path)?.lines() {
            let code = match code.strip_prefix("export ") {
                Some(declaration) if declaration.starts_with("function ") => declaration,
                Some(_) => return None,
                None => code,
            };
            if code.starts_with("import ") {
                return None;
            }
            source.push_str(code);
            source.push('\n');
        }
        let defines = |name: &str| source.contains(&format!("function {name}("));
        if !names.split(',').map(str::trim).all(defines) {
            return None;
        }
        out.push_str(&source);
        any = true;
    }
    any.then_some(out)
}

pub fn build(_args: &[String]) -> Result<(), String> {
    let wasm = build_into(&paths::root().join("www").join("pkg"))?;
    let size = fs::metadata(&wasm).map(|m| m.len()).unwrap_or(0);
    println!("built {} ({} KB)", wasm.display(), size / 1024);
    Ok(())
}

pub fn serve(args: &[String]) -> Result<(), String> {
    let port = match args {
        [] => 8080,
        [flag, port] if flag == "--port" => {
            port.parse().map_err(|_| format!("bad port {port:?}"))?
        }
        _ => return Err("usage: cargo xtask serve [--port N]".into()),
    };
    build(&[])?;
    let root = paths::root().join("www");
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    println!(
        "serving {} on http://127.0.0.1:{port}/ (Ctrl-C stops)",
        root.display()
    );
    for stream in listener.incoming().flatten() {
        let root = root.clone();
        std::thread::spawn(move || {
            let _ = respond(stream, &root);
        });
    }
    Ok(())
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ts" | "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// A strong validator: a hash of the file's bytes.
fn etag_of(body: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in body {
        hash = (hash ^ b as u64).wrapping_mul(0x100_0000_01b3);
    }
    format!("\"{hash:016x}-{:x}\"", body.len())
}

/// Serves one GET request from `root`; paths that leave `root` are refused.
fn respond(stream: TcpStream, root: &Path) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Read the headers; only If-None-Match matters.
    let mut header = String::new();
    let mut if_none_match = String::new();
    while reader.read_line(&mut header)? > 2 {
        if let Some((name, value)) = header.split_once(':') {
            if name.eq_ignore_ascii_case("if-none-match") {
                if_none_match = value.trim().to_string();
            }
        }
        header.clear();
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let relative = Path::new(path.trim_start_matches('/'));
    let safe = relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)));
    let mut file = root.join(relative);
    if file.is_dir() {
        file = file.join("index.html");
    }
    let mut stream = stream;
    match (method, safe, fs::read(&file)) {
        ("GET" | "HEAD", true, Ok(body)) if if_none_match == etag_of(&body) => write!(
            stream,
            "HTTP/1.1 304 Not Modified\r\nETag: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
            etag_of(&body)
        )?,
        ("GET" | "HEAD", true, Ok(body)) => {
            // `no-cache` with an ETag: the browser revalidates every visit, and keeps the
            // module (and Chromium its compiled code) while it is unchanged.
            write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nETag: {}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
                content_type(&file),
                body.len(),
                etag_of(&body)
            )?;
            if method == "GET" {
                stream.write_all(&body)?;
            }
        }
        _ => stream.write_all(
            b"HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot found",
        )?,
    }
    stream.flush()
}

/// Regenerates the README's screenshots of the page, in light and dark themes.
pub fn screenshots(_args: &[String]) -> Result<(), String> {
    build(&[])?;
    run::status(
        Cmd::new("node")
            .current_dir(paths::root())
            .arg("tests/e2e/screenshots.mjs"),
    )
}

#[cfg(test)]
mod tests {
    use super::with_snippets_inlined;

    const GLUE: &str = "/* types */\nimport { decodeTape } from './snippets/x-1/inline0.js';\n\nexport class A {}\n";

    #[test]
    fn snippets_are_copied_into_the_glue() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "export function decodeTape(a) {\n  return a;\n}\n",
                Some(
                    "/* types */\nfunction decodeTape(a) {\n  return a;\n}\n\nexport class A {}\n",
                ),
            ),
            ("export const decodeTape = 1;\n", None),
            (
                "import { y } from './y.js';\nexport function decodeTape() {}\n",
                None,
            ),
            ("export function other() {}\n", None),
        ];
        for (snippet, expected) in cases {
            let inlined = with_snippets_inlined(GLUE, |path| {
                (path == "snippets/x-1/inline0.js").then(|| snippet.to_string())
            });
            assert_eq!(inlined.as_deref(), *expected, "{snippet}");
        }
        assert_eq!(with_snippets_inlined("export class A {}\n", |_| None), None);
    }
}
