//! Text utilities: line index, position encodings, decoding of bad bytes.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`, as LSP counts them.

use std::borrow::Cow;
use std::sync::OnceLock;

/// How a column is counted: LSP's `positionEncoding`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PositionEncoding {
    /// Bytes of UTF-8.
    Utf8,
    /// UTF-16 code units (the LSP default).
    Utf16,
}

/// A zero-based line and column, the column counted in some encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// Byte offsets of line starts, for turning offsets into positions and back.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
    /// On lines longer than [`MARK_EVERY`] bytes, every `MARK_EVERY` bytes:
    /// the offset and its UTF-16 column, so that a column is counted from
    /// the nearest mark, not from the line's start (a 50 MB line, and a
    /// range to convert for each of its 100,000 citations). Made on first
    /// use: most texts are never asked for a UTF-16 column on a long line.
    utf16_marks: OnceLock<Vec<Utf16Mark>>,
}

/// Two indexes of one text are equal whether or not either has made its
/// marks yet.
impl PartialEq for LineIndex {
    fn eq(&self, other: &LineIndex) -> bool {
        self.starts == other.starts && self.len == other.len
    }
}

impl Eq for LineIndex {}

const MARK_EVERY: usize = 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Utf16Mark {
    offset: usize,
    col: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = Vec::with_capacity(bytes.len() / 64 + 1);
        starts.push(0);
        // Most texts have no `\r` at all: then one byte is searched for.
        if memchr::memchr(b'\r', bytes).is_none() {
            starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
            return LineIndex {
                starts,
                len: text.len(),
                utf16_marks: OnceLock::new(),
            };
        }
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            // `\r\n` is one break: its `\n` ends it.
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                continue;
            }
            starts.push(i + 1);
        }
        LineIndex {
            starts,
            len: text.len(),
            utf16_marks: OnceLock::new(),
        }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte offset where line `line` starts; `None` past the last line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line).copied()
    }

    /// The line's content span, without its line break.
    pub fn line_span(&self, text: &str, line: usize) -> Option<std::ops::Range<usize>> {
        let start = *self.starts.get(line)?;
        let mut end = self.starts.get(line + 1).copied().unwrap_or(self.len);
        let b = text.as_bytes();
        while end > start && matches!(b[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        Some(start..end)
    }

    /// Zero-based line of a byte offset (offsets past the end give the last line).
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// Offset → line and column in `enc`. Offsets inside a character or past
    /// the end are moved back to the nearest boundary.
    pub fn position(&self, text: &str, offset: usize, enc: PositionEncoding) -> LineCol {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let start = self.starts[line];
        let col = match enc {
            PositionEncoding::Utf8 => offset - start,
            PositionEncoding::Utf16 if offset - start <= MARK_EVERY => {
                text[start..offset].encode_utf16().count()
            }
            PositionEncoding::Utf16 => {
                // From the last mark on this line at or before the offset.
                let marks = self.utf16_marks(text);
                let (at, col) = marks[..marks.partition_point(|m| m.offset <= offset)]
                    .last()
                    .filter(|m| m.offset >= start)
                    .map_or((start, 0), |m| (m.offset, m.col));
                col + text[at..offset].encode_utf16().count()
            }
        };
        LineCol {
            line: line as u32,
            col: col as u32,
        }
    }

    /// Line and column in `enc` → offset. A column past the line's end gives
    /// the line's end, a line past the last gives the text's end; a column
    /// inside a character gives that character's start. Never fails.
    pub fn offset(&self, text: &str, pos: LineCol, enc: PositionEncoding) -> usize {
        let Some(span) = self.line_span(text, pos.line as usize) else {
            return text.len();
        };
        let line = &text[span.clone()];
        let want = pos.col as usize;
        match enc {
            PositionEncoding::Utf8 => {
                let mut c = want.min(line.len());
                while !line.is_char_boundary(c) {
                    c -= 1;
                }
                span.start + c
            }
            PositionEncoding::Utf16 => {
                // From the last mark on this line at or before the column.
                let (mut at, mut units) = (0, 0);
                if line.len() > MARK_EVERY {
                    let marks = self.utf16_marks(text);
                    let first = marks.partition_point(|m| m.offset < span.start);
                    let on_line = &marks[first..marks.partition_point(|m| m.offset < span.end)];
                    if let Some(m) = on_line[..on_line.partition_point(|m| m.col <= want)].last() {
                        (at, units) = (m.offset - span.start, m.col);
                    }
                }
                for (i, ch) in line[at..].char_indices() {
                    let next = units + ch.len_utf16();
                    if next > want {
                        return span.start + at + i;
                    }
                    units = next;
                }
                span.end
            }
        }
    }

    fn utf16_marks(&self, text: &str) -> &[Utf16Mark] {
        self.utf16_marks.get_or_init(|| {
            let mut marks = Vec::new();
            for line in 0..self.starts.len() {
                let start = self.starts[line];
                let end = self.starts.get(line + 1).copied().unwrap_or(self.len);
                if end - start <= MARK_EVERY {
                    continue;
                }
                let mut next = start + MARK_EVERY;
                let mut col = 0;
                for (i, ch) in text[start..end].char_indices() {
                    if start + i >= next {
                        marks.push(Utf16Mark {
                            offset: start + i,
                            col,
                        });
                        next = start + i + MARK_EVERY;
                    }
                    col += ch.len_utf16();
                }
            }
            marks
        })
    }
}

/// The outcome of reading a file's bytes as text: the text owned
/// ([`decode`]), or borrowed from the bytes where they are valid UTF-8
/// ([`decode_borrowed`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<T = String> {
    pub text: T,
    /// Number of invalid UTF-8 sequences replaced by U+FFFD.
    pub invalid_sequences: usize,
    /// Looks like a binary file rather than text.
    pub binary: bool,
}

/// How many ASCII digits stand in `b` from `at`, counting at most `max`
/// (none past the end).
pub fn ascii_digits(b: &[u8], at: usize, max: usize) -> usize {
    b.get(at..)
        .unwrap_or_default()
        .iter()
        .take(max)
        .take_while(|c| c.is_ascii_digit())
        .count()
}

/// The length of the white-space character at byte `at` of `s`, if one
/// stands there (`\s` of a pattern, one character of it).
pub fn white_space_at(s: &str, at: usize) -> Option<usize> {
    s.get(at..)?
        .chars()
        .next()
        .filter(|c| c.is_whitespace())
        .map(char::len_utf8)
}

/// The first ASCII digit at or after `from` (or the end): eight bytes at a
/// time, for running text has few digits.
pub fn next_ascii_digit(b: &[u8], mut from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    while let Some(eight) = b.get(from..from + 8) {
        // Digits become bytes below 10; "has a byte below 10" is exact
        // when asked of all eight at once.
        let x = u64::from_le_bytes(eight.try_into().expect("eight bytes")) ^ (0x30 * ONES);
        if x.wrapping_sub(10 * ONES) & !x & (0x80 * ONES) != 0 {
            break;
        }
        from += 8;
    }
    while from < b.len() && !b[from].is_ascii_digit() {
        from += 1;
    }
    from
}

/// `n` in decimal digits, written into the end of `buf`: for code that
/// writes many numbers, without the formatting machinery or a `String`.
pub fn decimal(mut n: u64, buf: &mut [u8; 20]) -> &[u8] {
    let mut k = buf.len();
    loop {
        k -= 1;
        buf[k] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return &buf[k..];
        }
    }
}

/// NUL bytes in the first 8 KiB, as git judges a binary file.
fn looks_binary(bytes: &[u8]) -> bool {
    // memchr's vector search: `contains` reads a word at a time.
    memchr::memchr(0, &bytes[..bytes.len().min(8192)]).is_some()
}

/// Decodes bytes as UTF-8, replacing invalid sequences, and says whether the
/// bytes look like a binary file (NUL bytes in the first 8 KiB, as git judges).
pub fn decode(bytes: &[u8]) -> Decoded {
    let d = decode_borrowed(bytes);
    Decoded {
        text: d.text.into_owned(),
        invalid_sequences: d.invalid_sequences,
        binary: d.binary,
    }
}

/// [`decode`] without a copy: valid UTF-8 (a byte-order mark aside) stays
/// the bytes it is.
pub fn decode_borrowed(bytes: &[u8]) -> Decoded<Cow<'_, str>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let binary = looks_binary(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Decoded {
            text: Cow::Borrowed(s),
            invalid_sequences: 0,
            binary,
        },
        Err(_) => {
            let mut invalid = 0;
            for chunk in bytes.utf8_chunks() {
                if !chunk.invalid().is_empty() {
                    invalid += 1;
                }
            }
            Decoded {
                text: String::from_utf8_lossy(bytes),
                invalid_sequences: invalid,
                binary,
            }
        }
    }
}

/// Whether bytes that are not UTF-8 read as Windows-1252 (or Latin-1, its
/// subset): every byte above ASCII is one that Dutch text written in that
/// encoding uses (`é`, `ë`, `ï`, `‘ ’ “ ”`, `–`, `€`, `«»`, …), and no
/// part reads as UTF-8 beyond ASCII (that would be a mixed or damaged file,
/// not another encoding).
pub fn probably_windows_1252(bytes: &[u8]) -> bool {
    /// Windows-1252 punctuation and signs of Dutch text: € … ‘ ’ “ ” • – —,
    /// no-break space, § « ° ² ³ · » ½.
    const SIGNS: &[u8] = &[
        0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0xA0, 0xA7, 0xAB, 0xB0, 0xB2, 0xB3,
        0xB7, 0xBB, 0xBD,
    ];
    // À–ÿ, without × and ÷.
    let letter = |b: u8| b >= 0xC0 && b != 0xD7 && b != 0xF7;
    let mut invalid = false;
    for chunk in bytes.utf8_chunks() {
        if !chunk.valid().is_ascii() {
            return false;
        }
        for &b in chunk.invalid() {
            if !(letter(b) || SIGNS.contains(&b)) {
                return false;
            }
            invalid = true;
        }
    }
    invalid
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn next_digit_finds_the_first_digit(text in "[a-z0-9 .,«»é9:;/\\-]{0,40}", from in 0usize..40) {
            let b = text.as_bytes();
            let from = from.min(b.len());
            let plain = (from..b.len()).find(|&i| b[i].is_ascii_digit()).unwrap_or(b.len());
            proptest::prop_assert_eq!(next_ascii_digit(b, from), plain);
        }

        #[test]
        fn decimal_writes_what_to_string_writes(n: u64) {
            let mut buf = [0u8; 20];
            let plain = n.to_string();
            proptest::prop_assert_eq!(decimal(n, &mut buf), plain.as_bytes());
        }
    }

    #[test]
    fn windows_1252_is_told_from_other_bytes() {
        // "financiële ‘garantie’ – één" in Windows-1252.
        let cp1252 = b"De financi\xEBle \x91garantie\x92 \x96 \xE9\xE9n brief.\n";
        assert!(probably_windows_1252(cp1252));
        // Valid UTF-8 is not another encoding.
        assert!(!probably_windows_1252("financiële ‘garantie’".as_bytes()));
        // UTF-8 with one stray byte: damaged, not Windows-1252.
        assert!(!probably_windows_1252(b"financi\xC3\xABle \xE9"));
        // Bytes Dutch text does not use (control range, ÷).
        assert!(!probably_windows_1252(b"abc \x81\x8D def"));
        assert!(!probably_windows_1252(b"abc \xF7 def"));
    }

    #[test]
    fn positions_in_both_encodings_on_a_line_with_dash_and_guillemets() {
        let text = "a\r\nvergaderjaar 2020–2021, «é»7\rx";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 3);
        let seven = text.find('7').unwrap();
        let p8 = idx.position(text, seven, PositionEncoding::Utf8);
        let p16 = idx.position(text, seven, PositionEncoding::Utf16);
        assert_eq!(p8, LineCol { line: 1, col: 32 });
        assert_eq!(p16, LineCol { line: 1, col: 27 });
        assert_eq!(idx.offset(text, p8, PositionEncoding::Utf8), seven);
        assert_eq!(idx.offset(text, p16, PositionEncoding::Utf16), seven);
        let x = text.find('x').unwrap();
        assert_eq!(
            idx.position(text, x, PositionEncoding::Utf16),
            LineCol { line: 2, col: 0 }
        );
    }

    #[test]
    fn utf16_columns_on_long_lines_are_counted_from_marks_as_from_the_start() {
        // Lines of 0.3 to 9 KB of mixed widths (1-4 bytes, 1-2 UTF-16
        // units), with each kind of line break, and short lines between.
        let pieces = ["woord ", "«é»", "–", "😀", "\u{1F600}x", "ab"];
        let mut text = String::new();
        for (n, brk) in ["\n", "\r\n", "\r", "\n", ""].iter().enumerate() {
            for i in 0..(300 * (n + 1) * n + 50) {
                text.push_str(pieces[(i * 7 + n) % pieces.len()]);
            }
            text.push_str(brk);
            text.push_str("kort\n");
        }
        let index = LineIndex::new(&text);
        let unmarked = LineIndex::new(&text);
        assert!(text.len() > 20 * MARK_EVERY);
        let utf16 = PositionEncoding::Utf16;
        for line in 0..index.line_count() {
            let span = index.line_span(&text, line).unwrap();
            let line = line as u32;
            // Columns counted one character at a time from the line's start.
            let mut col = 0;
            for (i, ch) in text[span.clone()].char_indices() {
                let at = span.start + i;
                assert_eq!(
                    index.position(&text, at, utf16),
                    LineCol { line, col },
                    "at {at}"
                );
                // Both columns of a surrogate pair give its start.
                for c in col..col + ch.len_utf16() as u32 {
                    assert_eq!(index.offset(&text, LineCol { line, col: c }, utf16), at);
                }
                col += ch.len_utf16() as u32;
            }
            assert_eq!(
                index.position(&text, span.end, utf16),
                LineCol { line, col }
            );
            for c in [col, col + 1, col + 1000] {
                assert_eq!(
                    index.offset(&text, LineCol { line, col: c }, utf16),
                    span.end
                );
            }
        }
        assert!(!index.utf16_marks(&text).is_empty());
        assert_eq!(index, unmarked, "marks do not make two indexes differ");
    }

    #[test]
    fn out_of_range_positions_are_clamped() {
        let text = "één\ntwee";
        let idx = LineIndex::new(text);
        let end_of_first = idx.offset(text, LineCol { line: 0, col: 99 }, PositionEncoding::Utf16);
        assert_eq!(end_of_first, "één".len());
        assert_eq!(
            idx.offset(text, LineCol { line: 9, col: 0 }, PositionEncoding::Utf8),
            text.len()
        );
        // Inside the two bytes of `é`: back to its start.
        assert_eq!(
            idx.offset(text, LineCol { line: 0, col: 1 }, PositionEncoding::Utf8),
            0
        );
        assert_eq!(
            idx.position(text, 1, PositionEncoding::Utf8),
            LineCol { line: 0, col: 0 }
        );
        assert_eq!(
            idx.position(text, 999, PositionEncoding::Utf8),
            LineCol { line: 1, col: 4 }
        );
    }

    #[test]
    fn decode_reports_invalid_bytes_and_binaries() {
        let d = decode(b"caf\xe9 \xff ok");
        assert_eq!(d.invalid_sequences, 2);
        assert!(d.text.contains('\u{FFFD}'));
        assert!(!d.binary);
        assert!(decode(b"\x7fELF\x00\x00").binary);
        assert_eq!(decode(b"\xEF\xBB\xBFhoi").text, "hoi");
        assert!(matches!(
            decode_borrowed(b"\xEF\xBB\xBFhoi").text,
            Cow::Borrowed("hoi")
        ));
        assert_eq!(decode_borrowed(b"caf\xe9").text, "caf\u{FFFD}");
    }
}
