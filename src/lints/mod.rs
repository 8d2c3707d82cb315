//! Lints: one small function per diagnostic, each with a stable code.
//!
//! Every code, with its default severity and a line of documentation, is
//! in one registry, [`LINTS`]: the lints report with it, settings and
//! `--lint` are checked against it, and a test holds the README's table of
//! diagnostics to it. The workspace's lints are in [`workspace_lints`].

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::citation::CitationKind;
use crate::dossier::passage::Change;
use crate::dossier::{
    first_words, Dossier, Footnote, NoteConvention, Passage, PassageIndex, QuestionKind,
    QuoteMatch, QuotedPassage, Source,
};
use crate::i18n::Message;
use crate::msg;
use crate::workspace::{DocumentSummary, Workspace};
use crate::Span;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Hint,
    Information,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Information => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable code, e.g. `undefined-footnote`.
    pub code: &'static str,
    pub severity: Severity,
    pub span: Span,
    pub message: Message,
}

/// A diagnostic's entry in the registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lint {
    /// Stable code, e.g. `undefined-footnote`.
    pub code: &'static str,
    /// The severity it is reported with unless a setting says otherwise.
    pub severity: Severity,
    /// Silent unless a setting turns it on (then at `severity`).
    pub off_by_default: bool,
}

impl Lint {
    const fn new(code: &'static str, severity: Severity) -> Lint {
        Lint {
            code,
            severity,
            off_by_default: false,
        }
    }

    /// What it reports, in one line: the catalogs' `lint-doc-<code>` (SARIF's
    /// rule descriptions).
    pub fn description(&self) -> Message {
        static IDS: std::sync::LazyLock<HashMap<&'static str, &'static str>> =
            std::sync::LazyLock::new(|| {
                LINTS
                    .iter()
                    .map(|l| {
                        let id: &'static str =
                            Box::leak(format!("lint-doc-{}", l.code).into_boxed_str());
                        (l.code, id)
                    })
                    .collect()
            });
        Message::new(IDS.get(self.code).copied().unwrap_or("lint-doc-unknown"))
    }

    /// A finding of this lint at its default severity.
    pub fn at(&self, span: Span, message: Message) -> Diagnostic {
        Diagnostic {
            code: self.code,
            severity: self.severity,
            span,
            message,
        }
    }

    /// The registry's entry for `code`.
    pub fn named(code: &str) -> Option<&'static Lint> {
        LINTS.iter().find(|l| l.code == code)
    }
}

pub const UNDEFINED_FOOTNOTE: Lint = Lint::new("undefined-footnote", Severity::Error);
pub const UNREFERENCED_FOOTNOTE: Lint = Lint::new("unreferenced-footnote", Severity::Information);
pub const PLACEHOLDER_SOURCE: Lint = Lint::new("placeholder-source", Severity::Warning);
pub const UNRESOLVED_SHORT_FORM: Lint = Lint::new("unresolved-short-form", Severity::Warning);
pub const FOOTNOTE_NUMBERING: Lint = Lint::new("footnote-numbering", Severity::Warning);
pub const CITATION_FORMAT: Lint = Lint::new("citation-format", Severity::Hint);
pub const UNANSWERED_QUESTION: Lint = Lint::new("unanswered-question", Severity::Warning);
pub const ANSWER_WITHOUT_QUESTION: Lint = Lint::new("answer-without-question", Severity::Warning);
pub const QUESTION_NOT_TAKEN_UP: Lint = Lint::new("question-not-taken-up", Severity::Information);
pub const QUOTATION_WITHOUT_SOURCE: Lint = Lint::new("quotation-without-source", Severity::Hint);
pub const QUOTE_NOT_FOUND: Lint = Lint::new("quote-not-found", Severity::Warning);
pub const QUOTE_PAGE_MISMATCH: Lint = Lint::new("quote-page-mismatch", Severity::Warning);
pub const QUOTE_ALTERED: Lint = Lint::new("quote-altered", Severity::Information);
pub const MIXED_CITATION_STYLE: Lint = Lint::new("mixed-citation-style", Severity::Hint);
pub const PAGE_BEYOND_DOCUMENT: Lint = Lint::new("page-beyond-document", Severity::Warning);
pub const CITATION_NOT_IN_WORKSPACE: Lint = Lint {
    off_by_default: true,
    ..Lint::new("citation-not-in-workspace", Severity::Information)
};
pub const INVALID_UTF8: Lint = Lint::new("invalid-utf8", Severity::Warning);
pub const REPLACEMENT_CHARACTERS: Lint = Lint::new("replacement-characters", Severity::Warning);
pub const BINARY_FILE: Lint = Lint::new("binary-file", Severity::Error);
pub const PROJECT_FILE: Lint = Lint::new("project-file", Severity::Error);
pub const INTERNAL_ERROR: Lint = Lint::new("internal-error", Severity::Error);

/// Every diagnostic code, with its default severity (its documentation is
/// the catalogs' `lint-doc-<code>`).
pub const LINTS: &[Lint] = &[
    UNDEFINED_FOOTNOTE,
    UNREFERENCED_FOOTNOTE,
    PLACEHOLDER_SOURCE,
    UNRESOLVED_SHORT_FORM,
    FOOTNOTE_NUMBERING,
    CITATION_FORMAT,
    UNANSWERED_QUESTION,
    ANSWER_WITHOUT_QUESTION,
    QUESTION_NOT_TAKEN_UP,
    QUOTATION_WITHOUT_SOURCE,
    QUOTE_NOT_FOUND,
    QUOTE_PAGE_MISMATCH,
    QUOTE_ALTERED,
    MIXED_CITATION_STYLE,
    PAGE_BEYOND_DOCUMENT,
    CITATION_NOT_IN_WORKSPACE,
    INVALID_UTF8,
    REPLACEMENT_CHARACTERS,
    BINARY_FILE,
    PROJECT_FILE,
    INTERNAL_ERROR,
];

/// Reads a level as users write it in settings and on the command line:
/// `error`, `warning`/`warn`, `information`/`info`, `hint`, or `off`.
/// `Some(None)` is off; `None` is not a level.
pub fn parse_level(s: &str) -> Option<Option<Severity>> {
    Some(match s.trim().to_ascii_lowercase().as_str() {
        "off" | "none" | "false" => None,
        "error" => Some(Severity::Error),
        "warning" | "warn" => Some(Severity::Warning),
        "information" | "info" => Some(Severity::Information),
        "hint" => Some(Severity::Hint),
        _ => return None,
    })
}

/// Per-code severities chosen by the user, over the defaults of [`LINTS`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LintLevels {
    chosen: HashMap<String, Option<Severity>>,
}

impl LintLevels {
    /// Parses `code=level`; the error says what is wrong.
    pub fn set(&mut self, spec: &str) -> Result<(), Message> {
        let (code, level) = spec
            .split_once('=')
            .ok_or_else(|| msg!("lint-spec-malformed", spec = spec))?;
        let code = code.trim();
        if Lint::named(code).is_none() {
            let known: Vec<&str> = LINTS.iter().map(|l| l.code).collect();
            return Err(msg!("lint-unknown", code = code, known = known.join(", ")));
        }
        let level = parse_level(level).ok_or_else(|| msg!("lint-level-unknown", level = level))?;
        self.chosen.insert(code.to_string(), level);
        Ok(())
    }

    /// `other`'s choices over these (a setting over the project file).
    pub fn overlay(&mut self, other: &LintLevels) {
        for (code, level) in &other.chosen {
            self.chosen.insert(code.clone(), *level);
        }
    }

    /// The severity to report `code` with, or `None` when it is off.
    pub fn level(&self, code: &str, default: Severity) -> Option<Severity> {
        match self.chosen.get(code) {
            Some(level) => *level,
            None if Lint::named(code).is_some_and(|l| l.off_by_default) => None,
            None => Some(default),
        }
    }

    /// Every lint on, each at its default severity (those off by default
    /// too).
    pub fn everything() -> LintLevels {
        let mut levels = LintLevels::default();
        for lint in LINTS.iter().filter(|l| l.off_by_default) {
            levels
                .chosen
                .insert(lint.code.to_string(), Some(lint.severity));
        }
        levels
    }

    /// Whether `code` is reported at all.
    pub fn is_on(&self, code: &str) -> bool {
        // Whatever the default severity, `level` says whether it is off.
        self.level(code, Severity::Hint).is_some()
    }

    /// Applies the levels: drops what is off, sets the rest's severity.
    pub fn apply(&self, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        diagnostics
            .into_iter()
            .filter_map(|mut d| {
                d.severity = self.level(d.code, d.severity)?;
                Some(d)
            })
            .collect()
    }
}

/// Runs every lint over one analysed document; sorted by position.
pub fn lint(dossier: &Dossier, text: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    undefined_footnote(dossier, &mut out);
    unreferenced_footnote(dossier, &mut out);
    placeholder_source(dossier, text, &mut out);
    unresolved_short_form(dossier, &mut out);
    footnote_numbering(dossier, &mut out);
    citation_format(dossier, text, &mut out);
    unanswered_question(dossier, text, &mut out);
    answer_without_question(dossier, text, &mut out);
    question_not_taken_up(dossier, text, &mut out);
    quotation_without_source(dossier, &mut out);
    mixed_citation_style(dossier, text, &mut out);
    quotes_of_itself(dossier, text, &mut out);
    out.sort_by_key(|d| (d.span.start, d.span.end, d.code));
    out
}

/// One finding, at the first U+FFFD, for a text that holds replacement
/// characters: an editor that read a file in the wrong encoding (a
/// Windows-1252 file read as UTF-8) puts one for each byte it could not
/// read, and the document's `é`, `ë` and quotation marks are lost from it.
pub fn replacement_characters(text: &str) -> Option<Diagnostic> {
    let first = text.find('\u{FFFD}')?;
    let n = text.matches('\u{FFFD}').count();
    Some(REPLACEMENT_CHARACTERS.at(
        first..first + '\u{FFFD}'.len_utf8(),
        msg!("replacement-characters", count = n),
    ))
}

fn push(out: &mut Vec<Diagnostic>, lint: &Lint, span: Span, message: Message) {
    out.push(lint.at(span, message));
}

/// A finding at another severity than the lint's default: milder where the
/// reading is in doubt (a setting still decides over both).
fn push_at(
    out: &mut Vec<Diagnostic>,
    lint: &Lint,
    severity: Severity,
    span: Span,
    message: Message,
) {
    let mut finding = lint.at(span, message);
    finding.severity = severity;
    out.push(finding);
}

/// Findings about notes read with doubt are given mildly
/// ([`Dossier::notes_in_doubt`]).
fn doubtful(d: &Dossier, convention: NoteConvention) -> bool {
    d.notes_in_doubt(convention)
}

fn undefined_footnote(d: &Dossier, out: &mut Vec<Diagnostic>) {
    for m in d.markers.iter().filter(|m| m.footnote.is_none()) {
        let severity = if doubtful(d, m.convention) {
            Severity::Information
        } else {
            Severity::Error
        };
        push_at(
            out,
            &UNDEFINED_FOOTNOTE,
            severity,
            m.span.clone(),
            msg!(
                "undefined-footnote",
                note = m.label.clone().unwrap_or_else(|| m.number.to_string())
            ),
        );
    }
}

fn unreferenced_footnote(d: &Dossier, out: &mut Vec<Diagnostic>) {
    let referenced: HashSet<usize> = d.markers.iter().filter_map(|m| m.footnote).collect();
    for (i, f) in d.footnotes.iter().enumerate() {
        if !referenced.contains(&i) {
            push(
                out,
                &UNREFERENCED_FOOTNOTE,
                f.number_span.clone(),
                msg!("unreferenced-footnote", note = f.name()),
            );
        }
    }
}

fn placeholder_source(d: &Dossier, text: &str, out: &mut Vec<Diagnostic>) {
    for c in d
        .citations
        .iter()
        .filter(|c| c.kind == CitationKind::Placeholder)
    {
        let written = c.written(text);
        let written = written.trim();
        let message = match d.footnote_at(c.span.start) {
            Some(f) => msg!(
                "placeholder-in-footnote",
                note = f.name(),
                written = written
            ),
            None => msg!("placeholder", written = written),
        };
        push(
            out,
            &PLACEHOLDER_SOURCE,
            // The first part: a finding never covers the footnote block
            // between the parts of a citation a page break cut.
            c.spans()[0].clone(),
            message,
        );
    }
}

fn unresolved_short_form(d: &Dossier, out: &mut Vec<Diagnostic>) {
    for f in &d.footnotes {
        if let Source::Unresolved { reason } = &f.source {
            let span = f
                .citations
                .first()
                .map_or(f.span.clone(), |&c| d.citations[c].span.clone());
            let written = d
                .citations
                .get(f.citations.first().copied().unwrap_or(usize::MAX));
            let what = written
                .and_then(|c| c.short_form)
                .map_or(msg!("short-form-generic"), |k| match k {
                    crate::citation::ShortFormKind::Idem => Message::new("short-form-idem"),
                    crate::citation::ShortFormKind::Ibidem => Message::new("short-form-ibidem"),
                    crate::citation::ShortFormKind::SeeNote(_) => msg!("short-form-see-note"),
                });
            push(
                out,
                &UNRESOLVED_SHORT_FORM,
                span,
                msg!(
                    "unresolved-short-form",
                    note = f.name(),
                    what = what,
                    reason = reason.clone()
                ),
            );
        }
    }
}

/// Each convention numbers its notes on its own: typed notes `1)`, `2)`
/// beside Word footnotes 1, 2 are no duplicates.
fn footnote_numbering(d: &Dossier, out: &mut Vec<Diagnostic>) {
    let mut conventions: Vec<NoteConvention> = d.footnotes.iter().map(|f| f.convention).collect();
    conventions.sort_by_key(|c| c.as_str());
    conventions.dedup();
    for convention in conventions {
        let notes = d.footnotes.iter().filter(|f| f.convention == convention);
        let severity = if doubtful(d, convention) {
            Severity::Information
        } else {
            Severity::Warning
        };
        numbering_of(notes, severity, out);
    }
}

fn numbering_of<'a>(
    notes: impl Iterator<Item = &'a Footnote>,
    severity: Severity,
    out: &mut Vec<Diagnostic>,
) {
    let mut seen: HashMap<u32, usize> = HashMap::default();
    let mut prev: Option<u32> = None;
    for f in notes {
        // A Markdown label's number is not written: nothing to check.
        if f.label.is_some() {
            continue;
        }
        let message = if seen.contains_key(&f.number) {
            Some(msg!("footnote-twice", note = f.number))
        } else {
            match prev {
                Some(p) if f.number < p => {
                    Some(msg!("footnote-out-of-order", note = f.number, previous = p))
                }
                Some(p) if f.number > p + 1 => Some(if f.number == p + 2 {
                    msg!(
                        "footnote-one-missing",
                        note = f.number,
                        previous = p,
                        missing = p + 1
                    )
                } else {
                    msg!(
                        "footnote-several-missing",
                        note = f.number,
                        previous = p,
                        from = p + 1,
                        to = f.number - 1
                    )
                }),
                None if f.number > 1 => Some(msg!("footnote-first-not-one", note = f.number)),
                _ => None,
            }
        };
        if let Some(message) = message {
            push_at(
                out,
                &FOOTNOTE_NUMBERING,
                severity,
                f.number_span.clone(),
                message,
            );
        }
        *seen.entry(f.number).or_default() += 1;
        prev = Some(prev.map_or(f.number, |p| p.max(f.number)));
    }
}

fn citation_format(d: &Dossier, text: &str, out: &mut Vec<Diagnostic>) {
    for c in &d.citations {
        for slip in &c.slips {
            let written = c
                .written(text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let message = match d.footnote_at(c.span.start) {
                Some(f) => msg!(
                    "citation-slip-in-footnote",
                    note = f.name(),
                    slip = slip.message.clone(),
                    written = &written
                ),
                None => msg!(
                    "citation-slip",
                    slip = slip.message.clone(),
                    written = &written
                ),
            };
            push(
                out,
                &CITATION_FORMAT,
                if slip.span.is_empty() {
                    c.part_at(slip.span.start).clone()
                } else {
                    slip.span.clone()
                },
                message,
            );
        }
    }
}

fn heading_name(text: &str, span: &Span) -> String {
    text[span.clone()]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Only in a document that answers some questions: a notice that answering
/// is postponed asks without answering, and that is no fault.
fn unanswered_question(d: &Dossier, text: &str, out: &mut Vec<Diagnostic>) {
    if d.answers.is_empty() {
        return;
    }
    for q in d
        .questions
        .iter()
        .filter(|q| q.kind != QuestionKind::LetterParagraph && q.answer.is_none())
    {
        let span = q.heading_span.clone().unwrap_or(q.span.clone());
        let name = heading_name(text, &span);
        push(
            out,
            &UNANSWERED_QUESTION,
            span,
            msg!("unanswered-question", name = name),
        );
    }
}

/// Only where the document's questions are read: in a text with answers
/// and no question we can read (an OCR page that runs its questions
/// together, answers whose questions are in another file) the finding
/// would say more about the reading than about the text.
fn answer_without_question(d: &Dossier, text: &str, out: &mut Vec<Diagnostic>) {
    if d.questions.is_empty() {
        return;
    }
    for a in d.answers.iter().filter(|a| a.questions.is_empty()) {
        let name = heading_name(text, &a.heading_span);
        let message = match a.numbers.as_slice() {
            [] => msg!("answer-follows-no-question", name = name),
            [n] => msg!("answer-no-such-question", name = name, number = *n),
            _ => msg!("answer-no-such-questions", name = name),
        };
        push(
            out,
            &ANSWER_WITHOUT_QUESTION,
            a.heading_span.clone(),
            message,
        );
    }
}

/// Where the answering letter is in the same document.
fn question_not_taken_up(d: &Dossier, text: &str, out: &mut Vec<Diagnostic>) {
    if !d.questions.iter().any(|q| q.kind == QuestionKind::Numbered) {
        return;
    }
    for q in d
        .questions
        .iter()
        .filter(|q| q.kind == QuestionKind::LetterParagraph && q.related.is_empty())
    {
        let words = d.first_running_words(text, &q.text_span, 8);
        push(
            out,
            &QUESTION_NOT_TAKEN_UP,
            first_line(text, &q.span),
            msg!("question-not-taken-up", words = words),
        );
    }
}

fn first_line(text: &str, span: &Span) -> Span {
    let s = &text[span.clone()];
    span.start..span.start + s.find(['\n', '\r']).unwrap_or(s.len())
}

/// A quotation of eight words or more in a question of a committee letter
/// that nothing ties to a source: no marker right after its closing mark,
/// and no phrase (`Op dezelfde pagina staat verder:`) that refers it back to
/// a quotation that has one.
fn quotation_without_source(d: &Dossier, out: &mut Vec<Diagnostic>) {
    let questions: Vec<&Span> = d
        .questions
        .iter()
        .filter(|q| q.kind == QuestionKind::LetterParagraph)
        .map(|q| &q.span)
        .collect();
    if questions.is_empty() {
        return;
    }
    for (i, q) in d.quotes.iter().enumerate() {
        // Guillemets, as before the quotation model: a phrase in straight
        // or curly marks in a question is more often a motion's words or
        // a slogan than a quotation of a source.
        if q.nested || q.mark != '«' || d.quote_is_tied(i) {
            continue;
        }
        if !questions
            .iter()
            .any(|s| s.start <= q.span.start && q.span.end <= s.end)
        {
            continue;
        }
        let words = &d.layout.body.text[q.body.clone()];
        // Fewer than eight words (not all of them counted).
        if words.split_whitespace().nth(7).is_none() {
            continue;
        }
        let first: String = words
            .split_whitespace()
            .take(6)
            .collect::<Vec<_>>()
            .join(" ");
        push(
            out,
            &QUOTATION_WITHOUT_SOURCE,
            q.span.clone(),
            msg!("quotation-without-source", words = first),
        );
    }
}

/// Quotations whose note cites this very document (an answering letter
/// quoting the committee's letter it is bound with): looked for in its
/// own text, the quotation itself left out.
fn quotes_of_itself(d: &Dossier, text: &str, out: &mut Vec<Diagnostic>) {
    let Some(own) = d.identity.as_ref().map(|i| &i.id) else {
        return;
    };
    // Most documents quote nothing of themselves: nothing normalised and
    // no index for them.
    let quoted: Vec<QuotedPassage> = (0..d.quotes.len())
        .filter(|&i| {
            d.quote_source(i)
                .is_some_and(|s| s.citation.id.as_ref() == Some(own))
        })
        .filter_map(|i| d.quoted_passage(text, i))
        .collect();
    if quoted.is_empty() {
        return;
    }
    let index = PassageIndex::new(d);
    for q in &quoted {
        quote_findings(q, &index, true, out);
    }
}

/// What the search for one quotation in its source finds, as findings.
/// `itself`: the source is the quoting document, where the quotation's
/// own words do not count.
fn quote_findings(
    q: &QuotedPassage,
    index: &PassageIndex,
    itself: bool,
    out: &mut Vec<Diagnostic>,
) {
    let pin = q.pin();
    match q.look_up(index, itself) {
        QuoteMatch::Found(p) => {
            if let (Some(pin), Some(false)) =
                (&q.pin, pin.as_ref().and_then(|x| p.on_pinned_page(x)))
            {
                push(
                    out,
                    &QUOTE_PAGE_MISMATCH,
                    q.span.clone(),
                    msg!(
                        "quote-page-mismatch",
                        words = q.first_words(6),
                        pages = pages_of(&p),
                        document = &q.document,
                        pin = pin.replace('-', "–"),
                    ),
                );
            }
        }
        QuoteMatch::Altered(p, changes) => {
            let changes = match changes.is_empty() {
                true => vec![msg!("quote-words-differ")],
                false => changes.iter().map(change_message).collect(),
            };
            push(
                out,
                &QUOTE_ALTERED,
                q.span.clone(),
                msg!(
                    "quote-altered",
                    words = q.first_words(6),
                    document = &q.document,
                    pages = pages_of(&p),
                    changes = changes,
                ),
            );
        }
        QuoteMatch::NotFound(closest) => {
            let message = match closest {
                Some(p) => {
                    let shown = first_words(&index.text[p.span.clone()], 10);
                    msg!(
                        "quote-not-found-near",
                        words = q.first_words(6),
                        document = &q.document,
                        pages = pages_of(&p),
                        near = shown,
                    )
                }
                None => msg!(
                    "quote-not-found",
                    words = q.first_words(6),
                    document = &q.document,
                ),
            };
            push(out, &QUOTE_NOT_FOUND, q.span.clone(), message);
        }
    }
}

/// The pages a passage stands on, as a finding or a hover names them.
pub(crate) fn pages_of(p: &Passage) -> Message {
    match (p.first_page, p.last_page) {
        (Some(a), Some(b)) if a != b => msg!("quote-pages", first = a, last = b),
        (Some(a), _) => msg!("quote-page", page = a),
        _ => msg!("quote-page-unnumbered"),
    }
}

/// One difference between a quotation and its source, in words.
pub(crate) fn change_message(change: &Change) -> Message {
    match change {
        Change::Changed { source, quoted } => {
            msg!("quote-change-changed", source = source, quoted = quoted)
        }
        Change::Added(a) => msg!("quote-change-added", words = a),
        Change::LeftOut(l) => msg!("quote-change-left-out", words = l),
    }
}

/// The form of a citation's year and of its dossier number, when written.
type Style = (Option<&'static str>, Option<&'static str>);

/// How a citation writes its year and dossier number: the first year
/// (`2020–2021`, `2020-2021`, `2020/21`, `2020/2021`) and the first
/// five-digit dossier number (`22 112`, `22.112`, `22112`) standing as words
/// of their own (ASCII word boundaries). Read by hand: two patterns with
/// groups cost more to build and run than the whole scan.
fn style_of(written: &str) -> Style {
    let b = written.as_bytes();
    let word = |i: usize| {
        b.get(i)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
    };
    let digits = |i: usize, n: usize| crate::text::ascii_digits(b, i, n) == n;
    let century =
        |i: usize| b.get(i..i + 2).is_some_and(|c| c == b"19" || c == b"20") && digits(i + 2, 2);
    let boundary_before = |i: usize| i == 0 || !word(i - 1);
    let year = (0..b.len()).find_map(|i| {
        if !boundary_before(i) || !century(i) {
            return None;
        }
        let rest = &written[i + 4..];
        if rest.starts_with('–') && century(i + 4 + '–'.len_utf8()) {
            Some("YYYY–YYYY")
        } else if rest.starts_with('-') && century(i + 5) {
            Some("YYYY-YYYY")
        } else if rest.starts_with('/') && digits(i + 5, 2) && !word(i + 7) {
            Some("YYYY/YY")
        } else if rest.starts_with('/') && century(i + 5) {
            Some("YYYY/YYYY")
        } else {
            None
        }
    });
    let dossier = (0..b.len()).find_map(|i| {
        if !boundary_before(i) || !digits(i, 2) {
            return None;
        }
        [
            (Some(b' '), "NN NNN"),
            (Some(b'.'), "NN.NNN"),
            (None, "NNNNN"),
        ]
        .into_iter()
        .find_map(|(sep, form)| {
            let at = match sep {
                Some(c) if b.get(i + 2) == Some(&c) => i + 3,
                Some(_) => return None,
                None => i + 2,
            };
            (digits(at, 3) && !word(at + 3)).then_some(form)
        })
    });
    (year, dossier)
}

/// One document, one way of writing: a hint on the footnote citations that
/// write the year or the dossier number otherwise than most of them. (The
/// running text is left alone: an Aanhangsel's printed header has its own.)
fn mixed_citation_style(d: &Dossier, text: &str, out: &mut Vec<Diagnostic>) {
    let cites: Vec<(&crate::citation::Citation, Style)> = d
        .citations
        .iter()
        .filter(|c| {
            matches!(
                c.kind,
                CitationKind::Kamerstuk | CitationKind::Aanhangsel | CitationKind::Handelingen
            )
        })
        .filter(|c| d.footnote_at(c.span.start).is_some())
        .map(|c| (c, style_of(&text[c.span.clone()])))
        .collect();
    for (what, pick) in [("mixed-style-year", 0usize), ("mixed-style-dossier", 1)] {
        let mut counts: HashMap<&str, usize> = HashMap::default();
        for (_, st) in &cites {
            if let Some(v) = if pick == 0 { st.0 } else { st.1 } {
                *counts.entry(v).or_default() += 1;
            }
        }
        if counts.len() < 2 {
            continue;
        }
        let (&usual, &n) = counts
            .iter()
            .max_by_key(|(k, n)| (**n, std::cmp::Reverse(**k)))
            .unwrap();
        for (c, st) in &cites {
            let v = if pick == 0 { st.0 } else { st.1 };
            if let Some(v) = v.filter(|v| *v != usual) {
                push(
                    out,
                    &MIXED_CITATION_STYLE,
                    c.span.clone(),
                    Message::new(what)
                        .with("form", v)
                        .with("usual", usual)
                        .with("count", n),
                );
            }
        }
    }
}

/// Lints that need the other documents of the workspace. `key` is this
/// document's key in `workspace`.
pub fn workspace_lints(
    key: &str,
    d: &Dossier,
    text: &str,
    workspace: &Workspace,
) -> Vec<Diagnostic> {
    workspace_lints_of(key, &DocumentSummary::new(key, text, d), text, workspace)
}

/// [`workspace_lints`] from the document's summary, for callers (such as
/// `check`) that keep summaries rather than whole analyses. `text` is read
/// only when the document asks its questions elsewhere
/// ([`DocumentSummary::asks_elsewhere`]); `check` reads it again just then.
pub fn workspace_lints_of(
    key: &str,
    own: &DocumentSummary,
    text: &str,
    workspace: &Workspace,
) -> Vec<Diagnostic> {
    workspace_lints_with(key, own, text, workspace, &LintLevels::everything())
}

/// [`workspace_lints_of`] with `levels` applied, a lint that is off not
/// even looked for (`citation-not-in-workspace`, off by default, would
/// otherwise write a message for every citation of a document elsewhere).
pub fn workspace_lints_with(
    key: &str,
    own: &DocumentSummary,
    text: &str,
    workspace: &Workspace,
    levels: &LintLevels,
) -> Vec<Diagnostic> {
    workspace_lints_reading(key, own, text, workspace, levels, &|_| None)
}

/// [`workspace_lints_with`] that can read another document's text by its
/// key (`read`), to build the passage index a quotation is looked up in
/// when the index has none yet ([`DocumentSummary::passages_from`]). A
/// text that cannot be read gives no finding.
pub fn workspace_lints_reading(
    key: &str,
    own: &DocumentSummary,
    text: &str,
    workspace: &Workspace,
    levels: &LintLevels,
    read: &dyn Fn(&str) -> Option<std::sync::Arc<str>>,
) -> Vec<Diagnostic> {
    let not_in_workspace = levels.is_on(CITATION_NOT_IN_WORKSPACE.code);
    let mut out = Vec::new();
    for c in &own.cites {
        let docs = workspace.documents_with_id(&c.id);
        let Some((_, cited)) = docs.iter().find(|(k, _)| *k != key) else {
            let parliamentary = matches!(
                crate::workspace::kind_of_id(&c.id),
                Some(
                    CitationKind::Kamerstuk | CitationKind::Aanhangsel | CitationKind::Handelingen
                )
            );
            if parliamentary && !c.short_form && not_in_workspace {
                push(
                    &mut out,
                    &CITATION_NOT_IN_WORKSPACE,
                    c.span.clone(),
                    msg!("citation-not-in-workspace", document = c.document()),
                );
            }
            continue;
        };
        let pin = c.page.as_deref().and_then(|p| {
            p.split(['-', ','])
                .filter_map(|n| n.trim().parse::<u32>().ok())
                .max()
        });
        if let (Some(pin), Some(last)) = (pin, cited.last_page()) {
            if pin > last {
                push(
                    &mut out,
                    &PAGE_BEYOND_DOCUMENT,
                    c.span.clone(),
                    msg!(
                        "page-beyond-document",
                        page = pin,
                        document = c.document(),
                        last = last
                    ),
                );
            }
        }
    }
    // Quotations of other documents of the workspace (those of itself:
    // `quotes_of_itself`). A document elsewhere gives no finding.
    let quote_lints = [&QUOTE_NOT_FOUND, &QUOTE_PAGE_MISMATCH, &QUOTE_ALTERED];
    if quote_lints.iter().any(|l| levels.is_on(l.code)) {
        for q in own.quotes.iter().filter(|q| own.id.as_ref() != Some(&q.id)) {
            let cited = workspace
                .documents_with_id(&q.id)
                .into_iter()
                .filter(|(k, _)| *k != key)
                .find_map(|(k, s)| s.passages_from(|| read(k)).cloned());
            if let Some(index) = cited {
                quote_findings(q, &index, false, &mut out);
            }
        }
    }
    // The one place `text` is read (check relies on it: see above).
    if own.asks_elsewhere() {
        let answering_elsewhere = workspace
            .documents()
            .any(|(k, s)| k != key && s.questions.iter().any(|q| q.kind == QuestionKind::Numbered));
        if answering_elsewhere {
            for q in own
                .questions
                .iter()
                .filter(|q| q.kind == QuestionKind::LetterParagraph)
            {
                if workspace
                    .taken_up_elsewhere_by_words(key, &q.words)
                    .is_none()
                {
                    let first = first_line(text, &q.span);
                    let words: String = text[first.clone()]
                        .split_whitespace()
                        .take(8)
                        .collect::<Vec<_>>()
                        .join(" ");
                    push(
                        &mut out,
                        &QUESTION_NOT_TAKEN_UP,
                        first,
                        msg!("question-not-taken-up-workspace", words = words),
                    );
                }
            }
        }
    }
    out.sort_by_key(|d| (d.span.start, d.span.end, d.code));
    levels.apply(out)
}

#[cfg(test)]
mod tests;
