//! Letters by their headings, numbered questions and their answers.
//!
//! A letter starts at a heading in capitals (`BRIEF VAN DE STAATSSECRETARIS
//! VAN JUSTITIE EN` + `VEILIGHEID`). A question starts at `Vraag N` (also
//! `Vraag 3, 4 en 5`) or at a number alone on its line (`1.`, the
//! numbered repeats of an answering letter); an answer at `Antwoord`,
//! `Antwoord N` or `Antwoord op vraag N`.
//!
//! In a nota naar aanleiding van het verslag or a memorie van antwoord (by
//! its title), the committee's paragraphs are numbered in the margin (`1`,
//! `5, 6 en 7`, `Vraag 36` on a line of their own): each such paragraph
//! that asks is a question, answered under `Antwoord` or by the
//! government's text that follows it ([`nota_questions`]).
//!
//! In a letter without numbered questions (a committee's letter), each
//! paragraph that asks something is a question: it has a `?`, or asks
//! indirectly (`De leden … vragen u of …`). Such a paragraph is taken up by
//! the numbered repeat of the answering letter whose words contain most of
//! its words (one repeat may take up two paragraphs), and so shares that
//! repeat's answer.

use std::sync::LazyLock;

use regex::Regex;

use crate::layout::{Layout, LineKind};
use crate::text::{ascii_digits, white_space_at};
use crate::Span;

use rustc_hash::FxHashSet as HashSet;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::words::{shared as shared_words, word_hashes};
use super::{Answer, FootnoteMarker, Letter, Question, QuestionKind, QuestionRef};

/// The words a letter's heading starts with ([`is_letter_heading`]).
const LETTER_KEYWORDS: [&str; 7] = [
    "BRIEF",
    "VERSLAG",
    "NOTA",
    "MEMORIE",
    "MOTIE",
    "AMENDEMENT",
    "VOORLOPIG VERSLAG",
];

/// What a heading in capitals is made of besides capitals and digits.
const HEADING_PUNCTUATION: &str = " ,.’'/()–-";

fn heading_char(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || HEADING_PUNCTUATION.contains(c)
}

/// Past one leading white-space character, if there is one.
fn after_lead(s: &str) -> &str {
    &s[skip_one_space(s, 0)..]
}

/// `BRIEF VAN DE MINISTER …`: a keyword of [`LETTER_KEYWORDS`] as a whole
/// word, then capitals, digits and punctuation only. (By hand: the regex
/// with `\p{Lu}` was a large automaton to build at every start.)
fn is_letter_heading(s: &str) -> bool {
    let t = after_lead(s);
    LETTER_KEYWORDS.iter().any(|k| {
        t.strip_prefix(k).is_some_and(|rest| {
            // A word ends with the keyword: no letter or digit follows.
            !rest.starts_with(|c: char| c.is_alphanumeric() || c == '_')
                && rest.chars().all(heading_char)
        })
    })
}

/// A line of capitals that continues a heading: a capital, then two or
/// more capitals, digits or punctuation.
fn is_capitals_line(s: &str) -> bool {
    let mut chars = after_lead(s).chars();
    chars.next().is_some_and(char::is_uppercase) && {
        let rest = chars.as_str();
        rest.chars().all(heading_char) && rest.chars().nth(1).is_some()
    }
}

/// `Vraag 3`, `Vragen 4 en 5`, `12.` (the whole line): where the numbers
/// are, and whether the heading is a `Vraag` or a bare number. Read by hand
/// as the pattern `\s?(?:Vra(?:ag|gen)\s+(LIST)|([0-9]{1,3})\.)\s*` would
/// read the whole line ([`number_list`] for LIST; the tests hold the two to
/// each other): the pattern with its groups cost more than the line.
fn question_heading(s: &str) -> Option<(Span, QuestionKind)> {
    let at = skip_one_space(s, 0);
    let found = if let Some(n) = ["Vraag", "Vragen"].iter().find(|w| s[at..].starts_with(*w)) {
        let p = skip_spaces(s, at + n.len());
        if p == at + n.len() {
            return None;
        }
        (p..number_list(s, p)?, QuestionKind::Vraag)
    } else {
        let n = ascii_digits(s.as_bytes(), at, usize::MAX);
        if !(1..=3).contains(&n) || s.as_bytes().get(at + n) != Some(&b'.') {
            return None;
        }
        (at..at + n, QuestionKind::Numbered)
    };
    let end = if found.1 == QuestionKind::Numbered {
        found.0.end + 1
    } else {
        found.0.end
    };
    (skip_spaces(s, end) == s.len()).then_some(found)
}

/// `Antwoord`, `Antwoorden op de vragen 3 en 4:` (the whole line): where its
/// numbers are, if it has any. As the pattern
/// `\s?Antwoord(?:en)?(?:\s+op\s+(?:de\s+)?vra(?:ag|gen))?(?:\s+(LIST))?\s*[:.]?\s*`.
fn answer_heading(s: &str) -> Option<Option<Span>> {
    let mut p = skip_one_space(s, 0);
    p += "Antwoord".len();
    if !s.get(..p)?.ends_with("Antwoord") {
        return None;
    }
    if s[p..].starts_with("en") {
        p += 2;
    }
    // ` op de vragen`
    let q = skip_spaces(s, p);
    if q > p && s[q..].starts_with("op") {
        let r = skip_spaces(s, q + 2);
        if r > q + 2 {
            let mut t = r;
            if s[r..].starts_with("de") {
                let u = skip_spaces(s, r + 2);
                if u > r + 2 {
                    t = u;
                }
            }
            if let Some(w) = ["vraag", "vragen"].iter().find(|w| s[t..].starts_with(*w)) {
                p = t + w.len();
            }
        }
    }
    let mut numbers = None;
    let q = skip_spaces(s, p);
    if q > p {
        if let Some(end) = number_list(s, q) {
            numbers = Some(q..end);
            p = end;
        }
    }
    let mut p = skip_spaces(s, p);
    if matches!(s.as_bytes().get(p), Some(b':' | b'.')) {
        p = skip_spaces(s, p + 1);
    }
    (p == s.len()).then_some(numbers)
}

/// `3`, `3 en 4`, `3, 5 t/m 7`, `7, 8, en 9` (a serial comma): where a list
/// of numbers that starts at `at` ends (as
/// `[0-9]+(?:\s*(?:,\s*en|,|en|t/m|&)?\s*[0-9]+)*`), if one does.
fn number_list(s: &str, at: usize) -> Option<usize> {
    let digits = |p: usize| ascii_digits(s.as_bytes(), p, usize::MAX);
    let n = digits(at);
    if n == 0 {
        return None;
    }
    let mut end = at + n;
    loop {
        let mut p = skip_spaces(s, end);
        if let Some(sep) = [",", "en", "t/m", "&"]
            .iter()
            .find(|w| s[p..].starts_with(*w))
        {
            p = skip_spaces(s, p + sep.len());
            // `7, 8, en 9`: the comma before the last number's `en`.
            if *sep == "," && s[p..].starts_with("en") {
                p = skip_spaces(s, p + 2);
            }
        }
        let n = digits(p);
        if n == 0 {
            return Some(end);
        }
        end = p + n;
    }
}

/// Past the white space at `at`.
fn skip_spaces(s: &str, at: usize) -> usize {
    at + s[at..].len() - s[at..].trim_start().len()
}

/// Past one white-space character at `at`, if there is one.
fn skip_one_space(s: &str, at: usize) -> usize {
    at + white_space_at(s, at).unwrap_or(0)
}

fn numbers(s: &str) -> Vec<u32> {
    s.split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect()
}

enum Heading {
    Letter(Span, String),
    Question(Span, Vec<u32>, QuestionKind),
    Answer(Span, Vec<u32>),
}

pub(super) fn find(
    text: &str,
    layout: &Layout,
) -> (Vec<Letter>, Vec<Question>, Vec<Answer>, Vec<QuestionRef>) {
    let mut headings = Vec::new();
    // In a nota, questions and answers are read by `nota_questions`.
    let nota = nota_title(text, layout);
    let in_nota = |at: usize| nota.is_some_and(|n| at >= n);
    let body: Vec<usize> = (0..layout.lines.len())
        .filter(|&i| layout.lines[i].kind == LineKind::Body)
        .collect();
    let mut k = 0;
    while k < body.len() {
        let line = &layout.lines[body[k]];
        let s = text[line.span.clone()].trim_end();
        let first = s.trim_start().chars().next().unwrap_or(' ');
        if !(first.is_ascii_digit() || first.is_uppercase()) {
            k += 1;
            continue;
        }
        // The heading patterns allow one white space, then a keyword or
        // digits: a cheap test of what follows it saves most regex runs.
        let t = after_lead(s);
        let letter = LETTER_KEYWORDS.iter().any(|k| t.starts_with(k));
        let question = (t.starts_with("Vra") || t.starts_with(|c: char| c.is_ascii_digit()))
            && !in_nota(line.span.start);
        let answer = t.starts_with("Antwoord") && !in_nota(line.span.start);
        if !(letter || question || answer) {
            k += 1;
            continue;
        }
        if letter && is_letter_heading(s) && s.trim().len() > 8 {
            let mut span = line.span.clone();
            let mut heading = s.trim().to_string();
            // A heading runs on over the capitals lines right after it.
            while let Some(&next) = body.get(k + 1) {
                let n = &layout.lines[next];
                let ns = text[n.span.clone()].trim_end();
                if next != body[k] + 1 || !is_capitals_line(ns) || ns.trim().len() < 3 {
                    break;
                }
                heading.push(' ');
                heading.push_str(ns.trim());
                span.end = n.span.start + ns.len();
                k += 1;
            }
            headings.push(Heading::Letter(
                span.start..text[..span.end].trim_end().len(),
                heading,
            ));
        } else if let Some((at, kind)) =
            question
                .then(|| question_heading(s))
                .flatten()
                .filter(|(_, kind)| {
                    // `… de motie op stuk nr.` / `470.`: a number the line above
                    // runs on into ends its sentence, it is no numbered question.
                    *kind != QuestionKind::Numbered
                        || !(k > 0
                            && body[k - 1] + 1 == body[k]
                            && super::markers::runs_on_into_a_number(
                                &text[layout.lines[body[k - 1]].span.clone()],
                            ))
                })
        {
            headings.push(Heading::Question(
                trimmed(text, &line.span),
                numbers(&s[at]),
                kind,
            ));
        } else if let Some(at) = answer.then(|| answer_heading(s)).flatten() {
            let n = at.map(|at| numbers(&s[at])).unwrap_or_default();
            headings.push(Heading::Answer(trimmed(text, &line.span), n));
        }
        k += 1;
    }

    let starts: Vec<usize> = headings
        .iter()
        .map(|h| match h {
            Heading::Letter(s, _) | Heading::Question(s, _, _) | Heading::Answer(s, _) => s.start,
        })
        .collect();
    let end_of = |i: usize| {
        let mut end = starts.get(i + 1).copied().unwrap_or(text.len());
        if let Some(n) = nota.filter(|&n| starts[i] < n) {
            end = end.min(n);
        }
        text[..end].trim_end().len()
    };
    let mut letters: Vec<Letter> = Vec::new();
    let mut questions: Vec<Question> = Vec::new();
    let mut answers: Vec<Answer> = Vec::new();
    for (i, h) in headings.into_iter().enumerate() {
        match h {
            Heading::Letter(span, heading) => {
                if let Some(prev) = letters.last_mut() {
                    prev.span.end = text[..span.start].trim_end().len();
                }
                letters.push(Letter {
                    heading,
                    span: span.start..text.trim_end().len(),
                    heading_span: span,
                });
            }
            Heading::Question(span, numbers, kind) => questions.push(Question {
                kind,
                numbers,
                span: span.start..end_of(i),
                text_span: span.end..end_of(i).max(span.end),
                heading_span: Some(span),
                answer: None,
                related: Vec::new(),
                words: Default::default(),
            }),
            Heading::Answer(span, numbers) => answers.push(Answer {
                numbers,
                span: span.start..end_of(i),
                text_span: span.end..end_of(i).max(span.end),
                heading_span: span,
                question: None,
                questions: Vec::new(),
            }),
        }
    }
    if let Some(n) = nota {
        let (q, a) = nota_questions(text, layout, n);
        let offset = answers.len();
        questions.extend(q.into_iter().map(|mut q| {
            q.answer = q.answer.map(|a| a + offset);
            q
        }));
        answers.extend(a);
    }
    for letter in &letters {
        let numbered = questions
            .iter()
            .any(|q| letter.span.start <= q.span.start && q.span.start < letter.span.end);
        if !numbered {
            questions.extend(letter_questions(text, layout, letter));
        }
    }
    questions.sort_by_key(|q| q.span.start);
    // A nota's questions come paired with their answers.
    for (qi, q) in questions.iter().enumerate() {
        if let Some(a) = q.answer {
            answers[a].questions.push(qi);
            answers[a].question.get_or_insert(qi);
        }
    }
    pair_answers(&mut questions, &mut answers);
    pair_letter_paragraphs(layout, &mut questions);
    let refs = question_refs(text, layout, &questions, &answers);
    (letters, questions, answers, refs)
}

/// Numbered answers go to the unanswered questions before them that share a
/// number; a plain `Antwoord` to the question right before it.
fn pair_answers(questions: &mut [Question], answers: &mut [Answer]) {
    for (ai, a) in answers.iter_mut().enumerate() {
        if !a.questions.is_empty() {
            continue;
        }
        let before = |q: &Question| {
            q.span.start < a.heading_span.start && q.kind != QuestionKind::LetterParagraph
        };
        let mut found: Vec<usize> = if a.numbers.is_empty() {
            questions
                .iter()
                .rposition(&before)
                .filter(|&q| questions[q].answer.is_none())
                .into_iter()
                .collect()
        } else {
            (0..questions.len())
                .filter(|&q| {
                    let q = &questions[q];
                    before(q)
                        && q.answer.is_none()
                        && q.numbers.iter().any(|n| a.numbers.contains(n))
                })
                .collect()
        };
        // Of several questions with one number, the latest (a later letter).
        if !a.numbers.is_empty() {
            let mut seen = HashSet::default();
            found.reverse();
            found.retain(|&q| questions[q].numbers.iter().any(|n| seen.insert(*n)));
            found.reverse();
        }
        for &q in &found {
            questions[q].answer = Some(ai);
        }
        a.question = found.first().copied();
        a.questions = found;
    }
}

fn pair_letter_paragraphs(layout: &Layout, questions: &mut [Question]) {
    // Nothing to pair without both letter paragraphs and repeats.
    let paragraphs = questions
        .iter()
        .any(|q| q.kind == QuestionKind::LetterParagraph);
    let repeats = questions
        .iter()
        .any(|q| q.kind != QuestionKind::LetterParagraph);
    if !paragraphs || !repeats {
        return;
    }
    let texts: Vec<&str> = questions
        .iter()
        .map(|q| running_text_in(layout, &q.text_span))
        .collect();
    // Words are hashed only for what has no twin (below); a question's
    // words are kept for whoever asks later.
    let words = |i: usize| -> &[u64] {
        questions[i]
            .words
            .get_or_init(|| word_hashes(texts[i]))
            .as_slice()
    };
    let is_paragraph = |q: &Question| q.kind == QuestionKind::LetterParagraph;
    // Questions come in rounds: a committee letter's paragraphs, then the
    // answering letter's repeats. A paragraph is looked for among the
    // repeats of its own round first, and among all repeats only if none
    // of those takes it up (an answer placed before the letter it answers):
    // a document of many rounds then costs each round, not every pair.
    let mut rounds: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    for (i, q) in questions.iter().enumerate() {
        let new_round = match rounds.last() {
            None => true,
            Some((_, repeats)) => is_paragraph(q) && !repeats.is_empty(),
        };
        if new_round {
            rounds.push((Vec::new(), Vec::new()));
        }
        let (paragraphs, repeats) = rounds.last_mut().expect("a round");
        if is_paragraph(q) {
            paragraphs.push(i);
        } else {
            repeats.push(i);
        }
    }
    let all_repeats: Vec<usize> = (0..questions.len())
        .filter(|&r| !is_paragraph(&questions[r]))
        .collect();
    let mut unpaired = Vec::new();
    let mut pairs = Vec::new();
    for (paragraphs, repeats) in &rounds {
        // A repeat is mostly the paragraph again, word for word: such a
        // twin is found by comparing letters, without hashing any words.
        let mut rest = Vec::new();
        for (place, &p) in paragraphs.iter().enumerate() {
            match twin(&texts, p, repeats, place) {
                Some(r) => pairs.push((p, r)),
                None => rest.push(p),
            }
        }
        for (p, best) in rest.iter().zip(best_repeats(&words, &rest, repeats)) {
            match best {
                Some(r) => pairs.push((*p, r)),
                None => unpaired.push(*p),
            }
        }
    }
    if rounds.len() > 1 {
        for (p, best) in unpaired
            .iter()
            .zip(best_repeats(&words, &unpaired, &all_repeats))
        {
            pairs.extend(best.map(|r| (*p, r)));
        }
    }
    pairs.sort_unstable();
    for (p, r) in pairs {
        questions[p].related = vec![r];
        questions[p].answer = questions[r].answer;
        questions[p].numbers = questions[r].numbers.clone();
        questions[r].related.push(p);
    }
}

/// The repeat among `repeats` whose running text has the same letters as
/// paragraph `p`'s (case aside; digits, such as footnote markers, and
/// punctuation and line breaks left out), trying the repeat at the
/// paragraph's own place in its round first.
fn twin(texts: &[&str], p: usize, repeats: &[usize], place: usize) -> Option<usize> {
    repeats
        .get(place)
        .into_iter()
        .chain(repeats)
        .copied()
        .find(|&r| same_letters(texts[p], texts[r]))
}

/// Whether `a` and `b` hold the same letters, ASCII case aside, and at
/// least three (text without letters has no words to be taken up by).
/// Identical stretches are skipped eight bytes at a time; only where the
/// two differ are digits and punctuation passed over letter by letter.
fn same_letters(a: &str, b: &str) -> bool {
    let letter = |c: u8| !c.is_ascii() || c.is_ascii_alphabetic();
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.iter().filter(|&&c| letter(c)).take(3).count() < 3 {
        return false;
    }
    let (mut i, mut j) = (0, 0);
    loop {
        let n = common_prefix(&a[i..], &b[j..]);
        i += n;
        j += n;
        while a.get(i).is_some_and(|&c| !letter(c)) {
            i += 1;
        }
        while b.get(j).is_some_and(|&c| !letter(c)) {
            j += 1;
        }
        match (a.get(i), b.get(j)) {
            (None, None) => return true,
            (Some(x), Some(y)) if x.eq_ignore_ascii_case(y) => {
                i += 1;
                j += 1;
            }
            _ => return false,
        }
    }
}

/// How many bytes `a` and `b` start with in common.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let mut n = 0;
    for (x, y) in a.chunks_exact(8).zip(b.chunks_exact(8)) {
        let diff = u64::from_le_bytes(x.try_into().expect("eight"))
            ^ u64::from_le_bytes(y.try_into().expect("eight"));
        if diff != 0 {
            return n + (diff.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + a[n..]
        .iter()
        .zip(&b[n..])
        .take_while(|(x, y)| x == y)
        .count()
}

/// For each paragraph, the repeat whose words hold most of its words (at
/// least 60 %), if any.
fn best_repeats<'w>(
    words: &dyn Fn(usize) -> &'w [u64],
    paragraphs: &[usize],
    repeats: &[usize],
) -> Vec<Option<usize>> {
    best_repeats_counted(words, paragraphs, repeats, FEW_PAIRS)
}

/// [`best_repeats`], counting pair by pair up to `few_pairs` pairs.
fn best_repeats_counted<'w>(
    words: &dyn Fn(usize) -> &'w [u64],
    paragraphs: &[usize],
    repeats: &[usize],
    few_pairs: usize,
) -> Vec<Option<usize>> {
    if paragraphs.is_empty() {
        return Vec::new();
    }
    // shared[i][k]: words the i-th paragraph shares with the k-th repeat.
    let mut shared = vec![vec![0u32; repeats.len()]; paragraphs.len()];
    if paragraphs.len() * repeats.len() <= few_pairs {
        // Few pairs (the usual case): each pair's sorted word lists merged.
        for (i, &p) in paragraphs.iter().enumerate() {
            for (k, &r) in repeats.iter().enumerate() {
                shared[i][k] = shared_words(words(p), words(r)) as u32;
            }
        }
        return best_of(words, paragraphs, repeats, &shared);
    }
    // Each word maps to the set of repeats using it, 64 repeats to a mask,
    // so a paragraph's counts take one look-up per word.
    let mut users: HashMap<u64, u64, BuildHasherDefault<WordHashHasher>> = HashMap::default();
    for (chunk, rs) in repeats.chunks(64).enumerate() {
        users.clear();
        for (bit, &r) in rs.iter().enumerate() {
            for &w in words(r) {
                *users.entry(w).or_insert(0) |= 1 << bit;
            }
        }
        for (i, &p) in paragraphs.iter().enumerate() {
            for w in words(p) {
                let Some(&found) = users.get(w) else {
                    continue;
                };
                let mut mask = found;
                while mask != 0 {
                    shared[i][chunk * 64 + mask.trailing_zeros() as usize] += 1;
                    mask &= mask - 1;
                }
            }
        }
    }
    best_of(words, paragraphs, repeats, &shared)
}

/// Up to this many paragraph-repeat pairs, [`best_repeats`] merges word
/// lists pair by pair; above it, one look-up per word.
const FEW_PAIRS: usize = 64;

/// The repeat with most of each paragraph's words, from the counts.
fn best_of<'w>(
    words: &dyn Fn(usize) -> &'w [u64],
    paragraphs: &[usize],
    repeats: &[usize],
    shared: &[Vec<u32>],
) -> Vec<Option<usize>> {
    paragraphs
        .iter()
        .enumerate()
        .map(|(i, &p)| {
            let n = words(p).len();
            if n == 0 {
                return None;
            }
            let (r, score) = repeats
                .iter()
                .enumerate()
                .map(|(k, &r)| (r, f64::from(shared[i][k]) / n as f64))
                .max_by(|a, b| a.1.total_cmp(&b.1))?;
            (score >= 0.6).then_some(r)
        })
        .collect()
}

/// Word hashes are hashes already: used as they are.
#[derive(Default)]
struct WordHashHasher(u64);

impl Hasher for WordHashHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only u64 keys are hashed here; fold anything else all the same.
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// The words of the running text of a source span.
pub(super) fn words_in(layout: &Layout, span: &Span) -> Vec<u64> {
    word_hashes(running_text_in(layout, span))
}

/// The running text (the body stream) of a source span.
fn running_text_in<'a>(layout: &'a Layout, span: &Span) -> &'a str {
    let body = &layout.body;
    let from = body.from_source(span.start);
    let to = body.from_source(span.end).max(from);
    body.text.get(from..to).unwrap_or_default()
}

static ASKS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\?|\b(?:vra(?:gen|agt)|verzoek(?:en|t)) (?:u|de regering|het kabinet|de minister|de staatssecretaris)\b|\bzo vra(?:gen|agt)\b")
        .unwrap()
});

/// Whether a paragraph asks something: a `?`, or the words of [`ASKS`]
/// (whose literals all hold `vra` or `verzoek`, tested first).
fn asks(para: &str) -> bool {
    let b = para.as_bytes();
    memchr::memchr(b'?', b).is_some()
        || ((memchr::memmem::find(b, b"vra").is_some()
            || memchr::memmem::find(b, b"verzoek").is_some())
            && ASKS.is_match(para))
}

/// The paragraphs of a committee's letter that ask something.
fn letter_questions(text: &str, layout: &Layout, letter: &Letter) -> Vec<Question> {
    let body = &layout.body;
    let from = body.from_source(letter.heading_span.end);
    let to = body.from_source(letter.span.end).max(from);
    let mut out = Vec::new();
    let letter_text = &body.text[from..to];
    // Paragraphs: the pieces between blank lines (`\n\n`).
    let breaks = memchr::memmem::find_iter(letter_text.as_bytes(), b"\n\n");
    let mut piece_start = 0;
    for piece_end in breaks.chain([letter_text.len()]) {
        let para = &letter_text[piece_start..piece_end];
        let at = from + piece_start;
        piece_start = piece_end + 2;
        let start = at + (para.len() - para.trim_start().len());
        let end = at + para.trim_end().len();
        if end <= start || !asks(para) {
            continue;
        }
        let src_start = body.to_source(start);
        let src_end = body.to_source(end - 1) + 1;
        let src_end = (src_end..=text.len())
            .find(|&e| text.is_char_boundary(e))
            .unwrap_or(text.len());
        out.push(Question {
            kind: QuestionKind::LetterParagraph,
            numbers: Vec::new(),
            heading_span: None,
            span: src_start..src_end,
            text_span: src_start..src_end,
            answer: None,
            related: Vec::new(),
            words: Default::default(),
        });
    }
    out
}

/// The running text of a source range: footnote blocks, footers and
/// markers left out, lines joined, paragraphs kept apart by a blank line.
pub(super) fn running_text(layout: &Layout, markers: &[FootnoteMarker], span: Span) -> String {
    let body = &layout.body;
    let from = body.from_source(span.start);
    let to = body.from_source(span.end).max(from);
    let mut out = String::with_capacity(to - from);
    let first = markers.partition_point(|m| m.span.end <= span.start);
    let mut cut: Vec<std::ops::Range<usize>> = markers[first..]
        .iter()
        .take_while(|m| m.span.start < span.end)
        .map(|m| body.from_source(m.span.start)..body.from_source(m.span.end))
        .collect();
    cut.retain(|r| r.start >= from && r.end <= to);
    let mut pos = from;
    for r in cut {
        out.push_str(&body.text[pos..r.start]);
        pos = r.end;
    }
    out.push_str(&body.text[pos..to]);
    // Words joined by one space, paragraphs without words dropped, the rest
    // kept apart by a blank line: two words are in different paragraphs
    // when the white space between them holds `\n\n`. One pass, ASCII by
    // byte (white space as `char::is_whitespace`).
    let src = out.as_bytes();
    let mut joined: Vec<u8> = Vec::with_capacity(src.len());
    let (mut in_gap, mut blank_line, mut after_newline) = (false, false, false);
    let mut i = 0;
    while i < src.len() {
        let b = src[i];
        let (len, space) = if b.is_ascii() {
            (1, matches!(b, b'\t'..=b'\r' | b' '))
        } else {
            let c = out[i..].chars().next().expect("a character");
            (c.len_utf8(), c.is_whitespace())
        };
        if space {
            in_gap = true;
            blank_line |= b == b'\n' && after_newline;
            after_newline = b == b'\n';
        } else {
            if in_gap && !joined.is_empty() {
                joined.extend_from_slice(if blank_line { b"\n\n" } else { b" " });
            }
            (in_gap, blank_line, after_newline) = (false, false, false);
            joined.extend_from_slice(&src[i..i + len]);
        }
        i += len;
    }
    String::from_utf8(joined).expect("whole characters copied")
}

static QUESTION_REF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:antwoord(?:en)? op (?:de )?vra(?:ag|gen)|zie (?:ook )?(?:de )?vra(?:ag|gen))\s+([0-9]+(?:\s*(?:,\s*en|,|en|t/m)\s*[0-9]+)*)")
        .unwrap()
});

fn question_refs(
    text: &str,
    layout: &Layout,
    questions: &[Question],
    answers: &[Answer],
) -> Vec<QuestionRef> {
    let headings: Vec<&Span> = questions
        .iter()
        .filter_map(|q| q.heading_span.as_ref())
        .chain(answers.iter().map(|a| &a.heading_span))
        .collect();
    let mut out = Vec::new();
    // A reference counts in running text only, and stays on its line. Each
    // holds `vraag`/`vragen` and a number: only the lines with such a place
    // are searched, each with the line after it, so that a reference that
    // runs on over the line end is seen as one (and left out) as a search
    // of the whole text would see it.
    let mut searched = usize::MAX;
    for at in reference_places(text) {
        let l = layout.line_at(at);
        if l == searched || layout.lines.is_empty() {
            continue;
        }
        searched = l;
        let from = layout.lines[l].span.start;
        let to = layout.lines.get(l + 1).unwrap_or(&layout.lines[l]).span.end;
        for c in QUESTION_REF.captures_iter(&text[from..to]) {
            let m = c.get(0).expect("the whole match");
            if from + m.start() >= layout.lines[l].span.end {
                break;
            }
            let span = from + m.start()..from + m.end();
            out.extend(question_ref(layout, &headings, questions, span, &c[1]));
        }
    }
    out
}

/// Where `vraag` or `vragen` (any case) stands before white space and a
/// digit: the places every [`QUESTION_REF`] holds.
fn reference_places(text: &str) -> impl Iterator<Item = usize> + '_ {
    // `vraag`/`vragen` in any case: a literal search (the words hold no
    // other `v`, so no place hides inside another's match).
    static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i-u)vraag|vragen").unwrap());
    WORD.find_iter(text).filter_map(move |m| {
        let rest = &text[m.end()..];
        let spaced = rest.trim_start_matches(char::is_whitespace);
        (spaced.len() < rest.len() && spaced.starts_with(|c: char| c.is_ascii_digit()))
            .then_some(m.start())
    })
}

/// A reference found at `span`, if it stands in running text on one line
/// and outside a heading.
fn question_ref(
    layout: &Layout,
    headings: &[&Span],
    questions: &[Question],
    span: Span,
    listed: &str,
) -> Option<QuestionRef> {
    let line = &layout.lines[layout.line_at(span.start)];
    if line.kind != LineKind::Body || span.end > line.span.end {
        return None;
    }
    if headings
        .iter()
        .any(|h| h.start <= span.start && span.end <= h.end)
    {
        return None;
    }
    let numbers = numbers(listed);
    let question = questions.iter().position(|q| {
        q.kind != QuestionKind::LetterParagraph
            && numbers.first().is_some_and(|n| q.numbers.contains(n))
    });
    Some(QuestionRef {
        span,
        numbers,
        question,
    })
}

// A nota naar aanleiding van het verslag, a memorie van antwoord: the
// committee's question paragraphs are numbered in the margin (`1`, `5, 6
// en 7`, `Vraag 36` on a line of their own in an extraction), each followed
// by its answer, under `Antwoord` or as the government's text straight after.

/// The phrases a nota's title starts with.
const NOTA_TITLES: [&str; 2] = ["NOTA NAAR AANLEIDING VAN HET", "MEMORIE VAN ANTWOORD"];

/// `Nr. 6 NOTA NAAR AANLEIDING VAN HET VERSLAG`, `D MEMORIE VAN ANTWOORD`,
/// `NADERE MEMORIE VAN ANTWOORD`: the whole line in capitals, after an
/// optional `Nr. N` or an Eerste Kamer letter.
fn is_nota_title(s: &str) -> bool {
    let mut t = s.trim();
    if let Some(rest) = t.strip_prefix("Nr.") {
        let rest = rest.trim_start();
        let n = ascii_digits(rest.as_bytes(), 0, usize::MAX);
        if n == 0 {
            return false;
        }
        t = rest[n..].trim_start();
    } else if let Some((first, rest)) = t.split_once(' ') {
        if (1..=2).contains(&first.len()) && first.bytes().all(|b| b.is_ascii_uppercase()) {
            t = rest.trim_start();
        }
    }
    for ordinal in ["TWEEDE ", "DERDE ", "VIERDE ", "NADERE ", "NADER "] {
        t = t.strip_prefix(ordinal).unwrap_or(t);
    }
    NOTA_TITLES.iter().any(|p| t.starts_with(p)) && t.chars().all(heading_char)
}

/// Where the document's nota title starts (its line), if it has one. The
/// phrases are looked for in the whole text first: most documents hold
/// neither, and cost one search.
fn nota_title(text: &str, layout: &Layout) -> Option<usize> {
    NOTA_TITLES
        .iter()
        .flat_map(|p| memchr::memmem::find_iter(text.as_bytes(), p.as_bytes()))
        .filter_map(|at| {
            let line = layout.lines.get(layout.line_at(at))?;
            let kind = matches!(line.kind, LineKind::Body | LineKind::Header);
            (kind && is_nota_title(&text[line.span.clone()])).then_some(line.span.start)
        })
        .min()
}

/// The numbers in the margin, alone on their line: `1`, `5, 6 en 7`,
/// `12.`, `Vraag 36`, `Vragen 4 en 5`.
fn margin_numbers(s: &str) -> Option<(Vec<u32>, QuestionKind)> {
    let (n, kind) = match question_heading(s) {
        Some((at, kind)) => (numbers(&s[at]), kind),
        None => {
            let t = s.trim();
            if number_list(t, 0)? != t.len() {
                return None;
            }
            (numbers(t), QuestionKind::Numbered)
        }
    };
    (!n.is_empty() && n.iter().all(|&n| (1..1000).contains(&n))).then_some((n, kind))
}

static ARTICLE_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Artikel(?:en)?|Onderdeel|Onderdelen)\s+[0-9IVXLC]+[a-zA-Z]*(?:\s*(?:,|en|t/m)\s*[0-9IVXLC]+[a-zA-Z]*)*(?:,?\s+(?:onderde(?:el|len)|lid)\s+[A-Za-z0-9]+(?:\s*(?:,|en|t/m)\s*[A-Za-z0-9]+)*)?(?:\s*\([^)]*\))?$")
        .unwrap()
});

/// A heading of the nota's own: `1. Inleiding`, `2.3 Doel van het
/// wetsvoorstel`, `II. ARTIKELSGEWIJS`, `Artikel I, onderdeel A`.
fn is_section_heading(s: &str) -> bool {
    let t = s.trim();
    if t.len() > 100 || t.ends_with(['.', ',', ';', ':', '?', '!']) {
        return false;
    }
    let b = t.as_bytes();
    let n = ascii_digits(b, 0, usize::MAX);
    if (1..=2).contains(&n) {
        // `2`, `2.`, `2.3`, `2.3.1`, then a capital.
        let mut p = n;
        while b.get(p) == Some(&b'.') {
            p += 1 + ascii_digits(b, p + 1, usize::MAX);
        }
        let rest = &t[p..];
        let word = rest.trim_start();
        return word.len() < rest.len() && word.starts_with(char::is_uppercase);
    }
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    (is_capitals_line(t) && letters >= 4) || ARTICLE_HEADING.is_match(t)
}

/// `Artikelsgewijs`, `Overige vragen`: up to five words, the first with a
/// capital, no more than 60 bytes, and no sentence's end or comma.
fn is_short_heading(s: &str) -> bool {
    let t = s.trim();
    t.len() <= 60
        && t.starts_with(char::is_uppercase)
        && t.split_whitespace().count() <= 5
        && !t.ends_with(|c: char| ".,;:?!»”\"’')".contains(c) || c.is_ascii_digit())
}

/// Whether a line ends a sentence: `.`, `?`, `!` or `:`, then perhaps a
/// closing quote or bracket and a glued footnote marker (`taak is.1`).
fn ends_sentence(s: &str) -> bool {
    let t = s
        .trim_end()
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end_matches(['»', '”', '"', '’', '\'', ')']);
    t.ends_with(['.', '?', '!', ':'])
}

/// Where an extraction's paragraph ends: a line that ends a sentence and
/// stops short of the text's width (or a paragraph written on one line).
fn ends_paragraph(s: &str, width: usize) -> bool {
    let t = s.trim();
    if !ends_sentence(t) {
        return false;
    }
    let chars = t.chars().count();
    t.trim_end().ends_with('?') || chars * 5 < width * 4 || chars > 200
}

/// The government's words at the start of its answer.
const GOVERNMENT: [&str; 20] = [
    "De regering",
    "Het kabinet",
    "Ik ",
    "Wij ",
    "De initiatiefnemer",
    "De indiener",
    "De minister",
    "De Minister",
    "De staatssecretaris",
    "De Staatssecretaris",
    "Ja,",
    "Ja.",
    "Nee,",
    "Nee.",
    "In antwoord op",
    "In reactie op",
    "Graag ",
    "Het klopt",
    "Dat klopt",
    "Dit klopt",
];

static STRONG_ASK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\?|\b(?:[Zz]ij|leden|fractie)\s+(?:[a-z]+\s+){0,2}?(?:vra(?:gen|agt)|verzoek(?:en|t)|wil(?:len)?\s+(?:graag\s+)?(?:weten|vernemen)|horen\s+graag|vernemen\s+graag|ontvangen\s+graag)\b")
        .unwrap()
});

/// A committee's question without a question mark: `vragen de regering`,
/// `vragen of`, `verzoeken het kabinet`.
static ASKS_INDIRECTLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:vra(?:gen|agt)|verzoek(?:en|t))\s+(?:de regering|het kabinet|de minister|de staatssecretaris|de initiatiefnemers?|of|hoe|waarom|welke|wanneer|in hoeverre)\b")
        .unwrap()
});

/// A paragraph that speaks of the committee's members as its subject:
/// `De leden van de VVD-fractie …`, `Deze leden …`, `Zij …`.
static MEMBERS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:Ook\s+)?(?:[Dd]e|[Dd]eze|[Dd]ie|[Gg]enoemde|[Vv]oornoemde|[Bb]ovengenoemde)\s+(?:aan het woord zijnde\s+)?leden|Leden|Zij|De\s+(?:\S+-)?fracties?|De\s+commissie)\b")
        .unwrap()
});

/// Whose words a paragraph after a margin number is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Voice {
    /// The committee's, asking (`?`, `Zij vragen …`, `vragen de regering`).
    Asks,
    /// The committee's, its members the subject (`Deze leden lezen …`).
    Members,
    /// The government's: it starts as an answer does (`De regering …`).
    Government,
    /// Neither, to judge by its words.
    Neutral,
}

fn voice(para: &str) -> Voice {
    let t = para.trim_start();
    if STRONG_ASK.is_match(para) {
        Voice::Asks
    } else if GOVERNMENT.iter().any(|g| t.starts_with(g)) {
        Voice::Government
    } else if ASKS_INDIRECTLY.is_match(para) {
        Voice::Asks
    } else if MEMBERS.is_match(t) {
        Voice::Members
    } else {
        Voice::Neutral
    }
}

enum NotaLine {
    Margin(Vec<u32>, QuestionKind),
    Answer(Vec<u32>),
    Heading,
    Blank,
    Text,
}

/// The questions and answers of a nota from its title at `from` on, each
/// question with its answer (`answer` indexes the answers returned). A
/// margin number counts when it carries the numbering on (one higher than
/// the last, or up to ten more), the paragraph after it speaks for the
/// committee, and an answer follows; a question that is doubtful on any
/// of these counts is left out.
fn nota_questions(text: &str, layout: &Layout, from: usize) -> (Vec<Question>, Vec<Answer>) {
    let first = layout.line_at(from);
    let lines: Vec<(Span, NotaLine)> = layout.lines[first + 1..]
        .iter()
        .filter(|l| matches!(l.kind, LineKind::Body | LineKind::Blank))
        .map(|l| {
            let span = trimmed(text, &l.span);
            let s = &text[l.span.clone()];
            let kind = if l.kind == LineKind::Blank || span.is_empty() {
                NotaLine::Blank
            } else if let Some((n, kind)) = margin_numbers(s) {
                NotaLine::Margin(n, kind)
            } else if let Some(at) = answer_heading(s.trim_end()) {
                NotaLine::Answer(at.map(|at| numbers(&s[at])).unwrap_or_default())
            } else if is_section_heading(s) {
                NotaLine::Heading
            } else {
                NotaLine::Text
            };
            (span, kind)
        })
        .collect();
    // The text's width: most lines of running text reach it.
    let mut widths: Vec<usize> = lines
        .iter()
        .filter(|(_, k)| matches!(k, NotaLine::Text))
        .map(|(s, _)| text[s.clone()].chars().count())
        .collect();
    widths.sort_unstable();
    let width = widths.get(widths.len() * 9 / 10).copied().unwrap_or(0);
    let mut lines = lines;
    // A margin number stands between paragraphs: after a sentence's end
    // and before a capital (a page number an extraction left inside a
    // sentence does not).
    for k in 0..lines.len() {
        if !matches!(lines[k].1, NotaLine::Margin(..)) {
            continue;
        }
        let before = lines[..k]
            .iter()
            .rev()
            .find(|(_, kind)| !matches!(kind, NotaLine::Blank))
            .is_none_or(|(span, kind)| {
                !matches!(kind, NotaLine::Text) || ends_sentence(&text[span.clone()])
            });
        let after = lines[k + 1..]
            .iter()
            .find(|(_, kind)| !matches!(kind, NotaLine::Blank))
            .is_some_and(|(span, _)| {
                text[span.clone()].starts_with(|c: char| c.is_uppercase() || "«“\"'‘".contains(c))
            });
        if !(before && after) {
            lines[k].1 = NotaLine::Text;
        }
    }
    // A heading without a number (`Artikelsgewijs`, `Overige vragen`): a
    // few words without a sentence's end, after a paragraph's end.
    for k in 1..lines.len() {
        let (prev, this) = (&lines[k - 1], &lines[k]);
        let after_paragraph = match &prev.1 {
            NotaLine::Text => ends_paragraph(&text[prev.0.clone()], width),
            NotaLine::Blank | NotaLine::Heading | NotaLine::Answer(_) => true,
            NotaLine::Margin(..) => false,
        };
        if matches!(this.1, NotaLine::Text)
            && after_paragraph
            && is_short_heading(&text[this.0.clone()])
        {
            lines[k].1 = NotaLine::Heading;
        }
    }

    let mut questions: Vec<Question> = Vec::new();
    let mut answers = Vec::new();
    let mut last = 0u32;
    // Questions that ask and wait: the government may answer them together
    // with the next (`8` and `9`, then one answer).
    let mut waiting: Vec<Question> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let NotaLine::Margin(numbers, kind) = &lines[i].1 else {
            if matches!(lines[i].1, NotaLine::Heading) {
                waiting.clear();
            }
            i += 1;
            continue;
        };
        // Up to the next margin number or heading.
        let end = (i + 1..lines.len())
            .find(|&j| matches!(lines[j].1, NotaLine::Margin(..) | NotaLine::Heading))
            .unwrap_or(lines.len());
        let region = &lines[i + 1..end];
        // The first may be any (a nader verslag can number on from the
        // verslag); each next one carries the numbering on.
        let fits = last == 0 || (numbers[0] > last && numbers[0] <= last + 10);
        let found = if fits {
            nota_pair(text, layout, region, width)
        } else {
            None
        };
        let head = lines[i].0.clone();
        let question = |q_end: usize| Question {
            kind: *kind,
            numbers: numbers.clone(),
            span: head.start..q_end,
            text_span: head.end..q_end.max(head.end),
            heading_span: Some(head.clone()),
            answer: None,
            related: Vec::new(),
            words: Default::default(),
        };
        match found {
            None => waiting.clear(),
            Some((q_end, None)) => {
                last = *numbers.iter().max().expect("a number");
                waiting.push(question(q_end));
            }
            Some((q_end, Some(answer))) => {
                last = *numbers.iter().max().expect("a number");
                let a_end = region.last().map_or(head.end, |(s, _)| s.end);
                let a_end = text[..a_end].trim_end().len();
                let (heading_span, written) = match answer {
                    NotaAnswer::Heading(span, n) => (span, n),
                    NotaAnswer::Text(at) => (at..at, Vec::new()),
                };
                // An answer numbered so takes the waiting questions it
                // names; one without numbers, all of them.
                waiting.retain(|q| {
                    written.is_empty() || q.numbers.iter().any(|n| written.contains(n))
                });
                let mut these = std::mem::take(&mut waiting);
                these.push(question(q_end));
                let a_numbers = if written.is_empty() {
                    these
                        .iter()
                        .flat_map(|q| q.numbers.iter().copied())
                        .collect()
                } else {
                    written
                };
                for mut q in these {
                    q.answer = Some(answers.len());
                    questions.push(q);
                }
                answers.push(Answer {
                    numbers: a_numbers,
                    span: heading_span.start..a_end.max(heading_span.end),
                    text_span: heading_span.end..a_end.max(heading_span.end),
                    heading_span,
                    question: None,
                    questions: Vec::new(),
                });
            }
        }
        i = end;
    }
    (questions, answers)
}

enum NotaAnswer {
    /// `Antwoord`, `Antwoord 5`: the heading and its numbers.
    Heading(Span, Vec<u32>),
    /// The government's text straight after the question, from here.
    Text(usize),
}

/// In the lines after a margin number (up to the next one or a heading):
/// where the question ends and its answer, if the first paragraph speaks
/// for the committee and an answer follows.
fn nota_pair(
    text: &str,
    layout: &Layout,
    region: &[(Span, NotaLine)],
    width: usize,
) -> Option<(usize, Option<NotaAnswer>)> {
    let question_end = |at: usize| text[..at].trim_end().len();
    // Paragraphs: runs of text lines that a blank line or a paragraph's
    // end ends; an `Antwoord` heading ends the question.
    let mut paragraphs: Vec<Span> = Vec::new();
    let mut open = false;
    for (span, kind) in region {
        match kind {
            NotaLine::Answer(n) => {
                // Above an `Antwoord`, a question that asks or names the
                // committee's members will do.
                let asked = paragraphs.first()?;
                let q = running_text_in(layout, &(asked.start..span.start));
                let members = q.contains("leden") || q.contains("fractie");
                if !(members || matches!(voice(q), Voice::Asks | Voice::Members)) {
                    return None;
                }
                return Some((
                    question_end(span.start),
                    Some(NotaAnswer::Heading(span.clone(), n.clone())),
                ));
            }
            NotaLine::Blank => open = false,
            _ => {
                match paragraphs.last_mut() {
                    Some(p) if open => p.end = span.end,
                    _ => paragraphs.push(span.clone()),
                }
                open = !ends_paragraph(&text[span.clone()], width);
            }
        }
    }
    let voices: Vec<Voice> = paragraphs
        .iter()
        .map(|p| voice(running_text_in(layout, p)))
        .collect();
    // The committee speaks first, and asks before the answer comes.
    let committee = |v: &Voice| matches!(v, Voice::Asks | Voice::Members);
    if !voices.first().is_some_and(committee) {
        return None;
    }
    // The answer starts after the committee's last paragraph before the
    // government's first that follows its last question (a paragraph of
    // the committee's may quote the government: `De regering stelt …`).
    let last_ask = voices.iter().rposition(|&v| v == Voice::Asks)?;
    let government = (last_ask + 1..voices.len())
        .find(|&p| voices[p] == Voice::Government)
        .unwrap_or(voices.len());
    let answer = voices[..government].iter().rposition(committee)? + 1;
    if answer >= voices.len() {
        // The committee's words only: a question that waits for its answer.
        let end = paragraphs.last().expect("a paragraph").end;
        return Some((question_end(end), None));
    }
    let at = paragraphs[answer].start;
    Some((question_end(at), Some(NotaAnswer::Text(at))))
}

fn trimmed(text: &str, span: &Span) -> Span {
    let s = &text[span.clone()];
    let start = span.start + (s.len() - s.trim_start().len());
    start..span.start + s.trim_end().len()
}

#[cfg(test)]
mod heading_tests {
    use super::*;

    static QUESTION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^\s?(?:Vra(?:ag|gen)\s+([0-9]+(?:\s*(?:,\s*en|,|en|t/m|&)?\s*[0-9]+)*)|([0-9]{1,3})\.)\s*$",
        )
        .unwrap()
    });
    static ANSWER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s?Antwoord(?:en)?(?:\s+op\s+(?:de\s+)?vra(?:ag|gen))?(?:\s+([0-9]+(?:\s*(?:,\s*en|,|en|t/m|&)?\s*[0-9]+)*))?\s*[:.]?\s*$")
            .unwrap()
    });

    fn question_by_pattern(s: &str) -> Option<(Span, QuestionKind)> {
        let c = QUESTION.captures(s)?;
        Some(match (c.get(1), c.get(2)) {
            (Some(m), _) => (m.range(), QuestionKind::Vraag),
            (_, Some(m)) => (m.range(), QuestionKind::Numbered),
            _ => unreachable!("one of the two"),
        })
    }

    fn answer_by_pattern(s: &str) -> Option<Option<Span>> {
        ANSWER.captures(s).map(|c| c.get(1).map(|m| m.range()))
    }

    #[test]
    fn real_question_and_answer_headings() {
        assert_eq!(
            question_heading("Vraag 3"),
            Some((6..7, QuestionKind::Vraag))
        );
        assert_eq!(
            question_heading(" Vragen 4 en 5 "),
            Some((8..14, QuestionKind::Vraag))
        );
        assert_eq!(
            question_heading("12. "),
            Some((0..2, QuestionKind::Numbered))
        );
        assert_eq!(question_heading("1234."), None);
        assert_eq!(answer_heading("Antwoord"), Some(None));
        assert_eq!(
            answer_heading("Antwoorden op de vragen 3 t/m 5:"),
            Some(Some(24..31))
        );
        assert_eq!(answer_heading("Antwoord van de minister"), None);
        // A serial comma before the last number.
        assert_eq!(
            answer_heading("Antwoord op vragen 7, 8, en 9"),
            Some(Some(19..29))
        );
        assert_eq!(
            question_heading("Vragen 7, 8, en 9"),
            Some((7..17, QuestionKind::Vraag))
        );
    }

    /// The patterns the readers above replace (with Unicode's `Uppercase`,
    /// as `char::is_uppercase`, where they had `\p{Lu}`: the difference, such
    /// as `Ⅱ`, counts as a capital now).
    static LETTER_HEADING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s?(?:BRIEF|VERSLAG|NOTA|MEMORIE|MOTIE|AMENDEMENT|VOORLOPIG VERSLAG)\b[\p{Uppercase}0-9 ,.’'/()–-]*$").unwrap()
    });
    static CAPITALS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s?[\p{Uppercase}][\p{Uppercase}0-9 ,.’'/()–-]{2,}$").unwrap()
    });

    #[test]
    fn nota_titles_margin_numbers_and_headings() {
        assert!(is_nota_title("Nr. 6 NOTA NAAR AANLEIDING VAN HET VERSLAG "));
        assert!(is_nota_title("NOTA NAAR AANLEIDING VAN HET NADER VERSLAG"));
        assert!(is_nota_title(" D MEMORIE VAN ANTWOORD"));
        assert!(is_nota_title("NADERE MEMORIE VAN ANTWOORD"));
        assert!(!is_nota_title("Nr. 5 VERSLAG"));
        assert!(!is_nota_title("MEMORIE VAN TOELICHTING"));
        assert!(!is_nota_title("Nota naar aanleiding van het verslag"));
        assert!(!is_nota_title(
            "BESLISNOTA BIJ NOTA NAAR AANLEIDING VAN HET VERSLAG"
        ));

        let numbered = |s: &str| margin_numbers(s).map(|(n, _)| n);
        assert_eq!(numbered("1 "), Some(vec![1]));
        assert_eq!(numbered("5, 6 en 7"), Some(vec![5, 6, 7]));
        assert_eq!(numbered(" 12."), Some(vec![12]));
        assert_eq!(
            margin_numbers("Vraag 36"),
            Some((vec![36], QuestionKind::Vraag))
        );
        assert_eq!(numbered("2024"), None);
        assert_eq!(numbered("99999999999"), None);
        assert_eq!(numbered("1 Kamerstukken II 2022/23, 36 450, nr. 3."), None);
        assert_eq!(numbered("€ 2,1 miljoen"), None);

        assert!(is_section_heading("1. Inleiding "));
        assert!(is_section_heading("2.3 Doel van het wetsvoorstel"));
        assert!(is_section_heading("II. ARTIKELSGEWIJS"));
        assert!(is_section_heading("Artikel I, onderdeel A"));
        assert!(is_section_heading("Artikel 2"));
        assert!(!is_section_heading(
            "1 Kamerstukken II 2022/23, 36 450, nr. 3, blz. 4."
        ));
        assert!(!is_section_heading(
            "Artikel 3 van het wetsvoorstel bepaalt dat"
        ));
        assert!(!is_section_heading("2 miljoen euro per jaar"));

        assert!(is_short_heading("Artikelsgewijs"));
        assert!(is_short_heading("Overige vragen "));
        assert!(!is_short_heading("M.A.M. Adriaansens."));
        assert!(!is_short_heading(
            "De Minister van Economische Zaken en Klimaat,"
        ));
        assert!(!is_short_heading("de kosten van het adviescollege"));
        assert!(ends_sentence("jaarlijks worden verantwoord. "));
        assert!(ends_sentence("een blijvende taak is.1 "));
        assert!(ends_sentence("«zo snel mogelijk».»"));
        assert!(!ends_sentence("kosten van het college"));
        // Short of the width, or a question, ends a paragraph.
        assert!(ends_paragraph("instellingsbesluit.", 70));
        assert!(ends_paragraph(&format!("{}?", "x".repeat(69)), 70));
        assert!(!ends_paragraph(&format!("{}.", "x".repeat(69)), 70));
    }

    #[test]
    fn voices_of_a_nota() {
        assert!(voice("De leden van de VVD-fractie vragen of dit klopt.") == Voice::Asks);
        assert!(voice("Zij vragen de regering dit toe te lichten.") == Voice::Asks);
        assert!(voice("De regering stelt dat X. Hoe verhoudt zich dat tot Y?") == Voice::Asks);
        assert!(
            voice("De regering deelt de mening van de leden van de SP-fractie.")
                == Voice::Government
        );
        assert!(voice("Deze leden lezen dat de regeldruk daalt.") == Voice::Members);
        assert!(voice("Dat is niet het geval.") == Voice::Neutral);
        assert!(
            voice("De regering beantwoordt de vragen van de leden hieronder.") == Voice::Government
        );
    }

    #[test]
    fn reference_places_in_any_case_before_a_number() {
        let t = "zie vraag 3, VRAGEN\n4 en vRaAg\u{a0}12; vraagt 5, vraag x, Vragen 7";
        let found: Vec<&str> = reference_places(t).map(|i| &t[i..i + 5]).collect();
        assert_eq!(found, ["vraag", "VRAGE", "vRaAg", "Vrage"]);
    }

    #[test]
    fn real_headings() {
        assert!(is_letter_heading(
            " BRIEF VAN DE VASTE COMMISSIE VOOR IMMIGRATIE EN ASIEL/JBZ-RAAD"
        ));
        assert!(is_letter_heading(
            "VOORLOPIG VERSLAG VAN DE VASTE COMMISSIE"
        ));
        assert!(!is_letter_heading("BRIEFJE"));
        assert!(!is_letter_heading("BRIEF van de minister"));
        assert!(is_capitals_line("EN VEILIGHEID"));
        assert!(!is_capitals_line("EN"));
        assert!(!is_capitals_line("En veiligheid"));
    }

    /// The plain reading of `same_letters`.
    fn same_letters_plainly(a: &str, b: &str) -> bool {
        let letters = |s: &str| -> Vec<u8> {
            s.bytes()
                .filter(|b| !b.is_ascii() || b.is_ascii_alphabetic())
                .map(|b| b.to_ascii_lowercase())
                .collect()
        };
        letters(a) == letters(b) && letters(a).len() >= 3
    }

    proptest::proptest! {
        #[test]
        fn question_heading_agrees_with_its_pattern(
            s in "[ \t]?(Vraag|Vragen|Vra|[0-9]{1,4}[.]?)[ \t\u{a0}]{0,2}([0-9]{0,3}[ ,]{0,2}(en|t/m|&|,|e)?[ ]?){0,3}[0-9.: a]{0,3}"
        ) {
            proptest::prop_assert_eq!(question_heading(&s), question_by_pattern(&s), "{:?}", s);
        }

        #[test]
        fn answer_heading_agrees_with_its_pattern(
            s in "[ \t]?Antwoord(en)?[ \t]{0,2}(op)?[ ]{0,2}(de)?[ ]{0,2}(vraag|vragen|vra)?[ \t\u{a0}]{0,2}([0-9]{0,3}[ ,]{0,2}(en|t/m|&|,|e)?[ ]?){0,3}[0-9.: a]{0,3}"
        ) {
            proptest::prop_assert_eq!(answer_heading(&s), answer_by_pattern(&s), "{:?}", s);
        }

        #[test]
        fn headings_agree_on_any_text(s in "\\PC{0,12}") {
            proptest::prop_assert_eq!(question_heading(&s), question_by_pattern(&s), "{:?}", s);
            proptest::prop_assert_eq!(answer_heading(&s), answer_by_pattern(&s), "{:?}", s);
        }

        #[test]
        fn same_letters_agrees_with_the_plain_reading(
            a in "[aAbB1 .\n»é]{0,24}",
            b in "[aAbB1 .\n»é]{0,24}",
        ) {
            proptest::prop_assert_eq!(same_letters(&a, &b), same_letters_plainly(&a, &b));
            let twin: String = a.chars().map(|c| if c == 'a' { 'A' } else { c }).collect();
            proptest::prop_assert_eq!(same_letters(&a, &twin), same_letters_plainly(&a, &twin));
        }

        /// Counting shared words pair by pair and by one look-up per word
        /// pick the same repeats (word sets drawn from a few words, so
        /// that they overlap).
        #[test]
        fn both_ways_of_counting_pick_the_same_repeats(
            sets in proptest::collection::vec(proptest::collection::btree_set(0u64..12, 0..8), 1..90),
            split in 0usize..90,
        ) {
            let sets: Vec<Vec<u64>> = sets.into_iter().map(|s| s.into_iter().collect()).collect();
            let split = split.min(sets.len());
            let paragraphs: Vec<usize> = (0..split).collect();
            let repeats: Vec<usize> = (split..sets.len()).collect();
            let words = |i: usize| sets[i].as_slice();
            proptest::prop_assert_eq!(
                best_repeats_counted(&words, &paragraphs, &repeats, 0),
                best_repeats_counted(&words, &paragraphs, &repeats, usize::MAX)
            );
        }

        #[test]
        fn letter_heading_agrees_with_the_pattern(
            s in "[ \t]?(BRIEF|VERSLAG|NOTA|MOTIE|VOORLOPIG VERSLAG|Brief)[A-Za-z0-9 ,.’'/()–_ÉéΣⅡ-]{0,12}"
        ) {
            proptest::prop_assert_eq!(is_letter_heading(&s), LETTER_HEADING.is_match(&s), "{:?}", s);
        }

        #[test]
        fn capitals_agree_with_the_pattern(s in "[ \t]{0,2}[A-Za-z0-9 ,.’'/()–_ÉéΣⅡ-]{0,8}") {
            proptest::prop_assert_eq!(is_capitals_line(&s), CAPITALS.is_match(&s), "{:?}", s);
        }

        #[test]
        fn both_agree_on_any_text(s in "\\PC{0,12}") {
            proptest::prop_assert_eq!(is_letter_heading(&s), LETTER_HEADING.is_match(&s), "{:?}", s);
            proptest::prop_assert_eq!(is_capitals_line(&s), CAPITALS.is_match(&s), "{:?}", s);
        }
    }
}
