//! `dossier-lsp inspect`: a document as the analyser reads it — pages,
//! footnotes, markers with the note they resolve to, questions with their
//! answers, citations — for a person who wants to see why a number was or
//! was not taken as a marker, and as JSON for tools (one object per file).
//!
//! Lines are 1-based; a column is 1-based in characters.

use serde::Serialize;

use crate::dossier::NumberReason;
use crate::i18n::{Lang, Message};
use crate::text::LineIndex;
use crate::{msg, Dossier};

/// What `inspect` shows of one document.
#[derive(Debug, Serialize)]
pub struct Inspection {
    pub path: String,
    pub pages: Vec<PageRow>,
    pub footnotes: Vec<FootnoteRow>,
    pub markers: Vec<MarkerRow>,
    pub questions: Vec<QuestionRow>,
    pub answers: Vec<AnswerRow>,
    pub citations: Vec<CitationRow>,
    /// Numbers of the running text that were not read as markers, and why.
    pub not_markers: Vec<NumberRow>,
}

#[derive(Debug, Serialize)]
pub struct NumberRow {
    pub number: u32,
    pub line: usize,
    pub column: usize,
    /// [`NumberReason::code`], the same in every language.
    pub reason: &'static str,
    #[serde(skip)]
    pub why: NumberReason,
}

#[derive(Debug, Serialize)]
pub struct PageRow {
    pub number: Option<u32>,
    pub line: usize,
}

#[derive(Debug, Serialize)]
pub struct FootnoteRow {
    pub number: u32,
    pub line: usize,
    pub end_line: usize,
    /// How the note is written: `page` (bottom of a page or after the
    /// body), `markdown`, `typed`, `superscript`.
    pub convention: &'static str,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct MarkerRow {
    pub number: u32,
    pub line: usize,
    pub column: usize,
    pub convention: &'static str,
    pub footnote_line: Option<usize>,
}

#[derive(Debug, Serialize)]
pub struct QuestionRow {
    pub number: Option<u32>,
    pub numbers: Vec<u32>,
    pub line: usize,
    pub answer_line: Option<usize>,
}

#[derive(Debug, Serialize)]
pub struct AnswerRow {
    pub numbers: Vec<u32>,
    pub line: usize,
}

#[derive(Debug, Serialize)]
pub struct CitationRow {
    pub id: Option<String>,
    pub line: usize,
    pub page: Option<u32>,
    pub text: String,
    pub kind: &'static str,
}

/// Reads one document.
pub fn inspect(path: &str, text: &str) -> Inspection {
    let index = LineIndex::new(text);
    let dossier = Dossier::analyze_indexed(text, &index);
    let line = |offset: usize| index.line_of(offset) + 1;
    let column = |offset: usize| {
        let start = index.line_start(index.line_of(offset)).unwrap_or(0);
        text.get(start..offset).map_or(1, |s| s.chars().count() + 1)
    };
    let layout = &dossier.layout;
    let pages = layout
        .pages
        .iter()
        .filter(|p| !p.lines.is_empty())
        .map(|p| PageRow {
            number: p.number,
            line: line(p.span.start),
        })
        .collect();
    let footnotes = dossier
        .footnotes
        .iter()
        .map(|f| FootnoteRow {
            number: f.number,
            line: line(f.number_span.start),
            end_line: line(f.span.end.max(f.span.start)),
            convention: f.convention.as_str(),
            text: f.text.clone(),
        })
        .collect();
    let markers = dossier
        .markers
        .iter()
        .map(|m| MarkerRow {
            number: m.number,
            line: line(m.span.start),
            column: column(m.span.start),
            convention: m.convention.as_str(),
            footnote_line: m
                .footnote
                .map(|i| line(dossier.footnotes[i].number_span.start)),
        })
        .collect();
    let questions = dossier
        .questions
        .iter()
        .map(|q| QuestionRow {
            number: q.numbers.first().copied(),
            numbers: q.numbers.clone(),
            line: line(q.heading_span.as_ref().unwrap_or(&q.span).start),
            answer_line: q
                .answer
                .map(|a| line(dossier.answers[a].heading_span.start)),
        })
        .collect();
    let answers = dossier
        .answers
        .iter()
        .map(|a| AnswerRow {
            numbers: a.numbers.clone(),
            line: line(a.heading_span.start),
        })
        .collect();
    let citations = dossier
        .citations
        .iter()
        .map(|c| CitationRow {
            id: c.id.clone(),
            line: line(c.span.start),
            page: c.page.as_deref().and_then(first_page),
            text: c.written(text).into_owned(),
            kind: c.kind.as_str(),
        })
        .collect();
    let not_markers = dossier
        .explain_numbers(text)
        .into_iter()
        .filter(|r| !r.taken)
        .map(|r| NumberRow {
            number: r.number,
            line: line(r.span.start),
            column: column(r.span.start),
            reason: r.reason.code(),
            why: r.reason,
        })
        .collect();
    Inspection {
        path: path.to_string(),
        pages,
        footnotes,
        markers,
        questions,
        answers,
        citations,
        not_markers,
    }
}

/// Reads each file and prints what the analyser makes of it, plain or as
/// JSON lines. A file that cannot be read, or is binary, is reported on
/// standard error and the others are still shown (exit status 1).
pub fn run(files: &[std::path::PathBuf], json: bool, lang: Lang) -> std::process::ExitCode {
    use std::io::Write;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for file in files {
        let shown = file.display().to_string();
        let text = match read(file) {
            Ok(text) => text,
            Err(e) => {
                let e = msg!("inspect-error", path = shown, problem = e);
                eprintln!("{}", e.render(lang));
                failed = true;
                continue;
            }
        };
        let inspection = inspect(&shown, &text);
        let written = if json {
            serde_json::to_writer(&mut out, &inspection)
                .map_err(std::io::Error::from)
                .and_then(|()| writeln!(out))
        } else {
            write!(out, "{}", render_plain(&inspection, lang))
        };
        if written.is_err() {
            // A closed pipe (`| head`): nothing more to say.
            return std::process::ExitCode::SUCCESS;
        }
    }
    let _ = out.flush();
    if failed {
        std::process::ExitCode::from(1)
    } else {
        std::process::ExitCode::SUCCESS
    }
}

/// A file's text, invalid UTF-8 replaced; a binary or oversized file is
/// refused with a reason.
fn read(file: &std::path::Path) -> Result<String, Message> {
    let io = |e: std::io::Error| msg!("inspect-io", error = e.to_string());
    let len = std::fs::metadata(file).map_err(io)?.len();
    if len > crate::discover::MAX_FILE_BYTES {
        return Err(msg!(
            "inspect-too-large",
            bytes = len,
            limit = crate::discover::MAX_FILE_BYTES
        ));
    }
    let bytes = std::fs::read(file).map_err(io)?;
    let decoded = crate::text::decode(&bytes);
    if decoded.binary {
        return Err(msg!("inspect-binary"));
    }
    Ok(decoded.text)
}

/// `12` of `12`, `12-13`.
fn first_page(pin: &str) -> Option<u32> {
    let digits: String = pin.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// The plain report in `lang`: a section per kind of item, one line per
/// item. Codes, numbers and citations are as in the JSON.
pub fn render_plain(i: &Inspection, lang: Lang) -> String {
    use std::fmt::Write;
    let t = |m: Message| m.render(lang);
    let mut out = String::new();
    let _ = writeln!(out, "{}", i.path);
    let _ = writeln!(out, "  {}", t(msg!("inspect-pages", count = i.pages.len())));
    for p in &i.pages {
        let number = p.number.map_or("-".to_string(), |n| n.to_string());
        let _ = writeln!(
            out,
            "    {}",
            t(msg!(
                "inspect-page",
                number = format!("{number:>4}"),
                line = p.line
            ))
        );
    }
    let _ = writeln!(
        out,
        "  {}",
        t(msg!("inspect-footnotes", count = i.footnotes.len()))
    );
    for f in &i.footnotes {
        let text: String = f.text.chars().take(70).collect();
        let lines = t(msg!("inspect-lines", first = f.line, last = f.end_line));
        let _ = writeln!(
            out,
            "    {:>4}  {lines}  {:<11} {text}",
            f.number, f.convention
        );
    }
    let _ = writeln!(
        out,
        "  {}",
        t(msg!("inspect-markers", count = i.markers.len()))
    );
    for m in &i.markers {
        let target = match m.footnote_line {
            Some(l) => format!("-> {}", t(msg!("inspect-line", line = l))),
            None => t(msg!("inspect-no-definition")),
        };
        let _ = writeln!(
            out,
            "    {:>4}  {}:{}  {:<11} {target}",
            m.number, m.line, m.column, m.convention
        );
    }
    let _ = writeln!(
        out,
        "  {}",
        t(msg!("inspect-not-markers", count = i.not_markers.len()))
    );
    for n in &i.not_markers {
        let _ = writeln!(
            out,
            "    {:>4}  {}:{}  {}",
            n.number,
            n.line,
            n.column,
            t(reason_message(n.why))
        );
    }
    let _ = writeln!(
        out,
        "  {}",
        t(msg!("inspect-questions", count = i.questions.len()))
    );
    for q in &i.questions {
        let numbers = list(&q.numbers);
        let answer = match q.answer_line {
            Some(l) => t(msg!("inspect-answered-on", line = l)),
            None => t(msg!("inspect-no-answer")),
        };
        let line = t(msg!("inspect-line", line = q.line));
        let _ = writeln!(out, "    {numbers:>8}  {line}  {answer}");
    }
    let _ = writeln!(
        out,
        "  {}",
        t(msg!("inspect-answers", count = i.answers.len()))
    );
    for a in &i.answers {
        let line = t(msg!("inspect-line", line = a.line));
        let _ = writeln!(out, "    {:>8}  {line}", list(&a.numbers));
    }
    let _ = writeln!(
        out,
        "  {}",
        t(msg!("inspect-citations", count = i.citations.len()))
    );
    for c in &i.citations {
        let id = c.id.as_deref().unwrap_or("-");
        let text: String = c.text.chars().take(60).collect();
        let line = t(msg!("inspect-line", line = format!("{:>5}", c.line)));
        let _ = writeln!(out, "    {line}  {:<13} {id:<24} {text}", c.kind);
    }
    out
}

/// Why a number was or was not read as a marker, in words.
fn reason_message(reason: NumberReason) -> Message {
    match reason {
        NumberReason::MarkdownMarker => msg!("number-markdown-marker"),
        NumberReason::TypedMarker => msg!("number-typed-marker"),
        NumberReason::SuperscriptMarker => msg!("number-superscript-marker"),
        NumberReason::GluedNextNote => msg!("number-glued-next-note"),
        NumberReason::GluedNumbered => msg!("number-glued-numbered"),
        NumberReason::SpacedNextNote => msg!("number-spaced-next-note"),
        NumberReason::GluedNotNext => msg!("number-glued-not-next"),
        NumberReason::YearOrPostcode => msg!("number-year-or-postcode"),
        NumberReason::GluedNoNotes => msg!("number-glued-no-notes"),
        NumberReason::GluedNoSuchNote => msg!("number-glued-no-such-note"),
        NumberReason::SpacedNotNext => msg!("number-spaced-not-next"),
        NumberReason::SpacedNoSuchNote => msg!("number-spaced-no-such-note"),
        NumberReason::MoreThanFourDigits => msg!("number-more-than-four-digits"),
        NumberReason::Zero => msg!("number-zero"),
        NumberReason::PartOfWord => msg!("number-part-of-word"),
        NumberReason::DecimalOrRange => msg!("number-decimal-or-range"),
        NumberReason::NumberPart => msg!("number-number-part"),
        NumberReason::AfterQuantityWord => msg!("number-after-quantity-word"),
        NumberReason::OpensLine => msg!("number-opens-line"),
        NumberReason::InNumberList => msg!("number-in-number-list"),
        NumberReason::AfterCode => msg!("number-after-code"),
        NumberReason::AfterSpaces => msg!("number-after-spaces"),
        NumberReason::BeforeQuantityWord => msg!("number-before-quantity-word"),
        NumberReason::NotAfterLetter => msg!("number-not-after-letter"),
    }
}

fn list(numbers: &[u32]) -> String {
    if numbers.is_empty() {
        return "-".into();
    }
    let parts: Vec<String> = numbers.iter().map(u32::to_string).collect();
    parts.join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../seeds/000_0dbf1fc7ba84b8b6.txt");

    #[test]
    fn the_seed_reads_as_its_design_says() {
        let i = inspect("seed.txt", SEED);
        let numbers: Vec<u32> = i.footnotes.iter().map(|f| f.number).collect();
        assert_eq!(numbers, (1..=15).collect::<Vec<_>>());
        let marked: Vec<u32> = i.markers.iter().map(|m| m.number).collect();
        assert_eq!(marked, (2..=15).collect::<Vec<_>>());
        // Each marker points at the line its footnote's number stands on.
        for m in &i.markers {
            let f = i.footnotes.iter().find(|f| f.number == m.number).unwrap();
            assert_eq!(m.footnote_line, Some(f.line), "marker {}", m.number);
        }
        let fourteen = i.footnotes.iter().find(|f| f.number == 14).unwrap();
        assert_eq!(SEED.lines().nth(fourteen.line - 1), Some("14 PM BRON"));
        let answered = i.questions.iter().filter(|q| q.answer_line.is_some());
        assert!(answered.count() >= 4);
    }

    #[test]
    fn numbers_not_read_as_markers_say_why() {
        let text = "Het kabinet trekt gemiddeld 2 fte uit voor het\nrapport.1\n1. Gemeenten stellen regels.\n\n1 Kamerstuk 29 515, nr. 496.\n";
        let i = inspect("a.txt", text);
        let marked: Vec<(u32, usize)> = i.markers.iter().map(|m| (m.number, m.line)).collect();
        assert_eq!(marked, [(1, 2)]);
        let why: Vec<(u32, usize, &str)> = i
            .not_markers
            .iter()
            .map(|n| (n.number, n.line, n.reason))
            .collect();
        assert_eq!(why, [(2, 1, "after-quantity-word"), (1, 3, "opens-line")]);
        // In words, in either language.
        let en = render_plain(&i, Lang::En);
        assert!(
            en.contains("1  3:1  opens its line as an item, heading or question (`1. Inleiding`)"),
            "{en}"
        );
        let nl = render_plain(&i, Lang::Nl);
        assert!(
            nl.contains("  cijfers die niet als noottekens gelezen zijn (2):\n"),
            "{nl}"
        );
        assert!(
            nl.contains(
                "1  3:1  opent de regel als opsommingsteken, kop of vraag (`1. Inleiding`)"
            ),
            "{nl}"
        );
        assert!(!nl.contains("line"), "{nl}");
        // The reasons of the marker search itself too: a year on the seed.
        let seed = render_plain(&inspect("seed.txt", SEED), Lang::Nl);
        assert!(
            seed.contains(
                "2020  4:59  vier cijfers en geen noot met dat nummer (een jaartal, een postcode)"
            ),
            "{seed}"
        );
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "«Het is zo»é7 en verder.\n\n7 Kamerstuk 22 112, nr. 2955.\n";
        let i = inspect("a.txt", text);
        assert_eq!(i.markers.len(), 1);
        let m = &i.markers[0];
        assert_eq!((m.line, m.column), (1, 13));
        assert_eq!(m.footnote_line, Some(3));
    }
}
