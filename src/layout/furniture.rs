//! Page furniture of letters and other layouts that carry no Kamer footer:
//! page labels (`Pagina 2 van 7`, `P agina 2 van 7` as extraction breaks
//! it, `- 3 -`, a bare page number) and the lines that come back next to
//! them on page after page (`Intern gebruik`, `Kenmerk 5687928/11`).
//!
//! Furniture is what repeats: a bare number is a page number only when the
//! numbers of such lines rise by one at distances a page could have, and a
//! line of other text is furniture only when it recurs beside page labels.

use rustc_hash::FxHashMap as HashMap;

use super::{Layout, LineKind};

/// Fewest lines between two bare page numbers (a page is rarely shorter).
const MIN_PAGE_LINES: usize = 15;

/// A page label found on a line: the page number it prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageLabel {
    /// Index into `Layout::lines`.
    pub line: usize,
    pub number: u32,
}

/// The page number a written page label prints, if the whole line is one:
/// `Pagina 2 van 7`, `pagina 2/7`, `Pagina 2`, `Page 2 of 7`, `Blad 2 van 7`,
/// `- 2 -`, `2/7`, with any spaces (extraction breaks `P agina`).
pub fn written_label(line: &str) -> Option<u32> {
    const WORDS: [&str; 4] = ["pagina", "page", "blad", "blz."];
    const DASHES: [char; 3] = ['-', '–', '—'];
    // Running text: longer than any label, and nothing at either end that
    // trimming would take off. Turned down before it is trimmed.
    let b = line.as_bytes();
    if b.len() > 40 && b[0].is_ascii_graphic() && b[b.len() - 1].is_ascii_graphic() {
        return None;
    }
    let t = line.trim();
    // A label opens with its word (`Pagina`, `Blad`), or is a number
    // with dashes, spaces and a slash: most lines are turned down without
    // a copy.
    let worded = t.bytes().next().is_some_and(|b| {
        WORDS
            .iter()
            .any(|w| w.as_bytes()[0] == b.to_ascii_lowercase())
    });
    let bare = |c: char| c.is_ascii_digit() || c.is_whitespace() || c == '/' || DASHES.contains(&c);
    if t.is_empty()
        || t.len() > 40
        || !(worded || t.chars().all(bare))
        || !t.bytes().any(|b| b.is_ascii_digit())
    {
        return None;
    }
    let squeezed: String = t
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    let rest = WORDS.iter().find_map(|w| squeezed.strip_prefix(w));
    let (n, tail) = match rest {
        Some(rest) => leading_number(rest)?,
        None => {
            // `- 2 -`, `– 2 –`, `2/7`: punctuation around a number.
            let inner = squeezed.trim_matches(DASHES);
            if inner.len() == squeezed.len() {
                let (n, tail) = leading_number(inner)?;
                let total = tail.strip_prefix('/')?;
                let (m, end) = leading_number(total)?;
                return (end.is_empty() && n <= m).then_some(n);
            }
            let (n, tail) = leading_number(inner)?;
            return tail.is_empty().then_some(n);
        }
    };
    if tail.is_empty() {
        return Some(n);
    }
    let total = tail
        .strip_prefix("van")
        .or_else(|| tail.strip_prefix("of"))
        .or_else(|| tail.strip_prefix('/'))?;
    let (m, end) = leading_number(total)?;
    (end.is_empty() && n <= m).then_some(n)
}

/// A number of one to four digits at the start, and what follows it.
fn leading_number(s: &str) -> Option<(u32, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=4).contains(&digits) {
        return None;
    }
    let n: u32 = s[..digits].parse().ok()?;
    (n > 0).then_some((n, &s[digits..]))
}

/// Marks page labels and the lines that recur beside them as
/// [`LineKind::Furniture`], and returns the labels in document order.
pub(super) fn find(text: &str, layout: &mut Layout) -> Vec<PageLabel> {
    let mut labels: Vec<PageLabel> = Vec::new();
    for (i, line) in layout.lines.iter().enumerate() {
        if line.kind != LineKind::Body {
            continue;
        }
        if let Some(number) = written_label(&text[line.span.clone()]) {
            labels.push(PageLabel { line: i, number });
        }
    }
    // Bare page numbers, where the document has no other page marks.
    if labels.is_empty() && layout.footers.is_empty() {
        labels = bare_page_numbers(text, layout);
    }
    for l in &labels {
        layout.lines[l.line].kind = LineKind::Furniture;
    }
    if labels.len() >= 2 {
        mark_recurring(text, layout, &labels);
    }
    if !labels.is_empty() || is_letter(text, layout) {
        mark_side_column(text, layout);
    }
    labels
}

/// The labels of a letter's side column and address block, as the line's
/// first words: `Datum`, `Kenmerk 5687928/11`, `Onze referentie`, a
/// directorate's name, the return address.
const SIDE_LABELS: &[&str] = &[
    "> Retouradres",
    "Retouradres",
    "Datum",
    "Kenmerk",
    "Ons kenmerk",
    "Uw kenmerk",
    "Onze referentie",
    "Uw referentie",
    "Uw brief",
    "Uw brief van",
    "Bijlage",
    "Bijlagen",
    "Bijlage(n)",
    "Contactpersoon",
    "Inlichtingen",
    "Doorkiesnummer",
    "Projectnaam",
    "Directoraat-generaal",
    "Directoraat-Generaal",
    "Directie",
];

/// A letter to the Kamer or from a ministry: a return address or the
/// Kamer's address at its head.
fn is_letter(text: &str, layout: &Layout) -> bool {
    layout.lines.iter().take(40).any(|l| {
        let t = text[l.span.clone()].trim();
        t.starts_with("> Retouradres") || t.starts_with("Aan de Voorzitter van de")
    })
}

/// Marks the side column's label lines (and the return address) as
/// furniture: a note above them on the page ends there.
fn mark_side_column(text: &str, layout: &mut Layout) {
    for line in &mut layout.lines {
        if line.kind != LineKind::Body {
            continue;
        }
        let t = text[line.span.clone()].trim();
        // A byte's look at the first letters turns most lines down.
        let first = t.as_bytes().first();
        if t.len() > 60 || !SIDE_LABELS.iter().any(|l| l.as_bytes().first() == first) {
            continue;
        }
        let labelled = SIDE_LABELS.iter().any(|label| {
            t.strip_prefix(label)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
        });
        if labelled {
            line.kind = LineKind::Furniture;
        }
    }
}

/// Lines that are a bare number and whose numbers rise by one, a page or
/// more apart: the longest such run, if it has at least two pages and
/// its distances are alike (question and list numbers are not).
fn bare_page_numbers(text: &str, layout: &Layout) -> Vec<PageLabel> {
    let candidates: Vec<PageLabel> = layout
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.kind == LineKind::Body)
        .filter_map(|(i, l)| {
            let t = text[l.span.clone()].trim();
            let (n, rest) = leading_number(t)?;
            rest.is_empty().then_some(PageLabel { line: i, number: n })
        })
        .collect();
    // Longest chain n, n+1, n+2, … in text order, each a page apart.
    let mut best: Vec<PageLabel> = Vec::new();
    for (k, first) in candidates.iter().enumerate() {
        let mut chain = vec![*first];
        for c in &candidates[k + 1..] {
            let last = chain[chain.len() - 1];
            if c.number == last.number + 1 && c.line >= last.line + MIN_PAGE_LINES {
                chain.push(*c);
            }
        }
        if chain.len() > best.len() {
            best = chain;
        }
    }
    if best.len() < 2 {
        return Vec::new();
    }
    // Page n has n - 1 pages of text above it.
    let first = best[0];
    if first.line < (first.number as usize - 1) * MIN_PAGE_LINES {
        return Vec::new();
    }
    // Other bare numbers among them make a list (margin numbers of
    // questions, numbered items), not a page count.
    let range = first.number.saturating_sub(1)..=best[best.len() - 1].number;
    let listed = candidates
        .iter()
        .filter(|c| range.contains(&c.number) && !best.contains(c))
        .count();
    if listed > 0 {
        return Vec::new();
    }
    let mut gaps: Vec<usize> = best.windows(2).map(|w| w[1].line - w[0].line).collect();
    gaps.sort_unstable();
    let median = gaps[gaps.len() / 2];
    // A last page may be short; the others are alike.
    let alike = gaps.iter().filter(|&&g| g * 2 >= median).count() + 1 >= gaps.len();
    if alike {
        best
    } else {
        Vec::new()
    }
}

/// Lines of text that recur (at least three times, or on every page of a
/// two-page document) within a few lines of a page label: running heads
/// such as `Intern gebruik` or a reference repeated on each page.
fn mark_recurring(text: &str, layout: &mut Layout, labels: &[PageLabel]) {
    const NEAR: usize = 4;
    let mut seen: HashMap<&str, Vec<usize>> = HashMap::default();
    for l in labels {
        let from = l.line.saturating_sub(NEAR);
        let to = (l.line + NEAR + 1).min(layout.lines.len());
        for i in from..to {
            let line = &layout.lines[i];
            if line.kind != LineKind::Body {
                continue;
            }
            let t = text[line.span.clone()].trim();
            if t.len() < 3 || t.len() > 60 {
                continue;
            }
            let at = seen.entry(t).or_default();
            if at.last() != Some(&i) {
                at.push(i);
            }
        }
    }
    let needed = labels.len().min(3);
    for lines in seen.values() {
        if lines.len() >= needed {
            for &i in lines {
                layout.lines[i].kind = LineKind::Furniture;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_labels_as_letters_print_them() {
        for (line, n) in [
            (" Pagina 2 van 7 ", Some(2)),
            ("P agina 3 van 15", Some(3)),
            ("Pagina 4", Some(4)),
            ("pagina 2/3", Some(2)),
            ("Page 2 of 9", Some(2)),
            ("- 3 -", Some(3)),
            ("– 12 –", Some(12)),
            ("2/7", Some(2)),
            ("Pagina 8 van 7", None),
            ("Pagina's 2 tot 4 gaan over", None),
            ("12/11", None),
            ("2.1 Voorgeschiedenis", None),
            ("3", None),
            ("Op pagina 2 van het rapport", None),
            // Centred by spaces past the length of any label: trimmed first.
            (&format!("{:>60}", "Pagina 5 van 9"), Some(5)),
            (
                "Pagina 2 van 7 gaat over de kosten van het programma in 2025",
                None,
            ),
        ] {
            assert_eq!(written_label(line), n, "{line}");
        }
    }

    #[test]
    fn bare_numbers_a_page_apart_are_page_numbers_and_list_numbers_are_not() {
        let page = |n: usize| "Een regel lopende tekst over het onderwerp.\n".repeat(n);
        let letter = format!("{}\n2\n{}\n3\n{}", page(30), page(32), page(10));
        let layout = Layout::analyze(&letter);
        assert_eq!(layout.pages.len(), 3);
        let numbers: Vec<Option<u32>> = layout.pages.iter().map(|p| p.number).collect();
        assert_eq!(numbers, [Some(1), Some(2), Some(3)]);

        let list = format!(
            "{}\n1\n{}\n2\n{}\n3\n{}",
            page(3),
            page(2),
            page(40),
            page(2)
        );
        let layout = Layout::analyze(&list);
        assert_eq!(layout.pages.len(), 1);
    }
}
