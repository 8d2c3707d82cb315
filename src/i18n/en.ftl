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
