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
    spaced_row(line, r).or_else(|| colon_row(line, r))
}

/// The terms of a row split at the term separators, quotes trimmed; `None`
/// when they are too long to be terms or end like a sentence.
fn split_terms(terms_text: &str, r: &DefinitionRules) -> Option<Vec<String>> {
    if terms_text.chars().count() > r.max_terms_chars || terms_text.ends_with(['。', ':', ',']) {
        return None;
    }
    let mut terms = vec![terms_text.to_string()];
    for sep in &r.term_separators {
        terms = terms
            .iter()
            .flat_map(|t| t.split(sep.as_str()))
            .map(|t| t.trim_matches(['“', '”', '"']).to_string())
            .filter(|t| !t.is_empty())
            .collect();
    }
    (!terms.is_empty()).then_some(terms)
}

/// A row written as a numbered list item, the terms before a colon and the
/// connector right after it (`6.原始权益人、麓云产投:指长沙麓云…有限公司;`),
/// as a prospectus's definitions section in running text has them.
fn colon_row<'a>(line: &'a Chars, r: &DefinitionRules) -> Option<Row<'a>> {
    let start = line.iter().position(|&(c, _)| !is_space(c))?;
    let mut i = start;
    // The item's number: 6. 6、 (6) 6)
    let digits = line[i..].iter().take_while(|&&(c, _)| c.is_ascii_digit()).count();
    if digits > 0
        && line
            .get(i + digits)
            .is_some_and(|&(c, _)| matches!(c, '.' | '、' | ')'))
    {
        i += digits + 1;
    } else if line[i].0 == '(' {
        let inner = line[i + 1..].iter().take_while(|&&(c, _)| c.is_ascii_digit()).count();
        if inner > 0 && line.get(i + 1 + inner).is_some_and(|&(c, _)| c == ')') {
            i += inner + 2;
        }
    }
    let colon = i + line[i..]
        .iter()
        .take(r.max_terms_chars + 1)
        .position(|&(c, _)| c == ':')?;
    let terms_text: String = line[i..colon].iter().map(|&(c, _)| c).collect();
    if terms_text.is_empty()
        || terms_text
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, ',' | '。' | ';'))
    {
        return None;
    }
    let rest = &line[colon + 1..];
    let rest = &rest[rest.iter().position(|&(c, _)| !is_space(c))?..];
    let connector = r.connectors.iter().find(|w| {
        let n = w.chars().count();
        rest.len() > n && rest.iter().zip(w.chars()).all(|(&(c, _), w)| c == w) && rest[n].0 != '的'
    })?;
    let after = &rest[connector.chars().count()..];
    let meaning_start = after.iter().position(|&(c, _)| !is_space(c))?;
    let meaning_end = after
        .iter()
        .rposition(|&(c, _)| !is_space(c) && !matches!(c, ';' | '。'))?
        + 1;
    if meaning_start >= meaning_end {
        return None;
    }
    Some(Row {
        terms: split_terms(&terms_text, r)?,
        origin: rest[0].1,
        meaning: &after[meaning_start..meaning_end],
    })
}

/// A row of a table, its terms, connector and meaning apart by white space.
fn spaced_row<'a>(line: &'a Chars, r: &DefinitionRules) -> Option<Row<'a>> {
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
    Some(Row {
        terms: split_terms(&terms_text, r)?,
        origin: rest[0].1,
        meaning: &after[meaning_start..meaning_end],
    })
}

/// Whether a text may hold a row: a connector's last character (指) with
/// white space after it, or a connector right after a colon (:指). Asked
/// once of the whole text, a fast search of its bytes: most texts have
/// none, and [`rewrite`] is then not run.
pub(super) fn may_have_rows(text: &str) -> bool {
    let connectors = &rules().connectors;
    let spaced = connectors.iter().filter_map(|w| w.chars().next_back()).any(|c| {
        text.match_indices(c)
            .any(|(p, m)| text[p + m.len()..].chars().next().is_some_and(is_space))
    });
    spaced
        || connectors.iter().any(|w| {
            text.match_indices(w.as_str())
                .any(|(p, _)| text[..p].trim_end_matches(is_space).ends_with([':', '：']))
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
    fn numbered_items_with_a_colon_before_the_connector_are_rows() {
        let text = "1.本基金、基金:指青岚智造产业园封闭式基础设施证券投资基金;\n(2)青岚产投:指青岚产业投资发展有限公司,系原始权益人;\n3.出租率:指已出租面积的比例。\n";
        assert_eq!(
            run(text),
            "青岚智造产业园封闭式基础设施证券投资基金(以下简称“本基金”、“基金”)。\n青岚产业投资发展有限公司(以下简称“青岚产投”),系原始权益人。\n已出租面积的比例(以下简称“出租率”)。\n"
        );
        assert!(super::may_have_rows("6.麓云产投：指长沙麓云有限公司"));
    }

    #[test]
    fn prose_and_rewritten_rows_are_left_alone() {
        for text in [
            "该指标指的是企业的营业收入。\n",
            "备注:指的是去年数据。\n",
            "说明:园区发展指数稳步提升,综合排名:指数第三。\n",
            "青禾光电科技有限公司(以下简称“青禾有限”),系发行人前身。\n",
            "    指    \n",
        ] {
            assert_eq!(run(text), text);
        }
    }
}
