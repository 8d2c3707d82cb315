//! The user's language: every text a person reads (diagnostics, hovers,
//! lenses, action titles, progress, `check`'s summary) is a [`Message`]
//! — an id in the catalogs `nl.ftl` and `en.ftl` (Fluent) with its
//! arguments — rendered in the session's [`Lang`] where it is shown.
//! Codes, JSON field names and citation forms never change with it.

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language the catalogs hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    Nl,
    #[default]
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// `nl`, `nl-NL`, `nl_BE.UTF-8` → Dutch; anything else → English.
    pub fn from_locale(tag: &str) -> Lang {
        let primary = tag
            .trim()
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if primary == "nl" {
            Lang::Nl
        } else {
            Lang::En
        }
    }

    /// `nl` or `en` exactly (a setting, `--lang`); `None` for anything else.
    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set, as POSIX
    /// reads them; English when none is.
    pub fn from_env() -> Lang {
        Lang::from_vars(|name| std::env::var(name).ok())
    }

    /// [`Lang::from_env`] over any source of variables (for tests).
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(var)
            .find(|v| !v.trim().is_empty())
            .map_or(Lang::En, |v| Lang::from_locale(&v))
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    fn bundle(self) -> &'static FluentBundle<FluentResource> {
        match self {
            Lang::Nl => &NL,
            Lang::En => &EN,
        }
    }
}

pub(crate) const NL_FTL: &str = include_str!("nl.ftl");
pub(crate) const EN_FTL: &str = include_str!("en.ftl");

static NL: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| bundle("nl", NL_FTL));
static EN: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| bundle("en", EN_FTL));

fn bundle(code: &str, source: &str) -> FluentBundle<FluentResource> {
    let lang: unic_langid::LanguageIdentifier = code.parse().expect("a valid language tag");
    let mut bundle = FluentBundle::new_concurrent(vec![lang]);
    // Unicode isolation marks around arguments would show in terminals and
    // in editors that do not render them.
    bundle.set_use_isolating(false);
    // A catalog that does not parse is caught by the tests; what parses is used.
    let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(r, _)| r);
    let _ = bundle.add_resource(resource);
    bundle
}

/// An argument of a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Number(i64),
    /// Rendered in the same language first (a citation slip inside a
    /// diagnostic).
    Message(Box<Message>),
    /// Messages rendered in the same language and joined by `; ` (the
    /// differences between a quotation and its source).
    List(Vec<Message>),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_owned())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}
impl From<Vec<Message>> for Arg {
    fn from(list: Vec<Message>) -> Arg {
        Arg::List(list)
    }
}
impl From<Message> for Arg {
    fn from(m: Message) -> Arg {
        Arg::Message(Box::new(m))
    }
}
macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_args!(u8, u16, u32, u64, usize, i32, i64);

/// A text for a person: a catalog id and its arguments, in no language
/// until it is rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Message {
    pub fn new(id: &'static str) -> Message {
        Message {
            id,
            args: Vec::new(),
        }
    }

    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((name, value.into()));
        self
    }

    /// The text in `lang`. A missing id or argument never fails: the id
    /// (or the argument's name) shows in its place, and the catalog test
    /// keeps that from happening.
    pub fn render(&self, lang: Lang) -> String {
        self.render_checked(lang).unwrap_or_else(|(text, _)| text)
    }

    /// The text, or the text with what went wrong in rendering it.
    pub fn render_checked(&self, lang: Lang) -> Result<String, (String, String)> {
        let bundle = lang.bundle();
        let Some(pattern) = bundle.get_message(self.id).and_then(|m| m.value()) else {
            return Err((self.id.to_owned(), format!("no message `{}`", self.id)));
        };
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            let value: FluentValue = match value {
                Arg::Text(s) => s.as_str().into(),
                Arg::Number(n) => (*n).into(),
                Arg::Message(m) => m.render(lang).into(),
                Arg::List(list) => list
                    .iter()
                    .map(|m| m.render(lang))
                    .collect::<Vec<_>>()
                    .join("; ")
                    .into(),
            };
            args.set(*name, value);
        }
        let mut errors = Vec::new();
        let text = bundle
            .format_pattern(pattern, Some(&args), &mut errors)
            .into_owned();
        if errors.is_empty() {
            Ok(text)
        } else {
            Err((text, format!("`{}`: {errors:?}", self.id)))
        }
    }
}

/// `msg!("id", name = value, …)`: a [`Message`].
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Message::new($id)$(.with(stringify!($name), $value))*
    };
}

/// The text of a message without arguments, in `lang`.
pub fn text(lang: Lang, id: &'static str) -> String {
    Message::new(id).render(lang)
}

#[cfg(test)]
mod tests;
