//! The citation grammar on arbitrary text: no panic, spans on character
//! boundaries.
#![no_main]

use dossier_lsp::citation::find_citations;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for c in find_citations(&text) {
        let s = &c.span;
        assert!(
            s.start <= s.end && s.end <= text.len(),
            "span {s:?} outside the text"
        );
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "span {s:?} not on char boundaries"
        );
    }
});
