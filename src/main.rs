use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use dossier_lsp::i18n::Lang;

// Both commands allocate with the system allocator. mimalloc made `check`
// about 15 % faster but held two to seven times the memory in the
// long-running server (BENCHMARKS.md, "How the allocator was chosen"); a
// switch between the two at run time rested on a page-map look-up that does
// not cover every block.

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
    /// Check files or folders (searched for *.txt and *.md) and print findings.
    Check {
        /// Files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format: human, json (one object per file per line), or sarif (SARIF 2.1.0,
        /// for code scanning).
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// Apply the safe fixes (citation slips, footnote renumbering), then report what remains.
        #[arg(long, conflicts_with = "diff")]
        fix: bool,
        /// Print the safe fixes as a unified diff and write nothing; exit 1 when there is one.
        #[arg(long)]
        diff: bool,
        /// Also fail (exit 1) on warnings.
        #[arg(long, value_name = "LEVEL")]
        deny: Option<Deny>,
        /// Set a diagnostic's severity or turn it off: CODE=error|warning|information|hint|off
        /// (repeatable), e.g. `--lint citation-not-in-workspace=information`.
        #[arg(long = "lint", value_name = "CODE=LEVEL")]
        lints: Vec<String>,
        /// The language of messages: nl or en (default: the project file's
        /// `language`, else LC_ALL, LC_MESSAGES or LANG).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// Write the findings to the baseline that `.dossier-lsp.toml` names,
        /// instead of reporting them; later runs leave them out while their
        /// lines read the same.
        #[arg(long)]
        write_baseline: bool,
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
        /// The language of the plain output: nl or en (default: from the environment).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// Print the citations in TEXT (or standard input with `-` or nothing) as JSON lines.
    Cite {
        /// The text to read; `-` or nothing reads standard input.
        text: Option<String>,
        /// The language of the slips' messages: nl or en (default: from the environment).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Nl,
    En,
}

/// `--lang`, else the environment's locale.
fn lang(arg: Option<LangArg>) -> Lang {
    match arg {
        Some(LangArg::Nl) => Lang::Nl,
        Some(LangArg::En) => Lang::En,
        None => Lang::from_env(),
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    Human,
    Json,
    Sarif,
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
            fix,
            diff,
            deny,
            lints,
            lang: lang_arg,
            write_baseline,
        } => {
            let chosen = lang_arg.map(|l| lang(Some(l)));
            let lang = lang(lang_arg);
            let mut levels = dossier_lsp::lints::LintLevels::default();
            for spec in &lints {
                if let Err(e) = levels.set(spec) {
                    let e = dossier_lsp::msg!("check-error", error = e);
                    eprintln!("{} (--lint)", e.render(lang));
                    return ExitCode::from(2);
                }
            }
            let options = dossier_lsp::check::Options {
                format: match format {
                    CheckFormat::Human => dossier_lsp::check::Format::Human,
                    CheckFormat::Json => dossier_lsp::check::Format::Json,
                    CheckFormat::Sarif => dossier_lsp::check::Format::Sarif,
                },
                fix: match (fix, diff) {
                    (_, true) => dossier_lsp::check::FixMode::Diff,
                    (true, false) => dossier_lsp::check::FixMode::Write,
                    (false, false) => dossier_lsp::check::FixMode::Off,
                },
                deny_warnings: deny.is_some(),
                color: false,
                levels,
                lang: chosen,
                write_baseline,
            };
            dossier_lsp::check::run(&paths, &options)
        }
        Command::Inspect {
            files,
            format,
            lang: lang_arg,
        } => dossier_lsp::inspect::run(&files, matches!(format, Format::Json), lang(lang_arg)),
        Command::Cite {
            text,
            lang: lang_arg,
        } => dossier_lsp::citation::cli::run(text.as_deref(), lang(lang_arg)),
    }
}
