//! A news feed saved as it is served (RSS 2.0, RSS 1.0 or Atom): the text of
//! its items.
//!
//! In: the decoded file. Out: each item's headline and body, one paragraph
//! each, items apart by a blank line; the feed's own title; the date of its
//! newest item (or of the feed) as `YYYY-MM-DD`. `None` when the file is not
//! a feed with items (then it is read as plain text). A body is the item's
//! full content (`content:encoded`, Atom's `content`) when it has one, else
//! its summary (`description`, `summary`); CDATA is unwrapped and a body
//! holding HTML (`<p>`, `<br/>`, escaped or not) is read as HTML. Links,
//! ids, categories and the channel's description are no text.

use quick_xml::events::Event;
use quick_xml::reader::Reader;

/// The text of a feed's items, the feed's title and its date.
pub(super) struct FeedText {
    pub text: String,
    pub title: Option<String>,
    pub published: Option<String>,
}

/// Whether the first bytes of a file (lower-cased, leading space gone) look
/// like a feed: an XML document whose root is `<rss>`, `<feed>` (Atom) or
/// `<rdf:RDF>` (RSS 1.0).
pub(super) fn looks_like_feed(head: &str) -> bool {
    head.starts_with("<rss")
        || head.starts_with("<feed")
        || head.starts_with("<?xml") && ["<rss", "<feed", "<rdf:rdf"].iter().any(|root| head.contains(root))
}

/// One item (or Atom entry) while it is read.
#[derive(Default)]
struct Item {
    title: String,
    summary: String,
    content: String,
    date: Option<String>,
}

/// Which of an item's fields an element fills.
#[derive(Clone, Copy, PartialEq)]
enum Field {
    Title,
    Summary,
    Content,
    Date,
    Other,
}

fn field_of(local_name: &[u8]) -> Field {
    match local_name {
        b"title" => Field::Title,
        b"description" | b"summary" => Field::Summary,
        b"encoded" | b"content" => Field::Content,
        b"pubDate" | b"published" | b"updated" | b"date" => Field::Date,
        _ => Field::Other,
    }
}

/// The items of a feed; `None` when `decoded` is not one.
pub(super) fn feed_to_text(decoded: &str) -> Option<FeedText> {
    let body = decoded.trim_start_matches('\u{feff}').trim_start();
    let mut reader = Reader::from_str(body);
    // Feeds in the wild close tags sloppily; what was read before an error
    // is kept.
    reader.config_mut().check_end_names = false;
    let mut is_feed = false;
    let mut items: Vec<Item> = Vec::new();
    let mut current: Option<Item> = None;
    let mut feed_title: Option<String> = None;
    let mut feed_date: Option<String> = None;
    // The field being read and how deep its element is (its own markup, as
    // in Atom's `<content type="xhtml">`, is part of it).
    let mut reading: Option<(Field, usize)> = None;
    let mut depth = 0usize;
    let mut buffer = String::new();
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(tag) => {
                depth += 1;
                let name = tag.local_name();
                let name = name.as_ref();
                if depth == 1 {
                    is_feed = matches!(name, b"rss" | b"feed" | b"RDF");
                    if !is_feed {
                        return None;
                    }
                }
                if reading.is_some() {
                    // Markup inside a field (XHTML content) is kept as such.
                    buffer.push('<');
                    buffer.push_str(&String::from_utf8_lossy(name));
                    buffer.push('>');
                    continue;
                }
                if matches!(name, b"item" | b"entry") {
                    current = Some(Item::default());
                } else {
                    let field = field_of(name);
                    let in_item = current.is_some();
                    let feed_level = !in_item && matches!(field, Field::Title | Field::Date);
                    if field != Field::Other && (in_item || feed_level) {
                        reading = Some((field, depth));
                        buffer.clear();
                    }
                }
            }
            Event::End(tag) => {
                let name = tag.local_name();
                let name = name.as_ref();
                match reading {
                    Some((field, at)) if at == depth => {
                        let value = std::mem::take(&mut buffer);
                        store(field, value, &mut current, &mut feed_title, &mut feed_date);
                        reading = None;
                    }
                    Some(_) => {
                        buffer.push_str("</");
                        buffer.push_str(&String::from_utf8_lossy(name));
                        buffer.push('>');
                    }
                    None => {
                        if matches!(name, b"item" | b"entry") {
                            items.extend(current.take());
                        }
                    }
                }
                depth = depth.saturating_sub(1);
            }
            Event::Empty(tag) if reading.is_some() => {
                buffer.push('<');
                buffer.push_str(&String::from_utf8_lossy(tag.local_name().as_ref()));
                buffer.push_str("/>");
            }
            Event::Text(text) if reading.is_some() => match text.unescape() {
                Ok(unescaped) => buffer.push_str(&unescaped),
                // An entity XML does not know (&nbsp;): left for the HTML
                // reader and the clean-up, which know them.
                Err(_) => buffer.push_str(&String::from_utf8_lossy(&text)),
            },
            Event::CData(data) if reading.is_some() => {
                buffer.push_str(&String::from_utf8_lossy(&data));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    // An item cut off by the end of the file is still an item.
    items.extend(current);
    if !is_feed || items.is_empty() {
        return None;
    }
    let mut paragraphs: Vec<String> = Vec::new();
    for item in &items {
        let headline = plain(&item.title);
        if !headline.is_empty() {
            paragraphs.push(headline);
        }
        let body = if item.content.trim().is_empty() {
            &item.summary
        } else {
            &item.content
        };
        let body = plain(body);
        if !body.is_empty() {
            paragraphs.push(body);
        }
    }
    let published = items.iter().find_map(|i| i.date.clone()).or(feed_date);
    Some(FeedText {
        text: paragraphs.join("\n\n"),
        title: feed_title.map(|t| plain(&t)).filter(|t| !t.is_empty()),
        published,
    })
}

fn store(
    field: Field,
    value: String,
    current: &mut Option<Item>,
    feed_title: &mut Option<String>,
    feed_date: &mut Option<String>,
) {
    // (The first date or title of each stands: an item's `updated` after
    // its `published`, a channel's image title after its own.)
    match (current.as_mut(), field) {
        (Some(item), Field::Title) => item.title = value,
        (Some(item), Field::Summary) => item.summary = value,
        (Some(item), Field::Content) => item.content = value,
        (Some(item), Field::Date) => item.date = item.date.take().or_else(|| date_of(&value)),
        (None, Field::Title) => *feed_title = feed_title.take().or(Some(value)),
        (None, Field::Date) => *feed_date = feed_date.take().or_else(|| date_of(&value)),
        _ => {}
    }
}

/// A field's text: HTML read as HTML, surrounding space gone.
fn plain(value: &str) -> String {
    if super::holds_html(value) {
        super::html_to_text(value).0.trim().to_string()
    } else {
        value.trim().to_string()
    }
}

/// A feed's date as `YYYY-MM-DD`: RSS writes RFC 822 (`Tue, 16 Jul 2024
/// 16:20:00 +0800`), Atom and Dublin Core ISO 8601 (`2024-07-16T16:20:00Z`).
fn date_of(value: &str) -> Option<String> {
    let v = value.trim();
    let iso = v.get(..10).filter(|d| {
        let b = d.as_bytes();
        b[4] == b'-' && b[7] == b'-' && d.chars().filter(char::is_ascii_digit).count() == 8
    });
    if let Some(d) = iso {
        return Some(d.to_string());
    }
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let words: Vec<&str> = v.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    words.windows(3).find_map(|w| {
        let day: u32 = w[0].parse().ok().filter(|d| (1..=31).contains(d))?;
        let month = MONTHS.iter().position(|m| w[1].to_ascii_lowercase().starts_with(m))? + 1;
        let year: u32 = w[2].parse().ok().filter(|y| (1900..=2100).contains(y))?;
        Some(format!("{year:04}-{month:02}-{day:02}"))
    })
}

#[cfg(test)]
mod tests {
    use super::{date_of, feed_to_text};

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>园区快讯</title>
<link>https://example.cn/</link>
<description>站点介绍不是正文</description>
<lastBuildDate>Wed, 03 Apr 2024 08:00:00 +0800</lastBuildDate>
<item>
<title>青溪高新区签约8个项目</title>
<link>https://example.cn/1.html</link>
<category>招商</category>
<pubDate>Tue, 02 Apr 2024 16:20:00 +0800</pubDate>
<description><![CDATA[<p>&nbsp;&nbsp;4月1日,青溪高新区签约项目8个。</p><p>总投资&ldquo;36亿元&rdquo;。</p>]]></description>
</item>
<item>
<title>白鹭园上半年产值增长9%</title>
<description>&lt;p&gt;白鹭园上半年实现产值120亿元。&lt;/p&gt;</description>
<content:encoded><![CDATA[<p>白鹭园上半年实现产值120亿元,同比增长9%。</p>]]></content:encoded>
</item>
</channel>
</rss>"#;

    #[test]
    fn a_feeds_items_are_its_text_and_its_furniture_is_not() {
        let feed = feed_to_text(RSS).expect("an RSS feed");
        assert_eq!(feed.title.as_deref(), Some("园区快讯"));
        assert_eq!(feed.published.as_deref(), Some("2024-04-02"));
        assert!(feed.text.starts_with("青溪高新区签约8个项目\n\n"), "{}", feed.text);
        assert!(feed.text.contains("4月1日,青溪高新区签约项目8个。"), "{}", feed.text);
        assert!(feed.text.contains("&ldquo;36亿元&rdquo;") || feed.text.contains("“36亿元”"));
        // The full content, not the summary, of an item that has both.
        assert!(feed.text.contains("同比增长9%"), "{}", feed.text);
        assert!(
            !feed.text.contains("<p>") && !feed.text.contains("CDATA"),
            "{}",
            feed.text
        );
        for furniture in ["站点介绍", "https://", "招商\n", "Tue, 02"] {
            assert!(!feed.text.contains(furniture), "{furniture} in {}", feed.text);
        }
    }

    #[test]
    fn an_atom_feed_is_read_too() {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Zone news</title>
  <updated>2024-05-06T09:00:00Z</updated>
  <entry>
    <title>Qingxi zone opens a pilot line</title>
    <updated>2024-05-05T10:00:00+08:00</updated>
    <summary type="html">&lt;p&gt;The Qingxi High-tech Zone opened a shared pilot line.&lt;/p&gt;</summary>
  </entry>
</feed>"#;
        let feed = feed_to_text(atom).expect("an Atom feed");
        assert_eq!(feed.title.as_deref(), Some("Zone news"));
        assert_eq!(feed.published.as_deref(), Some("2024-05-05"));
        assert_eq!(
            feed.text,
            "Qingxi zone opens a pilot line\n\nThe Qingxi High-tech Zone opened a shared pilot line."
        );
    }

    #[test]
    fn other_xml_and_plain_text_are_no_feed() {
        assert!(feed_to_text("<?xml version=\"1.0\"?><note><title>备忘</title></note>").is_none());
        assert!(feed_to_text("<rss><channel><title>空</title></channel></rss>").is_none());
        assert!(feed_to_text("青溪高新区签约项目8个。").is_none());
    }

    #[test]
    fn feed_dates_of_both_forms() {
        assert_eq!(
            date_of("Tue, 16 Jul 2024 16:20:00 +0800").as_deref(),
            Some("2024-07-16")
        );
        assert_eq!(date_of("2024-07-16T16:20:00Z").as_deref(), Some("2024-07-16"));
        assert_eq!(date_of("yesterday"), None);
    }
}
