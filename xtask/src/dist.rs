//! `cargo xtask dist`: the npm package in `pkg/`. One ES module for browsers and bundlers
//! (`init()` fetches the `.wasm` beside it), a Node entry that initialises synchronously from
//! the file, the `.d.ts`, and the custom element.

use std::fs;

use crate::paths;
use crate::web;

const NODE_ENTRY: &str = r#"// Node.js entry: the module is read from the file beside this one and initialised at import,
// so `import { Annotator } from "textmarker"` is ready to use.
import { readFileSync } from "node:fs";
import { initSync } from "./pkg/textmarker.js";

initSync({ module: readFileSync(new URL("./pkg/textmarker_bg.wasm", import.meta.url)) });

export * from "./pkg/textmarker.js";
/** Already initialised under Node; kept so that browser code runs unchanged. */
export default async function init() {}
"#;

const NODE_TYPES: &str = r#"export * from "./pkg/textmarker.js";
export default function init(): Promise<void>;
"#;

/// The page's modules the custom element needs, and its style sheets: copied with the same
/// layout as `www/`, so their relative imports (`../pkg/textmarker.js`) resolve unchanged.
const ELEMENT_FILES: &[&str] = &[
    "js/textmarker-view.js",
    "js/client.js",
    "js/worker.js",
    "js/exports.js",
    "js/model.js",
    "js/packed.js",
    "js/render.js",
    "js/format.js",
    "js/names.js",
    "js/kinds.js",
    "css/marks.css",
    "css/textmarker-view.css",
];

pub fn dist(_args: &[String]) -> Result<(), String> {
    let root = paths::root();
    let out = root.join("pkg");
    if out.exists() {
        fs::remove_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    let core = out.join("pkg");
    web::build_into(&core)?;
    // wasm-bindgen's own .gitignore would keep the files out of `npm pack`.
    let _ = fs::remove_file(core.join(".gitignore"));
    let write = |name: &str, contents: &str| {
        fs::write(out.join(name), contents).map_err(|e| format!("pkg/{name}: {e}"))
    };
    write("node.js", NODE_ENTRY)?;
    write("node.d.ts", NODE_TYPES)?;
    for file in ELEMENT_FILES {
        let (from, to) = (root.join("www").join(file), out.join(file));
        fs::create_dir_all(to.parent().expect("a folder")).map_err(|e| e.to_string())?;
        fs::copy(&from, &to).map_err(|e| format!("{}: {e}", from.display()))?;
    }
    // The package's own README: what an npm user needs, no links into this repository.
    fs::copy(root.join("npm").join("README.md"), out.join("README.md"))
        .map_err(|e| format!("npm/README.md: {e}"))?;

    let version = env!("CARGO_PKG_VERSION");
    let manifest = serde_json::json!({
        "name": "textmarker",
        "version": version,
        "description": "Marks up German news text in the browser: entities, figures and quotations (Rust + WebAssembly).",
        "license": "MIT OR Apache-2.0",
        "type": "module",
        "main": "./pkg/textmarker.js",
        "types": "./pkg/textmarker.d.ts",
        "exports": {
            ".": {
                "node": { "types": "./node.d.ts", "default": "./node.js" },
                "types": "./pkg/textmarker.d.ts",
                "default": "./pkg/textmarker.js"
            },
            "./element": "./js/textmarker-view.js",
            "./textmarker_bg.wasm": "./pkg/textmarker_bg.wasm",
            "./package.json": "./package.json"
        },
        "files": ["pkg/", "js/", "css/", "node.js", "node.d.ts", "README.md"],
        "sideEffects": ["./node.js", "./js/textmarker-view.js"],
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
