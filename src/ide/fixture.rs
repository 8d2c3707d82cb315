//! Fixtures for the features' tests: the dossier text itself, `$0` where
//! the cursor stands, and, for a workspace, each file after a line
//! `//- /name.txt`; a first line `//- lang: en` gives the session English
//! (Dutch otherwise). Every file is analysed and put in the workspace index
//! (as the server has it once a document's diagnostics are out); the
//! snapshot is that of the file with the cursor.
//!
//! The `check_*` helpers render a feature's answer as text for
//! `expect![[…]]`: a span as its line, with `^` under it (`|` for an empty
//! span), a hover's Markdown below its span.

use std::collections::HashMap;
use std::sync::Arc;

use expect_test::Expect;

use super::snapshot::{Analysis, FileTexts, NavigationTarget, Snapshot};
use crate::i18n::Lang;
use crate::workspace::{DocumentSummary, Workspace};
use crate::Span;

const CURSOR: &str = "$0";
const ROOT: &str = "file:///ws";

pub struct Fixture {
    /// `(name, text)`: `/name.txt` and its text, in the fixture's order.
    pub files: Vec<(String, String)>,
    /// The file and byte offset of `$0`.
    pub cursor: Option<(usize, usize)>,
    /// The session's language: Dutch, as most users have it, unless a
    /// test asks for English.
    pub lang: Lang,
}

impl Fixture {
    pub fn parse(fixture: &str) -> Fixture {
        let fixture = fixture.strip_prefix('\n').unwrap_or(fixture);
        let mut files: Vec<(String, String)> = Vec::new();
        let mut lang = Lang::Nl;
        for line in fixture.split_inclusive('\n') {
            if let Some(code) = line.strip_prefix("//- lang: ") {
                lang = Lang::parse(code).expect("`//- lang: nl` or `en`");
                continue;
            }
            if let Some(name) = line.strip_prefix("//- ") {
                files.push((name.trim().to_owned(), String::new()));
                continue;
            }
            if files.is_empty() {
                files.push(("/main.txt".to_owned(), String::new()));
            }
            files.last_mut().expect("a file").1.push_str(line);
        }
        let mut cursor = None;
        for (i, (_, text)) in files.iter_mut().enumerate() {
            if let Some(at) = text.find(CURSOR) {
                assert!(cursor.is_none(), "one `$0` in a fixture");
                text.replace_range(at..at + CURSOR.len(), "");
                cursor = Some((i, at));
            }
        }
        Fixture {
            files,
            cursor,
            lang,
        }
    }

    pub fn key(&self, i: usize) -> String {
        format!("{ROOT}{}", self.files[i].0)
    }

    /// The snapshot of the file with the cursor (else the first file), and
    /// the cursor's offset.
    pub fn snapshot(&self) -> (Snapshot, usize) {
        let (file, offset) = self.cursor.unwrap_or((0, 0));
        let mut workspace = Workspace::new();
        let mut texts = HashMap::new();
        let mut own = None;
        for (i, (name, text)) in self.files.iter().enumerate() {
            let analysis = Analysis::new(0, text);
            let name = name.trim_start_matches('/');
            let summary = DocumentSummary::new(name, text, &analysis.dossier);
            workspace.insert(&self.key(i), summary);
            texts.insert(self.key(i), Arc::<str>::from(text.as_str()));
            if i == file {
                own = Some(analysis);
            }
        }
        let snapshot = Snapshot::new(
            self.key(file),
            Arc::new(own.expect("the cursor's file")),
            Arc::new(workspace),
            Arc::new(Texts(texts)),
        )
        .with_lang(self.lang);
        (snapshot, offset)
    }

    fn text_of(&self, key: &str) -> &str {
        let i = (0..self.files.len())
            .find(|&i| self.key(i) == key)
            .unwrap_or_else(|| panic!("no file {key} in the fixture"));
        &self.files[i].1
    }

    fn name_of(&self, key: &str) -> String {
        key.strip_prefix(ROOT).unwrap_or(key).to_owned()
    }

    /// `/name.txt 12: the line` and `^^^` under the span (a span over
    /// several lines is marked to the end of its first line, then `…`).
    pub fn render(&self, target: &NavigationTarget) -> String {
        let text = self.text_of(&target.file);
        let name = format!("{} ", self.name_of(&target.file));
        render_span(&name, text, &target.span)
    }
}

/// `{name}12: the line` and a line with `^^^` under `span`.
pub fn render_span(name: &str, text: &str, span: &Span) -> String {
    let start = span.start.min(text.len());
    let line_start = text[..start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let rest = &text[line_start..];
    let line_end = line_start + rest.find(['\n', '\r']).unwrap_or(rest.len());
    let line = text[line_start..line_end].trim_end();
    let number = text[..line_start].match_indices('\n').count() + 1;
    let head = format!("{name}{number}: ");
    let before = text[line_start..start].chars().count();
    let end = span.end.min(line_end).max(start);
    let width = text[start..end].chars().count();
    let mark = if span.is_empty() {
        "|".to_owned()
    } else {
        let more = if span.end > line_end { " …" } else { "" };
        format!("{}{more}", "^".repeat(width.max(1)))
    };
    let pad = " ".repeat(head.chars().count() + before);
    format!("{head}{line}\n{pad}{mark}\n")
}

struct Texts(HashMap<String, Arc<str>>);

impl FileTexts for Texts {
    fn text(&self, file: &str) -> Option<Arc<str>> {
        self.0.get(file).cloned()
    }
}

fn targets(fixture: &Fixture, found: &[NavigationTarget]) -> String {
    if found.is_empty() {
        return "(nothing)\n".to_owned();
    }
    found.iter().map(|t| fixture.render(t)).collect()
}

/// The hover at the cursor: its span marked, then its Markdown.
pub fn hover(fixture: &str) -> String {
    let fixture = Fixture::parse(fixture);
    let (snap, offset) = fixture.snapshot();
    match super::hover(&snap, offset) {
        Some(found) => format!(
            "{}\n{}\n",
            render_span("", snap.text(), &found.span),
            found.markdown
        ),
        None => "(nothing)\n".to_owned(),
    }
}

pub fn check_hover(fixture: &str, expect: Expect) {
    expect.assert_eq(&hover(fixture));
}

/// The definition at the cursor, rendered.
pub fn definition(fixture: &str) -> String {
    let fixture = Fixture::parse(fixture);
    let (snap, offset) = fixture.snapshot();
    targets(&fixture, &super::definition(&snap, offset))
}

pub fn check_definition(fixture: &str, expect: Expect) {
    expect.assert_eq(&definition(fixture));
}

/// The references at the cursor, rendered.
pub fn references(fixture: &str, include_declaration: bool) -> String {
    let fixture = Fixture::parse(fixture);
    let (snap, offset) = fixture.snapshot();
    match super::references(&snap, offset, include_declaration) {
        Some(found) => targets(&fixture, &found),
        None => "(no answer)\n".to_owned(),
    }
}

/// References with the declaration (as editors ask by default).
pub fn check_references(fixture: &str, expect: Expect) {
    expect.assert_eq(&references(fixture, true));
}

/// References without the declaration.
pub fn check_uses(fixture: &str, expect: Expect) {
    expect.assert_eq(&references(fixture, false));
}

/// The span's first line with the span marked, in the cursor's file.
fn mark(snap: &Snapshot, span: &Span) -> String {
    render_span("", snap.text(), span)
}

pub fn check_highlight(fixture: &str, expect: Expect) {
    let fixture = Fixture::parse(fixture);
    let (snap, offset) = fixture.snapshot();
    let actual = match super::highlight(&snap, offset) {
        Some(found) => found
            .iter()
            .map(|h| render_span(&format!("{:?} ", h.kind), snap.text(), &h.span))
            .collect(),
        None => "(nothing)\n".to_owned(),
    };
    expect.assert_eq(&actual);
}

/// Each fold as its kind, its lines (1-based) and their first and last.
pub fn check_folding(fixture: &str, expect: Expect) {
    let fixture = Fixture::parse(fixture);
    let (snap, _) = fixture.snapshot();
    let lines: Vec<&str> = snap.text().lines().collect();
    let actual: String = super::folding(&snap)
        .iter()
        .map(|f| {
            let (first, last) = (f.start_line as usize, f.end_line as usize);
            format!(
                "{:?} {}–{}: {} … {}\n",
                f.kind,
                first + 1,
                last + 1,
                lines[first].trim(),
                lines[last].trim()
            )
        })
        .collect();
    expect.assert_eq(&actual);
}

/// The selection's spans from the innermost out; each must hold the one
/// before it.
pub fn check_selection(fixture: &str, expect: Expect) {
    let fixture = Fixture::parse(fixture);
    let (snap, offset) = fixture.snapshot();
    let found = super::selection(&snap, offset);
    for pair in found.windows(2) {
        assert!(
            pair[1].start <= pair[0].start && pair[0].end <= pair[1].end,
            "{:?} holds {:?}",
            pair[1],
            pair[0]
        );
    }
    let actual: String = found.iter().map(|s| mark(&snap, s)).collect();
    expect.assert_eq(&actual);
}

pub fn check_links(fixture: &str, expect: Expect) {
    let fixture = Fixture::parse(fixture);
    let (snap, _) = fixture.snapshot();
    let actual: String = super::links(&snap)
        .iter()
        .map(|l| format!("{}  → {} ({})\n", mark(&snap, &l.span), l.target, l.tooltip))
        .collect();
    expect.assert_eq(&actual);
}

/// The symbol tree, one symbol a line, indented by depth: its kind, name,
/// detail and lines. Each symbol must lie in its parent and its selection
/// in itself.
pub fn check_symbols(fixture: &str, expect: Expect) {
    fn render(
        snap: &Snapshot,
        symbols: &[super::Symbol],
        parent: Option<&Span>,
        depth: usize,
        out: &mut String,
    ) {
        for s in symbols {
            assert!(
                s.span.start <= s.selection.start && s.selection.end <= s.span.end,
                "selection in {s:?}"
            );
            if let Some(p) = parent {
                assert!(
                    p.start <= s.span.start && s.span.end <= p.end,
                    "{s:?} in {p:?}"
                );
            }
            let line = |at: usize| snap.analysis.line_number(at);
            out.push_str(&format!(
                "{}{:?} {} ({}–{}){}\n",
                "  ".repeat(depth),
                s.kind,
                s.name,
                line(s.span.start),
                line(s.span.end.saturating_sub(1).max(s.span.start)),
                s.detail
                    .as_ref()
                    .map_or(String::new(), |d| format!(": {d}"))
            ));
            render(snap, &s.children, Some(&s.span), depth + 1, out);
        }
    }
    let fixture = Fixture::parse(fixture);
    let (snap, _) = fixture.snapshot();
    let mut actual = String::new();
    render(&snap, &super::symbols(&snap), None, 0, &mut actual);
    expect.assert_eq(&actual);
}

pub fn check_lenses(fixture: &str, expect: Expect) {
    let fixture = Fixture::parse(fixture);
    let (snap, _) = fixture.snapshot();
    let actual: String = super::code_lenses(&snap)
        .iter()
        .map(|l| format!("{}  {}\n", mark(&snap, &l.span), l.title))
        .collect();
    expect.assert_eq(&actual);
}

/// The hints of the whole text, each as its line with `|` where it stands.
pub fn check_hints(fixture: &str, markers: bool, expect: Expect) {
    let fixture = Fixture::parse(fixture);
    let (snap, _) = fixture.snapshot();
    let actual: String = super::inlay_hints(&snap, 0..snap.text().len(), markers)
        .iter()
        .map(|h| {
            let tooltip = h
                .tooltip
                .as_ref()
                .map_or(String::new(), |t| format!(" ({t})"));
            format!(
                "{}  {}{tooltip}\n",
                mark(&snap, &(h.offset..h.offset)),
                h.label
            )
        })
        .collect();
    expect.assert_eq(&actual);
}

/// Each candidate: its kind, label and detail, and its line once taken.
pub fn check_completion(fixture: &str, expect: Expect) {
    let fixture = Fixture::parse(fixture);
    let (snap, offset) = fixture.snapshot();
    let actual: String = super::completion(&snap, offset)
        .iter()
        .map(|c| {
            let edit = crate::assist::Edit {
                span: c.replace.clone(),
                text: c.insert.clone(),
            };
            let taken = crate::assist::apply(snap.text(), &[edit]);
            let line = taken[..c.replace.start + c.insert.len()]
                .lines()
                .next_back()
                .unwrap_or("");
            let detail = c.detail.as_deref().unwrap_or("");
            format!("{:?} {} ({detail})\n  {line}\n", c.kind, c.label)
        })
        .collect();
    expect.assert_eq(&actual);
}

/// The lines a set of edits changes: `-` before, `+` after; line by line
/// when the edits keep the number of lines, else the run between the
/// lines they keep at both ends.
fn changed_lines(before: &str, after: &str) -> String {
    let (old, new): (Vec<&str>, Vec<&str>) = (before.lines().collect(), after.lines().collect());
    if old.len() == new.len() {
        let mut out = String::new();
        for (i, (o, n)) in old.iter().zip(&new).enumerate() {
            if o != n {
                let (o, n) = (o.trim_end(), n.trim_end());
                out.push_str(&format!("{}: - {o}\n{}: + {n}\n", i + 1, i + 1));
            }
        }
        return out;
    }
    let head = old.iter().zip(&new).take_while(|(o, n)| o == n).count();
    let tail = old[head..]
        .iter()
        .rev()
        .zip(new[head..].iter().rev())
        .take_while(|(o, n)| o == n)
        .count();
    let mut out = String::new();
    for (i, line) in old[head..old.len() - tail].iter().enumerate() {
        out.push_str(&format!("{}: - {}\n", head + i + 1, line.trim_end()));
    }
    for (i, line) in new[head..new.len() - tail].iter().enumerate() {
        out.push_str(&format!("{}: + {}\n", head + i + 1, line.trim_end()));
    }
    out
}

/// What renaming the footnote number at the cursor to `new_name` does: the
/// digits it starts from, then the changed lines or the refusal.
pub fn check_rename(fixture: &str, new_name: &str, expect: Expect) {
    let fixture = Fixture::parse(fixture);
    let (snap, offset) = fixture.snapshot();
    let prepared = match super::prepare_rename(&snap, offset) {
        Some((span, placeholder)) => format!("{}  {placeholder}\n", mark(&snap, &span)),
        None => "(nothing to rename)\n".to_owned(),
    };
    let done = match super::rename(&snap, offset, new_name) {
        Ok(edits) => changed_lines(snap.text(), &crate::assist::apply(snap.text(), &edits)),
        Err(message) => format!("refused: {message}\n"),
    };
    expect.assert_eq(&format!("{prepared}{done}"));
}

pub fn check_tokens(fixture: &str, expect: Expect) {
    let fixture = Fixture::parse(fixture);
    let (snap, _) = fixture.snapshot();
    let actual: String = super::tokens(&snap, None)
        .iter()
        .map(|(span, kind)| render_span(&format!("{kind:?} "), snap.text(), span))
        .collect();
    expect.assert_eq(&actual);
}

/// The actions at the cursor: kind, title, whether preferred, the finding
/// each fixes (and whether the analysis has that finding there), then
/// the lines its edits change.
pub fn check_actions(fixture: &str, expect: Expect) {
    let fixture = Fixture::parse(fixture);
    let (snap, offset) = fixture.snapshot();
    let a = &snap.analysis;
    let mut actual = String::new();
    for action in super::code_actions(&snap, offset..offset) {
        let preferred = if action.preferred { " (preferred)" } else { "" };
        let fixes = match &action.fixes {
            Some(f) => {
                let found = a.diagnostics.iter().any(|d| {
                    d.code == f.code && d.span.start <= f.at.end && f.at.start <= d.span.end
                });
                let found = if found { "" } else { ", not found here" };
                let needed = if action.needs_finding { ", needed" } else { "" };
                format!(" [fixes {}{found}{needed}]", f.code)
            }
            None => String::new(),
        };
        actual.push_str(&format!(
            "{:?} {}{preferred}{fixes}\n",
            action.kind, action.title
        ));
        let after = crate::assist::apply(snap.text(), &action.edits);
        for line in changed_lines(snap.text(), &after).lines() {
            actual.push_str(&format!("  {line}\n"));
        }
    }
    if actual.is_empty() {
        actual.push_str("(nothing)\n");
    }
    expect.assert_eq(&actual);
}

/// The workspace's symbols for `query`: kind, name, detail and where.
pub fn check_workspace_symbols(fixture: &str, query: &str, expect: Expect) {
    let fixture = Fixture::parse(fixture);
    let (snap, _) = fixture.snapshot();
    let actual: String = super::workspace_symbols(&snap.workspace, query)
        .iter()
        .map(|s| {
            format!(
                "{:?} {} ({})\n{}",
                s.kind,
                s.name,
                s.detail,
                fixture.render(&s.target)
            )
        })
        .collect();
    expect.assert_eq(&actual);
}
