//! The `check` command: compiler-style findings for files and folders.

use std::path::PathBuf;
use std::process::ExitCode;

pub struct Options {
    pub json: bool,
    pub deny_warnings: bool,
    pub color: bool,
}

pub fn run(paths: &[PathBuf], options: &Options) -> ExitCode {
    let _ = (paths, options);
    ExitCode::SUCCESS
}
