//! Passages: a document's running text normalised as a reader compares a
//! quotation with its source, and the search for a quoted passage in it.
//!
//! A reader does not see line breaks, a word hyphenated over two lines
//! (`overlast-⏎gevers`), double spaces, which quotation mark or dash a
//! typesetter chose, or whether an extraction wrote `é` as `e` and a
//! combining accent (`Kostic´` from pypdf). [`normalise`] takes all of
//! that out; both the source and the quotation go through it, so they
//! compare byte for byte. `…`, `...`, `[…]` mark words left out: each piece
//! between them must stand in the source, in order.

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use super::{Dossier, FootnoteMarker};
use crate::layout::Layout;
use crate::Span;

/// The gap a quotation marks with `…`, `...`, `[…]` or `(…)`.
pub const GAP: char = '…';

/// A document's running text, normalised once per version of the
/// document, with its pages.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PassageIndex {
    /// The running text (footnote blocks, footers and markers left out),
    /// normalised by [`normalise`].
    pub text: String,
    /// `(printed page number, offset in text where the page starts)`.
    pages: Vec<(Option<u32>, usize)>,
    /// `(offset in text, document offset)` wherever the two stop running
    /// in step: between two entries the text is the document's, byte for
    /// byte.
    map: Vec<(usize, usize)>,
    /// Its words, for the search for the closest passage; made the first
    /// time a quotation is not found as it stands.
    words: OnceLock<Vec<Word>>,
}

/// A word of a normalised text: its span and a hash of it in lower case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Word {
    start: usize,
    end: usize,
    hash: u64,
}

/// A passage found in a source: a span of [`PassageIndex::text`] and the
/// printed pages it stands on (`None` where the page is not numbered).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    pub span: Span,
    pub first_page: Option<u32>,
    pub last_page: Option<u32>,
}

impl Passage {
    /// Whether the pin names a page the passage stands on. `None` when a
    /// page is unknown: nothing can be said then.
    pub fn on_pinned_page(&self, pin: &PagePin) -> Option<bool> {
        let (first, last) = (self.first_page?, self.last_page?);
        Some((first..=last).any(|p| pin.contains(p)))
    }
}

/// One difference between a quotation and its source, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// The source's words written otherwise in the quotation.
    Changed { source: String, quoted: String },
    /// Words in the quotation that the source does not have.
    Added(String),
    /// The source's words left out without a `…`.
    LeftOut(String),
}

/// What the search for a quotation in its source found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuoteMatch {
    /// The words stand in the source as quoted (spacing, line breaks,
    /// marks and the case of the first letter aside).
    Found(Passage),
    /// A passage most of whose words are the quotation's, with these
    /// differences.
    Altered(Passage, Vec<Change>),
    /// Not in the source; the closest passage when there is a near one.
    NotFound(Option<Passage>),
}

/// A page pin in normal form (`12`, `12-13`, `17,19-22`, `4-` for `4 e.v.`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PagePin(Vec<(u32, u32)>);

impl PagePin {
    /// Reads a pin's normal form ([`crate::citation::Citation::page`]).
    pub fn parse(s: &str) -> Option<PagePin> {
        let mut ranges = Vec::new();
        for part in s.split(',') {
            let part = part.trim();
            let (a, b) = part.split_once('-').unwrap_or((part, part));
            let number = |s: &str| {
                let digits = s.trim().trim_end_matches(|c: char| c.is_ascii_lowercase());
                digits.parse::<u32>().ok()
            };
            let first = number(a)?;
            // `4-`: page 4 and the following ones.
            let last = if b.trim().is_empty() {
                u32::MAX
            } else {
                number(b)?
            };
            ranges.push((first, last.max(first)));
        }
        (!ranges.is_empty()).then_some(PagePin(ranges))
    }

    pub fn contains(&self, page: u32) -> bool {
        self.0.iter().any(|&(a, b)| a <= page && page <= b)
    }

    /// The first page it names.
    pub fn first(&self) -> u32 {
        self.0[0].0
    }
}

impl PassageIndex {
    /// The normalised running text of an analysed document.
    pub fn new(d: &Dossier) -> PassageIndex {
        let body = &d.layout.body;
        let mut w = Normaliser::default();
        let mut markers = d.markers.iter().peekable();
        let mut page = usize::MAX;
        let mut pages = Vec::new();
        for (k, &(b, s)) in body.map.iter().enumerate() {
            let end = body.map.get(k + 1).map_or(body.text.len(), |&(nb, _)| nb);
            let piece = &body.text[b..end];
            let p = page_of(&d.layout, s);
            if p != page {
                page = p;
                w.flush_dots();
                let number = d.layout.pages.get(p).and_then(|p| p.number);
                pages.push((number, w.out.len()));
            }
            while markers.peek().is_some_and(|m| m.span.end <= s) {
                markers.next();
            }
            // Most lines hold no marker: copied in runs.
            if markers
                .peek()
                .is_none_or(|m| m.span.start >= s + piece.len())
            {
                w.push_str(piece, s);
                continue;
            }
            for (i, c) in piece.char_indices() {
                let src = s + i;
                // Footnote markers are no words of the text.
                while markers.peek().is_some_and(|m| m.span.end <= src) {
                    markers.next();
                }
                if markers.peek().is_some_and(|m| m.span.start <= src) {
                    continue;
                }
                w.push(c, src);
            }
        }
        w.flush_dots();
        PassageIndex {
            text: w.out,
            pages,
            map: w.map,
            words: OnceLock::new(),
        }
    }

    /// The document offset of an offset of [`PassageIndex::text`].
    pub fn to_source(&self, at: usize) -> usize {
        let i = self.map.partition_point(|&(n, _)| n <= at);
        match i {
            0 => at,
            _ => {
                let (n, s) = self.map[i - 1];
                s + (at - n)
            }
        }
    }

    /// The document span of a passage: from its first character's offset
    /// to just past its last.
    pub fn source_span(&self, span: &Span) -> Span {
        let start = self.to_source(span.start);
        let last = self.text[..span.end]
            .char_indices()
            .next_back()
            .map_or(span.start, |(i, _)| i);
        let end = self.to_source(last) + self.text[last..].chars().next().map_or(0, char::len_utf8);
        start..end.max(start)
    }

    /// The printed page the offset is on.
    pub fn page_at(&self, at: usize) -> Option<u32> {
        let i = self.pages.partition_point(|&(_, o)| o <= at);
        self.pages.get(i.checked_sub(1)?)?.0
    }

    /// The offsets where the pages named by the pin start and end.
    fn pinned_range(&self, pin: &PagePin) -> Option<Span> {
        let mut range: Option<Span> = None;
        for (k, &(n, start)) in self.pages.iter().enumerate() {
            if n.is_some_and(|n| pin.contains(n)) {
                let end = self.pages.get(k + 1).map_or(self.text.len(), |&(_, o)| o);
                range = Some(match range {
                    Some(r) => r.start..end,
                    None => start..end,
                });
            }
        }
        range
    }

    fn passage(&self, span: Span) -> Passage {
        let last = span.end.saturating_sub(1).max(span.start);
        Passage {
            first_page: self.page_at(span.start),
            last_page: self.page_at(last),
            span,
        }
    }

    /// Looks for a quotation (normalised, `…` for its gaps) in the text:
    /// first on the pinned pages, then anywhere. `exclude` is a document
    /// span where the quotation itself stands (a document that quotes
    /// itself): a passage that overlaps it does not count.
    pub fn find(&self, quoted: &str, pin: Option<&PagePin>, exclude: Option<&Span>) -> QuoteMatch {
        let q = Quoted::new(quoted);
        if q.segments.is_empty() {
            return QuoteMatch::NotFound(None);
        }
        let pinned = pin.and_then(|p| self.pinned_range(p));
        let exact = pinned
            .and_then(|r| self.exact(&q, r, exclude))
            .or_else(|| self.exact(&q, 0..self.text.len(), exclude));
        if let Some(span) = exact {
            return QuoteMatch::Found(self.passage(span));
        }
        self.closest(&q, pin, exclude)
    }

    /// The first place where the quotation's pieces stand in order, the
    /// first of them starting inside `starts`.
    fn exact(&self, q: &Quoted, starts: Span, exclude: Option<&Span>) -> Option<Span> {
        let hay = self.text.as_bytes();
        let first = FirstLetterFinder::new(q.segments[0]);
        let rest: Vec<FirstLetterFinder> = q.segments[1..]
            .iter()
            .map(|s| FirstLetterFinder::new(s))
            .collect();
        let mut from = starts.start;
        // Candidates that only the exclusion turns down are few; the bound
        // keeps a pathological text linear.
        for _ in 0..10_000 {
            let start = first.find(hay, from)?;
            if start >= starts.end {
                return None;
            }
            let mut pos = start + first.len();
            for seg in &rest {
                // Not after this start: not after any later start either.
                pos = seg.find(hay, pos)? + seg.len();
            }
            let span = start..pos;
            let mine = exclude.is_some_and(|x| {
                let s = self.source_span(&span);
                s.start < x.end && x.start < s.end
            });
            if !mine {
                return Some(span);
            }
            from = start + 1;
        }
        None
    }

    fn words(&self) -> &[Word] {
        self.words.get_or_init(|| words_of(&self.text, 0))
    }

    /// The passage whose words come closest to the quotation's: a window
    /// of the source's words slid over the text, scored by the quoted
    /// words it holds, then the best window compared word by word.
    fn closest(&self, q: &Quoted, pin: Option<&PagePin>, exclude: Option<&Span>) -> QuoteMatch {
        let words = self.words();
        let quoted: Vec<QWord> = q.words();
        if quoted.len() < 3 || words.is_empty() {
            return QuoteMatch::NotFound(None);
        }
        let gaps = quoted.iter().filter(|w| w.gap_before).count();
        let width = (quoted.len() + quoted.len() / 4 + 8 * gaps + 2).min(words.len());
        let mut need: HashMap<u64, i32> = HashMap::default();
        for w in &quoted {
            *need.entry(w.hash).or_default() += 1;
        }
        // `have` counts the window's words that a quoted word still wants.
        let mut have: HashMap<u64, i32> = HashMap::default();
        let mut score = 0i32;
        let add = |h: u64, have: &mut HashMap<u64, i32>, score: &mut i32, by: i32| {
            if let Some(&n) = need.get(&h) {
                let e = have.entry(h).or_default();
                let before = (*e).min(n);
                *e += by;
                *score += (*e).min(n) - before;
            }
        };
        // The words of the quotation itself, where the source is the
        // quoting document: no window may hold one.
        let mine = exclude.map(|x| {
            let from = words.partition_point(|w| self.to_source(w.start) < x.start);
            let to = words.partition_point(|w| self.to_source(w.start) < x.end);
            from..to
        });
        let excluded = |start: usize| {
            mine.as_ref()
                .is_some_and(|m| !m.is_empty() && start < m.end && m.start < start + width)
        };
        let pinned = |i: usize| {
            pin.is_some_and(|p| self.page_at(words[i].start).is_some_and(|n| p.contains(n)))
        };
        let mut best: Option<(i32, bool, usize)> = None;
        for i in 0..words.len() {
            add(words[i].hash, &mut have, &mut score, 1);
            if i >= width {
                add(words[i - width].hash, &mut have, &mut score, -1);
            }
            let start = (i + 1).saturating_sub(width);
            if i + 1 < width.min(words.len()) || excluded(start) {
                continue;
            }
            let key = (score, pinned(start));
            if best.is_none_or(|(s, p, _)| key > (s, p)) {
                best = Some((score, key.1, start));
            }
        }
        let Some((score, _, start)) = best else {
            return QuoteMatch::NotFound(None);
        };
        let window = &words[start..(start + width).min(words.len())];
        if (score as usize) * 10 < quoted.len() * 3 {
            return QuoteMatch::NotFound(None);
        }
        // Word by word where the sizes allow; a very long quotation is
        // judged by its score alone.
        let Some(diff) = diff_words(&self.text, &quoted, q, window) else {
            let span = window[0].start..window[window.len() - 1].end;
            let passage = self.passage(span);
            let share = (score as usize) * 10 / quoted.len();
            return match share {
                9.. => QuoteMatch::Found(passage),
                6.. => QuoteMatch::Altered(passage, Vec::new()),
                _ => QuoteMatch::NotFound(Some(passage)),
            };
        };
        let passage = self.passage(diff.span.clone());
        if diff.share < 40 {
            QuoteMatch::NotFound(None)
        } else if diff.share < 60 {
            QuoteMatch::NotFound(Some(passage))
        } else if diff.changes.is_empty() {
            // Only punctuation differs: a reader would not call it altered.
            QuoteMatch::Found(passage)
        } else {
            QuoteMatch::Altered(passage, diff.changes)
        }
    }
}

/// The layout page (index) of a document offset.
fn page_of(layout: &Layout, offset: usize) -> usize {
    layout
        .pages
        .partition_point(|p| p.span.end <= offset)
        .min(layout.pages.len().saturating_sub(1))
}

/// A quotation cut at its gaps, each piece trimmed of spaces and of the
/// punctuation a quoting sentence adds at its ends.
struct Quoted<'a> {
    segments: Vec<&'a str>,
    leading_gap: bool,
    trailing_gap: bool,
}

/// A word of a quotation, and whether a gap stands before it.
struct QWord {
    text: String,
    hash: u64,
    gap_before: bool,
}

impl<'a> Quoted<'a> {
    fn new(q: &'a str) -> Quoted<'a> {
        let trim = |s: &'a str| s.trim_matches(|c: char| c.is_whitespace() || "[]()".contains(c));
        let mut segments: Vec<&str> = q.split(GAP).map(trim).collect();
        let leading_gap = segments.first().is_some_and(|s| s.is_empty());
        let trailing_gap = segments.len() > 1 && segments.last().is_some_and(|s| s.is_empty());
        segments.retain(|s| !s.is_empty());
        // `«… is.»`: the final stop is often the quoting sentence's.
        if let Some(last) = segments.last_mut() {
            let t = last.trim_end_matches(['.', ',', ';', ':']).trim_end();
            if !t.is_empty() {
                *last = t;
            }
        }
        Quoted {
            segments,
            leading_gap,
            trailing_gap,
        }
    }

    fn words(&self) -> Vec<QWord> {
        let mut out = Vec::new();
        for (k, seg) in self.segments.iter().enumerate() {
            for (n, w) in words_of(seg, 0).into_iter().enumerate() {
                out.push(QWord {
                    text: seg[w.start..w.end].to_string(),
                    hash: w.hash,
                    gap_before: n == 0 && (k > 0 || self.leading_gap),
                });
            }
        }
        out
    }
}

/// The words of a text: runs of letters and digits, hashed in lower case.
fn words_of(text: &str, base: usize) -> Vec<Word> {
    use std::hash::Hasher;
    let mut out = Vec::new();
    let mut start = None;
    let mut h = rustc_hash::FxHasher::default();
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
                h = rustc_hash::FxHasher::default();
            }
            for l in c.to_lowercase() {
                h.write_u32(l as u32);
            }
        } else if let Some(s) = start.take() {
            out.push(Word {
                start: base + s,
                end: base + i,
                hash: h.finish(),
            });
        }
    }
    out
}

struct Diff {
    /// The source words the passage spans (first to last matched word).
    span: Span,
    /// The share (in hundredths) of the quotation's words that say
    /// something that stand in the passage, in order.
    share: usize,
    changes: Vec<Change>,
}

/// A word that says something: five letters or more.
fn content(word: &str) -> bool {
    word.chars().nth(4).is_some()
}

/// Cells of the word comparison's table at most: 1,000 × 1,000 words.
const MAX_CELLS: usize = 1_000_000;

/// The longest common subsequence of the quotation's words and the
/// window's, read back as changes. Words the source has where the
/// quotation marks a gap are no change.
fn diff_words(text: &str, quoted: &[QWord], q: &Quoted, window: &[Word]) -> Option<Diff> {
    let (n, m) = (quoted.len(), window.len());
    if n.checked_mul(m)? > MAX_CELLS {
        return None;
    }
    // lcs[i][j]: of quoted[i..] and window[j..].
    let mut lcs = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[at(i, j)] = if quoted[i].hash == window[j].hash {
                lcs[at(i + 1, j + 1)] + 1
            } else {
                lcs[at(i + 1, j)].max(lcs[at(i, j + 1)])
            };
        }
    }
    enum Op {
        Same(usize),
        Added(usize),
        Left(usize),
    }
    let mut ops = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && quoted[i].hash == window[j].hash {
            ops.push(Op::Same(j));
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[at(i, j + 1)] >= lcs[at(i + 1, j)]) {
            ops.push(Op::Left(j));
            j += 1;
        } else {
            ops.push(Op::Added(i));
            i += 1;
        }
    }
    // The passage runs from the first word in common to the last. Where
    // its first word also stands later, after words the quotation leaves
    // out, the passage starts there (`van vrijblijvendheid. Van elke`).
    let mut first = ops.iter().position(|o| matches!(o, Op::Same(_)))?;
    while let Op::Same(j) = ops[first] {
        let run = ops[first + 1..]
            .iter()
            .take_while(|o| matches!(o, Op::Left(_)))
            .count();
        let Some(k) = (1..=run)
            .rev()
            .find(|&k| matches!(ops[first + k], Op::Left(l) if window[l].hash == window[j].hash))
        else {
            break;
        };
        let Op::Left(l) = ops[first + k] else { break };
        ops[first] = Op::Left(j);
        ops[first + k] = Op::Same(l);
        first += k;
    }
    let mut last = ops.iter().rposition(|o| matches!(o, Op::Same(_)))?;
    // A quotation that ends (or starts) in words of its own against the
    // source's next words changed them: the passage takes those in.
    let added_after = ops[last..]
        .iter()
        .filter(|o| matches!(o, Op::Added(_)))
        .count();
    let lefts_after: Vec<usize> = (last + 1..ops.len())
        .filter(|&k| matches!(ops[k], Op::Left(_)))
        .take(added_after)
        .collect();
    last = lefts_after.last().copied().unwrap_or(last);
    let added_before = ops[..first]
        .iter()
        .filter(|o| matches!(o, Op::Added(_)))
        .count();
    let lefts_before: Vec<usize> = (0..first)
        .rev()
        .filter(|&k| matches!(ops[k], Op::Left(_)))
        .take(added_before)
        .collect();
    first = lefts_before.last().copied().unwrap_or(first);
    let span_of = |o: &Op| match o {
        Op::Same(j) | Op::Left(j) => Some(window[*j].start..window[*j].end),
        Op::Added(_) => None,
    };
    let span = span_of(&ops[first])?.start..span_of(&ops[last])?.end;
    // Quoted words outside the passage are added; source words outside it
    // are no part of it.
    let mut changes = Vec::new();
    let mut added: Vec<&str> = Vec::new();
    let mut left: Vec<&str> = Vec::new();
    let mut next_gap = false;
    let mut flush = |added: &mut Vec<&str>, left: &mut Vec<&str>, gap: bool| {
        let a = added.join(" ");
        let l = left.join(" ");
        match (a.is_empty(), l.is_empty() || gap) {
            (true, true) => {}
            (false, true) => changes.push(Change::Added(a)),
            (true, false) => changes.push(Change::LeftOut(l)),
            (false, false) => changes.push(Change::Changed {
                source: l,
                quoted: a,
            }),
        }
        added.clear();
        left.clear();
    };
    let mut same = 0;
    let mut same_content = 0;
    // The quoted word the next `Same` is.
    let mut qi = 0;
    for (k, op) in ops.iter().enumerate() {
        match *op {
            Op::Same(_) => {
                // A gap before this quoted word excuses what the source
                // has between the last word and it.
                let gap = quoted[qi].gap_before || next_gap;
                flush(&mut added, &mut left, gap);
                next_gap = false;
                same += 1;
                same_content += usize::from(content(&quoted[qi].text));
                qi += 1;
            }
            Op::Added(i) => {
                qi += 1;
                if quoted[i].gap_before {
                    next_gap = true;
                }
                added.push(&quoted[i].text);
            }
            Op::Left(j) if k >= first && k <= last => {
                left.push(&text[window[j].start..window[j].end])
            }
            Op::Left(_) => {}
        }
    }
    flush(&mut added, &mut left, q.trailing_gap);
    // Words such as `de`, `het`, `van` match anywhere: the share is of
    // the words that say something, where the quotation has some.
    let content_words = quoted.iter().filter(|w| content(&w.text)).count();
    let share = match content_words {
        0 => same * 100 / n,
        c => same_content * 100 / c,
    };
    Some(Diff {
        span,
        share,
        changes,
    })
}

/// A search for a piece of a quotation whose first letter may be of
/// either case (a quotation starts a sentence the source had going).
struct FirstLetterFinder {
    needles: Vec<memchr::memmem::Finder<'static>>,
    len: usize,
}

impl FirstLetterFinder {
    fn new(seg: &str) -> FirstLetterFinder {
        let mut chars = seg.chars();
        let first = chars.next();
        let rest = chars.as_str();
        let mut forms = vec![seg.to_string()];
        if let Some(c) = first {
            for other in [c.to_lowercase().to_string(), c.to_uppercase().to_string()] {
                let form = format!("{other}{rest}");
                // Only a case of the same length keeps offsets simple.
                if form.len() == seg.len() && !forms.contains(&form) {
                    forms.push(form);
                }
            }
        }
        FirstLetterFinder {
            needles: forms
                .iter()
                .map(|f| memchr::memmem::Finder::new(f.as_bytes()).into_owned())
                .collect(),
            len: seg.len(),
        }
    }

    fn len(&self) -> usize {
        self.len
    }

    /// The first occurrence at or after `from`.
    fn find(&self, hay: &[u8], from: usize) -> Option<usize> {
        let hay_from = hay.get(from..)?;
        self.needles
            .iter()
            .filter_map(|n| n.find(hay_from))
            .min()
            .map(|i| from + i)
    }
}

/// Writes text normalised: see [`normalise`].
#[derive(Default)]
struct Normaliser {
    out: String,
    map: Vec<(usize, usize)>,
    /// White space seen since the last character: where it started, and
    /// whether it held a line break.
    space: Option<(usize, bool)>,
    /// Dots in a row not written yet (three make a gap).
    dots: Option<(usize, usize)>,
    /// The document offset of the last character written.
    last_src: usize,
}

impl Normaliser {
    /// [`Normaliser::push`] of each character of `text` (at document
    /// offset `src`), a run of plain ASCII (no white space, `.` or the
    /// backtick that may be an accent) copied at once: the index is built
    /// for every document, and most of a document is such runs.
    fn push_str(&mut self, text: &str, src: usize) {
        let b = text.as_bytes();
        let plain = |c: u8| c.is_ascii() && !c.is_ascii_whitespace() && c != b'.' && c != b'`';
        let mut i = 0;
        while i < b.len() {
            if !plain(b[i]) {
                let c = text[i..].chars().next().unwrap_or(' ');
                self.push(c, src + i);
                i += c.len_utf8();
                continue;
            }
            // A single space between plain bytes reads as itself too.
            let mut end = i;
            while end < b.len() {
                if plain(b[end]) {
                    end += 1;
                } else if b[end] == b' ' && b.get(end + 1).is_some_and(|&c| plain(c)) {
                    end += 2;
                } else {
                    break;
                }
            }
            let run = end - i;
            self.flush_dots();
            self.flush_space_before(char::from(b[i]));
            // The run's first byte decides the map entry; the rest follow
            // in step.
            self.write(char::from(b[i]), src + i);
            self.out.push_str(&text[i + 1..i + run]);
            self.last_src = src + i + run - 1;
            i += run;
        }
    }

    fn push(&mut self, c: char, src: usize) {
        if c == '.' {
            let (start, n) = self.dots.unwrap_or((src, 0));
            self.dots = Some((start, n + 1));
            return;
        }
        self.flush_dots();
        if c.is_whitespace() {
            let newline = c == '\n';
            self.space = match self.space {
                Some((s, nl)) => Some((s, nl || newline)),
                None => Some((src, newline)),
            };
            return;
        }
        // Soft hyphens and zero-width characters are invisible.
        if matches!(
            c,
            '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}'
        ) {
            return;
        }
        if let Some(mark) = combining(c) {
            if self.space.is_none() && self.compose(mark) {
                return;
            }
            // A combining mark on nothing: left out; a spacing accent is
            // kept as written.
            if ('\u{300}'..='\u{36F}').contains(&c) {
                return;
            }
        }
        self.flush_space_before(c);
        self.write(fold(c), src);
    }

    /// The pending white space as one space; none between a hyphen that
    /// ended a line and the letter that goes on (`EU-⏎maatregelen`).
    fn flush_space_before(&mut self, next: char) {
        if let Some((src, newline)) = self.space.take() {
            // `overlast-⏎gevers`: one word, as the body stream reads it.
            let broken_word = newline && next.is_lowercase() && {
                let mut rev = self.out.chars().rev();
                rev.next() == Some('-') && rev.next().is_some_and(char::is_lowercase)
            };
            if broken_word {
                self.out.pop();
                while self.map.last().is_some_and(|&(n, _)| n >= self.out.len()) {
                    self.map.pop();
                }
                return;
            }
            let hyphen_break = newline && next.is_alphanumeric() && {
                let mut rev = self.out.chars().rev();
                rev.next() == Some('-') && rev.next().is_some_and(char::is_alphanumeric)
            };
            if !self.out.is_empty() && !hyphen_break {
                self.write(' ', src);
            }
        }
    }

    fn flush_dots(&mut self) {
        if let Some((src, n)) = self.dots.take() {
            self.flush_space_before('.');
            if n >= 3 {
                self.write(GAP, src);
            } else {
                for k in 0..n {
                    self.write('.', src + k);
                }
            }
        }
    }

    fn write(&mut self, c: char, src: usize) {
        let at = self.out.len();
        let in_step = self.map.last().is_some_and(|&(n, s)| s + (at - n) == src);
        if !in_step {
            self.map.push((at, src));
        }
        self.out.push(c);
        self.last_src = src;
    }

    /// Puts an accent on the letter written last, where the pair has a
    /// precomposed form.
    fn compose(&mut self, mark: usize) -> bool {
        let Some(letter) = self.out.chars().next_back() else {
            return false;
        };
        let Some(composed) = COMPOSE[mark]
            .0
            .chars()
            .position(|l| l == letter)
            .and_then(|k| COMPOSE[mark].1.chars().nth(k))
        else {
            return false;
        };
        let src = self.last_src;
        self.out.pop();
        // The composed letter starts where the bare one did.
        while self.map.last().is_some_and(|&(n, _)| n > self.out.len()) {
            self.map.pop();
        }
        self.write(composed, src);
        true
    }
}

/// Per accent, the letters that take it and their precomposed forms.
const COMPOSE: [(&str, &str); 8] = [
    ("aeiouAEIOU", "àèìòùÀÈÌÒÙ"),
    ("aeiouycnszAEIOUYCNSZ", "áéíóúýćńśźÁÉÍÓÚÝĆŃŚŹ"),
    ("aeiouAEIOU", "âêîôûÂÊÎÔÛ"),
    ("anoANO", "ãñõÃÑÕ"),
    ("aeiouyAEIOU", "äëïöüÿÄËÏÖÜ"),
    ("cC", "çÇ"),
    ("cszCSZ", "čšžČŠŽ"),
    ("aA", "åÅ"),
];

/// Which accent of [`COMPOSE`] a combining mark (or the spacing accent a
/// PDF extraction writes after its letter) is.
fn combining(c: char) -> Option<usize> {
    Some(match c {
        '\u{300}' | '`' => 0,
        '\u{301}' | '\u{B4}' => 1,
        '\u{302}' | '\u{2C6}' => 2,
        '\u{303}' | '\u{2DC}' => 3,
        '\u{308}' | '\u{A8}' => 4,
        '\u{327}' | '\u{B8}' => 5,
        '\u{30C}' | '\u{2C7}' => 6,
        '\u{30A}' | '\u{2DA}' => 7,
        _ => return None,
    })
}

/// One character as compared: all double quotation marks one, all single
/// ones (and apostrophes) one, all dashes a hyphen.
fn fold(c: char) -> char {
    match c {
        '«' | '»' | '“' | '”' | '„' | '‟' | '″' => '"',
        '‘' | '’' | '‚' | '‛' | '′' | '‹' | '›' => '\'',
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => '-',
        c => c,
    }
}

/// A piece of text normalised as [`PassageIndex::text`] is: for a
/// quotation's words.
pub fn normalise(text: &str) -> String {
    let mut w = Normaliser::default();
    w.push_str(text, 0);
    w.flush_dots();
    w.out
}

/// [`normalise`] of a stretch of a document's running text (offsets into
/// the body stream), its footnote markers left out.
pub(crate) fn normalise_body(layout: &Layout, markers: &[FootnoteMarker], range: Span) -> String {
    let body = &layout.body;
    let mut w = Normaliser::default();
    let from = body
        .map
        .partition_point(|&(b, _)| b <= range.start)
        .saturating_sub(1);
    let first = markers.partition_point(|m| m.span.end <= body.to_source(range.start));
    let mut markers = markers[first..].iter().peekable();
    for (k, &(b, s)) in body.map.iter().enumerate().skip(from) {
        if b >= range.end {
            break;
        }
        let end = body.map.get(k + 1).map_or(body.text.len(), |&(nb, _)| nb);
        let (lo, hi) = (range.start.max(b), range.end.min(end));
        if lo >= hi {
            continue;
        }
        let from_src = s + (lo - b);
        while markers.peek().is_some_and(|m| m.span.end <= from_src) {
            markers.next();
        }
        if markers
            .peek()
            .is_none_or(|m| m.span.start >= from_src + (hi - lo))
        {
            w.push_str(&body.text[lo..hi], from_src);
            continue;
        }
        for (i, c) in body.text[lo..hi].char_indices() {
            let src = s + (lo - b) + i;
            while markers.peek().is_some_and(|m| m.span.end <= src) {
                markers.next();
            }
            if markers.peek().is_some_and(|m| m.span.start <= src) {
                continue;
            }
            w.push(c, src);
        }
    }
    w.flush_dots();
    w.out.trim().to_string()
}

#[cfg(test)]
mod tests;
