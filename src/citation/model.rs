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
    pub message: String,
    /// The replacement text for `span` that fixes it.
    pub fix: String,
}

/// One citation found in text. Fields hold the normalised values: `dossier`
/// digits only (`22112`), `year` as `2020-2021`, `page` as `12` or `12-13`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Citation {
    pub kind: CitationKind,
    /// The whole citation as written (may cross lines).
    pub span: Span,
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
}
