//! Grammar steps of the Kamerstuk grammar read by hand: the chamber, the
//! vergaderjaar, the dossier number and its toevoeging, `nr.` and the
//! number after it. Each is the reading of an anchored
//! pattern (kept in the tests, which hold the two to each other): they run
//! several times for every citation, and a pattern's set-up cost more than
//! the few bytes it reads. Offsets are relative to the text given.

use std::ops::Range;

use crate::text::ascii_digits as digits;

/// How many bytes from `at` satisfy `f`.
fn count(b: &[u8], at: usize, f: impl Fn(u8) -> bool) -> usize {
    b.get(at..)
        .unwrap_or_default()
        .iter()
        .take_while(|&&c| f(c))
        .count()
}

fn space_or_tab(c: u8) -> bool {
    c == b' ' || c == b'\t'
}

/// The length of the first of `options` that `s` continues with at `at`.
fn one_of(s: &str, at: usize, options: &[&str]) -> Option<usize> {
    let rest = s.get(at..)?;
    options
        .iter()
        .find(|o| rest.starts_with(*o))
        .map(|o| o.len())
}

/// A vergaderjaar: `[Vergaderjaar ]2020–2021`, `2020/21`, `2020 2021`.
pub(crate) struct Year {
    pub end: usize,
    pub first: Range<usize>,
    pub second: Range<usize>,
}

/// `(?:(?:[Vv]ergaderjaar|[Zz]itting(?:sjaar)?|ZITTING)(?:[ \t\u{a0}]+(?:\r?\n[ \t]*)?|\r?\n[ \t]*))?`
/// `([0-9]{4})(?:[ \t]*[/\-–—][ \t]*-?[ \t]*([0-9]{2,4})|[ \t]+([0-9]{4}))`
pub(crate) fn year(s: &str) -> Option<Year> {
    let b = s.as_bytes();
    let at = year_label(s).unwrap_or(0);
    if digits(b, at, 4) < 4 {
        return None;
    }
    let first = at..at + 4;
    let after = at + 4;
    // `2020–2021`, `2020 / 21`, `1985/- 86`
    let mut p = after + count(b, after, space_or_tab);
    if let Some(n) = one_of(s, p, &["/", "-", "–", "—"]) {
        p += n;
        p += count(b, p, space_or_tab);
        if b.get(p) == Some(&b'-') {
            p += 1;
        }
        p += count(b, p, space_or_tab);
        let n = digits(b, p, 4);
        if n >= 2 {
            return Some(Year {
                end: p + n,
                first,
                second: p..p + n,
            });
        }
    }
    // `2020 2021`
    let spaces = count(b, after, space_or_tab);
    let p = after + spaces;
    (spaces > 0 && digits(b, p, 4) == 4).then_some(Year {
        end: p + 4,
        first,
        second: p..p + 4,
    })
}

/// Past `Vergaderjaar ` (or `Zitting`, with a line break or not), if the
/// text starts with it.
fn year_label(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut p = one_of(
        s,
        0,
        &[
            "Vergaderjaar",
            "vergaderjaar",
            "Zittingsjaar",
            "zittingsjaar",
            "Zitting",
            "zitting",
            "ZITTING",
        ],
    )?;
    let line_break = |p: usize| one_of(s, p, &["\r\n", "\n"]);
    let mut spaced = false;
    while let Some(n) = one_of(s, p, &[" ", "\t", "\u{a0}"]) {
        p += n;
        spaced = true;
    }
    match line_break(p) {
        Some(n) => {
            p += n;
            p += count(b, p, space_or_tab);
        }
        None if !spaced => return None,
        None => {}
    }
    Some(p)
}

/// A dossier number: `22 112` (two groups), `22112`, `9595`.
pub(crate) struct DossierNumber {
    pub end: usize,
    /// `22`, `112`; or the whole number and nothing.
    pub parts: (Range<usize>, Option<Range<usize>>),
}

/// `([0-9]{2})[ .\-\u{a0}\u{2009}\u{202f}\u{2007}]?([0-9]{3})|([0-9]{3,4})`
pub(crate) fn dossier_number(s: &str) -> Option<DossierNumber> {
    let b = s.as_bytes();
    if digits(b, 0, 2) == 2 {
        let after = match one_of(
            s,
            2,
            &[" ", ".", "-", "\u{a0}", "\u{2009}", "\u{202f}", "\u{2007}"],
        ) {
            Some(n) => 2 + n,
            None => 2,
        };
        if digits(b, after, 3) == 3 {
            return Some(DossierNumber {
                end: after + 3,
                parts: (0..2, Some(after..after + 3)),
            });
        }
    }
    let n = digits(b, 0, 4);
    (n >= 3).then_some(DossierNumber {
        end: n,
        parts: (0..n, None),
    })
}

/// A step that reads one group: where it ends and the group.
pub(crate) struct Step {
    pub end: usize,
    pub group: Range<usize>,
}

/// `-([0-9]{2})`: a subdossier glued on (`21501-20`).
pub(crate) fn subdossier(s: &str) -> Option<Step> {
    let b = s.as_bytes();
    (b.first() == Some(&b'-') && digits(b, 1, 2) == 2).then_some(Step {
        end: 3,
        group: 1..3,
    })
}

/// `[IVX]+[A-C]?` at `at`: a Roman toevoeging (`XVI`, `VIIA`).
fn roman(b: &[u8], at: usize) -> Option<Step> {
    let n = count(b, at, |c| matches!(c, b'I' | b'V' | b'X'));
    if n == 0 {
        return None;
    }
    let end = at + n + usize::from(b.get(at + n).is_some_and(|c| (b'A'..=b'C').contains(c)));
    Some(Step {
        end,
        group: at..end,
    })
}

/// `[-.]?([IVX]+[A-C]?)`: a Roman toevoeging glued on (`36410-XVI`).
pub(crate) fn roman_glued(s: &str) -> Option<Step> {
    let b = s.as_bytes();
    let at = usize::from(matches!(b.first(), Some(b'-' | b'.')));
    roman(b, at)
}

/// `[ \t]+(?:hoofdstuk[ \t]+)?([IVX]+[A-C]?)`: a Roman toevoeging after a
/// space (`36410 XVI`, `36410 hoofdstuk XVI`).
pub(crate) fn roman_spaced(s: &str) -> Option<Step> {
    let b = s.as_bytes();
    let spaces = count(b, 0, space_or_tab);
    if spaces == 0 {
        return None;
    }
    let mut at = spaces;
    if s[at..].starts_with("hoofdstuk") {
        let gap = count(b, at + "hoofdstuk".len(), space_or_tab);
        if gap > 0 {
            at += "hoofdstuk".len() + gap;
        }
    }
    roman(b, at)
}

/// `[ \t]*\([ \t]*R[ \t]*([0-9]{3,4})[ \t]*\)`: a rijkswet (`(R2068)`).
pub(crate) fn rijkswet(s: &str) -> Option<Step> {
    let b = s.as_bytes();
    let mut p = count(b, 0, space_or_tab);
    if b.get(p) != Some(&b'(') {
        return None;
    }
    p += 1;
    p += count(b, p, space_or_tab);
    if b.get(p) != Some(&b'R') {
        return None;
    }
    p += 1;
    p += count(b, p, space_or_tab);
    let n = digits(b, p, 5);
    if !(3..=4).contains(&n) {
        return None;
    }
    let group = p..p + n;
    p += n;
    p += count(b, p, space_or_tab);
    (b.get(p) == Some(&b')')).then_some(Step { end: p + 1, group })
}

/// `[ \t]+en[ \t]+[0-9]{2}[ .]?[0-9]{3}`: a second dossier (`36222 en
/// 31015`); where it ends.
pub(crate) fn joint(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut p = count(b, 0, space_or_tab);
    if p == 0 || !s[p..].starts_with("en") {
        return None;
    }
    p += 2;
    let gap = count(b, p, space_or_tab);
    if gap == 0 || digits(b, p + gap, 2) < 2 {
        return None;
    }
    p += gap + 2;
    if matches!(b.get(p), Some(b' ' | b'.')) && digits(b, p + 1, 3) == 3 {
        return Some(p + 4);
    }
    (digits(b, p, 3) == 3).then_some(p + 3)
}

/// `(?:Eerste Kamer|Tweede Kamer|EK|TK|II|ll|I|11|1|2)`: a chamber; its
/// length (the first that fits, as the pattern's alternation reads).
pub(crate) fn chamber(s: &str) -> Option<usize> {
    one_of(
        s,
        0,
        &[
            "Eerste Kamer",
            "Tweede Kamer",
            "EK",
            "TK",
            "II",
            "ll",
            "I",
            "11",
            "1",
            "2",
        ],
    )
}

/// `(?:nrs\.|nr\.|Nrs\.|Nr\.|nrs|nr|Nr|nummers|nummer|Mr\.)`: the word
/// before a document number; its length.
pub(crate) fn nr_word(s: &str) -> Option<usize> {
    one_of(
        s,
        0,
        &[
            "nrs.", "nr.", "Nrs.", "Nr.", "nrs", "nr", "Nr", "nummers", "nummer", "Mr.",
        ],
    )
}

/// `[0-9]{1,5}[a-z]?`: a document number (`2955`, `42e`); its length.
pub(crate) fn number(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let n = digits(b, 0, 5);
    if n == 0 {
        return None;
    }
    Some(n + usize::from(b.get(n).is_some_and(u8::is_ascii_lowercase)))
}

/// `[A-Z]{1,3}`: an Eerste Kamer letter (`D`, `AH`); its length.
pub(crate) fn letters(s: &str) -> Option<usize> {
    let n = count(s.as_bytes(), 0, |c| c.is_ascii_uppercase()).min(3);
    (n > 0).then_some(n)
}

/// `[ \t]*[-–][ \t]*([0-9]{1,5})`: the end of a range of numbers (`1–3`).
pub(crate) fn range(s: &str) -> Option<Step> {
    let b = s.as_bytes();
    let mut p = count(b, 0, space_or_tab);
    p += one_of(s, p, &["-", "–"])?;
    p += count(b, p, space_or_tab);
    let n = digits(b, p, 5);
    (n > 0).then_some(Step {
        end: p + n,
        group: p..p + n,
    })
}

/// `-([0-9]{1,4}[a-z]?)`: a document number glued to its dossier
/// (`30111-108`).
pub(crate) fn compact_nr(s: &str) -> Option<Step> {
    let b = s.as_bytes();
    if b.first() != Some(&b'-') {
        return None;
    }
    let n = digits(b, 1, 4);
    if n == 0 {
        return None;
    }
    let end = 1 + n + usize::from(b.get(1 + n).is_some_and(u8::is_ascii_lowercase));
    Some(Step { end, group: 1..end })
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;
    use std::sync::LazyLock;

    static CHAMBER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:Eerste Kamer|Tweede Kamer|EK|TK|II|ll|I|11|1|2)").unwrap()
    });
    static NR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:nrs\.|nr\.|Nrs\.|Nr\.|nrs|nr|Nr|nummers|nummer|Mr\.)").unwrap()
    });
    static NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[0-9]{1,5}[a-z]?").unwrap());
    static LETTERS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[A-Z]{1,3}").unwrap());
    static RANGE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[ \t]*[-–][ \t]*([0-9]{1,5})").unwrap());
    static COMPACT_NR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^-([0-9]{1,4}[a-z]?)").unwrap());

    fn whole(re: &Regex, s: &str) -> Option<usize> {
        re.find(s).map(|m| m.end())
    }

    /// Every short step against its pattern on `s`.
    fn short_steps_agree(s: &str) -> Result<(), proptest::test_runner::TestCaseError> {
        proptest::prop_assert_eq!(chamber(s), whole(&CHAMBER, s), "{:?}", s);
        proptest::prop_assert_eq!(nr_word(s), whole(&NR, s), "{:?}", s);
        proptest::prop_assert_eq!(number(s), whole(&NUMBER, s), "{:?}", s);
        proptest::prop_assert_eq!(letters(s), whole(&LETTERS, s), "{:?}", s);
        proptest::prop_assert_eq!(step_groups(range(s)), by_pattern(&RANGE, s), "{:?}", s);
        proptest::prop_assert_eq!(
            step_groups(compact_nr(s)),
            by_pattern(&COMPACT_NR, s),
            "{:?}",
            s
        );
        Ok(())
    }

    /// The patterns the steps replace, anchored.
    static YEAR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:(?:[Vv]ergaderjaar|[Zz]itting(?:sjaar)?|ZITTING)(?:[ \t\u{a0}]+(?:\r?\n[ \t]*)?|\r?\n[ \t]*))?([0-9]{4})(?:[ \t]*[/\-–—][ \t]*-?[ \t]*([0-9]{2,4})|[ \t]+([0-9]{4}))",
        )
        .unwrap()
    });
    static DOSSIER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^([0-9]{2})[ .\-\u{a0}\u{2009}\u{202f}\u{2007}]?([0-9]{3})|^([0-9]{3,4})")
            .unwrap()
    });
    static SUBDOSSIER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^-([0-9]{2})").unwrap());
    static ROMAN_GLUED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[-.]?([IVX]+[A-C]?)").unwrap());
    static ROMAN_SPACED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[ \t]+(?:hoofdstuk[ \t]+)?([IVX]+[A-C]?)").unwrap());
    static RIJKSWET: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[ \t]*\([ \t]*R[ \t]*([0-9]{3,4})[ \t]*\)").unwrap());
    static JOINT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[ \t]+en[ \t]+[0-9]{2}[ .]?[0-9]{3}").unwrap());

    type Groups = Option<(usize, Vec<Option<Range<usize>>>)>;

    fn by_pattern(re: &Regex, s: &str) -> Groups {
        let c = re.captures(s)?;
        Some((
            c.get(0).unwrap().end(),
            c.iter().skip(1).map(|m| m.map(|m| m.range())).collect(),
        ))
    }

    fn year_groups(s: &str) -> Groups {
        by_pattern(&YEAR, s)
            .map(|(end, g)| (end, vec![g[0].clone(), g[1].clone().or(g[2].clone())]))
    }

    fn step_groups(s: Option<Step>) -> Groups {
        s.map(|s| (s.end, vec![Some(s.group)]))
    }

    #[test]
    fn real_forms() {
        let y = year("vergaderjaar 2020–2021, 35 612").unwrap();
        assert_eq!((y.first, y.second), (13..17, 20..24));
        assert_eq!(year("2020/21").unwrap().end, 7);
        assert_eq!(year("Zitting\n 1969-1970").unwrap().end, 18);
        assert!(year("20201").is_none());
        let d = dossier_number("22 112, nr. 2955").unwrap();
        assert_eq!((d.end, d.parts), (6, (0..2, Some(3..6))));
        assert_eq!(dossier_number("9595,9596").unwrap().parts, (0..4, None));
        assert_eq!(roman_spaced(" hoofdstuk XVIA").unwrap().group, 11..15);
        assert_eq!(rijkswet(" (R 2068)").unwrap().group, 4..8);
        assert_eq!(joint(" en 31 015, nr. 6"), Some(10));
    }

    proptest::proptest! {
        #[test]
        fn year_agrees(s in "(Vergaderjaar|zitting|Zittingsjaar|ZITTING)?[ \t\u{a0}\r\n]{0,3}[0-9]{3,5}[ \t]{0,2}[/–—-]?[ \t]{0,2}-?[ \t]?[0-9]{0,5}x?") {
            let hand = year(&s).map(|y| (y.end, vec![Some(y.first), Some(y.second)]));
            proptest::prop_assert_eq!(hand, year_groups(&s), "{:?}", s);
        }

        #[test]
        fn dossier_agrees(s in "[0-9]{0,3}[ .\u{a0}\u{2009}\u{202f}\u{2007},-]?[0-9]{0,4}") {
            let hand = dossier_number(&s).map(|d| match d.parts {
                (a, Some(b)) => (d.end, vec![Some(a), Some(b), None]),
                (a, None) => (d.end, vec![None, None, Some(a)]),
            });
            proptest::prop_assert_eq!(hand, by_pattern(&DOSSIER, &s), "{:?}", s);
        }

        #[test]
        fn toevoeging_steps_agree(s in "[ \t]{0,2}(hoofdstuk[ \t]?)?[-.(]?[ \t]?R?[ \t]?[IVXABC0-9]{0,5}[ \t]?[)]?") {
            proptest::prop_assert_eq!(step_groups(subdossier(&s)), by_pattern(&SUBDOSSIER, &s), "{:?}", s);
            proptest::prop_assert_eq!(step_groups(roman_glued(&s)), by_pattern(&ROMAN_GLUED, &s), "{:?}", s);
            proptest::prop_assert_eq!(step_groups(roman_spaced(&s)), by_pattern(&ROMAN_SPACED, &s), "{:?}", s);
            proptest::prop_assert_eq!(step_groups(rijkswet(&s)), by_pattern(&RIJKSWET, &s), "{:?}", s);
        }

        #[test]
        fn joint_agrees(s in "[ \t]{0,2}(en)?[ \t]{0,2}[0-9]{0,3}[ .]?[0-9]{0,4}") {
            proptest::prop_assert_eq!(joint(&s), JOINT.find(&s).map(|m| m.end()), "{:?}", s);
        }

        #[test]
        fn short_steps_agree_on_their_forms(
            s in "(Eerste Kamer|Tweede|EK|TK|II|ll|I|11|nrs?\\.?|Nrs?\\.?|nummers?|Mr\\.|[ \t]{0,2}[-–]?[ \t]?)?[0-9]{0,7}[a-zA-Z]{0,4}[-–]?[0-9]{0,2}"
        ) {
            short_steps_agree(&s)?;
        }

        #[test]
        fn all_agree_on_any_text(s in "\\PC{0,12}") {
            short_steps_agree(&s)?;
            let hand = year(&s).map(|y| (y.end, vec![Some(y.first), Some(y.second)]));
            proptest::prop_assert_eq!(hand, year_groups(&s));
            proptest::prop_assert_eq!(dossier_number(&s).map(|d| d.end), DOSSIER.find(&s).map(|m| m.end()));
            proptest::prop_assert_eq!(step_groups(subdossier(&s)), by_pattern(&SUBDOSSIER, &s));
            proptest::prop_assert_eq!(step_groups(roman_glued(&s)), by_pattern(&ROMAN_GLUED, &s));
            proptest::prop_assert_eq!(step_groups(roman_spaced(&s)), by_pattern(&ROMAN_SPACED, &s));
            proptest::prop_assert_eq!(step_groups(rijkswet(&s)), by_pattern(&RIJKSWET, &s));
            proptest::prop_assert_eq!(joint(&s), JOINT.find(&s).map(|m| m.end()));
        }
    }
}
