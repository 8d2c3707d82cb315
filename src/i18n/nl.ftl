# De teksten van dossier-lsp in het Nederlands. Elke id staat ook in en.ftl
# (een test bewaakt dat). Codes, veldnamen en citeervormen worden niet vertaald.

## Diagnostiek

undefined-footnote = voetnoot { $note } wordt hier aangehaald maar is nergens gedefinieerd
unreferenced-footnote = voetnoot { $note } is gedefinieerd maar wordt in de tekst nergens aangehaald
placeholder-in-footnote = voetnoot { $note } heeft een plaatshouder `{ $written }` in plaats van een bron
placeholder = plaatshouder `{ $written }` in plaats van een bron
unresolved-short-form = voetnoot { $note }: { $what } is niet te herleiden: { $reason }
short-form-generic = de verkorte verwijzing
short-form-idem = `Idem`
short-form-ibidem = `Ibidem`
short-form-see-note = `zie noot`
footnote-twice = voetnoot { $note } is twee keer gedefinieerd
footnote-out-of-order = voetnoot { $note } staat na voetnoot { $previous }: verkeerde volgorde
footnote-one-missing = voetnoot { $note } volgt op voetnoot { $previous }: voetnoot { $missing } ontbreekt
footnote-several-missing = voetnoot { $note } volgt op voetnoot { $previous }: voetnoten { $from } tot en met { $to } ontbreken
footnote-first-not-one = de eerste voetnoot heeft nummer { $note }, niet 1
citation-slip = { $slip } in `{ $written }`
citation-slip-in-footnote = voetnoot { $note }: { $slip } in `{ $written }`
unanswered-question = `{ $name }` heeft geen antwoord
answer-follows-no-question = `{ $name }` volgt op geen enkele vraag
answer-no-such-question = `{ $name }`: er staat geen vraag { $number } voor
answer-no-such-questions = `{ $name }`: deze vragen staan er niet voor
question-not-taken-up = deze vraag («{ $words } …») komt in de antwoordbrief niet terug
question-not-taken-up-workspace = geen antwoordbrief in de werkruimte neemt deze vraag op («{ $words } …»)
quotation-without-source = bij het citaat «{ $words } …» staat geen voetnoot met de bron
quote-not-found = de geciteerde passage «{ $words }» staat niet in { $document }
quote-not-found-near = de geciteerde passage «{ $words }» staat niet in { $document }; het dichtst erbij komt de passage op { $pages }: «{ $near }»
quote-page-mismatch = de geciteerde passage «{ $words }» staat op { $pages } van { $document }, niet op blz. { $pin }
quote-altered = het citaat «{ $words }» wijkt af van { $document }, { $pages }: { $changes }
quote-words-differ = de woorden wijken op enkele plaatsen af
quote-change-changed = `{ $source }` is geciteerd als `{ $quoted }`
quote-change-added = `{ $words }` is toegevoegd
quote-change-left-out = `{ $words }` is weggelaten zonder `…`
quote-page = blz. { $page }
quote-pages = blz. { $first }–{ $last }
quote-page-unnumbered = een pagina zonder nummer
mixed-style-year = deze verwijzing schrijft het jaar als { $form }; de andere voetnoten schrijven { $usual } ({ $count }×)
mixed-style-dossier = deze verwijzing schrijft het dossiernummer als { $form }; de andere voetnoten schrijven { $usual } ({ $count }×)
citation-not-in-workspace = { $document } staat niet in de werkruimte
page-beyond-document = pagina { $page } ligt voorbij het einde van { $document }, dat { $last } pagina's heeft
replacement-characters = de tekst bevat { $count ->
    [one] een vervangingsteken
   *[other] { $count } vervangingstekens
  } (U+FFFD): het bestand is waarschijnlijk niet als UTF-8 opgeslagen (Windows-1252?); open het in zijn eigen codering en sla het op als UTF-8

## Waarom een verkorte verwijzing niet te herleiden is

reason-no-earlier-footnote = er is geen eerdere voetnoot om naar te verwijzen
reason-placeholder-before = voetnoot { $note } ervoor is een plaatshouder, geen bron
reason-unresolved-before = voetnoot { $note } ervoor is evenmin te herleiden
reason-empty-before = voetnoot { $note } ervoor is leeg

## Fouten in de schrijfwijze van een verwijzing

slip-missing-space-after = spatie ontbreekt na `{ $word }`
slip-ll-for-ii = `ll` (twee letters l) geschreven voor `II`
slip-11-for-ii = `11` geschreven voor `II`
slip-doubtful-year = twijfelachtig vergaderjaar `{ $written }`: het tweede jaar hoort op het eerste te volgen
slip-nr-without-period = `nr` zonder punt
slip-missing-comma-before-nr = komma ontbreekt voor `nr.`
slip-missing-nr = `nr.` ontbreekt voor het documentnummer
slip-missing-comma-nr = `, nr.` ontbreekt voor het documentnummer
slip-ecli-comma = komma in plaats van dubbele punt in de ECLI

## check

check-error = fout: { $error }
file-problem = { $path }: { $problem }
check-binary-file = dit lijkt een binair bestand (het bevat NUL-bytes), geen tekst; overgeslagen
check-invalid-utf8 = het bestand is geen geldige UTF-8: { $count ->
    [one] een ongeldige bytereeks is
   *[other] { $count } ongeldige bytereeksen zijn
  } gelezen als U+FFFD
check-invalid-utf8-probably = het bestand is geen geldige UTF-8: { $count ->
    [one] een ongeldige bytereeks is
   *[other] { $count } ongeldige bytereeksen zijn
  } gelezen als U+FFFD; het is waarschijnlijk { $encoding } (zet het om: `iconv -f { $encoding } -t UTF-8`)
check-internal-error = de analyse van dit bestand is mislukt (een interne fout; meld die graag met het bestand erbij)
check-too-large = { $path }: { $bytes } bytes is meer dan de grens van { $limit }; overgeslagen
check-changed-while-read = { $path }: gewijzigd terwijl het werd gecontroleerd; de bevindingen die de andere bestanden nodig hebben, zijn weggelaten
check-summary = { $files ->
    [one] 1 bestand
   *[other] { $files } bestanden
  } gecontroleerd: { $errors ->
    [one] 1 fout
   *[other] { $errors } fouten
  }, { $warnings ->
    [one] 1 waarschuwing
   *[other] { $warnings } waarschuwingen
  }, { $others ->
    [one] 1 hint of opmerking
   *[other] { $others } hints en opmerkingen
  }
check-fixed = { $path }: { $count ->
    [one] 1 bevinding
   *[other] { $count } bevindingen
  } hersteld ({ $codes })
check-not-written-changed = { $path }: gewijzigd sinds het werd gelezen; niet geschreven (draai `check --fix` opnieuw)
check-not-written-io = { $path }: niet geschreven: { $problem }
check-fix-unfinished = { $path }: de herstellingen kwamen na { $rounds } rondes niet tot rust; wat ze tot dan gaven, is behouden
severity-error = fout
severity-warning = waarschuwing
severity-information = info
severity-hint = hint

## Bestanden vinden en indexeren

glob-invalid = patroon `{ $glob }`: { $error }
folder-too-deep = meer dan { $depth } mappen diep; niet verder doorzocht
folder-unreadable = map niet te lezen: { $error }
too-many-files = meer dan { $count } passende bestanden; de rest is weggelaten
index-unreadable = niet te lezen: { $error }
index-too-large = { $bytes } bytes is meer dan de grens van { $limit }; niet geïndexeerd
index-binary = een binair bestand (het bevat NUL-bytes); niet geïndexeerd
index-internal-error = de analyse van dit bestand is mislukt (een interne fout); niet geïndexeerd
index-no-uri = geen bestands-URI voor dit pad; niet geïndexeerd

## Hover, codelenzen, symbolen

hover-quote = Citaat
hover-quote-source = uit { $document }, { $pages } ({ $place })
hover-quote-source-no-page = uit { $document } ({ $place })
hover-quote-this-document = dit document
hover-quote-wrong-page = De noot noemt blz. { $pin }; de passage staat op { $pages }.
hover-quote-differs = Het citaat wijkt af van de bron:
hover-quote-added = toegevoegd:
hover-quote-left-out = weggelaten zonder `…`:
hover-quote-not-found = De geciteerde woorden staan niet in dit stuk.
hover-quote-closest = Dichtstbijzijnde passage, { $pages }:
hover-footnote = Voetnoot { $note }
hover-footnote-not-found = Deze voetnoot staat niet in het document.
hover-question = Vraag{ $numbers }
hover-question-not-found = Deze vraag staat niet in het document.
hover-answer = Antwoord{ $numbers }
hover-answer-without-question = Bij dit antwoord is geen vraag gevonden.
hover-line = regel { $line }
hover-unanswered = Deze vraag heeft (nog) geen antwoord.
hover-taken-up-unanswered = Deze vraag is overgenomen maar heeft (nog) geen antwoord.
hover-source-missing = De bron ontbreekt
hover-placeholder-here = `{ $written }` staat hier in plaats van een bron.
hover-unresolved = Verwijzing niet op te lossen: { $reason }
hover-via-footnote = via voetnoot { $notes }
hover-slip = Schrijfwijze: { $slip }
hover-slip-short = schrijfwijze: { $slip }
hover-note-inline = voetnoot { $note }: { $summary }
hover-note-inline-missing = voetnoot { $note }: niet gevonden
source-missing-short = bron ontbreekt
hover-in-workspace = In de werkruimte: { $documents }
hover-cited-nowhere = Nergens anders in de werkruimte aangehaald.
hover-cited-in = { $count }× aangehaald in { $documents ->
    [one] 1 ander document
   *[other] { $documents } andere documenten
  } van de werkruimte (zoek de verwijzingen op voor de plaatsen).
answered-in = Beantwoord in
taken-up-in = Overgenomen, (nog) niet beantwoord, in
lens-answered = Beantwoord: Antwoord{ $numbers }, regel { $line }
lens-taken-up-unanswered = Niet beantwoord (overgenomen als vraag{ $numbers }, regel { $line })
lens-unanswered = Niet beantwoord
lens-question = vraag{ $numbers }
symbol-untitled = (zonder titel)
hint-marker-tooltip = De eerste woorden van de voetnoot
completion-cited-here = in dit document aangehaald

## Codeacties en hernoemen

action-fix-slip = Schrijfwijze herstellen: { $slip }
action-quote-pin = Paginanummer in de voetnoot op blz. { $page } zetten
action-renumber = Voetnoten doorlopend hernummeren (1, 2, 3 …)
action-expand-short-form = `{ $written }` uitschrijven: { $full }
action-add-footnote = Voetnoot { $note } toevoegen onderaan de pagina
action-fill-source = Bron invullen: { $source }
rename-not-a-note = Alleen een voetnootnummer (een verwijzing of het nummer van een voetnoot) kan worden hernoemd.
rename-not-a-number = `{ $name }` is geen voetnootnummer (een getal vanaf 1).
rename-note-missing = Voetnoot { $note } staat niet in het document; voeg eerst de voetnoot toe.
rename-note-exists = Voetnoot { $note } bestaat al; kies een ander nummer of hernummer alle voetnoten (bronactie).

## Het logboek en de voortgang van de server

progress-title = Dossiers indexeren
progress-report = { $done } van { $total }
progress-end = { $count ->
    [one] 1 document
   *[other] { $count } documenten
  }
log-indexed = dossier-lsp: { $count ->
    [one] 1 document
   *[other] { $count } documenten
  } geïndexeerd onder { $root } in { $seconds } s
log-left-out = { $count } weggelaten, bijvoorbeeld { $path }: { $problem }
log-ready = dossier-lsp { $version } gereed (posities in { $encoding })
log-settings-problem = instellingen van dossier-lsp: { $problem }
log-analysis-failed = dossier-lsp: de analyse van { $uri } is mislukt ({ $error }); uw tekst blijft bewaard
log-edit-failed = dossier-lsp: een wijziging kon niet worden verwerkt ({ $error }); sluit het document en open het opnieuw
request-failed = { $what } is mislukt: { $error }

## Instellingen en --lint

lint-spec-malformed = `{ $spec }`: verwacht CODE=NIVEAU, bijvoorbeeld placeholder-source=error
lint-unknown = onbekende code `{ $code }`; bekend zijn: { $known }
lint-level-unknown = `{ $level }` is niet een van error, warning, information, hint, off
setting-not-an-object = `{ $key }` hoort een object te zijn, niet { $value }
setting-not-a-boolean = `{ $key }` hoort true of false te zijn, niet { $value }
setting-language-unknown = `language` hoort "nl", "en" of "auto" te zijn, niet { $value }

## Het projectbestand en zijn basislijn

project-toml = geen geldige TOML: { $error }
project-unreadable = het projectbestand is niet te lezen: { $error }
project-unknown-key = onbekende sleutel `{ $key }`; bekend zijn: { $known }
project-wrong-kind = `{ $key }` hoort { $expected } te zijn, niet { $found }
project-kind-string = een tekenreeks
project-kind-globs = een lijst van glob-patronen
project-kind-glob = een glob-patroon (een tekenreeks)
project-kind-table = een tabel van codes en niveaus
project-kind-level = een niveau: "error", "warning", "information", "hint" of "off"
project-kind-overrides = een lijst van tabellen (`[[overrides]]`)
project-override-without-files = een override heeft `files` nodig, de patronen van de bestanden waarvoor hij geldt
baseline-unreadable = de basislijn { $path } is niet te lezen: { $error }
baseline-invalid = de basislijn { $path } is geen basislijnbestand: { $error }
baseline-version = de basislijn { $path } heeft versie { $version }, die deze dossier-lsp niet leest
baseline-unwritable = de basislijn { $path } kan niet worden geschreven: { $error }
baseline-no-project = boven sommige bestanden staat geen `.dossier-lsp.toml`, dus geen basislijn voor die bestanden
baseline-not-named = { $project } noemt geen `baseline`-bestand
baseline-written = { $count ->
    [one] 1 bevinding
   *[other] { $count } bevindingen
  } in de basislijn { $path } geschreven
check-baseline-hidden = { $count ->
    [one] 1 in de basislijn aanvaarde bevinding
   *[other] { $count } in de basislijn aanvaarde bevindingen
  } niet getoond

## inspect

inspect-error = dossier-lsp inspect: { $path }: { $problem }
inspect-io = { $error }
inspect-too-large = { $bytes } bytes is meer dan de grens van { $limit }
inspect-binary = dit lijkt een binair bestand (het bevat NUL-bytes), geen tekst
inspect-pages = pagina's ({ $count }):
inspect-page = pagina { $number }  vanaf regel { $line }
inspect-footnotes = voetnoten ({ $count }):
inspect-lines = regels { $first }-{ $last }
inspect-markers = noottekens ({ $count }):
inspect-line = regel { $line }
inspect-no-definition = geen noot
inspect-not-markers = cijfers die niet als noottekens gelezen zijn ({ $count }):
inspect-questions = vragen ({ $count }):
inspect-answered-on = beantwoord op regel { $line }
inspect-no-answer = geen antwoord
inspect-answers = antwoorden ({ $count }):
inspect-citations = bronverwijzingen ({ $count }):

## Waarom een cijfer wel of niet als nootteken gelezen is (inspect)

number-markdown-marker = een nootteken van een Markdown-noot
number-typed-marker = een nootteken van een getypte noot, in die vorm gedefinieerd
number-superscript-marker = een nootteken in superscript, met een noot
number-more-than-four-digits = meer dan vier cijfers
number-zero = nul
number-part-of-word = deel van een woord of hoeveelheid (er volgt een letter, cijfer of eenheid)
number-decimal-or-range = een decimaal getal, bereik, tijd of kenmerk (`1,5`, `12-13`)
number-number-part = een decimaal getal of deel van een getal (`5.3`)
number-after-quantity-word = na een woord dat er een hoeveelheid of verwijzing van maakt (`nr.`, `van`)
number-opens-line = opent de regel als opsommingsteken, kop of vraag (`1. Inleiding`)
number-in-number-list = in een reeks getallen (`Vraag 3, 4`)
number-after-code = na een code of formule (`CO 2`)
number-after-spaces = na meer dan één spatie (een tabel of opmaak)
number-before-quantity-word = voor een woord dat er een hoeveelheid of datum van maakt (`11 weken`)
number-not-after-letter = niet na een letter, een sluitteken of een spatie
number-glued-next-note = door de extractie vastgeplakt; precies de volgende noot, eronder op de pagina
number-glued-numbered = vast aan een woord of sluitteken, met een noot van dat nummer of de volgende op rij
number-spaced-next-note = na een spatie of hoofdletter; de volgende noot, eronder gedefinieerd
number-glued-not-next = vast aan de buren en niet precies de volgende noot op de pagina
number-year-or-postcode = vier cijfers en geen noot met dat nummer (een jaartal, een postcode)
number-glued-no-notes = vastgeplakt, maar het document heeft geen noten onderaan een pagina
number-glued-no-such-note = vastgeplakt, maar geen noot heeft dit nummer en het is niet de volgende op rij
number-spaced-not-next = na een spatie of hoofdletter, en niet de volgende noot op rij
number-spaced-no-such-note = na een spatie of hoofdletter, en er volgt geen noot met dit nummer

## Wat elke lint meldt (de beschrijving van de regels in SARIF)

lint-doc-undefined-footnote = een verwijzing naar een voetnoot die niet gedefinieerd is
lint-doc-unreferenced-footnote = een voetnoot waarnaar geen verwijzing in de tekst leidt
lint-doc-placeholder-source = `PM BRON`, `[bron]`, `xxx`, … in plaats van een bron
lint-doc-unresolved-short-form = `Idem`/`Ibidem` zonder bruikbare bron ervoor
lint-doc-footnote-numbering = voetnoten met een gat, een dubbel nummer of in de verkeerde volgorde
lint-doc-citation-format = een schrijffout in een verwijzing naar een stuk
lint-doc-unanswered-question = een `Vraag` of genummerde vraag zonder antwoord, waar andere wel beantwoord zijn
lint-doc-answer-without-question = een `Antwoord` zonder vraag ervoor
lint-doc-question-not-taken-up = een vraag uit de brief van een commissie die geen genummerde herhaling (in het bestand of de werkruimte) overneemt
lint-doc-quotation-without-source = een «citaat» in een brief met vragen zonder voetnoot erachter
lint-doc-quote-not-found = een citaat waarvan de woorden niet in het geciteerde stuk staan, dat in de werkruimte staat (of dit stuk zelf is)
lint-doc-quote-page-mismatch = een geciteerde passage die op een andere pagina van het geciteerde stuk staat dan de noot zegt
lint-doc-quote-altered = een geciteerde passage die in het stuk staat, maar met woorden veranderd, toegevoegd of weggelaten zonder `…`
lint-doc-mixed-citation-style = verwijzingen in één document die het jaar of het dossiernummer op twee manieren schrijven
lint-doc-page-beyond-document = (werkruimte) een paginanummer voorbij de laatste pagina van het geciteerde stuk, dat in de werkruimte staat
lint-doc-citation-not-in-workspace = (werkruimte) een geciteerd stuk dat niet in de werkruimte staat
lint-doc-invalid-utf8 = (`check`) het bestand is geen geldige UTF-8; onleesbare bytes zijn als U+FFFD gelezen
lint-doc-replacement-characters = (server) de tekst bevat vervangingstekens U+FFFD: het bestand is in een andere codering gelezen dan waarin het is opgeslagen
lint-doc-binary-file = (`check`) het bestand bevat NUL-bytes en wordt overgeslagen
lint-doc-project-file = een fout in `.dossier-lsp.toml` (ongeldige TOML, een onbekende sleutel of lintcode, een waarde van de verkeerde soort), op regel en kolom; de rest van het bestand geldt
lint-doc-internal-error = (`check`) de analyse van het bestand is mislukt; de andere bestanden worden nog gecontroleerd

## De hulp van de opdrachtregel (--help)

cli-about = Een taalserver en controle voor Nederlandse parlementaire dossierteksten.
cli-long-about =
    Een taalserver en controle voor Nederlandse parlementaire dossierteksten.

    Zonder subopdracht spreekt hij het Language Server Protocol op stdio.
cli-usage = Gebruik:
cli-commands = Opdrachten
cli-arguments = Argumenten
cli-options = Opties
cli-help = Hulp tonen
cli-version = Versie tonen
cli-help-command = Deze hulp tonen, of die van de gegeven subopdracht(en)
cli-serve = LSP spreken op stdio (standaard)
cli-check = Bestanden of mappen controleren (gezocht wordt naar *.txt en *.md) en de bevindingen tonen
cli-inspect = Een document tonen zoals de analyse het leest: pagina's, noten, verwijzingen en de noten waar ze naar leiden, vragen met hun antwoorden, bronverwijzingen
cli-cite = De bronverwijzingen in TEXT (of de standaardinvoer, met `-` of niets) als JSON-regels tonen
cli-check-paths = Bestanden of mappen
cli-check-format = Uitvoervorm: human (standaard), json (één object per bestand per regel) of sarif (SARIF 2.1.0, voor code scanning)
cli-check-fix = De veilige correcties toepassen (schrijfwijze van bronverwijzingen, nummering van voetnoten, de pagina van een citaat) en daarna tonen wat overblijft
cli-check-diff = De veilige correcties als unified diff tonen en niets schrijven; afsluitcode 1 als er een is
cli-check-deny = Ook bij waarschuwingen mislukken (afsluitcode 1): --deny warnings
cli-check-lint = De ernst van een melding instellen of haar uitzetten: CODE=error|warning|information|hint|off (herhaalbaar), bijv. `--lint citation-not-in-workspace=information`
cli-check-lang = De taal van de meldingen: nl of en (standaard: `language` uit het projectbestand, anders LC_ALL, LC_MESSAGES of LANG)
cli-check-write-baseline = De bevindingen naar de basislijn schrijven die `.dossier-lsp.toml` noemt, in plaats van ze te tonen; later blijven ze weg zolang hun regels gelijk blijven
cli-inspect-files = Te lezen bestanden
cli-inspect-format = Uitvoervorm: human (standaard) voor een mens, json (één object per bestand per regel) voor programma's
cli-inspect-lang = De taal van de gewone uitvoer: nl of en (standaard: LC_ALL, LC_MESSAGES of LANG)
cli-cite-text = De te lezen tekst; `-` of niets leest de standaardinvoer
cli-cite-lang = De taal van de meldingen over de schrijfwijze: nl of en (standaard: LC_ALL, LC_MESSAGES of LANG)
