//! A document saved as JSON (a news API's record, a scraper's JSON Lines):
//! the text of its string values, in the order they stand.
//!
//! In: the decoded file. Out: its string values, unescaped (`\n`, `\"`,
//! `\uXXXX` and surrogate pairs), one paragraph each, with the title field's
//! value apart; or `None` when the file is not JSON (then it is read as
//! plain text). Keys are no text, and neither are values without words: ids,
//! URLs, times, numbers. A value holding HTML (a `content` field with `<p>`
//! tags) is read as HTML.

/// The keys whose value is the document's title.
const TITLE_KEYS: [&str; 4] = ["title", "headline", "标题", "题目"];

/// The text of a JSON document, and its title; `None` when `decoded` is
/// neither one JSON value nor JSON Lines (one value a line).
pub(super) fn json_to_text(decoded: &str) -> Option<(String, Option<String>)> {
    let body = decoded.trim_start_matches('\u{feff}').trim();
    if !body.starts_with(['{', '[']) || !is_json(body) {
        return None;
    }
    let mut paragraphs: Vec<String> = Vec::new();
    let mut title = None;
    for (key, value) in string_values(body) {
        let is_title = key
            .as_deref()
            .is_some_and(|k| TITLE_KEYS.contains(&k.to_lowercase().as_str()));
        if is_title && title.is_none() {
            title = Some(value.trim().to_string());
        }
        if !has_words(&value) {
            continue;
        }
        let text = if super::holds_html(&value) {
            super::html_to_text(&value).0
        } else {
            value
        };
        paragraphs.push(text.trim().to_string());
    }
    Some((paragraphs.join("\n\n"), title))
}

/// One JSON value, or JSON Lines: a value on each line that is not blank.
fn is_json(body: &str) -> bool {
    let mut values = serde_json::Deserializer::from_str(body).into_iter::<serde::de::IgnoredAny>();
    let mut count = 0;
    for value in values.by_ref() {
        if value.is_err() {
            return false;
        }
        count += 1;
    }
    count > 0
}

/// Every string that is a value (not a key) in `json`, already checked to be
/// JSON: with the key it stands under (the nearest key before it; a list's
/// items share their list's key), unescaped.
fn string_values(json: &str) -> Vec<(Option<String>, String)> {
    let bytes = json.as_bytes();
    let mut out = Vec::new();
    let mut key: Option<String> = None;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'"' {
            i += 1;
            continue;
        }
        // The literal runs to the next quote no backslash escapes.
        let start = i;
        i += 1;
        while i < bytes.len() && bytes[i] != b'"' {
            i += if bytes[i] == b'\\' { 2 } else { 1 };
        }
        let end = (i + 1).min(bytes.len());
        i = end;
        let Some(value) = json
            .get(start..end)
            .and_then(|lit| serde_json::from_str::<String>(lit).ok())
        else {
            continue;
        };
        let next = json[end..].trim_start();
        if next.starts_with(':') {
            key = Some(value);
        } else {
            out.push((key.clone(), value));
        }
    }
    out
}

/// Whether a value is text: it has a Chinese character, or three words, and
/// is no address.
fn has_words(value: &str) -> bool {
    let v = value.trim();
    if v.starts_with("http://") || v.starts_with("https://") || v.starts_with("www.") {
        return false;
    }
    v.chars().any(super::is_cjk)
        || v.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count()
            >= 3
}

#[cfg(test)]
mod tests {
    use super::json_to_text;

    #[test]
    fn the_values_of_a_record_are_its_text_unescaped() {
        let record = r#"{"id":"9f3a","title":"青溪高新区签约","url":"https:\/\/example.com\/a.html","pub_time":"2024-04-18 07:45:00","tags":["高新区","招商"],"content":"\u3000\u3000青溪高新区签约项目12个。\n\u201c我们很满意,\u201d他说。\"好\"","views":1203}"#;
        let (text, title) = json_to_text(record).expect("JSON");
        assert_eq!(title.as_deref(), Some("青溪高新区签约"));
        assert!(
            text.contains("青溪高新区签约项目12个。\n“我们很满意,”他说。\"好\""),
            "{text}"
        );
        assert!(
            !text.contains("https") && !text.contains("9f3a") && !text.contains("07:45"),
            "{text}"
        );
        assert!(!text.contains("pub_time") && !text.contains("content"), "{text}");
    }

    #[test]
    fn json_lines_and_html_in_a_value_are_read() {
        let lines = "{\"title\":\"甲\",\"body\":\"<p>青溪高新区签约。</p><p>白山公司投产。</p>\"}\n{\"title\":\"乙\",\"body\":\"Qingxi zone signed five projects.\"}\n";
        let (text, _) = json_to_text(lines).expect("JSON Lines");
        assert!(text.contains("青溪高新区签约。") && !text.contains("<p>"), "{text}");
        assert!(text.contains("Qingxi zone signed five projects."), "{text}");
    }

    #[test]
    fn text_that_is_not_json_is_left_alone() {
        assert!(json_to_text("青溪高新区{签约}").is_none());
        assert!(json_to_text("{\"title\": \"cut off").is_none());
        assert!(json_to_text("[1, 2] and then prose").is_none());
    }
}
