//! A deterministic generator of dossier texts of realistic shape, for the
//! benchmarks (`benches/analysis.rs`) and the whole-process comparisons
//! (`examples/gen_corpus.rs`, `scripts/bench/compare.sh`).
//!
//! Sentences are drawn from the seed and the corpus (`tests/corpus`), with
//! their own footnote markers and definition lines taken out; the generator
//! then lays them out as the seed looks: a committee letter whose questions
//! end in `?`, an answering letter that repeats them numbered (`1.` …
//! `Antwoord`) or, in Kamervragen style, `Vraag N` / `Antwoord N`; lines
//! wrapped at about 72 columns with words hyphenated across lines; pages
//! that end in a footnote block and a footer (`Eerste Kamer, vergaderjaar
//! 2020–2021, 35 612, D 6`), the next page starting with a line that begins
//! with one space; footnote markers glued to the word before them
//! (`asielpact3`, `is.»7`) numbered 1, 2, 3 … through the whole document,
//! their definitions citing Kamerstukken, Handelingen, Stb., COM, ECLI …,
//! with `Idem, blz. N.`, `Ibidem.` and the odd `PM BRON`.
//!
//! A document is kept as a small model ([`Doc`]) and rendered either as the
//! plain text the server reads ([`Doc::to_text`]) or as Pandoc Markdown with
//! `[^n]` markers and `[^n]:` definitions ([`Doc::to_markdown`]), so that a
//! Markdown linter can be timed on the same documents.

#![allow(dead_code)]

use std::path::Path;

/// splitmix64: small, fast, deterministic across platforms.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * 1.0 < p
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

/// The material documents are made of.
pub struct Pools {
    /// Statements (end in `.`).
    pub sentences: Vec<String>,
    /// Questions (end in `?`).
    pub questions: Vec<String>,
    /// Quoted passages, used in «…» in committee questions.
    pub quotes: Vec<String>,
}

/// Marker placeholder inside body text: `\u{1}` number `\u{2}`.
const M_OPEN: char = '\u{1}';
const M_CLOSE: char = '\u{2}';
/// In a sentence given to `paragraph`: a marker goes here.
const M_HERE: char = '\u{3}';

impl Pools {
    /// Pools from the seed file and every `*.txt` under the corpus folder
    /// (missing folders are skipped), in sorted path order.
    pub fn load(seed_dir: &Path, corpus_dir: &Path) -> Pools {
        let mut texts = Vec::new();
        for dir in [seed_dir, corpus_dir] {
            let mut files = Vec::new();
            collect_txt(dir, &mut files);
            files.sort();
            for f in files {
                if let Ok(bytes) = std::fs::read(&f) {
                    texts.push(String::from_utf8_lossy(&bytes).into_owned());
                }
            }
        }
        Pools::from_texts(texts.iter().map(|s| s.as_str()))
    }

    /// The default material: this repository's seeds and corpus.
    pub fn from_repo() -> Pools {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        Pools::load(&root.join("seeds"), &root.join("tests/corpus"))
    }

    pub fn from_texts<'a>(texts: impl Iterator<Item = &'a str>) -> Pools {
        let mut sentences = Vec::new();
        let mut questions = Vec::new();
        let mut quotes = Vec::new();
        for text in texts {
            // Running text only: no footnote definitions, footers, colophons.
            let mut joined = String::new();
            for line in text.lines() {
                let t = line.trim();
                if t.is_empty()
                    || t.starts_with(|c: char| c.is_ascii_digit())
                    || t.contains("vergaderjaar")
                    || t.contains("Vergaderjaar")
                    || t.contains("ISSN")
                    || t.contains('\u{c}')
                    || t.len() < 25
                {
                    joined.push('\n');
                    continue;
                }
                // Undo hyphenation across lines (`overlast-` / `gevers`).
                if let Some(stem) = joined.strip_suffix('-') {
                    if t.starts_with(|c: char| c.is_lowercase()) {
                        joined.truncate(stem.len());
                        joined.push_str(t);
                        continue;
                    }
                }
                if !joined.is_empty() && !joined.ends_with('\n') {
                    joined.push(' ');
                }
                joined.push_str(t);
            }
            let joined = strip_markers(&joined);
            for para in joined.split('\n') {
                for s in split_sentences(para) {
                    let n = s.chars().count();
                    if !(30..=400).contains(&n) || !s.starts_with(|c: char| c.is_uppercase()) {
                        continue;
                    }
                    if s.ends_with('?') {
                        questions.push(s.to_owned());
                    } else if s.ends_with('.') {
                        if (60..=250).contains(&n) && !s.contains('«') && !s.contains('»') {
                            quotes.push(s.to_owned());
                        }
                        sentences.push(s.to_owned());
                    }
                }
            }
        }
        if questions.is_empty() {
            questions.push("Kunt u aangeven hoe het kabinet tot deze conclusie is gekomen?".into());
        }
        if sentences.is_empty() {
            sentences.push("Het kabinet heeft de voorstellen van de Commissie beoordeeld.".into());
        }
        if quotes.is_empty() {
            quotes = sentences.clone();
        }
        Pools {
            sentences,
            questions,
            quotes,
        }
    }
}

fn collect_txt(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect_txt(&p, out);
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
}

/// Takes out footnote markers glued to the word before them (`asielpact3`,
/// `is.»7`, `is?1`), keeping `D66`, `COM(2020)609`, `2017`.
pub fn strip_markers(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev: Option<char> = None;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_ascii_digit() {
            let mut end = i + 1;
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                end = j + 1;
                chars.next();
            }
            let glued = prev.is_some_and(|p| {
                p.is_lowercase() || matches!(p, '.' | ',' | ';' | ':' | '»' | '?' | ')' | '”' | '’')
            });
            let next = s[end..].chars().next();
            let ends = next.is_none_or(|n| n.is_whitespace() || matches!(n, '.' | ',' | ';' | ':'));
            if !(glued && end - i <= 2 && ends) {
                out.push_str(&s[i..end]);
            }
            prev = Some('0');
        } else {
            out.push(c);
            prev = Some(c);
        }
    }
    out
}

fn split_sentences(p: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = p.as_bytes();
    for i in 0..b.len() {
        if (b[i] == b'.' || b[i] == b'?') && i + 2 < b.len() && b[i + 1] == b' ' {
            let next = b[i + 2];
            // `nr. 2955`, `blz. 12`, `o.a. de`: not a sentence end.
            if next.is_ascii_uppercase() || next == 0xC2 {
                let prev_word = p[start..i].rsplit(' ').next().unwrap_or("");
                if prev_word.len() > 3 || b[i] == b'?' {
                    out.push(p[start..=i].trim());
                    start = i + 2;
                }
            }
        }
    }
    let rest = p[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// One page of a document.
pub struct Page {
    /// Body lines; markers as `\u{1}N\u{2}`.
    pub lines: Vec<String>,
    /// Footnote definitions at the bottom of the page.
    pub notes: Vec<(u32, String)>,
    pub footer: String,
}

/// A generated document.
pub struct Doc {
    pub pages: Vec<Page>,
}

/// Options for one document.
pub struct Shape {
    /// About this many bytes of text.
    pub bytes: usize,
    /// Body lines per page.
    pub page_lines: usize,
}

impl Default for Shape {
    fn default() -> Self {
        // The seed: about 14.7 KB, pages of 40 to 50 lines.
        Shape {
            bytes: 14_700,
            page_lines: 45,
        }
    }
}

const DEPARTMENTS: &[&str] = &[
    "JUSTITIE EN VEILIGHEID",
    "BUITENLANDSE ZAKEN",
    "VOLKSGEZONDHEID, WELZIJN EN SPORT",
    "FINANCIËN",
    "ONDERWIJS, CULTUUR EN WETENSCHAP",
];
const COMMITTEES: &[&str] = &[
    "Immigratie en Asiel/JBZ-Raad",
    "Europese Zaken",
    "Volksgezondheid, Welzijn en Sport",
    "Financiën",
];
const FRACTIES: &[&str] = &["PVV", "VVD", "CDA", "D66", "GL", "SP", "PvdA", "SGP"];
const MONTHS: &[&str] = &[
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

struct Builder<'a> {
    rng: &'a mut Rng,
    pools: &'a Pools,
    shape: &'a Shape,
    pages: Vec<Page>,
    cur: Vec<String>,
    notes: Vec<(u32, String)>,
    next_note: u32,
    /// The last full Kamerstuk footnote (for Idem/Ibidem).
    last_full: bool,
    footer_doc: String,
    chamber: &'static str,
    year: &'static str,
    bytes: usize,
}

impl Builder<'_> {
    fn footer(&self, page: usize) -> String {
        format!(
            "{}, vergaderjaar {}, {} {}",
            self.chamber, self.year, self.footer_doc, page
        )
    }

    fn push_line(&mut self, line: String) {
        self.bytes += line.len() + 1;
        self.cur.push(line);
        if self.cur.len() >= self.shape.page_lines {
            self.break_page();
        }
    }

    fn break_page(&mut self) {
        if self.cur.is_empty() && self.notes.is_empty() {
            return;
        }
        let n = self.pages.len() + 1;
        let footer = self.footer(n);
        self.bytes += footer.len() + 4;
        for (_, t) in &self.notes {
            self.bytes += t.len() + 4;
        }
        let mut lines = std::mem::take(&mut self.cur);
        // The next page starts with a line that begins with one space.
        if !self.pages.is_empty() {
            if let Some(first) = lines.iter_mut().find(|l| !l.trim().is_empty()) {
                if !first.starts_with(' ') {
                    first.insert(0, ' ');
                }
            }
        }
        self.pages.push(Page {
            lines,
            notes: std::mem::take(&mut self.notes),
            footer,
        });
    }

    fn blank(&mut self) {
        if self.cur.last().is_some_and(|l| !l.is_empty()) {
            self.push_line(String::new());
        }
    }

    fn note_text(&mut self) -> String {
        let r = self.rng.below(100);
        let year = self.rng.range(2015, 2023);
        let vj = format!("{}–{}", year, year + 1);
        let dossier = format!("{} {:03}", self.rng.range(19, 36), self.rng.below(1000));
        let nr = self.rng.range(1, 3000);
        let page = self.rng.range(1, 40);
        let text = match r {
            0..=9 if self.last_full => format!("Idem, blz. {page}."),
            10..=15 if self.last_full => "Ibidem.".to_owned(),
            16..=18 => "PM BRON".to_owned(),
            19..=40 => format!("Kamerstukken II, {vj}, {dossier}, nr. {nr}."),
            41..=52 => format!("Kamerstuk {dossier}, nr. {nr}."),
            53..=57 => format!("Kamerstukken II, {vj}, {dossier}, nr. {nr}, blz. {page}."),
            58..=60 => format!(
                "Kamerstuk {}-{:02}, nr. {nr}.",
                dossier,
                self.rng.range(1, 40)
            ),
            61..=64 => format!(
                "COM({year}){}. Zie ook dossier E{}{:04} op www.europapoort.nl.",
                self.rng.range(100, 999),
                year % 100,
                self.rng.below(10000)
            ),
            65..=69 => format!(
                "Handelingen II {}/{:02}, nr. {}, item {}.",
                year,
                (year + 1) % 100,
                self.rng.range(1, 100),
                self.rng.range(1, 30)
            ),
            70..=73 => format!(
                "Aanhangsel Handelingen II {}/{:02}, nr. {nr}.",
                year,
                (year + 1) % 100
            ),
            74..=76 => format!("Stb. {year}, {}.", self.rng.range(1, 600)),
            77..=79 => format!("Stcrt. {year}, {}.", self.rng.range(1, 40000)),
            80..=82 => format!("ECLI:NL:HR:{year}:{}.", self.rng.range(1, 2500)),
            83..=87 => {
                let s = self.rng.pick(&self.pools.sentences).clone();
                format!("{s} Bijlage bij Kamerstuk {dossier}, nr. {nr}.")
            }
            _ => {
                // A commentary note, drawn from the text.
                self.rng.pick(&self.pools.sentences).clone()
            }
        };
        self.last_full = text.contains("Kamerstuk");
        text
    }

    /// Appends a footnote: its marker goes into `words` (glued to the last
    /// word), its definition onto the current page.
    fn add_note(&mut self) -> String {
        let n = self.next_note;
        self.next_note += 1;
        let text = self.note_text();
        self.notes.push((n, text));
        format!("{M_OPEN}{n}{M_CLOSE}")
    }

    /// A paragraph of the given sentences, wrapped, with markers after some
    /// sentences (glued to the final period, or to the last word).
    fn paragraph(&mut self, sentences: &[String], marker_rate: f64) {
        let mut text = String::new();
        for s in sentences {
            if !text.is_empty() {
                text.push(' ');
            }
            if let Some((before, after)) = s.split_once(M_HERE) {
                let m = self.add_note();
                text.push_str(before);
                text.push_str(&m);
                text.push_str(after);
                continue;
            }
            text.push_str(s);
            if self.rng.chance(marker_rate) {
                let m = self.add_note();
                text.push_str(&m);
            }
        }
        self.wrap(&text);
    }

    fn wrap(&mut self, text: &str) {
        let width = 72;
        let mut line = String::new();
        let mut col = 0;
        for word in text.split(' ').filter(|w| !w.is_empty()) {
            let wlen = visible_len(word);
            if col > 0 && col + 1 + wlen > width {
                // Hyphenate a long lower-case word across the line end.
                let alpha = word.chars().all(|c| c.is_alphabetic());
                if alpha && wlen >= 10 && col + 6 < width && self.rng.chance(0.25) {
                    let cut = word
                        .char_indices()
                        .nth((width - col - 2).min(wlen - 4).max(3))
                        .map_or(word.len(), |(i, _)| i);
                    line.push(' ');
                    line.push_str(&word[..cut]);
                    line.push('-');
                    let done = std::mem::take(&mut line);
                    self.push_line(done);
                    line.push_str(&word[cut..]);
                    col = visible_len(&word[cut..]);
                    continue;
                }
                line.push(' '); // the seed's lines end in a space
                let done = std::mem::take(&mut line);
                self.push_line(done);
                col = 0;
            }
            if col > 0 {
                line.push(' ');
                col += 1;
            }
            line.push_str(word);
            col += wlen;
        }
        if !line.is_empty() {
            line.push(' ');
            self.push_line(line);
        }
    }

    fn sentences(&mut self, lo: usize, hi: usize) -> Vec<String> {
        let n = self.rng.range(lo, hi);
        (0..n)
            .map(|_| self.rng.pick(&self.pools.sentences).clone())
            .collect()
    }

    fn date(&mut self) -> String {
        format!(
            "{} {} {}",
            self.rng.range(1, 28),
            self.rng.pick(MONTHS),
            self.rng.range(2016, 2024)
        )
    }
}

fn visible_len(s: &str) -> usize {
    s.chars().filter(|&c| c != M_OPEN && c != M_CLOSE).count()
}

impl Doc {
    /// One document of about `shape.bytes`, from `seed` (same seed, same
    /// pools: same document).
    pub fn generate(pools: &Pools, seed: u64, shape: &Shape) -> Doc {
        let mut rng = Rng::new(seed);
        let fractie = *rng.pick(FRACTIES);
        let committee = *rng.pick(COMMITTEES);
        let dept = *rng.pick(DEPARTMENTS);
        let eerste = rng.chance(0.5);
        let year = *rng.pick(&["2019–2020", "2020–2021", "2021–2022", "2022–2023"]);
        let dossier = format!("{} {:03}", rng.range(33, 36), rng.below(1000));
        let footer_doc = if eerste {
            format!("{dossier}, {}", (b'A' + rng.below(8) as u8) as char)
        } else {
            format!("{dossier}, nr. {}", rng.range(1, 400))
        };
        let kamervragen = rng.chance(0.3);
        let mut b = Builder {
            rng: &mut rng,
            pools,
            shape,
            pages: Vec::new(),
            cur: Vec::new(),
            notes: Vec::new(),
            next_note: 1,
            last_full: false,
            footer_doc,
            chamber: if eerste {
                "Eerste Kamer"
            } else {
                "Tweede Kamer"
            },
            year,
            bytes: 0,
        };
        // How many questions fit: a question with its answer is about 1.3 KB.
        let budget = shape.bytes.max(2000);
        let questions = (budget / 1600).max(1);

        // The committee's letter, questions gathered.
        let intro = format!(
            " De leden van de vaste commissie voor {committee} hebben kennisgenomen van de brief van {}.",
            b.date()
        );
        let intro_sents = [intro];
        b.paragraph(&intro_sents, 0.8);
        b.blank();
        let head = format!(
            " BRIEF VAN DE VOORZITTER VAN DE VASTE COMMISSIE VOOR {}",
            committee.to_uppercase()
        );
        b.push_line(head);
        b.blank();
        let dh = format!("Den Haag, {} ", b.date());
        b.push_line(dh);
        b.blank();
        // (question as the answering letter repeats it, marker wanted)
        let mut asked: Vec<(String, bool)> = Vec::new();
        for _ in 0..questions {
            let lead = b.sentences(1, 2);
            let quote = b.rng.pick(&pools.quotes).clone();
            let q = b.rng.pick(&pools.questions).clone();
            let quoted = format!("De leden van de {fractie}-fractie lezen: «{}»", quote);
            let marker = b.rng.chance(0.7);
            let repeat = format!("{} {quoted} {q}", lead.join(" "));
            if kamervragen {
                // Kamervragen are asked once, numbered; the marker goes there.
                asked.push((repeat, marker));
            } else {
                let mut sents = lead;
                // The marker after the quotation: `is.»7`.
                let m = if marker {
                    M_HERE.to_string()
                } else {
                    String::new()
                };
                sents.push(format!("{quoted}{m}"));
                sents.push(q.clone());
                b.paragraph(&sents, 0.15);
                b.blank();
                asked.push((repeat, false));
            }
        }
        let close = "De leden zien de beantwoording met belangstelling tegemoet.".to_owned();
        b.paragraph(&[close], 0.0);
        b.blank();
        b.break_page();

        // The answering letter.
        let head = format!(" BRIEF VAN DE STAATSSECRETARIS VAN {dept}");
        b.push_line(head);
        b.blank();
        let dh = format!("Den Haag, {} ", b.date());
        b.push_line(dh);
        b.blank();
        for (i, (question, marker)) in asked.iter().enumerate() {
            if kamervragen {
                b.push_line(format!("Vraag {}", i + 1));
            } else {
                b.push_line(format!("{}. ", i + 1));
            }
            let question = match question.split_once("» ") {
                Some((quoted, q)) if *marker => {
                    let m = b.add_note();
                    format!("{quoted}»{m} {q}")
                }
                _ => question.clone(),
            };
            b.wrap(&question);
            b.blank();
            if kamervragen {
                b.push_line(format!("Antwoord {}", i + 1));
            } else {
                b.push_line("Antwoord ".to_owned());
            }
            let paras = b.rng.range(1, 2);
            for _ in 0..paras {
                let s = b.sentences(2, 5);
                b.paragraph(&s, 0.2);
                b.blank();
            }
            if b.bytes > budget {
                break;
            }
        }
        while b.bytes + 300 < budget {
            let s = b.sentences(3, 6);
            b.paragraph(&s, 0.2);
            b.blank();
        }
        b.break_page();
        Doc { pages: b.pages }
    }

    /// The plain text the server and `check` read.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for (i, page) in self.pages.iter().enumerate() {
            for l in &page.lines {
                push_markers(&mut out, l, |o, n| o.push_str(n));
                out.push('\n');
            }
            if !page.notes.is_empty() {
                out.push('\n');
                for (n, t) in &page.notes {
                    // Long definitions run over lines.
                    let mut first = true;
                    for chunk in wrap_plain(t, 90) {
                        if first {
                            out.push_str(&format!("{n} {chunk}\n"));
                            first = false;
                        } else {
                            out.push_str(&chunk);
                            out.push('\n');
                        }
                    }
                }
            }
            out.push('\n');
            out.push_str(&page.footer);
            out.push('\n');
            if i + 1 < self.pages.len() {
                out.push_str("\n\n\n");
            }
        }
        out
    }

    /// Pandoc Markdown: `[^n]` markers, `[^n]:` definitions (continuation
    /// lines indented), the rest as paragraphs.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        for page in &self.pages {
            for l in &page.lines {
                push_markers(&mut out, l.trim_start(), |o, n| {
                    o.push_str("[^");
                    o.push_str(n);
                    o.push(']');
                });
                out.push('\n');
            }
            out.push('\n');
            for (n, t) in &page.notes {
                let mut first = true;
                for chunk in wrap_plain(t, 90) {
                    if first {
                        out.push_str(&format!("[^{n}]: {chunk}\n"));
                        first = false;
                    } else {
                        out.push_str("    ");
                        out.push_str(&chunk);
                        out.push('\n');
                    }
                }
                out.push('\n');
            }
            out.push_str(&page.footer);
            out.push_str("\n\n");
        }
        out
    }

    pub fn footnotes(&self) -> usize {
        self.pages.iter().map(|p| p.notes.len()).sum()
    }
}

fn push_markers(out: &mut String, line: &str, mut marker: impl FnMut(&mut String, &str)) {
    let mut rest = line;
    while let Some(i) = rest.find(M_OPEN) {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let j = after.find(M_CLOSE).unwrap_or(after.len());
        marker(out, &after[..j]);
        rest = after.get(j + 1..).unwrap_or("");
    }
    out.push_str(rest);
}

fn wrap_plain(t: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut line = String::new();
    for w in t.split(' ') {
        if !line.is_empty() && line.chars().count() + 1 + w.chars().count() > width {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(w);
    }
    out.push(line);
    out
}

/// `n` documents, document `i` from seed `seed + i`; sizes vary ±25 %
/// around `bytes`.
pub fn corpus(pools: &Pools, seed: u64, n: usize, bytes: usize) -> Vec<Doc> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|i| {
            let size = bytes * rng.range(75, 125) / 100;
            Doc::generate(
                pools,
                seed.wrapping_add(i as u64),
                &Shape {
                    bytes: size,
                    ..Shape::default()
                },
            )
        })
        .collect()
}

/// About `bytes` of `seed` text, copied over and over, footnote numbers shifted per copy so that the
/// numbering runs on as in one long document.
pub fn seed_repeat(seed: &str, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + seed.len());
    let mut copy = 0;
    while out.len() < bytes {
        let shift = copy * 15;
        for line in seed.split_inclusive('\n') {
            // Renumber definitions (`4 Kamerstukken`) and glued markers (`asielpact3`).
            let mut s = String::with_capacity(line.len());
            let mut chars = line.char_indices().peekable();
            while let Some((i, c)) = chars.next() {
                if c.is_ascii_digit() {
                    let start = i;
                    let mut end = i + 1;
                    while let Some(&(j, d)) = chars.peek() {
                        if !d.is_ascii_digit() {
                            break;
                        }
                        end = j + 1;
                        chars.next();
                    }
                    let digits = &line[start..end];
                    let prev = line[..start].chars().next_back();
                    let at_def = start == 0 && digits.len() <= 2;
                    let glued = prev.is_some_and(|p| p.is_lowercase() || matches!(p, '.' | '»'))
                        && digits.len() <= 2
                        && !line[end..].starts_with(|c: char| c.is_alphanumeric());
                    if (at_def || glued) && shift > 0 {
                        s.push_str(&(digits.parse::<usize>().unwrap() + shift).to_string());
                    } else {
                        s.push_str(digits);
                    }
                } else {
                    s.push(c);
                }
            }
            out.push_str(&s);
        }
        copy += 1;
    }
    out
}
