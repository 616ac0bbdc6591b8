//! `cargo xtask dist`: the npm package in `pkg/`. One ES module for browsers and bundlers
//! (`init()` fetches the `.wasm` beside it), a Node entry that initialises synchronously from
//! the file, the `.d.ts`, and the custom element.

use std::fs;

use crate::paths;
use crate::web;

const NODE_ENTRY: &str = r#"// Node.js entry: the module is read from the file beside this one and initialised at import,
// so `import { Annotator } from "textmarker"` is ready to use.
import { readFileSync } from "node:fs";
import { initSync } from "./textmarker.js";

initSync({ module: readFileSync(new URL("./textmarker_bg.wasm", import.meta.url)) });

export * from "./textmarker.js";
/** Already initialised under Node; kept so that browser code runs unchanged. */
export default async function init() {}
"#;

const NODE_TYPES: &str = r#"export * from "./textmarker.js";
export default function init(): Promise<void>;
"#;

pub fn dist(_args: &[String]) -> Result<(), String> {
    let root = paths::root();
    let out = root.join("pkg");
    if out.exists() {
        fs::remove_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    web::build_into(&out)?;
    let write = |name: &str, contents: &str| {
        fs::write(out.join(name), contents).map_err(|e| format!("pkg/{name}: {e}"))
    };
    // wasm-bindgen's own .gitignore would keep the files out of `npm pack`.
    let _ = fs::remove_file(out.join(".gitignore"));
    write("node.js", NODE_ENTRY)?;
    write("node.d.ts", NODE_TYPES)?;
    let mut files = vec![
        "textmarker.js",
        "textmarker.d.ts",
        "textmarker_bg.wasm",
        "textmarker_bg.wasm.d.ts",
        "node.js",
        "node.d.ts",
    ];
    let element = root.join("www/js/textmarker-view.js");
    if element.exists() {
        fs::copy(&element, out.join("textmarker-view.js"))
            .map_err(|e| format!("{}: {e}", element.display()))?;
        files.push("textmarker-view.js");
    }
    fs::copy(root.join("README.md"), out.join("README.md"))
        .map_err(|e| format!("README.md: {e}"))?;
    files.push("README.md");

    let version = env!("CARGO_PKG_VERSION");
    let manifest = serde_json::json!({
        "name": "textmarker",
        "version": version,
        "description": "Marks up German news text in the browser: entities, figures and quotations (Rust + WebAssembly).",
        "license": "MIT OR Apache-2.0",
        "type": "module",
        "main": "./textmarker.js",
        "types": "./textmarker.d.ts",
        "exports": {
            ".": {
                "types": "./textmarker.d.ts",
                "node": { "types": "./node.d.ts", "default": "./node.js" },
                "default": "./textmarker.js"
            },
            "./element": "./textmarker-view.js",
            "./textmarker_bg.wasm": "./textmarker_bg.wasm",
            "./package.json": "./package.json"
        },
        "files": files,
        "sideEffects": ["./node.js", "./textmarker-view.js"],
        "keywords": ["german", "ner", "nlp", "quotations", "wasm", "news"],
    });
    let manifest = serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())? + "\n";
    write("package.json", &manifest)?;
    println!(
        "wrote the npm package to {} (`cd pkg && npm pack` makes the tarball)",
        out.display()
    );
    Ok(())
}
