# dossier-lsp's texts in English. Each id is in nl.ftl too (a test holds
# that). Codes, field names and citation forms are not translated.

## Diagnostics

undefined-footnote = footnote { $note } is referenced here but never defined
unreferenced-footnote = footnote { $note } is defined but no marker in the text refers to it
placeholder-in-footnote = footnote { $note } has a placeholder `{ $written }` instead of a source
placeholder = placeholder `{ $written }` instead of a source
unresolved-short-form = footnote { $note }: { $what } cannot be resolved: { $reason }
short-form-generic = the short form
short-form-idem = `Idem`
short-form-ibidem = `Ibidem`
short-form-see-note = `zie noot`
footnote-twice = footnote { $note } is defined twice
footnote-out-of-order = footnote { $note } comes after footnote { $previous }: out of order
footnote-one-missing = footnote { $note } follows footnote { $previous }: footnote { $missing } is missing
footnote-several-missing = footnote { $note } follows footnote { $previous }: footnotes { $from } to { $to } are missing
footnote-first-not-one = the first footnote is numbered { $note }, not 1
citation-slip = { $slip } in `{ $written }`
citation-slip-in-footnote = footnote { $note }: { $slip } in `{ $written }`
unanswered-question = `{ $name }` has no answer
answer-follows-no-question = `{ $name }` follows no question
answer-no-such-question = `{ $name }`: there is no question { $number } before it
answer-no-such-questions = `{ $name }`: there are no such questions before it
question-not-taken-up = this question («{ $words } …») is not taken up in the answering letter
question-not-taken-up-workspace = no answering letter in the workspace takes up this question («{ $words } …»)
quotation-without-source = the quotation «{ $words } …» has no footnote giving its source
quote-not-found = the quoted passage «{ $words }» is not in { $document }
quote-not-found-near = the quoted passage «{ $words }» is not in { $document }; the closest passage is on { $pages }: «{ $near }»
quote-page-mismatch = the quoted passage «{ $words }» is on { $pages } of { $document }, not on page { $pin }
quote-altered = the quotation «{ $words }» differs from { $document }, { $pages }: { $changes }
quote-words-differ = its words differ in places
quote-change-changed = `{ $source }` is quoted as `{ $quoted }`
quote-change-added = `{ $words }` is added
quote-change-left-out = `{ $words }` is left out without `…`
quote-page = page { $page }
quote-pages = pages { $first }–{ $last }
quote-page-unnumbered = a page without a number
mixed-style-year = this citation writes the year in the form { $form }; the other footnotes use { $usual } ({ $count }×)
mixed-style-dossier = this citation writes the dossier number in the form { $form }; the other footnotes use { $usual } ({ $count }×)
citation-not-in-workspace = { $document } is not in the workspace
page-beyond-document = page { $page } is past the end of { $document }, which has { $last } pages
replacement-characters = the text holds { $count ->
    [one] a replacement character
   *[other] { $count } replacement characters
  } (U+FFFD): the file was probably not saved as UTF-8 (Windows-1252?); reopen it in its encoding and save it as UTF-8

## Why a short form does not resolve

reason-no-earlier-footnote = there is no earlier footnote to refer to
reason-placeholder-before = footnote { $note } before it is a placeholder, not a source
reason-unresolved-before = footnote { $note } before it does not resolve either
reason-empty-before = footnote { $note } before it is empty

## Slips in how a citation is written

slip-missing-space-after = missing space after `{ $word }`
slip-ll-for-ii = `ll` (two letters l) written for `II`
slip-11-for-ii = `11` written for `II`
slip-doubtful-year = doubtful vergaderjaar `{ $written }`: the second year should follow the first
slip-nr-without-period = `nr` without its period
slip-missing-comma-before-nr = missing comma before `nr.`
slip-missing-nr = missing `nr.` before the document number
slip-missing-comma-nr = missing `, nr.` before the document number
slip-ecli-comma = comma instead of colon in the ECLI

## check

check-error = error: { $error }
file-problem = { $path }: { $problem }
check-binary-file = this looks like a binary file (it contains NUL bytes), not a text; skipped
check-invalid-utf8 = the file is not valid UTF-8: { $count ->
    [one] an invalid byte sequence was
   *[other] { $count } invalid byte sequences were
  } read as U+FFFD
check-invalid-utf8-probably = the file is not valid UTF-8: { $count ->
    [one] an invalid byte sequence was
   *[other] { $count } invalid byte sequences were
  } read as U+FFFD; it is probably { $encoding } (convert it: `iconv -f { $encoding } -t UTF-8`)
check-internal-error = the analysis of this file failed (an internal error; please report it with the file)
check-too-large = { $path }: { $bytes } bytes is more than the limit of { $limit }; skipped
check-changed-while-read = { $path }: changed while it was being checked; its findings that need the other files are left out
check-summary = { $files ->
    [one] 1 file
   *[other] { $files } files
  } checked: { $errors ->
    [one] 1 error
   *[other] { $errors } errors
  }, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
  }, { $others ->
    [one] 1 hint or note
   *[other] { $others } hints and notes
  }
check-fixed = { $path }: fixed { $count ->
    [one] 1 finding
   *[other] { $count } findings
  } ({ $codes })
check-not-written-changed = { $path }: changed since it was read; not written (run `check --fix` again)
check-not-written-io = { $path }: not written: { $problem }
check-fix-unfinished = { $path }: the fixes did not settle after { $rounds } rounds; what they gave so far is kept
severity-error = error
severity-warning = warning
severity-information = info
severity-hint = hint

## Finding and indexing files

glob-invalid = glob `{ $glob }`: { $error }
folder-too-deep = more than { $depth } folders deep; not searched further
folder-unreadable = cannot read folder: { $error }
too-many-files = more than { $count } matching files; the rest is left out
index-unreadable = cannot read: { $error }
index-too-large = { $bytes } bytes is more than the limit of { $limit }; not indexed
index-binary = a binary file (it contains NUL bytes); not indexed
index-internal-error = the analysis failed on this file (an internal error); not indexed
index-no-uri = no file URI for this path; not indexed

## Hover, lenses, symbols

hover-quote = Quotation
hover-quote-source = from { $document }, { $pages } ({ $place })
hover-quote-source-no-page = from { $document } ({ $place })
hover-quote-this-document = this document
hover-quote-wrong-page = The note gives page { $pin }; the passage is on { $pages }.
hover-quote-differs = The quotation differs from its source:
hover-quote-added = added:
hover-quote-left-out = left out without `…`:
hover-quote-not-found = The quoted words are not in that document.
hover-quote-closest = The closest passage, { $pages }:
hover-footnote = Footnote { $note }
hover-footnote-not-found = This footnote is not in the document.
hover-question = Question{ $numbers }
hover-question-not-found = This question is not in the document.
hover-answer = Answer{ $numbers }
hover-answer-without-question = No question was found for this answer.
hover-line = line { $line }
hover-unanswered = This question has no answer (yet).
hover-taken-up-unanswered = This question is taken up but has no answer (yet).
hover-source-missing = The source is missing
hover-placeholder-here = `{ $written }` stands here instead of a source.
hover-unresolved = Reference cannot be resolved: { $reason }
hover-via-footnote = via footnote { $notes }
hover-slip = How it is written: { $slip }
hover-slip-short = how it is written: { $slip }
hover-note-inline = footnote { $note }: { $summary }
hover-note-inline-missing = footnote { $note }: not found
source-missing-short = source missing
hover-in-workspace = In the workspace: { $documents }
hover-cited-nowhere = Not cited anywhere else in the workspace.
hover-cited-in = Cited { $count }× in { $documents ->
    [one] one other document
   *[other] { $documents } other documents
  } of the workspace (find references for the places).
answered-in = Answered in
taken-up-in = Taken up, not (yet) answered, in
lens-answered = Answered: Answer{ $numbers }, line { $line }
lens-taken-up-unanswered = Not answered (taken up as question{ $numbers }, line { $line })
lens-unanswered = Not answered
lens-question = question{ $numbers }
symbol-untitled = (untitled)
hint-marker-tooltip = The first words of the footnote
completion-cited-here = cited in this document

## Code actions and rename

action-fix-slip = Fix how it is written: { $slip }
action-quote-pin = Set the page in the footnote to { $page }
action-renumber = Renumber the footnotes in order (1, 2, 3 …)
action-expand-short-form = Write out `{ $written }`: { $full }
action-add-footnote = Add footnote { $note } at the bottom of the page
action-fill-source = Fill in the source: { $source }
rename-not-a-note = Only a footnote number (a marker or the number of a footnote) can be renamed.
rename-not-a-number = `{ $name }` is not a footnote number (a number from 1).
rename-note-missing = Footnote { $note } is not in the document; add the footnote first.
rename-note-exists = Footnote { $note } already exists; choose another number or renumber all footnotes (source action).

## The server's log and progress

progress-title = Indexing dossiers
progress-report = { $done } of { $total }
progress-end = { $count ->
    [one] 1 document
   *[other] { $count } documents
  }
log-indexed = dossier-lsp: indexed { $count ->
    [one] 1 document
   *[other] { $count } documents
  } under { $root } in { $seconds } s
log-left-out = { $count } left out, e.g. { $path }: { $problem }
log-ready = dossier-lsp { $version } ready (positions in { $encoding })
log-settings-problem = dossier-lsp settings: { $problem }
log-analysis-failed = dossier-lsp: the analysis of { $uri } failed ({ $error }); your text is kept
log-edit-failed = dossier-lsp: an edit could not be applied ({ $error }); close and reopen the document
request-failed = { $what } failed: { $error }

## Settings and --lint

lint-spec-malformed = `{ $spec }`: expected CODE=LEVEL, e.g. placeholder-source=error
lint-unknown = unknown lint code `{ $code }`; known: { $known }
lint-level-unknown = `{ $level }` is not one of error, warning, information, hint, off
setting-not-an-object = `{ $key }` should be an object, not { $value }
setting-not-a-boolean = `{ $key }` should be true or false, not { $value }
setting-language-unknown = `language` should be "nl", "en" or "auto", not { $value }

## The project file and its baseline

project-toml = not valid TOML: { $error }
project-unreadable = cannot read the project file: { $error }
project-unknown-key = unknown key `{ $key }`; known: { $known }
project-wrong-kind = `{ $key }` should be { $expected }, not { $found }
project-kind-string = a string
project-kind-globs = a list of glob patterns
project-kind-glob = a glob pattern (a string)
project-kind-table = a table of lint codes and levels
project-kind-level = a level: "error", "warning", "information", "hint" or "off"
project-kind-overrides = a list of tables (`[[overrides]]`)
project-override-without-files = an override needs `files`, the globs of the files it applies to
baseline-unreadable = cannot read the baseline { $path }: { $error }
baseline-invalid = the baseline { $path } is not a baseline file: { $error }
baseline-version = the baseline { $path } has version { $version }, which this dossier-lsp does not read
baseline-unwritable = cannot write the baseline { $path }: { $error }
baseline-no-project = some files have no `.dossier-lsp.toml` above them, so no baseline for them
baseline-not-named = { $project } names no `baseline` file
baseline-written = { $count ->
    [one] 1 finding
   *[other] { $count } findings
  } written to the baseline { $path }
check-baseline-hidden = { $count ->
    [one] 1 finding
   *[other] { $count } findings
  } accepted in the baseline not shown

## inspect

inspect-error = dossier-lsp inspect: { $path }: { $problem }
inspect-io = { $error }
inspect-too-large = { $bytes } bytes is more than the limit of { $limit }
inspect-binary = this looks like a binary file (it contains NUL bytes), not a text
inspect-pages = pages ({ $count }):
inspect-page = page { $number }  from line { $line }
inspect-footnotes = footnotes ({ $count }):
inspect-lines = lines { $first }-{ $last }
inspect-markers = markers ({ $count }):
inspect-line = line { $line }
inspect-no-definition = no definition
inspect-not-markers = numbers not read as markers ({ $count }):
inspect-questions = questions ({ $count }):
inspect-answered-on = answered on line { $line }
inspect-no-answer = no answer
inspect-answers = answers ({ $count }):
inspect-citations = citations ({ $count }):

## Why a number was or was not read as a marker (inspect)

number-markdown-marker = a Markdown note's marker
number-typed-marker = a typed note's marker, defined in that form
number-superscript-marker = a superscript note's marker, defined
number-more-than-four-digits = more than four digits
number-zero = zero
number-part-of-word = part of a word or quantity (a letter, digit or unit follows)
number-decimal-or-range = a decimal, range, time or reference number (`1,5`, `12-13`)
number-number-part = a decimal or a number's part (`5.3`)
number-after-quantity-word = after a word that makes it a quantity or reference (`nr.`, `van`)
number-opens-line = opens its line as an item, heading or question (`1. Inleiding`)
number-in-number-list = in a list of numbers (`Vraag 3, 4`)
number-after-code = after a code or formula (`CO 2`)
number-after-spaces = after more than one space (a table or layout)
number-before-quantity-word = before a word that makes it a quantity or date (`11 weken`)
number-not-after-letter = not after a letter, a closing mark or a space
number-glued-next-note = glued on by the extraction; exactly the next note, below it on its page
number-glued-numbered = glued to a word or a closing mark, with a note of its number or next in turn
number-spaced-next-note = after a space or a capital; the next note, defined below it
number-glued-not-next = glued to its neighbours and not exactly the next note on its page
number-year-or-postcode = four digits and no note of that number (a year, a postcode)
number-glued-no-notes = glued, but the document has no notes at the foot of a page
number-glued-no-such-note = glued, but no note has its number and it is not next in turn
number-spaced-not-next = after a space or a capital, and not the next note in turn
number-spaced-no-such-note = after a space or a capital, and no note of its number follows

## What each lint reports (SARIF's rule descriptions)

lint-doc-undefined-footnote = a marker whose footnote is not defined
lint-doc-unreferenced-footnote = a definition no marker refers to
lint-doc-placeholder-source = `PM BRON`, `[bron]`, `xxx`, … instead of a source
lint-doc-unresolved-short-form = `Idem`/`Ibidem` with nothing usable before it
lint-doc-footnote-numbering = definitions with a gap, a duplicate, or out of order
lint-doc-citation-format = a slip in how a citation is written
lint-doc-unanswered-question = a `Vraag`/numbered question without answer, where others are answered
lint-doc-answer-without-question = an `Antwoord` with no question before it
lint-doc-question-not-taken-up = a committee letter's question that no numbered repeat (in the file or the workspace) takes up
lint-doc-quotation-without-source = a «quotation» in a question letter with no footnote after it
lint-doc-quote-not-found = a quotation whose words are not in the cited document, which is in the workspace (or is this one)
lint-doc-quote-page-mismatch = a quoted passage that stands on another page of the cited document than the note's pin
lint-doc-quote-altered = a quoted passage found in the cited document with words changed, added or left out without `…`
lint-doc-mixed-citation-style = citations in one document that write the year or dossier number two ways
lint-doc-page-beyond-document = (workspace) a page pin past the last page of the cited document, which is in the workspace
lint-doc-citation-not-in-workspace = (workspace) a cited document that is not in the workspace
lint-doc-invalid-utf8 = (`check`) the file is not valid UTF-8; bad bytes were read as U+FFFD
lint-doc-replacement-characters = (server) the text holds U+FFFD replacement characters: the file was read in another encoding than it was saved in
lint-doc-binary-file = (`check`) the file contains NUL bytes and is skipped
lint-doc-project-file = a mistake in `.dossier-lsp.toml` (bad TOML, an unknown key or lint code, a value of the wrong kind), at its line and column; the rest of the file applies
lint-doc-internal-error = (`check`) the analysis of the file failed; the other files are still checked

## The command line's help (--help)

cli-about = A language server and checker for Dutch parliamentary dossier texts.
cli-long-about =
    A language server and checker for Dutch parliamentary dossier texts.

    Without a subcommand it speaks the Language Server Protocol on stdio.
cli-usage = Usage:
cli-commands = Commands
cli-arguments = Arguments
cli-options = Options
cli-help = Print help
cli-version = Print version
cli-help-command = Print this message or the help of the given subcommand(s)
cli-serve = Speak LSP on stdio (the default)
cli-check = Check files or folders (searched for *.txt and *.md) and print findings
cli-inspect = Show a document as the analyser reads it: pages, notes, markers and the notes they resolve to, questions with their answers, citations
cli-cite = Print the citations in TEXT (or standard input with `-` or nothing) as JSON lines
cli-check-paths = Files or folders
cli-check-format = Output format: human (the default), json (one object per file per line), or sarif (SARIF 2.1.0, for code scanning)
cli-check-fix = Apply the safe fixes (citation slips, footnote renumbering, a quotation's page), then report what remains
cli-check-diff = Print the safe fixes as a unified diff and write nothing; exit 1 when there is one
cli-check-deny = Also fail (exit 1) on warnings: --deny warnings
cli-check-lint = Set a diagnostic's severity or turn it off: CODE=error|warning|information|hint|off (repeatable), e.g. `--lint citation-not-in-workspace=information`
cli-check-lang = The language of messages: nl or en (default: the project file's `language`, else LC_ALL, LC_MESSAGES or LANG)
cli-check-write-baseline = Write the findings to the baseline that `.dossier-lsp.toml` names, instead of reporting them; later runs leave them out while their lines read the same
cli-inspect-files = Files to read
cli-inspect-format = Output format: human (the default) for a person, json (one object per file per line) for tools
cli-inspect-lang = The language of the plain output: nl or en (default: LC_ALL, LC_MESSAGES or LANG)
cli-cite-text = The text to read; `-` or nothing reads standard input
cli-cite-lang = The language of the slips' messages: nl or en (default: LC_ALL, LC_MESSAGES or LANG)
