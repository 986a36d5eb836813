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
    /// Lines that sum the rows (合计 - - 196.2 66.4), with as many cells as
    /// the header.
    totals: Vec<Row>,
}

/// The cells of a line: the runs between single spaces. A space inside
/// brackets is part of its cell (A传动技术有限公司(Kessler Antriebstechnik GmbH)),
/// unless a bracket is left open (a cut cell).
pub(super) fn cells(text: &str, line: Range<usize>) -> Vec<Range<usize>> {
    split_cells(text, line.clone(), true).unwrap_or_else(|| split_cells(text, line, false).unwrap_or_default())
}

/// [`cells`], spaces inside brackets kept or not; `None` when they are to
/// be kept and a bracket is left open.
fn split_cells(text: &str, line: Range<usize>, keep_bracketed: bool) -> Option<Vec<Range<usize>>> {
    let mut out = Vec::new();
    let mut start = line.start;
    let mut depth = 0usize;
    for (p, c) in text[line.clone()].char_indices() {
        match c {
            '(' if keep_bracketed => depth += 1,
            ')' if keep_bracketed => depth = depth.saturating_sub(1),
            ' ' if depth == 0 => {
                out.push(start..line.start + p);
                start = line.start + p + 1;
            }
            _ => {}
        }
    }
    out.push(start..line.end);
    out.retain(|c| !c.is_empty());
    (depth == 0).then_some(out)
}

/// Relate two mentions, unless the relation is known already.
pub(super) fn relate_once(ex: &mut Extraction, predicate: Predicate, subject: usize, object: usize, sentence: usize) {
    let known = ex
        .relations
        .iter()
        .any(|r| r.predicate == predicate && r.subject == subject && r.object == Some(object));
    if !known {
        ex.relations.push(RelationMention {
            predicate,
            subject,
            object: Some(object),
            literal: None,
            industry: None,
            date: None,
            sentence,
        });
    }
}

/// Make `leader` a leader of the zone's chain of `industry`, unless that is
/// known already.
pub(super) fn lead_chain_once(ex: &mut Extraction, zone: usize, leader: usize, industry: usize, sentence: usize) {
    let known = ex.relations.iter().any(|r| {
        r.predicate == Predicate::ChainLeader
            && r.subject == zone
            && r.object == Some(leader)
            && r.industry == Some(industry)
    });
    if !known {
        ex.relations.push(RelationMention {
            predicate: Predicate::ChainLeader,
            subject: zone,
            object: Some(leader),
            literal: None,
            industry: Some(industry),
            date: None,
            sentence,
        });
    }
}

/// The sentence a byte range of the text lies in.
pub(super) fn sentence_of(ex: &Extraction, range: &Range<usize>) -> Option<usize> {
    ex.sentences
        .iter()
        .position(|s| s.start <= range.start && range.end <= s.end)
}

/// The tables whose header has a cell that is one of `headers`, in the
/// lines from byte `from` on.
/// Whether a table's line sums the rows above it (小计 12家 180.00).
pub(super) fn subtotal(line: &str) -> bool {
    let words = &Rules::get().statistics.subtotal_words;
    words.iter().any(|w| line.trim_start().starts_with(w.as_str()))
}

fn tables(text: &str, from: usize, headers: &[String]) -> Vec<Table> {
    let mut out: Vec<Table> = Vec::new();
    let mut open = false;
    let mut offset = from;
    for line in text[from..].split_inclusive('\n') {
        let range = offset..offset + line.trim_end_matches('\n').len();
        offset += line.len();
        // Most lines have no three spaces: no row. (A heading of a part of
        // the rows, 一、续建项目, leaves the table open.)
        // (Nor does a group's heading, (二)企业研发费用后补助(…), or a subtotal.)
        if line.bytes().filter(|&b| b == b' ').nth(2).is_none() || subtotal(line) {
            if open && subtotal(line) {
                let cells = cells(text, range.clone());
                if let Some(table) = out.last_mut().filter(|t| t.header.len() == cells.len()) {
                    table.totals.push(Row { line: range, cells });
                }
            }
            let line = line.trim();
            open &= crate::normalize::opens_section(line) || subtotal(line);
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
                    totals: Vec::new(),
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
                let Some(sentence) = sentence_of(ex, &item) else {
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
    ex.insert_mentions(found);
    tables
}

/// A numbered heading that opens its paragraph with an industry's name and
/// nothing else (1. 新能源汽车及关键零部件。…), or with a chain's
/// (3. 风电装备产业链): the whole heading (before 产业链) is one industry,
/// whatever the taxonomy's names inside it. Call before the
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
        let line = s[skip..].trim().trim_end_matches(['。', ':']);
        // A chain's heading (3. 风电装备产业链) names its industry whole,
        // known or not: a list's entries are headed so.
        let chain = line.strip_suffix("产业链");
        let heading = chain.unwrap_or(line);
        let start = sentence.start + (s.len() - s[skip..].trim_start().len());
        let end = start + heading.len();
        let line_end = start + line.len();
        let joined = ["及", "和", "与"].iter().any(|w| heading.contains(w));
        if !(2..=16).contains(&heading.chars().count())
            || !joined && chain.is_none()
            || !heading.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        {
            continue;
        }
        let inside = |m: &Mention| start <= m.start && m.end <= line_end;
        if !ex.mentions.iter().any(|m| inside(m) && m.kind == Kind::Industry) && chain.is_none()
            || ex.mentions.iter().any(|m| inside(m) && m.kind != Kind::Industry)
        {
            continue;
        }
        ex.mentions.retain(|m| !inside(m));
        found.push(Mention::from_layout(Kind::Industry, heading, start..end, si));
    }
    ex.insert_mentions(found);
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
                let (year, metric) = header_year(metric);
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
                relate_once(ex, Predicate::LeadingIndustry, zone, industry, sentence);
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

/// A table of projects: its header and rows, and the columns of project
/// names and of investments (if any).
pub(super) struct ProjectTable {
    table: Table,
    names: usize,
    /// The columns of investments (总投资, 2024年计划投资).
    investments: Vec<usize>,
    /// The column of sites (建设地点).
    site: Option<usize>,
    /// The column of builders (建设单位).
    builder: Option<usize>,
    /// The unit a line before the header gives (单位:亿元): its word.
    unit: Option<String>,
    /// The zone the line before the header says the projects go to
    /// (以下项目落户青溪高新区:), as the mention's start and end.
    lead_zone: Option<(usize, usize)>,
    /// The zone the table's title names (青溪高新区2024年重点项目清单, on one of
    /// the three lines before the header): whose projects a total sums.
    title_zone: Option<(usize, usize)>,
}

/// Add the project of every row of a table of projects (a header cell of
/// `[project] table_headers`, 项目名称) as a mention, when the row's cell
/// ends like a project's name; what was found inside that cell gives way.
/// Call before the relations are found: the mentions are renumbered.
pub(super) fn add_project_rows(text: &str, ex: &mut Extraction) -> Vec<ProjectTable> {
    let rules = &Rules::get().entities.project;
    // A header cell is the word as a whole cell, between spaces or line
    // ends (项目 alone is a common word): looked for only in the sentences
    // that hold one of the words.
    let whole_cell = |s: &str| {
        rules.table_headers.iter().any(|h| {
            s.match_indices(h.as_str()).any(|(p, w)| {
                let before = s[..p].chars().next_back();
                let after = s[p + w.len()..].chars().next();
                matches!(before, None | Some(' ')) && matches!(after, None | Some(' '))
            })
        })
    };
    let Some(first) = ex
        .sentences
        .iter()
        .find(|s| s.cues.has(Cue::ProjectTableHeader) && whole_cell(&text[s.start..s.end]))
        .map(|s| s.start)
    else {
        return Vec::new();
    };
    let line_start = text[..first].rfind('\n').map_or(0, |p| p + 1);
    let mut out = Vec::new();
    let mut found: Vec<Mention> = Vec::new();
    for table in tables(text, line_start, &rules.table_headers) {
        // A header cell may carry its unit (总投资(亿元)).
        let column = |headers: &[String]| {
            table.header.iter().position(|c| {
                let cell = &text[c.clone()];
                let word = cell.find('(').map_or(cell, |p| &cell[..p]);
                headers.iter().any(|h| h == word)
            })
        };
        let Some(names) = column(&rules.table_headers) else {
            continue;
        };
        // (A year may open an investment's header: 2024年计划投资.)
        let investment_words = &Rules::get().statistics.investment_words;
        let investments: Vec<usize> = (0..table.header.len())
            .filter(|&k| {
                let (_, word) = header_year(&text[table.header[k].clone()]);
                let word = word.find('(').map_or(word, |p| &word[..p]);
                investment_words.iter().any(|h| h == word)
            })
            .collect();
        let site = column(&rules.site_headers);
        let builder = column(&rules.builder_headers);
        for row in &table.rows {
            let cell = row.cells[names].clone();
            let name = &text[cell.clone()];
            let known = ex
                .mentions
                .iter()
                .any(|m| m.kind == Kind::Project && m.start == cell.start && m.end == cell.end);
            if known
                || !(4..=40).contains(&name.chars().count())
                || !rules.suffixes.iter().any(|s| name.ends_with(s.as_str()))
            {
                continue;
            }
            let Some(sentence) = sentence_of(ex, &cell) else {
                continue;
            };
            ex.mentions.retain(|m| !(cell.start <= m.start && m.end <= cell.end));
            found.push(Mention::from_layout(Kind::Project, name, cell.clone(), sentence));
        }
        let header_start = table.header.first().map_or(0, |c| c.start);
        let lead_line =
            text[..header_start.saturating_sub(1)].rfind('\n').map_or(0, |p| p + 1)..header_start.saturating_sub(1);
        let lead_has_cue = ex
            .sentences
            .iter()
            .any(|s| lead_line.start <= s.start && s.end <= lead_line.end && s.cues.has(Cue::LocatedIn));
        let lead_zone = ex
            .mentions
            .iter()
            .rfind(|m| m.kind == Kind::Zone && lead_line.start <= m.start && m.end <= lead_line.end)
            .filter(|_| lead_has_cue)
            .map(|m| (m.start, m.end));
        // 单位:亿元 on one of the three lines before the header.
        let before_header = &text[..lead_line.end];
        let unit = before_header
            .rsplit('\n')
            .take(3)
            .find_map(|line| unit_line(line, Rules::get()).map(str::to_string));
        let title_start = before_header.rmatch_indices('\n').nth(2).map_or(0, |(p, _)| p + 1);
        let title_zone = ex
            .mentions
            .iter()
            .find(|m| m.kind == Kind::Zone && title_start <= m.start && m.end <= lead_line.end)
            .map(|m| (m.start, m.end));
        out.push(ProjectTable {
            table,
            names,
            investments,
            site,
            builder,
            unit,
            lead_zone,
            title_zone,
        });
    }
    ex.insert_mentions(found);
    out
}

/// For each row of a table of projects: where its project is (a zone right
/// after a site cue in the row, 选址弋江智能制造产业园, and the zone the
/// line before the header sends the projects to) and its investment (the
/// figure of the investment column, which no other subject keeps).
pub(super) fn add_project_facts(text: &str, tables: &[ProjectTable], ex: &mut Extraction) {
    let rules = Rules::get();
    let mention_at = |ex: &Extraction, start: usize, end: usize, kind: Kind| {
        ex.mentions
            .iter()
            .position(|m| m.kind == kind && m.start == start && m.end == end)
    };
    for t in tables {
        let lead = t.lead_zone.and_then(|(s, e)| mention_at(ex, s, e, Kind::Zone));
        for row in &t.table.rows {
            let cell = &row.cells[t.names];
            let Some(project) = mention_at(ex, cell.start, cell.end, Kind::Project) else {
                continue;
            };
            let sentence = ex.mentions[project].sentence;
            let line = &text[row.line.clone()];
            let sites = (0..ex.mentions.len()).filter(|&i| {
                let m = &ex.mentions[i];
                m.kind == Kind::Zone
                    && row.line.start <= m.start
                    && m.end <= row.line.end
                    && rules
                        .entities
                        .project
                        .site_cues
                        .iter()
                        .any(|c| line[..m.start - row.line.start].ends_with(c.as_str()))
            });
            // The last zone of the site column's cell, the most specific
            // (成都市成都高新区天府国际生物城: the biotech city).
            let site_cell = t.site.map(|k| row.cells[k].clone());
            let site = site_cell.and_then(|cell| {
                (0..ex.mentions.len()).rfind(|&i| {
                    ex.mentions[i].kind == Kind::Zone
                        && cell.start <= ex.mentions[i].start
                        && ex.mentions[i].end <= cell.end
                })
            });
            let zones: Vec<usize> = sites.chain(site).chain(lead).collect();
            // The firms that build it are where it is.
            let builders: Vec<usize> = t.builder.map_or(Vec::new(), |k| {
                let cell = row.cells[k].clone();
                (0..ex.mentions.len())
                    .filter(|&i| {
                        let m = &ex.mentions[i];
                        m.kind == Kind::Enterprise && cell.start <= m.start && m.end <= cell.end
                    })
                    .collect()
            });
            for &zone in &zones {
                relate_once(ex, Predicate::LocatedIn, project, zone, sentence);
                for &firm in &builders {
                    relate_once(ex, Predicate::LocatedIn, firm, zone, sentence);
                }
            }
            // The row's other figures (达产后年产值约40亿元, 新建厂房18万平方米)
            // are its project's, whoever else the row names.
            for st in &mut ex.statistics {
                if row.line.start <= st.start && st.end <= row.line.end {
                    st.subject = project;
                    // The metric is the words of the figure's own cell.
                    if let Some((_, own)) = st.metric.rsplit_once(' ') {
                        st.metric = own.to_string();
                    }
                }
            }
            for &k in &t.investments {
                add_investment(text, t, row, k, project, sentence, ex);
            }
        }
        // The table's total (合计, not a group's 小计) sums the zone's
        // projects: its investments are the zone's, when the table says
        // which zone.
        let zone = t
            .lead_zone
            .or(t.title_zone)
            .and_then(|(s, e)| mention_at(ex, s, e, Kind::Zone));
        let Some(zone) = zone else {
            continue;
        };
        let group_words = &rules.statistics.group_subtotal_words;
        for row in &t.table.totals {
            let line = text[row.line.clone()].trim_start();
            if group_words.iter().any(|w| line.starts_with(w.as_str())) {
                continue;
            }
            let Some(sentence) = sentence_of(ex, &row.line) else {
                continue;
            };
            for &k in &t.investments {
                add_investment(text, t, row, k, zone, sentence, ex);
            }
        }
    }
}

/// The investment in column `k` of a table's row, as a figure of `subject`
/// (in place of whatever was read from that cell).
fn add_investment(
    text: &str,
    t: &ProjectTable,
    row: &Row,
    k: usize,
    subject: usize,
    sentence: usize,
    ex: &mut Extraction,
) {
    let rules = Rules::get();
    let amount = row.cells[k].clone();
    let (year, header) = header_year(&text[t.table.header[k].clone()]);
    let Some((value, unit)) = investment(&text[amount.clone()], header, t.unit.as_deref(), rules) else {
        return;
    };
    ex.statistics
        .retain(|s| !(s.start < amount.end && amount.start < s.end));
    ex.statistics.push(StatisticMention {
        subject,
        value: value.to_lexical(),
        unit: unit.to_string(),
        metric: unit_header(header, rules)
            .map_or(header, |(metric, _, _)| metric)
            .to_string(),
        year,
        qualifier: None,
        sentence,
        start: amount.start,
        end: amount.end,
    });
}

/// The rows of a list grouped under headings that name a place or a zone
/// (一、南昌市(10家) / 1 A公司 南昌高新区 … / 二、九江市(6家) / …): each row's
/// firms lie in its group's place or zone, and the zones of a place's rows
/// lie in that place. A heading is its numbering, one place or zone, and at
/// most a bracketed count; a row is a line that opens with its number.
pub(super) fn add_group_places(text: &str, ex: &mut Extraction) {
    let mut group: Option<usize> = None;
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    for (si, sentence) in ex.sentences.iter().enumerate() {
        let line = text[sentence.start..sentence.end].trim();
        let in_sentence = |m: &Mention| sentence.start <= m.start && m.end <= sentence.end;
        if crate::normalize::opens_section(line) {
            group = group_heading(text, line, sentence.start, ex, in_sentence);
            continue;
        }
        let Some(place) = group else {
            continue;
        };
        let numbered = line.chars().next().is_some_and(|c| c.is_ascii_digit()) && line.contains(' ');
        if !numbered {
            // Prose after the list ends the group.
            if line.chars().count() > 40 {
                group = None;
            }
            continue;
        }
        let place_kind = ex.mentions[place].kind;
        for (i, m) in ex.mentions.iter().enumerate() {
            let placed = m.kind == Kind::Enterprise || m.kind == Kind::Zone && place_kind == Kind::Place;
            if in_sentence(m) && placed && i != place {
                found.push((i, place, si));
            }
        }
    }
    for (subject, place, sentence) in found {
        relate_once(ex, Predicate::LocatedIn, subject, place, sentence);
    }
}

/// The place or zone a group's heading names (一、南昌市(10家), (十一)赣江新区):
/// the one mention after its numbering, nothing after it but a bracketed count.
fn group_heading(
    text: &str,
    line: &str,
    start: usize,
    ex: &Extraction,
    in_sentence: impl Fn(&Mention) -> bool,
) -> Option<usize> {
    let numbering = line
        .find(['、', ')'])
        .map(|p| p + line[p..].chars().next().map_or(0, char::len_utf8))?;
    let offset = start + (text[start..].len() - text[start..].trim_start().len());
    let body_start = offset + numbering;
    let (i, m) = ex
        .mentions
        .iter()
        .enumerate()
        .find(|(_, m)| in_sentence(m) && m.start == body_start && matches!(m.kind, Kind::Place | Kind::Zone))?;
    let rest = text[m.end..offset + line.len()].trim();
    let count = rest
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .is_some_and(|c| c.chars().any(|d| d.is_ascii_digit()) && c.chars().count() <= 8);
    (rest.is_empty() || count).then_some(i)
}

/// An investment cell's value in base units and its unit: a number with its
/// unit (22亿元), or a bare number under a header with one (总投资(亿元)),
/// or under a table whose unit line gives it (`table_unit`, 单位:亿元).
fn investment<'a>(
    cell: &str,
    header: &'a str,
    table_unit: Option<&str>,
    rules: &'a Rules,
) -> Option<(Decimal, &'a str)> {
    let cell = cell.replace(',', "");
    if let Some((_, unit, factor)) = unit_header(header, rules) {
        return Some((Decimal::parse_arabic(&cell)?.times(factor)?, unit));
    }
    if let Some((word, unit, factor)) = rules.units.iter().find(|(w, _, _)| cell.ends_with(w.as_str())) {
        let number = Decimal::parse_arabic(&cell[..cell.len() - word.len()])?;
        return Some((number.times(*factor)?, unit.as_str()));
    }
    let (_, unit, factor) = rules.units.iter().find(|(w, _, _)| Some(w.as_str()) == table_unit)?;
    Some((Decimal::parse_arabic(&cell)?.times(*factor)?, unit.as_str()))
}

/// The unit word a line over a table gives (单位:亿元, (单位:万元)), when it
/// is one of statistics.toml's units.
pub(super) fn unit_line<'a>(line: &'a str, rules: &Rules) -> Option<&'a str> {
    let line = line.trim();
    let rest = rules
        .entities
        .project
        .unit_line_words
        .iter()
        .find_map(|w| line.strip_prefix(w.as_str()))?;
    let rest = rest.trim_end_matches(')');
    rules.units.iter().any(|(w, _, _)| w == rest).then_some(rest)
}

/// The year that opens a header cell (2024年计划投资), and the rest.
pub(super) fn header_year(cell: &str) -> (Option<i32>, &str) {
    match cell.split_once('年') {
        Some((y, rest)) if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => (y.parse().ok(), rest),
        _ => (None, cell),
    }
}

/// A header cell that ends with a unit of statistics.toml in brackets
/// (营业收入(亿元)): the words before it, the unit and its factor.
pub(super) fn unit_header<'a>(cell: &'a str, rules: &'a Rules) -> Option<(&'a str, &'a str, u64)> {
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

    /// Each project's located-in relations, by names, sorted.
    fn project_sites(ex: &crate::extract::Extraction) -> Vec<(&str, &str)> {
        let name = |i: usize| ex.mentions[i].name.as_str();
        let mut sites: Vec<(&str, &str)> = ex
            .relations
            .iter()
            .filter(|r| r.predicate == Predicate::LocatedIn && ex.mentions[r.subject].kind == Kind::Project)
            .map(|r| (name(r.subject), r.object.map_or("", name)))
            .collect();
        sites.sort();
        sites
    }

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
    fn a_table_of_projects_gives_each_project_its_site_and_investment() {
        let text = "今年签约的重点项目将全部落户青溪高新区:\n\
                    序号 | 项目名称 | 签约企业 | 总投资 | 建设内容\n\
                    01 | 蓝河电池材料项目 | 青溪蓝河材料有限公司 | 12亿元 | 年产正极材料5万吨,选址白山新材料产业园\n\
                    02 | 智能装备扩产项目 | 白山精工装备有限公司 | 8.5亿元 | 新增生产线6条\n\
                    又讯:白山高新区签约项目如下:\n\
                    序号 | 项目名称 | 投资方 | 总投资(亿元)\n\
                    1 | 白山电池回收项目 | 白山循环科技有限公司 | 3.5\n\
                    2 | 白山储能电站项目 | 白山能源有限公司 | 2\n";
        let ex = extract(&clean(text));
        let name = |i: usize| ex.mentions[i].name.as_str();
        let sites = project_sites(&ex);
        assert_eq!(
            sites,
            [
                ("智能装备扩产项目", "青溪高新区"),
                ("白山储能电站项目", "白山高新区"),
                ("白山电池回收项目", "白山高新区"),
                ("蓝河电池材料项目", "白山新材料产业园"),
                ("蓝河电池材料项目", "青溪高新区"),
            ]
        );
        let mut investments: Vec<(&str, &str, &str)> = ex
            .statistics
            .iter()
            .filter(|s| ex.mentions[s.subject].kind == Kind::Project)
            .map(|s| (name(s.subject), s.value.as_str(), s.metric.as_str()))
            .collect();
        investments.sort();
        assert_eq!(
            investments,
            [
                ("智能装备扩产项目", "6", "新增生产线"),
                ("智能装备扩产项目", "850000000", "总投资"),
                ("白山储能电站项目", "200000000", "总投资"),
                ("白山电池回收项目", "350000000", "总投资"),
                ("蓝河电池材料项目", "1200000000", "总投资"),
            ]
        );
    }

    #[test]
    fn a_pdf_table_one_cell_a_line_gives_sites_and_investments() {
        // The layout pdftotext gives a key-project list: a cell a line, a
        // cell broken over two lines, a unit line, a section heading.
        let text = "附件\n2024年青溪省重点项目名单\n单位:亿元\n\
                    序号\n项目名称\n项目业主\n建设地点\n总投资\n2024年计划投资\n\
                    一、续建项目\n\
                    1\n白鹭电池正极材料一体化项\n目\n白鹭新能源科技有限公司\n青溪市青溪高新区白鹭产业园\n46.8\n12.5\n\
                    二、新开工项目\n\
                    2\n云杉算力中心项目\n云杉智算科技有限公司\n德阳市德阳高新区\n8.0\n2.0\n";
        let ex = extract(&clean(text));
        let name = |i: usize| ex.mentions[i].name.as_str();
        let sites = project_sites(&ex);
        assert_eq!(
            sites,
            [
                ("云杉算力中心项目", "德阳高新区"),
                ("白鹭电池正极材料一体化项目", "白鹭产业园")
            ]
        );
        let mut investments: Vec<(&str, &str, Option<i32>)> = ex
            .statistics
            .iter()
            .filter(|s| ex.mentions[s.subject].kind == Kind::Project)
            .map(|s| (name(s.subject), s.value.as_str(), s.year))
            .collect();
        investments.sort();
        assert_eq!(
            investments,
            [
                ("云杉算力中心项目", "200000000", Some(2024)),
                ("云杉算力中心项目", "800000000", None),
                ("白鹭电池正极材料一体化项目", "1250000000", Some(2024)),
                ("白鹭电池正极材料一体化项目", "4680000000", None),
            ]
        );
    }

    #[test]
    fn a_zones_project_list_gives_builders_sites_and_its_total_to_the_zone() {
        // As a workbook's sheet reads: its title, then the rows as CSV.
        let text = "青溪高新区2024年重点项目清单\n\
                    序号,项目名称,建设单位,总投资(亿元),年度计划投资(亿元),建设地点\n\
                    1,蓝河电池材料项目,青溪蓝河材料有限公司,12,4.5,白山新材料产业园\n\
                    2,云杉算力中心项目,云杉智算科技有限公司,8,2,青溪软件园\n\
                    小计,,,20,6.5,\n\
                    3,白鹭储能电站项目,白鹭能源有限公司,3,1,白山新材料产业园\n\
                    合计,,,23,7.5,\n";
        let ex = extract(&clean(text));
        let name = |i: usize| ex.mentions[i].name.as_str();
        let mut firms: Vec<(&str, &str)> = ex
            .relations
            .iter()
            .filter(|r| r.predicate == Predicate::LocatedIn && ex.mentions[r.subject].kind == Kind::Enterprise)
            .map(|r| (name(r.subject), r.object.map_or("", name)))
            .collect();
        firms.sort();
        firms.dedup();
        assert_eq!(
            firms,
            [
                ("云杉智算科技有限公司", "青溪软件园"),
                ("白鹭能源有限公司", "白山新材料产业园"),
                ("青溪蓝河材料有限公司", "白山新材料产业园"),
            ]
        );
        let mut figures: Vec<(&str, &str, &str)> = ex
            .statistics
            .iter()
            .filter(|s| name(s.subject) == "青溪高新区" || name(s.subject) == "蓝河电池材料项目")
            .map(|s| (name(s.subject), s.value.as_str(), s.metric.as_str()))
            .collect();
        figures.sort();
        assert_eq!(
            figures,
            [
                ("蓝河电池材料项目", "1200000000", "总投资"),
                ("蓝河电池材料项目", "450000000", "年度计划投资"),
                ("青溪高新区", "2300000000", "总投资"),
                ("青溪高新区", "750000000", "年度计划投资"),
            ]
        );
    }

    #[test]
    fn rows_grouped_under_a_place_lie_in_it() {
        let text = "附件:第五批专精特新企业名单\n\
                    序号 企业名称 所在园区 主导产品\n\
                    一、白山市(2家)\n\
                    1 白山精工机械有限公司 白山高新区 数控机床\n\
                    2 白山包装材料有限公司 - 纸基包装\n\
                    二、青溪新区(1家)\n\
                    3 青溪航材科技有限公司 - 复合材料\n\
                    本批共认定企业3家,各地要加强跟踪服务,及时将企业发展中遇到的困难报送我厅。\n";
        let ex = extract(&clean(text));
        let name = |i: usize| ex.mentions[i].name.as_str();
        let mut located: Vec<(&str, &str)> = ex
            .relations
            .iter()
            .filter(|r| r.predicate == Predicate::LocatedIn)
            .map(|r| (name(r.subject), r.object.map_or("", name)))
            .collect();
        located.sort();
        located.dedup();
        for want in [
            ("白山包装材料有限公司", "白山市"),
            ("白山精工机械有限公司", "白山市"),
            ("白山精工机械有限公司", "白山高新区"),
            ("白山高新区", "白山市"),
            ("青溪航材科技有限公司", "青溪新区"),
        ] {
            assert!(located.contains(&want), "{want:?} in {located:?}");
        }
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
