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
question-not-taken-up-workspace = geen antwoordbrief in de werkmap neemt deze vraag op («{ $words } …»)
quotation-without-source = bij het citaat «{ $words } …» staat geen voetnoot met de bron
mixed-style-year = deze verwijzing schrijft het jaar als { $form }; de andere voetnoten schrijven { $usual } ({ $count }×)
mixed-style-dossier = deze verwijzing schrijft het dossiernummer als { $form }; de andere voetnoten schrijven { $usual } ({ $count }×)
citation-not-in-workspace = { $document } staat niet in de werkmap
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
