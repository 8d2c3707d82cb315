//! The words questions are compared by: runs of letters and digits, footnote
//! digits cut off their end, lower case, three characters or more; each as
//! an FNV-1a hash, so that comparing needs no strings.

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// The sorted, deduplicated hashes of the words of `text`.
pub fn word_hashes(text: &str) -> Vec<u64> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() && !b.is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        // One pass over an ASCII word, hashing as it goes; the hash and
        // length before a run of digits are kept, for digits at the end
        // are a footnote marker and not part of the word.
        let start = i;
        let (mut hash, mut len) = (FNV_OFFSET, 0);
        let (mut word_hash, mut word_len) = (FNV_OFFSET, 0);
        while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
            let b = bytes[i];
            hash = (hash ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(FNV_PRIME);
            len += 1;
            if !b.is_ascii_digit() {
                (word_hash, word_len) = (hash, len);
            }
            i += 1;
        }
        if i < bytes.len() && !bytes[i].is_ascii() {
            // A word with other characters (`België`, `één`): the slow way,
            // or not a word character at all.
            let (kept, char_len) = alphanumeric_at(text, i);
            if kept || i == start {
                if !kept {
                    i += char_len;
                    continue;
                }
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
        if word_len >= 3 {
            out.push(word_hash);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
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
    let mut hash = FNV_OFFSET;
    let mut chars = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            hash = (hash ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
        chars += 1;
    }
    (chars >= 3).then_some(hash)
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
