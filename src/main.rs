use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use dossier_lsp::i18n::Lang;

#[cfg(all(target_os = "linux", target_env = "gnu"))]
mod alloc;

// The system allocator, and for `check` an arena of mimalloc's beside it
// (src/alloc.rs: which one gave a block out is decided by its address).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[global_allocator]
static ALLOCATOR: alloc::Allocator = alloc::Allocator;

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
    let help_lang = help_lang(std::env::args());
    let parsed = localise(Cli::command(), help_lang)
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
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
            allocate_for_a_batch();
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

/// The language of `--help`: a `--lang` on the command line, else the
/// environment's locale.
fn help_lang(args: impl Iterator<Item = String>) -> Lang {
    let args: Vec<String> = args.collect();
    let given = args
        .iter()
        .enumerate()
        .find_map(|(i, a)| match a.strip_prefix("--lang") {
            Some("") => args.get(i + 1).cloned(),
            Some(rest) => rest.strip_prefix('=').map(str::to_owned),
            None => None,
        });
    given
        .and_then(|code| Lang::parse(&code))
        .unwrap_or_else(Lang::from_env)
}

/// The help texts in `lang`, from the catalogs: the commands, their
/// arguments, the headings and the help and version flags. (The doc
/// comments above stay as the English the derive needs; clap's own error
/// messages are English.)
fn localise(cmd: clap::Command, lang: Lang) -> clap::Command {
    use dossier_lsp::i18n::Message;
    use dossier_lsp::msg;
    let t = |m: Message| m.render(lang);
    let texts: [(&str, &str, Message); 13] = [
        ("check", "paths", msg!("cli-check-paths")),
        ("check", "format", msg!("cli-check-format")),
        ("check", "fix", msg!("cli-check-fix")),
        ("check", "diff", msg!("cli-check-diff")),
        ("check", "deny", msg!("cli-check-deny")),
        ("check", "lints", msg!("cli-check-lint")),
        ("check", "lang", msg!("cli-check-lang")),
        ("check", "write_baseline", msg!("cli-check-write-baseline")),
        ("inspect", "files", msg!("cli-inspect-files")),
        ("inspect", "format", msg!("cli-inspect-format")),
        ("inspect", "lang", msg!("cli-inspect-lang")),
        ("cite", "text", msg!("cli-cite-text")),
        ("cite", "lang", msg!("cli-cite-lang")),
    ];
    let abouts: [(&str, Message); 4] = [
        ("serve", msg!("cli-serve")),
        ("check", msg!("cli-check")),
        ("inspect", msg!("cli-inspect")),
        ("cite", msg!("cli-cite")),
    ];
    let template = format!(
        "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        t(msg!("cli-usage"))
    );
    let (arguments, options) = (t(msg!("cli-arguments")), t(msg!("cli-options")));
    // Headings, the template and a help flag in this language, for the
    // command and each subcommand.
    let dress = |c: clap::Command| {
        c.help_template(template.clone())
            .subcommand_help_heading(t(msg!("cli-commands")))
            .disable_help_flag(true)
            .arg(
                Arg::new("help")
                    .short('h')
                    .long("help")
                    .action(ArgAction::Help)
                    .help(t(msg!("cli-help"))),
            )
            .mut_args(|a| {
                let heading = if a.is_positional() {
                    &arguments
                } else {
                    &options
                };
                let a = a.help_heading(heading.clone());
                // Defaults and values are in the catalog's text, in words.
                if a.get_action().takes_values() {
                    a.hide_default_value(true).hide_possible_values(true)
                } else {
                    a
                }
            })
    };
    let mut cmd = dress(cmd)
        .about(t(msg!("cli-about")))
        .long_about(t(msg!("cli-long-about")))
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t(msg!("cli-version")))
                .help_heading(options.clone()),
        );
    for (sub, about) in abouts {
        cmd = cmd.mut_subcommand(sub, |c| dress(c.about(t(about))));
    }
    for (sub, arg, help) in texts {
        cmd = cmd.mut_subcommand(sub, |c| c.mut_arg(arg, |a| a.help(t(help))));
    }
    // The `help` subcommand exists once the command is built.
    cmd.build();
    cmd.mut_subcommand("help", |c| c.about(t(msg!("cli-help-command"))))
}

/// `check` allocates and frees in bursts, file after file, and ends: its
/// new blocks come from an arena of mimalloc's (src/alloc.rs), about a
/// tenth faster than glibc for it. The server stays on glibc, under which
/// its soaks were measured.
fn allocate_for_a_batch() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    alloc::allocate_for_a_batch();
}
