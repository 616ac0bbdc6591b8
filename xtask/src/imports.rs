//! The import check of `cargo xtask test`: no file in `src/` imports a file that imports it
//! back, directly or through others. Layers read what lies below them; a loop means two files
//! can only be understood together.
//!
//! A small scan, not a compiler: comments and literals are dropped, then every path that
//! starts at `crate`, `self`, `super` or a module in scope is resolved to the file that
//! defines its target, following re-exports (`crate::Options` counts as an import of
//! `options.rs`, not of `lib.rs`). Declaring a module (`mod dates;`) is not an import; a
//! parent that calls `dates::parse` while `dates.rs` reads `super::Scan` is a loop (move
//! `Scan` into a file of its own). Each binary under `src/bin/` is a crate of its own.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module path from its crate's root: `["figures", "dates"]`.
type ModPath = Vec<String>;

/// Fails with the loops found among the files of `src/`, each with the lines that close it.
pub fn check(src: &Path) -> Result<(), String> {
    let mut loops = Vec::new();
    for root in crate_roots(src)? {
        let krate = Crate::read(&root, |path| {
            std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
        })?;
        loops.extend(krate.loops().into_iter().map(|cycle| {
            let lines: Vec<String> = cycle
                .iter()
                .map(|(from, to, line)| {
                    format!(
                        "  {}:{line} imports {}",
                        relative(src, from),
                        relative(src, to)
                    )
                })
                .collect();
            lines.join("\n")
        }));
    }
    if loops.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} import loop(s) in src/: move what both sides need below them\n{}",
            loops.len(),
            loops.join("\n\n")
        ))
    }
}

fn relative(src: &Path, path: &Path) -> String {
    let base = src.parent().unwrap_or(src);
    path.strip_prefix(base)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// `src/lib.rs` and each `src/bin/NAME.rs` or `src/bin/NAME/main.rs`.
fn crate_roots(src: &Path) -> Result<Vec<PathBuf>, String> {
    let mut roots = vec![src.join("lib.rs")];
    if let Ok(entries) = std::fs::read_dir(src.join("bin")) {
        let mut bins: Vec<PathBuf> = entries
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter_map(|path| {
                if path.is_dir() {
                    Some(path.join("main.rs")).filter(|main| main.exists())
                } else {
                    (path.extension()? == "rs").then_some(path)
                }
            })
            .collect();
        bins.sort();
        roots.extend(bins);
    }
    roots.retain(|root| root.exists());
    if roots.is_empty() {
        return Err(format!("no crate root under {}", src.display()));
    }
    Ok(roots)
}

/// What one module knows by name: its child modules, its `use` aliases and glob imports.
#[derive(Default)]
struct Scope {
    file: PathBuf,
    children: BTreeSet<String>,
    aliases: BTreeMap<String, ModPath>,
    globs: Vec<ModPath>,
}

/// A path as written, with the module it was written in and its line.
struct Reference {
    module: ModPath,
    path: Vec<String>,
    line: usize,
}

/// The modules of one crate, and every path its files write.
#[derive(Default)]
struct Crate {
    modules: BTreeMap<ModPath, Scope>,
    references: Vec<Reference>,
}

impl Crate {
    /// Reads the crate from its root file, following `mod name;` to `name.rs` or
    /// `name/mod.rs`.
    fn read(
        root: &Path,
        mut read: impl FnMut(&Path) -> Result<String, String>,
    ) -> Result<Crate, String> {
        let mut krate = Crate::default();
        let mut pending = vec![(vec![root.to_path_buf()], ModPath::new())];
        while let Some((candidates, module)) = pending.pop() {
            // The first candidate that reads, or the first one's error.
            let mut first_error = None;
            let mut found = None;
            for file in candidates {
                match read(&file) {
                    Ok(source) => {
                        found = Some((file, source));
                        break;
                    }
                    Err(e) => {
                        first_error.get_or_insert(e);
                    }
                }
            }
            let (file, source) = found.ok_or_else(|| first_error.unwrap_or_default())?;
            let file = file.as_path();
            let dir = child_dir(file);
            for (child, path_attribute) in krate.scan(file, &module, &source) {
                let name = child.last().expect("a child has a name");
                let candidates = match path_attribute {
                    // `#[path]` is relative to the declaring file's folder.
                    Some(path) => vec![normalize(&file.parent().unwrap_or(file).join(path))],
                    None => vec![
                        dir.join(format!("{name}.rs")),
                        dir.join(name).join("mod.rs"),
                    ],
                };
                pending.push((candidates, child));
            }
        }
        Ok(krate)
    }

    /// Records the modules and paths of one file; returns the file modules it declares, each
    /// with its `#[path]`, if any.
    fn scan(
        &mut self,
        file: &Path,
        module: &ModPath,
        source: &str,
    ) -> Vec<(ModPath, Option<String>)> {
        let tokens = tokenize(source);
        let mut declared = Vec::new();
        let mut path_attribute = None;
        // Inline modules open at a brace depth and close with it.
        let mut stack: Vec<(ModPath, usize)> = vec![(module.clone(), 0)];
        self.scope(module, file);
        let mut depth: usize = 0;
        let mut i = 0;
        while i < tokens.len() {
            let current = stack.last().expect("the file's module stays").0.clone();
            match &tokens[i].kind {
                Kind::Open => depth += 1,
                Kind::Close => {
                    depth = depth.saturating_sub(1);
                    if stack.len() > 1 && stack.last().is_some_and(|(_, at)| *at > depth) {
                        stack.pop();
                    }
                }
                Kind::Other('#') => {
                    let kinds: Vec<&Kind> =
                        tokens[i + 1..].iter().take(4).map(|t| &t.kind).collect();
                    if let [Kind::Other('['), Kind::Ident(name), Kind::Other('='), Kind::Str(path)] =
                        kinds[..]
                    {
                        if name == "path" {
                            path_attribute = Some(path.clone());
                        }
                    }
                }
                Kind::Ident(word) if word == "mod" => {
                    if let (Some(Kind::Ident(name)), Some(next)) = (
                        tokens.get(i + 1).map(|t| &t.kind),
                        tokens.get(i + 2).map(|t| &t.kind),
                    ) {
                        let mut child = current.clone();
                        child.push(name.clone());
                        self.scope(&current, file).children.insert(name.clone());
                        if *next == Kind::Open {
                            self.scope(&child, file);
                            depth += 1;
                            stack.push((child, depth));
                            i += 3;
                            continue;
                        }
                        if *next == Kind::Semi {
                            declared.push((child, path_attribute.take()));
                        }
                        i += 2;
                    }
                }
                Kind::Ident(word) if word == "use" => {
                    let line = tokens[i].line;
                    let mut uses = Vec::new();
                    i = use_tree(&tokens, i + 1, &mut Vec::new(), &mut uses);
                    for (path, alias) in uses {
                        let scope = self.scope(&current, file);
                        match alias {
                            Alias::Glob => scope.globs.push(path.clone()),
                            Alias::Name(name) => {
                                scope.aliases.insert(name, path.clone());
                            }
                        }
                        self.references.push(Reference {
                            module: current.clone(),
                            path,
                            line,
                        });
                    }
                    continue;
                }
                Kind::Ident(first)
                    if tokens.get(i + 1).map(|t| &t.kind) == Some(&Kind::PathSep) =>
                {
                    let line = tokens[i].line;
                    let mut path = vec![first.clone()];
                    i += 1;
                    while tokens.get(i).map(|t| &t.kind) == Some(&Kind::PathSep) {
                        match tokens.get(i + 1).map(|t| &t.kind) {
                            Some(Kind::Ident(segment)) => path.push(segment.clone()),
                            _ => break,
                        }
                        i += 2;
                    }
                    self.references.push(Reference {
                        module: current,
                        path,
                        line,
                    });
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
        declared
    }

    fn scope(&mut self, module: &ModPath, file: &Path) -> &mut Scope {
        self.modules.entry(module.clone()).or_insert_with(|| Scope {
            file: file.to_path_buf(),
            ..Scope::default()
        })
    }

    /// The file that defines what `path`, written in `module`, names; `None` for other crates
    /// and for names that are not paths into this crate (`Vec::new`, `Self::X`).
    fn resolve(&self, module: &ModPath, path: &[String]) -> Option<&Path> {
        let (found, _) = self.locate(module, path, 0)?;
        Some(&self.modules.get(&found)?.file)
    }

    /// The deepest module `path` (written in `module`) reaches, following child modules and
    /// `use` aliases, and whether the whole path named modules.
    fn locate(&self, module: &ModPath, path: &[String], hops: usize) -> Option<(ModPath, bool)> {
        // Re-exports and aliases are chased a bounded number of times.
        if hops > 8 {
            return None;
        }
        let (first, rest) = path.split_first()?;
        match first.as_str() {
            "crate" => self.walk(ModPath::new(), rest, hops),
            "self" => self.walk(module.clone(), rest, hops),
            "super" => {
                let mut at = module.clone();
                at.pop()?;
                let mut rest = rest;
                while rest.first().map(String::as_str) == Some("super") {
                    at.pop()?;
                    rest = &rest[1..];
                }
                self.walk(at, rest, hops)
            }
            _ => {
                let scope = self.modules.get(module)?;
                let globbed = scope.globs.iter().filter_map(|glob| {
                    match self.locate(module, glob, hops + 1) {
                        Some((target, true)) => Some(target),
                        _ => None,
                    }
                });
                for at in std::iter::once(module.clone()).chain(globbed) {
                    let Some(scope) = self.modules.get(&at) else {
                        continue;
                    };
                    if scope.children.contains(first) {
                        let mut child = at.clone();
                        child.push(first.clone());
                        return self.walk(child, rest, hops);
                    }
                    if let Some(alias) = scope.aliases.get(first) {
                        let full: Vec<String> = alias.iter().chain(rest).cloned().collect();
                        return self.locate(&at, &full, hops + 1);
                    }
                }
                None
            }
        }
    }

    /// Follows `rest` from module `at` through child modules and re-exports.
    fn walk(&self, at: ModPath, rest: &[String], hops: usize) -> Option<(ModPath, bool)> {
        let scope = self.modules.get(&at)?;
        let Some((next, after)) = rest.split_first() else {
            return Some((at, true));
        };
        let mut child = at.clone();
        child.push(next.clone());
        if self.modules.contains_key(&child) {
            return self.walk(child, after, hops);
        }
        // A re-export: the item lives where the alias points; otherwise it is defined here.
        let reexported = scope.aliases.get(next).and_then(|alias| {
            let full: Vec<String> = alias.iter().chain(after).cloned().collect();
            self.locate(&at, &full, hops + 1)
        });
        Some(reexported.unwrap_or((at, false)))
    }

    /// Every import between two files, with its first line.
    fn edges(&self) -> BTreeMap<(PathBuf, PathBuf), usize> {
        let mut edges = BTreeMap::new();
        for reference in &self.references {
            let Some(from) = self.modules.get(&reference.module) else {
                continue;
            };
            let Some(to) = self.resolve(&reference.module, &reference.path) else {
                continue;
            };
            if to == from.file {
                continue;
            }
            edges
                .entry((from.file.clone(), to.to_path_buf()))
                .or_insert(reference.line);
        }
        edges
    }

    /// Each loop as the imports that close it: `(from, to, line)`, one per file in it.
    fn loops(&self) -> Vec<Vec<(PathBuf, PathBuf, usize)>> {
        let edges = self.edges();
        let mut next: BTreeMap<&PathBuf, Vec<&PathBuf>> = BTreeMap::new();
        for (from, to) in edges.keys() {
            next.entry(from).or_default().push(to);
        }
        let mut reported: BTreeSet<BTreeSet<&PathBuf>> = BTreeSet::new();
        let mut loops = Vec::new();
        for start in next.keys() {
            if let Some(cycle) = shortest_cycle(start, &next) {
                let members: BTreeSet<&PathBuf> = cycle.iter().copied().collect();
                if reported.insert(members) {
                    let closed = cycle
                        .iter()
                        .zip(cycle.iter().cycle().skip(1))
                        .map(|(from, to)| {
                            let line = edges[&((*from).clone(), (*to).clone())];
                            ((*from).clone(), (*to).clone(), line)
                        })
                        .collect();
                    loops.push(closed);
                }
            }
        }
        loops
    }
}

/// The directory where a file's `mod name;` files live.
fn child_dir(file: &Path) -> PathBuf {
    let dir = file.parent().unwrap_or(Path::new("")).to_path_buf();
    match file.file_stem().and_then(|s| s.to_str()) {
        Some("lib" | "main" | "mod") => dir,
        Some(stem) if dir.file_name().and_then(|d| d.to_str()) != Some("bin") => dir.join(stem),
        // `src/bin/NAME.rs`: a single-file crate root.
        _ => dir,
    }
}

/// The shortest path from `start` back to itself, breadth first.
fn shortest_cycle<'a>(
    start: &'a PathBuf,
    next: &BTreeMap<&'a PathBuf, Vec<&'a PathBuf>>,
) -> Option<Vec<&'a PathBuf>> {
    let mut came_from: BTreeMap<&PathBuf, &PathBuf> = BTreeMap::new();
    let mut frontier = vec![start];
    while !frontier.is_empty() {
        let mut following = Vec::new();
        for node in frontier {
            for &to in next.get(node).map(Vec::as_slice).unwrap_or(&[]) {
                if to == start {
                    let mut cycle = vec![node];
                    let mut at = node;
                    while at != start {
                        at = came_from[at];
                        cycle.push(at);
                    }
                    cycle.reverse();
                    return Some(cycle);
                }
                if !came_from.contains_key(to) {
                    came_from.insert(to, node);
                    following.push(to);
                }
            }
        }
        frontier = following;
    }
    None
}

/// What a `use` leaf binds: a name (`as` renames it) or everything (`*`).
enum Alias {
    Name(String),
    Glob,
}

/// Parses the use tree starting at `i` into full paths; returns the index after it.
fn use_tree(
    tokens: &[Token],
    mut i: usize,
    prefix: &mut Vec<String>,
    out: &mut Vec<(Vec<String>, Alias)>,
) -> usize {
    let depth = prefix.len();
    loop {
        match tokens.get(i).map(|t| &t.kind) {
            Some(Kind::Ident(word)) if word == "as" => {
                if let Some(Kind::Ident(name)) = tokens.get(i + 1).map(|t| &t.kind) {
                    out.push((prefix.clone(), Alias::Name(name.clone())));
                }
                i += 2;
                break;
            }
            Some(Kind::Ident(segment)) => {
                prefix.push(segment.clone());
                i += 1;
                if tokens.get(i).map(|t| &t.kind) == Some(&Kind::PathSep) {
                    i += 1;
                    continue;
                }
                if tokens.get(i).map(|t| &t.kind) == Some(&Kind::Ident("as".into())) {
                    continue;
                }
                let mut path = prefix.clone();
                if path.last().map(String::as_str) == Some("self") {
                    path.pop();
                }
                let name = path.last().cloned().unwrap_or_default();
                out.push((path, Alias::Name(name)));
                break;
            }
            Some(Kind::Star) => {
                out.push((prefix.clone(), Alias::Glob));
                i += 1;
                break;
            }
            Some(Kind::Open) => {
                i += 1;
                while !matches!(tokens.get(i).map(|t| &t.kind), Some(Kind::Close) | None) {
                    i = use_tree(tokens, i, prefix, out);
                    if tokens.get(i).map(|t| &t.kind) == Some(&Kind::Comma) {
                        i += 1;
                    }
                }
                i += 1;
                break;
            }
            // `::std::…`, a stray token or the end: nothing more to read here.
            Some(Kind::PathSep) => i += 1,
            _ => break,
        }
    }
    prefix.truncate(depth);
    if tokens.get(i).map(|t| &t.kind) == Some(&Kind::Semi) && depth == 0 {
        i += 1;
    }
    i
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Kind {
    Ident(String),
    PathSep,
    Open,
    Close,
    Comma,
    Semi,
    Star,
    /// A string literal's body as written.
    Str(String),
    Other(char),
}

#[derive(Clone, Debug)]
struct Token {
    kind: Kind,
    line: usize,
}

/// Identifiers and the punctuation paths are made of, without comments, strings and chars.
fn tokenize(source: &str) -> Vec<Token> {
    let chars: Vec<char> = source.chars().collect();
    let mut tokens = Vec::new();
    let mut line = 1;
    let mut i = 0;
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = chars[i];
        let start_line = line;
        let kind = match c {
            '\n' => {
                line += 1;
                i += 1;
                continue;
            }
            c if c.is_whitespace() => {
                i += 1;
                continue;
            }
            '/' if at(i + 1) == '/' => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
                continue;
            }
            '/' if at(i + 1) == '*' => {
                let mut nesting = 0;
                while i < chars.len() {
                    if chars[i] == '/' && at(i + 1) == '*' {
                        nesting += 1;
                        i += 2;
                    } else if chars[i] == '*' && at(i + 1) == '/' {
                        nesting -= 1;
                        i += 2;
                        if nesting == 0 {
                            break;
                        }
                    } else {
                        line += usize::from(chars[i] == '\n');
                        i += 1;
                    }
                }
                continue;
            }
            '"' => {
                let (body, end) = string_at(&chars, i + 1, None, &mut line);
                i = end;
                body
            }
            '\'' => {
                // A char literal ('x', '\n', '\u{..}'); otherwise a lifetime or label.
                if at(i + 1) == '\\' {
                    i += 3;
                    while i < chars.len() && chars[i] != '\'' {
                        i += 1;
                    }
                    i += 1;
                } else if at(i + 2) == '\'' {
                    i += 3;
                } else {
                    i += 1;
                }
                continue;
            }
            ':' if at(i + 1) == ':' => {
                i += 2;
                Kind::PathSep
            }
            '{' => Kind::Open,
            '}' => Kind::Close,
            ',' => Kind::Comma,
            ';' => Kind::Semi,
            '*' => Kind::Star,
            c if c == '_' || c.is_alphabetic() => {
                let begin = i;
                while i < chars.len() && (chars[i] == '_' || chars[i].is_alphanumeric()) {
                    i += 1;
                }
                let word: String = chars[begin..i].iter().collect();
                let raw_string = matches!(word.as_str(), "r" | "br" | "cr")
                    && (at(i) == '"' || (at(i) == '#' && matches!(at(i + 1), '"' | '#')));
                if raw_string {
                    let mut hashes = 0;
                    while at(i) == '#' {
                        hashes += 1;
                        i += 1;
                    }
                    let (body, end) = string_at(&chars, i + 1, Some(hashes), &mut line);
                    i = end;
                    tokens.push(Token {
                        kind: body,
                        line: start_line,
                    });
                    continue;
                }
                if word == "r" && at(i) == '#' {
                    // A raw identifier: `r#type`.
                    i += 1;
                    continue;
                }
                if matches!(word.as_str(), "b" | "c") && at(i) == '"' {
                    i = string_at(&chars, i + 1, None, &mut line).1;
                    continue;
                }
                tokens.push(Token {
                    kind: Kind::Ident(word),
                    line: start_line,
                });
                continue;
            }
            other => Kind::Other(other),
        };
        if !matches!(kind, Kind::PathSep | Kind::Str(_)) {
            i += 1;
        }
        tokens.push(Token {
            kind,
            line: start_line,
        });
    }
    tokens
}

/// The string whose body starts at `i`, and the index after it. A raw string ends at `"`
/// and its number of `#`s and has no escapes.
fn string_at(
    chars: &[char],
    start: usize,
    raw_hashes: Option<usize>,
    line: &mut usize,
) -> (Kind, usize) {
    let hashes = raw_hashes.unwrap_or(0);
    let mut i = start;
    while i < chars.len() {
        match chars[i] {
            '\\' if raw_hashes.is_none() => {
                *line += usize::from(chars.get(i + 1) == Some(&'\n'));
                i += 2;
            }
            '"' if (1..=hashes).all(|k| chars.get(i + k) == Some(&'#')) => {
                let body = chars[start..i].iter().collect();
                return (Kind::Str(body), i + 1 + hashes);
            }
            c => {
                *line += usize::from(c == '\n');
                i += 1;
            }
        }
    }
    let body = chars[start.min(chars.len())..].iter().collect();
    (Kind::Str(body), chars.len())
}

/// `a/b/../c` as `a/c`, without touching the file system.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir if out.file_name().is_some() => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds a crate from `(path, source)` pairs under a fake `src/`.
    fn loops_in(files: &[(&str, &str)]) -> Vec<Vec<String>> {
        let sources: BTreeMap<PathBuf, String> = files
            .iter()
            .map(|(path, source)| (Path::new("src").join(path), source.to_string()))
            .collect();
        let krate = Crate::read(Path::new("src/lib.rs"), |path| {
            sources
                .get(path)
                .cloned()
                .ok_or_else(|| format!("{} is not in the test crate", path.display()))
        })
        .expect("the test crate reads");
        krate
            .loops()
            .into_iter()
            .map(|cycle| {
                cycle
                    .into_iter()
                    .map(|(from, to, line)| format!("{}:{line}->{}", from.display(), to.display()))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn finds_loops_and_only_loops() {
        // (what, files as (path under src/, source), the loop as `from:line->to`).
        type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a [&'a str]);
        let cases: &[Case] = &[
            (
                "two files using each other",
                &[
                    ("lib.rs", "mod a;\nmod b;"),
                    ("a.rs", "use crate::b::B;\npub struct A;"),
                    ("b.rs", "pub struct B;\nfn f() { crate::a::A; }"),
                ],
                &["src/a.rs:1->src/b.rs", "src/b.rs:2->src/a.rs"],
            ),
            (
                "one direction is fine",
                &[
                    ("lib.rs", "mod a;\nmod b;"),
                    ("a.rs", "use crate::b::B;"),
                    ("b.rs", "pub struct B;"),
                ],
                &[],
            ),
            (
                "a loop through a third file and a re-export",
                &[
                    ("lib.rs", "mod a;\nmod b;\nmod c;\npub use crate::c::C;"),
                    ("a.rs", "use crate::b;"),
                    ("b.rs", "use crate::C;"),
                    ("c.rs", "pub struct C;\nuse crate::a::{self};"),
                ],
                &["src/a.rs:1->src/b.rs", "src/b.rs:1->src/c.rs", "src/c.rs:2->src/a.rs"],
            ),
            (
                "a submodule may read its parent when the parent only declares it",
                &[
                    ("lib.rs", "mod figures;"),
                    ("figures/mod.rs", "mod dates;\nstruct Scan;"),
                    ("figures/dates.rs", "use super::Scan;\nimpl Scan { fn parse() {} }"),
                ],
                &[],
            ),
            (
                "a parent calling into a submodule that reads it",
                &[
                    ("lib.rs", "mod figures;"),
                    ("figures/mod.rs", "mod dates;\nstruct Scan;\nfn f() { dates::parse(); }"),
                    ("figures/dates.rs", "use super::Scan;\npub fn parse() {}"),
                ],
                &["src/figures/dates.rs:1->src/figures/mod.rs", "src/figures/mod.rs:3->src/figures/dates.rs"],
            ),
            (
                "a #[path] module and an inline module",
                &[
                    ("lib.rs", "mod q;\nmod generated;"),
                    (
                        "q.rs",
                        "#[path = \"generated/speech.rs\"]\nmod speech;\nmod inner {\n    use crate::generated::G;\n}",
                    ),
                    ("generated/speech.rs", "use crate::q::inner;"),
                    ("generated.rs", "pub struct G;\nfn f() { crate::q::speech::S; }"),
                ],
                &[
                    "src/generated/speech.rs:1->src/q.rs",
                    "src/q.rs:4->src/generated.rs",
                    "src/generated.rs:2->src/generated/speech.rs",
                ],
            ),
            (
                "siblings through super",
                &[
                    ("lib.rs", "mod q;"),
                    ("q/mod.rs", "mod a;\nmod b;"),
                    ("q/a.rs", "use super::b::{B as Bee};"),
                    ("q/b.rs", "// use super::a;\nfn f() { let _ = \"super::a::X\"; super::a::x(); }"),
                ],
                &["src/q/a.rs:1->src/q/b.rs", "src/q/b.rs:2->src/q/a.rs"],
            ),
            (
                "a test module's import counts, its own file's does not",
                &[
                    ("lib.rs", "mod a;\nmod b;"),
                    ("a.rs", "pub struct A;\n#[cfg(test)]\nmod tests {\n    use super::*;\n    use crate::b::B;\n}"),
                    ("b.rs", "use crate::a::A;\npub struct B;"),
                ],
                &["src/a.rs:5->src/b.rs", "src/b.rs:1->src/a.rs"],
            ),
            (
                "comments, strings, chars and other crates are not imports",
                &[
                    ("lib.rs", "mod a;\nmod b;"),
                    ("a.rs", "use crate::b::B; // crate::b"),
                    ("b.rs", "/* crate::a::A */ const S: &str = r#\"crate::a\"#;\nconst C: char = '\"'; fn f<'a>(x: &'a str) { std::mem::drop(x); Vec::<u8>::new(); }"),
                ],
                &[],
            ),
        ];
        for (name, files, expected) in cases {
            let found = loops_in(files);
            let expected: Vec<Vec<String>> = if expected.is_empty() {
                vec![]
            } else {
                vec![expected.iter().map(|s| s.to_string()).collect()]
            };
            assert_eq!(found, expected, "{name}");
        }
    }

    /// The real `src/`: what `cargo xtask test` checks, also run by `cargo test`.
    #[test]
    fn src_has_no_import_loops() {
        let src = crate::paths::root().join("src");
        if let Err(message) = check(&src) {
            panic!("{message}");
        }
    }
}
