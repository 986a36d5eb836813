//! Stage 2: clean text in, mentions, relations and statistics out.
//!
//! In: a [`NormalizedDoc`]. Out: an [`Extraction`]: the sentences, every
//! entity mention (kind, surface form, offsets), the relations the sentences
//! state between mentions, the statistics they state about them, and
//! diagnostics. Mentions are not yet entities: the resolve stage merges
//! aliases and references into entities.
//!
//! The rules come from `data/rules/*.toml` and the gazetteers of
//! `data/gazetteers/` ([`crate::gazetteer`]); no names are written in code.
//! Extraction never fails: text it does not understand yields nothing.

mod column_tables;
mod english;
mod english_ref;
mod english_statistics;
mod entities;
pub mod numbers;
mod records;
mod relations;
pub mod rules;
mod statistics;
mod tables;

use crate::normalize::NormalizedDoc;
pub(crate) use relations::serves_an_entry;
use std::fmt;

/// The kinds of entity zonegraph recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Zone,
    Enterprise,
    Institute,
    Policy,
    Industry,
    Agency,
    Project,
    Place,
    Market,
}

impl Kind {
    pub const ALL: [Kind; 9] = [
        Kind::Zone,
        Kind::Enterprise,
        Kind::Institute,
        Kind::Policy,
        Kind::Industry,
        Kind::Agency,
        Kind::Project,
        Kind::Place,
        Kind::Market,
    ];

    /// The `zg:` class IRI.
    pub fn class_iri(self) -> &'static str {
        use crate::vocab;
        match self {
            Kind::Zone => vocab::ZONE,
            Kind::Enterprise => vocab::ENTERPRISE,
            Kind::Institute => vocab::INSTITUTE,
            Kind::Policy => vocab::POLICY,
            Kind::Industry => vocab::INDUSTRY,
            Kind::Agency => vocab::AGENCY,
            Kind::Project => vocab::PROJECT,
            Kind::Place => vocab::PLACE,
            Kind::Market => vocab::MARKET,
        }
    }

    /// The path segment of entity IRIs (`id/zone/…`).
    pub fn slug(self) -> &'static str {
        match self {
            Kind::Zone => "zone",
            Kind::Enterprise => "enterprise",
            Kind::Institute => "institute",
            Kind::Policy => "policy",
            Kind::Industry => "industry",
            Kind::Agency => "agency",
            Kind::Project => "project",
            Kind::Place => "place",
            Kind::Market => "market",
        }
    }

    /// The class name without namespace.
    pub fn name(self) -> &'static str {
        self.class_iri().rsplit('#').next().unwrap_or("")
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How a mention was found (kept for diagnostics and tie-breaking).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    Gazetteer,
    Suffix,
    List,
    Quote,
    Title,
    Context,
}

/// One sentence: a byte range of the cleaned text.
#[derive(Debug, Clone)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// Index of the paragraph (line) it belongs to.
    pub paragraph: usize,
    /// Which cue lists of the rule files it holds a word of.
    pub cues: rules::CueSet,
    /// Whether it is written in English (see `english::is_english`).
    pub english: bool,
}

impl Sentence {
    /// The sentence `text[start..end]`, with what every stage asks of it
    /// asked once: which cue lists it holds a word of, whether it is English.
    fn new(text: &str, start: usize, end: usize, paragraph: usize) -> Self {
        let s = &text[start..end];
        Sentence {
            start,
            end,
            paragraph,
            cues: rules::Rules::get().sentence_cues(s),
            english: english::is_english(s),
        }
    }
}

/// One entity mention.
#[derive(Debug, Clone)]
pub struct Mention {
    pub kind: Kind,
    /// The surface form, simplified.
    pub name: String,
    /// Byte offsets in the cleaned text.
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
    pub via: Via,
    /// The canonical name when reference data knows it (嘉兴 → 嘉兴市).
    pub canonical: Option<String>,
    /// The gazetteer entry, when the name is known.
    pub entry: Option<usize>,
    /// Other surface forms of the same thing given right here
    /// (a parenthesised name, the name without quotes, …).
    pub aliases: Vec<String>,
    /// An English name given for it.
    pub english: Option<String>,
}

/// The relations zonegraph extracts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Predicate {
    LocatedIn,
    LeadingIndustry,
    ListedOn,
    Implements,
    IssuedBy,
    CooperatesWith,
    /// Zone → former name (a literal).
    FormerName,
    /// Zone → enterprise leading the zone's chain of an industry.
    ChainLeader,
    /// Zone → enterprise, institute or project in the zone's chain of an industry.
    ChainMember,
}

/// One relation stated by a sentence, between mentions.
#[derive(Debug, Clone)]
pub struct RelationMention {
    pub predicate: Predicate,
    pub subject: usize,
    /// The object mention; `None` for [`Predicate::FormerName`].
    pub object: Option<usize>,
    /// The literal object of [`Predicate::FormerName`].
    pub literal: Option<String>,
    /// The industry mention of a chain relation.
    pub industry: Option<usize>,
    /// The date the sentence gives (ISO 8601, possibly partial).
    pub date: Option<String>,
    pub sentence: usize,
}

/// One statistic stated by a sentence.
#[derive(Debug, Clone)]
pub struct StatisticMention {
    pub subject: usize,
    /// The value in base units, as a decimal string.
    pub value: String,
    pub unit: String,
    pub metric: String,
    pub year: Option<i32>,
    pub qualifier: Option<&'static str>,
    pub sentence: usize,
    /// Byte offsets of the number and unit in the cleaned text.
    pub start: usize,
    pub end: usize,
}

/// Everything extracted from one document.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub sentences: Vec<Sentence>,
    pub mentions: Vec<Mention>,
    pub relations: Vec<RelationMention>,
    pub statistics: Vec<StatisticMention>,
    /// For each sentence, the zone mention it is about (explicitly or by reference).
    pub topic: Vec<Option<usize>>,
    pub diagnostics: Vec<String>,
    /// The cleaned text the offsets refer to.
    pub text: String,
    /// Whether an English paragraph's Chinese version follows it (English
    /// first, then 中文) rather than precedes it (see `english::translations_follow`).
    pub translations_follow: bool,
}

impl Mention {
    /// A mention a layout rule finds (a list's item, a heading, a table's
    /// cell, a record's field): the text's own name, nothing known of it yet.
    pub(crate) fn from_layout(kind: Kind, name: &str, span: std::ops::Range<usize>, sentence: usize) -> Self {
        Mention {
            kind,
            name: name.to_string(),
            start: span.start,
            end: span.end,
            sentence,
            via: Via::List,
            canonical: None,
            entry: None,
            aliases: Vec::new(),
            english: None,
        }
    }
}

impl Extraction {
    /// Add mentions a layout rule found, keeping all in text order. Call
    /// before the relations are found: the mentions are renumbered.
    pub(crate) fn insert_mentions(&mut self, found: Vec<Mention>) {
        if !found.is_empty() {
            self.mentions.extend(found);
            self.mentions.sort_by_key(|m| (m.sentence, m.start));
        }
    }
}

/// The enterprise or institute a reference word points back to (该公司…,
/// 公司先后与…, 该研究院…): when one of the segments of `text[from..to]`
/// (split at commas and colons) starts with a word of `[references]
/// enterprise` or `institute`, after a year or time word if any (2023年该企业…),
/// the entity of that kind named last before that word.
pub(crate) fn referred_entity(text: &str, mentions: &[Mention], from: usize, to: usize) -> Option<usize> {
    let refs = &rules::Rules::get().entities.references;
    let span = text.get(from..to)?;
    let leads = std::iter::once(0).chain(span.match_indices([',', ':']).map(|(p, c)| p + c.len()));
    // Most segments open with none of the words: one character says so
    // (this runs for every figure, over the segments before it).
    let (at, kind, lead) = leads
        .map(|p| from + p + (span[p..].len() - span[p..].trim_start().len()))
        .filter(|&at| text[at..to].chars().next().is_some_and(|c| refs.may_open(c)))
        .find_map(|at| {
            let lead = after_time_words(&text[at..to], &refs.time_before);
            refs.opening(lead).map(|(kind, _)| (to - lead.len(), kind, lead))
        })?;
    // 这家全称为A有限公司的企业: the one the description names.
    if let Some((described, _)) = refs.described(lead) {
        let inside = |m: &Mention| m.kind == kind && m.start >= at && m.end <= at + described;
        if let Some(k) = mentions.iter().position(inside) {
            return Some(k);
        }
    }
    mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind == kind && m.end <= at)
        .max_by_key(|(_, m)| m.start)
        .map(|(k, _)| k)
}

/// `lead` after the years (2023年, 2023年上半年) and time words it opens with.
fn after_time_words<'a>(lead: &'a str, time_words: &[String]) -> &'a str {
    let mut rest = lead;
    loop {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let next = if digits == 4 && rest[digits..].starts_with('年') {
            Some(&rest[digits + '年'.len_utf8()..])
        } else {
            time_words.iter().find_map(|w| rest.strip_prefix(w.as_str()))
        };
        match next {
            Some(n) => rest = n.trim_start(),
            None => return rest,
        }
    }
}

/// The one mention of `kind` on a heading line right above the paragraph
/// of sentence `si` (▶ 电子信息产业链, ▶ 青溪电池二期项目): a line of at most
/// `max_chars` characters without a sentence's punctuation. With `whole`,
/// the mention is all the line holds but a bullet or a number ((二)A项目),
/// not part of a heading's words ((二)招商引资与项目).
pub(crate) fn heading_mention(
    text: &str,
    ex: &Extraction,
    si: usize,
    kind: Kind,
    max_chars: usize,
    whole: bool,
) -> Option<usize> {
    let paragraph = ex.sentences.get(si)?.paragraph;
    let first = (0..=si)
        .rev()
        .take_while(|&k| ex.sentences[k].paragraph == paragraph)
        .last()?;
    let heading_at = first.checked_sub(1)?;
    let heading = &ex.sentences[heading_at];
    let line = text[heading.start..heading.end].trim();
    if line.chars().count() > max_chars || line.contains(['。', '，', ',', '；', ';']) {
        return None;
    }
    sole_mention(ex, heading_at, kind, |m| {
        !whole || numbered_alone(text, heading, m, &[])
    })
}

/// The one mention of `kind` in sentence `si` that `fits`, if only one does.
fn sole_mention(ex: &Extraction, si: usize, kind: Kind, fits: impl Fn(&Mention) -> bool) -> Option<usize> {
    let mut found = ex
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind == kind && m.sentence == si && fits(m))
        .map(|(k, _)| k);
    match (found.next(), found.next()) {
        (Some(k), None) => Some(k),
        _ => None,
    }
}

/// Whether `s` is only the numbering of a list's item: 1. / 2、 / (3) / (一)
/// / 四、 / ⑤, spaces around.
pub(crate) fn is_item_numbering(s: &str) -> bool {
    let s = s.trim();
    let numeral = |c: char| {
        c.is_ascii_digit()
            || matches!(
                c,
                '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '①'..='⑳'
            )
    };
    let marks = |c: char| matches!(c, '.' | '、' | '(' | ')' | '（' | '）' | '．' | ' ');
    (1..=6).contains(&s.chars().count()) && s.chars().any(numeral) && s.chars().all(|c| numeral(c) || marks(c))
}

/// Whether mention `m` is all its sentence holds but a number before it
/// ((二), 2.) and, after it, one of `tail_words` and punctuation.
fn numbered_alone(text: &str, sentence: &Sentence, m: &Mention, tail_words: &[&str]) -> bool {
    let numbering = |c: char| !entities::is_cjk(c) || "一二三四五六七八九十第".contains(c);
    let after = &text[m.end..sentence.end];
    let after = tail_words.iter().find_map(|w| after.strip_prefix(w)).unwrap_or(after);
    text[sentence.start..m.start].chars().all(numbering) && after.chars().all(|c| !entities::is_cjk(c))
}

/// The one mention of `kind` that a paragraph's opening sentence is made of
/// before sentence `si` of that paragraph (2.智能装备。以…为重点,链主企业A…;
/// (一)生物医药产业。…): a short sentence of a number, the mention, and
/// perhaps 产业 or 产业链 and its punctuation, the heading of an item run in
/// with its text.
pub(crate) fn run_in_heading_mention(
    text: &str,
    ex: &Extraction,
    si: usize,
    kind: Kind,
    max_chars: usize,
) -> Option<usize> {
    let paragraph = ex.sentences.get(si)?.paragraph;
    let first = (0..si)
        .rev()
        .take_while(|&k| ex.sentences[k].paragraph == paragraph)
        .last()?;
    let heading = &ex.sentences[first];
    if text[heading.start..heading.end].trim().chars().count() > max_chars {
        return None;
    }
    sole_mention(ex, first, kind, |m| {
        numbered_alone(text, heading, m, &["产业链", "产业"])
    })
}

/// Extract everything from one normalized document.
pub fn extract(doc: &NormalizedDoc) -> Extraction {
    let mut ex = Extraction {
        sentences: split_sentences(&doc.text),
        text: doc.text.clone(),
        ..Extraction::default()
    };
    ex.translations_follow = english::translations_follow(&ex);
    let chars = CharIndex::new(&doc.text);
    entities::find_mentions(&doc.text, &chars, &mut ex);
    english::find_english(&doc.text, &mut ex);
    // (Again for the English names: Intel Products (Chengdu) Ltd. is what
    // that document's Intel means.)
    entities::defer_to_declared_firms(&mut ex, crate::gazetteer::Gazetteer::get());
    english::add_listed_industries(&doc.text, &mut ex);
    english::add_defined_terms(&doc.text, &mut ex);
    let tables = tables::add_industries(&doc.text, &mut ex);
    tables::add_heading_industries(&doc.text, &mut ex);
    relations::add_headed_industries(&doc.text, &mut ex);
    let project_tables = tables::add_project_rows(&doc.text, &mut ex);
    let records = records::find_records(&doc.text, &ex);
    records::add_field_companies(&doc.text, &records, &mut ex);
    records::add_field_industries(&doc.text, &records, &mut ex);
    relations::add_framed_leaders(&doc.text, &mut ex);
    relations::add_headed_leaders(&doc.text, &mut ex);
    relations::find_topics(&doc.text, &mut ex);
    relations::find_relations(&doc.text, &mut ex);
    relations::add_attributive_locations(&doc.text, &mut ex);
    relations::find_document_policy_relations(&doc.text, &mut ex);
    relations::add_headed_leading_industries(&doc.text, &mut ex);
    relations::add_headed_chain_leaders(&doc.text, &mut ex);
    records::add_record_relations(&doc.text, &records, &mut ex);
    let record_subjects = records::subjects_by_sentence(&doc.text, &ex, &records);
    statistics::find_statistics(&doc.text, &chars, &record_subjects, &mut ex);
    tables::add_row_facts(&doc.text, &tables, &mut ex);
    tables::add_project_facts(&doc.text, &project_tables, &mut ex);
    tables::add_group_places(&doc.text, &mut ex);
    // (After the rows' figures: the same figure read by its column wins.)
    column_tables::add_column_figures(&doc.text, &mut ex);
    english_statistics::find_english_statistics(&doc.text, &mut ex);
    ex
}

/// A text's characters with their byte offsets, built once per document
/// for the stages that read each sentence character by character.
pub(crate) struct CharIndex {
    chars: Vec<char>,
    /// The byte offset of each character, then the text's length.
    byte_of: Vec<usize>,
}

impl CharIndex {
    pub(crate) fn new(text: &str) -> Self {
        let (byte_of, chars): (Vec<usize>, Vec<char>) = text.char_indices().unzip();
        let mut byte_of = byte_of;
        byte_of.push(text.len());
        CharIndex { chars, byte_of }
    }

    /// The characters of `text[start..end]` and their byte offsets in the
    /// text (one more than the characters: the last is `end`). `start` and
    /// `end` are character boundaries.
    pub(crate) fn span(&self, start: usize, end: usize) -> (&[char], &[usize]) {
        let from = self.byte_of.partition_point(|&b| b < start).min(self.chars.len());
        let to = self
            .byte_of
            .partition_point(|&b| b < end)
            .min(self.chars.len())
            .max(from);
        (&self.chars[from..to], &self.byte_of[from..=to])
    }
}

/// Split text into sentences at 。!? and line ends, and at English full
/// stops before a capital; paragraphs are lines. Each sentence comes with
/// what every stage asks of it (see [`Sentence`]).
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut start = 0;
    let mut depth = 0i32; // inside quotes or brackets a 。 does not end the sentence
    for (i, c) in text.char_indices() {
        match c {
            '“' | '《' | '「' | '(' => depth += 1,
            '”' | '》' | '」' | ')' => depth = (depth - 1).max(0),
            _ => {}
        }
        let end_here = match c {
            '\n' => true,
            '。' | '!' | '?' | '…' => depth == 0,
            // An English full stop: after a lowercase word, a number or a
            // bracket, before a space and a capital (not in Co., Ltd. or 3.5).
            '.' => {
                depth == 0
                    && text[..i]
                        .chars()
                        .next_back()
                        .is_some_and(|p| p.is_ascii_lowercase() || p.is_ascii_digit() || matches!(p, ')' | '%'))
                    && text[i + 1..].starts_with(' ')
                    && text[i + 2..].starts_with(|n: char| n.is_ascii_uppercase())
            }
            // … or after the reference mark that follows it (offering.[3] Shenyang …).
            ']' => {
                let mark = text[..i].trim_end_matches(|d: char| d.is_ascii_digit());
                depth == 0
                    && mark.len() < i
                    && mark.ends_with(".[")
                    && text[i + 1..].starts_with(' ')
                    && text[i + 2..].starts_with(|n: char| n.is_ascii_uppercase())
            }
            _ => false,
        };
        if end_here {
            let end = if c == '\n' { i } else { i + c.len_utf8() };
            if !text[start..end].trim().is_empty() {
                out.push(Sentence::new(text, start, end, paragraph));
            }
            start = i + c.len_utf8();
            if c == '\n' {
                paragraph += 1;
                depth = 0;
            }
        }
    }
    if !text[start..].trim().is_empty() {
        out.push(Sentence::new(text, start, text.len(), paragraph));
    }
    out
}

/// The chain leaders a text's extraction states: (leader, industry) names.
#[cfg(test)]
pub(crate) fn chain_leads(text: &str) -> Vec<(String, String)> {
    let ex = extract(&crate::normalize::clean(text));
    ex.relations
        .iter()
        .filter(|r| r.predicate == Predicate::ChainLeader)
        .filter_map(|r| {
            Some((
                ex.mentions[r.object?].name.clone(),
                ex.mentions[r.industry?].name.clone(),
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_char_index_span_is_the_sentence_characters_and_their_offsets() {
        let text = "青溪高新区。Park A.";
        let index = CharIndex::new(text);
        for sentence in split_sentences(text) {
            let s = &text[sentence.start..sentence.end];
            let (chars, byte_of) = index.span(sentence.start, sentence.end);
            assert_eq!(chars.iter().collect::<String>(), s);
            let offsets: Vec<usize> = s
                .char_indices()
                .map(|(b, _)| sentence.start + b)
                .chain([sentence.end])
                .collect();
            assert_eq!(byte_of, &offsets[..]);
        }
        let (chars, byte_of) = index.span(text.len(), text.len());
        assert!(chars.is_empty());
        assert_eq!(byte_of, &[text.len()]);
    }

    use super::*;

    #[test]
    fn sentences_split_at_stops_and_lines_not_inside_quotes() {
        let text = "青溪高新区成立。园区实施“青苗。计划”!\n第二段";
        let s = split_sentences(text);
        let parts: Vec<&str> = s.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(parts, vec!["青溪高新区成立。", "园区实施“青苗。计划”!", "第二段"]);
        assert_eq!(s[2].paragraph, 1);
        // An English stop with a reference mark after it ends the sentence too.
        let text = "It raised CNY 1.2 billion.[3] Qingxi Pharma Ltd. is listed in Hong Kong.";
        let s = split_sentences(text);
        let parts: Vec<&str> = s.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(
            parts,
            vec![
                "It raised CNY 1.2 billion.[3]",
                " Qingxi Pharma Ltd. is listed in Hong Kong."
            ]
        );
    }
}
