//! A panic inside one part of an answer is caught, logged, and that part
//! left out, so that the rest of the answer stands.

use std::panic::{catch_unwind, AssertUnwindSafe};

/// Runs one part of an answer (`what`); a panic inside it is logged and
/// that part answers `fallback`, so that the rest of the answer stands.
pub fn guarded<T>(what: &str, fallback: T, f: impl FnOnce() -> T) -> T {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(v) => v,
        Err(panic) => {
            tracing::error!("{what} panicked: {}", panic_message(&*panic));
            fallback
        }
    }
}

/// The message of a caught panic.
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_owned()
    }
}
