use std::alloc::{GlobalAlloc, Layout, System};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::{Parser, Subcommand, ValueEnum};

/// `check` allocates with mimalloc, the server with the system allocator.
/// A batch of thousands of analyses spent an eighth of its instructions in
/// glibc's malloc and free; a long-running server on mimalloc held two to
/// five times the memory over an hour of typing that glibc (limited to two
/// arenas) holds (BENCHMARKS.md, the soaks).
#[global_allocator]
static ALLOCATOR: Allocator = Allocator;

/// Whether new allocations go to mimalloc; set once, when `check` starts.
static MIMALLOC: AtomicBool = AtomicBool::new(false);

struct Allocator;

impl Allocator {
    /// Whether mimalloc gave out `ptr`: what was allocated before the
    /// switch goes back to the system allocator.
    fn mimalloc_owns(ptr: *mut u8) -> bool {
        // SAFETY: a look-up in mimalloc's page map, for any address.
        MIMALLOC.load(Ordering::Relaxed)
            && unsafe { libmimalloc_sys::mi_is_in_heap_region(ptr.cast()) }
    }

    fn use_mimalloc() {
        // mimalloc is initialised before the first look-up in its map.
        // SAFETY: a valid layout; the block is freed by the allocator that
        // gave it.
        unsafe {
            let layout = Layout::from_size_align_unchecked(16, 8);
            mimalloc::MiMalloc.dealloc(mimalloc::MiMalloc.alloc(layout), layout);
        }
        MIMALLOC.store(true, Ordering::Relaxed);
    }
}

// SAFETY: every block is freed or resized by the allocator that gave it out
// (`mimalloc_owns`); both allocators uphold GlobalAlloc's contract.
unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if MIMALLOC.load(Ordering::Relaxed) {
            mimalloc::MiMalloc.alloc(layout)
        } else {
            System.alloc(layout)
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if MIMALLOC.load(Ordering::Relaxed) {
            mimalloc::MiMalloc.alloc_zeroed(layout)
        } else {
            System.alloc_zeroed(layout)
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if Self::mimalloc_owns(ptr) {
            mimalloc::MiMalloc.dealloc(ptr, layout)
        } else {
            System.dealloc(ptr, layout)
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if Self::mimalloc_owns(ptr) {
            mimalloc::MiMalloc.realloc(ptr, layout, new_size)
        } else {
            System.realloc(ptr, layout, new_size)
        }
    }
}

/// A language server and checker for Dutch parliamentary dossier texts.
///
/// Without a subcommand it speaks the Language Server Protocol on stdio.
#[derive(Parser)]
#[command(name = "dossier-lsp", version)]
struct Cli {
    /// Accepted for editors that pass it; the server always uses stdio.
    #[arg(long, global = true, hide = true)]
    stdio: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Speak LSP on stdio (the default).
    Serve,
    /// Check files or folders (searched for *.txt) and print findings.
    Check {
        /// Files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Also fail (exit 1) on warnings.
        #[arg(long, value_name = "LEVEL")]
        deny: Option<Deny>,
        /// Set a diagnostic's severity or turn it off: CODE=error|warning|information|hint|off
        /// (repeatable), e.g. `--lint citation-not-in-workspace=information`.
        #[arg(long = "lint", value_name = "CODE=LEVEL")]
        lints: Vec<String>,
    },
    /// Show a document as the analyser reads it: pages, notes, markers and
    /// the notes they resolve to, questions with their answers, citations.
    Inspect {
        /// Files to read.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output format: plain for a person, JSON (one object per file per line) for tools.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Print the citations in TEXT (or standard input with `-` or nothing) as JSON lines.
    Cite {
        /// The text to read; `-` or nothing reads standard input.
        text: Option<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum Deny {
    Warnings,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let usage = e.use_stderr();
            let _ = e.print();
            return ExitCode::from(if usage { 2 } else { 0 });
        }
    };
    let _ = cli.stdio;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => dossier_lsp::server::run_stdio(),
        Command::Check {
            paths,
            format,
            deny,
            lints,
        } => {
            Allocator::use_mimalloc();
            let mut levels = dossier_lsp::lints::LintLevels::default();
            for spec in &lints {
                if let Err(e) = levels.set(spec) {
                    eprintln!("error: --lint {e}");
                    return ExitCode::from(2);
                }
            }
            let options = dossier_lsp::check::Options {
                json: matches!(format, Format::Json),
                deny_warnings: deny.is_some(),
                color: false,
                levels,
            };
            dossier_lsp::check::run(&paths, &options)
        }
        Command::Inspect { files, format } => {
            dossier_lsp::inspect::run(&files, matches!(format, Format::Json))
        }
        Command::Cite { text } => dossier_lsp::citation::cli::run(text.as_deref()),
    }
}
