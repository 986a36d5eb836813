//! An e-mail saved as a file (`.eml`: RFC 5322 headers, MIME parts): the
//! text its reader sees.
//!
//! In: the file's bytes. Out: the subject (the document's title, and its
//! first paragraph) and the body, each text part decoded from its transfer
//! encoding (base64, quoted-printable) and its charset (GBK, Big5, UTF-8 …);
//! the `Date` header as the publication date, `YYYY-MM-DD`; the charset of the
//! first text part. A message with a plain-text alternative is read from it;
//! one that has only HTML is read as HTML. Headers other than the subject,
//! and attachments, are no text. `None` when the bytes are not a message with
//! a body (then they are read as plain text).
//!
//! Parsing is `mail-parser`'s (RFC 5322, MIME, RFC 2047 encoded words).

use mail_parser::{MessageParser, MimeHeaders, PartType};

/// The text of an e-mail, its subject and date, and its charset.
pub(super) struct MailText {
    pub text: String,
    pub title: Option<String>,
    pub published: Option<String>,
    /// The charset of the first text part, as encoding_rs names it.
    pub charset: Option<&'static str>,
}

/// Header names that open a saved message; a plain article does not start
/// with two of them on its first lines.
const MAIL_HEADERS: &[&str] = &[
    "return-path:",
    "received:",
    "delivered-to:",
    "from:",
    "to:",
    "cc:",
    "date:",
    "subject:",
    "message-id:",
    "mime-version:",
    "reply-to:",
    "content-type:",
    "dkim-signature:",
    "authentication-results:",
    "x-",
];

/// Whether the first bytes of a file (lower-cased, leading space gone) look
/// like a saved message: its first line and at least one more line among the
/// first five are headers of a message (continuation lines aside).
pub(super) fn looks_like_mail(head: &str) -> bool {
    let header = |line: &str| MAIL_HEADERS.iter().any(|h| line.starts_with(h));
    let mut lines = head.lines().filter(|l| !l.starts_with([' ', '\t']));
    lines.next().is_some_and(header) && lines.take(4).filter(|l| header(l)).count() >= 1
}

/// The text of a message, or `None` when it has no text part.
pub(super) fn mail_to_text(bytes: &[u8]) -> Option<MailText> {
    let message = MessageParser::default().parse(bytes)?;
    let mut paragraphs: Vec<String> = Vec::new();
    let title = message
        .subject()
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|s| !s.is_empty());
    paragraphs.extend(title.clone());
    let mut charset = None;
    for part in message.text_bodies() {
        let text = match &part.body {
            PartType::Text(text) => text.to_string(),
            PartType::Html(html) => super::html_to_text(html).0,
            _ => continue,
        };
        if charset.is_none() {
            charset = part
                .content_type()
                .and_then(|ct| ct.attribute("charset"))
                .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()))
                .map(|enc| enc.name());
        }
        let text = text.replace("\r\n", "\n");
        if !text.trim().is_empty() {
            paragraphs.push(text.trim().to_string());
        }
    }
    // (A subject alone is no message body.)
    if paragraphs.len() < 1 + usize::from(title.is_some()) {
        return None;
    }
    let published = message
        .date()
        .filter(|d| (1990..=2100).contains(&d.year) && (1..=12).contains(&d.month) && (1..=31).contains(&d.day))
        .map(|d| format!("{:04}-{:02}-{:02}", d.year, d.month, d.day));
    Some(MailText {
        text: paragraphs.join("\n\n"),
        title,
        published,
        charset,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base64(bytes: &[u8]) -> String {
        const ABC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = String::new();
        for chunk in bytes.chunks(3) {
            let n = chunk
                .iter()
                .enumerate()
                .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
            for i in 0..4 {
                if i <= chunk.len() {
                    out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
                } else {
                    out.push('=');
                }
            }
        }
        out
    }

    fn message(subject_gbk: &[u8], body_gbk: &[u8]) -> Vec<u8> {
        format!(
            "Received: from mail.example.cn by mx.example.com; Tue, 4 Jun 2024 10:00:00 +0800\r\n\
             From: newsletter@example.cn\r\n\
             Subject: =?GBK?B?{}?=\r\n\
             Date: Tue, 4 Jun 2024 10:00:00 +0800\r\n\
             MIME-Version: 1.0\r\n\
             Content-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n\
             --b1\r\nContent-Type: text/plain; charset=\"GBK\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n\
             --b1\r\nContent-Type: text/html; charset=\"UTF-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n\
             <p>=E9=9D=92</p>\r\n--b1--\r\n",
            base64(subject_gbk),
            base64(body_gbk)
        )
        .into_bytes()
    }

    #[test]
    fn a_saved_message_is_read_as_its_subject_and_plain_text_part() {
        let (subject, _, _) = encoding_rs::GBK.encode("青溪高新区招商月报");
        let (body, _, _) = encoding_rs::GBK.encode("青溪高新区5月签约项目12个，总投资86亿元。\r\n");
        let raw = message(&subject, &body);
        let head = String::from_utf8_lossy(&raw[..200]).to_ascii_lowercase();
        assert!(looks_like_mail(&head));
        let mail = mail_to_text(&raw).expect("a message");
        assert_eq!(mail.title.as_deref(), Some("青溪高新区招商月报"));
        assert_eq!(
            mail.text,
            "青溪高新区招商月报\n\n青溪高新区5月签约项目12个，总投资86亿元。"
        );
        assert_eq!(mail.published.as_deref(), Some("2024-06-04"));
        assert_eq!(mail.charset, Some("GBK"));
    }

    #[test]
    fn an_article_is_no_message() {
        assert!(!looks_like_mail("青溪高新区简介\nfrom: 青溪日报\n"));
        assert!(!looks_like_mail(
            "from the editors: a note on the zones\nthe zone grew.\n"
        ));
    }
}
