//! Layout and the whole document model on arbitrary text: `Dossier::analyze`
//! then the lints must not panic, and every span they give must lie on
//! character boundaries inside the text.
#![no_main]

use dossier_lsp::{lints, Dossier};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let d = Dossier::analyze(&text);
    for diag in lints::lint(&d, &text) {
        let s = &diag.span;
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
