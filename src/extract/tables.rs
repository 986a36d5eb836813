//! Tables: a header row of cells, then the rows under it, one line each with
//! as many cells (normalize keeps a row's cells apart by single spaces:
//! `序号 高新区名称 级别 主导产业 2024年营业收入(亿元)`).
//!
//! In: the cleaned text and the mentions found in it. Out: the industries of
//! a leading-industry column (a header cell of `[leading_industry]
//! table_headers` in relations.toml) as industry mentions
//! ([`add_industries`], before the relations are found), then for each row
//! the zone it names with those industries as its leading industries, and its
//! figures in a column whose header gives a unit, `营业收入(亿元)`
//! ([`add_row_facts`]).
//!
//! A numbered heading is read by its layout too: one that is an industry's
//! name (1. 新能源汽车及关键零部件。) is one industry, not the taxonomy's
//! names inside it ([`add_heading_industries`]).

use super::numbers::Decimal;
use super::rules::{Cue, Rules};
use super::{Extraction, Kind, Mention, Predicate, RelationMention, StatisticMention, Via};
use crate::gazetteer::Gazetteer;
use std::ops::Range;

/// One row of a table: its line, and its cells (byte ranges of the text).
struct Row {
    line: Range<usize>,
    cells: Vec<Range<usize>>,
}

/// A table: the header's cells and the rows under it.
pub(super) struct Table {
    header: Vec<Range<usize>>,
    rows: Vec<Row>,
}

/// The cells of a line: the runs between single spaces.
fn cells(text: &str, line: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = line.start;
    for (p, _) in text[line.clone()].match_indices(' ') {
        out.push(start..line.start + p);
        start = line.start + p + 1;
    }
    out.push(start..line.end);
    out.retain(|c| !c.is_empty());
    out
}

/// The tables whose header has a cell that is one of `headers`, in the
/// lines from byte `from` on.
fn tables(text: &str, from: usize, headers: &[String]) -> Vec<Table> {
    let mut out: Vec<Table> = Vec::new();
    let mut open = false;
    let mut offset = from;
    for line in text[from..].split_inclusive('\n') {
        let range = offset..offset + line.trim_end_matches('\n').len();
        offset += line.len();
        // Most lines have no three spaces: no row.
        if line.bytes().filter(|&b| b == b' ').nth(2).is_none() {
            open = false;
            continue;
        }
        // Only a line that holds a header word can open a table.
        if !open && (line.is_ascii() || !headers.iter().any(|h| line.contains(h.as_str()))) {
            continue;
        }
        let is_header = |cell: &str| headers.iter().any(|h| h == cell);
        let cells = cells(text, range.clone());
        match out.last_mut() {
            Some(table) if open && cells.len() == table.header.len() => {
                table.rows.push(Row { line: range, cells });
            }
            _ if cells.len() >= 4 && cells.iter().any(|c| is_header(&text[c.clone()])) => {
                out.push(Table {
                    header: cells,
                    rows: Vec::new(),
                });
                open = true;
            }
            _ => open = false,
        }
    }
    out
}

fn industry_tables(text: &str, from: usize, rules: &Rules) -> Vec<(Table, usize)> {
    let headers = &rules.relations.leading_industry.table_headers;
    tables(text, from, headers)
        .into_iter()
        .filter_map(|t| {
            let column = t
                .header
                .iter()
                .position(|c| headers.iter().any(|h| *h == text[c.clone()]))?;
            Some((t, column))
        })
        .collect()
}

/// The items of a cell of industries (新材料、智能装备): byte ranges.
fn items(text: &str, cell: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = cell.start;
    for (p, sep) in text[cell.clone()].match_indices(['、', ',', ';', '/']) {
        out.push(start..cell.start + p);
        start = cell.start + p + sep.len();
    }
    out.push(start..cell.end);
    out.retain(|r| text[r.clone()].chars().count() >= 2);
    out
}

/// Add the items of every leading-industry column as industry mentions
/// (a taxonomy industry found inside one, 生物医药 in 医疗器械与生物医药,
/// gives way to the whole item). Call before the relations are found: the
/// mentions are renumbered.
pub(super) fn add_industries(text: &str, ex: &mut Extraction) -> Vec<(Table, usize)> {
    let rules = Rules::get();
    let gaz = Gazetteer::get();
    let mut found: Vec<Mention> = Vec::new();
    // A header holds a leading-industry cue (主导产业): the text is read
    // from the first sentence that has one.
    let Some(first) = ex.sentences.iter().find(|s| s.cues.has(Cue::LeadingIndustry)) else {
        return Vec::new();
    };
    let line_start = text[..first.start].rfind('\n').map_or(0, |p| p + 1);
    let tables = industry_tables(text, line_start, rules);
    for (table, column) in &tables {
        let column = *column;
        for row in &table.rows {
            for item in items(text, row.cells[column].clone()) {
                let overlaps = |m: &Mention| m.start < item.end && item.start < m.end;
                if ex.mentions.iter().any(|m| overlaps(m) && m.kind != Kind::Industry) {
                    continue;
                }
                if ex
                    .mentions
                    .iter()
                    .any(|m| m.kind == Kind::Industry && m.start == item.start && m.end == item.end)
                {
                    continue;
                }
                ex.mentions.retain(|m| !(m.kind == Kind::Industry && overlaps(m)));
                let Some(sentence) = ex
                    .sentences
                    .iter()
                    .position(|s| s.start <= item.start && item.end <= s.end)
                else {
                    continue;
                };
                let name = text[item.clone()].to_string();
                found.push(Mention {
                    kind: Kind::Industry,
                    canonical: gaz.industry(&name).filter(|p| *p != name).map(str::to_string),
                    name,
                    start: item.start,
                    end: item.end,
                    sentence,
                    via: Via::List,
                    entry: None,
                    aliases: Vec::new(),
                    english: None,
                });
            }
        }
    }
    if !found.is_empty() {
        ex.mentions.extend(found);
        ex.mentions.sort_by_key(|m| (m.sentence, m.start));
    }
    tables
}

/// A numbered heading that opens its paragraph with an industry's name and
/// nothing else (1. 新能源汽车及关键零部件。…): the whole heading is one
/// industry, whatever the taxonomy's names inside it. Call before the
/// relations are found: the mentions are renumbered.
pub(super) fn add_heading_industries(text: &str, ex: &mut Extraction) {
    // The length of the numbering that opens `s` (1. 1、 1)).
    let numbering = |s: &str| -> Option<usize> {
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        let mark = [". ", ".", "、", ")"]
            .into_iter()
            .find(|m| s[digits..].starts_with(m))?;
        (digits > 0).then_some(digits + mark.len())
    };
    let mut found: Vec<Mention> = Vec::new();
    for (si, sentence) in ex.sentences.iter().enumerate() {
        if si > 0 && ex.sentences[si - 1].paragraph == sentence.paragraph {
            continue;
        }
        let s = &text[sentence.start..sentence.end];
        let Some(skip) = numbering(s) else { continue };
        let heading = s[skip..].trim_end_matches(['。', ':']);
        let start = sentence.start + skip;
        let end = start + heading.len();
        let joined = ["及", "和", "与"].iter().any(|w| heading.contains(w));
        if !(2..=16).contains(&heading.chars().count())
            || !joined
            || !heading.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        {
            continue;
        }
        let inside = |m: &Mention| start <= m.start && m.end <= end;
        if !ex.mentions.iter().any(|m| inside(m) && m.kind == Kind::Industry)
            || ex.mentions.iter().any(|m| inside(m) && m.kind != Kind::Industry)
        {
            continue;
        }
        ex.mentions.retain(|m| !inside(m));
        found.push(Mention {
            kind: Kind::Industry,
            name: heading.to_string(),
            start,
            end,
            sentence: si,
            via: Via::List,
            canonical: None,
            entry: None,
            aliases: Vec::new(),
            english: None,
        });
    }
    if found.is_empty() {
        return;
    }
    ex.mentions.extend(found);
    ex.mentions.sort_by_key(|m| (m.sentence, m.start));
}

/// For each row of a table: the leading industries of the zone it names (a
/// leading-industry column), and its figures in each column whose header
/// ends with a unit in brackets (2024年营业收入(亿元): the year and metric
/// come from the header).
pub(super) fn add_row_facts(text: &str, tables: &[(Table, usize)], ex: &mut Extraction) {
    let rules = Rules::get();
    for (table, column) in tables {
        let column = *column;
        let figure_columns: Vec<(usize, String, Option<i32>, &str, u64)> = table
            .header
            .iter()
            .enumerate()
            .filter_map(|(k, c)| {
                let (metric, unit, factor) = unit_header(&text[c.clone()], rules)?;
                let (year, metric) = match metric.split_once('年') {
                    Some((y, rest)) if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => (y.parse().ok(), rest),
                    _ => (None, metric),
                };
                Some((k, metric.to_string(), year, unit, factor))
            })
            .collect();
        for row in &table.rows {
            let in_row = |m: &Mention, r: &Range<usize>| r.start <= m.start && m.end <= r.end;
            let Some(zone) = ex
                .mentions
                .iter()
                .position(|m| m.kind == Kind::Zone && in_row(m, &row.line))
            else {
                continue;
            };
            let sentence = ex.mentions[zone].sentence;
            let cell = &row.cells[column];
            let industries: Vec<usize> = (0..ex.mentions.len())
                .filter(|&i| ex.mentions[i].kind == Kind::Industry && in_row(&ex.mentions[i], cell))
                .collect();
            for industry in industries {
                let known = ex.relations.iter().any(|r| {
                    r.predicate == Predicate::LeadingIndustry && r.subject == zone && r.object == Some(industry)
                });
                if !known {
                    ex.relations.push(RelationMention {
                        predicate: Predicate::LeadingIndustry,
                        subject: zone,
                        object: Some(industry),
                        literal: None,
                        industry: None,
                        date: None,
                        sentence,
                    });
                }
            }
            for (k, metric, year, unit, factor) in &figure_columns {
                let cell = row.cells[*k].clone();
                let Some(value) = Decimal::parse_arabic(&text[cell.clone()].replace(',', "")) else {
                    continue;
                };
                let Some(value) = value.times(*factor) else { continue };
                ex.statistics.push(StatisticMention {
                    subject: zone,
                    value: value.to_lexical(),
                    unit: unit.to_string(),
                    metric: metric.clone(),
                    year: *year,
                    qualifier: None,
                    sentence,
                    start: cell.start,
                    end: cell.end,
                });
            }
        }
    }
}

/// A header cell that ends with a unit of statistics.toml in brackets
/// (营业收入(亿元)): the words before it, the unit and its factor.
fn unit_header<'a>(cell: &'a str, rules: &'a Rules) -> Option<(&'a str, &'a str, u64)> {
    let inner = cell.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let (metric, word) = (&inner[..open], &inner[open + 1..]);
    if metric.chars().count() < 2 {
        return None;
    }
    if word == "%" {
        return Some((metric, "percent", 1));
    }
    rules
        .units
        .iter()
        .find(|(w, _, _)| w == word)
        .map(|(_, unit, factor)| (metric, unit.as_str(), *factor))
}

#[cfg(test)]
mod tests {
    use crate::extract::{extract, Kind, Predicate};
    use crate::normalize::clean;

    #[test]
    fn a_numbered_heading_naming_an_industry_is_one_industry() {
        let text = "青溪高新区的主导产业是新能源汽车、智能装备等产业。\n\
                    1. 新能源汽车及关键零部件。集聚零部件企业210余家。白山电子股份有限公司为该产业链链主企业。\n\
                    2. 智能装备。以数控机床为重点。";
        let ex = extract(&clean(text));
        let industries: Vec<&str> = ex
            .mentions
            .iter()
            .filter(|m| m.kind == Kind::Industry)
            .map(|m| m.name.as_str())
            .collect();
        assert!(industries.contains(&"新能源汽车及关键零部件"), "{industries:?}");
        assert_eq!(
            crate::extract::chain_leads(text),
            [("白山电子股份有限公司".to_string(), "新能源汽车及关键零部件".to_string())]
        );
    }

    #[test]
    fn a_table_of_zones_gives_their_leading_industries_and_figures() {
        let text = "附件\n青溪省高新区名单\n\
                    序号 高新区名称 级别 主导产业 2024年营业收入(亿元)\n\
                    1 青溪高新技术产业开发区 国家级 新材料、声学光电 986\n\
                    2 白山高新技术产业开发区 省级 功能糖及生物制品 35.5\n\
                    (注:营业收入为快报数。)\n";
        let ex = extract(&clean(text));
        let mut leading: Vec<(&str, &str)> = ex
            .relations
            .iter()
            .filter(|r| r.predicate == Predicate::LeadingIndustry)
            .map(|r| {
                let name = |i: usize| ex.mentions[i].name.as_str();
                (name(r.subject), r.object.map_or("", name))
            })
            .collect();
        leading.sort();
        assert_eq!(
            leading,
            [
                ("白山高新技术产业开发区", "功能糖及生物制品"),
                ("青溪高新技术产业开发区", "声学光电"),
                ("青溪高新技术产业开发区", "新材料"),
            ]
        );
        let figures: Vec<(&str, &str, Option<i32>)> = ex
            .statistics
            .iter()
            .map(|s| (ex.mentions[s.subject].name.as_str(), s.value.as_str(), s.year))
            .collect();
        assert_eq!(
            figures,
            [
                ("青溪高新技术产业开发区", "98600000000", Some(2024)),
                ("白山高新技术产业开发区", "3550000000", Some(2024)),
            ]
        );
    }
}
