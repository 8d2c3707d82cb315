//! Web addresses: `https://…`, `www.…`, also when PDF extraction wrapped
//! them (`https://\nwww.rijksoverheid.nl/…`, `…/moties/\ndetail?id=…`).

use std::sync::LazyLock;

use regex::Regex;

use super::model::{Citation, CitationKind};
use super::scan::word_start;

static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?:https?://|www\.)[^\s<>«»"]*"#).unwrap());
static NEXT_TOKEN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"^[^\s<>«»"]+"#).unwrap());

/// Where the URL that ends at `end` continues on the next line, if it does:
/// the line ends right after it, and either the URL is visibly unfinished
/// (`https://`, a trailing `/`, `-`, `_`, `=`) or the next line starts with
/// an escape (`%20…`). The next line's first token must look like the rest
/// of an address: lower case or digits or `%`, not a note number.
fn continuation(text: &str, url_start: usize, end: usize) -> Option<usize> {
    let after = &text[end..];
    let trimmed = after.trim_start_matches([' ', '\t']);
    let nl = if trimmed.starts_with("\r\n") {
        2
    } else if trimmed.starts_with('\n') {
        1
    } else {
        return None;
    };
    let next_start = end + (after.len() - trimmed.len()) + nl;
    let token = NEXT_TOKEN.find(&text[next_start..])?.as_str();
    let url = &text[url_start..end];
    let first = token.chars().next()?;
    let unfinished = url.ends_with("://") || url.ends_with(['/', '-', '_', '=', '&', '?', '.']);
    let escape = first == '%';
    if !(unfinished || escape) {
        return None;
    }
    let looks_like_rest = first.is_ascii_lowercase()
        || first.is_ascii_digit()
        || matches!(first, '%' | '#' | '?' | '&' | '_');
    if !looks_like_rest || token.chars().all(|c| c.is_ascii_digit()) || token.len() < 2 {
        return None;
    }
    if url.ends_with("://") && !token.contains('.') {
        return None;
    }
    Some(next_start + token.len())
}

/// Trailing punctuation that belongs to the sentence, not the address.
fn trim_end(url: &str) -> &str {
    let mut s = url;
    loop {
        let before = s;
        s = s.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '’']);
        if s.ends_with(')') && s.matches('(').count() < s.matches(')').count() {
            s = &s[..s.len() - 1];
        }
        if s == before {
            return s;
        }
    }
}

pub(crate) fn find(text: &str, out: &mut Vec<Citation>) {
    let mut consumed = 0;
    for m in URL.find_iter(text) {
        if m.start() < consumed || !word_start(text, m.start()) {
            continue;
        }
        let mut end = m.end();
        // Follow the address over wrapped lines (at most a few).
        for _ in 0..4 {
            match continuation(text, m.start(), end) {
                Some(e) => end = e,
                None => break,
            }
        }
        let raw = &text[m.start()..end];
        let kept = trim_end(raw);
        if kept.ends_with("://") || kept == "www." || kept.len() < 8 {
            continue;
        }
        let span = m.start()..m.start() + kept.len();
        consumed = span.end;
        // The address itself, without the line breaks of the extraction.
        let mut address: String = kept.chars().filter(|c| !c.is_whitespace()).collect();
        if address.starts_with("www.") {
            address.insert_str(0, "https://");
        }
        let mut c = Citation::new(CitationKind::Url, span);
        c.id = Some(address);
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(text: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        find(text, &mut out);
        out.into_iter()
            .map(|c| (text[c.span].to_string(), c.id.unwrap()))
            .collect()
    }

    #[test]
    fn wrapped_after_scheme() {
        let t = "review: https://\nwww.rijksoverheid.nl/documenten/publicaties/2024/06/21/mid-term-review-iza\n15 Het";
        let u = urls(t);
        assert_eq!(u.len(), 1);
        assert_eq!(
            u[0].1,
            "https://www.rijksoverheid.nl/documenten/publicaties/2024/06/21/mid-term-review-iza"
        );
    }

    #[test]
    fn wrapped_in_path_and_trailing_parenthesis() {
        let t = "(https://www.tweedekamer.nl/kamerstukken/moties/\ndetail?id=2022D25169&did=2022D25169)\nTweede";
        let u = urls(t);
        assert_eq!(
            u[0].1,
            "https://www.tweedekamer.nl/kamerstukken/moties/detail?id=2022D25169&did=2022D25169"
        );
        let t = "via https://www.oecd.org/\nTweede Kamer, vergaderjaar";
        assert_eq!(urls(t)[0].1, "https://www.oecd.org/");
        let t = "6 www.mozambiquelng.co.mz/x/livelihood-restoration-programs/\n7 www.gulhifalhu.mv";
        let u = urls(t);
        assert_eq!(u.len(), 2);
        assert_eq!(u[1].1, "https://www.gulhifalhu.mv");
    }

    #[test]
    fn sentence_punctuation_is_not_part_of_the_address() {
        let t = "Zie ook dossier E200018 op www.europapoort.nl.";
        assert_eq!(urls(t)[0].0, "www.europapoort.nl");
    }
}
