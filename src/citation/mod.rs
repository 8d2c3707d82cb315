//! Citations: the reference grammar, canonical identifiers and addresses.
//!
//! [`find_citations`] is a pure function of a piece of text (a footnote, a
//! paragraph, a whole document); spans are byte ranges into that text.
//!
//! Each form has its own small recogniser (a literal-prefiltered regex scan
//! that runs a grammar only where a keyword occurs); the results are merged
//! in text order and overlaps dropped, longest first at equal starts.

mod canonical;
pub mod cli;
mod compact;
mod ids;
mod kamerstuk;
mod model;
mod pin;
mod placeholder;
mod scan;
mod short_form;
mod steps;
mod url;

pub use model::*;

/// The pages of a pin written on its own (`blz. 14`), in normal form
/// (`14`), as a citation's pin reads them.
pub(crate) fn pin_pages(s: &str) -> Option<String> {
    pin::parse_pin(s, 0).map(|p| p.page)
}

/// The literals that gate the recognisers in [`find_citations`]: every
/// match of a recogniser's first regex holds one of its gate's literals.
#[derive(Clone, Copy)]
enum Gate {
    Url,
    Amerstuk,
    Gazette,
    Ecli,
    Eu,
    EuAct,
    Journal,
    ShortForm,
    /// `(21501-08, nr. 719)`: the compact forms' `, nr.`, `krijgt nr.`
    /// and ` - `.
    CompactNr,
    CompactKrijgt,
    CompactList,
}

/// Which gates a piece of text opens.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Gates(u16);

/// Texts shorter than this (footnotes) have their gates read in one pass
/// over their bytes ([`Gates::by_bytes`]). A longer text (a document's
/// running text) opens them all: there each recogniser's own scan, its
/// regex prefiltered by the same literals, costs what a search for the
/// gate would, and most gates of a long text are open anyway.
const SHORT: usize = 2048;

/// The gates' literals, each with the offset of its rarest byte in Dutch
/// text (the byte the one-pass reading looks for first).
const LITERALS: [(&str, usize, Gate); 24] = [
    ("http", 3, Gate::Url),
    ("www.", 0, Gate::Url),
    ("amerstuk", 7, Gate::Amerstuk),
    ("St", 0, Gate::Gazette),
    ("Tr", 0, Gate::Gazette),
    ("ECLI:", 4, Gate::Ecli),
    ("COM", 0, Gate::Eu),
    ("SWD", 0, Gate::Eu),
    ("SEC", 0, Gate::Eu),
    ("JOIN", 0, Gate::Eu),
    ("erordening", 9, Gate::EuAct),
    ("ichtlijn", 6, Gate::EuAct),
    ("esluit", 3, Gate::EuAct),
    ("Pb", 0, Gate::Journal),
    ("PB", 0, Gate::Journal),
    ("dem", 2, Gate::ShortForm),
    ("DEM", 0, Gate::ShortForm),
    ("bid", 0, Gate::ShortForm),
    ("t.a.p.", 4, Gate::ShortForm),
    ("a.w.", 2, Gate::ShortForm),
    ("noot", 1, Gate::ShortForm),
    (", nr.", 0, Gate::CompactNr),
    ("krijgt nr.", 3, Gate::CompactKrijgt),
    (" - ", 1, Gate::CompactList),
];

/// Per byte, the [`LITERALS`] whose rarest byte it is (a bit each).
static ANCHORS: [u32; 256] = {
    let mut t = [0u32; 256];
    let mut k = 0;
    while k < LITERALS.len() {
        let (lit, at, _) = LITERALS[k];
        t[lit.as_bytes()[at] as usize] |= 1 << k;
        k += 1;
    }
    t
};

impl Gates {
    fn of(text: &str) -> Gates {
        if text.len() < SHORT {
            Gates::by_bytes(text.as_bytes())
        } else {
            Gates(u16::MAX)
        }
    }

    /// One pass: at each byte that is some literal's rarest, that literal
    /// is compared in place.
    fn by_bytes(b: &[u8]) -> Gates {
        let mut bits = 0u16;
        for (i, &c) in b.iter().enumerate() {
            let mut m = ANCHORS[usize::from(c)];
            while m != 0 {
                let k = m.trailing_zeros() as usize;
                m &= m - 1;
                let (lit, at, gate) = LITERALS[k];
                if bits & (1 << gate as u16) == 0
                    && i >= at
                    && b[i - at..].starts_with(lit.as_bytes())
                {
                    bits |= 1 << gate as u16;
                }
            }
        }
        Gates(bits)
    }

    fn open(self, gate: Gate) -> bool {
        self.0 & (1 << gate as u16) != 0
    }
}

/// Finds every citation, short form and placeholder in `text`, in text
/// order, without overlaps.
pub fn find_citations(text: &str) -> Vec<Citation> {
    find_gated(text, Gates::of(text))
}

/// A recogniser: adds the citations of one kind it finds in the text.
pub type Recogniser = fn(&str, &mut Vec<Citation>);

/// Each recogniser by name, run over the whole text without its gate: for
/// the benchmark that times them one by one (`benches/analysis.rs`,
/// group `recognisers`).
#[doc(hidden)]
pub fn recognisers() -> [(&'static str, Recogniser); 11] {
    [
        ("url", url::find),
        ("kamerstuk", kamerstuk::find),
        ("compact", compact::find),
        ("gazettes", ids::find_gazettes),
        ("ecli", ids::find_ecli),
        ("eu", ids::find_eu),
        ("eu-acts", ids::find_eu_acts),
        ("journal", ids::find_official_journal),
        ("europapoort", ids::find_europapoort),
        ("short-form", short_form::find),
        ("placeholder", placeholder::find),
    ]
}

fn find_gated(text: &str, gates: Gates) -> Vec<Citation> {
    let mut all = Vec::new();
    // Each recogniser runs only where the text holds a literal that every
    // match of its first regex contains: the dossier layer calls this once
    // per footnote (and once for the running text), and for short pieces
    // setting up eleven regex scans costs more than the literal tests.
    let b = text.as_bytes();
    let has = |gate: Gate| gates.open(gate);
    // `https?://`, `www.`
    if has(Gate::Url) {
        url::find(text, &mut all);
    }
    // `Kamerstuk(ken)`, `kamerstuk(ken)`, `Kamerstuk-nummer`, `KAMERSTUKKEN`,
    // `TK`, `Tweede Kamer`, `Eerste Kamer` (a K), `Aanhangsel`, `Handelingen`.
    if memchr::memchr3(b'K', b'A', b'H', b).is_some() || has(Gate::Amerstuk) {
        kamerstuk::find(text, &mut all);
    }
    compact::find_gated(
        text,
        [Gate::CompactNr, Gate::CompactKrijgt, Gate::CompactList].map(has),
        &mut all,
    );
    // `Stb.`, `Staatsblad`, `Stcrt.`, `Staatscourant`, `Trb.`, `Tractatenblad`.
    if has(Gate::Gazette) {
        ids::find_gazettes(text, &mut all);
    }
    if has(Gate::Ecli) {
        ids::find_ecli(text, &mut all);
    }
    if has(Gate::Eu) {
        ids::find_eu(text, &mut all);
    }
    // `…verordening`, `…richtlijn`, `…besluit` (both cases of the initial).
    if has(Gate::EuAct) {
        ids::find_eu_acts(text, &mut all);
    }
    // `PbEU`, `PbEG`, `PB`.
    if has(Gate::Journal) {
        ids::find_official_journal(text, &mut all);
    }
    if memchr::memchr(b'E', b).is_some() {
        ids::find_europapoort(text, &mut all);
    }
    // `Idem`, `idem`, `IDEM`, `Ibidem`, `ibidem`, `Ibid`, `ibid`, `t.a.p.`,
    // `a.w.`, `zie (voet)noot`.
    if has(Gate::ShortForm) {
        short_form::find(text, &mut all);
    }
    // `PM`, `[…]`, `(…)`, three or more of `x`/`X`.
    if memchr::memchr3(b'P', b'[', b'(', b).is_some() || memchr::memchr2(b'x', b'X', b).is_some() {
        placeholder::find(text, &mut all);
    }
    all.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
    });
    let mut out: Vec<Citation> = Vec::with_capacity(all.len());
    for c in all {
        if out.last().is_some_and(|last| c.span.start < last.span.end) {
            continue;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The one-pass reading of the gates opens those whose literals
        /// the text holds, and no other.
        #[test]
        fn gates_by_bytes_open_where_a_literal_is(
            parts in proptest::collection::vec(
                "http|www\\.|amerstuk|St|Tr|ECLI:|COM|SWD|SEC|JOIN|erordening|ichtlijn|esluit|Pb|PB|dem|DEM|bid|t\\.a\\.p\\.|a\\.w\\.|noot|, nr\\.|krijgt nr\\.| - |[a-zA-Z .,:-]{0,4}|\\PC{0,3}",
                0..12,
            )
        ) {
            let text = parts.concat();
            let mut held = 0u16;
            for (lit, _, gate) in LITERALS {
                if text.contains(lit) {
                    held |= 1 << gate as u16;
                }
            }
            proptest::prop_assert_eq!(Gates::by_bytes(text.as_bytes()), Gates(held), "{:?}", text);
        }
    }

    #[test]
    fn merged_in_text_order_without_overlaps() {
        let t = "3 COM(2020)609. Zie ook dossier E200018 op www.europapoort.nl.\n4 Kamerstukken II, 2020–2021, 22 112, nr. 2955.\n14 PM BRON\n";
        let kinds: Vec<_> = find_citations(t).iter().map(|c| c.kind).collect();
        assert_eq!(
            kinds,
            [
                CitationKind::Eu,
                CitationKind::Europapoort,
                CitationKind::Url,
                CitationKind::Kamerstuk,
                CitationKind::Placeholder
            ]
        );
    }

    #[test]
    fn a_url_that_contains_a_label_stays_one_url() {
        let t = "(https://www.tweedekamer.nl/kamerstukken/moties/detail?id=2022D25169)";
        let c = find_citations(t);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].kind, CitationKind::Url);
    }
}
