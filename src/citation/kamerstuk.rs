//! Parliamentary papers: Kamerstukken, Handelingen, Aanhangsel Handelingen.
//!
//! `Kamerstukken II, 2020–2021, 22 112, nr. 2955, blz. 14`,
//! `Kamerstuk 21 501-20, AH`, `Kamerstuk 22 112 nr. 2956` (slip),
//! `Kamerstukken ll 2023/24, 36 410 XVI, nr. 160` (slip),
//! `Kamerstukken II, 25 424, nr. 679, nr. 684 en 685` (three documents),
//! `Handelingen II 2010/11, nr. 108, item 5, p. 25-36`,
//! `Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 2147`.
//!
//! A cheap literal scan finds the labels; the grammar runs only there.

use std::sync::LazyLock;

use regex::Regex;

use super::ids;
use super::model::{Chamber, Citation, CitationKind, FormatSlip};
use super::pin::parse_pin;
use super::scan::{normalise_year, word_end, word_start, Cur};
use super::steps;

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"Kamerstukken|kamerstukken|Kamerstuk-nummer|Kamerstuk|kamerstuk|KAMERSTUKKEN|Aanhangsel|Handelingen|TK|Tweede Kamer|Eerste Kamer",
    )
    .unwrap()
});
static FOOTER_PAGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ \t]+[0-9]{1,4}[ \t]*(?:\r?\n|$)").unwrap());
static ITEM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^item[ \t]+([0-9]{1,4})").unwrap());
static BIJLAGE_BIJ: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[Bb]ijlage[ \t]+bij[ \t]+$").unwrap());

/// What the label said.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Label {
    /// `Kamerstuk(ken)`.
    Kamerstuk,
    /// `TK`, `Tweede Kamer`, `Eerste Kamer` used as a label: needs a year.
    Chamber(Chamber),
    Handelingen,
    Aanhangsel,
}

/// Finds parliamentary-paper citations in `text`.
pub(crate) fn find(text: &str, out: &mut Vec<Citation>) {
    let mut consumed = 0;
    for m in LABEL.find_iter(text) {
        if m.start() < consumed {
            continue;
        }
        // A glued footnote number (`1Kamerstukken`) may touch the label; a
        // letter may not (`ah-tk`, `vredesonderhandelingen`).
        if super::scan::char_before(text, m.start()).is_some_and(|c| c.is_alphabetic()) {
            continue;
        }
        let label = match m.as_str() {
            "Aanhangsel" => Label::Aanhangsel,
            "Handelingen" => Label::Handelingen,
            "TK" => Label::Chamber(Chamber::II),
            "Tweede Kamer" => Label::Chamber(Chamber::II),
            "Eerste Kamer" => Label::Chamber(Chamber::I),
            _ => Label::Kamerstuk,
        };
        if matches!(
            label,
            Label::Chamber(_) | Label::Aanhangsel | Label::Handelingen
        ) && !word_end(text, m.end())
        {
            continue;
        }
        let found = match label {
            Label::Aanhangsel => parse_aanhangsel(text, m.start(), m.end()),
            Label::Handelingen => parse_handelingen(text, m.start(), m.end()),
            _ => parse_kamerstuk(text, m.start(), m.end(), label),
        };
        if let Some(cites) = found {
            if let Some(last) = cites.last() {
                consumed = last.span.end;
            }
            out.extend(cites);
        }
    }
}

/// A page footer or colophon line names the document itself, not a source:
/// `Eerste Kamer, vergaderjaar 2020–2021, 35 612, D 6` (page number after
/// the document number), or a `Tweede Kamer, vergaderjaar …, nr. 4` line of
/// its own (or glued to `’s-Gravenhage 2025`). A footnote that cites in the
/// same words starts with its note number: `4 Tweede Kamer, …, nr. 424`.
/// At the very start of the text (a footnote body passed alone, cut after
/// its number) it counts.
fn is_footer(text: &str, label_start: usize, end: usize) -> bool {
    if FOOTER_PAGE.is_match(&text[end..]) {
        return true;
    }
    if text[..label_start].trim().is_empty() {
        return false;
    }
    let line_start = text[..label_start].rfind('\n').map_or(0, |i| i + 1);
    let before = text[line_start..label_start].trim();
    let own_line = before.is_empty() || before.contains("Gravenhage");
    let rest = &text[end..];
    let line_end = rest.find('\n').unwrap_or(rest.len());
    if !(own_line && rest[..line_end].trim().is_empty()) {
        return false;
    }
    // pdftotext puts a note number on a line of its own (`4\nTweede Kamer,
    // …, nr. 424`), and notes in this style come in runs; a footer follows
    // running text or the colophon.
    let previous = text[..line_start.saturating_sub(1)]
        .trim_end()
        .rsplit('\n')
        .next()
        .unwrap_or("")
        .trim();
    let note_number =
        !previous.is_empty() && previous.len() <= 3 && previous.bytes().all(|b| b.is_ascii_digit());
    let note_run = LABEL.find(previous).is_some_and(|m| m.start() == 0)
        && previous.contains("vergaderjaar")
        && previous
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()))
        && previous.contains("nr");
    !(note_number || note_run)
}

/// Chamber, then year, after a label; both optional. Collects slips.
struct Head {
    chamber: Option<Chamber>,
    year: Option<String>,
    slips: Vec<FormatSlip>,
}

fn parse_chamber(c: &mut Cur, slips: &mut Vec<FormatSlip>) -> Option<Chamber> {
    let save = *c;
    let (word, span) = c.take(steps::chamber(c.rest())?);
    let chamber = match word {
        "Eerste Kamer" | "EK" | "I" | "1" => Chamber::I,
        _ => Chamber::II,
    };
    let glued_year = c.peek().is_some_and(|ch| ch.is_ascii_digit());
    if glued_year && matches!(word, "II" | "I" | "ll") {
        // `Kamerstukken II2015–16`: the year touches the chamber.
        if steps::year(c.rest()).is_some() {
            slips.push(FormatSlip {
                span: span.end..span.end,
                message: crate::msg!("slip-missing-space-after", word = word),
                fix: " ".into(),
            });
        } else {
            *c = save;
            return None;
        }
    } else if !word_end(c.text, c.pos) {
        *c = save;
        return None;
    }
    if matches!(word, "1" | "2" | "11") {
        // Digits are a chamber only when a comma or a year follows
        // (`Kamerstukken 2, 2008-2009`), not the start of a dossier number.
        let mut d = *c;
        d.hws();
        if !(d.peek() == Some(',') || steps::year(d.rest()).is_some()) {
            *c = save;
            return None;
        }
    }
    match word {
        "ll" => slips.push(FormatSlip {
            span,
            message: crate::msg!("slip-ll-for-ii"),
            fix: "II".into(),
        }),
        "11" => slips.push(FormatSlip {
            span,
            message: crate::msg!("slip-11-for-ii"),
            fix: "II".into(),
        }),
        _ => {}
    }
    Some(chamber)
}

/// A vergaderjaar at the cursor, with a slip when it is doubtful.
fn parse_year(c: &mut Cur, slips: &mut Vec<FormatSlip>) -> Option<String> {
    let save = *c;
    let base = c.pos;
    let y = steps::year(c.rest())?;
    c.pos += y.end;
    let first = &c.text[base + y.first.start..base + y.first.end];
    let span = base + y.second.start..base + y.second.end;
    let second = &c.text[span.clone()];
    if c.peek().is_some_and(|ch| ch.is_ascii_digit()) {
        *c = save;
        return None;
    }
    let (year, doubtful) = normalise_year(first, second)?;
    if doubtful {
        let whole = base + y.first.start..span.end;
        let written = &c.text[whole.clone()];
        let y1: u32 = first.parse().ok()?;
        let fixed = if second.len() == 2 {
            format!(
                "{first}{}{:02}",
                &written[4..written.len() - 2],
                (y1 + 1) % 100
            )
        } else {
            let sep = &written[4..written.len() - second.len()];
            format!("{first}{sep}{}", y1 + 1)
        };
        slips.push(FormatSlip {
            span: whole,
            message: crate::msg!("slip-doubtful-year", written = written),
            fix: fixed,
        });
    }
    Some(year)
}

/// `, ` between parts: optional comma with white space around it.
fn sep(c: &mut Cur) -> bool {
    c.ws();
    let comma = c.eat(",");
    c.ws();
    comma
}

fn parse_head(c: &mut Cur, label: Label) -> Head {
    let mut slips = Vec::new();
    let mut chamber = match label {
        Label::Chamber(ch) => Some(ch),
        _ => None,
    };
    let save = *c;
    sep(c);
    if chamber.is_none() {
        match parse_chamber(c, &mut slips) {
            Some(ch) => chamber = Some(ch),
            None => *c = save,
        }
    }
    let save = *c;
    sep(c);
    let year = parse_year(c, &mut slips);
    if year.is_none() {
        *c = save;
    }
    Head {
        chamber,
        year,
        slips,
    }
}

/// A dossier number and its toevoeging as the cursor reads them
/// (`21 501-20`, `36 410 XVI`), not the crate's analysed [`crate::Dossier`].
struct DossierNumber {
    number: String,
    toevoeging: Option<String>,
    /// A two-digit toevoeging glued with `-`: may be a compact ondernummer.
    compact: bool,
}

fn parse_dossier(c: &mut Cur) -> Option<DossierNumber> {
    let save = *c;
    let rest = c.rest();
    let d = steps::dossier_number(rest)?;
    c.pos += d.end;
    let number = match d.parts {
        (a, Some(b)) => format!("{}{}", &rest[a], &rest[b]),
        (n, None) => rest[n].to_string(),
    };
    if c.peek().is_some_and(|ch| ch.is_ascii_digit()) {
        *c = save;
        return None;
    }
    let mut toevoeging = None;
    let mut compact = false;
    if let Some(t) = steps::subdossier(c.rest()) {
        let rest = c.rest();
        if !rest[t.end..].starts_with(|ch: char| ch.is_ascii_digit()) {
            toevoeging = Some(rest[t.group].to_string());
            compact = true;
            c.pos += t.end;
        }
    }
    if toevoeging.is_none() {
        for step in [steps::roman_glued, steps::roman_spaced] {
            if let Some(t) = step(c.rest()) {
                if word_end(c.text, c.pos + t.end) {
                    toevoeging = Some(c.rest()[t.group].to_string());
                    c.pos += t.end;
                    break;
                }
            }
        }
    }
    if toevoeging.is_none() {
        if let Some(t) = steps::rijkswet(c.rest()) {
            toevoeging = Some(format!("R{}", &c.rest()[t.group]));
            c.pos += t.end;
        }
    }
    // `36222 en 31015, nr. 6`: a joint citation names the first dossier.
    let at = *c;
    if let Some(end) = steps::joint(c.rest()) {
        c.pos += end;
        let mut d = *c;
        d.hws();
        if d.peek() != Some(',') {
            *c = at;
        }
    }
    Some(DossierNumber {
        number,
        toevoeging,
        compact,
    })
}

/// `9595,9596` after the first dossier of an old joint citation
/// (`Kamerstukken I, 1969-1970, 9595,9596, blz 1092`): dossiers handled
/// together, named without a document. Returns `9595,9596` with the cursor
/// after the second number, or `None` with the cursor where it was. Dossiers
/// handled together were numbered together, so the second has as many
/// digits and follows closely: a bare document number (`31459, 22`) does
/// not. Where `nr.` follows, the citation names a document of the first
/// dossier (as `36222 en 31015, nr. 6` does): the cursor goes past the
/// second dossier and `None` is returned.
fn joint_dossiers(c: &mut Cur, first: &DossierNumber) -> Option<String> {
    /// How far apart the numbers of dossiers handled together may be.
    const CLOSE: u32 = 20;
    if first.toevoeging.is_some() {
        return None;
    }
    let save = *c;
    c.hws();
    if !c.eat(",") {
        *c = save;
        return None;
    }
    c.hws();
    let second = match parse_dossier(c) {
        Some(d) if d.toevoeging.is_none() && word_end(c.text, c.pos) => d.number,
        _ => {
            *c = save;
            return None;
        }
    };
    let (a, b) = (first.number.parse::<u32>(), second.parse::<u32>());
    let together = second.len() == first.number.len()
        && matches!((a, b), (Ok(a), Ok(b)) if a < b && b - a <= CLOSE);
    if !together {
        *c = save;
        return None;
    }
    let mut d = *c;
    sep(&mut d);
    if steps::nr_word(d.rest()).is_some() {
        return None;
    }
    if !ends_number_list(c) {
        *c = save;
        return None;
    }
    Some(format!("{},{second}", first.number))
}

/// An ondernummer written after `nr.`: `2955`, `42e`, `E`, `1–3`.
fn nr_value(c: &mut Cur) -> Option<String> {
    let save = *c;
    if let Some(n) = steps::number(c.rest()) {
        let mut v = c.take(n).0.to_string();
        if !word_end(c.text, c.pos) && c.peek() != Some('-') && c.peek() != Some('–') {
            *c = save;
            return None;
        }
        if let Some(r) = steps::range(c.rest()) {
            if word_end(c.text, c.pos + r.end) {
                v.push('-');
                v.push_str(&c.rest()[r.group]);
                c.pos += r.end;
            }
        }
        return Some(v);
    }
    letters(c)
}

/// An Eerste Kamer letter ondernummer: `D`, `AH`; never `PM` (a placeholder).
fn letters(c: &mut Cur) -> Option<String> {
    let save = *c;
    let (v, _) = c.take(steps::letters(c.rest())?);
    // `EU-voorstel`, `BNC-fiche`, `A.B.`: a word, not a document letter.
    let compound = c.peek() == Some('-')
        || c.peek() == Some('/')
        || (c.peek() == Some('.') && c.rest()[1..].starts_with(|ch: char| ch.is_alphabetic()));
    if v == "PM" || !word_end(c.text, c.pos) || compound {
        *c = save;
        return None;
    }
    Some(v.to_string())
}

/// `nr.` (or `nrs.`, `nummer`, `nr`) at the cursor; returns its span and
/// whether it lacks its period.
fn parse_nr_word(c: &mut Cur) -> Option<(crate::Span, bool, bool)> {
    let save = *c;
    let (word, span) = c.take(steps::nr_word(c.rest())?);
    if !word.ends_with('.') && !word_end(c.text, c.pos) {
        *c = save;
        return None;
    }
    let no_period = matches!(word, "nr" | "Nr" | "nrs");
    let plural = word.starts_with("nrs") || word.starts_with("Nrs") || word == "nummers";
    c.ws();
    Some((span, no_period, plural))
}

/// One document number with its optional pin, at the cursor.
struct Number {
    span: crate::Span,
    value: String,
    page: Option<String>,
    slips: Vec<FormatSlip>,
}

fn nr_slip(span: crate::Span) -> FormatSlip {
    FormatSlip {
        span,
        message: crate::msg!("slip-nr-without-period"),
        fix: "nr.".into(),
    }
}

/// A pin after a document number: `, blz. 14`, ` p. 13 en 14`,
/// ` (bijlage IV), blz. 21`, ` - blz. 37`, `, (Memorie van toelichting) p. 1`.
fn parse_trailing_pin(c: &mut Cur) -> Option<String> {
    let save = *c;
    if !eat_attachment(c) {
        eat_descriptor(c);
    }
    c.ws();
    if c.eat(",") || c.eat("-") || c.eat("–") {
        c.ws();
    }
    if word_start(c.text, c.pos) {
        if let Some(p) = parse_pin(c.text, c.pos) {
            c.pos = p.end;
            return Some(p.page);
        }
    }
    *c = save;
    None
}

/// `(bijlage IV)` between a number and its pin, after spaces or tabs: at
/// most 20 characters after the word, none of them a bracket or a line
/// break. Written out for the reason [`eat_descriptor`] is.
fn eat_attachment(c: &mut Cur) -> bool {
    let rest = c.rest();
    let spaced = rest.trim_start_matches([' ', '\t']);
    let Some(inner) = spaced
        .strip_prefix("(bijlage")
        .or_else(|| spaced.strip_prefix("(Bijlage"))
    else {
        return false;
    };
    for (n, (i, ch)) in inner.char_indices().enumerate() {
        match ch {
            ')' => {
                c.pos += rest.len() - inner.len() + i + 1;
                return true;
            }
            '(' | '\n' => return false,
            _ if n == 20 => return false,
            _ => {}
        }
    }
    false
}

/// A document's name in brackets between its number and the pin, after
/// an optional comma: `nr. 3 (Memorie van toelichting bij de Kaderwet
/// adviescolleges), p. 4`. No digits (a second citation or a date is not a
/// name), no blank line, at most 200 bytes. Written out rather than as a
/// regex: a counted repetition of a Unicode class compiles to an automaton
/// that took longer to build than `check` takes over 200 documents.
fn eat_descriptor(c: &mut Cur) -> bool {
    const LONGEST: usize = 200;
    let mut d = *c;
    d.hws();
    if d.eat(",") {
        d.hws();
    }
    if !d.eat("(") {
        return false;
    }
    let rest = d.rest();
    let window = &rest.as_bytes()[..rest.len().min(LONGEST)];
    let Some(close) = memchr::memchr(b')', window) else {
        return false;
    };
    let name = &rest[..close];
    let blank_line = name.split('\n').skip(1).any(|l| l.trim().is_empty());
    if name.trim().is_empty() || blank_line || name.bytes().any(|b| b == b'(' || b.is_ascii_digit())
    {
        return false;
    }
    d.pos += close + 1;
    *c = d;
    true
}

/// After a bare number (no `nr.` before it): does the citation plausibly
/// end or continue here? `684 en 685, en het IZA`, `2962)`; not
/// `en 12 andere moties` nor `en 31 015` (a dossier).
fn ends_number_list(c: &Cur) -> bool {
    static NEXT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:$|[\r\n;)\]]|[.,:](?:$|[ \t\r\n)])|[ \t]*(?:,|;|\)|\.|en[ \t]|&|\r?\n|$|[pP]\.|blz|pag|bladz))")
            .unwrap()
    });
    NEXT.is_match(c.rest())
}

/// Further documents of the same dossier: `, nr. 684 en 685`, `; nr. 7,
/// p. 5-6`, `, en nr. 6`, `nrs. 520 en 548`.
fn parse_more(c: &mut Cur, plural: bool) -> Vec<Number> {
    static MORE_SEP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[ \t]*(?:,[ \t]*en|;|,|en|&)[ \t\r\n]+|^[ \t]*[;,]").unwrap()
    });
    let mut more = Vec::new();
    loop {
        let save = *c;
        let Some(s) = c.eat_re(&MORE_SEP) else { break };
        let sep_has_en = s
            .str(0)
            .is_some_and(|t| t.contains("en") || t.contains('&'));
        c.ws();
        let start = c.pos;
        let mut slips = Vec::new();
        let value = if let Some((span, no_period, _)) = parse_nr_word(c) {
            if no_period {
                slips.push(nr_slip(span));
            }
            nr_value(c)
        } else if sep_has_en || plural {
            // `684 en 685`: a bare number after `en` continues the list,
            // unless it starts a dossier (`en 31 015`).
            let v = nr_value(c);
            if ends_number_list(c) {
                v
            } else {
                None
            }
        } else {
            None
        };
        let Some(value) = value else {
            *c = save;
            break;
        };
        let mut span = start..c.pos;
        let page = parse_trailing_pin(c);
        if page.is_some() {
            span.end = c.pos;
        }
        more.push(Number {
            span,
            value,
            page,
            slips,
        });
    }
    more
}

fn parse_kamerstuk(
    text: &str,
    start: usize,
    label_end: usize,
    label: Label,
) -> Option<Vec<Citation>> {
    let mut c = Cur::new(text, label_end);
    let head = parse_head(&mut c, label);
    if matches!(label, Label::Chamber(_)) && head.year.is_none() {
        return None;
    }
    let mut slips = head.slips;
    // `Zitting 1958-1959-5380`: an old form glues the dossier to the year.
    if head.year.is_some() && c.rest().starts_with('-') {
        c.pos += 1;
    }
    sep(&mut c);
    let dossier = parse_dossier(&mut c)?;
    let mut toevoeging = dossier.toevoeging.clone();
    if let Some(joint) = joint_dossiers(&mut c, &dossier) {
        // Two dossiers and no document: no id and no page can be given (a
        // page number belongs to a document), so a pin after it is left.
        let mut cite = Citation::new(CitationKind::Kamerstuk, start..c.pos);
        cite.chamber = head.chamber;
        cite.year = head.year;
        cite.dossier = Some(joint);
        cite.slips = slips;
        return Some(vec![cite]);
    }
    let before_sep = c.pos;
    let comma = sep(&mut c);
    let mut plural = false;
    let mut value = None;
    if let Some((span, no_period, pl)) = parse_nr_word(&mut c) {
        plural = pl;
        if no_period {
            slips.push(nr_slip(span));
        }
        if !comma {
            slips.push(FormatSlip {
                span: before_sep..before_sep,
                message: crate::msg!("slip-missing-comma-before-nr"),
                fix: ",".into(),
            });
        }
        value = nr_value(&mut c);
    } else if comma {
        if let Some(l) = letters(&mut c) {
            // `21 300, X, nr. 9`: the letters were a budget chapter.
            let mut d = c;
            if sep(&mut d) && steps::nr_word(d.rest()).is_some() && toevoeging.is_none() {
                toevoeging = Some(l);
                c = d;
                if let Some((span, no_period, pl)) = parse_nr_word(&mut c) {
                    plural = pl;
                    if no_period {
                        slips.push(nr_slip(span));
                    }
                    value = nr_value(&mut c);
                }
            } else {
                value = Some(l);
            }
        } else if label != Label::Handelingen {
            // `Kamerstukken 2, 2008-2009, 31459, 22`: a bare number.
            let save = c;
            if let Some((n, at)) = steps::number(c.rest()).map(|n| c.take(n)) {
                if word_end(text, c.pos) && ends_number_list(&c) {
                    let at = at.start;
                    slips.push(FormatSlip {
                        span: at..at,
                        message: crate::msg!("slip-missing-nr"),
                        fix: "nr. ".into(),
                    });
                    value = Some(n.to_string());
                } else {
                    c = save;
                }
            }
        }
    } else if head.chamber == Some(Chamber::I) {
        // `Kamerstuk I 31145 AA`.
        value = letters(&mut c);
    }
    if value.is_none() && !comma && label == Label::Kamerstuk && head.chamber.is_some() {
        // `Kamerstukken II, 31 459 22`: a bare number after a space, only
        // where it ends the citation (end of text, line or clause).
        let mut d = Cur::new(text, before_sep);
        if d.hws() > 0 {
            if let Some((n, at)) = steps::number(d.rest()).map(|n| d.take(n)) {
                let after = d.rest();
                let ends = after.is_empty()
                    || after.starts_with(['\n', '\r', ')', ';'])
                    || (after.starts_with(['.', ','])
                        && !after[1..].starts_with(|ch: char| ch.is_ascii_digit()));
                if ends {
                    let at = at.start;
                    slips.push(FormatSlip {
                        span: before_sep..at,
                        message: crate::msg!("slip-missing-comma-nr"),
                        fix: ", nr. ".into(),
                    });
                    value = Some(n.to_string());
                    c = d;
                }
            }
        }
    }
    if value.is_none() && dossier.compact && toevoeging.is_some() {
        // `Kamerstuk 30111-10`: compact dossier-number form.
        value = toevoeging.take();
        c.pos = before_sep;
    }
    if value.is_none() {
        // `Kamerstuk 30111-108`.
        let mut d = Cur::new(text, before_sep);
        if let Some(n) = steps::compact_nr(d.rest()) {
            let number = d.rest()[n.group].to_string();
            d.pos += n.end;
            if word_end(text, d.pos) && d.peek() != Some('-') {
                value = Some(number);
                c = d;
            }
        }
    }
    let value = value?;
    if matches!(label, Label::Chamber(_)) && is_footer(text, start, c.pos) {
        return None;
    }
    let mut end = c.pos;
    let page = parse_trailing_pin(&mut c);
    if page.is_some() {
        end = c.pos;
    }
    let more = parse_more(&mut c, plural);

    let mut look = start.saturating_sub(24);
    while !text.is_char_boundary(look) {
        look += 1;
    }
    let bijlage_start = BIJLAGE_BIJ
        .find(&text[look..start])
        .map(|m| m.start() + look);
    let kind = CitationKind::Kamerstuk;
    let mut first = Citation::new(kind, bijlage_start.unwrap_or(start)..end);
    first.bijlage = bijlage_start.is_some();
    first.chamber = head.chamber;
    first.year = head.year;
    first.dossier = Some(dossier.number);
    first.toevoeging = toevoeging;
    first.ondernummer = Some(value);
    first.page = page;
    first.slips = slips;
    first.id = ids::kst_id(&first);
    // The first is cloned only for the numbers listed after it.
    let mut all = Vec::with_capacity(1 + more.len());
    for n in more {
        let mut cite = first.clone();
        cite.span = n.span;
        cite.bijlage = false;
        cite.ondernummer = Some(n.value);
        cite.page = n.page;
        cite.slips = n.slips;
        cite.id = ids::kst_id(&cite);
        all.push(cite);
    }
    all.insert(0, first);
    Some(all)
}

/// `Handelingen II 2010/11, nr. 108, item 5, p. 25-36`; also the mislabelled
/// `Handelingen II, 1995-1996, 24 692, nr. 3, p. 14`.
fn parse_handelingen(text: &str, start: usize, label_end: usize) -> Option<Vec<Citation>> {
    let mut c = Cur::new(text, label_end);
    let mut head = parse_head(&mut c, Label::Handelingen);
    head.year.as_ref()?;
    let mut cite = Citation::new(CitationKind::Handelingen, start..start);
    let mut end = c.pos;
    let save = c;
    sep(&mut c);
    if let Some(d) = parse_dossier(&mut c) {
        if sep(&mut c) {
            cite.dossier = Some(d.number);
        } else {
            c = save;
        }
    } else {
        c = save;
    }
    let save = c;
    sep(&mut c);
    let mut nr_end = None;
    if let Some((span, no_period, _)) = parse_nr_word(&mut c) {
        if no_period {
            head.slips.push(nr_slip(span));
        }
        if let Some(v) = nr_value(&mut c) {
            cite.ondernummer = Some(v);
            nr_end = Some(c.pos);
            end = c.pos;
        }
    }
    if nr_end.is_none() {
        c = save;
    } else {
        let save = c;
        sep(&mut c);
        if let Some(item) = c.eat_re(&ITEM) {
            cite.item = item.str(1).map(str::to_string);
            end = c.pos;
        } else {
            c = save;
        }
    }
    if let Some(p) = parse_trailing_pin(&mut c) {
        cite.page = Some(p);
        end = c.pos;
    }
    if cite.ondernummer.is_none() && cite.page.is_none() {
        return None;
    }
    cite.span = start..end;
    cite.chamber = head.chamber;
    cite.year = head.year;
    cite.slips = head.slips;
    cite.id = ids::handelingen_id(&cite);
    Some(vec![cite])
}

/// A year after a separator at `c` (the old order of an Aanhangsel: the
/// number first): the year, its slips and where it ends.
fn year_after(mut c: Cur) -> Option<(String, Vec<FormatSlip>, usize)> {
    sep(&mut c);
    let mut slips = Vec::new();
    let year = parse_year(&mut c, &mut slips)?;
    Some((year, slips, c.pos))
}

/// `Aanhangsel Handelingen II 2014/15, nr. 1241`,
/// `Aanhangsel van de Handelingen, vergaderjaar 2023–2024, nr. 76`,
/// `Aanhangsel Handelingen, vergaderjaar 2023–2024, 1028`,
/// `Aanhangsel Eerste Kamer, vergaderjaar 1986 1987, nr. 5 en nr. 15`,
/// `Aanhangsel Handelingen nr. 540, Vergaderjaar 1993-1994`.
fn parse_aanhangsel(text: &str, start: usize, label_end: usize) -> Option<Vec<Citation>> {
    static REST_OF_LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^[ \t]*(?:\r?\n[ \t]*)?(?:van[ \t]+de[ \t]+)?(Handelingen|Eerste Kamer|Tweede Kamer)",
        )
        .unwrap()
    });
    let mut c = Cur::new(text, label_end);
    let rest = c.eat_re(&REST_OF_LABEL)?;
    let chamber = match rest.str(1)? {
        "Eerste Kamer" => Some(Chamber::I),
        "Tweede Kamer" => Some(Chamber::II),
        _ => None,
    };
    if !word_end(text, c.pos) {
        return None;
    }
    let mut head = parse_head(&mut c, Label::Aanhangsel);
    if head.chamber.is_none() {
        head.chamber = chamber;
    }
    let comma = sep(&mut c);
    let mut slips = std::mem::take(&mut head.slips);
    let value = if let Some((span, no_period, _)) = parse_nr_word(&mut c) {
        if no_period {
            slips.push(nr_slip(span));
        }
        nr_value(&mut c)
    } else if comma && head.year.is_some() {
        // `vergaderjaar 2023–2024, 1028`: number without `nr.`.
        let v = steps::number(c.rest()).map(|n| c.take(n).0.to_string());
        if word_end(text, c.pos) {
            v
        } else {
            None
        }
    } else {
        None
    };
    let value = value?;
    let mut end = c.pos;
    if head.year.is_none() {
        // Old form: the year after the number.
        if let Some((year, s, year_end)) = year_after(c) {
            head.year = Some(year);
            slips.extend(s);
            c.pos = year_end;
            end = year_end;
        }
    }
    let page = parse_trailing_pin(&mut c);
    if page.is_some() {
        end = c.pos;
    }
    let more = parse_more(&mut c, false);
    let mut list_end = None;
    if head.year.is_none() && !more.is_empty() {
        // `nr. 532 en 605, vergaderjaar 1989-1990`: the year after the
        // list is every listed number's.
        if let Some((year, s, year_end)) = year_after(c) {
            head.year = Some(year);
            slips.extend(s);
            list_end = Some(year_end);
        }
    }
    let mut first = Citation::new(CitationKind::Aanhangsel, start..end);
    first.chamber = head.chamber;
    first.year = head.year;
    first.ondernummer = Some(value);
    first.page = page;
    first.slips = slips;
    first.id = ids::aanhangsel_id(&first);
    // The first is cloned only for the numbers listed after it.
    let mut all = Vec::with_capacity(1 + more.len());
    for n in more {
        let mut cite = first.clone();
        cite.span = n.span;
        cite.ondernummer = Some(n.value);
        cite.page = n.page;
        cite.slips = n.slips;
        cite.id = ids::aanhangsel_id(&cite);
        all.push(cite);
    }
    if let (Some(last), Some(end)) = (all.last_mut(), list_end) {
        last.span.end = end;
    }
    all.insert(0, first);
    Some(all)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn cites(text: &str) -> Vec<Citation> {
        let mut out = Vec::new();
        find(text, &mut out);
        out
    }

    fn one(text: &str) -> Citation {
        let all = cites(text);
        assert_eq!(all.len(), 1, "{text}: {all:#?}");
        all.into_iter().next().unwrap()
    }

    #[test]
    fn seed_full_form() {
        let t = "4 Kamerstukken II, 2020–2021, 22 112, nr. 2955.";
        let c = one(t);
        assert_eq!(
            &t[c.span.clone()],
            "Kamerstukken II, 2020–2021, 22 112, nr. 2955"
        );
        assert_eq!(c.chamber, Some(Chamber::II));
        assert_eq!(c.year.as_deref(), Some("2020-2021"));
        assert_eq!(c.dossier.as_deref(), Some("22112"));
        assert_eq!(c.ondernummer.as_deref(), Some("2955"));
        assert_eq!(c.id.as_deref(), Some("kst-22112-2955"));
        assert!(c.slips.is_empty());
    }

    #[test]
    fn seed_pin_and_letter_and_line_break() {
        let c = one("Kamerstukken II, 2020–2021, 22 112, nr. 2955, blz. 14.");
        assert_eq!(c.page.as_deref(), Some("14"));
        let c = one("bijlage bij Kamerstuk 21 501-20, AH.");
        assert_eq!(c.toevoeging.as_deref(), Some("20"));
        assert_eq!(c.ondernummer.as_deref(), Some("AH"));
        assert_eq!(c.id.as_deref(), Some("kst-21501-20-AH"));
        assert!(c.bijlage);
        let t = "2017. Bijlage bij Kamerstuk \n34 700, nr. 34.";
        let c = one(t);
        assert_eq!(&t[c.span.clone()], "Bijlage bij Kamerstuk \n34 700, nr. 34");
        assert_eq!(c.id.as_deref(), Some("kst-34700-34"));
    }

    #[test]
    fn joint_dossiers_without_a_document() {
        // The peer table's older Eerste Kamer form: no document, no page.
        let t = "(Kamerstukken I, 1969-1970, 9595,9596, blz 1092): De";
        let c = one(t);
        assert_eq!(&t[c.span.clone()], "Kamerstukken I, 1969-1970, 9595,9596");
        assert_eq!(c.dossier.as_deref(), Some("9595,9596"));
        assert_eq!((&c.ondernummer, &c.page, &c.id), (&None, &None, &None));
        assert_eq!(c.url(), None);
        assert_eq!(c.canonical(), "Kamerstukken I 1969/70, 9595 en 9596");
        assert_eq!(
            one("Kamerstuk 31 459, 31 461)").dossier.as_deref(),
            Some("31459,31461")
        );
        // With `nr.` after them: a document of the first, as `36222 en 31015, nr. 6`.
        let c = one("Kamerstukken I, 1969-1970, 9595,9596, nr. 3.");
        assert_eq!(c.id.as_deref(), Some("kst-9595-3"));
        // Not joint: a bare document number, numbers far apart or of
        // another length.
        for (t, id) in [
            ("Kamerstukken 2, 2008-2009, 31459, 22", "kst-31459-22"),
            ("Kamerstukken II, 2008-2009, 31459, 2234.", "kst-31459-2234"),
            ("Kamerstukken I, 1969-1970, 9595, 9796.", "kst-9595-9796"),
            ("Kamerstukken I, 1969-1970, 9596, 9595.", "kst-9596-9595"),
        ] {
            assert_eq!(one(t).id.as_deref(), Some(id), "{t}");
        }
    }

    #[test]
    fn missing_comma_is_a_slip_with_a_fix() {
        let t = "Kamerstuk 22 112 nr. 2956.";
        let c = one(t);
        assert_eq!(c.id.as_deref(), Some("kst-22112-2956"));
        assert_eq!(c.slips.len(), 1);
        assert_eq!(
            c.slips[0].message.render(Lang::En),
            "missing comma before `nr.`"
        );
        assert_eq!(c.slips[0].span, 16..16);
        assert_eq!(c.slips[0].fix, ",");
    }

    #[test]
    fn ll_for_ii_and_nr_without_period() {
        let c = one("17 Kamerstukken ll 2023/24, 36 410 XVI, nr. 160");
        assert_eq!(c.chamber, Some(Chamber::II));
        assert_eq!(c.toevoeging.as_deref(), Some("XVI"));
        assert_eq!(c.id.as_deref(), Some("kst-36410-XVI-160"));
        assert_eq!(c.slips[0].fix, "II");
        let c = one("6 Kamerstukken II, 2022/2023, 31 839, nr 874");
        assert_eq!(c.ondernummer.as_deref(), Some("874"));
        assert_eq!(c.slips[0].fix, "nr.");
    }

    #[test]
    fn doubtful_year() {
        let c = one("2 Kamerstukken II 2023–34, 23 235, nr. 240.");
        assert_eq!(c.year.as_deref(), Some("2023-2024"));
        assert_eq!(c.slips.len(), 1);
        assert_eq!(c.slips[0].fix, "2023–24");
        let c = one("6 Kamerstukken II2015–16, 34 104, nr. 128.");
        assert_eq!(c.year.as_deref(), Some("2015-2016"));
        assert_eq!(
            c.slips[0].message.render(Lang::En),
            "missing space after `II`"
        );
    }

    #[test]
    fn several_numbers_one_citation_each() {
        let t = "14 Kamerstukken II, 25 424, nr. 679, nr. 684 en 685, en het IZA";
        let all = cites(t);
        let nrs: Vec<_> = all.iter().map(|c| c.ondernummer.clone().unwrap()).collect();
        assert_eq!(nrs, ["679", "684", "685"]);
        assert_eq!(&t[all[1].span.clone()], "nr. 684");
        assert_eq!(&t[all[2].span.clone()], "685");
        assert_eq!(all[2].id.as_deref(), Some("kst-25424-685"));
    }

    #[test]
    fn footers_are_not_citations() {
        assert!(cites("Eerste Kamer, vergaderjaar 2020–2021, 35 612, D 6\n").is_empty());
        assert!(cites("Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 2\n").is_empty());
        assert!(cites("Tweede Kamer, vergaderjaar 2020–2021, 22 112, nr. 2955 3\n").is_empty());
        let colophon = "kst-21501-02-3121\nISSN 0921 - 7371\n’s-Gravenhage 2025 Tweede Kamer, vergaderjaar 2024–2025, 21 501-02, nr. 3121\n";
        assert!(cites(colophon).is_empty());
        assert!(cites("x\nTweede Kamer, vergaderjaar 1993-1994, 22 731, nr. 4\n").is_empty());
        // ... but the same words in a footnote without a page number are.
        let c = one("4 Tweede Kamer, vergaderjaar 2022–2023, 26 485, nr. 424\nx");
        assert_eq!(c.id.as_deref(), Some("kst-26485-424"));
        // pdftotext: the note number on a line of its own, notes in a run.
        let t = "10\n\nTweede Kamer, vergaderjaar 2017–2018, 26 485, nr. 267\nTweede Kamer, vergaderjaar 2021–2022, 26 485, nr. 380\n12\n";
        assert_eq!(cites(t).len(), 2);
        // A footnote body passed alone, cut after its number.
        let c = one(" Tweede Kamer, vergaderjaar 2022–2023, 26 485, nr. 424\n");
        assert_eq!(c.id.as_deref(), Some("kst-26485-424"));
    }

    #[test]
    fn bare_document_numbers_are_slips() {
        let t = "(Kamerstuk 22 112, 2962)";
        let c = one(t);
        assert_eq!(c.id.as_deref(), Some("kst-22112-2962"));
        assert_eq!(
            c.slips[0].message.render(Lang::En),
            "missing `nr.` before the document number"
        );
        let mut fixed = t.to_string();
        fixed.replace_range(c.slips[0].span.clone(), &c.slips[0].fix);
        assert_eq!(fixed, "(Kamerstuk 22 112, nr. 2962)");
        let t = "Kamerstukken II, 31 459 22";
        let c = one(t);
        assert_eq!(c.ondernummer.as_deref(), Some("22"));
        let mut fixed = t.to_string();
        fixed.replace_range(c.slips[0].span.clone(), &c.slips[0].fix);
        assert_eq!(fixed, "Kamerstukken II, 31 459, nr. 22");
        // Not when running text follows.
        let all = cites("Kamerstuk 36 410, nr. 31 en 12 andere moties");
        assert_eq!(all.len(), 1);
        assert!(cites("Kamerstuk 22 112, 12 leden").is_empty());
        assert!(cites("Kamerstukken II, 31 459 22 leden").is_empty());
    }

    proptest::proptest! {
        /// The hand-written `(bijlage …)` step takes exactly what the regex
        /// it replaced took.
        #[test]
        fn an_attachment_is_read_as_the_regex_read_it(
            lead in 0..4usize,
            word in 0..4usize,
            pieces in proptest::collection::vec(0..12usize, 0..14),
        ) {
            const PIECES: &[&str] = &[
                " ", "\t", "(", ")", "bijlage", "Bijlage", " IV", "\n", "é", "x", "12", "\r",
            ];
            static OLD: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(r"^[ \t]*\((?:bijlage|Bijlage)[^()\n]{0,20}\)").unwrap()
            });
            let mut text = ["", " ", "\t ", "\u{a0}"][lead].to_owned();
            text.push_str(["(bijlage", "(Bijlage", "(bijlag", "("][word]);
            text.extend(pieces.iter().map(|&i| PIECES[i]));
            let mut c = Cur::new(&text, 0);
            let taken = eat_attachment(&mut c).then_some(c.pos);
            proptest::prop_assert_eq!(taken, OLD.find(&text).map(|m| m.end()), "{:?}", text);
        }
    }

    #[test]
    fn a_pin_after_the_documents_name_in_brackets() {
        // Raad van State, advies W18.23.00028 (2023), notes 11 and 28.
        let t = "Zie eerder in \ngelijkluidende zin: Kamerstukken II 1995/96, 24503, nr. 3, (Memorie van toelichting bij de \nKaderwet adviescolleges) p.1. Zie voorts";
        let c = one(t);
        assert_eq!(c.id.as_deref(), Some("kst-24503-3"));
        assert_eq!(c.page.as_deref(), Some("1"));
        let t = "28 Kamerstukken II 1991/92 22690, nr. 3 (Memorie van toelichting bij de Algemene wet \nbestuursrecht), p. 4. \n29 Voorgesteld";
        let c = one(t);
        assert_eq!(c.page.as_deref(), Some("4"));
        assert!(
            t[c.span.clone()].ends_with("p. 4"),
            "{:?}",
            &t[c.span.clone()]
        );

        // Brackets with no pin after them, or holding digits (another
        // document, a date), or a blank line, are not the citation's.
        let c =
            one("Kamerstukken II 1991/92, 22690, nr. 3 (Memorie van toelichting). Op p. 4 staat");
        assert_eq!(c.page, None);
        let c = one("Kamerstukken II 1991/92, 22690, nr. 3 (brief van 12 mei 1992), p. 4");
        assert_eq!(c.page, None);
        let c = one("Kamerstukken II 1991/92, 22690, nr. 3 (Memorie van\n\ntoelichting), p. 4");
        assert_eq!(c.page, None);
        let c = one("Kamerstukken II 1991/92, 22690, nr. 3 (Memorie van\n  \ntoelichting), p. 4");
        assert_eq!(c.page, None);
        let long = format!(
            "Kamerstukken II 1991/92, 22690, nr. 3 ({}), p. 4",
            "woord ".repeat(40)
        );
        assert_eq!(one(&long).page, None);
    }

    #[test]
    fn aanhangsel_forms() {
        let c = one("Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 2147.");
        assert_eq!(c.kind, CitationKind::Aanhangsel);
        assert_eq!(c.id.as_deref(), Some("ah-tk-20232024-2147"));
        let c = one("Zie ook Aanhangsel \nHandelingen, vergaderjaar 2023–2024, 1028 \nVraag 1");
        assert_eq!(c.ondernummer.as_deref(), Some("1028"));
        let c = one("Aanhangsel Handelingen TK, 2007/08, nr. 1835, blz 33");
        assert_eq!(c.page.as_deref(), Some("33"));
        assert_eq!(c.chamber, Some(Chamber::II));
        let c = one("(Aanhangsel Handelingen, vergaderjaar 2022–203, nr. 844).");
        assert_eq!(c.year.as_deref(), Some("2022-2023"));
        assert_eq!(c.slips.len(), 1);
        let all = cites("Zie Aanhangsel Eerste Kamer, vergaderjaar 1986 1987, nr. 5 en nr. 15.");
        assert_eq!(all.len(), 2);
        assert_eq!(all[1].id.as_deref(), Some("ah-ek-19861987-15"));
        // The old order, the year after a list of numbers (sgd-0000036053,
        // 1990): the year is each number's.
        let t = "(Ontvangen 19 juni 1990), zie ook Aanhangsel Handelingen nr. 532 en 605, vergaderjaar 1989-1990.";
        let all = cites(t);
        let ids: Vec<_> = all.iter().map(|c| c.id.as_deref()).collect();
        assert_eq!(
            ids,
            [Some("ah-tk-19891990-532"), Some("ah-tk-19891990-605")]
        );
        assert_eq!(&t[all[1].span.clone()], "605, vergaderjaar 1989-1990");
        let c = one("Aanhangsel Handelingen nr. 540, Vergaderjaar 1993-1994");
        assert_eq!(c.id.as_deref(), Some("ah-tk-19931994-540"));
        // A list with no year after it stays without an identifier.
        let all = cites("Aanhangsel Handelingen nr. 532 en 605. Vergaderd werd in 1990.");
        assert!(all.iter().all(|c| c.id.is_none()), "{all:#?}");
    }

    #[test]
    fn handelingen_forms() {
        let c = one("Handelingen II 2016/17, nr. 39, item 39");
        assert_eq!(c.id.as_deref(), Some("h-tk-20162017-39-39"));
        let c = one("Handelingen II 2012-2013, nr. 71, item 15, blz 53-69");
        assert_eq!(c.item.as_deref(), Some("15"));
        assert_eq!(c.page.as_deref(), Some("53-69"));
        let c = one("Handelingen II, vergaderjaar 2008-2009, 31 386, nr. 43, pag. 3795");
        assert_eq!(c.dossier.as_deref(), Some("31386"));
        assert_eq!(c.ondernummer.as_deref(), Some("43"));
        assert!(cites("de vredesonderhandelingen in het land").is_empty());
        assert!(cites("Handelingen over dit wetsvoorstel").is_empty());
    }

    #[test]
    fn no_citation_without_document_number() {
        assert!(cites("Kamerstukken II, 2013-2014, 33.950, pag. 2 en 6").is_empty());
        let all = cites(
            "1Kamerstukken II 2020/21, 35570 en Kamerstukken II 2020/21, 21 501-07, nr. 1750",
        );
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].dossier.as_deref(), Some("21501"));
        assert!(cites("Antwoorden op Kamervragen | Kamerstuk | Rijksoverheid.nl").is_empty());
        assert!(cites("Kamerstukken I 2020/21, 35 612, EU-voorstel").is_empty());
        assert!(cites("zie Kamerstuk 22 112, BNC-fiche over").is_empty());
    }

    #[test]
    fn compact_and_rijkswet_and_chapter_forms() {
        let c = one("(zie Kamerstuk 30111-108) - 30111-109");
        assert_eq!(c.id.as_deref(), Some("kst-30111-108"));
        let c = one("8Kamerstukken II 2015/16, 34 356 (R2064), nr. 3");
        assert_eq!(c.toevoeging.as_deref(), Some("R2064"));
        assert_eq!(c.id.as_deref(), Some("kst-34356-3"));
        let c = one("Kamerstuk-nummer 21 300, X, nr. 9");
        assert_eq!(c.toevoeging.as_deref(), Some("X"));
        assert_eq!(c.ondernummer.as_deref(), Some("9"));
        let c = one("3 Kamerstuk 15 300 hoofdstuk XIV, nr. 13, blz. 66 en 67.");
        assert_eq!(c.toevoeging.as_deref(), Some("XIV"));
        assert_eq!(c.page.as_deref(), Some("66-67"));
    }
}
