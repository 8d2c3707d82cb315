use crate::Span;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CitationKind {
    Kamerstuk,
    Handelingen,
    Aanhangsel,
    Staatsblad,
    Staatscourant,
    Tractatenblad,
    /// EU documents: `COM(2020)609`, `SWD(...)`.
    Eu,
    Ecli,
    Url,
    /// Europapoort E-dossiers: `E200018`.
    Europapoort,
    /// `Idem`, `Ibidem`, `ibid.`, `t.a.p.`, `a.w.`, `zie noot 3`.
    ShortForm,
    /// `PM BRON`, `PM`, `[bron]`, `xxx`, `(nog invullen)`.
    Placeholder,
}

impl CitationKind {
    /// The kebab-case name used in JSON output: `kamerstuk`, `short-form`, …
    pub fn as_str(self) -> &'static str {
        match self {
            CitationKind::Kamerstuk => "kamerstuk",
            CitationKind::Handelingen => "handelingen",
            CitationKind::Aanhangsel => "aanhangsel",
            CitationKind::Staatsblad => "staatsblad",
            CitationKind::Staatscourant => "staatscourant",
            CitationKind::Tractatenblad => "tractatenblad",
            CitationKind::Eu => "eu",
            CitationKind::Ecli => "ecli",
            CitationKind::Url => "url",
            CitationKind::Europapoort => "europapoort",
            CitationKind::ShortForm => "short-form",
            CitationKind::Placeholder => "placeholder",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Chamber {
    /// Eerste Kamer.
    I,
    /// Tweede Kamer.
    II,
}

/// Which short form: they resolve differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ShortFormKind {
    /// `Idem` (and `t.a.p.`, `a.w.`): the previous footnote's document; the
    /// pin is its own (none if it gives none).
    Idem,
    /// `Ibidem`, `ibid.`: the previous footnote's document and pin, unless
    /// it gives a new pin.
    Ibidem,
    /// `zie noot 3`, `zie voetnoot 3`: the source of that footnote.
    SeeNote(u32),
}

/// A slip in how a citation is written: the citation is still understood.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FormatSlip {
    /// Where in the text the slip is (may be empty, at the place where
    /// something is missing).
    pub span: Span,
    /// What is off, in plain words: "missing comma before `nr.`".
    #[serde(skip)]
    pub message: crate::i18n::Message,
    /// The replacement text for `span` that fixes it.
    pub fix: String,
}

/// One citation found in text. Fields hold the normalised values: `dossier`
/// digits only (`22112`), `year` as `2020-2021`, `page` as `12` or `12-13`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Citation {
    pub kind: CitationKind,
    /// The whole citation as written (may cross lines): from the start of
    /// its first part to the end of its last.
    pub span: Span,
    /// The pieces of the text the citation is written in, in order, when
    /// something that is not running text (a footnote block, a footer, the
    /// next page's masthead) stands between them; empty when it is written
    /// in one piece. See [`Citation::spans`].
    pub parts: Vec<Span>,
    pub chamber: Option<Chamber>,
    pub year: Option<String>,
    pub dossier: Option<String>,
    pub toevoeging: Option<String>,
    pub ondernummer: Option<String>,
    /// Handelingen item number.
    pub item: Option<String>,
    pub page: Option<String>,
    /// Set for `kind == ShortForm`.
    pub short_form: Option<ShortFormKind>,
    /// Canonical officielebekendmakingen identifier (`kst-22112-2955`), or
    /// ECLI / CELEX / URL for those kinds; `None` when not derivable.
    pub id: Option<String>,
    pub slips: Vec<FormatSlip>,
    /// The text cites an attachment of the document (`Bijlage bij
    /// Kamerstuk 34 700, nr. 34`); `id` is still the main document's, since
    /// an attachment's own id (`blg-…`) cannot be derived from the citation.
    pub bijlage: bool,
}

impl Citation {
    /// An empty citation of `kind` at `span`; the grammar fills the rest.
    pub fn new(kind: CitationKind, span: Span) -> Self {
        Citation {
            kind,
            span,
            parts: Vec::new(),
            chamber: None,
            year: None,
            dossier: None,
            toevoeging: None,
            ondernummer: None,
            item: None,
            page: None,
            short_form: None,
            id: None,
            slips: Vec::new(),
            bijlage: false,
        }
    }

    /// The spans of text the citation covers: its parts, or its one span.
    /// What to mark, link or edit; `span` of a broken citation also covers
    /// the text between its parts.
    pub fn spans(&self) -> &[Span] {
        if self.parts.is_empty() {
            std::slice::from_ref(&self.span)
        } else {
            &self.parts
        }
    }

    /// True when `offset` is in (or at an end of) one of its spans.
    pub fn covers(&self, offset: usize) -> bool {
        self.spans()
            .iter()
            .any(|s| s.start <= offset && offset <= s.end)
    }

    /// The span (part) that holds `offset`, or the whole span: what a hover
    /// or a selection on the citation covers.
    pub fn part_at(&self, offset: usize) -> &Span {
        self.spans()
            .iter()
            .find(|s| s.start <= offset && offset <= s.end)
            .unwrap_or(&self.span)
    }

    /// The citation as written: its span's text, or, for a citation in
    /// parts, the parts joined as the running text reads them.
    pub fn written<'a>(&self, text: &'a str) -> std::borrow::Cow<'a, str> {
        match self.parts.as_slice() {
            [] => text.get(self.span.clone()).unwrap_or("").into(),
            parts => {
                let mut joined = String::new();
                let mut after = 0;
                for p in parts {
                    // A word hyphenated over the break is read whole: its
                    // hyphen is left out of the part before.
                    let hyphenated = text.get(after..).is_some_and(|t| t.starts_with('-'));
                    if !joined.is_empty() && !hyphenated {
                        joined.push(' ');
                    }
                    joined.push_str(text.get(p.clone()).unwrap_or(""));
                    after = p.end;
                }
                joined.into()
            }
        }
    }

    /// True for citations that name a document of their own (not short
    /// forms or placeholders).
    pub fn is_full(&self) -> bool {
        !matches!(
            self.kind,
            CitationKind::ShortForm | CitationKind::Placeholder
        )
    }

    /// The official address of the cited document, if one can be made.
    pub fn url(&self) -> Option<String> {
        match self.kind {
            CitationKind::Url => self.id.clone(),
            CitationKind::Ecli => self
                .id
                .as_ref()
                .map(|id| format!("https://uitspraken.rechtspraak.nl/details?id={id}")),
            // An Official Journal issue (`OJ:L:2010:180`) or a CELEX number.
            CitationKind::Eu => self.id.as_ref().map(|id| match id.strip_prefix("OJ:") {
                Some(_) => format!("https://eur-lex.europa.eu/legal-content/NL/TXT/?uri={id}:TOC"),
                None => format!("https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:{id}"),
            }),
            CitationKind::ShortForm | CitationKind::Placeholder | CitationKind::Europapoort => None,
            _ => self
                .id
                .as_ref()
                .map(|id| format!("https://zoek.officielebekendmakingen.nl/{id}.html")),
        }
    }

    /// The citation in one house style, with a page pin when it has one:
    /// `Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 12`,
    /// `Kamerstuk 19 637, nr. 2375` (no year known),
    /// `Kamerstukken I 2020/21, 35 612, D` (Eerste Kamer letters without `nr.`).
    pub fn canonical(&self) -> String {
        super::canonical::render(self)
    }

    /// [`Citation::canonical`] without the page pin: the cited document.
    pub fn canonical_document(&self) -> String {
        let (mut s, end) = self.canonical_with_document_end();
        s.truncate(end);
        s
    }

    /// [`Citation::canonical`], and the length of its part that names the
    /// document (all but the page pin).
    pub fn canonical_with_document_end(&self) -> (String, usize) {
        super::canonical::render_with_document_end(self)
    }
}
