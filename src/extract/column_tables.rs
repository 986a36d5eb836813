//! Tables of figures read by their columns: a header of years over rows of
//! metrics (`指标 2022年 2023年 2024年` / `地区生产总值 402.36 438.71 471.05`),
//! or a header of metrics over rows of names (`企业名称 2024年营业收入` /
//! `A药业股份有限公司 68.42`), as prospectuses, annual reports and bulletins
//! print their main figures.
//!
//! In: the cleaned text (a row's cells apart by single spaces, as normalize
//! keeps them) and the mentions found in it. Out: statistics, added to the
//! extraction. A figure's unit is its cell's (`59.45%`), its metric's
//! brackets (`资产负债率(%)`, `营业收入(亿元)`) or the line over the header
//! (`单位:亿元`); a share written without a unit (`资产负债率`, by
//! `percent_metric_endings` of statistics.toml) is a percentage whatever the
//! table's unit. A row of metrics belongs to what the table's caption names
//! (`表4-1 A高新区主要经济指标`), else to the firm the document calls itself
//! (the one it declared `发行人` or `公司`), else to the header's topic; a
//! row of names to the one it names. What the prose reading of the
//! statistics stage found at one of these cells gives way.

use super::numbers::Decimal;
use super::rules::Rules;
use super::statistics::years_in;
use super::tables::{cells, header_year, sentence_of, unit_header, unit_line};
use super::{Extraction, Kind, StatisticMention};
use std::ops::Range;

/// What a table's columns are.
enum Columns {
    /// A year each, after the metrics' column.
    Years(Vec<i32>),
    /// Metrics, after the column of names (`name`).
    Metrics { name: usize },
}

/// A figure cell of a row: its column, year, metric and the unit the
/// metric's brackets give.
type ColumnFigure<'a> = (usize, Option<i32>, &'a str, Option<(&'a str, u64)>);

/// The year a header cell names: 2024, 2024年, 2023年度, 2022年末/度,
/// 2024年12月31日.
fn year_cell(cell: &str, rules: &Rules) -> Option<i32> {
    let digits = cell.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 4 {
        return None;
    }
    let year: i32 = cell[..4].parse().ok()?;
    let rest = &cell[4..];
    let rest = rest.strip_prefix('年').unwrap_or(rest);
    let date = || {
        let mut parts = rest.split(['月', '日']).filter(|p| !p.is_empty());
        rest.contains('月') && parts.all(|p| p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()))
    };
    let known = rules.statistics.year_header_rests.iter().any(|r| r == rest);
    ((1949..=2100).contains(&year) && (known || date())).then_some(year)
}

/// A figure cell's number and whether it is written as a percentage.
fn figure(cell: &str) -> Option<(Decimal, bool)> {
    let (number, percent) = match cell.strip_suffix('%') {
        Some(n) => (n, true),
        None => (cell, false),
    };
    Some((Decimal::parse_arabic(&number.replace(',', ""))?, percent))
}

/// A metric cell without its lead-in (其中:税收收入) and the unit in its
/// brackets (资产负债率(%)), if any: the metric, and the unit and factor.
fn metric_cell<'a>(cell: &'a str, rules: &'a Rules) -> (&'a str, Option<(&'a str, u64)>) {
    let cell = rules
        .statistics
        .metric_lead_ins
        .iter()
        .find_map(|w| cell.strip_prefix(w.as_str()))
        .unwrap_or(cell);
    match unit_header(cell, rules) {
        Some((metric, unit, factor)) => (metric, Some((unit, factor))),
        None => (cell, None),
    }
}

/// Whether a metric is a share, a percentage without a unit of its own.
fn share(metric: &str, rules: &Rules) -> bool {
    rules
        .statistics
        .percent_metric_endings
        .iter()
        .any(|e| metric.ends_with(e.as_str()))
}

/// The unit and factor of a figure: a percentage cell's, the metric's
/// brackets', a share's, else the table's unit line's.
fn unit_of<'a>(
    percent: bool,
    metric_unit: Option<(&'a str, u64)>,
    metric: &str,
    table_unit: Option<(&'a str, u64)>,
    rules: &Rules,
) -> Option<(&'a str, u64)> {
    if percent || share(metric, rules) && metric_unit.is_none() {
        return Some(("percent", 1));
    }
    metric_unit.or(table_unit)
}

/// The entity a mention in `range` names (a zone, firm, institute or place),
/// the last one there.
fn named_in(ex: &Extraction, range: Range<usize>, kinds: &[Kind]) -> Option<usize> {
    ex.mentions
        .iter()
        .rposition(|m| kinds.contains(&m.kind) && range.start <= m.start && m.end <= range.end)
}

/// The firm the document calls itself: the mention that declared one of
/// `self_words` (发行人, 公司) its short name.
fn own_firm(ex: &Extraction, rules: &Rules) -> Option<usize> {
    let words = &rules.statistics.self_words;
    ex.mentions
        .iter()
        .position(|m| m.kind == Kind::Enterprise && m.aliases.iter().any(|a| words.contains(a)))
}

/// Add the figures of every table read by its columns (see the module's doc).
pub(super) fn add_column_figures(text: &str, ex: &mut Extraction) {
    let rules = Rules::get();
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        lines.push(offset..offset + line.trim_end_matches('\n').len());
        offset += line.len();
    }
    let mut found: Vec<StatisticMention> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = &text[lines[i].clone()];
        // (Most lines have no space: no header.)
        if !line.contains(' ') || line.contains('。') {
            i += 1;
            continue;
        }
        let header = cells(text, lines[i].clone());
        let shown: Vec<&str> = header.iter().map(|c| &text[c.clone()]).collect();
        let years: Option<Vec<i32>> = shown.iter().skip(1).map(|c| year_cell(c, rules)).collect();
        let columns = match years {
            Some(years) if years.len() >= 2 => Columns::Years(years),
            _ => match shown
                .iter()
                .position(|c| c.ends_with("名称") || rules.statistics.name_column_headers.iter().any(|h| h == c))
            {
                // (A table of projects is read by tables.rs.)
                Some(name)
                    if shown.len() >= 2
                        && name + 1 < shown.len()
                        && !rules.entities.project.table_headers.iter().any(|h| h == shown[name]) =>
                {
                    Columns::Metrics { name }
                }
                _ => {
                    i += 1;
                    continue;
                }
            },
        };
        // The unit line and the caption: up to two lines over the header.
        let over = |k: usize| i.checked_sub(k).map(|j| lines[j].clone());
        let unit_at = (1..=2).find(|&k| over(k).is_some_and(|r| unit_line(&text[r], rules).is_some()));
        let table_unit = unit_at
            .and_then(&over)
            .and_then(|r| unit_line(&text[r], rules))
            .and_then(|w| rules.units.iter().find(|(u, _, _)| u == w))
            .map(|(_, unit, factor)| (unit.as_str(), *factor));
        let caption = (1..=unit_at.map_or(1, |k| k + 1))
            .filter(|&k| Some(k) != unit_at)
            .find_map(over);
        let mut j = i + 1;
        // The rows' lines: a group's heading ((二)研发费用后补助) or a
        // subtotal (小计 12家 180.00) between them is none, and ends no table.
        let mut row_lines: Vec<Range<usize>> = Vec::new();
        while j < lines.len() {
            let row = cells(text, lines[j].clone());
            if row.len() != header.len() {
                let line = text[lines[j].clone()].trim();
                let between_rows = crate::normalize::opens_section(line) || super::tables::subtotal(line);
                if between_rows && !row_lines.is_empty() || crate::normalize::opens_section(line) && j == i + 1 {
                    j += 1;
                    continue;
                }
                break;
            }
            let is_figure = |c: &Range<usize>| figure(&text[c.clone()]).is_some();
            let figures_row = match columns {
                Columns::Years(_) => row[1..].iter().all(is_figure),
                // (Words may stand in a row of names: 所在省区 浙江.)
                Columns::Metrics { name } => !is_figure(&row[name]) && row[name + 1..].iter().any(is_figure),
            };
            if !figures_row {
                break;
            }
            row_lines.push(lines[j].clone());
            j += 1;
        }
        // The year a caption gives its table (表1 A高新区主要指标(2022年)).
        let caption_year = caption.clone().and_then(|c| years_in(&text[c]).next().map(|(y, _)| y));
        let kinds = [Kind::Zone, Kind::Enterprise, Kind::Institute, Kind::Place];
        // (Asked once a table: the rows of metrics are the caption's or the document's firm's.)
        let table_subject = match columns {
            Columns::Years(_) => caption
                .clone()
                .and_then(|c| named_in(ex, c, &kinds))
                .or_else(|| own_firm(ex, rules)),
            Columns::Metrics { .. } => None,
        };
        for row_line in &row_lines {
            let row = cells(text, row_line.clone());
            let Some(sentence) = sentence_of(ex, row_line) else {
                continue;
            };
            let (subject, figures): (Option<usize>, Vec<ColumnFigure>) = match &columns {
                Columns::Years(years) => {
                    let (metric, metric_unit) = metric_cell(&text[row[0].clone()], rules);
                    let subject = table_subject.or_else(|| ex.topic.get(sentence).copied().flatten());
                    let figures = years
                        .iter()
                        .enumerate()
                        .map(|(k, &y)| (k + 1, Some(y), metric, metric_unit))
                        .collect();
                    (subject, figures)
                }
                Columns::Metrics { name } => {
                    let subject = named_in(ex, row[*name].clone(), &kinds[..3]);
                    let figures = (name + 1..row.len())
                        .filter(|&k| {
                            !rules
                                .statistics
                                .non_figure_headers
                                .iter()
                                .any(|h| shown[k].ends_with(h.as_str()))
                        })
                        .map(|k| {
                            let (year, rest) = header_year(shown[k]);
                            let (metric, metric_unit) = metric_cell(rest, rules);
                            (k, year.or(caption_year), metric, metric_unit)
                        })
                        .collect();
                    (subject, figures)
                }
            };
            let Some(subject) = subject else { continue };
            for (k, year, metric, metric_unit) in figures {
                let cell = row[k].clone();
                let Some((value, percent)) = figure(&text[cell.clone()]) else {
                    continue;
                };
                let Some((unit, factor)) = unit_of(percent, metric_unit, metric, table_unit, rules) else {
                    continue;
                };
                let Some(value) = value.times(factor) else { continue };
                if metric.chars().count() < 2 {
                    continue;
                }
                found.push(StatisticMention {
                    subject,
                    value: value.to_lexical(),
                    unit: unit.to_string(),
                    metric: metric.to_string(),
                    year,
                    qualifier: None,
                    sentence,
                    start: cell.start,
                    end: cell.end,
                });
            }
        }
        i = j.max(i + 1);
    }
    // The layout knows a cell's metric and subject better than the
    // sentence's words: what the prose reading found at a cell gives way.
    if !found.is_empty() {
        let cells: std::collections::HashSet<usize> = found.iter().map(|s| s.start).collect();
        // (A table of zones tables.rs read row by row, 序号 高新区名称 主导产业
        // 营业收入(亿元): the same figure, named by its column here.)
        let same = |a: &StatisticMention, b: &StatisticMention| {
            a.sentence == b.sentence && a.subject == b.subject && a.value == b.value && a.unit == b.unit
        };
        ex.statistics
            .retain(|s| !cells.contains(&s.start) && !found.iter().any(|f| same(f, s)));
        ex.statistics.extend(found);
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::extract;
    use crate::normalize::clean;

    fn figures(text: &str) -> Vec<(String, String, String, String, Option<i32>)> {
        let ex = extract(&clean(text));
        ex.statistics
            .iter()
            .map(|s| {
                (
                    ex.mentions[s.subject].name.clone(),
                    s.metric.clone(),
                    s.value.clone(),
                    s.unit.clone(),
                    s.year,
                )
            })
            .collect()
    }

    #[test]
    fn groups_and_subtotals_between_the_rows_end_no_table() {
        let got = figures(
            "拟支持企业名单\n\n序号 企业名称 奖补类别 金额(万元)\n\
             (一)高新技术企业认定奖励(对首次认定的企业给予一次性奖励20万元)\n\
             1 青溪恒顺智能装备有限公司 首次认定 20.00\n2 青溪楚峰新材料科技有限公司 重新认定 5.00\n\
             小计 2家 25.00\n(二)研发费用后补助\n3 青溪万嘉生物医药有限公司 研发费用补助 45.00\n",
        );
        let amount = |name: &str| got.iter().find(|f| f.0 == name).map(|f| f.2.clone());
        assert_eq!(amount("青溪恒顺智能装备有限公司").as_deref(), Some("200000"), "{got:?}");
        assert_eq!(
            amount("青溪楚峰新材料科技有限公司").as_deref(),
            Some("50000"),
            "{got:?}"
        );
        assert_eq!(amount("青溪万嘉生物医药有限公司").as_deref(), Some("450000"), "{got:?}");
    }

    #[test]
    fn a_column_of_zones_with_words_and_years_beside_the_figures() {
        let got = figures(
            "表2 两个高新区主要指标(2023年)\n\
             高新区  所在省份  获批年份  营业收入(亿元)  高新技术企业(家)\n\
             青溪高新区  江南  1992  812.5  436\n白鹭高新区  岭北  2010  305.0  128\n",
        );
        for (zone, metric, value, unit) in [
            ("青溪高新区", "营业收入", "81250000000", "CNY"),
            ("青溪高新区", "高新技术企业", "436", "count"),
            ("白鹭高新区", "营业收入", "30500000000", "CNY"),
            ("白鹭高新区", "高新技术企业", "128", "count"),
        ] {
            assert!(
                got.iter()
                    .any(|g| g.0 == zone && g.1 == metric && g.2 == value && g.3 == unit && g.4 == Some(2023)),
                "{zone} {metric}: {got:?}"
            );
        }
        // The year a zone was approved is no figure.
        assert!(!got.iter().any(|g| g.2 == "1992" || g.2 == "2010"), "{got:?}");
    }

    #[test]
    fn a_header_of_years_over_rows_of_metrics() {
        let got = figures(
            "青溪高新区主要经济指标\n单位：亿元\n指标          2023年      2024年\n\
             地区生产总值        402.36      438.71\n其中：税收收入  16.83  18.12\n\
             地区生产总值增速(%)   7.8   8.3\n",
        );
        let want = [
            ("地区生产总值", "40236000000", "CNY", 2023),
            ("地区生产总值", "43871000000", "CNY", 2024),
            ("税收收入", "1683000000", "CNY", 2023),
            ("税收收入", "1812000000", "CNY", 2024),
            ("地区生产总值增速", "7.8", "percent", 2023),
            ("地区生产总值增速", "8.3", "percent", 2024),
        ];
        for (metric, value, unit, year) in want {
            assert!(
                got.iter().any(|g| g.0 == "青溪高新区"
                    && g.1 == metric
                    && g.2 == value
                    && g.3 == unit
                    && g.4 == Some(year)),
                "{metric} {value}: {got:?}"
            );
        }
        assert_eq!(got.len(), want.len(), "{got:?}");
    }

    #[test]
    fn the_document_s_own_firm_has_its_financial_table_and_a_share_is_a_percentage() {
        let got = figures(
            "青禾光电科技股份有限公司(以下简称“发行人”)位于青溪高新区。\n\n主要财务数据\n单位：万元\n\
             项目    2024年度    2023年度\n营业收入    58,362.47    45,118.90\n资产负债率    59.45    60.11\n",
        );
        assert!(
            got.contains(&(
                "青禾光电科技股份有限公司".into(),
                "营业收入".into(),
                "583624700".into(),
                "CNY".into(),
                Some(2024)
            )),
            "{got:?}"
        );
        assert!(
            got.contains(&(
                "青禾光电科技股份有限公司".into(),
                "资产负债率".into(),
                "60.11".into(),
                "percent".into(),
                Some(2023)
            )),
            "{got:?}"
        );
    }

    #[test]
    fn a_header_of_metrics_over_rows_of_names() {
        let got = figures(
            "区内主要企业\n单位：亿元\n企业名称      2024年营业收入\n青禾药业股份有限公司      68.42\n\
             白鹭智能装备股份有限公司      41.37\n",
        );
        assert_eq!(
            got,
            vec![
                (
                    "青禾药业股份有限公司".into(),
                    "营业收入".into(),
                    "6842000000".into(),
                    "CNY".into(),
                    Some(2024)
                ),
                (
                    "白鹭智能装备股份有限公司".into(),
                    "营业收入".into(),
                    "4137000000".into(),
                    "CNY".into(),
                    Some(2024)
                ),
            ]
        );
    }

    #[test]
    fn a_share_column_of_numbered_names() {
        let got = figures("主要子公司\n序号  子公司名称  持股比例\n1  青禾建设开发有限公司  51.00%\n");
        assert_eq!(
            got,
            vec![(
                "青禾建设开发有限公司".into(),
                "持股比例".into(),
                "51".into(),
                "percent".into(),
                None
            )]
        );
    }

    #[test]
    fn prose_and_rows_without_figures_are_no_table() {
        assert!(figures("指标 2023年 2024年\n全年实现地区生产总值四百亿元。\n").is_empty());
    }
}
