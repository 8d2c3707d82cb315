//! Placeholders left where a source should be: `PM BRON`, `nr. PM`,
//! `[bron]`, `(nog invullen)`, and bare `PM` / `xxx` as whole words. The
//! dossier layer decides where a bare `PM` counts (only in footnotes).

use std::sync::LazyLock;

use regex::Regex;

use super::model::{Citation, CitationKind};
use super::scan::{char_at, char_before};

static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:nr\.[ \t]?)?PM(?:[ \t]+(?:BRON|[Bb]ron))?|\[(?:[Bb]ron|BRON|PM|[Bb]ron nog invullen)\]|\((?:[Nn]og invullen|NOG INVULLEN|[Bb]ron volgt)\)|[xX]{3,}",
    )
    .unwrap()
});

pub(crate) fn find(text: &str, out: &mut Vec<Citation>) {
    for m in PLACEHOLDER.find_iter(text) {
        let s = m.as_str();
        let bracketed = s.starts_with(['[', '(']);
        // Never inside a word (`PMS`, `OPM`, `Xxxl`, `PM-post`); `pm` in
        // lower case is not matched at all. A footnote number may be glued
        // to the full form (`14PM BRON`).
        let before = char_before(text, m.start());
        let glued_number = before.is_some_and(|c| c.is_ascii_digit()) && s.contains("BRON");
        let inside_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-');
        if !bracketed
            && ((inside_word(before) && !glued_number) || inside_word(char_at(text, m.end())))
        {
            continue;
        }
        out.push(Citation::new(CitationKind::Placeholder, m.range()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        find(text, &mut out);
        out.into_iter().map(|c| &text[c.span]).collect()
    }

    #[test]
    fn forms() {
        assert_eq!(run("14 PM BRON\n"), ["PM BRON"]);
        assert_eq!(run("Kamerstuk 22 112, nr. PM."), ["nr. PM"]);
        assert_eq!(
            run("zie [bron] en (nog invullen)"),
            ["[bron]", "(nog invullen)"]
        );
        assert_eq!(run("3 PM"), ["PM"]);
        assert_eq!(run("3 xxx."), ["xxx"]);
    }

    #[test]
    fn not_inside_words_or_lower_case() {
        assert!(run("PMS OPM PMx pm de pm-post PM-post 3PM").is_empty());
        assert_eq!(run("14PM BRON"), ["PM BRON"]);
        assert!(run("xxxl Xxxi").is_empty());
    }
}
