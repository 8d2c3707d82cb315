use super::*;

#[test]
fn a_locale_is_dutch_only_when_it_says_nl() {
    for tag in ["nl", "nl-NL", "nl-BE", "nl_NL.UTF-8", "NL", "nl_BE@euro"] {
        assert_eq!(Lang::from_locale(tag), Lang::Nl, "{tag}");
    }
    for tag in [
        "en",
        "en-US",
        "de-DE",
        "fr_BE.UTF-8",
        "C",
        "POSIX",
        "",
        "nld",
    ] {
        assert_eq!(Lang::from_locale(tag), Lang::En, "{tag}");
    }
}

#[test]
fn the_environment_is_read_as_posix_does() {
    let env = |vars: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    };
    assert_eq!(Lang::from_vars(env(&[("LANG", "nl_NL.UTF-8")])), Lang::Nl);
    // LC_ALL over LC_MESSAGES over LANG; an empty one does not count.
    assert_eq!(
        Lang::from_vars(env(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "nl_NL.UTF-8")])),
        Lang::En
    );
    assert_eq!(
        Lang::from_vars(env(&[("LC_ALL", ""), ("LC_MESSAGES", "nl_BE.UTF-8")])),
        Lang::Nl
    );
    assert_eq!(Lang::from_vars(env(&[])), Lang::En);
}

/// The ids of a catalog, in order.
fn ids(source: &str) -> Vec<String> {
    let resource = FluentResource::try_new(source.to_owned())
        .unwrap_or_else(|(_, errors)| panic!("the catalog does not parse: {errors:?}"));
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

#[test]
fn both_catalogs_hold_the_same_messages() {
    let (nl, en) = (ids(NL_FTL), ids(EN_FTL));
    let missing_nl: Vec<_> = en.iter().filter(|id| !nl.contains(id)).collect();
    let missing_en: Vec<_> = nl.iter().filter(|id| !en.contains(id)).collect();
    assert!(missing_nl.is_empty(), "not in nl.ftl: {missing_nl:?}");
    assert!(missing_en.is_empty(), "not in en.ftl: {missing_en:?}");
    let mut sorted = en.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), en.len(), "an id is in en.ftl twice");
}

/// Every `msg!("id"` and `Message::new("id"` in the code names a message of
/// the catalogs, and every message is used.
#[test]
fn the_code_uses_the_catalogs_messages_and_only_those() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut used = std::collections::BTreeSet::new();
    let pattern =
        regex::Regex::new(r#"(?:msg!\(|Message::new\(|text\(\s*\w+,\s*)\s*"([a-z0-9-]+)""#)
            .unwrap();
    let mut stack = vec![src];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("tests.rs") {
                // Code, not its comments (which show `msg!` by example).
                let code: String = std::fs::read_to_string(&path)
                    .unwrap()
                    .lines()
                    .filter(|l| !l.trim_start().starts_with("//"))
                    .collect::<Vec<_>>()
                    .join("\n");
                used.extend(pattern.captures_iter(&code).map(|c| c[1].to_owned()));
            }
        }
    }
    let known = ids(EN_FTL);
    let unknown: Vec<_> = used.iter().filter(|id| !known.contains(id)).collect();
    assert!(
        unknown.is_empty(),
        "used but not in the catalogs: {unknown:?}"
    );
    // Ids a feature builds from a table are listed where they are built;
    // `lint-doc-<code>` is each lint's description, which the lints' tests
    // hold to the registry.
    let unused: Vec<_> = known
        .iter()
        .filter(|id| {
            !used.contains(*id)
                && !DYNAMIC_IDS.contains(&id.as_str())
                && !id.starts_with("lint-doc-")
        })
        .collect();
    assert!(
        unused.is_empty(),
        "in the catalogs but not used: {unused:?}"
    );
}

/// Messages whose id the code picks from a table rather than writing it
/// in a `msg!`.
const DYNAMIC_IDS: &[&str] = &["mixed-style-year", "mixed-style-dossier"];

#[test]
fn a_message_renders_in_either_language_with_its_arguments() {
    let m = msg!(
        "footnote-one-missing",
        note = 7u32,
        previous = 5u32,
        missing = 6u32
    );
    assert_eq!(
        m.render(Lang::En),
        "footnote 7 follows footnote 5: footnote 6 is missing"
    );
    assert_eq!(
        m.render(Lang::Nl),
        "voetnoot 7 volgt op voetnoot 5: voetnoot 6 ontbreekt"
    );
    // A message inside a message is rendered in the same language.
    let slip = msg!(
        "citation-slip",
        slip = msg!("slip-missing-comma-before-nr"),
        written = "Kamerstukken II 2020/21 22 112 nr. 1"
    );
    assert!(slip
        .render(Lang::Nl)
        .starts_with("komma ontbreekt voor `nr.`"));
    assert!(slip
        .render(Lang::En)
        .starts_with("missing comma before `nr.`"));
}

#[test]
fn plurals_follow_the_language() {
    let one = msg!("replacement-characters", count = 1usize);
    let many = msg!("replacement-characters", count = 3usize);
    assert!(one
        .render(Lang::En)
        .starts_with("the text holds a replacement character"));
    assert!(many
        .render(Lang::Nl)
        .starts_with("de tekst bevat 3 vervangingstekens"));
}

#[test]
fn a_missing_argument_or_id_shows_and_does_not_fail() {
    let m = Message::new("footnote-twice");
    let (text, error) = m.render_checked(Lang::En).unwrap_err();
    assert!(text.contains("is defined twice"), "{text}");
    assert!(error.contains("footnote-twice"), "{error}");
    assert_eq!(Message::new("no-such-id").render(Lang::Nl), "no-such-id");
}
