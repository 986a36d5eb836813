//! Office documents: Word files (`.docx`) and workbooks (`.xlsx`, `.xlsm`,
//! `.xlsb`, `.xls`, `.ods`), the form most notices, measures and project
//! lists reach an analyst in.
//!
//! In: the file's bytes. Out: its text, as the other readers give theirs:
//! - a Word file's body paragraphs in reading order, apart by blank lines
//!   (a paragraph is the author's: clean-up never joins it to the next, as
//!   it joins a PDF's broken lines), the runs of a paragraph joined (Word
//!   splits a word into runs wherever it was edited); deleted revisions and field codes are no text, a tab or a
//!   line break inside a paragraph is a space or a line. Its tables are
//!   written as CSV lines (a row a line, cells quoted where needed), the
//!   form `csv_tables` reads: a merged cell's value stands in every row it
//!   spans downwards, and a cell spanning columns keeps the row's width.
//!   Headers, footers and footnotes are page furniture, not read. The title
//!   is the document's stated title (`docProps/core.xml`), when it has one.
//! - a workbook's sheets in order, each its name on a line, then its rows as
//!   CSV lines (a title or a note merged across the columns, a row's one
//!   filled cell, is written alone); numbers as written (`12.5`, not
//!   `12.500000`), dates as `YYYY-MM-DD`. Reading cells is calamine's.
//!
//! A file that is not such a document (a damaged or foreign archive) is an
//! error naming the problem. A Word file's entries are read up to the size
//! limit of a document, and a workbook whose entries say they inflate to
//! more than sixteen times it is refused before calamine reads it, so that
//! an archive that inflates a thousandfold is refused rather than read.

use super::MAX_DOCUMENT_BYTES;
use calamine::{Data, Reader};
use quick_xml::events::Event;
use std::io::{Cursor, Read};

/// Which kind of office document a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfficeKind {
    Word,
    Workbook,
}

/// File name endings of office documents, and what each is.
const OFFICE_ENDINGS: &[(&str, OfficeKind)] = &[
    (".docx", OfficeKind::Word),
    (".docm", OfficeKind::Word),
    (".xlsx", OfficeKind::Workbook),
    (".xlsm", OfficeKind::Workbook),
    (".xlsb", OfficeKind::Workbook),
    (".xls", OfficeKind::Workbook),
    (".ods", OfficeKind::Workbook),
];

/// The text of an office document and its stated title.
#[derive(Debug)]
pub(super) struct OfficeText {
    pub text: String,
    pub title: Option<String>,
}

/// The first bytes of a ZIP archive (Office Open XML, OpenDocument) and of
/// a compound file (Excel 97's `.xls`, Word 97's `.doc`).
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const COMPOUND_MAGIC: &[u8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1";

/// What kind of office document `name` and its first bytes are: an archive
/// or compound file is told by the name's ending, else (standard input, a
/// file without an ending) by the archive's first entries, whose paths
/// follow its first local headers. A file named `.xls` that holds text (web
/// systems export HTML tables and CSV under that name) is no office
/// document: it is read as the text it is.
pub(super) fn kind_of(name: &str, bytes: &[u8]) -> Option<OfficeKind> {
    let zip = bytes.starts_with(ZIP_MAGIC);
    if !zip && !bytes.starts_with(COMPOUND_MAGIC) {
        return None;
    }
    let lower = name.to_ascii_lowercase();
    if let Some(&(_, kind)) = OFFICE_ENDINGS.iter().find(|(ending, _)| lower.ends_with(ending)) {
        return Some(kind);
    }
    if !zip {
        return lower.ends_with(".doc").then_some(OfficeKind::Word);
    }
    let head = &bytes[..bytes.len().min(4096)];
    let holds = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
    if holds(b"word/") {
        Some(OfficeKind::Word)
    } else if holds(b"xl/") {
        Some(OfficeKind::Workbook)
    } else {
        None
    }
}

/// The text of an office document, or why it cannot be read.
pub(super) fn office_to_text(bytes: &[u8], kind: OfficeKind) -> Result<OfficeText, String> {
    match kind {
        OfficeKind::Word => word_to_text(bytes),
        OfficeKind::Workbook => workbook_to_text(bytes),
    }
}

/// One entry of a ZIP archive as UTF-8 text, read up to the document limit.
fn zip_entry(archive: &mut zip::ZipArchive<Cursor<&[u8]>>, path: &str) -> Result<Option<String>, String> {
    let entry = match archive.by_name(path) {
        Ok(entry) => entry,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("{path}: {e}")),
    };
    let mut bytes = Vec::new();
    entry
        .take(MAX_DOCUMENT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{path}: {e}"))?;
    if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(format!("{path} inflates beyond {MAX_DOCUMENT_BYTES} bytes"));
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|e| format!("{path} is not UTF-8: {e}"))
}

/// A Word file's body text and title.
fn word_to_text(bytes: &[u8]) -> Result<OfficeText, String> {
    if bytes.starts_with(COMPOUND_MAGIC) {
        return Err("a Word 97-2003 file (.doc), which zonegraph does not read: save it as .docx".to_string());
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| format!("not a ZIP archive: {e}"))?;
    let body = zip_entry(&mut archive, "word/document.xml")?
        .ok_or_else(|| "no word/document.xml: not a Word document".to_string())?;
    let text = word_body_text(&body)?;
    let title = zip_entry(&mut archive, "docProps/core.xml")
        .ok()
        .flatten()
        .and_then(|core| stated_title(&core));
    Ok(OfficeText { text, title })
}

/// The `dc:title` of a package's core properties, when it is filled.
fn stated_title(core: &str) -> Option<String> {
    let mut reader = quick_xml::Reader::from_str(core);
    let mut in_title = false;
    let mut title = String::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(tag)) if tag.local_name().as_ref() == b"title" => in_title = true,
            Ok(Event::End(tag)) if tag.local_name().as_ref() == b"title" => break,
            Ok(Event::Text(text)) if in_title => title.push_str(&text.unescape().ok()?),
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    (!title.is_empty()).then_some(title)
}

/// A table of a Word body while it is read: its rows of cells, and the cell
/// being read. A cell carries how many grid columns it spans and whether it
/// continues the merged cell above it.
#[derive(Default)]
struct WordTable {
    rows: Vec<Vec<WordCell>>,
    row: Vec<WordCell>,
    cell: Option<WordCell>,
}

#[derive(Default, Clone)]
struct WordCell {
    text: String,
    span: usize,
    continues_above: bool,
}

/// The text of `word/document.xml`: paragraphs one a line, tables as CSV.
fn word_body_text(xml: &str) -> Result<String, String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = String::new();
    let mut paragraph = String::new();
    // Tables nest (a table in a cell): the innermost is read, its text
    // becomes its cell's in the table around it.
    let mut tables: Vec<WordTable> = Vec::new();
    // Inside deleted text, field instructions, or a part of a paragraph
    // that is no text (a drawing's properties): how deep.
    let mut skipping = 0usize;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("word/document.xml at byte {}: {e}", reader.error_position()))?;
        match event {
            Event::Start(tag) => {
                let name = tag.local_name();
                let name = name.as_ref();
                if skipping > 0 || matches!(name, b"del" | b"instrText" | b"delText" | b"footnoteReference") {
                    skipping += 1;
                    continue;
                }
                match name {
                    b"tbl" => {
                        flush_paragraph(&mut paragraph, &mut out, &mut tables);
                        tables.push(WordTable::default());
                    }
                    b"tc" => {
                        if let Some(table) = tables.last_mut() {
                            table.cell = Some(WordCell {
                                span: 1,
                                ..WordCell::default()
                            });
                        }
                    }
                    _ => {}
                }
            }
            Event::Empty(tag) => {
                if skipping > 0 {
                    continue;
                }
                let name = tag.local_name();
                match name.as_ref() {
                    b"tab" => paragraph.push('\t'),
                    b"br" | b"cr" => paragraph.push('\n'),
                    b"noBreakHyphen" => paragraph.push('-'),
                    b"gridSpan" => {
                        let span = attribute(&tag, b"val").and_then(|v| v.parse::<usize>().ok());
                        if let Some(cell) = tables.last_mut().and_then(|t| t.cell.as_mut()) {
                            cell.span = span.unwrap_or(1).clamp(1, 64);
                        }
                    }
                    b"vMerge" => {
                        // `<w:vMerge/>` continues the cell above;
                        // `w:val="restart"` opens a merged cell.
                        let restart = attribute(&tag, b"val").is_some_and(|v| v == "restart");
                        if let Some(cell) = tables.last_mut().and_then(|t| t.cell.as_mut()) {
                            cell.continues_above = !restart;
                        }
                    }
                    _ => {}
                }
            }
            Event::End(tag) => {
                if skipping > 0 {
                    skipping -= 1;
                    continue;
                }
                match tag.local_name().as_ref() {
                    b"p" => flush_paragraph(&mut paragraph, &mut out, &mut tables),
                    b"tc" => {
                        flush_paragraph(&mut paragraph, &mut out, &mut tables);
                        if let Some(table) = tables.last_mut() {
                            if let Some(cell) = table.cell.take() {
                                table.row.push(cell);
                            }
                        }
                    }
                    b"tr" => {
                        if let Some(table) = tables.last_mut() {
                            let row = std::mem::take(&mut table.row);
                            table.rows.push(row);
                        }
                    }
                    b"tbl" => {
                        if let Some(table) = tables.pop() {
                            let lines = table_csv(&table.rows);
                            match tables.last_mut().and_then(|t| t.cell.as_mut()) {
                                // A table inside a cell is that cell's text.
                                Some(cell) => {
                                    let flat = lines.replace('\n', " ");
                                    push_cell_text(cell, &flat);
                                }
                                None => {
                                    out.push_str(&lines);
                                    out.push_str("\n\n");
                                }
                            }
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(text) if skipping == 0 => {
                // Outside `w:t` the body holds only white space between tags.
                let unescaped = text.unescape().map_err(|e| format!("word/document.xml: {e}"))?;
                if !unescaped.trim().is_empty() || !paragraph.is_empty() {
                    paragraph.push_str(&unescaped);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    flush_paragraph(&mut paragraph, &mut out, &mut tables);
    Ok(out)
}

/// The value of an attribute of a tag, by its local name.
fn attribute(tag: &quick_xml::events::BytesStart, local: &[u8]) -> Option<String> {
    tag.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

/// End a paragraph: into the open table cell when there is one (its
/// paragraphs apart by a space), else onto its own line.
fn flush_paragraph(paragraph: &mut String, out: &mut String, tables: &mut [WordTable]) {
    let text = std::mem::take(paragraph);
    match tables.last_mut().and_then(|t| t.cell.as_mut()) {
        Some(cell) => push_cell_text(cell, &text.replace(['\n', '\t'], " ")),
        None => {
            let line = text.trim_end();
            if !line.trim().is_empty() {
                out.push_str(line);
                out.push_str("\n\n");
            }
        }
    }
}

fn push_cell_text(cell: &mut WordCell, text: &str) {
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    if !cell.text.is_empty() {
        cell.text.push(' ');
    }
    cell.text.push_str(text);
}

/// A Word table's rows as CSV lines: a cell merged downwards repeats the
/// value of the cell that opened the merge, a cell spanning columns is
/// followed by empty ones.
fn table_csv(rows: &[Vec<WordCell>]) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut above: Vec<String> = Vec::new();
    for row in rows {
        let mut cells: Vec<String> = Vec::new();
        for cell in row {
            let column = cells.len();
            let value = if cell.continues_above && cell.text.is_empty() {
                above.get(column).cloned().unwrap_or_default()
            } else {
                cell.text.clone()
            };
            cells.push(value);
            cells.extend(std::iter::repeat_n(String::new(), cell.span - 1));
        }
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        lines.push(csv_line(&cells));
        above = cells;
    }
    lines.join("\n")
}

/// Cells as one CSV line. A cell is quoted when it holds a comma (a
/// full-width one too: clean-up folds it to `,`), a quote or a line break.
fn csv_line<S: AsRef<str>>(cells: &[S]) -> String {
    cells
        .iter()
        .map(|cell| {
            let cell = cell.as_ref();
            if cell.contains([',', '，', '"', '\n', '\r']) {
                format!("\"{}\"", cell.replace(['\n', '\r'], " ").replace('"', "\"\""))
            } else {
                cell.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// A workbook's sheets: each its name, then its rows as CSV lines.
fn workbook_to_text(bytes: &[u8]) -> Result<OfficeText, String> {
    let mut workbook = open_workbook(bytes)?;
    let mut out = String::new();
    let mut size = 0usize;
    for name in workbook.sheet_names() {
        let range = workbook
            .worksheet_range(&name)
            .map_err(|e| format!("sheet {name}: {e}"))?;
        let rows: Vec<String> = range
            .rows()
            .filter(|row| row.iter().any(|c| !matches!(c, Data::Empty)))
            .map(|row| {
                let cells: Vec<String> = row.iter().map(cell_text).collect();
                // A title or a note merged across the columns is its text
                // alone, not a row of one filled cell.
                let mut filled = cells.iter().filter(|c| !c.is_empty());
                match (filled.next(), filled.next()) {
                    (Some(only), None) => only.clone(),
                    _ => csv_line(&cells),
                }
            })
            .collect();
        if rows.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(name.trim());
        out.push('\n');
        for row in rows {
            size += row.len() + 1;
            if size as u64 > MAX_DOCUMENT_BYTES {
                return Err(format!("sheet {name}: its text exceeds {MAX_DOCUMENT_BYTES} bytes"));
            }
            out.push_str(&row);
            out.push('\n');
        }
    }
    Ok(OfficeText { text: out, title: None })
}

/// The most XML a workbook's entries may inflate to: a sheet's markup is
/// many times its text.
const WORKBOOK_XML_LIMIT: u64 = 16 * MAX_DOCUMENT_BYTES;

/// The workbook in `bytes`: Excel's and OpenDocument's are ZIP archives
/// (told apart by their entries), Excel 97's (`.xls`) a compound file. The
/// error is the reader's for the format the bytes are in.
fn open_workbook(bytes: &[u8]) -> Result<calamine::Sheets<Cursor<&[u8]>>, String> {
    use calamine::{open_workbook_from_rs, Ods, Sheets, Xls, Xlsb, Xlsx};
    let not = |e: &dyn std::fmt::Display| format!("not a workbook: {e}");
    if !bytes.starts_with(ZIP_MAGIC) {
        return open_workbook_from_rs::<Xls<_>, _>(Cursor::new(bytes))
            .map(Sheets::Xls)
            .map_err(|e| not(&e));
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| format!("not a ZIP archive: {e}"))?;
    // calamine inflates whole sheets: an archive that says it inflates to
    // far more XML than a document's text limit is refused before.
    let mut inflated = 0u64;
    for i in 0..archive.len() {
        inflated += archive.by_index_raw(i).map_or(0, |entry| entry.size());
    }
    if inflated > WORKBOOK_XML_LIMIT {
        return Err(format!(
            "its entries inflate to {inflated} bytes (the limit is {WORKBOOK_XML_LIMIT})"
        ));
    }
    let has = |path: &str| archive.index_for_name(path).is_some();
    if has("content.xml") {
        open_workbook_from_rs::<Ods<_>, _>(Cursor::new(bytes))
            .map(Sheets::Ods)
            .map_err(|e| not(&e))
    } else if has("xl/workbook.bin") {
        open_workbook_from_rs::<Xlsb<_>, _>(Cursor::new(bytes))
            .map(Sheets::Xlsb)
            .map_err(|e| not(&e))
    } else {
        open_workbook_from_rs::<Xlsx<_>, _>(Cursor::new(bytes))
            .map(Sheets::Xlsx)
            .map_err(|e| not(&e))
    }
}

/// A cell's value as its reader sees it.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => if *b { "是" } else { "否" }.to_string(),
        Data::DateTime(date) if date.is_datetime() => {
            let (year, month, day, hour, minute, _, _) = date.to_ymd_hms_milli();
            if hour == 0 && minute == 0 {
                format!("{year:04}-{month:02}-{day:02}")
            } else {
                format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}")
            }
        }
        Data::DateTime(duration) => number_text(duration.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
    }
}

/// A float as a person writes it: no trailing zeros, and a spreadsheet's
/// binary noise (`3.1500000000000004`) rounded away.
fn number_text(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        return format!("{value:.0}");
    }
    let rounded = format!("{value:.10}");
    let trimmed = rounded.trim_end_matches('0').trim_end_matches('.');
    trimmed.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(entries: &[(&str, &str)]) -> Vec<u8> {
        let mut buffer = Cursor::new(Vec::new());
        {
            let mut writer = zip::ZipWriter::new(&mut buffer);
            let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
            for (path, content) in entries {
                writer.start_file(*path, options).unwrap();
                writer.write_all(content.as_bytes()).unwrap();
            }
            writer.finish().unwrap();
        }
        buffer.into_inner()
    }

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn docx(body: &str) -> Vec<u8> {
        let document =
            format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>"#);
        zip_of(&[("[Content_Types].xml", "<Types/>"), ("word/document.xml", &document)])
    }

    #[test]
    fn runs_of_a_paragraph_join_and_revisions_and_field_codes_are_no_text() {
        let body = r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>关于支持青枫</w:t></w:r><w:r><w:t>高新区的措施</w:t></w:r></w:p>
            <w:p><w:r><w:t xml:space="preserve">一、 </w:t></w:r><w:del><w:r><w:delText>删掉的</w:delText></w:r></w:del><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>由区科技局</w:t><w:tab/><w:t>负责</w:t></w:r></w:p>"#;
        let text = word_to_text(&docx(body)).unwrap().text;
        assert_eq!(text, "关于支持青枫高新区的措施\n\n一、 由区科技局\t负责\n\n");
    }

    #[test]
    fn a_word_table_becomes_csv_with_merged_cells_repeated() {
        let cell = |text: &str, props: &str| {
            format!("<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
        };
        let row = |cells: Vec<String>| format!("<w:tr>{}</w:tr>", cells.concat());
        let table = format!(
            "<w:tbl>{}{}{}</w:tbl>",
            row(vec![cell("序号", ""), cell("重点任务", ""), cell("牵头单位", "")]),
            row(vec![
                cell("1", ""),
                cell("建设中试基地，引进团队", ""),
                cell("市科技局", r#"<w:vMerge w:val="restart"/>"#)
            ]),
            row(vec![
                cell("2", ""),
                cell("培育\"链主\"企业", ""),
                cell("", "<w:vMerge/>")
            ]),
        );
        let text = word_to_text(&docx(&format!("<w:p><w:r><w:t>附件</w:t></w:r></w:p>{table}")))
            .unwrap()
            .text;
        assert_eq!(
            text,
            "附件\n\n序号,重点任务,牵头单位\n1,\"建设中试基地，引进团队\",市科技局\n2,\"培育\"\"链主\"\"企业\",市科技局\n\n"
        );
    }

    #[test]
    fn a_cell_spanning_columns_keeps_the_row_width() {
        let table = r#"<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr><w:p><w:r><w:t>合计</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>12</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#;
        assert_eq!(word_to_text(&docx(table)).unwrap().text, "合计,,,12\n\n");
    }

    #[test]
    fn the_stated_title_is_read() {
        let core = r#"<cp:coreProperties xmlns:cp="x" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>关于印发若干措施的通知</dc:title></cp:coreProperties>"#;
        let document =
            format!(r#"<w:document {W}><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>"#);
        let bytes = zip_of(&[("word/document.xml", &document), ("docProps/core.xml", core)]);
        assert_eq!(
            word_to_text(&bytes).unwrap().title.as_deref(),
            Some("关于印发若干措施的通知")
        );
    }

    #[test]
    fn what_is_not_a_word_document_is_an_error_that_says_so() {
        assert!(word_to_text(b"PK\x03\x04 broken")
            .unwrap_err()
            .contains("not a ZIP archive"));
        let other = zip_of(&[("content.xml", "<x/>")]);
        assert!(word_to_text(&other).unwrap_err().contains("no word/document.xml"));
        let bad_xml = zip_of(&[("word/document.xml", "<w:document><w:body><w:p></w:body>")]);
        assert!(word_to_text(&bad_xml).unwrap_err().contains("word/document.xml"));
    }

    #[test]
    fn an_entry_that_inflates_beyond_the_limit_is_refused() {
        // A few kilobytes that inflate to more than a document may hold.
        let bomb = " ".repeat(MAX_DOCUMENT_BYTES as usize + 1);
        let bytes = zip_of(&[("word/document.xml", &bomb)]);
        assert!(bytes.len() < 100_000);
        assert!(word_to_text(&bytes).unwrap_err().contains("inflates beyond"));
    }

    #[test]
    fn a_workbook_that_inflates_beyond_the_limit_is_refused() {
        let bomb = " ".repeat(WORKBOOK_XML_LIMIT as usize + 1);
        let bytes = zip_of(&[("xl/worksheets/sheet1.xml", &bomb), ("xl/workbook.xml", "<x/>")]);
        assert!(workbook_to_text(&bytes).unwrap_err().contains("inflate to"));
    }

    #[test]
    fn kinds_are_told_by_ending_or_by_the_archive_entries() {
        assert_eq!(kind_of("a/通知.DOCX", b"PK\x03\x04"), Some(OfficeKind::Word));
        assert_eq!(kind_of("list.xls", COMPOUND_MAGIC), Some(OfficeKind::Workbook));
        assert_eq!(kind_of("旧通知.doc", COMPOUND_MAGIC), Some(OfficeKind::Word));
        // Exported "spreadsheets" that are text are read as text.
        assert_eq!(
            kind_of("导出.xls", "<table><tr><td>序号</td></tr></table>".as_bytes()),
            None
        );
        assert_eq!(kind_of("list.xlsx", "序号,项目名称\n".as_bytes()), None);
        let word = zip_of(&[("word/document.xml", "<x/>")]);
        assert_eq!(kind_of("-", &word), Some(OfficeKind::Word));
        let book = zip_of(&[("xl/workbook.xml", "<x/>")]);
        assert_eq!(kind_of("-", &book), Some(OfficeKind::Workbook));
        assert_eq!(kind_of("a.txt", "PK 不是压缩包".as_bytes()), None);
    }

    /// A workbook of one sheet as Excel writes it: text in shared strings,
    /// a date as a serial number in a cell styled with a date format.
    fn xlsx(sheet_rows: &str, strings: &[&str]) -> Vec<u8> {
        let workbook = r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="在建项目" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
        let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;
        let shared: String = strings.iter().map(|s| format!("<si><t>{s}</t></si>")).collect();
        let shared =
            format!(r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{shared}</sst>"#);
        let styles = r#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>"#;
        let sheet = format!(
            r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheet_rows}</sheetData></worksheet>"#
        );
        let package = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
        zip_of(&[
            ("_rels/.rels", package),
            ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", rels),
            ("xl/sharedStrings.xml", &shared),
            ("xl/styles.xml", styles),
            ("xl/worksheets/sheet1.xml", &sheet),
        ])
    }

    #[test]
    fn a_sheet_becomes_its_name_and_csv_rows() {
        let rows = r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>
            <row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" t="s"><v>3</v></c></row>
            <row r="3"><c r="A3"><v>1</v></c><c r="B3" t="s"><v>4</v></c><c r="C3"><v>12.500000000000002</v></c></row>
            <row r="4"><c r="A4"><v>2</v></c><c r="B4" t="inlineStr"><is><t>华芯,二期</t></is></c><c r="C4" s="1"><v>45352</v></c></row>"#;
        let bytes = xlsx(
            rows,
            &[
                "2024年重点项目表",
                "序号",
                "项目名称",
                "总投资（亿元）",
                "青枫芯片封测项目",
            ],
        );
        assert_eq!(kind_of("-", &bytes), Some(OfficeKind::Workbook));
        let text = workbook_to_text(&bytes).unwrap().text;
        assert_eq!(
            text,
            "在建项目\n2024年重点项目表\n序号,项目名称,总投资（亿元）\n1,青枫芯片封测项目,12.5\n2,\"华芯,二期\",2024-03-01\n"
        );
    }

    #[test]
    fn what_is_not_a_workbook_is_an_error_that_says_so() {
        assert!(workbook_to_text(b"PK\x03\x04 broken")
            .unwrap_err()
            .contains("not a ZIP archive"));
        assert!(workbook_to_text(COMPOUND_MAGIC).unwrap_err().contains("not a workbook"));
        assert!(word_to_text(COMPOUND_MAGIC).unwrap_err().contains("save it as .docx"));
    }

    #[test]
    fn cells_read_as_a_person_writes_them() {
        assert_eq!(number_text(12.0), "12");
        assert_eq!(number_text(3.1500000000000004), "3.15");
        assert_eq!(number_text(-0.25), "-0.25");
        assert_eq!(
            cell_text(&Data::String(" 华芯微电子有限公司 ".into())),
            "华芯微电子有限公司"
        );
        let date = calamine::ExcelDateTime::new(45352.0, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(cell_text(&Data::DateTime(date)), "2024-03-01");
        assert_eq!(csv_line(&["1", "A,B", ""]), "1,\"A,B\",");
    }
}
