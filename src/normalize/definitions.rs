//! Tables of defined terms (释义) that prospectuses, annual reports and
//! listed companies' announcements open with.
//!
//! In: the characters of a text (with their origins), as the other clean-up
//! steps pass them on. Out: the same, where a row of such a table
//! (`A有限    指    A光电科技有限公司，系发行人前身`) became the sentence
//! the extractors read a declared short name from:
//! `A光电科技有限公司(以下简称“A有限”),系发行人前身。` The terms of one row
//! (`发行人、公司、本公司`) are declared together. Left as it was, the row's
//! columns would be squeezed together and its lines joined
//! (`…有限公司A有限指A光电…`), running the names into one another.
//!
//! A line is such a row when a short first cell (the terms, no white space
//! inside) is parted from the meaning by one of the connector words with
//! white space on both sides (`data/rules/definitions.toml`). The characters
//! written in keep the origin of the connector they replace.

use serde::Deserialize;
use std::sync::OnceLock;

/// The words of `data/rules/definitions.toml`.
#[derive(Debug, Deserialize)]
struct DefinitionRules {
    connectors: Vec<String>,
    term_separators: Vec<String>,
    max_terms_chars: usize,
    declared_cue: String,
    meaning_breaks: Vec<char>,
}

fn rules() -> &'static DefinitionRules {
    static RULES: OnceLock<DefinitionRules> = OnceLock::new();
    RULES.get_or_init(|| {
        toml::from_str(crate::data::DEFINITION_RULES).unwrap_or_else(|e| panic!("data/rules/definitions.toml: {e}"))
    })
}

type Chars = [(char, u32)];

fn is_space(c: char) -> bool {
    c.is_whitespace() && c != '\n'
}

/// A row of a table of defined terms: its terms, the origin of its
/// connector and its meaning (trimmed).
struct Row<'a> {
    terms: Vec<String>,
    origin: u32,
    meaning: &'a Chars,
}

fn row<'a>(line: &'a Chars, r: &DefinitionRules) -> Option<Row<'a>> {
    let start = line.iter().position(|&(c, _)| !is_space(c))?;
    let terms_end = start + line[start..].iter().position(|&(c, _)| is_space(c))?;
    let connector_start = terms_end + line[terms_end..].iter().position(|&(c, _)| !is_space(c))?;
    let rest = &line[connector_start..];
    let connector = r.connectors.iter().find(|w| {
        let n = w.chars().count();
        rest.len() > n && rest.iter().zip(w.chars()).all(|(&(c, _), w)| c == w) && is_space(rest[n].0)
    })?;
    let after = &rest[connector.chars().count()..];
    let meaning_start = after.iter().position(|&(c, _)| !is_space(c))?;
    let meaning_end = after.iter().rposition(|&(c, _)| !is_space(c))? + 1;
    let terms_text: String = line[start..terms_end].iter().map(|&(c, _)| c).collect();
    if terms_text.chars().count() > r.max_terms_chars || terms_text.ends_with(['。', ':', ',']) {
        return None;
    }
    let mut terms = vec![terms_text];
    for sep in &r.term_separators {
        terms = terms
            .iter()
            .flat_map(|t| t.split(sep.as_str()))
            .map(|t| t.trim_matches(['“', '”', '"']).to_string())
            .filter(|t| !t.is_empty())
            .collect();
    }
    (!terms.is_empty()).then_some(Row {
        terms,
        origin: rest[0].1,
        meaning: &after[meaning_start..meaning_end],
    })
}

/// Whether a text may hold a row: a connector's last character (指) with
/// white space after it. Asked once of the whole text, a fast search of its
/// bytes: most texts have none, and [`rewrite`] is then not run.
pub(super) fn may_have_rows(text: &str) -> bool {
    rules()
        .connectors
        .iter()
        .filter_map(|w| w.chars().next_back())
        .any(|c| {
            text.match_indices(c)
                .any(|(p, m)| text[p + m.len()..].chars().next().is_some_and(is_space))
        })
}

/// Write each row of a table of defined terms as a declaring sentence (see
/// the module's doc).
pub(super) fn rewrite(chars: Vec<(char, u32)>) -> Vec<(char, u32)> {
    let r = rules();
    let mut out = Vec::with_capacity(chars.len() + 64);
    for line in chars.split_inclusive(|&(c, _)| c == '\n') {
        let (body, newline) = match line.split_last() {
            Some((&last, body)) if last.0 == '\n' => (body, Some(last)),
            _ => (line, None),
        };
        let Some(row) = row(body, r) else {
            out.extend_from_slice(line);
            continue;
        };
        let o = row.origin;
        let written = |s: &str, out: &mut Vec<(char, u32)>| out.extend(s.chars().map(|c| (c, o)));
        let name_end = row
            .meaning
            .iter()
            .position(|&(c, _)| r.meaning_breaks.contains(&c))
            .unwrap_or(row.meaning.len());
        out.extend_from_slice(&row.meaning[..name_end]);
        let quoted: Vec<String> = row.terms.iter().map(|t| format!("“{t}”")).collect();
        written(&format!("({}{})", r.declared_cue, quoted.join("、")), &mut out);
        let rest = &row.meaning[name_end..];
        out.extend_from_slice(rest);
        if rest.last().is_none_or(|&(c, _)| c != '。') {
            written("。", &mut out);
        }
        out.extend(newline);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::rewrite;

    fn run(text: &str) -> String {
        let chars: Vec<(char, u32)> = text.chars().zip(0..).collect();
        rewrite(chars).into_iter().map(|(c, _)| c).collect()
    }

    #[test]
    fn rows_of_defined_terms_become_declaring_sentences() {
        let text = "释义\n发行人、公司、本公司    指    青禾光电科技股份有限公司\n青禾有限\t指\t青禾光电科技有限公司,系发行人前身\n";
        assert_eq!(
            run(text),
            "释义\n青禾光电科技股份有限公司(以下简称“发行人”、“公司”、“本公司”)。\n青禾光电科技有限公司(以下简称“青禾有限”),系发行人前身。\n"
        );
    }

    #[test]
    fn prose_and_rewritten_rows_are_left_alone() {
        for text in [
            "该指标指的是企业的营业收入。\n",
            "青禾光电科技有限公司(以下简称“青禾有限”),系发行人前身。\n",
            "    指    \n",
        ] {
            assert_eq!(run(text), text);
        }
    }
}
