//! The words questions are compared by: runs of letters and digits, footnote
//! digits cut off their end, lower case, three characters or more; each as
//! a 64-bit hash, so that comparing needs no strings.

/// Bytes by class: [`LETTER`] or [`DIGIT`] (both are word bytes) for
/// ASCII, 0 for the rest.
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_digit() {
            DIGIT
        } else if c.is_ascii_alphabetic() {
            LETTER
        } else {
            0
        };
        b += 1;
    }
    t
};
const LETTER: u8 = 1;
const DIGIT: u8 = 2;

fn class(b: u8) -> u8 {
    CLASS[usize::from(b)]
}

/// The sorted, deduplicated hashes of the words of `text`.
pub fn word_hashes(text: &str) -> Vec<u64> {
    let bytes = text.as_bytes();
    // About one word of three letters or more in eight bytes of Dutch.
    let mut out = Vec::with_capacity(bytes.len() / 8 + 1);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() && class(b) == 0 {
            i += 1;
            continue;
        }
        // An ASCII word ends at the last letter before any digits: digits
        // at the end are a footnote marker, not part of the word.
        let start = i;
        let mut end = i;
        while let Some(&b) = bytes.get(i) {
            match class(b) {
                LETTER => end = i + 1,
                DIGIT => {}
                _ => break,
            }
            i += 1;
        }
        if i < bytes.len() && !bytes[i].is_ascii() {
            // A word with other characters (`België`, `één`): the slow way,
            // or not a word character at all.
            let (kept, char_len) = alphanumeric_at(text, i);
            if !kept && i == start {
                i += char_len;
                continue;
            }
            if kept {
                while i < bytes.len() {
                    let (kept, char_len) = alphanumeric_at(text, i);
                    if !kept {
                        break;
                    }
                    i += char_len;
                }
                let word = text[start..i].trim_end_matches(|c: char| c.is_ascii_digit());
                out.extend(hash_lowercase(word));
                continue;
            }
        }
        if end - start >= 3 {
            out.push(hash_ascii(bytes, start, end));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// [`hash`] of the ASCII letters and digits `bytes[start..end]`, lower-cased
/// by one bit, read eight bytes at a time straight from the text (the last
/// eight masked to the word), without copying the word anywhere.
fn hash_ascii(bytes: &[u8], start: usize, end: usize) -> u64 {
    const LOWER: u64 = 0x2020_2020_2020_2020;
    let mut h = ((end - start) as u64).wrapping_mul(K);
    let mut at = start;
    while at < end {
        let len = (end - at).min(8);
        let x = match bytes.get(at..at + 8) {
            Some(eight) => {
                let x = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
                // Little-endian: the word's bytes are the low `len` ones.
                if len == 8 {
                    x
                } else {
                    x & ((1u64 << (8 * len)) - 1)
                }
            }
            // The text ends within eight bytes: copy what there is.
            None => {
                let mut buf = [0u8; 8];
                buf[..len].copy_from_slice(&bytes[at..at + len]);
                u64::from_le_bytes(buf)
            }
        };
        h = mix(h, x | (LOWER >> (8 * (8 - len))));
        at += len;
    }
    h ^ (h >> 32)
}

const K: u64 = 0x9e37_79b9_7f4a_7c15;

fn mix(h: u64, x: u64) -> u64 {
    (h ^ x).wrapping_mul(K).rotate_left(29)
}

/// A hash of `bytes` eight at a time, each eight OR-ed with `or` (the
/// lower-case bit for ASCII letters and digits, nothing for a word already
/// lower-cased): the same bytes hash the same whichever way they came.
fn hash(bytes: &[u8], or: u64) -> u64 {
    let mut h = (bytes.len() as u64).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        h = mix(
            h,
            u64::from_le_bytes(c.try_into().expect("eight bytes")) | or,
        );
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        h = mix(h, u64::from_le_bytes(buf) | (or >> (8 * (8 - rest.len()))));
    }
    h ^ (h >> 32)
}

/// Whether the character at `at` is alphanumeric, and its length.
fn alphanumeric_at(text: &str, at: usize) -> (bool, usize) {
    let b = text.as_bytes()[at];
    if b.is_ascii() {
        (b.is_ascii_alphanumeric(), 1)
    } else {
        let c = text[at..].chars().next().expect("a character");
        (c.is_alphanumeric(), c.len_utf8())
    }
}

/// The hash of a word with any characters, if it is long enough.
fn hash_lowercase(word: &str) -> Option<u64> {
    let lower = word.to_lowercase();
    (lower.chars().count() >= 3).then(|| hash(lower.as_bytes(), 0))
}

/// How many of the sorted `a` are in the sorted `b`.
pub fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lower_case_without_footnote_digits_and_short_words() {
        let a = word_hashes("Het Kabinet3 is de «Commissie» 2023 België");
        let b = word_hashes("commissie belgië het kabinet");
        assert_eq!(a, b);
        assert_eq!(a.len(), 4);
    }

    #[test]
    fn words_with_other_characters_hash_as_their_lower_case() {
        assert_eq!(word_hashes("ÉÉN Één één"), word_hashes("één"));
        assert_eq!(word_hashes("Zo’n café—2023 CAFÉ12"), word_hashes("café"));
        assert_eq!(word_hashes("ĳs"), Vec::<u64>::new());
        assert_eq!(word_hashes("…«»"), Vec::<u64>::new());
    }

    /// The plain reading the fast one must agree with.
    fn reference(text: &str) -> Vec<u64> {
        let mut out: Vec<u64> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter_map(|w| hash_lowercase(w.trim_end_matches(|c: char| c.is_ascii_digit())))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_the_plain_reading(text in "[a-zA-Z0-9 .,éÉ’«»ĳ\\n-]{0,60}") {
            proptest::prop_assert_eq!(word_hashes(&text), reference(&text));
        }

        #[test]
        fn agrees_on_any_text(text in "\\PC{0,40}") {
            proptest::prop_assert_eq!(word_hashes(&text), reference(&text));
        }
    }

    #[test]
    fn shared_counts_common_words() {
        let a = word_hashes("de leden vragen het kabinet om een reactie");
        let b = word_hashes("het kabinet geeft een reactie op de vragen");
        assert_eq!(shared(&a, &b), 5); // vragen het kabinet een reactie
    }
}
