//! The workspace index: every dossier of the open folders, by what it is and
//! by what it cites. Pure: no LSP types; the server keeps one and feeds it.
//!
//! Each document is kept as a [`DocumentSummary`], small beside its text:
//! its identity, title, page offsets, the documents it cites, and the word
//! sets of its questions (to pair a committee's letter with an answering
//! letter in another file).

mod scan;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::{Arc, OnceLock};

use crate::citation::{Citation, CitationKind};
use crate::dossier::{Dossier, PassageIndex, QuestionKind, QuotedPassage, Source};
use crate::Span;

pub use crate::discover::compile_globs;
pub use scan::{scan_folder, summarize_file, FolderScan, ScanLimits, ScanProblem};

/// What the index keeps of one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocumentSummary {
    /// The document's own identifier (`kst-35612-D`), from its colophon or
    /// footer, else from its file name (`kst-22112-2955.txt`).
    pub id: Option<String>,
    /// `Kamerstukken I 2020/21, 35 612, D`, when known.
    pub display: Option<String>,
    /// The first heading or line that says what the document is.
    pub title: String,
    /// `(printed page number, byte offset of the page start)`.
    pub pages: Vec<(Option<u32>, usize)>,
    /// Every citation that names a document, short forms resolved.
    pub cites: Vec<CitedPlace>,
    /// Questions that an answering letter elsewhere may take up.
    pub questions: Vec<QuestionSummary>,
    pub bytes: usize,
    /// The words of the questions that another document may look up are
    /// not hashed yet ([`DocumentSummary::deferred`]).
    pub words_deferred: bool,
    /// Its quotations whose source names a document, to be looked for in
    /// that document.
    pub quotes: Vec<QuotedPassage>,
    /// The identifiers its quotations cite while their words are not read
    /// yet ([`DocumentSummary::deferred`]; `quotes` is empty till then).
    pub deferred_quotes: Vec<String>,
    /// Its running text normalised for finding a quoted passage: built the
    /// first time a quotation of it is looked up ([`DocumentSummary::
    /// passages_from`]), then kept with this version of the summary; only
    /// for a document with an identifier (nothing else can be cited).
    /// Built when asked for, not with every summary: it is about as large
    /// as the text, and most documents are quoted by none.
    pub passages: OnceLock<Arc<PassageIndex>>,
}

/// One place where a document is cited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitedPlace {
    pub id: String,
    /// Where the citation is written; of a citation a page break cut, its
    /// first part (a finding or a symbol points there).
    pub span: Span,
    /// All parts of a citation a page break cut; empty for one in a single
    /// piece. See [`CitedPlace::spans`].
    pub parts: Vec<Span>,
    pub page: Option<String>,
    /// The citation as the index understood it (canonical form).
    pub canonical: String,
    /// Where in `canonical` the cited document ends (the page pin follows).
    document_end: usize,
    /// A short form (`Idem`) resolved to this document.
    pub short_form: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuestionSummary {
    pub kind: QuestionKind,
    pub numbers: Vec<u32>,
    pub span: Span,
    pub answered: bool,
    /// Taken up by a numbered repeat in the same document.
    pub taken_up: bool,
    /// The question's words ([`word_hashes`]); empty for a committee
    /// question already taken up in its own document (never looked up),
    /// and for the others while [`DocumentSummary::words_deferred`].
    pub words: Vec<u64>,
}

use crate::dossier::shared_words as shared;
pub use crate::dossier::word_hashes;

impl DocumentSummary {
    /// Summarises an analysed document; `name` is its file name, used for
    /// the identity when the text does not give one.
    pub fn new(name: &str, text: &str, d: &Dossier) -> DocumentSummary {
        let mut summary = DocumentSummary::deferred(name, text, d);
        summary.hash_deferred_words(d);
        summary.read_deferred_quotes(text, d);
        summary
    }

    /// As [`DocumentSummary::new`], with two things left for later that
    /// `check` needs only now and then. Only the words this document looks
    /// up in others are hashed ([`DocumentSummary::asks_elsewhere`]): the
    /// words of its questions that others may look up wait for
    /// [`DocumentSummary::hash_deferred_words`], which `check` calls only
    /// when some file asks. And its quotations' words wait for
    /// [`DocumentSummary::read_deferred_quotes`], which `check` calls only
    /// when a document they quote is among the files checked.
    pub fn deferred(name: &str, text: &str, d: &Dossier) -> DocumentSummary {
        let id = d
            .identity
            .as_ref()
            .map(|i| i.id.clone())
            .or_else(|| id_from_file_name(name));
        let mut cites = Vec::new();
        for c in d.citations.iter().filter(|c| c.is_full()) {
            if let Some(id) = &c.id {
                cites.push(place(id, c, false));
            }
        }
        for f in &d.footnotes {
            if let Source::Resolved { citation, .. } = &f.source {
                if let Some(id) = &citation.id {
                    cites.push(place(id, citation, true));
                }
            }
        }
        cites.sort_by_key(|c| c.span.start);
        DocumentSummary {
            passages: OnceLock::new(),
            id,
            display: d.identity.as_ref().map(|i| i.display.clone()),
            title: title(text, d),
            pages: d
                .layout
                .pages
                .iter()
                .map(|p| (p.number, p.span.start))
                .collect(),
            cites,
            questions: d
                .questions
                .iter()
                .map(|q| QuestionSummary {
                    kind: q.kind,
                    numbers: q.numbers.clone(),
                    span: q.span.clone(),
                    answered: q.answer.is_some(),
                    taken_up: !q.related.is_empty(),
                    words: if q.kind == QuestionKind::LetterParagraph && q.related.is_empty() {
                        d.question_words(q).to_vec()
                    } else {
                        Vec::new()
                    },
                })
                .collect(),
            bytes: text.len(),
            words_deferred: true,
            quotes: Vec::new(),
            deferred_quotes: d.quoted_ids(),
        }
    }

    /// Hashes the words of the questions that other documents may look
    /// up; `d` is this summary's dossier (analysed again if need be).
    pub fn hash_deferred_words(&mut self, d: &Dossier) {
        if !self.words_deferred {
            return;
        }
        for (summary, q) in self.questions.iter_mut().zip(&d.questions) {
            if q.kind != QuestionKind::LetterParagraph {
                summary.words = d.question_words(q).to_vec();
            }
        }
        self.words_deferred = false;
    }

    /// Reads the words of its quotations; `d` is this summary's dossier
    /// and `text` its text (read and analysed again if need be).
    pub fn read_deferred_quotes(&mut self, text: &str, d: &Dossier) {
        if self.deferred_quotes.is_empty() {
            return;
        }
        self.quotes = d.quoted_passages(text);
        self.deferred_quotes = Vec::new();
    }

    /// The normalised text that quotations of this document are looked
    /// up in, if built already.
    pub fn passages(&self) -> Option<&Arc<PassageIndex>> {
        self.passages.get()
    }

    /// Builds it from `d`, this summary's dossier, if it has an
    /// identifier and is not built yet.
    pub fn index_passages(&self, d: &Dossier) -> Option<&Arc<PassageIndex>> {
        self.id.as_ref()?;
        Some(self.passages.get_or_init(|| Arc::new(PassageIndex::new(d))))
    }

    /// [`DocumentSummary::passages`], built from `text` (this document's,
    /// read again) when not built yet.
    pub fn passages_from(
        &self,
        text: impl FnOnce() -> Option<Arc<str>>,
    ) -> Option<&Arc<PassageIndex>> {
        if let Some(p) = self.passages.get() {
            return Some(p);
        }
        self.id.as_ref()?;
        let text = text()?;
        self.index_passages(&Dossier::analyze(&text))
    }

    /// Whether this document looks its questions up in others: a
    /// committee letter's questions with no numbered repeat of its own
    /// (see `lints::workspace_lints_of`).
    pub fn asks_elsewhere(&self) -> bool {
        !self
            .questions
            .iter()
            .any(|q| q.kind == QuestionKind::Numbered)
            && self
                .questions
                .iter()
                .any(|q| q.kind == QuestionKind::LetterParagraph)
    }

    /// Whether another document may look up this one's questions.
    pub fn may_be_asked(&self) -> bool {
        self.questions
            .iter()
            .any(|q| q.kind != QuestionKind::LetterParagraph)
    }

    /// Byte offset where printed page `n` starts.
    pub fn page_offset(&self, n: u32) -> Option<usize> {
        self.pages
            .iter()
            .find(|(p, _)| *p == Some(n))
            .map(|&(_, o)| o)
    }

    /// The highest printed page number.
    pub fn last_page(&self) -> Option<u32> {
        self.pages.iter().filter_map(|(p, _)| *p).max()
    }
}

impl CitedPlace {
    /// The cited document without the page pin (canonical form).
    pub fn document(&self) -> &str {
        &self.canonical[..self.document_end]
    }

    /// The text the citation covers: its parts, or its one span.
    pub fn spans(&self) -> &[Span] {
        if self.parts.is_empty() {
            std::slice::from_ref(&self.span)
        } else {
            &self.parts
        }
    }
}

fn place(id: &str, c: &Citation, short_form: bool) -> CitedPlace {
    let (canonical, document_end) = c.canonical_with_document_end();
    CitedPlace {
        id: id.to_string(),
        span: c.spans()[0].clone(),
        parts: c.parts.clone(),
        page: c.page.clone(),
        canonical,
        document_end,
        short_form,
    }
}

/// `kst-22112-2955.txt` → `kst-22112-2955`; also `ah-tk-…`, `h-tk-…`.
pub fn id_from_file_name(name: &str) -> Option<String> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = base.split('.').next().unwrap_or(base);
    let known = [
        "kst-", "ah-tk-", "ah-ek-", "h-tk-", "h-ek-", "stb-", "stcrt-", "trb-",
    ];
    let ok = known.iter().any(|k| stem.starts_with(k))
        && stem.len() > 6
        && stem.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    ok.then(|| stem.to_string())
}

fn title(text: &str, d: &Dossier) -> String {
    if let Some(l) = d.letters.first() {
        return l.heading.clone();
    }
    // Kamervragen: `Vragen van het lid … over …`.
    let body = &d.layout.body.text;
    if let Some(i) = body.find("Vragen van ") {
        let rest = &body[i..];
        let end = rest
            .find(".\n")
            .or_else(|| rest.find("\n\n"))
            .unwrap_or(rest.len().min(300));
        return rest[..end].split_whitespace().collect::<Vec<_>>().join(" ");
    }
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
        .chars()
        .take(120)
        .collect()
}

/// Where a committee letter's question is taken up in another document.
#[derive(Debug, Clone, PartialEq)]
pub struct TakenUp {
    pub key: String,
    pub numbers: Vec<u32>,
    pub span: Span,
    pub answered: bool,
    pub score: f64,
}

/// Every analysed document of the workspace, by key (a path or URI).
///
/// Cloning copies the tables, not the summaries; the server copies its
/// index that way whenever it changes a published one, so the tables hold
/// no string of their own (see [`IdIndex`]).
#[derive(Debug, Clone, Default)]
pub struct Workspace {
    docs: HashMap<Arc<str>, Arc<DocumentSummary>>,
    /// Document keys by identifier and by cited identifier; each key is
    /// shared with `docs`, not copied.
    by_id: IdIndex,
    cited_by: IdIndex,
    /// No `cited_by` index is kept ([`Workspace::without_citers`]).
    no_citers: bool,
}

impl Workspace {
    pub fn new() -> Workspace {
        Workspace::default()
    }

    /// A workspace that keeps no index of which documents cite an
    /// identifier (no [`Workspace::citations_of`]): all that `check`'s
    /// findings ask of it, built in less time.
    pub fn without_citers() -> Workspace {
        Workspace {
            no_citers: true,
            ..Workspace::default()
        }
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Analyses `text` and puts it in the index under `key`, replacing what
    /// was there.
    pub fn update_text(&mut self, key: &str, text: &str) {
        let d = Dossier::analyze(text);
        let summary = DocumentSummary::new(key, text, &d);
        // The text is at hand: whatever quotes it need not read it again.
        summary.index_passages(&d);
        self.insert(key, summary);
    }

    pub fn insert(&mut self, key: &str, summary: DocumentSummary) {
        self.remove(key);
        let key: Arc<str> = Arc::from(key);
        if let Some(id) = &summary.id {
            self.by_id.link(id, &key);
        }
        if !self.no_citers {
            let ids: HashSet<&String> = summary.cites.iter().map(|c| &c.id).collect();
            for id in ids {
                self.cited_by.link(id, &key);
            }
        }
        self.docs.insert(key, Arc::new(summary));
    }

    pub fn remove(&mut self, key: &str) -> Option<Arc<DocumentSummary>> {
        let old = self.docs.remove(key)?;
        if let Some(id) = &old.id {
            self.by_id.unlink(id, key);
        }
        for c in &old.cites {
            self.cited_by.unlink(&c.id, key);
        }
        Some(old)
    }

    /// Whether a document of the workspace is `id`.
    fn has_id(&self, id: &str) -> bool {
        self.by_id.keys(id).any(|k| {
            self.docs
                .get(k)
                .is_some_and(|d| d.id.as_deref() == Some(id))
        })
    }

    pub fn get(&self, key: &str) -> Option<&Arc<DocumentSummary>> {
        self.docs.get(key)
    }

    pub fn documents(&self) -> impl Iterator<Item = (&str, &Arc<DocumentSummary>)> {
        self.docs.iter().map(|(k, d)| (&**k, d))
    }

    /// The documents that are `id` (usually one), sorted by key.
    pub fn documents_with_id(&self, id: &str) -> Vec<(&str, &DocumentSummary)> {
        let mut out: Vec<(&str, &DocumentSummary)> = self
            .by_id
            .keys(id)
            .filter_map(|k| self.docs.get(k).map(|d| (&**k, &**d)))
            .filter(|(_, d)| d.id.as_deref() == Some(id))
            .collect();
        out.sort_by_key(|(k, _)| *k);
        out
    }

    /// Every place in the workspace that cites `id`, whatever its written
    /// form, short forms included; sorted by key and position.
    pub fn citations_of(&self, id: &str) -> Vec<(&str, &CitedPlace)> {
        debug_assert!(!self.no_citers, "a workspace without citers");
        // The places are the document's own, of this very `id`.
        let mut keys: Vec<&Arc<str>> = self.cited_by.keys(id).collect();
        keys.sort();
        keys.dedup();
        keys.into_iter()
            .filter_map(|k| self.docs.get(k).map(|d| (k, d)))
            .flat_map(|(k, d)| {
                d.cites
                    .iter()
                    .filter(move |c| c.id == id)
                    .map(move |c| (&**k, c))
            })
            .collect()
    }

    /// Where a committee letter's question (its text) is taken up by a
    /// numbered repeat or `Vraag` in another document of the workspace.
    pub fn taken_up_elsewhere(&self, own_key: &str, question_text: &str) -> Option<TakenUp> {
        self.taken_up_elsewhere_by_words(own_key, &word_hashes(question_text))
    }

    /// As [`Workspace::taken_up_elsewhere`], for a question's word set
    /// ([`QuestionSummary::words`]).
    pub fn taken_up_elsewhere_by_words(&self, own_key: &str, words: &[u64]) -> Option<TakenUp> {
        if words.is_empty() {
            return None;
        }
        let mut best: Option<TakenUp> = None;
        for (key, d) in &self.docs {
            if &**key == own_key {
                continue;
            }
            debug_assert!(
                !d.words_deferred || !d.may_be_asked(),
                "{key}: words not hashed"
            );
            for q in d
                .questions
                .iter()
                .filter(|q| q.kind != QuestionKind::LetterParagraph)
            {
                let score = shared(words, &q.words) as f64 / words.len() as f64;
                if score >= 0.6 && best.as_ref().is_none_or(|b| score > b.score) {
                    best = Some(TakenUp {
                        key: key.to_string(),
                        numbers: q.numbers.clone(),
                        span: q.span.clone(),
                        answered: q.answered,
                        score,
                    });
                }
            }
        }
        best
    }

    /// Documents and cited documents whose identifier or title contains
    /// `query` (case-insensitive), for `workspace/symbol`.
    pub fn search(&self, query: &str) -> Vec<SymbolHit> {
        let q = query.to_lowercase();
        let mut hits = Vec::new();
        for (key, d) in &self.docs {
            let name = d
                .display
                .clone()
                .or(d.id.clone())
                .unwrap_or_else(|| d.title.clone());
            let hay = format!(
                "{} {} {}",
                d.id.as_deref().unwrap_or(""),
                d.display.as_deref().unwrap_or(""),
                d.title
            )
            .to_lowercase();
            if hay.contains(&q) {
                hits.push(SymbolHit {
                    key: key.to_string(),
                    name,
                    detail: d.title.clone(),
                    span: 0..0,
                    cited: false,
                });
            }
        }
        let mut seen = HashSet::default();
        for (key, d) in &self.docs {
            for c in &d.cites {
                if (c.id.to_lowercase().contains(&q) || c.canonical.to_lowercase().contains(&q))
                    && !self.has_id(&c.id)
                    && seen.insert(c.id.clone())
                {
                    hits.push(SymbolHit {
                        key: key.to_string(),
                        name: c.id.clone(),
                        detail: c.canonical.clone(),
                        span: c.span.clone(),
                        cited: true,
                    });
                }
            }
        }
        hits.sort_by(|a, b| (a.cited, &a.name, &a.key).cmp(&(b.cited, &b.name, &b.key)));
        hits
    }
}

/// Document keys by a 64-bit hash of an identifier: a table of plain
/// numbers and shared keys, which copies without allocating a string (a
/// workspace of 10,000 generated documents cites 134,000 identifiers; with
/// a `String` and a `Vec` for each, a copy of the table took 30–40 ms).
/// Two identifiers with one hash share an entry: readers compare the
/// documents' own identifiers.
#[derive(Debug, Clone, Default)]
struct IdIndex(HashMap<u64, Keys>);

/// Most identifiers are one document's, or cited by one.
#[derive(Debug, Clone)]
enum Keys {
    One(Arc<str>),
    Many(Vec<Arc<str>>),
}

fn id_hash(id: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(id)
}

impl IdIndex {
    fn link(&mut self, id: &str, key: &Arc<str>) {
        match self.0.entry(id_hash(id)) {
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(Keys::One(key.clone()));
            }
            std::collections::hash_map::Entry::Occupied(mut e) => {
                let keys = e.get_mut();
                match keys {
                    Keys::One(first) => *keys = Keys::Many(vec![first.clone(), key.clone()]),
                    Keys::Many(all) => all.push(key.clone()),
                }
            }
        }
    }

    /// Unlinks every entry of `key` under `id`'s hash.
    fn unlink(&mut self, id: &str, key: &str) {
        let h = id_hash(id);
        let Some(keys) = self.0.get_mut(&h) else {
            return;
        };
        let left = match keys {
            Keys::One(k) => usize::from(&**k != key),
            Keys::Many(all) => {
                all.retain(|k| &**k != key);
                all.len()
            }
        };
        match left {
            0 => {
                self.0.remove(&h);
            }
            1 => {
                if let Keys::Many(all) = keys {
                    *keys = Keys::One(all[0].clone());
                }
            }
            _ => {}
        }
    }

    /// The keys under `id`'s hash (a document of another identifier with
    /// the same hash among them).
    fn keys(&self, id: &str) -> impl Iterator<Item = &Arc<str>> {
        let keys: &[Arc<str>] = match self.0.get(&id_hash(id)) {
            None => &[],
            Some(Keys::One(k)) => std::slice::from_ref(k),
            Some(Keys::Many(all)) => all,
        };
        keys.iter()
    }
}

/// A `workspace/symbol` result: a document of the workspace, or a document
/// only cited (at its first citation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SymbolHit {
    pub key: String,
    pub name: String,
    pub detail: String,
    pub span: Span,
    pub cited: bool,
}

/// The kind of a citation id, for hover texts: `kst-` → Kamerstuk.
pub fn kind_of_id(id: &str) -> Option<CitationKind> {
    Some(match id.split('-').next()? {
        "kst" => CitationKind::Kamerstuk,
        "ah" => CitationKind::Aanhangsel,
        "h" => CitationKind::Handelingen,
        "stb" => CitationKind::Staatsblad,
        "stcrt" => CitationKind::Staatscourant,
        "trb" => CitationKind::Tractatenblad,
        _ => return None,
    })
}

#[cfg(test)]
mod tests;
