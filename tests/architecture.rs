//! The import rules of ARCHITECTURE.md, read from the source: a layer
//! imports only layers below it, LSP types stay in `src/server/`, and the
//! modules of `src/ide/` and of `src/server/` import each other without a
//! cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers from the bottom up; one rank may not import another of the
/// same rank.
const LAYERS: &[(&str, u32)] = &[
    ("i18n", 0),
    ("text", 0),
    ("discover", 1),
    ("layout", 1),
    ("citation", 1),
    ("dossier", 2),
    ("workspace", 3),
    ("lints", 4),
    ("assist", 4),
    ("project", 5),
    ("ide", 6),
    ("check", 6),
    ("inspect", 6),
    ("server", 7),
    ("main", 8),
    // The binary's allocator, beside `main`; it imports no layer.
    ("alloc", 8),
];

/// Items of `src/lib.rs`, by the layer they belong to.
const ROOT_ITEMS: &[(&str, &str)] = &[("Span", "text"), ("Dossier", "dossier"), ("msg", "i18n")];

fn rank(layer: &str) -> Option<u32> {
    LAYERS.iter().find(|(l, _)| *l == layer).map(|(_, r)| *r)
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The layer of a file: its folder or file name under `src/`.
fn layer_of(path: &Path) -> String {
    let rel = path.strip_prefix(src()).unwrap();
    let first = rel.components().next().unwrap().as_os_str();
    first.to_string_lossy().trim_end_matches(".rs").to_owned()
}

/// The code of a file without comments and without its unit tests (an
/// inline `mod tests`, where `super` is the file itself).
fn code(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for line in text.lines() {
        let t = line.trim_start();
        if t.starts_with("mod tests") {
            break;
        }
        if t.starts_with("//") {
            continue;
        }
        lines.push(line.to_owned());
    }
    lines
}

/// The first path segment after each `prefix` (`crate::`, `super::`): a
/// name, or each name of a `{…}` group.
fn names_after(line: &str, prefix: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(i) = rest.find(prefix) {
        let before = rest[..i].chars().next_back();
        rest = &rest[i + prefix.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue; // the middle of another path (`dossier_lsp::server::`)
        }
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 1;
            let mut item = String::new();
            let mut items = Vec::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                if depth == 0 {
                    break;
                }
                if c == ',' && depth == 1 {
                    items.push(std::mem::take(&mut item));
                } else {
                    item.push(c);
                }
            }
            items.push(item);
            out.extend(items.iter().map(|i| ident(i.trim())));
        } else {
            out.push(ident(rest));
        }
    }
    out.retain(|n| !n.is_empty());
    out
}

fn ident(s: &str) -> String {
    s.chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// Every `crate::…` a file names, as layers.
fn imported_layers(lines: &[String]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in lines {
        for name in names_after(line, "crate::") {
            let layer = ROOT_ITEMS
                .iter()
                .find(|(item, _)| *item == name)
                .map_or(name.clone(), |(_, l)| l.to_string());
            out.insert(layer);
        }
    }
    out
}

#[test]
fn layers_import_only_the_layers_below_them() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut wrong = Vec::new();
    for path in &files {
        let layer = layer_of(path);
        if layer == "lib" {
            continue; // declares the modules
        }
        let own = rank(&layer).unwrap_or_else(|| panic!("{layer} is in no layer"));
        let text = std::fs::read_to_string(path).unwrap();
        let lines = code(&text);
        for imported in imported_layers(&lines) {
            if imported == layer {
                continue;
            }
            match rank(&imported) {
                Some(r) if r < own => {}
                Some(_) => wrong.push(format!("{}: imports crate::{imported}", path.display())),
                None => wrong.push(format!(
                    "{}: crate::{imported} is in no layer",
                    path.display()
                )),
            }
        }
        if layer != "server" && layer != "main" {
            for line in &lines {
                if line.contains("tower_lsp") || line.contains("lsp_types") {
                    wrong.push(format!(
                        "{}: names LSP types: {}",
                        path.display(),
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The modules of `src/{dir}/` (without `mod.rs`) and which of them each
/// one names, through `super::` or `crate::{dir}::`.
fn module_graph(dir: &str) -> BTreeMap<String, BTreeSet<String>> {
    let folder = src().join(dir);
    let mut files = Vec::new();
    rust_files(&folder, &mut files);
    let module = |p: &Path| p.file_stem().unwrap().to_string_lossy().into_owned();
    let modules: BTreeSet<String> = files
        .iter()
        .filter(|p| p.parent() == Some(folder.as_path()) && module(p) != "mod")
        .map(|p| module(p))
        .collect();
    let mut graph = BTreeMap::new();
    for path in &files {
        if path.parent() != Some(folder.as_path()) || module(path) == "mod" {
            continue;
        }
        let name = module(path);
        let lines = code(&std::fs::read_to_string(path).unwrap());
        let mut uses = BTreeSet::new();
        for line in &lines {
            let via_crate = format!("crate::{dir}::");
            for used in names_after(line, "super::")
                .into_iter()
                .chain(names_after(line, &via_crate))
            {
                if modules.contains(&used) && used != name {
                    uses.insert(used);
                }
            }
        }
        graph.insert(name, uses);
    }
    graph
}

/// A cycle in `graph`, as the modules on it.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        marks: &mut BTreeMap<String, Mark>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        marks.insert(node.to_owned(), Mark::Open);
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            match marks.get(next).copied().unwrap_or(Mark::New) {
                Mark::Open => {
                    let from = path.iter().position(|n| n == next).unwrap();
                    let mut found = path[from..].to_vec();
                    found.push(next.clone());
                    return Some(found);
                }
                Mark::New => {
                    if let Some(found) = visit(next, graph, marks, path) {
                        return Some(found);
                    }
                }
                Mark::Done => {}
            }
        }
        path.pop();
        marks.insert(node.to_owned(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    for node in graph.keys() {
        if marks.get(node).copied().unwrap_or(Mark::New) == Mark::New {
            if let Some(found) = visit(node, graph, &mut marks, &mut Vec::new()) {
                return Some(found);
            }
        }
    }
    None
}

#[test]
fn the_modules_of_ide_and_of_server_import_each_other_without_a_cycle() {
    for dir in ["ide", "server"] {
        let graph = module_graph(dir);
        // The graph is read: the features use the shared helpers.
        let edges: usize = graph.values().map(|uses| uses.len()).sum();
        assert!(edges > 5, "src/{dir}: {graph:?}");
        if let Some(found) = cycle(&graph) {
            panic!("src/{dir}: {}", found.join(" → "));
        }
    }
}

/// The modules of `src/ide/` that the features share; every other module
/// (but the tests' own) is a feature.
const IDE_SHARED: &[&str] = &["snapshot", "guard", "render", "lookup", "questions"];
const IDE_TESTS: &[&str] = &["fixture", "tests"];

#[test]
fn no_feature_of_ide_imports_another() {
    let mut wrong = Vec::new();
    for (module, uses) in module_graph("ide") {
        if IDE_SHARED.contains(&module.as_str()) || IDE_TESTS.contains(&module.as_str()) {
            continue;
        }
        for used in uses {
            if !IDE_SHARED.contains(&used.as_str()) {
                wrong.push(format!("src/ide/{module}.rs imports the feature {used}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_checks_find_what_they_look_for() {
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("hover", vec!["questions"]),
        ("questions", vec!["lookup"]),
        ("lookup", vec!["hover"]),
        ("render", vec![]),
    ]
    .into_iter()
    .map(|(n, uses)| (n.to_owned(), uses.into_iter().map(str::to_owned).collect()))
    .collect();
    assert_eq!(
        cycle(&graph).unwrap(),
        ["hover", "questions", "lookup", "hover"]
    );
    assert_eq!(
        names_after(
            "use super::{convert, documents::{guarded, Analysis}};",
            "super::"
        ),
        ["convert", "documents"]
    );
    assert_eq!(
        names_after("let x = dossier_lsp::server::run();", "server::"),
        Vec::<String>::new()
    );
    let lines = code("use crate::server::Options;\n// crate::ide in a comment\nfn f(s: crate::Span) {}\nmod tests {\nuse crate::lints;\n");
    assert_eq!(
        imported_layers(&lines).into_iter().collect::<Vec<_>>(),
        ["server", "text"]
    );
}

#[test]
fn architecture_md_names_every_layer() {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("ARCHITECTURE.md"))
            .unwrap();
    for (layer, _) in LAYERS {
        assert!(
            doc.contains(&format!("`src/{layer}")),
            "{layer} in ARCHITECTURE.md"
        );
    }
}
