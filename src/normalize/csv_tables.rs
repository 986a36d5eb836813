//! Tables saved from a spreadsheet as comma-separated values.
//!
//! In: the characters of a text (with their origins), as the other clean-up
//! steps pass them on (full-width commas already folded to `,`). Out: the
//! same, where a block of CSV lines (a header of short cells, then rows of
//! as many fields) became a header line and one line a row, the cells apart
//! by single spaces: the form `extract::tables` reads. Inside a cell a comma
//! becomes `、` (`"A公司,B公司"` is two investors of one row), quotes are
//! undone (`""` is one `"`), and an empty cell is written `-` so that every
//! row keeps its header's number of cells. A spreadsheet pads every line
//! to the same number of fields: a line of one filled field among empty
//! ones (a title, `填报单位:…`, a note) is written as that field alone.
//!
//! A CSV table is known by its header: at least three fields, every one
//! filled and short (`序号,项目名称,投资方,总投资(亿元)`), and at least two
//! rows right under it with as many fields, two or more of them filled and
//! one a bare figure. Prose has commas too, and PDF lines of prose may
//! break into like counts of short fields, but bare figures they lack.

type Chars = [(char, u32)];

/// Longest header cell, in characters (`总投资(亿元)` is 7).
const HEADER_CELL_MAX: usize = 16;

/// What one line is as CSV.
#[derive(Clone)]
struct LineInfo {
    width: usize,
    filled: usize,
    figure: bool,
    header: bool,
}

/// The fields of one line as CSV, or `None` when a quote is left open.
fn fields(line: &Chars) -> Option<Vec<Vec<(char, u32)>>> {
    let mut out = Vec::new();
    let mut cell: Vec<(char, u32)> = Vec::new();
    let mut quoted = false;
    let mut i = 0;
    while i < line.len() {
        let (c, o) = line[i];
        if quoted {
            if c == '"' {
                if line.get(i + 1).is_some_and(|&(d, _)| d == '"') {
                    cell.push(('"', o));
                    i += 2;
                    continue;
                }
                quoted = false;
            } else {
                cell.push((c, o));
            }
        } else if c == '"' && cell.iter().all(|&(d, _)| d == ' ') {
            cell.clear();
            quoted = true;
        } else if c == ',' {
            out.push(std::mem::take(&mut cell));
        } else {
            cell.push((c, o));
        }
        i += 1;
    }
    if quoted {
        return None;
    }
    out.push(cell);
    Some(out)
}

fn trimmed(cell: &Chars) -> &Chars {
    let start = cell.iter().position(|&(c, _)| c != ' ').unwrap_or(cell.len());
    let end = cell.iter().rposition(|&(c, _)| c != ' ').map_or(start, |p| p + 1);
    &cell[start..end]
}

/// At least three short, filled fields, none a bare number and none with
/// a run of spaces (`资产总计   2,863,415.27   3,104,582.66` is a table
/// aligned by spaces whose figures have thousands separators).
fn is_header(fields: &[Vec<(char, u32)>]) -> bool {
    fields.len() >= 3
        && fields.iter().all(|f| {
            let f = trimmed(f);
            !f.is_empty()
                && f.len() <= HEADER_CELL_MAX
                && !f.iter().any(|&(c, _)| matches!(c, '。' | ';' | ':'))
                && !f.iter().all(|&(c, _)| c.is_ascii_digit() || c == '.')
                && !f.windows(2).any(|w| w[0].0 == ' ' && w[1].0 == ' ')
        })
}

fn filled(fields: &[Vec<(char, u32)>]) -> usize {
    fields.iter().filter(|f| !trimmed(f).is_empty()).count()
}

/// A row of a table has a bare figure among its fields: a serial number,
/// an amount, a date (`1`, `65.00`, `2025-04-16`). Lines of prose cut
/// where a PDF broke them have commas at like places, but no such field.
fn has_figure(fields: &[Vec<(char, u32)>]) -> bool {
    fields.iter().any(|f| {
        let f = trimmed(f);
        f.iter().any(|&(c, _)| c.is_ascii_digit())
            && f.iter()
                .all(|&(c, _)| c.is_ascii_digit() || matches!(c, '.' | '-' | '/' | '%'))
    })
}

/// One cell as the tables read it: no spaces beside Chinese (a space parts
/// cells), commas inside as `、`, `-` when empty.
fn push_cell(out: &mut Vec<(char, u32)>, cell: &Chars, origin: u32) {
    let cell = trimmed(cell);
    if cell.is_empty() {
        out.push(('-', origin));
        return;
    }
    for (k, &(c, o)) in cell.iter().enumerate() {
        match c {
            ',' => out.push(('、', o)),
            ' ' => {
                let ascii_beside = |d: Option<&(char, u32)>| d.is_some_and(|&(d, _)| d.is_ascii() && d != ' ');
                if ascii_beside(cell.get(k.wrapping_sub(1))) && ascii_beside(cell.get(k + 1)) {
                    out.push((' ', o));
                }
            }
            _ => out.push((c, o)),
        }
    }
}

/// Rewrite the CSV tables of a text (see the module's doc); a text without
/// one comes back unchanged.
pub(super) fn rebuild(chars: Vec<(char, u32)>) -> Vec<(char, u32)> {
    let lines: Vec<&Chars> = chars.split_inclusive(|&(c, _)| c == '\n').collect();
    let content = |line: &'_ Chars| -> usize { line.len() - usize::from(line.last().is_some_and(|&(c, _)| c == '\n')) };
    // Each line read once (a line of fewer than two commas is no table's
    // line: most texts have none). Then every question below is answered
    // from these, so that a long file of CSV-like lines costs linear time.
    // (First, cheaply, whether any line may be a header: two commas, no
    // full stop, short filled fields. Most texts have none.)
    let may_head = |line: &Chars| {
        let body = &line[..content(line)];
        body.iter().filter(|&&(c, _)| c == ',').nth(1).is_some()
            && !body.iter().any(|&(c, _)| c == '。')
            && fields(body).is_some_and(|f| is_header(&f))
    };
    if !lines.iter().any(|line| may_head(line)) {
        return chars;
    }
    let mut info: Vec<Option<LineInfo>> = vec![None; lines.len()];
    for (k, line) in lines.iter().enumerate() {
        let body = &line[..content(line)];
        if body.iter().filter(|&&(c, _)| c == ',').nth(1).is_none() {
            continue;
        }
        info[k] = fields(body).map(|f| LineInfo {
            width: f.len(),
            filled: filled(&f),
            figure: has_figure(&f),
            header: !body.iter().any(|&(c, _)| c == '。') && is_header(&f),
        });
    }
    let width = |k: usize| info[k].as_ref().map_or(1, |i| i.width);
    // The end of the run of lines as wide as each line.
    let mut run_end = vec![lines.len(); lines.len()];
    for k in (0..lines.len().saturating_sub(1)).rev() {
        run_end[k] = if width(k + 1) == width(k) {
            run_end[k + 1]
        } else {
            k + 1
        };
    }
    // The next row with two filled fields and no figure, from each line on.
    let mut next_bad = vec![lines.len(); lines.len() + 1];
    for k in (0..lines.len()).rev() {
        let bad = info[k].as_ref().is_some_and(|i| i.filled >= 2 && !i.figure);
        next_bad[k] = if bad { k } else { next_bad[k + 1] };
    }
    // (first line, header line, end line) of each table.
    let mut blocks: Vec<(usize, usize, usize)> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !info[i].as_ref().is_some_and(|h| h.header) {
            i += 1;
            continue;
        }
        let end = run_end[i];
        let rows = (i + 1..end)
            .filter(|&k| info[k].as_ref().is_some_and(|r| r.filled >= 2))
            .take(2)
            .count();
        if rows < 2 || next_bad[i + 1] < end {
            i += 1;
            continue;
        }
        let mut first = i;
        while first > 0 && width(first - 1) == width(i) && info[first - 1].as_ref().is_some_and(|t| t.filled == 1) {
            first -= 1;
        }
        blocks.push((first, i, end));
        i = end;
    }
    if blocks.is_empty() {
        return chars;
    }
    let mut out = Vec::with_capacity(chars.len());
    let mut next = 0;
    for (first, _, end) in blocks {
        // (A block never reaches back into the one before it.)
        let first = first.max(next);
        for line in &lines[next..first] {
            out.extend_from_slice(line);
        }
        for line in &lines[first..end] {
            let body = &line[..content(line)];
            let Some(cells) = fields(body) else {
                out.extend_from_slice(line);
                continue;
            };
            let origin = body.first().map_or(0, |&(_, o)| o);
            if filled(&cells) == 1 {
                // A title or a note: its one field alone.
                if let Some(cell) = cells.iter().find(|f| !trimmed(f).is_empty()) {
                    out.extend_from_slice(trimmed(cell));
                }
            } else {
                for (k, cell) in cells.iter().enumerate() {
                    if k > 0 {
                        out.push((' ', cell.first().map_or(origin, |&(_, o)| o)));
                    }
                    push_cell(&mut out, cell, cell.first().map_or(origin, |&(_, o)| o));
                }
            }
            if let Some(&last) = line.last().filter(|&&(c, _)| c == '\n') {
                out.push(last);
            }
        }
        next = end;
    }
    for line in &lines[next..] {
        out.extend_from_slice(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> String {
        let chars: Vec<(char, u32)> = text.chars().enumerate().map(|(i, c)| (c, i as u32)).collect();
        rebuild(chars).into_iter().map(|(c, _)| c).collect()
    }

    #[test]
    fn a_spreadsheet_export_becomes_a_table_of_spaced_cells() {
        let text = "青石高新区签约项目清单,,,,\n\
                    序号,项目名称,投资方,总投资(亿元),备注\n\
                    1,年产5万吨新材料项目,\"青石甲公司,青石乙公司\",12.50,\n\
                    2,智能装备基地项目,青石丙有限公司,,\"链主企业,入选\"\"十大项目\"\"\"\n\
                    合计,,,12.50,\n\
                    全文完。\n";
        assert_eq!(
            run(text),
            "青石高新区签约项目清单\n\
             序号 项目名称 投资方 总投资(亿元) 备注\n\
             1 年产5万吨新材料项目 青石甲公司、青石乙公司 12.50 -\n\
             2 智能装备基地项目 青石丙有限公司 - 链主企业、入选\"十大项目\"\n\
             合计 - - 12.50 -\n\
             全文完。\n"
        );
    }

    #[test]
    fn prose_with_commas_and_a_single_row_stay_as_they_are() {
        let prose =
            "园区引进企业12家,总投资35亿元,其中外资项目3个,\n新增就业岗位800个,税收增长9%,\n营收同比增长6%,利润持平,\n";
        assert_eq!(run(prose), prose);
        let one_row = "序号,项目名称,投资方\n1,甲项目,乙公司\n后文,说明\n";
        assert_eq!(run(one_row), one_row);
        let aligned = "项目  2022年末  2023年末\n资产总计     2,863,415.27     3,104,582.66\n负债合计     1,702,318.94     1,866,240.31\n营业收入     186,742.15     203,518.60\n";
        assert_eq!(run(aligned), aligned);
        let broken = "面对复杂多变的外部环境,岚屿园区稳住基本盘,多项指标\n保持两位数增长。与此同时,园区推进绿色发展,屋顶光伏\n装机规模持续扩大。有关部门表示,将简化流程,推行新模式\n";
        assert_eq!(run(broken), broken);
    }

    #[test]
    fn a_long_file_of_header_like_lines_without_figures_stays_as_it_is() {
        // (Each line could open a table and none does: read in linear time.)
        let text = "甲类,乙类,丙类\n".repeat(20_000);
        assert_eq!(run(&text), text);
    }

    #[test]
    fn an_open_quote_is_no_field() {
        assert!(fields(&"a,\"b,c".chars().map(|c| (c, 0)).collect::<Vec<_>>()).is_none());
    }
}
