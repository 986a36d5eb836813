//! Tables that PDF extraction wrote one cell a line, and figures a slide
//! printed a part a line (`1,126.5` / `亿元`: [`join_unit_lines`]).
//!
//! In: the characters of a text (with their origins), as the other clean-up
//! steps pass them on. Out: the same, where a table printed one cell a line
//! (`序号`, `项目名称`, …, then `1`, `天府…产`, `业化基地项目`, …) became a
//! header line and one line a row, the cells apart by single spaces: the
//! form `extract::tables` reads. A cell broken over lines is joined again.
//!
//! Such a table is known by its header: a serial-number cell (`序号`) and
//! at least two more header cells (`data/rules/cell-tables.toml`), one a
//! line. Each row then opens with the next serial number alone on a line.
//! Which of a row's lines make one cell is chosen as a whole: every cell
//! gets at least one line, a number never shares one, and the breaks
//! joined are the likeliest (a full printed line before, the rest of a word
//! such as 有限公|司 after, no cell's usual ending before). Lines that no
//! cell takes (a running title before the next page's header) follow the
//! row on lines of their own; a header printed again on a later page goes.

use serde::Deserialize;
use std::sync::OnceLock;

/// The words of `data/rules/cell-tables.toml`.
#[derive(Debug, Deserialize)]
struct CellTableRules {
    serial_headers: Vec<String>,
    header_endings: Vec<String>,
    header_max_chars: usize,
    cell_endings: Vec<String>,
    broken_words: Vec<String>,
    unit_lines: Vec<String>,
}

/// Join a number alone on its line to a unit alone on the next
/// (`unit_lines`): a slide's figure printed a part a line.
pub(super) fn join_unit_lines(chars: Vec<(char, u32)>) -> Vec<(char, u32)> {
    let trimmed = |line: &'_ Chars| -> String { line.iter().map(|&(c, _)| c).collect::<String>().trim().to_string() };
    let is_number = |s: &str| {
        (1..=16).contains(&s.len())
            && s.starts_with(|c: char| c.is_ascii_digit())
            && s.ends_with(|c: char| c.is_ascii_digit())
            && s.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.'))
    };
    // Cheap first: most texts have no line that is a number alone.
    let lines: Vec<&Chars> = chars.split_inclusive(|&(c, _)| c == '\n').collect();
    let joins: Vec<usize> = (0..lines.len().saturating_sub(1))
        .filter(|&k| {
            lines[k].len() <= 20
                && lines[k].first().is_some_and(|&(c, _)| c.is_ascii_digit() || c == ' ')
                && is_number(&trimmed(lines[k]))
                && lines[k + 1].len() <= 12
                && rules().unit_lines.contains(&trimmed(lines[k + 1]))
        })
        .collect();
    if joins.is_empty() {
        return chars;
    }
    let mut out = Vec::with_capacity(chars.len());
    for (k, line) in lines.iter().enumerate() {
        if joins.contains(&k) {
            out.extend(line.iter().copied().filter(|&(c, _)| c != '\n' && c != ' '));
        } else if k > 0 && joins.contains(&(k - 1)) {
            out.extend(line.iter().copied().skip_while(|&(c, _)| c == ' '));
        } else {
            out.extend_from_slice(line);
        }
    }
    out
}

fn rules() -> &'static CellTableRules {
    static RULES: OnceLock<CellTableRules> = OnceLock::new();
    RULES.get_or_init(|| {
        toml::from_str(crate::data::CELL_TABLE_RULES).unwrap_or_else(|e| panic!("data/rules/cell-tables.toml: {e}"))
    })
}

type Chars = [(char, u32)];

/// A line's characters without white space.
fn shown(line: &Chars) -> String {
    line.iter().map(|&(c, _)| c).filter(|c| !c.is_whitespace()).collect()
}

fn is_number(s: &str) -> bool {
    !s.is_empty()
        && s.chars().any(|c| c.is_ascii_digit())
        && s.chars().all(|c| c.is_ascii_digit() || ".,%-—–~至+".contains(c))
}

/// Whether a line is a header cell: short, and ending (before a unit in
/// brackets, 总投资(亿元)) with one of `header_endings`.
fn is_header_cell(s: &str, r: &CellTableRules) -> bool {
    let word = s.find('(').map_or(s, |p| &s[..p]);
    (2..=r.header_max_chars).contains(&s.chars().count())
        && !s.contains('。')
        && (r.serial_headers.iter().any(|h| h == s) || r.header_endings.iter().any(|e| word.ends_with(e.as_str())))
}

/// 一、续建项目, (二)新开工项目: a section of the table's rows.
pub(crate) fn is_section_heading(s: &str) -> bool {
    opens_section(s) && s.chars().count() <= 20
}

/// Whether a line opens with a section's numbering (一、, (二)), whatever
/// follows: a heading of the rows after it, however long.
pub(crate) fn opens_section(s: &str) -> bool {
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    let t = s.strip_prefix('(').unwrap_or(s);
    let n = t.chars().take_while(|&c| numeral(c)).count();
    n > 0 && t.chars().nth(n).is_some_and(|c| c == '、' || c == ')')
}

/// How likely the break between two lines of a cell is inside the cell
/// (higher: likelier). `width` is the longest line of the table's text.
fn join_score(a: &str, b: &str, width: usize, r: &CellTableRules) -> i32 {
    if is_number(a) || is_number(b) {
        return -20;
    }
    let mut score = 0;
    let len = a.chars().count();
    score += if len + 1 >= width { 2 } else { -2 };
    if r.cell_endings.iter().any(|e| a.ends_with(e.as_str())) {
        score -= 3;
    }
    let completes = r.broken_words.iter().any(|w| {
        w.char_indices()
            .skip(1)
            .any(|(p, _)| a.ends_with(&w[..p]) && b.starts_with(&w[p..]))
    });
    if completes {
        score += 4;
    }
    if b.chars().count() <= 2 {
        score += 1;
    }
    score
}

/// The best way to give `lines` to `cells` cells in order (each at least one
/// line, the rest left over at the end): the number of lines of each cell.
fn partition(lines: &[&str], cells: usize, width: usize, r: &CellTableRules) -> Option<Vec<usize>> {
    const LEFTOVER: i32 = -3;
    let n = lines.len();
    if n < cells || cells == 0 {
        return None;
    }
    // The score of joining each line to the next, once.
    let pair: Vec<i32> = lines.windows(2).map(|w| join_score(w[0], w[1], width, r)).collect();
    // best[i][c]: the best score giving lines[..i] to the first c cells.
    let mut best = vec![vec![None::<(i32, usize)>; cells + 1]; n + 1];
    best[0][0] = Some((0, 0));
    for c in 1..=cells {
        for i in c..=n {
            for take in 1..=i - (c - 1) {
                let Some((before, _)) = best[i - take][c - 1] else {
                    continue;
                };
                let joins: i32 = pair[i - take..i - 1].iter().sum();
                let score = before + joins;
                if best[i][c].is_none_or(|(s, _)| score > s) {
                    best[i][c] = Some((score, take));
                }
            }
        }
    }
    let end = (cells..=n)
        .filter_map(|i| best[i][cells].map(|(s, _)| (s + LEFTOVER * (n - i) as i32, i)))
        .max_by_key(|&(s, i)| (s, std::cmp::Reverse(i)))?
        .1;
    let mut takes = vec![0; cells];
    let mut i = end;
    for c in (1..=cells).rev() {
        let (_, take) = best[i][c]?;
        takes[c - 1] = take;
        i -= take;
    }
    Some(takes)
}

/// Rebuild the tables written one cell a line (see the module's doc).
pub(super) fn rebuild(chars: Vec<(char, u32)>) -> Vec<(char, u32)> {
    let r = rules();
    // Most texts have no line that is a serial header alone: checked
    // without copying a line.
    let is_serial_header = |line: &Chars| {
        r.serial_headers.iter().any(|h| {
            let mut shown = line.iter().map(|&(c, _)| c).filter(|c| !c.is_whitespace());
            h.chars().all(|c| shown.next() == Some(c)) && shown.next().is_none()
        })
    };
    if !chars.split(|&(c, _)| c == '\n').any(is_serial_header) {
        return chars;
    }
    let lines: Vec<&Chars> = chars.split_inclusive(|&(c, _)| c == '\n').collect();
    let texts: Vec<String> = lines.iter().map(|l| shown(l)).collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < lines.len() {
        match table_at(&texts, i, r) {
            Some(table) => {
                write_table(&lines, &texts, &table, r, &mut out);
                i = table.end;
            }
            None => {
                out.extend_from_slice(lines[i]);
                i += 1;
            }
        }
    }
    out
}

/// The header's lines of a table whose serial header is line `i`.
fn header_lines(texts: &[String], i: usize, r: &CellTableRules) -> Vec<usize> {
    let mut header = vec![i];
    let mut j = i + 1;
    while j < texts.len() {
        if texts[j].is_empty() {
            j += 1;
            continue;
        }
        if !is_header_cell(&texts[j], r) || r.serial_headers.contains(&texts[j]) {
            break;
        }
        header.push(j);
        j += 1;
    }
    header
}

/// A table one cell a line: its header's lines, its rows, and the line
/// after its last row.
struct CellTable {
    header: Vec<usize>,
    rows: Vec<RowLines>,
    end: usize,
}

/// The table whose serial header is line `i`, if rows follow it.
fn table_at(texts: &[String], i: usize, r: &CellTableRules) -> Option<CellTable> {
    if !r.serial_headers.contains(&texts[i]) {
        return None;
    }
    let header = header_lines(texts, i, r);
    if header.len() < 3 {
        return None;
    }
    let header_texts: Vec<&str> = header.iter().map(|&h| texts[h].as_str()).collect();
    let rows = rows(texts, header[header.len() - 1] + 1, &header_texts);
    let end = rows.last()?.end;
    Some(CellTable { header, rows, end })
}

/// One row: the line of its serial number, the lines of its cells, and the
/// line after its last. Section headings and a header printed again
/// between rows are in `skipped`.
struct RowLines {
    serial: usize,
    cells: Vec<usize>,
    skipped: Vec<usize>,
    end: usize,
}

fn rows(texts: &[String], from: usize, header: &[&str]) -> Vec<RowLines> {
    let serial_of = |t: &str| t.parse::<u32>().ok().filter(|_| t.len() <= 4);
    // A row needs a line for each cell but its serial's.
    let needed = header.len() - 1;
    let mut out: Vec<RowLines> = Vec::new();
    let mut expected = 1;
    let mut j = from;
    let mut skipped = Vec::new();
    loop {
        // Blank lines, section headings and a header printed again
        // between rows.
        while j < texts.len()
            && (texts[j].is_empty() || is_section_heading(&texts[j]) || header.contains(&texts[j].as_str()))
        {
            skipped.push(j);
            j += 1;
        }
        if j >= texts.len() || serial_of(&texts[j]) != Some(expected) {
            break;
        }
        let serial = j;
        j += 1;
        let mut cells = Vec::new();
        while j < texts.len() {
            let t = &texts[j];
            // (A figure of the row may be the next serial number: 2.)
            let ends = serial_of(t) == Some(expected + 1) && cells.len() >= needed
                || is_section_heading(t)
                || header.contains(&t.as_str())
                || t.contains('。')
                || t.chars().count() > 40;
            if ends {
                break;
            }
            if !t.is_empty() {
                cells.push(j);
            }
            j += 1;
        }
        if cells.is_empty() {
            break;
        }
        out.push(RowLines {
            serial,
            cells,
            skipped: std::mem::take(&mut skipped),
            end: j,
        });
        expected += 1;
    }
    while out.last().is_some_and(|row| row.cells.len() < needed) {
        out.pop();
    }
    out
}

/// Write a table: its header on one line, then a line a row.
fn write_table(lines: &[&Chars], texts: &[String], table: &CellTable, r: &CellTableRules, out: &mut Vec<(char, u32)>) {
    let needed = table.header.len() - 1;
    let width = table
        .rows
        .iter()
        .flat_map(|row| &row.cells)
        .map(|&l| &texts[l])
        .filter(|t| !is_number(t))
        .map(|t| t.chars().count())
        .max()
        .unwrap_or(0);
    // The header on one line: each cell's characters, apart by the newline
    // that ended it, now a space.
    write_cells(lines, &table.header.iter().map(|&h| vec![h]).collect::<Vec<_>>(), out);
    for row in &table.rows {
        for &s in &row.skipped {
            // A section heading keeps its line; a header again goes.
            if is_section_heading(&texts[s]) {
                out.extend_from_slice(lines[s]);
            }
        }
        let cell_texts: Vec<&str> = row.cells.iter().map(|&l| texts[l].as_str()).collect();
        let takes = partition(&cell_texts, needed, width, r).unwrap_or_else(|| vec![1; row.cells.len()]);
        let mut groups = vec![vec![row.serial]];
        let mut k = 0;
        for take in &takes {
            groups.push(row.cells[k..k + take].to_vec());
            k += take;
        }
        write_cells(lines, &groups, out);
        for &l in &row.cells[k..] {
            out.extend_from_slice(lines[l]);
        }
    }
}

/// Write one line of cells: each group of lines is one cell (its lines
/// joined without their newlines), the cells apart by a space that stands
/// where a newline was.
fn write_cells(lines: &[&Chars], groups: &[Vec<usize>], out: &mut Vec<(char, u32)>) {
    let mut last_newline = None;
    for (g, group) in groups.iter().enumerate() {
        if g > 0 {
            out.push((' ', last_newline.unwrap_or(0)));
        }
        for &l in group {
            let line = lines[l];
            out.extend(line.iter().copied().filter(|(c, _)| !c.is_whitespace()));
            if let Some(&(_, o)) = line.iter().rev().find(|(c, _)| *c == '\n') {
                last_newline = Some(o);
            }
        }
    }
    out.push(('\n', last_newline.unwrap_or(0)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rebuilt(text: &str) -> String {
        let chars: Vec<(char, u32)> = text.chars().enumerate().map(|(i, c)| (c, i as u32)).collect();
        rebuild(chars).into_iter().map(|(c, _)| c).collect()
    }

    #[test]
    fn a_table_written_one_cell_a_line_becomes_one_line_a_row() {
        let text = "附件\n单位:亿元\n序号\n项目名称\n项目业主\n建设地点\n总投资\n\
                    一、续建项目\n\
                    1\n青溪电池正极材料一体化项\n目\n青溪蓝河新能源科技有限公\n司\n青溪市青溪高新区\n46.8\n\
                    2\n白山新型显示模组产业化项目\n白山光电股份有限公司\n白山市白山高新区白鹭产业园\n12.5\n\
                    项目业主\n建设地点\n\
                    3\n云杉算力中心项目\n云杉智算科技有限公司\n云杉市云杉经开区\n8.0\n\
                    注:建设地点为项目所在园区。\n";
        let out = rebuilt(text);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines,
            [
                "附件",
                "单位:亿元",
                "序号 项目名称 项目业主 建设地点 总投资",
                "一、续建项目",
                "1 青溪电池正极材料一体化项目 青溪蓝河新能源科技有限公司 青溪市青溪高新区 46.8",
                "2 白山新型显示模组产业化项目 白山光电股份有限公司 白山市白山高新区白鹭产业园 12.5",
                "3 云杉算力中心项目 云杉智算科技有限公司 云杉市云杉经开区 8.0",
                "注:建设地点为项目所在园区。",
            ]
        );
        // Cleaning the rebuilt text again changes nothing.
        assert_eq!(rebuilt(&out), out);
    }

    #[test]
    fn a_list_of_words_and_a_serial_header_alone_are_no_table() {
        let text = "序号\n说明\n青溪高新区今年新签约项目12个。\n";
        assert_eq!(rebuilt(text), text);
        let text = "序号\n项目名称\n建设地点\n1\n青溪算力中心项目\n";
        assert_eq!(rebuilt(text), text);
    }
}
