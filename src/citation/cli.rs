//! `dossier-lsp cite`: citations of a text as JSON lines.

use std::io::{Read, Write};
use std::process::ExitCode;

use serde_json::{json, Value};

use crate::i18n::Lang;

use super::{find_citations, Chamber, Citation, ShortFormKind};

/// One citation as the JSON object `cite` prints.
pub fn to_json(text: &str, c: &Citation, lang: Lang) -> Value {
    let (short_form, note) = match c.short_form {
        Some(ShortFormKind::Idem) => (Some("idem"), None),
        Some(ShortFormKind::Ibidem) => (Some("ibidem"), None),
        Some(ShortFormKind::SeeNote(n)) => (Some("see-note"), Some(n)),
        None => (None, None),
    };
    json!({
        "kind": c.kind.as_str(),
        "text": &text[c.span.clone()],
        "start": c.span.start,
        "end": c.span.end,
        "chamber": c.chamber.map(|ch| match ch { Chamber::I => "I", Chamber::II => "II" }),
        "year": c.year,
        "dossier": c.dossier,
        "toevoeging": c.toevoeging,
        "ondernummer": c.ondernummer,
        "page": c.page,
        "item": c.item,
        "id": c.id,
        "url": c.url(),
        "canonical": c.canonical(),
        "short_form": short_form,
        "note": note,
        "bijlage": c.bijlage,
        "slips": c.slips.iter().map(|s| s.message.render(lang)).collect::<Vec<_>>(),
    })
}

/// Prints the citations of `text` (or of standard input with `-` or none)
/// as JSON lines. Invalid UTF-8 on standard input is decoded lossily.
pub fn run(text: Option<&str>, lang: Lang) -> ExitCode {
    let owned;
    let text = match text {
        Some(t) if t != "-" => t,
        _ => {
            let mut bytes = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
                eprintln!("dossier-lsp cite: cannot read standard input: {e}");
                return ExitCode::from(2);
            }
            owned = crate::text::decode(&bytes).text;
            owned.as_str()
        }
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for c in find_citations(text) {
        if writeln!(out, "{}", to_json(text, &c, lang)).is_err() {
            // A closed pipe (`| head`) is not an error worth reporting.
            return ExitCode::SUCCESS;
        }
    }
    let _ = out.flush();
    ExitCode::SUCCESS
}
