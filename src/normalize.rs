//! Stage 1: bytes in, clean simplified-Chinese text out.
//!
//! In: the raw bytes of one document and a name for messages. Out: a
//! [`NormalizedDoc`]: the decoded original text (what offsets refer to), the
//! cleaned text that extractors read, and for every character of the cleaned
//! text the index of the character of the original it came from.
//!
//! What cleaning does, in order: decode (BOM, UTF-8, else GB18030 / Big5 as
//! guessed by chardetng); strip HTML markup, scripts and navigation, or
//! read a JSON record as the text of its string values, or a subtitle
//! file's cues as running text; fold
//! full-width ASCII and odd spaces; drop zero-width and bidi controls; drop
//! pinyin readings inserted after characters (`創(chuàng)`); convert traditional
//! to simplified Chinese; drop junk lines (spam, lists of place names, site
//! navigation); drop a PDF's page numbers and running headers; write the
//! rows of a table of defined terms (释义) as declaring sentences; join lines
//! broken inside a sentence (PDF extraction); squeeze
//! white space next to Chinese characters.
//!
//! Guarantees: never panics on any input; normalizing the cleaned text again
//! gives the same text; every mapped offset is a character index into the
//! original text.

use crate::charfilter::CharFilter;
use crate::error::{Error, Result};
use std::sync::OnceLock;

mod cell_tables;
mod csv_tables;
mod definitions;
mod feed;
mod json_text;
mod mail;
mod office;
mod subtitles;
pub(crate) use cell_tables::opens_section;
pub use office::OfficeKind;

/// The largest document accepted, in bytes. Larger inputs are refused with
/// [`Error::TooLarge`] so that memory and time stay bounded: the worst
/// text at this size (a figure every few characters) takes about ten
/// seconds; the longest article of the development corpus is 40 KB.
pub const MAX_DOCUMENT_BYTES: u64 = 8 * 1024 * 1024;

/// Lines with more visible characters than this are split (at a sentence
/// end when there is one) into lines of [`LONG_LINE`]..=`MAX_LINE_CHARS`
/// visible characters, so that no sentence the extractors read is longer:
/// their work per sentence grows with the square of its length.
pub const MAX_LINE_CHARS: usize = 4000;

/// Lines this long (visible characters) are never site furniture, and lines
/// broken inside a sentence are joined only up to this length. Together with
/// [`MAX_LINE_CHARS`] this keeps cleaning idempotent: the pieces of a split
/// line are never joined again.
pub const LONG_LINE: usize = MAX_LINE_CHARS / 2;

/// One decoded and cleaned document.
#[derive(Debug, Clone)]
pub struct NormalizedDoc {
    /// The decoded text before clean-up (for HTML: the text content).
    pub original: String,
    /// The cleaned, simplified text the extractors read.
    pub text: String,
    /// For each character of `text`, the index of its source character in `original`.
    origin: Vec<u32>,
    /// Byte offset of each character of `text` (for byte → char conversion).
    char_starts: Vec<u32>,
    /// The title, when the document has one (HTML `<title>` or a first line).
    pub title: Option<String>,
    /// The publication date found near the top (`发布时间: 2023-02-10`), ISO 8601.
    pub published: Option<String>,
    /// The encoding the bytes were decoded from.
    pub encoding: &'static str,
    /// Whether the source contained traditional Chinese that was converted.
    pub converted_traditional: bool,
    /// What decoding repaired or dropped (a cut last character, invalid
    /// bytes, over-long lines split), for the user to see.
    pub warnings: Vec<String>,
}

impl NormalizedDoc {
    /// The character index in `text` of a byte offset of `text`.
    pub fn char_index(&self, byte: usize) -> usize {
        match self.char_starts.binary_search(&(byte as u32)) {
            Ok(i) => i,
            Err(i) => i,
        }
    }

    /// The character offsets in `original` of the byte range `start..end` of `text`.
    pub fn original_span(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.char_index(start);
        let e = self.char_index(end);
        let orig_start = self.origin.get(s).copied().unwrap_or(0) as usize;
        let orig_end = if e == 0 {
            0
        } else {
            self.origin
                .get(e - 1)
                .map(|&c| c as usize + 1)
                .unwrap_or_else(|| self.original.chars().count())
        };
        (orig_start, orig_end.max(orig_start))
    }

    /// The original text of the byte range `start..end` of `text`.
    pub fn original_text(&self, start: usize, end: usize) -> String {
        let (s, e) = self.original_span(start, end);
        self.original.chars().skip(s).take(e - s).collect()
    }
}

/// What kind of markup the input is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    Plain,
    Html,
    /// A JSON record or JSON Lines (a news API's or a scraper's output):
    /// read as the text of its string values when it parses, else as plain.
    Json,
    /// A news feed (RSS or Atom): read as its items' headlines and bodies
    /// when it parses as one, else as plain.
    Feed,
    /// An e-mail saved as a file (.eml): read as its subject and the text of
    /// its body when it parses as one, else as plain.
    Mail,
    /// A Word file or a workbook: read as its paragraphs and its tables'
    /// rows (see `normalize/office.rs`).
    Office(OfficeKind),
}

impl Markup {
    /// Guess from a file name and the first bytes.
    pub fn guess(name: &str, bytes: &[u8]) -> Self {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".html") || lower.ends_with(".htm") {
            return Markup::Html;
        }
        if let Some(kind) = office::kind_of(name, bytes) {
            return Markup::Office(kind);
        }
        let head: Vec<u8> = bytes.iter().take(512).map(|b| b.to_ascii_lowercase()).collect();
        let head = String::from_utf8_lossy(&head);
        let trimmed = head.trim_start_matches('\u{feff}').trim_start();
        let json_name = [".json", ".jsonl", ".ndjson"].iter().any(|e| lower.ends_with(e));
        if lower.ends_with(".eml") || mail::looks_like_mail(trimmed) {
            Markup::Mail
        } else if trimmed.starts_with("<!doctype html") || trimmed.starts_with("<html") {
            Markup::Html
        } else if feed::looks_like_feed(trimmed) || [".rss", ".atom"].iter().any(|e| lower.ends_with(e)) {
            Markup::Feed
        } else if json_name
            || trimmed.starts_with('{')
            || trimmed
                .strip_prefix('[')
                .is_some_and(|r| r.trim_start().starts_with(['{', '"']))
        {
            Markup::Json
        } else {
            Markup::Plain
        }
    }
}

/// Decode and clean one document.
pub fn normalize(name: &str, bytes: &[u8], markup: Markup) -> Result<NormalizedDoc> {
    if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(Error::TooLarge {
            name: name.to_string(),
            size: bytes.len() as u64,
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    if let Markup::Office(kind) = markup {
        let office = office::office_to_text(bytes, kind).map_err(|reason| Error::Office {
            name: name.to_string(),
            reason,
        })?;
        let mut doc = clean_text(&office.text, false);
        if doc.text.trim().is_empty() {
            return Err(Error::Empty { name: name.to_string() });
        }
        doc.title = office
            .title
            .map(|t| simplify(&t))
            .or_else(|| first_line_title(&doc.text));
        // A workbook's dates are its rows' (a project's start), not its own.
        if kind == OfficeKind::Word {
            doc.published = find_published(&doc.text);
        }
        return Ok(doc);
    }
    // A message's parts carry their own transfer encodings and charsets.
    let mail = (markup == Markup::Mail).then(|| mail::mail_to_text(bytes)).flatten();
    let (decoded, encoding, warnings) = match &mail {
        Some(mail) => (String::new(), mail.charset.unwrap_or("UTF-8"), Vec::new()),
        None => decode(name, bytes)?,
    };
    let mut stated_date = None;
    let (original, html_title) = match markup {
        Markup::Mail => match mail {
            Some(mail) => {
                stated_date = mail.published;
                (mail.text, mail.title)
            }
            None => (decoded, None),
        },
        Markup::Html => {
            let (text, title) = html_to_text(&decoded);
            (text, title)
        }
        Markup::Json => json_text::json_to_text(&decoded).unwrap_or((decoded, None)),
        Markup::Feed => match feed::feed_to_text(&decoded) {
            Some(feed) => {
                stated_date = feed.published;
                (feed.text, feed.title)
            }
            None => (decoded, None),
        },
        Markup::Plain | Markup::Office(_) => (subtitles::subtitles_to_text(&decoded).unwrap_or(decoded), None),
    };
    let mut doc = clean_text(&original, !matches!(markup, Markup::Mail | Markup::Feed));
    if doc.text.trim().is_empty() {
        return Err(Error::Empty { name: name.to_string() });
    }
    doc.encoding = encoding;
    doc.warnings.splice(0..0, warnings);
    doc.title = html_title.map(|t| simplify(&t)).or_else(|| first_line_title(&doc.text));
    doc.published = stated_date.or_else(|| find_published(&doc.text));
    Ok(doc)
}

/// Whether a field's value (a JSON string, a feed item's body) is HTML: it
/// holds a paragraph's or a line break's tag.
fn holds_html(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    ["<p>", "<p ", "</p>", "<br", "<div", "</div>"]
        .iter()
        .any(|t| lower.contains(t))
}

/// Clean already decoded text (the part of [`normalize`] after decoding).
pub fn clean(original: &str) -> NormalizedDoc {
    clean_text(original, true)
}

/// [`clean`], told whether the text may hold page breaks (blank lines inside
/// a sentence, as a PDF's): a message's or a feed's paragraphs are its own.
fn clean_text(original: &str, page_breaks: bool) -> NormalizedDoc {
    let mut chars: Vec<(char, u32)> = Vec::with_capacity(original.len() / 2);
    for (i, c) in original.chars().enumerate() {
        chars.push((c, i as u32));
    }
    // The steps are heuristics that can enable one another (a squeezed
    // space brings a pinyin reading next to its character, a joined line
    // becomes a list of navigation links): repeat them until the text no
    // longer changes, so that cleaning clean text changes nothing. Nearly
    // every text settles in the first round and is only checked by the second.
    let (mut converted, mut split) = (false, 0);
    let definitions = definitions::may_have_rows(original);
    for _ in 0..CLEAN_ROUNDS {
        let (next, c, s) = clean_round(&chars, definitions, page_breaks);
        converted |= c;
        split += s;
        let settled = next.len() == chars.len() && next.iter().zip(&chars).all(|(a, b)| a.0 == b.0);
        chars = next;
        if settled {
            break;
        }
    }
    let mut text = String::with_capacity(chars.len() * 3);
    let mut origin = Vec::with_capacity(chars.len());
    let mut char_starts = Vec::with_capacity(chars.len());
    for (c, o) in chars {
        char_starts.push(text.len() as u32);
        text.push(c);
        origin.push(o);
    }
    NormalizedDoc {
        original: original.to_string(),
        text,
        origin,
        char_starts,
        title: None,
        published: None,
        encoding: "UTF-8",
        converted_traditional: converted,
        warnings: if split > 0 {
            vec![format!(
                "{split} lines longer than {MAX_LINE_CHARS} characters split (at sentence ends where possible)"
            )]
        } else {
            Vec::new()
        },
    }
}

/// An empty cell of a tab-separated row (`9\tA公司\t\t包装材料`: no park) as
/// `-`, the form `csv_tables` writes one in: two tabs in a row would fold to
/// spaces that squeeze away, running the row's cells together. Tabs that
/// indent a line or end it are no cells.
/// `None` when the text has no two tabs in a row (nearly every text).
fn mark_empty_tab_cells(chars: &[(char, u32)]) -> Option<Vec<(char, u32)>> {
    if !chars.windows(2).any(|w| w[0].0 == '\t' && w[1].0 == '\t') {
        return None;
    }
    let mut out = Vec::with_capacity(chars.len() + 16);
    for line in chars.split_inclusive(|&(c, _)| c == '\n') {
        let first = line.iter().position(|&(c, _)| !c.is_whitespace());
        let last = line.iter().rposition(|&(c, _)| !c.is_whitespace());
        for (k, &(c, o)) in line.iter().enumerate() {
            out.push((c, o));
            let inside = first.is_some_and(|f| f < k) && last.is_some_and(|l| k < l);
            if c == '\t' && inside && line.get(k + 1).is_some_and(|&(d, _)| d == '\t') {
                out.push(('-', o));
            }
        }
    }
    Some(out)
}

/// Most rounds of the clean-up steps (see [`clean`]).
const CLEAN_ROUNDS: usize = 5;

/// One round of the clean-up steps: fold, HTML entities, Markdown, pinyin, simplify, CSV tables, junk lines,
/// page furniture, defined terms (when `definitions`: the text may hold
/// them), cell tables, broken lines, spaces, long lines. Returns the
/// characters, whether traditional characters were converted and how many
/// lines were split.
fn clean_round(chars: &[(char, u32)], definitions: bool, page_breaks: bool) -> (Vec<(char, u32)>, bool, usize) {
    let marked = mark_empty_tab_cells(chars);
    let chars: Vec<(char, u32)> = marked
        .as_deref()
        .unwrap_or(chars)
        .iter()
        .filter_map(|&(c, o)| fold_char(c).map(|c| (c, o)))
        .collect();
    // (Each round: a quote's mark may open a line only once junk before it
    // on the line has gone.)
    let chars = decode_entity_chars(chars);
    let chars = strip_markdown(chars);
    let chars = strip_pinyin(chars);
    let (chars, converted) = to_simplified(chars);
    let chars = csv_tables::rebuild(chars);
    let chars = drop_junk_lines(chars);
    let chars = drop_page_furniture(chars);
    let chars = if definitions {
        definitions::rewrite(chars)
    } else {
        chars
    };
    let chars = cell_tables::rebuild(chars);
    let chars = cell_tables::join_unit_lines(chars);
    let chars = join_broken_lines(chars, page_breaks);
    let chars = squeeze_spaces(chars);
    let (chars, split) = split_long_lines(chars);
    (chars, converted, split)
}

/// Markdown's markup, which reports and converted web pages carry: the
/// marks of headings (`## 一、`) and quotes (`> `) at a line's start, bold
/// (`**100亿元**`), a line in italics (`*注:…*`), and the rule under a table's
/// header (`|---|---|`); the bars of the header and rows become the spaces
/// that part a table's cells. A hashtag (`#话题#`) has no
/// space after its mark and stays.
fn strip_markdown(chars: Vec<(char, u32)>) -> Vec<(char, u32)> {
    // One pass says whether there is anything to do: a mark at a line's
    // start, a star, or a table's rule (---). Most texts have none.
    let marked = chars
        .windows(2)
        .any(|w| matches!((w[0].0, w[1].0), ('\n', '#' | '>') | ('*', _) | ('-', '-')))
        || matches!(chars.first(), Some(&('#' | '>' | '*', _)));
    if !marked {
        return chars;
    }
    let mut out = Vec::with_capacity(chars.len());
    // Whether the line is a row of a table whose rule was seen.
    let mut in_table = false;
    for line in chars.split_inclusive(|&(c, _)| c == '\n') {
        // Most lines hold no mark at all: copied whole.
        let plain = !in_table
            && !matches!(line.first(), Some(&('#' | '>', _)))
            && !line.iter().any(|&(c, _)| matches!(c, '*' | '|'));
        if plain {
            out.extend_from_slice(line);
            continue;
        }
        let content: &[(char, u32)] = match line.last() {
            Some(&('\n', _)) => &line[..line.len() - 1],
            _ => line,
        };
        let is_rule = content.iter().any(|&(c, _)| c == '|')
            && content.windows(3).any(|w| w.iter().all(|&(c, _)| c == '-'))
            && content.iter().all(|&(c, _)| matches!(c, '|' | '-' | ':' | ' ' | '+'));
        if is_rule {
            // The header is the line above: its bars part cells, as the rows' do.
            let header_start = out
                .iter()
                .rposition(|&(c, _): &(char, u32)| c == '\n')
                .map_or(0, |p| p + 1);
            let header = &mut out[header_start..];
            if header.iter().any(|&(c, _)| c == '|') {
                for cell in header.iter_mut().filter(|(c, _)| *c == '|') {
                    cell.0 = ' ';
                }
                in_table = true;
            }
            continue;
        }
        in_table &= content.iter().any(|&(c, _)| c == '|');
        let mut start = 0;
        let hashes = content.iter().take_while(|&&(c, _)| c == '#').count();
        if (1..=6).contains(&hashes) && content.get(hashes).is_some_and(|&(c, _)| c == ' ') {
            start = hashes + 1;
        } else if content.first().is_some_and(|&(c, _)| c == '>') && content.get(1).is_some_and(|&(c, _)| c == ' ') {
            start = 2;
        }
        let mut end = content.len();
        let italic = end > start + 2
            && content[start].0 == '*'
            && content[end - 1].0 == '*'
            && content[start + 1].0 != '*'
            && content[end - 2].0 != '*'
            && content[start + 1].0 != ' ';
        if italic {
            start += 1;
            end -= 1;
        }
        let mut i = start;
        while i < end {
            if content[i].0 == '*' && content.get(i + 1).is_some_and(|&(c, _)| c == '*') && i + 1 < end {
                i += 2;
                continue;
            }
            let (c, o) = content[i];
            out.push(if in_table && c == '|' { (' ', o) } else { (c, o) });
            i += 1;
        }
        if content.len() < line.len() {
            out.push(line[line.len() - 1]);
        }
    }
    out
}

/// What traditional text is converted to: simplified characters and, in the
/// lines that hold traditional characters, the mainland's words for what
/// Taiwan and Hong Kong name otherwise (人工智慧產業 → 人工智能产业, 數位化 →
/// 数字化), so that the taxonomy's names are found. Lines without a word of
/// the traditional → simplified table are not converted: indexing the
/// regional words too sent 8 % of the characters of simplified text to a
/// word lookup, normalize 24 → 27 ms/MB, to convert the rare simplified line
/// that uses a Taiwanese word.
const SIMPLIFIED: zhconv::Variant = zhconv::Variant::ZhCN;

/// Traditional → simplified for a short string (labels, titles).
pub fn simplify(s: &str) -> String {
    zhconv::zhconv(s, SIMPLIFIED)
}

/// Decoded text, the name of its encoding, and warnings about what decoding repaired.
type Decoded = (String, &'static str, Vec<String>);

fn decode(name: &str, bytes: &[u8]) -> Result<Decoded> {
    let not_text = |reason: &str| Error::NotText {
        name: name.to_string(),
        reason: reason.to_string(),
    };
    // UTF-32 first: its little-endian byte-order mark begins with UTF-16LE's.
    if let Some((big_endian, enc)) = utf32_bom(bytes) {
        let text = decode_utf32(&bytes[4..], big_endian).ok_or_else(|| Error::Encoding {
            name: name.to_string(),
            reason: format!("invalid {enc} after its byte-order mark"),
        })?;
        return check_text(name, text).map(|t| (t, enc, Vec::new()));
    }
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(Error::Encoding {
                name: name.to_string(),
                reason: format!("invalid {} after its byte-order mark", enc.name()),
            });
        }
        return check_text(name, text.into_owned()).map(|t| (t, enc.name(), Vec::new()));
    }
    let nuls = bytes.iter().filter(|&&b| b == 0).count();
    if nuls > 0 {
        return Err(not_text(&format!("{nuls} NUL bytes")));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return check_text(name, text.to_string()).map(|t| (t, "UTF-8", Vec::new()));
    }
    // UTF-8 with a few damaged bytes (a cut last character, a stray byte)
    // is still UTF-8: repair it and say so, rather than lose the document.
    // GB18030 and Big5 text is nearly never valid UTF-8 by chance, so it
    // has many more invalid sequences than valid multi-byte characters.
    let scan = Utf8Scan::of(bytes);
    if scan.multibyte > 0 && scan.multibyte >= 20 * scan.invalid {
        let text = if scan.invalid == 1 && scan.truncated {
            String::from_utf8_lossy(&bytes[..scan.first_invalid]).into_owned()
        } else {
            String::from_utf8_lossy(bytes).into_owned()
        };
        let warning = if scan.invalid == 1 && scan.truncated {
            format!(
                "the last character is cut short ({} bytes at the end dropped)",
                bytes.len() - scan.first_invalid
            )
        } else {
            format!(
                "{} invalid UTF-8 sequences replaced by U+FFFD (the first at byte {})",
                scan.invalid, scan.first_invalid
            )
        };
        return check_text(name, text).map(|t| (t, "UTF-8", vec![warning]));
    }
    if scan.multibyte > scan.invalid {
        return Err(Error::Encoding {
            name: name.to_string(),
            reason: format!(
                "invalid UTF-8: {} invalid byte sequences among {} characters, the first at byte {}",
                scan.invalid, scan.multibyte, scan.first_invalid
            ),
        });
    }
    // Only the Chinese encodings are candidates: a single-byte encoding
    // (windows-1252) decodes any bytes and would hide garbage. The decoding
    // with fewer replacement marks wins; the detector settles only a tie.
    // GB18030 text of some length nearly always holds a character Big5
    // rejects (人, 全: their lead byte is a row Big5 leaves empty) and needs
    // no guess; Big5 text decodes as GB18030 too, and then needs one.
    let [gb, big5] = [encoding_rs::GB18030, encoding_rs::BIG5].map(|enc| {
        let text = enc.decode_without_bom_handling(bytes).0.into_owned();
        let bad = text.chars().filter(|&c| c == '\u{fffd}').count();
        (text, enc.name(), bad)
    });
    let best = if gb.2 != big5.2 {
        if gb.2 < big5.2 {
            gb
        } else {
            big5
        }
    } else {
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        if detector.guess(None, chardetng::Utf8Detection::Allow) == encoding_rs::BIG5 {
            big5
        } else {
            gb
        }
    };
    let (text, enc, bad) = best;
    let total = text.chars().count().max(1);
    // Text reads mostly as common Chinese characters, ASCII and punctuation;
    // random bytes decode to rare characters and replacement marks.
    let common = |c: char| {
        c.is_ascii()
            || ('\u{4e00}'..='\u{9fa5}').contains(&c)
            || ('\u{3000}'..='\u{303f}').contains(&c)
            || ('\u{ff00}'..='\u{ffef}').contains(&c)
            || "“”‘’…—·".contains(c)
    };
    let plausible = text.chars().filter(|&c| common(c)).count();
    if bad * 50 > total || plausible * 10 < total * 8 {
        return Err(Error::Encoding {
            name: name.to_string(),
            reason: format!("{bad} of {total} characters undecodable; best guess {enc}"),
        });
    }
    check_text(name, text).map(|t| (t, enc, Vec::new()))
}

/// What a UTF-8 validation pass found in bytes that are not valid UTF-8.
struct Utf8Scan {
    /// Valid characters of two or more bytes.
    multibyte: usize,
    /// Invalid byte sequences.
    invalid: usize,
    /// Byte offset of the first invalid sequence.
    first_invalid: usize,
    /// Whether the bytes end inside a character.
    truncated: bool,
}

impl Utf8Scan {
    fn of(bytes: &[u8]) -> Self {
        let mut scan = Utf8Scan {
            multibyte: 0,
            invalid: 0,
            first_invalid: bytes.len(),
            truncated: false,
        };
        let mut at = 0;
        for chunk in bytes.utf8_chunks() {
            scan.multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
            at += chunk.valid().len();
            if !chunk.invalid().is_empty() {
                if scan.invalid == 0 {
                    scan.first_invalid = at;
                }
                scan.invalid += 1;
                at += chunk.invalid().len();
                // Only the last piece can be an incomplete sequence that is
                // a valid beginning of a character.
                scan.truncated =
                    at == bytes.len() && std::str::from_utf8(chunk.invalid()).is_err_and(|e| e.error_len().is_none());
            }
        }
        scan
    }
}

/// The byte order of a UTF-32 byte-order mark.
fn utf32_bom(bytes: &[u8]) -> Option<(bool, &'static str)> {
    match bytes.get(..4)? {
        [0xff, 0xfe, 0, 0] => Some((false, "UTF-32LE")),
        [0, 0, 0xfe, 0xff] => Some((true, "UTF-32BE")),
        _ => None,
    }
}

/// UTF-32 without its byte-order mark; `None` when it is not valid UTF-32.
fn decode_utf32(bytes: &[u8], big_endian: bool) -> Option<String> {
    if !bytes.len().is_multiple_of(4) {
        return None;
    }
    bytes
        .chunks_exact(4)
        .map(|b| {
            let b = [b[0], b[1], b[2], b[3]];
            char::from_u32(if big_endian {
                u32::from_be_bytes(b)
            } else {
                u32::from_le_bytes(b)
            })
        })
        .collect()
}

fn check_text(name: &str, text: String) -> Result<String> {
    let total = text.chars().count();
    let controls = text
        .chars()
        .filter(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if total > 0 && controls * 20 > total {
        return Err(Error::NotText {
            name: name.to_string(),
            reason: format!("{controls} control characters in {total}"),
        });
    }
    Ok(text)
}

/// Block-level HTML elements: their boundaries become line breaks.
const HTML_BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "table",
    "ul",
    "ol",
    "dd",
    "dt",
    "blockquote",
    "pre",
];
/// HTML elements whose content is never article text.
const HTML_SKIP: &[&str] = &[
    "script", "style", "nav", "header", "footer", "noscript", "iframe", "svg", "form", "select", "button", "aside",
    "head",
];

/// Elements whose content is text, not markup: `<` inside them opens no tag.
const RAW_TEXT: &[&str] = &["script", "style"];

/// Prepare HTML for tl, which closes an element only with an end tag of
/// exactly its name: tag names lower-cased (`<P>…</p>`), the content of
/// scripts and styles dropped (`for (i=0;i<n;i++)` opens no tag `n`),
/// comments kept as they are.
fn prepare_html(html: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    let mut i = 0;
    while let Some(rel) = html[i..].find('<') {
        let lt = i + rel;
        out.push_str(&html[i..lt]);
        if lower[lt..].starts_with("<!--") {
            let end = lower[lt + 4..].find("-->").map_or(html.len(), |p| lt + 4 + p + 3);
            out.push_str(&html[lt..end]);
            i = end;
            continue;
        }
        let closing = bytes.get(lt + 1) == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        let name_end = name_start
            + bytes[name_start..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
        out.push_str(&html[lt..name_start]);
        out.push_str(&lower[name_start..name_end]);
        i = name_end;
        let name = &lower[name_start..name_end];
        if !closing && RAW_TEXT.contains(&name) {
            let gt = lower[i..].find('>').map_or(html.len(), |p| i + p + 1);
            out.push_str(&html[i..gt]);
            i = lower[gt..].find(&format!("</{name}")).map_or(html.len(), |p| gt + p);
        }
    }
    out.push_str(&html[i..]);
    out
}

/// The visible text of an HTML page, block elements on their own lines, and its title.
fn html_to_text(html: &str) -> (String, Option<String>) {
    let prepared = prepare_html(html);
    let Ok(dom) = tl::parse(&prepared, tl::ParserOptions::default()) else {
        return (html.to_string(), None);
    };
    let parser = dom.parser();
    let mut out = String::new();
    // The title's own text (not tl's recursive inner_text: an unclosed
    // title holds the whole page, nested as deep as the page is).
    let title_of = |tag: &tl::HTMLTag| -> Option<String> {
        let text: String = tag
            .children()
            .top()
            .iter()
            .filter_map(|h| match h.get(parser) {
                Some(tl::Node::Raw(r)) => Some(r.as_utf8_str().into_owned()),
                _ => None,
            })
            .collect();
        let t: String = decode_entities(&text).trim().chars().take(300).collect();
        (!t.is_empty()).then_some(t)
    };
    let mut title = dom
        .query_selector("title")
        .and_then(|mut it| it.next())
        .and_then(|h| h.get(parser))
        .and_then(|n| n.as_tag())
        .and_then(title_of);
    // Iterative walk: deep nesting must not overflow the stack.
    let mut stack: Vec<(tl::NodeHandle, bool)> = dom.children().iter().rev().map(|h| (*h, false)).collect();
    while let Some((handle, closing)) = stack.pop() {
        let Some(node) = handle.get(parser) else {
            continue;
        };
        match node {
            tl::Node::Tag(tag) => {
                let name = tag.name().as_utf8_str().to_ascii_lowercase();
                if closing {
                    if HTML_BLOCKS.contains(&name.as_str()) {
                        out.push('\n');
                    }
                    continue;
                }
                // An element tl never saw closed (a stray or mismatched end
                // tag inside it, an optional end tag left out) holds the rest
                // of the page: its content is read, not skipped.
                let raw = tag.raw().as_bytes();
                let closed = raw[raw.len().saturating_sub(name.len() + 8)..]
                    .windows(2)
                    .any(|w| w == b"</");
                if name == "title" && closed {
                    if title.is_none() {
                        title = title_of(tag);
                    }
                    continue;
                }
                if HTML_SKIP.contains(&name.as_str()) && (closed || RAW_TEXT.contains(&name.as_str())) {
                    continue;
                }
                if HTML_BLOCKS.contains(&name.as_str()) {
                    out.push('\n');
                }
                stack.push((handle, true));
                let children: Vec<tl::NodeHandle> = tag.children().top().iter().copied().collect();
                for child in children.into_iter().rev() {
                    stack.push((child, false));
                }
            }
            tl::Node::Raw(raw) => out.push_str(&decode_entities(&raw.as_utf8_str())),
            tl::Node::Comment(_) => {}
        }
    }
    (out, title)
}

/// The character an HTML entity's name (between `&` and `;`) stands for.
fn entity_char(ent: &str) -> Option<char> {
    match ent {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        "ldquo" => Some('“'),
        "rdquo" => Some('”'),
        "middot" => Some('·'),
        _ if ent.starts_with("#x") || ent.starts_with("#X") => {
            u32::from_str_radix(&ent[2..], 16).ok().and_then(char::from_u32)
        }
        _ if ent.starts_with('#') => ent[1..].parse().ok().and_then(char::from_u32),
        _ => None,
    }
}

/// HTML entities left in a plain text copied from a web page (&nbsp;,
/// &ldquo;园区&rdquo;): the character each stands for, with the origin of
/// its `&`. None that gives `&` is decoded (&amp;lt; stays), so no new
/// entity appears and a second round changes nothing.
fn decode_entity_chars(chars: Vec<(char, u32)>) -> Vec<(char, u32)> {
    if !chars.iter().any(|&(c, _)| c == '&') {
        return chars;
    }
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let (c, o) = chars[i];
        if c == '&' {
            let end = chars[i + 1..].iter().take(10).position(|&(x, _)| x == ';');
            let decoded = end.and_then(|e| {
                let name: String = chars[i + 1..i + 1 + e].iter().map(|&(x, _)| x).collect();
                entity_char(&name).filter(|&d| d != '&').map(|d| (d, e + 2))
            });
            if let Some((d, len)) = decoded {
                out.push((d, o));
                i += len;
                continue;
            }
        }
        out.push((c, o));
        i += 1;
    }
    out
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find('&') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| entity_char(&after[1..e]).map(|c| (c, e + 1)));
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Fold one character: full-width ASCII to ASCII, odd spaces to a space,
/// invisible controls dropped.
fn fold_char(c: char) -> Option<char> {
    match c {
        '\r'
        | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{feff}'
        | '\u{ad}' => None,
        '\u{3000}' | '\u{a0}' | '\u{2002}'..='\u{200a}' | '\t' | '\u{c}' => Some(' '),
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0),
        c if c.is_control() && c != '\n' => None,
        c => Some(c),
    }
}

/// `char::is_whitespace`, answered without a table lookup for the Chinese
/// characters that make up most of the text (no white space lies above
/// U+3000): cleaning asks it of every character several times.
fn is_space(c: char) -> bool {
    (c as u32) <= 0x3000 && c.is_whitespace()
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{2ffff}')
}

fn has_tone_mark(c: char) -> bool {
    "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ".contains(c)
}

/// Remove pinyin readings inserted after Chinese characters: in parentheses
/// (`創(chuàng)`, `高新区(Gāoxīnqū)`, `营业收入(yíngyè shōurù)`), or bare between
/// spaces (`园区 yuánqū 实现`). A reading is Latin letters (spaces,
/// apostrophes and hyphens between syllables in parentheses) with at least
/// one tone mark; bare, every word of it has one. Latin without tone marks is
/// kept: `碳化硅(SiC)`, `园区 Park`.
fn strip_pinyin(chars: Vec<(char, u32)>) -> Vec<(char, u32)> {
    let is_letter = |d: char| d.is_ascii_alphabetic() || has_tone_mark(d) || matches!(d, 'ü' | 'Ü');
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].0;
        // After a character or a quoted name (“5050计划”(jìhuà)).
        let after_cjk = matches!(c, '(' | ' ')
            && i > 0
            && (is_cjk(chars[i - 1].0) || matches!(chars[i - 1].0, '”' | '》' | '」' | '』'));
        if c == '(' && after_cjk {
            let mut j = i + 1;
            let mut tone = false;
            while j < chars.len() && j - i <= PINYIN_MAX_CHARS {
                let d = chars[j].0;
                if has_tone_mark(d) {
                    tone = true;
                } else if !(is_letter(d) || matches!(d, ' ' | '\'' | '-' | '’')) {
                    break;
                }
                j += 1;
            }
            if tone && j < chars.len() && chars[j].0 == ')' && j > i + 1 && is_letter(chars[i + 1].0) {
                i = j + 1;
                continue;
            }
        }
        if c == ' ' && after_cjk {
            // Words of letters, each with a tone mark, then a space or the
            // end of the line, and a Chinese character or punctuation next.
            let mut j = i;
            let mut words = 0;
            while j < chars.len() && chars[j].0 == ' ' {
                let w = j + 1;
                let mut k = w;
                let mut tone = false;
                while k < chars.len() && is_letter(chars[k].0) {
                    tone |= has_tone_mark(chars[k].0);
                    k += 1;
                }
                if k == w || !tone || k - w > PINYIN_MAX_CHARS {
                    break;
                }
                words += 1;
                j = k;
            }
            let next = chars.get(j).map(|&(d, _)| d);
            let then_chinese = |d: char| is_cjk(d) || (!d.is_ascii() && !is_letter(d) && !d.is_alphanumeric());
            let closed = match next {
                None | Some('\n') => true,
                Some(' ') => chars.get(j + 1).is_some_and(|&(d, _)| then_chinese(d)),
                Some(d) => then_chinese(d) || matches!(d, ',' | '.' | ';' | ':' | '!' | '?'),
            };
            if words > 0 && closed {
                i = j;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// The longest pinyin reading removed, in characters (深圳证券交易所 reads
/// `Shēnzhèn Zhèngquàn Jiāoyìsuǒ`, 28).
const PINYIN_MAX_CHARS: usize = 48;

/// The words the traditional → simplified table changes, found by one
/// character of each: text holding none of them is left as it is by the
/// conversion (which only replaces words of the table), so the converter's
/// automaton need not run over it.
struct ConvertibleWords {
    /// The characters words are indexed under.
    indexed: CharFilter,
    /// Under each indexed character, the words holding it and where.
    words: foldhash::HashMap<char, Vec<(Vec<char>, usize)>>,
}

impl ConvertibleWords {
    fn get() -> &'static ConvertibleWords {
        static WORDS: OnceLock<ConvertibleWords> = OnceLock::new();
        WORDS.get_or_init(|| {
            let mut table = ConvertibleWords {
                indexed: CharFilter::default(),
                words: foldhash::HashMap::default(),
            };
            for (from, to) in zhconv::tables::expand_table(zhconv::tables::ZH_HANS_TABLE) {
                let from: Vec<char> = from.chars().collect();
                // A word is indexed under the first character the table
                // changes (陞 of 。陞 → 。升): the common characters around
                // it would send most simplified text to the converter.
                let to: Vec<char> = to.chars().collect();
                if from == to || from.is_empty() {
                    continue;
                }
                let at = (0..from.len()).find(|&i| to.get(i) != Some(&from[i])).unwrap_or(0);
                let c = from[at];
                table.indexed.insert(c);
                table.words.entry(c).or_default().push((from, at));
            }
            table
        })
    }

    /// Whether the conversion could change `chars`: a word of the table
    /// occurs in them.
    fn occur_in(&self, chars: &[(char, u32)]) -> bool {
        chars.iter().enumerate().any(|(i, &(c, _))| {
            if !self.indexed.may_contain(c) {
                return false;
            }
            self.words.get(&c).is_some_and(|words| {
                words.iter().any(|(word, at)| {
                    i.checked_sub(*at).is_some_and(|start| {
                        chars.len() - start >= word.len()
                            && word.iter().zip(&chars[start..]).all(|(w, &(t, _))| *w == t)
                    })
                })
            })
        })
    }
}

/// Convert traditional to simplified line by line, keeping the character map
/// exact where the conversion keeps the length (it nearly always does).
fn to_simplified(chars: Vec<(char, u32)>) -> (Vec<(char, u32)>, bool) {
    // Most text is simplified already, and most lines of a text that is
    // not: only the lines holding a word of the table go to the converter,
    // which leaves every other line as it is. (No conversion rule spans a
    // line break, so the whole text converts to its lines converted.)
    let words = ConvertibleWords::get();
    if !words.occur_in(&chars) {
        return (chars, false);
    }
    let converter = zhconv::get_builtin_converter(SIMPLIFIED);
    let mut out = Vec::with_capacity(chars.len());
    let mut converted = false;
    for line in chars.split_inclusive(|&(c, _)| c == '\n') {
        if !words.occur_in(line) {
            out.extend_from_slice(line);
            continue;
        }
        let s: String = line.iter().map(|&(c, _)| c).collect();
        let t = converter.convert(&s);
        if t == s {
            out.extend_from_slice(line);
            continue;
        }
        converted = true;
        let new: Vec<char> = t.chars().collect();
        if new.len() == line.len() {
            out.extend(new.into_iter().zip(line.iter().map(|&(_, o)| o)));
        } else {
            // Rare length change: map each new character proportionally.
            let n = new.len().max(1);
            for (k, c) in new.into_iter().enumerate() {
                let src = (k * line.len() / n).min(line.len() - 1);
                out.push((c, line[src].1));
            }
        }
    }
    (out, converted)
}

/// Lines that are site furniture rather than article text.
pub fn is_junk_line(line: &str) -> bool {
    let chars: Vec<(char, u32)> = line.chars().map(|c| (c, 0)).collect();
    is_junk(&chars)
}

/// [`is_junk_line`] on a line of the text being cleaned: one pass counts
/// what decides, and only short lines and separator lists become strings.
fn is_junk(line: &[(char, u32)]) -> bool {
    let is_sep = |c: char| matches!(c, '|' | '_' | '>' | '›' | '»');
    let Some(first) = line.iter().position(|(c, _)| !is_space(*c)) else {
        return false;
    };
    let last = line.iter().rposition(|(c, _)| !is_space(*c)).unwrap_or(first);
    let t = &line[first..=last];
    let (mut shown, mut seps) = (0, 0);
    for &(c, _) in t {
        shown += usize::from(!is_space(c));
        seps += usize::from(is_sep(c));
        // A long line is text, however it goes on: most lines of an
        // article are long, and are not read to their end here.
        if shown >= LONG_LINE {
            return false;
        }
    }
    let text = || t.iter().map(|&(c, _)| c).collect::<String>();
    if t.len() <= SHORT_LINE {
        // Encoded on the stack: PDF text is hundreds of short lines, each
        // asked this.
        let mut buf = [0u8; 4 * SHORT_LINE];
        let mut n = 0;
        for &(c, _) in t {
            n += c.encode_utf8(&mut buf[n..]).len();
        }
        if std::str::from_utf8(&buf[..n]).is_ok_and(|line| junk_rules().phrases.is_match(line)) {
            return true;
        }
    }
    // Lists of short items separated by |, _ or >: navigation, tag clouds,
    // lists of place names, spam titles.
    if seps >= 3 {
        let items = text().split(is_sep).filter(|s| !s.trim().is_empty()).count().max(1);
        if t.len() / items <= 16 {
            return true;
        }
    }
    false
}

/// Whether a line is the header of a list of links (相关新闻:).
fn is_link_list_header(line: &[(char, u32)]) -> bool {
    let text: String = line.iter().map(|&(c, _)| c).collect();
    let text = text.trim();
    text.chars().count() <= SHORT_LINE && junk_rules().link_list_headers.is_match(text)
}

/// Whether a line can be a headline of a list of links: blank, or short and
/// not ending a sentence.
fn is_headline(line: &[(char, u32)]) -> bool {
    let shown: Vec<char> = line.iter().map(|&(c, _)| c).filter(|&c| !is_space(c)).collect();
    shown.len() <= SHORT_LINE && !shown.last().is_some_and(|c| matches!(c, '。' | '!' | '?'))
}

/// Lines of at most this many characters (not counting white space at
/// their ends) are checked for junk phrases.
const SHORT_LINE: usize = 60;

struct JunkRules {
    /// Any of the phrases of `data/rules/junk.txt`, in one automaton: every
    /// short line is checked against all of them.
    phrases: aho_corasick::AhoCorasick,
    /// The headers of `data/rules/link-lists.txt` (相关新闻, 推荐阅读 …).
    link_list_headers: aho_corasick::AhoCorasick,
}

fn junk_rules() -> &'static JunkRules {
    static RULES: OnceLock<JunkRules> = OnceLock::new();
    RULES.get_or_init(|| JunkRules {
        // Built from a few dozen short phrases shipped with the program: it
        // cannot exceed the automaton's size limits.
        phrases: aho_corasick::AhoCorasick::new(crate::data::lines(crate::data::JUNK_PHRASES))
            .expect("junk phrases compile"),
        link_list_headers: aho_corasick::AhoCorasick::new(crate::data::lines(crate::data::LINK_LIST_HEADERS))
            .expect("link list headers compile"),
    })
}

fn drop_junk_lines(chars: Vec<(char, u32)>) -> Vec<(char, u32)> {
    let mut out = Vec::with_capacity(chars.len());
    let lines: Vec<&[(char, u32)]> = chars.split_inclusive(|&(c, _)| c == '\n').collect();
    // For each line: whether it is junk, whether for its own sake (not as a
    // headline under a header of links), and whether it is a row of a table
    // drawn with bars.
    let mut verdicts = Vec::with_capacity(lines.len());
    // After a header of a list of links (相关新闻), its headlines.
    let mut in_link_list = false;
    for line in &lines {
        if in_link_list {
            in_link_list = is_headline(line);
        }
        let own = is_junk(line);
        if own && !in_link_list && is_link_list_header(line) {
            in_link_list = true;
        }
        verdicts.push(Verdict {
            junk: own || in_link_list,
            own,
            bar_row: false,
        });
    }
    keep_bar_tables(&lines, &mut verdicts);
    for (line, verdict) in lines.into_iter().zip(verdicts) {
        if verdict.junk {
            if let Some(&last) = line.last() {
                if last.0 == '\n' {
                    out.push(last);
                }
            }
            continue;
        }
        if verdict.bar_row {
            // Cells apart by one space, as a table's row is written.
            out.extend(
                line.iter()
                    .map(|&(c, o)| if matches!(c, '|' | '｜') { (' ', o) } else { (c, o) }),
            );
        } else {
            out.extend_from_slice(line);
        }
    }
    out
}

/// What [`drop_junk_lines`] decides about a line.
#[derive(Clone, Copy)]
struct Verdict {
    junk: bool,
    /// Junk for what the line is, not for where it stands.
    own: bool,
    /// A row (or the header) of a table drawn with bars.
    bar_row: bool,
}

/// A web page's table drawn with bars (`01 | 某某项目 | 某某有限公司 | 22亿元`)
/// looks, line by line, like a bar of navigation links; but a line with
/// three bars or more followed by two or more with as many bars and a figure
/// each (a row's number, an amount) is a header and its rows: text, whose
/// bars become the single spaces between a table's cells.
fn keep_bar_tables(lines: &[&[(char, u32)]], verdicts: &mut [Verdict]) {
    let bars = |line: &[(char, u32)]| line.iter().filter(|(c, _)| matches!(c, '|' | '｜')).count();
    let figure = |line: &[(char, u32)]| line.iter().any(|(c, _)| c.is_ascii_digit());
    let mut i = 0;
    while i < lines.len() {
        if !verdicts[i].own {
            i += 1;
            continue;
        }
        let n = bars(lines[i]);
        let mut j = i + 1;
        while j < lines.len() && verdicts[j].own && bars(lines[j]) == n && figure(lines[j]) {
            j += 1;
        }
        if n >= 3 && j - i >= 3 {
            for v in &mut verdicts[i..j] {
                *v = Verdict {
                    junk: false,
                    own: false,
                    bar_row: true,
                };
            }
        }
        i = j;
    }
}

/// Visible characters a line must have to count as a full printed line
/// when the text shows no narrower wrap width (see [`full_line_width`]).
const FULL_LINE: usize = 30;

/// Whether a line may end inside a sentence / the next may continue it.
fn ends_open(c: char) -> bool {
    // A digit too: a column can break between a number and its unit (1.3|万家),
    // and an opening quote or bracket before what it encloses (原“|昌东工业园”).
    is_cjk(c) || c.is_ascii_digit() || matches!(c, '、' | ',' | '+' | '“' | '《' | '(' | '「')
}

/// Whether a line opens with an item's number: a keycap (2️⃣, as WeChat posts
/// number their lists) or one or two digits and 、 (2、). The item is a
/// line of its own, not the rest of the line before it.
fn opens_numbered_item(line: &[(char, u32)]) -> bool {
    let mut printed = line.iter().map(|&(c, _)| c).filter(|&c| !is_space(c));
    let digits = printed.by_ref().take_while(char::is_ascii_digit).count();
    let after: Vec<char> = line
        .iter()
        .map(|&(c, _)| c)
        .filter(|&c| !is_space(c))
        .skip(digits)
        .take(2)
        .collect();
    (1..=2).contains(&digits)
        && matches!(
            after.as_slice(),
            ['、', ..] | ['\u{FE0F}', '\u{20E3}'] | ['\u{20E3}', ..]
        )
}

fn starts_continuation(c: char) -> bool {
    // … and what closes or follows a word: 13.8|%, 一城两园|”的格局.
    is_cjk(c) || c.is_ascii_digit() || matches!(c, ',' | '、' | '。' | '%' | ';' | ':' | ')' | '”' | '》' | '」')
}

/// Whether a line is a printed page number: — 3 —, - 3 -, 第3页, 第3页 共9页,
/// 3/9 (a bare number is not: lists and tables have those). OCR reads the
/// dashes as 一 (一 2 一): a line of nothing else is no text either.
fn is_page_number(line: &[(char, u32)]) -> bool {
    let dash = |c: char| matches!(c, '—' | '–' | '-' | '－' | '─' | '一');
    // Most lines are long: counted without building anything.
    let mut visible = line.iter().filter(|&&(c, _)| !is_space(c));
    if visible.clone().nth(12).is_some() {
        return false;
    }
    let t: Vec<char> = visible.by_ref().map(|&(c, _)| c).collect();
    if t.is_empty() {
        return false;
    }
    let digits = |s: &[char]| !s.is_empty() && s.len() <= 4 && s.iter().all(char::is_ascii_digit);
    let inner: Vec<char> = t.iter().copied().skip_while(|&c| dash(c)).collect();
    let dashes_before = t.len() - inner.len();
    let core: Vec<char> = inner.iter().copied().rev().skip_while(|&c| dash(c)).collect::<Vec<_>>();
    let dashes_after = inner.len() - core.len();
    let core: Vec<char> = core.into_iter().rev().collect();
    if dashes_before > 0 && dashes_after > 0 && digits(&core) {
        return true;
    }
    // 第3页, 第3页共9页, 共9页第3页.
    let text: String = t.iter().collect();
    let page = |s: &str| {
        s.strip_prefix('第')
            .and_then(|r| r.strip_suffix('页'))
            .is_some_and(|n| digits(&n.chars().collect::<Vec<_>>()))
    };
    let total = |s: &str| {
        s.strip_prefix('共')
            .and_then(|r| r.strip_suffix('页'))
            .is_some_and(|n| digits(&n.chars().collect::<Vec<_>>()))
    };
    if page(&text) {
        return true;
    }
    if let Some(p) = text.find('页').map(|p| p + '页'.len_utf8()).filter(|&p| p < text.len()) {
        let (a, b) = text.split_at(p);
        if page(a) && total(b) || total(a) && page(b) {
            return true;
        }
    }
    // 3/9
    match text.split_once('/') {
        Some((a, b)) => digits(&a.chars().collect::<Vec<_>>()) && digits(&b.chars().collect::<Vec<_>>()),
        None => false,
    }
}

/// Drop what a PDF prints on every page: page numbers, and the running
/// header or footer (a short line that stands next to at least two page
/// breaks, the same each time). The lines go whole, newline and all, so the
/// sentence a page break cut is joined again by [`join_broken_lines`].
fn drop_page_furniture(chars: Vec<(char, u32)>) -> Vec<(char, u32)> {
    let lines: Vec<&[(char, u32)]> = chars.split_inclusive(|&(c, _)| c == '\n').collect();
    let page_numbers: Vec<bool> = lines.iter().map(|l| is_page_number(l)).collect();
    if !page_numbers.iter().any(|&p| p) {
        return chars;
    }
    // The lines within three lines of a page number, keyed by what they show.
    let shown = |l: &[(char, u32)]| -> String { l.iter().map(|&(c, _)| c).filter(|&c| !is_space(c)).collect() };
    let near_break = |i: usize| (i.saturating_sub(3)..(i + 4).min(lines.len())).any(|j| page_numbers[j]);
    let mut counts: foldhash::HashMap<String, usize> = foldhash::HashMap::default();
    for (i, l) in lines.iter().enumerate() {
        if page_numbers[i] || !near_break(i) {
            continue;
        }
        let key = shown(l);
        let n = key.chars().count();
        if (2..=40).contains(&n) && !key.ends_with('。') {
            *counts.entry(key).or_default() += 1;
        }
    }
    let mut out = Vec::with_capacity(chars.len());
    for (i, l) in lines.iter().enumerate() {
        let running = !page_numbers[i] && near_break(i) && counts.get(&shown(l)).is_some_and(|&n| n >= 2);
        if !page_numbers[i] && !running {
            out.extend_from_slice(l);
        }
    }
    out
}

/// What makes a full printed line in this text, counted two ways: in
/// characters, and in printed columns (a Chinese character takes two, a
/// digit or Latin letter one). PDF text wraps at the column's width, so a
/// line with digits holds more characters than one without; generated or
/// typed text may wrap at a number of characters.
#[derive(Debug, Clone, Copy)]
struct FullLine {
    chars: usize,
    columns: usize,
}

/// The columns a character takes in print: two for Chinese characters,
/// full-width forms and the punctuation folding made ASCII (，→ ,), one
/// for the rest.
fn columns(c: char) -> usize {
    if is_cjk(c) || is_wide_punct(c) {
        2
    } else {
        1
    }
}

fn visible_columns(line: &[(char, u32)]) -> usize {
    line.iter()
        .filter(|(c, _)| !is_space(*c))
        .map(|&(c, _)| columns(c))
        .sum()
}

/// How long a full printed line is in this text. PDF text wraps at the
/// column's width, so the lines broken inside a sentence share one length: a
/// narrow column (24 characters) has most of them at 23 or 24. The length is
/// the most common one of such lines, when at least 4 lines and a third of
/// them have it (or one character, two columns less), and they outnumber
/// the paragraphs kept on one line; else [`FULL_LINE`] characters (twice
/// that in columns), which also caps it.
fn full_line_width(lines: &[&[(char, u32)]]) -> FullLine {
    let mut chars = std::collections::BTreeMap::<usize, usize>::new();
    let mut cols = std::collections::BTreeMap::<usize, usize>::new();
    let mut open_lines = 0;
    // Lines longer than any printed line: paragraphs the text keeps whole.
    let mut paragraphs = 0;
    for line in lines {
        let last = line.iter().rev().find(|(c, _)| !is_space(*c)).map(|&(c, _)| c);
        let shown = visible(line.iter().map(|&(c, _)| c));
        if last.is_some_and(ends_open) && (12..FULL_LINE + 20).contains(&shown) && !is_field_line(line) {
            *chars.entry(shown).or_default() += 1;
            *cols.entry(visible_columns(line)).or_default() += 1;
            open_lines += 1;
        } else if shown >= FULL_LINE + 20 {
            paragraphs += 1;
        }
    }
    // The most common length, counting a line `slack` shorter with it (a
    // full-width punctuation mark can push a character to the next line).
    let mode = |counts: &std::collections::BTreeMap<usize, usize>, slack: usize, cap: usize| {
        let best = counts
            .iter()
            .map(|(&len, &n)| {
                let shorter: usize = (1..=slack).filter_map(|d| counts.get(&len.checked_sub(d)?)).sum();
                (n + shorter, len)
            })
            .max();
        // Where whole paragraphs are as many, lines of one length are
        // headings of one style (一、…, 二、…), not a column's wrap width.
        match best {
            Some((n, len)) if n >= 4 && n * 3 >= open_lines && n > paragraphs => (len - slack).min(cap),
            _ => cap,
        }
    };
    FullLine {
        chars: mode(&chars, 1, FULL_LINE),
        columns: mode(&cols, 2, 2 * FULL_LINE),
    }
}

/// Join a line to the next when it was broken inside a sentence: the line is
/// a full printed line (not a heading; see [`full_line_width`]), does not end a
/// sentence, and the next non-empty line (at most three blank lines on)
/// continues in Chinese.
fn join_broken_lines(chars: Vec<(char, u32)>, page_breaks: bool) -> Vec<(char, u32)> {
    let lines: Vec<&[(char, u32)]> = chars.split_inclusive(|&(c, _)| c == '\n').collect();
    fn body(l: &[(char, u32)]) -> &[(char, u32)] {
        match l.last() {
            Some(&('\n', _)) => &l[..l.len() - 1],
            _ => l,
        }
    }
    let newline = |l: &[(char, u32)]| l.last().copied().filter(|&(c, _)| c == '\n');
    let count_visible = |l: &[(char, u32)]| visible(l.iter().map(|&(c, _)| c));
    let full = full_line_width(&lines);
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < lines.len() {
        // The line is written to `out` as it is joined: `start` is where it
        // begins there, `shown` how many visible characters it has.
        let start = out.len();
        out.extend_from_slice(body(lines[i]));
        let mut shown = count_visible(body(lines[i]));
        // A paragraph's first line is indented (two characters, in print):
        // it is full with that many characters fewer.
        let indent = body(lines[i]).iter().take_while(|(c, _)| is_space(*c)).count().min(2);
        let mut end = newline(lines[i]);
        loop {
            // (Over blank lines, a page break; a message or a feed has none:
            // there a blank line ends a paragraph.)
            let mut next = i + 1;
            while page_breaks && next < lines.len() && next <= i + 4 && lines[next].iter().all(|(c, _)| is_space(*c)) {
                next += 1;
            }
            let Some(next_line) = lines.get(next) else {
                break;
            };
            let current = &out[start..];
            let last = current.iter().rev().find(|(c, _)| !is_space(*c)).map(|&(c, _)| c);
            let first = next_line.iter().find(|(c, _)| !is_space(*c)).map(|&(c, _)| c);
            let next_shown = count_visible(body(next_line));
            let full_width = shown + indent >= full.chars || visible_columns(current) + 2 * indent >= full.columns;
            // A heading broken inside a title (…关于印发《A|B》的通知): the
            // title opened on this line closes on the next.
            let depth = |l: &[(char, u32)]| {
                l.iter().fold(0i32, |d, &(c, _)| match c {
                    '《' => d + 1,
                    '》' => d - 1,
                    _ => d,
                })
            };
            // (Only a line that ends no sentence may, and the next must close it.)
            let open_title = || {
                !last.is_some_and(|c| matches!(c, '。' | '!' | '?' | ';'))
                    && depth(body(next_line)) < 0
                    && depth(current) > 0
            };
            // (A number broken at its decimal point: 356.|2亿元.)
            // Chinese text on both sides (收入356.|2亿元), not an English
            // sentence's end before a numbered heading (in 2022.|2.1 …).
            let decimal = || {
                fn printed(l: &[(char, u32)]) -> impl DoubleEndedIterator<Item = char> + '_ {
                    l.iter().map(|&(c, _)| c).filter(|c| !is_space(*c))
                }
                // (…收入356. read backwards: the point, digits, then a Chinese character.)
                let mut tail = printed(current).rev().skip(1);
                let digits = tail.by_ref().take_while(char::is_ascii_digit).count();
                let cjk_before = printed(current).rev().nth(1 + digits).is_some_and(is_cjk);
                let mut next = printed(body(next_line));
                let lead = next.by_ref().take_while(char::is_ascii_digit).count();
                let unit = printed(body(next_line))
                    .nth(lead)
                    .is_some_and(|c| is_cjk(c) || c == '%');
                digits > 0 && cjk_before && lead > 0 && unit
            };
            // (A cited title's number in brackets, which did not fit on
            // the title's line: 《…意见》|(国办发〔2020〕7号)和…)
            let cited_number = || {
                if last != Some('》') {
                    return false;
                }
                let next: String = body(next_line)
                    .iter()
                    .map(|&(c, _)| c)
                    .filter(|c| !is_space(*c))
                    .take(16)
                    .collect();
                next.starts_with('(') && next.contains(['〔', '['])
            };
            let cited = cited_number();
            let broken = (full_width
                && (last.is_some_and(ends_open) || last == Some('.') && decimal())
                && !names_a_notice(current))
                || cited;
            let open_title = !broken && open_title();
            // (A number broken before its decimal point: 486|.2亿元.)
            let decimal_rest = || {
                let mut printed = next_line.iter().map(|&(c, _)| c).filter(|c| !is_space(*c));
                last.is_some_and(|c| c.is_ascii_digit())
                    && printed.next() == Some('.')
                    && printed.next().is_some_and(|c| c.is_ascii_digit())
            };
            let joinable = (broken || open_title)
                && shown + next_shown < LONG_LINE
                && (first.is_some_and(starts_continuation) || decimal_rest() || cited)
                && !is_table_row(body(lines[i]))
                && !is_table_row(body(next_line))
                && !is_narrow_table_row(body(lines[i]), Some(body(next_line)))
                && !is_narrow_table_row(body(next_line), lines.get(next + 1).map(|l| body(l)))
                && !is_field_line(current)
                && !is_field_line(body(next_line))
                && !opens_numbered_item(body(next_line))
                && !is_document_number(current)
                && !is_document_number(body(next_line))
                && !holds_bar(current)
                && !holds_bar(body(next_line));
            if !joinable {
                break;
            }
            while out.len() > start && out.last().is_some_and(|(c, _)| is_space(*c)) {
                out.pop();
            }
            out.extend(body(next_line).iter().copied().skip_while(|(c, _)| is_space(*c)));
            shown += next_shown;
            end = newline(next_line);
            i = next;
            // (A heading joined for its title stays a heading.)
            if open_title && !(full_width && last.is_some_and(ends_open)) {
                break;
            }
        }
        out.extend(end);
        i += 1;
    }
    out
}

/// Whether a line is an official document's number on its own (赣工信中小字
/// 〔2024〕211号, 国发[2023]5号): the line under a notice's title, before its
/// addressees, neither of which it continues.
fn is_document_number(line: &[(char, u32)]) -> bool {
    if line.len() > 40 || line.iter().rev().map(|&(c, _)| c).find(|c| !is_space(*c)) != Some('号') {
        return false;
    }
    let text: String = line.iter().map(|&(c, _)| c).filter(|c| !is_space(*c)).collect();
    let Some(open) = text.find(['〔', '[']) else {
        return false;
    };
    let after = &text[open + text[open..].chars().next().map_or(1, char::len_utf8)..];
    let year: String = after.chars().take(4).collect();
    text.chars().count() <= 30
        && year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && after[4..].starts_with(['〕', ']'])
}

/// Whether a line holds a bar: items set apart by bars (a slide's
/// `A | B | C`, a page's `站名 | 栏目 2`) are no sentence a line break cut.
fn holds_bar(line: &[(char, u32)]) -> bool {
    line.iter().any(|&(c, _)| matches!(c, '|' | '│' | '¦'))
}

/// Whether a line ends as the heading of a notice that hands on a document
/// does (…关于印发《…》的通知): a heading, not a sentence broken at the
/// line's end, however long.
fn names_a_notice(line: &[(char, u32)]) -> bool {
    const KINDS: [&str; 5] = ["通知", "决定", "批复", "函", "公告"];
    // A title without the quoted document (关于公布第五批…名单的通知): asked
    // only of a line that ends as one of the kinds does.
    let last = line.iter().rev().map(|&(c, _)| c).find(|c| !is_space(*c));
    if last.is_some_and(|c| KINDS.iter().chain(&["意见"]).any(|k| k.ends_with(c))) {
        let text: String = line.iter().map(|&(c, _)| c).filter(|c| !is_space(*c)).collect();
        let kind = KINDS.iter().chain(&["意见"]).find(|k| text.ends_with(*k));
        if text.contains("关于") && kind.is_some_and(|k| text[..text.len() - k.len()].ends_with('的')) {
            return true;
        }
    }
    // The last visible characters, last first: the tail after 》 is short.
    let mut tail = ['\0'; 5];
    for (n, &(c, _)) in line.iter().rev().filter(|(c, _)| !is_space(*c)).enumerate() {
        if c == '》' {
            let tail: String = tail[..n].iter().rev().collect();
            return KINDS.iter().any(|w| tail.ends_with(w));
        }
        if n == tail.len() {
            return false;
        }
        tail[n] = c;
    }
    false
}

/// Whether a line is a field of a record, a short label and a colon before
/// its value (链主企业:A公司, 所在园区:B高新区, 项目名称:C): the lines of a
/// list's entries, each its own line however alike their lengths, not a
/// column's wrapped lines.
fn is_field_line(line: &[(char, u32)]) -> bool {
    let printed = || line.iter().map(|&(c, _)| c).filter(|c| !is_space(*c));
    let Some(colon) = printed().take(17).position(|c| c == ':') else {
        return false;
    };
    is_field_label(printed().take(colon)) && printed().nth(colon + 1).is_some()
}

/// Whether the characters before a colon are a record field's label: two
/// to sixteen letters, digits and brackets (链主企业, 2024年营业收入(亿元)).
/// Shared with `extract::records`, which reads the fields normalize keeps apart.
pub(crate) fn is_field_label(label: impl Iterator<Item = char>) -> bool {
    let mut n = 0;
    for c in label {
        if !(is_cjk(c) || c.is_ascii_alphanumeric() || matches!(c, '(' | ')' | '.')) {
            return false;
        }
        n += 1;
    }
    (2..=16).contains(&n)
}

/// Whether a line is a row of a table: four or more cells apart by white
/// space (序号 高新区名称 级别 主导产业), most of them Chinese, no sentence
/// end, and every cell but a number two characters or more (a PDF's stray
/// spaces split words into single characters: 企 业 2000 多 家).
fn is_table_row(line: &[(char, u32)]) -> bool {
    // Most lines have no three runs of white space inside: counted first.
    if line.iter().filter(|&&(c, _)| c == ' ').nth(2).is_none() || !line.iter().any(|&(c, _)| is_cjk(c)) {
        return false;
    }
    let gaps = line
        .windows(2)
        .filter(|w| is_space(w[0].0) && !is_space(w[1].0))
        .count()
        .saturating_sub(usize::from(line.first().is_some_and(|&(c, _)| is_space(c))));
    if gaps < 3 {
        return false;
    }
    let text: String = line.iter().map(|&(c, _)| c).collect();
    let cells: Vec<&str> = text.split_whitespace().collect();
    // (A figure, a percentage, a span of years: 2022—2025.)
    let number = |c: &str| c.chars().all(|x| x.is_ascii_digit() || ".,%-+—–~".contains(x));
    let figures = cells.iter().filter(|c| number(c)).count();
    cells.len() >= 4
        && !text.contains('。')
        && cells.iter().all(|c| number(c) || c.chars().count() >= 2)
        && cells.iter().filter(|c| c.chars().any(is_cjk)).count() * 2 >= (cells.len() - figures).max(1)
}

/// Squeeze runs of spaces; drop spaces next to Chinese characters and
/// Chinese punctuation (`企业 2000 多家` → `企业2000多家`), except between
/// the cells of a table's row (one space stays); drop blank-line runs.
/// A row of a table of two or three columns, which [`is_table_row`] leaves
/// to prose: a line of Chinese cells that ends with a figure
/// (四川A药业股份有限公司  68.42, 1  A建设开发有限公司  100.00%), or the
/// header over such a row with as many cells (企业名称  2024年营业收入).
/// Cells are parted by white space, which squeezing keeps in a row and
/// takes away next to Chinese characters in prose: a cleaned text is read
/// the same way again.
fn is_narrow_table_row(line: &[(char, u32)], next: Option<&[(char, u32)]>) -> bool {
    fn cells(line: &[(char, u32)]) -> Option<Vec<String>> {
        // (Asked of lines with a space: most have none.)
        if !line.iter().any(|&(c, _)| c == ' ') {
            return None;
        }
        let text: String = line.iter().map(|&(c, _)| c).collect();
        if text.contains('。') || !text.chars().any(is_cjk) {
            return None;
        }
        let cells: Vec<String> = text.split_whitespace().map(str::to_string).collect();
        (2..=3).contains(&cells.len()).then_some(cells)
    }
    // A figure (1,234.5, -3.2, 59.45%), not a date or a code (2024-03-18).
    fn number(c: &str) -> bool {
        let c = c.strip_suffix('%').unwrap_or(c);
        let c = c.strip_prefix(['-', '+']).unwrap_or(c);
        c.starts_with(|x: char| x.is_ascii_digit())
            && c.chars().all(|x| x.is_ascii_digit() || ",.".contains(x))
            && c.matches('.').count() <= 1
    }
    fn figure_row(cells: &[String]) -> bool {
        let Some((last, rest)) = cells.split_last() else {
            return false;
        };
        number(last)
            && rest.iter().any(|c| c.chars().filter(|&x| is_cjk(x)).count() >= 2)
            && rest.iter().all(|c| number(c) || c.chars().count() >= 2)
    }
    let Some(own) = cells(line) else {
        return false;
    };
    figure_row(&own)
        || own.iter().all(|c| c.chars().count() >= 2)
            && next
                .and_then(cells)
                .is_some_and(|n| n.len() == own.len() && figure_row(&n))
}

/// Whether `c` marks a list's item at a line's start (not ○, which is also
/// the numeral zero: ○八年).
pub(crate) fn is_line_mark(c: char) -> bool {
    matches!(
        c,
        '▸' | '▹'
            | '►'
            | '▶'
            | '▷'
            | '•'
            | '●'
            | '◆'
            | '◇'
            | '■'
            | '□'
            | '▪'
            | '▫'
            | '◦'
            | '★'
            | '☆'
            | '✓'
            | '✔'
            | '✦'
            | '➢'
            | '➤'
            | '→'
    )
}

fn squeeze_spaces(chars: Vec<(char, u32)>) -> Vec<(char, u32)> {
    let mut out: Vec<(char, u32)> = Vec::with_capacity(chars.len());
    let n = chars.len();
    let mut i = 0;
    // Whether the line `i` is in is a table's row: its cells stay apart
    // (asked at the line's first space; most lines have none).
    let mut row: Option<bool> = None;
    let mut line_start = 0;
    while i < n {
        let (c, o) = chars[i];
        if i == 0 || chars[i - 1].0 == '\n' {
            (row, line_start) = (None, i);
            // A list's bullet (- 天府软件园：…) is no part of the item's first name.
            if matches!(c, '-' | '*' | '•' | '·') && chars.get(i + 1).is_some_and(|&(x, _)| x == ' ') {
                i += 1;
                while i < n && chars[i].0 == ' ' {
                    i += 1;
                }
                continue;
            }
            // … nor a symbol that marks the item, spaced or not (▸A公司:2023年…):
            // the item's first word opens the line, as its subject.
            if is_line_mark(c) && chars.get(i + 1).is_some_and(|&(x, _)| x != '\n') {
                i += 1;
                while i < n && chars[i].0 == ' ' {
                    i += 1;
                }
                continue;
            }
        }
        if c == ' ' && row.is_none() {
            let end = chars[i..].iter().position(|&(c, _)| c == '\n').map_or(n, |p| i + p);
            let line = &chars[line_start..end];
            // (The header's row is under the rule drawn beneath it: ─────.)
            let line_at = |from: usize| {
                let rest = &chars[from..];
                &rest[..rest.iter().position(|&(c, _)| c == '\n').unwrap_or(rest.len())]
            };
            let rule = |l: &[(char, u32)]| {
                l.iter().any(|&(c, _)| c != ' ')
                    && l.iter()
                        .all(|&(c, _)| matches!(c, '─' | '━' | '-' | '=' | '—' | '_' | ' '))
            };
            let next = (end < n).then(|| line_at(end + 1)).map(|l| match l {
                l if rule(l) && end + 1 + l.len() < n => line_at(end + 2 + l.len()),
                l => l,
            });
            row = Some(is_table_row(line) || is_narrow_table_row(line, next));
        }
        if c == ' ' && row == Some(true) {
            let mut j = i;
            while j < n && chars[j].0 == ' ' {
                j += 1;
            }
            let inside = out.last().is_some_and(|&(p, _)| p != '\n') && chars.get(j).is_some_and(|&(x, _)| x != '\n');
            if inside {
                out.push((' ', o));
            }
            i = j;
            continue;
        }
        if c == ' ' {
            let mut j = i;
            while j < n && chars[j].0 == ' ' {
                j += 1;
            }
            let prev = out.last().map(|&(p, _)| p);
            let next = chars.get(j).map(|&(x, _)| x);
            let wide = |x: Option<char>| x.is_none_or(|x| x == '\n' || is_cjk(x) || is_wide_punct(x));
            // Folded punctuation (，→ ,) is narrow between Latin words:
            // English keeps its space in `Co., Ltd.` and `Park (SIP)`.
            let latin = |x: Option<char>| x.is_some_and(|x| x.is_ascii_alphanumeric() || matches!(x, '.' | ')'));
            let before_prev = out.len().checked_sub(2).map(|k| out[k].0);
            let after_next = chars.get(j + 1).map(|&(x, _)| x);
            let prev_wide = wide(prev) && !(prev.is_some_and(is_folded_punct) && latin(before_prev));
            let next_wide = wide(next) && !(next.is_some_and(is_folded_punct) && latin(after_next) && latin(prev));
            if !(prev_wide || next_wide) {
                out.push((' ', o));
            }
            i = j;
            continue;
        }
        // A middle dot with spaces on both sides is a bullet or a separator
        // (封测  · A有限公司, 上游 · 原材料), not the dot inside a name
        // (长三角·荆门产业园) that joins what the squeezed spaces bring together.
        // It keeps one space on each side, which no name holds.
        if c == '·' && i > 0 && chars[i - 1].0 == ' ' && chars.get(i + 1).is_some_and(|&(x, _)| x == ' ') {
            if out.last().is_some_and(|&(p, _)| p != ' ' && p != '\n') {
                out.push((' ', chars[i - 1].1));
            }
            out.push((c, o));
            while i + 1 < n && chars[i + 1].0 == ' ' {
                i += 1;
            }
            if chars.get(i + 1).is_some_and(|&(x, _)| x != '\n') {
                out.push((' ', chars[i].1));
            }
            i += 1;
            continue;
        }
        if c == '\n' {
            // At most one blank line in a row.
            let blanks = out.iter().rev().take_while(|&&(p, _)| p == '\n').count();
            if blanks >= 2 || out.is_empty() {
                i += 1;
                continue;
            }
        }
        out.push((c, o));
        i += 1;
    }
    while out.last().is_some_and(|&(c, _)| c == '\n') {
        out.pop();
    }
    out
}

fn visible(chars: impl Iterator<Item = char>) -> usize {
    chars.filter(|c| !is_space(*c)).count()
}

/// Split lines of more than [`MAX_LINE_CHARS`] visible characters into
/// lines of [`LONG_LINE`]..=[`MAX_LINE_CHARS`] visible characters, after the
/// last sentence end in that range, else the last comma, else at its end.
/// White space at the break is dropped; the line break maps to the character
/// before it. Returns the characters and how many lines were split.
fn split_long_lines(chars: Vec<(char, u32)>) -> (Vec<(char, u32)>, usize) {
    if chars.len() <= MAX_LINE_CHARS {
        return (chars, 0);
    }
    let mut out = Vec::with_capacity(chars.len() + chars.len() / LONG_LINE);
    let mut split = 0;
    for line in chars.split_inclusive(|&(c, _)| c == '\n') {
        let mut rest = line;
        let mut n = visible(rest.iter().map(|&(c, _)| c));
        if n > MAX_LINE_CHARS {
            split += 1;
        }
        while n > MAX_LINE_CHARS {
            // Candidate breaks: after the k-th visible character, for k in
            // LONG_LINE..=min(MAX_LINE_CHARS, n - LONG_LINE).
            let hi = MAX_LINE_CHARS.min(n - LONG_LINE);
            let (mut seen, mut best_stop, mut best_comma, mut at_hi) = (0, None, None, rest.len());
            for (i, &(c, _)) in rest.iter().enumerate() {
                if is_space(c) {
                    continue;
                }
                seen += 1;
                if seen >= LONG_LINE {
                    if matches!(c, '。' | '!' | '?' | ';' | '…') {
                        best_stop = Some(i);
                    } else if matches!(c, ',' | '、' | ':') {
                        best_comma = Some(i);
                    }
                }
                if seen == hi {
                    at_hi = i;
                    break;
                }
            }
            let cut = best_stop.or(best_comma).unwrap_or(at_hi) + 1;
            let (head, tail) = rest.split_at(cut.min(rest.len()));
            let head_end = head.iter().rposition(|(c, _)| !is_space(*c)).map_or(0, |p| p + 1);
            out.extend_from_slice(&head[..head_end]);
            let origin = head[..head_end].last().map_or(0, |&(_, o)| o);
            out.push(('\n', origin));
            let skip = tail.iter().take_while(|(c, _)| is_space(*c) && *c != '\n').count();
            rest = &tail[skip..];
            n -= visible(head.iter().map(|&(c, _)| c));
        }
        out.extend_from_slice(rest);
    }
    (out, split)
}

/// ASCII punctuation that full-width punctuation is folded to.
fn is_folded_punct(c: char) -> bool {
    matches!(c, ',' | '(' | ')' | ':' | ';' | '!' | '?')
}

fn is_wide_punct(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{2018}'..='\u{201f}' | '\u{2026}' | '\u{ff00}'..='\u{ffef}' | '·')
        || matches!(c, ',' | '(' | ')' | ':' | ';' | '!' | '?')
}

fn first_line_title(text: &str) -> Option<String> {
    text.lines()
        .map(str::trim)
        .find(|l| {
            let n = l.chars().count();
            (6..=60).contains(&n) && l.chars().any(is_cjk)
        })
        .map(str::to_string)
}

/// A publication date stated near the top: `发布时间: 2023-02-10`, `2020/12/14 9:45`.
fn find_published(text: &str) -> Option<String> {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(
            r"(?:发布时间|发布日期|时间|日期)?\s*:?\s*((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?",
        )
        .expect("valid date pattern")
    });
    let head: String = text.lines().take(12).collect::<Vec<_>>().join("\n");
    let caps = re.captures(&head)?;
    let y: u32 = caps[1].parse().ok()?;
    let m: u32 = caps[2].parse().ok()?;
    let d: u32 = caps[3].parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        clean(s).text
    }

    #[test]
    fn a_blank_line_ends_a_paragraph_of_a_message_or_a_feed() {
        let text = "青溪高新区招商月报2024年第5期(总第41期)青溪高新区投资促进局编印于2024年6月3日\n\n尊敬的订阅用户:\n您好!本期月报介绍签约项目。\n";
        // In a message or a feed, which have no pages.
        let doc = clean_text(text, false);
        assert!(doc.text.contains("6月3日\n"), "{}", doc.text);
        // (A PDF's page break falls anywhere: there the line goes on.)
        assert!(clean(text).text.contains("6月3日尊敬"));
    }

    #[test]
    fn traditional_becomes_simplified_with_exact_offsets() {
        let doc = clean("嘉興科技城是創新高地");
        assert_eq!(doc.text, "嘉兴科技城是创新高地");
        assert!(doc.converted_traditional);
        let start = doc.text.find("科技城").unwrap();
        assert_eq!(doc.original_span(start, start + "科技城".len()), (2, 5));
    }

    #[test]
    fn text_without_a_word_of_the_table_is_left_to_itself() {
        let words = ConvertibleWords::get();
        let chars = |s: &str| s.chars().map(|c| (c, 0)).collect::<Vec<_>>();
        // 覆 is a word of the table only in some phrases (反覆 → 反复).
        assert!(!words.occur_in(&chars("覆盖全区的高新技术企业")));
        assert!(words.occur_in(&chars("反覆论证")));
        assert!(words.occur_in(&chars("園區")));
        for text in ["覆盖全区的高新技术企业", "反覆论证", "園區", "高新区", "智慧园区"] {
            let converted = zhconv::zhconv(text, zhconv::Variant::ZhHans);
            assert_eq!(words.occur_in(&chars(text)), converted != text, "{text}");
        }
    }

    #[test]
    fn the_headlines_of_a_list_of_related_links_are_dropped() {
        let text = "青溪高新区今年新增上市企业6家,总数达到82家。\n相关新闻:\n· 园区再添3家“小巨人”企业\n\n· 园区举办招聘会 提供岗位1.2万个\n版权所有 青溪高新区";
        assert_eq!(norm(text), "青溪高新区今年新增上市企业6家,总数达到82家。");
        // A paragraph after the list is text again.
        let text = "相关阅读\n园区再添3家企业\n青溪高新区今年新增上市企业6家,总数达到82家,其中科创板3家,创业板2家,北交所1家,均为园区培育的高新技术企业。";
        assert!(norm(text).ends_with("北交所1家,均为园区培育的高新技术企业。"));
        assert!(!norm(text).contains("再添"));
    }

    #[test]
    fn traditional_lines_get_the_mainland_words() {
        assert_eq!(
            norm("園區發展人工智慧產業和數位化服務。"),
            "园区发展人工智能产业和数字化服务。"
        );
        // A simplified line is left as it is.
        assert_eq!(norm("园区建设智慧园区。"), "园区建设智慧园区。");
    }

    #[test]
    fn pinyin_readings_are_removed() {
        assert_eq!(norm("科創(chuàng)產(chǎn)業(yè)新城"), "科创产业新城");
        // Latin in parentheses without tone marks is kept.
        assert_eq!(norm("碳化硅(SiC)器件"), "碳化硅(SiC)器件");
        // Readings of words and names, capitalised or not, in parentheses or bare.
        assert_eq!(norm("营业收入(yíngyè shōurù)820亿元"), "营业收入820亿元");
        assert_eq!(norm("青溪星瞳(Xīngtóng)科技有限公司"), "青溪星瞳科技有限公司");
        assert_eq!(norm("园区 yuánqū 实现营业收入"), "园区实现营业收入");
        assert_eq!(norm("园区 Park 实现营业收入"), "园区Park实现营业收入");
    }

    #[test]
    fn a_mark_opening_an_item_s_line_goes() {
        assert_eq!(
            norm("▸白山汽车:2023年营业收入12亿元。"),
            "白山汽车:2023年营业收入12亿元。"
        );
        assert_eq!(norm("★ 白山汽车\n● 青溪高新区"), "白山汽车\n青溪高新区");
        assert_eq!(norm("○八年建成。"), "○八年建成。");
    }

    #[test]
    fn a_header_over_a_rule_keeps_its_cells_apart() {
        let table = "指标  新能源汽车链  储能链\n──────────────\n规上企业(家)  86  41\n产值(亿元)  612.4  287.9\n";
        assert!(norm(table).starts_with("指标 新能源汽车链 储能链\n"), "{}", norm(table));
    }

    #[test]
    fn an_empty_cell_of_a_tab_separated_row_stays_a_cell() {
        assert_eq!(
            norm("序号\t企业名称\t所在园区\t主导产品\n9\t白山包装材料有限公司\t\t纸基复合包装\n\t\t缩进的行\n"),
            "序号 企业名称 所在园区 主导产品\n9 白山包装材料有限公司 - 纸基复合包装\n缩进的行"
        );
    }

    #[test]
    fn a_notice_s_title_number_and_addressees_stay_apart() {
        let text =
            "白山省工业和信息化厅关于公布第五批专精特新企业名单的通知\n白工信字〔2024〕21号\n各设区市工业和信息化局:\n\
                    为深入贯彻《白山省制造业高质量发展意见》\n(白政发〔2023〕5号),现将名单予以公布。\n";
        assert_eq!(
            norm(text),
            "白山省工业和信息化厅关于公布第五批专精特新企业名单的通知\n白工信字〔2024〕21号\n各设区市工业和信息化局:\n\
             为深入贯彻《白山省制造业高质量发展意见》(白政发〔2023〕5号),现将名单予以公布。"
        );
    }

    #[test]
    fn a_spaced_middle_dot_parts_what_a_name_s_dot_joins() {
        assert_eq!(
            norm("├─ 车规级封测  · 白山半导体有限公司"),
            "├─车规级封测 · 白山半导体有限公司"
        );
        assert_eq!(norm("上游 · 原材料"), "上游 · 原材料");
        assert_eq!(norm("长三角·荆门产业园"), "长三角·荆门产业园");
    }

    #[test]
    fn full_width_ascii_is_folded() {
        assert_eq!(norm("武进高新区：１２３，ＡＢ"), "武进高新区:123,AB");
    }

    #[test]
    fn junk_lines_are_dropped() {
        let text = "青溪高新区成立于2001年,位于青溪市。\n东城县| 西城市| 南山县| 北岭区| 中川市\n首页 > 新闻 > 园区动态 > 正文";
        assert_eq!(norm(text), "青溪高新区成立于2001年,位于青溪市。");
        // A Q&A site's counters and stamps around an answer.
        let answer = "1,402 人赞同了该回答\n青溪高新区现有企业3000家。\n编辑于 2024-09-05 09:41 · IP 属地四川\n▲ 赞同 1.4K　▼　💬 96 条评论　➦ 分享\n查看全部 37 个回答";
        assert_eq!(norm(answer), "青溪高新区现有企业3000家。");
    }

    #[test]
    fn a_table_drawn_with_bars_is_kept_but_a_bar_of_links_is_not() {
        let table = "以下项目落户青溪高新区:\n\
                     序号 | 项目名称 | 签约企业 | 总投资\n\
                     1 | 蓝河新材料项目 | 青溪蓝河材料有限公司 | 12亿元\n\
                     2 | 白山装备项目 | 白山精工装备有限公司 | 8亿元\n\
                     首页 | 新闻 | 园区动态 | 联系我们";
        let kept = norm(table);
        assert!(
            kept.contains("\n1 蓝河新材料项目 青溪蓝河材料有限公司 12亿元\n"),
            "{kept}"
        );
        assert!(kept.contains("序号 项目名称 签约企业 总投资\n"), "{kept}");
        assert!(!kept.contains("联系我们"), "{kept}");
        assert_eq!(norm(&kept), kept);
    }

    #[test]
    fn markdown_s_markup_goes_and_its_table_is_read_as_one_drawn_with_bars() {
        let report = "## 一、青溪高新区概况\n\
                      > 发布机构:白山研究院\n\
                      全区营业收入**1200亿元**,增长8%。\n\
                      | 排名 | 园区 | 主导产业 | 营业收入(亿元) |\n\
                      | --- | :--- | --- | ---: |\n\
                      | 1 | 青溪高新区 | 新材料 | 1200.5 |\n\
                      | 2 | 白山高新区 | 声学光电 | 860.2 |\n\
                      *注:数据为2023年。*\n\
                      #青溪高新区# 今日签约。";
        let text = norm(report);
        assert_eq!(
            text,
            "一、青溪高新区概况\n发布机构:白山研究院\n全区营业收入1200亿元,增长8%。\n\
             排名 园区 主导产业 营业收入(亿元)\n1 青溪高新区 新材料 1200.5\n2 白山高新区 声学光电 860.2\n\
             注:数据为2023年。\n#青溪高新区#今日签约。"
        );
        assert_eq!(norm(&text), text);
    }

    #[test]
    fn broken_lines_are_joined_but_headings_kept() {
        let text = "园区党政领导班子先后赴多个地方开展考察学习,重点学习了先进地区的招商\n\n引资经验。\n园区动态\n青溪高新区获批。";
        assert_eq!(
            norm(text),
            "园区党政领导班子先后赴多个地方开展考察学习,重点学习了先进地区的招商引资经验。\n园区动态\n青溪高新区获批。"
        );
    }

    #[test]
    fn a_paragraph_s_indented_first_line_is_full_two_characters_short() {
        // Printed lines of 28 characters; each paragraph's first is indented by two.
        let text = "  一、青溪高新区新增高新技术企业三十家,依托龙头企业白\n\
                    山新材料股份有限公司打造新材料产业集群,全年集群产值达到\n\
                    三百亿元,同比增长一成半,园区发展势头良好,新引进项目总投\n\
                    资超过一百亿元,其中十亿元以上项目五个,产业链条不断延伸\n\
                    和完善,上下游配套企业持续集聚,园区综合实力显著增强。\n\
                    \u{20}\u{20}二、蓝湾高新区新增高新技术企业二十家,依托龙头企业远\n\
                    川医药股份有限公司打造生物医药产业集群,集群产值稳步增长\n\
                    ,占全区规模以上工业产值的比重进一步提高,结构持续优化。\n";
        let joined = norm(text);
        assert!(joined.contains("龙头企业白山新材料股份有限公司"), "{joined}");
        assert!(joined.contains("龙头企业远川医药股份有限公司"), "{joined}");
        // A short indented heading stays a line of its own.
        assert_eq!(norm("  园区动态\n青溪高新区获批。"), "园区动态\n青溪高新区获批。");
    }

    #[test]
    fn a_title_broken_in_a_notice_s_heading_is_joined_and_the_heading_kept() {
        let text = "青溪市人民政府办公厅关于印发《青溪市“十四五”\n开发区发展规划》的通知\n\n各区县人民政府,市政府各部门:\n现将规划印发给你们。";
        let once = norm(text);
        assert_eq!(
            once,
            "青溪市人民政府办公厅关于印发《青溪市“十四五”开发区发展规划》的通知\n\n各区县人民政府,市政府各部门:\n现将规划印发给你们。"
        );
        assert_eq!(norm(&once), once);
    }

    #[test]
    fn a_table_s_rows_keep_their_cells_apart_and_stay_rows() {
        let table = "序号\u{3000}高新区名称\u{3000}级别\u{3000}主导产业\n\
                     1\u{3000}青溪高新技术产业开发区\u{3000}国家级\u{3000}新材料、智能装备制造产业\n\
                     2\u{3000}白山高新技术产业开发区\u{3000}省级\u{3000}声学光电\n";
        assert_eq!(
            norm(table),
            "序号 高新区名称 级别 主导产业\n1 青溪高新技术产业开发区 国家级 新材料、智能装备制造产业\n2 白山高新技术产业开发区 省级 声学光电"
        );
        assert_eq!(norm(&norm(table)), norm(table));
        // Stray spaces inside words are no cells.
        assert_eq!(norm("园区 企 业 2000 多 家"), "园区企业2000多家");
    }

    #[test]
    fn headings_of_one_length_between_whole_paragraphs_stay_headings() {
        let para = "青溪高新区今年以来围绕主导产业开展精准招商,新签约项目的总投资和数量都创下了历史新高,园区的营商环境也持续改善。";
        let heads = [
            "一、招商引资跑出加速度:签约项目再创新高",
            "二、科技创新蓄势成长:研发投入持续加大了",
            "三、营商环境持续优化:服务专员走进企业家",
            "四、人才集聚效应显现:青年人才占比再提高",
            "五、2025年:坚持向更高质量的发展再迈进一步",
        ];
        let text: String = heads.iter().map(|h| format!("{h}\n\n{para}\n\n")).collect();
        let normalized = norm(&text);
        for h in heads {
            assert!(normalized.contains(&format!("{h}\n")), "{normalized}");
        }
    }

    #[test]
    fn page_numbers_and_running_headers_go_and_the_cut_sentence_is_joined() {
        let page = "青溪高新区近年来持续优化营商环境,园区建立了重点项目服务专员制度,协调解决\n\
                    企业审批、供电和用工等方面的难题,全年产值增长13.8\n\
                    %;规划面积调整为18.6平\n\n\
                    \u{3000}\u{3000}— 1 —\n\u{c}\n\
                    青溪高新区管委会\u{3000}\u{3000}2024年工作报告\n\n\
                    方公里。园区还设立了专项基金,重点支持关键核心技术攻关和科技成果就地转\n\
                    化,带动上下游配套企业在园区集聚发展,原“\n\
                    白鹭工业园”更名为“青溪科创城”。\n\n\
                    一 2 一\n\n\
                    青溪高新区管委会\u{3000}\u{3000}2024年工作报告\n\n\
                    二、2024年主要目标\n\n\
                    一 3 一\n";
        let text = norm(page);
        assert!(
            !text.contains("工作报告") && !text.contains('—') && !text.contains("2一") && !text.contains("2 一"),
            "{text}"
        );
        assert!(text.contains("增长13.8%;规划面积调整为18.6平方公里。"), "{text}");
        assert!(text.contains("原“白鹭工业园”更名"), "{text}");
        assert!(text.contains("\n二、2024年主要目标"), "{text}");
        assert_eq!(norm(&text), text);
        // A number alone, or a heading met once, is not page furniture.
        assert_eq!(norm("园区动态\n3\n青溪高新区获批。"), "园区动态\n3\n青溪高新区获批。");
    }

    #[test]
    fn narrow_columns_are_joined_at_their_own_width() {
        // A 20-character column: the lines broken inside a sentence are 19
        // or 20 characters long, shorter than a page's full line.
        let column = "青溪高新区近年来持续优化营商环境,园区建\n\
                      立了重点项目服务专员制度,协调解决企业审\n\
                      批、供电和用工等方面的难题。园区还设立了\n\
                      专项基金,重点支持关键核心技术攻关和科技\n\
                      成果就地转化,带动上下游配套企业在园区集\n\
                      聚发展。\n\
                      园区动态\n\
                      青溪高新区获批。";
        assert_eq!(
            norm(column),
            "青溪高新区近年来持续优化营商环境,园区建立了重点项目服务专员制度,协调解决企业审批、供电和用工等方面的难题。\
             园区还设立了专项基金,重点支持关键核心技术攻关和科技成果就地转化,带动上下游配套企业在园区集聚发展。\n\
             园区动态\n青溪高新区获批。"
        );
        assert_eq!(norm(&norm(column)), norm(column));
        // Two short lines are not a column: a heading stays a heading.
        assert_eq!(norm("园区动态\n青溪高新区获批。"), "园区动态\n青溪高新区获批。");
    }

    #[test]
    fn the_fields_of_a_list_s_entries_stay_on_their_lines() {
        // Lines of one length that end open look like a column's wrap, but
        // a label and a colon make each a field of its own.
        let list = "1. 工程机械产业链\n链主企业:青溪重工机械有限公司\n所在园区:宝川经济技术开发区\n\
                    2. 风电装备产业链\n链主企业:澜川风能装备有限公司\n所在园区:蓝湾经济技术开发区\n\
                    3. 功率半导体产业链\n链主企业:芯澜微电子有限公司\n所在园区:云溪高新技术产业开发区\n";
        assert_eq!(norm(list), list.trim_end().replace(". ", "."));
    }

    #[test]
    fn columns_with_digits_are_joined_by_printed_width() {
        // A PDF column 25 Chinese characters wide: a line with digits holds
        // more characters (a digit takes half a character's width), so the
        // broken lines have 25 to 28 characters but one printed width.
        let column = "(一)创新能力持续增强。2023年,青溪高新区研发经费\n\
                      投入强度达到6.5%,新增国家高新技术企业320家,累计\n\
                      达到1500家。园区内的白鹭光电科技有限公司、蓝河中科\n\
                      光机投资控股有限公司等一批科技企业快速成长,园区还\n\
                      设立了专项基金,重点支持关键核心技术攻关和科技成果\n\
                      就地转化。";
        let joined = norm(column);
        assert_eq!(joined.lines().count(), 1, "{joined}");
        assert!(joined.contains("蓝河中科光机投资控股有限公司"), "{joined}");
        assert_eq!(norm(&joined), joined);
    }

    #[test]
    fn spaces_next_to_chinese_are_squeezed() {
        assert_eq!(
            norm("培育企业 2000 多家, High Tech  Zone"),
            "培育企业2000多家,High Tech Zone"
        );
    }

    #[test]
    fn english_keeps_its_spaces_after_punctuation() {
        assert_eq!(
            norm("Lanhe Materials Co., Ltd. opened a plant in Suzhou Industrial Park (SIP), Jiangsu."),
            "Lanhe Materials Co., Ltd. opened a plant in Suzhou Industrial Park (SIP), Jiangsu."
        );
        assert_eq!(
            norm("园区 (简称青溪园区), 成立于2001年"),
            "园区(简称青溪园区),成立于2001年"
        );
    }

    #[test]
    fn normalizing_twice_is_normalizing_once() {
        for s in [
            "嘉興科技城 2020/12/14",
            "a  b\n\n\n\nc",
            "創(chuàng)新 | x | y | z | w",
            "长的一行文字长的一行文字长的一行文字长的一行文字\n继续",
        ] {
            let once = norm(s);
            assert_eq!(norm(&once), once, "input {s:?}");
        }
    }

    #[test]
    fn gb18030_and_big5_are_decoded() {
        let (gbk, _, _) = encoding_rs::GB18030.encode("青溪高新区拥有高新技术企业一百八十六家,产值持续增长。");
        let doc = normalize("a.txt", &gbk, Markup::Plain).unwrap();
        assert!(doc.text.contains("青溪高新区"));
        let (big5, _, _) = encoding_rs::BIG5.encode("青溪科技城的高新技術企業數量持續增長,產業集聚。");
        let doc = normalize("b.txt", &big5, Markup::Plain).unwrap();
        assert!(doc.text.contains("高新技术企业"), "{}", doc.text);
        assert_eq!(doc.encoding, "Big5");
        // Big5 bytes decode as GB18030 without a replacement mark too: the
        // detector decided.
        assert!(!encoding_rs::GB18030.decode_without_bom_handling(&big5).1);
        // GB18030 text may decode as Big5 as well (the detector decides),
        // unless it holds a character such as 人 or 全, whose bytes lie in
        // a row Big5 leaves empty.
        for text in [
            "青溪高新区拥有高新技术企业一百八十六家,产值持续增长。",
            "青溪高新区引进人才一百八十六人。",
        ] {
            let (gbk, _, _) = encoding_rs::GB18030.encode(text);
            assert_eq!(normalize("a.txt", &gbk, Markup::Plain).unwrap().encoding, "gb18030");
        }
        let (gbk, _, _) = encoding_rs::GB18030.encode("青溪高新区引进人才一百八十六人。");
        assert!(encoding_rs::BIG5.decode_without_bom_handling(&gbk).1);
    }

    #[test]
    fn binary_and_empty_inputs_are_errors() {
        assert!(matches!(
            normalize("x.bin", b"\x00\x01\x02abc", Markup::Plain),
            Err(Error::NotText { .. })
        ));
        assert!(matches!(
            normalize("e.txt", b"   \n\n", Markup::Plain),
            Err(Error::Empty { .. })
        ));
    }

    #[test]
    fn a_number_broken_at_its_decimal_point_is_joined() {
        let text = "青溪高新区以生物医药和先进装备制造为主导产业，营业收入356.\n2亿元，高新技术企业132家，科技型中小企业301家。\n白山高新区聚焦电子信息。";
        assert!(clean(text).text.contains("营业收入356.2亿元"), "{}", clean(text).text);
        // … or right before it.
        let text = "青溪高新区以生物医药和先进装备制造为主导产业，全年完成规上工业产值486\n.2亿元，增长14.5%，高新技术企业132家。\n白山高新区聚焦电子信息。";
        assert!(clean(text).text.contains("产值486.2亿元"), "{}", clean(text).text);
        // An English sentence ending in a number before a numbered heading is not.
        let text = "The zone was approved by the State Council and grew quickly in 2022.\n2.1 Qingxi High-tech Zone\nIt lies in Qingxi.";
        assert!(clean(text).text.contains("2022.\n2.1"), "{}", clean(text).text);
    }

    #[test]
    fn entities_left_in_plain_text_are_decoded_once() {
        assert_eq!(
            clean("深入实施&ldquo;青溪英才计划&rdquo;,&nbsp;A&amp;lt;B").text,
            "深入实施“青溪英才计划”,A&amp;lt;B"
        );
        let once = clean("园区&ldquo;十条&rdquo;&#38;lt;").text;
        assert_eq!(clean(&once).text, once);
    }

    #[test]
    fn numbered_items_are_lines_of_their_own() {
        let items = "1\u{FE0F}\u{20E3} 青溪远山新能源汽车电驱系统二期项目|总投资65亿元|已于去年年底投产\n\
                     2\u{FE0F}\u{20E3} 白鹭光电科技有限公司年产十万片光学镜片生产线项目|总投资8亿元\n\
                     3、云杉材料科技有限公司高性能隔膜生产基地建设项目|总投资12亿元|设备进场调试\n";
        let text = clean(items).text;
        assert_eq!(text.lines().count(), 3, "{text}");
    }

    #[test]
    fn a_slide_s_number_and_unit_on_lines_of_their_own_make_one_figure() {
        let slide = "青溪高新区核心数据\n1,126.5\n亿元\n地区生产总值\n632\n家\n国家高新技术企业\n2023\n年份\n";
        assert_eq!(
            clean(slide).text,
            "青溪高新区核心数据\n1,126.5亿元\n地区生产总值\n632家\n国家高新技术企业\n2023\n年份"
        );
    }

    #[test]
    fn a_line_of_items_set_apart_by_bars_is_joined_to_nothing() {
        let text = "青溪高新区今年新引进重点企业十二家并且\n\
                    全部签约落户在园区的各个专业园区之中而\n\
                    这些企业主要集中在新能源汽车与集成电路\n\
                    两大主导产业领域之内形成了较为完整的链\n\
                    蓝河底盘系统 | 云杉热管理 | 白鹭电驱动系统\n\
                    集成电路产业链\n";
        let lines: Vec<String> = clean(text).text.lines().map(str::to_string).collect();
        assert!(lines.iter().any(|l| l.starts_with("蓝河底盘系统")), "{lines:?}");
        assert!(lines.iter().any(|l| l == "集成电路产业链"), "{lines:?}");
    }

    #[test]
    fn list_bullets_are_dropped() {
        assert_eq!(
            clean("园区如下:\n- 青溪软件园：规划面积10平方公里。\n* 白山生物城\n· 黄河科技园").text,
            "园区如下:\n青溪软件园:规划面积10平方公里。\n白山生物城\n黄河科技园"
        );
    }

    #[test]
    fn html_text_and_title_are_extracted() {
        let html = "<html><head><title>青溪新闻</title><script>var a='高新区';</script></head><body><nav>首页</nav><p>青溪高新区&amp;园区</p><p>第二段</p></body></html>";
        let doc = normalize("a.html", html.as_bytes(), Markup::Html).unwrap();
        assert_eq!(doc.text, "青溪高新区&园区\n\n第二段");
        assert_eq!(doc.title.as_deref(), Some("青溪新闻"));
    }

    #[test]
    fn published_date_is_found() {
        let doc = normalize(
            "a.txt",
            "某某新闻\n发布时间: 2023-02-10\n正文内容很长很长。".as_bytes(),
            Markup::Plain,
        )
        .unwrap();
        assert_eq!(doc.published.as_deref(), Some("2023-02-10"));
    }
}
