//! English names in bilingual text: a paragraph in English that follows a
//! Chinese one names the same things. English names are found by their
//! endings (… Zone, … Park, … Corridor, … Project, … Co., Ltd.) or, for
//! brands, by their pinyin (Zhongrun Optics ↔ 中润光学), and aligned to the
//! Chinese mentions of the paragraph before: by pinyin of the place or brand
//! part of the name, else by order among mentions of the same kind. A zone
//! named only in English becomes an entity with an English label.

use super::english_ref;
use super::rules::{EnglishRules, Rules};
use super::{Extraction, Kind, Mention, Via};
use pinyin::ToPinyin;

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The kind an English name ending makes (… Zone, … Project, … Co., Ltd.).
fn ending_kind(word: &str, rules: &EnglishRules) -> Option<Kind> {
    let has = |list: &[String]| list.iter().any(|e| e == word);
    // Bio-Town ends as Town does.
    let last_part = word.rsplit('-').next().unwrap_or(word);
    if has(&rules.zone_endings) || rules.zone_endings.iter().any(|e| e == last_part) {
        Some(Kind::Zone)
    } else if has(&rules.project_endings) {
        Some(Kind::Project)
    } else if has(&rules.enterprise_endings) {
        Some(Kind::Enterprise)
    } else if has(&rules.institute_endings) {
        Some(Kind::Institute)
    } else if has(&rules.agency_endings) {
        Some(Kind::Agency)
    } else if has(&rules.policy_endings) {
        Some(Kind::Policy)
    } else {
        None
    }
}

pub(super) fn is_english(s: &str) -> bool {
    let ascii = s.bytes().filter(u8::is_ascii_alphabetic).count();
    // At least 12 letters, 80% of them ASCII, means at least 10 ASCII
    // letters: most Chinese sentences stop here, before the slower Unicode
    // letter count.
    if ascii < 10 {
        return false;
    }
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 12 && ascii * 10 >= letters * 8
}

/// Toneless pinyin syllables of a Chinese name (non-Chinese characters dropped).
fn syllables(name: &str) -> Vec<String> {
    name.to_pinyin().flatten().map(|p| p.plain().to_string()).collect()
}

/// A token of an English sentence: its text and byte range.
struct Token<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

fn tokens(s: &str, base: usize) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let word = c.is_alphanumeric() || matches!(c, '-' | '.' | '&' | '\'');
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push(Token {
                    text: &s[st..i],
                    start: base + st,
                    end: base + i,
                });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push(Token {
            text: &s[st..],
            start: base + st,
            end: base + s.len(),
        });
    }
    // A possessive is not part of a name (the Zone's output), but People's
    // is (Jiangsu Provincial People's Government).
    for t in &mut out {
        if let Some(stem) = t.text.strip_suffix("'s").filter(|s| !s.is_empty() && *s != "People") {
            t.text = stem;
            t.end -= 2;
        }
    }
    // A trailing full stop is not part of a word, except in Co., Ltd.
    for t in &mut out {
        if t.text != "Ltd." && t.text != "Co." && t.text.ends_with('.') {
            t.text = &t.text[..t.text.len() - 1];
            t.end -= 1;
        }
    }
    out
}

/// Whether a word is written as a name: capitalized, a number, or a brand
/// in camel case (iFlytek, eHang).
fn capitalized(t: &str) -> bool {
    let mut chars = t.chars();
    match (chars.next(), chars.next()) {
        (Some(c), _) if c.is_ascii_uppercase() || c.is_ascii_digit() => true,
        (Some(c), Some(d)) => c.is_ascii_lowercase() && d.is_ascii_uppercase(),
        _ => false,
    }
}

pub(super) fn find_english(text: &str, ex: &mut Extraction) {
    let mut new_mentions = Vec::new();
    for (si, sentence) in ex.sentences.iter().enumerate() {
        let s = &text[sentence.start..sentence.end];
        if !sentence.english {
            continue;
        }
        let paired = translated_mentions(ex, sentence.paragraph);
        let all: Vec<usize> = (0..ex.mentions.len()).collect();
        let english_rules = &Rules::get().entities.english;
        let toks = tokens(s, sentence.start);
        let mut used_ends = Vec::new();
        let mut order: foldhash::HashMap<Kind, usize> = foldhash::HashMap::default();
        for (k, t) in toks.iter().enumerate() {
            let qualified_zone = k > 0
                && english_rules
                    .qualified_zone_endings
                    .get(t.text)
                    .is_some_and(|before| before.iter().any(|w| *w == toks[k - 1].text));
            let Some(kind) = ending_kind(t.text, english_rules).or(qualified_zone.then_some(Kind::Zone)) else {
                continue;
            };
            if kind == Kind::Enterprise && t.text == "Ltd." && (k == 0 || toks[k - 1].text != "Co.") {
                continue;
            }
            // KingMed Diagnostics Group Co., Ltd.: the name goes on to Co., Ltd.
            if kind == Kind::Enterprise
                && toks.get(k + 1).is_some_and(|n| n.text == "Co.")
                && toks.get(k + 2).is_some_and(|n| n.text == "Ltd.")
            {
                continue;
            }
            // A Co., Ltd. ends at its last word.
            if kind == Kind::Enterprise && toks.get(k + 1).is_some_and(|n| n.text == "Ltd.") {
                continue;
            }
            // Peking University Shenzhen Graduate School: an institute's
            // name that goes on to another institute ending is that name.
            if kind == Kind::Institute {
                let spaced = |a: usize| text[toks[a].end..toks[a + 1].start].chars().all(|c| c == ' ');
                let mut j = k + 1;
                while toks.get(j).is_some_and(|n| capitalized(n.text)) && spaced(j - 1) {
                    if ending_kind(toks[j].text, english_rules) == Some(Kind::Institute) {
                        break;
                    }
                    j += 1;
                }
                if j > k + 1
                    && toks
                        .get(j)
                        .is_some_and(|n| ending_kind(n.text, english_rules) == Some(Kind::Institute))
                    && spaced(j - 1)
                {
                    continue;
                }
            }
            // Extend left over capitalized words and joining words, within the clause.
            let mut b = k;
            while b > 0 {
                let w = toks[b - 1].text;
                let gap = &text[toks[b - 1].end..toks[b].start];
                // A place in parentheses inside a name: Samsung (China)
                // Semiconductor Co., Ltd., China (Mianyang) Science City.
                if matches!(gap, ") " | ")")
                    && b >= 2
                    && capitalized(w)
                    && text[toks[b - 2].end..toks[b - 1].start] == *" ("
                    && capitalized(toks[b - 2].text)
                {
                    b -= 2;
                    continue;
                }
                if !gap
                    .chars()
                    .all(|c| matches!(c, ' ' | '"' | '“' | '”') || (c == ',' && w == "Co."))
                {
                    break;
                }
                // A joining word after a complete name (… Co., Ltd. and B Co., Ltd.) joins two names.
                // … and not after an institute named head first (China
                // Academy of Engineering Physics and Southwest University).
                let institute_before = |j: usize| {
                    toks[..=j]
                        .iter()
                        .rev()
                        .take(6)
                        .take_while(|t| capitalized(t.text) || matches!(t.text, "of" | "for"))
                        .any(|t| ending_kind(t.text, english_rules) == Some(Kind::Institute))
                };
                // (Investment Guide of Chengdu Hi-tech Zone; Several Policies of …: no part of the zone's name.)
                if kind == Kind::Zone
                    && (english_rules.not_zone_words.iter().any(|n| n == w)
                        || ending_kind(w, english_rules) == Some(Kind::Policy))
                    || english_rules.not_name_words.iter().any(|n| n == w)
                {
                    break;
                }
                if capitalized(w)
                    || (matches!(w, "and" | "of" | "for" | "&")
                        && b >= 2
                        && capitalized(toks[b - 2].text)
                        && ending_kind(toks[b - 2].text, english_rules).is_none()
                        && !(w == "and" && institute_before(b - 2)))
                    || w.starts_with('"')
                {
                    b -= 1;
                } else {
                    break;
                }
            }
            // Function words, dates and months are not part of a name.
            while b < k
                && (matches!(
                    toks[b].text,
                    "and"
                        | "of"
                        | "for"
                        | "The"
                        | "the"
                        | "A"
                        | "An"
                        | "In"
                        | "On"
                        | "At"
                        | "By"
                        | "As"
                        | "For"
                        | "Of"
                        | "From"
                        | "To"
                ) || toks[b].text.chars().all(|c| c.is_ascii_digit() || c == '.')
                    || MONTHS.contains(&toks[b].text))
            {
                b += 1;
            }
            // An institute named head first: University of Science and
            // Technology of China, Chinese Academy of Sciences.
            let mut last = k;
            // … and a body: Administrative Committee of Qingxi High-tech Zone.
            if kind == Kind::Institute || kind == Kind::Agency {
                let spaced = |a: usize| text[toks[a].end..toks[a + 1].start].chars().all(|c| c == ' ');
                // "and" before another institute's name (… Physics and
                // Southwest University) ends this one.
                let institute_after = |j: usize| {
                    toks[j..]
                        .iter()
                        .take_while(|t| capitalized(t.text))
                        .any(|t| ending_kind(t.text, english_rules) == Some(Kind::Institute))
                };
                while toks
                    .get(last + 1)
                    .is_some_and(|t| matches!(t.text, "of" | "for" | "and"))
                    && toks.get(last + 2).is_some_and(|t| capitalized(t.text))
                    && spaced(last)
                    && spaced(last + 1)
                    && !(toks[last + 1].text == "and" && institute_after(last + 2))
                {
                    last += 2;
                    while toks.get(last + 1).is_some_and(|t| capitalized(t.text)) && spaced(last) {
                        last += 1;
                    }
                }
            }
            // A policy named head first: Implementation Opinions on
            // Promoting the Upgrading of Development Zones in Jiangsu.
            if kind == Kind::Policy {
                let spaced = |a: usize| text[toks[a].end..toks[a + 1].start].chars().all(|c| c == ' ');
                let connective = |t: &str| matches!(t, "on" | "for" | "of" | "in" | "and" | "to" | "the" | "a" | "an");
                while let Some(next) = toks.get(last + 1).filter(|_| spaced(last)) {
                    let head_first = last > k || connective(next.text);
                    let goes_on = capitalized(next.text) && head_first
                        || connective(next.text)
                            && toks.get(last + 2).is_some_and(|t| {
                                // (… Industry in 2023: a year is no part of it.)
                                capitalized(t.text) && !t.text.bytes().all(|b| b.is_ascii_digit())
                                    || matches!(t.text, "the" | "a" | "an")
                            })
                            && spaced(last + 1);
                    if !goes_on {
                        break;
                    }
                    last += 1;
                }
                while last > k && connective(toks[last].text) {
                    last -= 1;
                }
            }
            if b == k && last == k {
                continue;
            }
            let end = toks[last].end;
            // A plan's period is part of its title: … Development Plan (2023-2027).
            let end = if kind == Kind::Policy {
                end + period_after(&text[end..])
            } else {
                end
            };
            let phrase = &text[toks[b].start..end];
            // The Administrative Committee of X Zone is the zone's body.
            let kind = if english_rules
                .agency_heads
                .iter()
                .any(|h| phrase.starts_with(h.as_str()))
            {
                Kind::Agency
            } else {
                kind
            };
            let proper: Vec<&str> = toks[b..k]
                .iter()
                .chain(&toks[k + 1..=last])
                .map(|t| t.text)
                .filter(|w| !matches!(*w, "of" | "for" | "and"))
                // China (Mianyang) Science City: the place after China.
                .skip_while(|w| kind == Kind::Zone && *w == "China")
                // Administrative Committee of Meichuan …: the place after the head.
                .skip_while(|w| kind == Kind::Agency && english_rules.generic_words.contains(*w))
                .take_while(|w| !english_rules.generic_words.contains(*w))
                .collect();
            // Guangzhou Huaxin Photonics Co., Ltd. (广州华芯光子科技股份有限公司):
            // a Chinese name in brackets right after the English one glosses it.
            let gloss = bracketed_gloss(text, end);
            let glossed = gloss.and_then(|(gs, ge)| {
                ex.mentions
                    .iter()
                    .position(|m| m.start == gs && m.end == ge && m.kind == kind && m.english.is_none())
            });
            let target = glossed.or_else(|| {
                align(
                    ex,
                    &paired,
                    &all,
                    kind,
                    (phrase, &proper),
                    order.get(&kind).copied().unwrap_or(0),
                )
            });
            // A gloss no extractor named (BeiGene Ltd (百济神州)) is the
            // English name's Chinese name, unless it is a place.
            let unnamed_gloss = gloss.filter(|&(gs, ge)| {
                glossed.is_none()
                    && !ex.mentions.iter().any(|m| m.start < ge && gs < m.end)
                    && crate::gazetteer::Gazetteer::get()
                        .first(&text[gs..ge])
                        .is_none_or(|h| h.end - h.start < ge - gs)
            });
            let with_gloss = |mut m: Mention| {
                if let Some((gs, ge)) = unnamed_gloss {
                    m.aliases.push(text[gs..ge].to_string());
                }
                m
            };
            *order.entry(kind).or_default() += 1;
            used_ends.push(end);
            // Without a Chinese name of that kind in the paragraph it would
            // translate, the English name is the entity's own name.
            let untranslated = !paired.iter().any(|&i| ex.mentions[i].kind == kind);
            match target {
                Some(m) => new_mentions.push(english_mention(&ex.mentions[m], phrase, toks[b].start, end, si)),
                None if kind == Kind::Zone && !proper.is_empty() => {
                    let gaz = crate::gazetteer::Gazetteer::get();
                    let mention = match english_ref::national_zone(&proper, phrase) {
                        Some(entry) => Mention {
                            kind,
                            name: gaz.entries[entry].canonical.clone(),
                            start: toks[b].start,
                            end,
                            sentence: si,
                            via: Via::Gazetteer,
                            canonical: Some(gaz.entries[entry].canonical.clone()),
                            entry: Some(entry),
                            aliases: Vec::new(),
                            english: Some(phrase.to_string()),
                        },
                        None => english_only(kind, phrase, toks[b].start, end, si),
                    };
                    new_mentions.push(with_gloss(mention));
                }
                // A name of the reference data (Chinese Academy of Sciences)
                // is that entry's already.
                // (A body named inside a policy's title, Opinions of the
                // State Council on …, leaves the title a name.)
                None if untranslated
                    && (!proper.is_empty() || last > k)
                    && !ex.mentions.iter().any(|m| {
                        let inside_title =
                            kind == Kind::Policy && m.kind == Kind::Agency && m.start > toks[b].start && m.end < end;
                        m.start < end && toks[b].start < m.end && !inside_title
                    }) =>
                {
                    new_mentions.push(with_gloss(english_only(kind, phrase, toks[b].start, end, si)));
                }
                None => {}
            }
        }
        // "the Chengdu zone": the zone named before whose English name
        // starts with those words.
        let spaced = |a: usize| text[toks[a].end..toks[a + 1].start].chars().all(|c| c == ' ');
        for (k, t) in toks.iter().enumerate() {
            if !matches!(t.text, "zone" | "park") {
                continue;
            }
            let mut b = k;
            while b > 0 && k - b < 3 && capitalized(toks[b - 1].text) && spaced(b - 1) {
                b -= 1;
            }
            if b == k || b == 0 || !matches!(toks[b - 1].text, "the" | "The" | "this" | "This") {
                continue;
            }
            let (start, end) = (toks[b].start, t.end);
            let words: Vec<&str> = toks[b..k].iter().map(|w| w.text).collect();
            let named_so = |m: &&Mention| {
                m.kind == Kind::Zone
                    && m.english.as_deref().is_some_and(|p| {
                        let mut name_words = p.split_whitespace();
                        words.iter().all(|w| name_words.next() == Some(*w)) && name_words.next().is_some()
                    })
            };
            let mut earlier = ex.mentions.iter().chain(new_mentions.iter());
            let taken = earlier.clone().any(|n| n.start < end && start < n.end);
            if let Some(zone) = earlier.rfind(named_so).filter(|_| !taken) {
                let mention = english_mention(zone, &text[start..end], start, end, si);
                new_mentions.push(mention);
            }
        }
        // A name in apposition with a company noun (iFlytek, a leading
        // artificial intelligence company, …): up to four capitalized words
        // right before ", a" / ", an" / ", the", and the noun within eight
        // words before the apposition ends.
        if paired.is_empty() {
            for (k, t) in toks.iter().enumerate() {
                if !matches!(t.text, "a" | "an" | "the") || k == 0 || !text[toks[k - 1].end..t.start].starts_with(',') {
                    continue;
                }
                // The apposition's words: up to the first one a punctuation mark follows.
                let words = &toks[k + 1..(k + 9).min(toks.len())];
                let last = words
                    .iter()
                    .position(|w| text[w.end..].starts_with([',', '.', ';']))
                    .map_or(words.len(), |p| p + 1);
                let company = words[..last]
                    .iter()
                    .any(|w| english_rules.company_appositives.iter().any(|n| n == w.text));
                if !company {
                    continue;
                }
                let end_tok = k - 1;
                let mut b = end_tok + 1;
                while b > 0
                    && end_tok + 1 - b < 4
                    && capitalized(toks[b - 1].text)
                    && (b - 1 == end_tok || text[toks[b - 1].end..toks[b].start].chars().all(|c| c == ' '))
                {
                    b -= 1;
                }
                if b > end_tok {
                    continue;
                }
                let (start, end) = (toks[b].start, toks[end_tok].end);
                let taken = new_mentions
                    .iter()
                    .chain(ex.mentions.iter())
                    .any(|n: &Mention| n.start < end && start < n.end);
                if !taken && !matches!(toks[b].text, "The" | "A" | "An" | "In" | "On") {
                    new_mentions.push(english_only(Kind::Enterprise, &text[start..end], start, end, si));
                    used_ends.push(end);
                }
            }
        }
        // A name after a place's "-based" (Singapore-based Lumen
        // Semiconductor, Hefei-based iFlytek): a company's, up to four
        // capitalized words.
        if paired.is_empty() {
            for (k, t) in toks.iter().enumerate() {
                // (Not a kind's: Tech-based SMEs.)
                let based = t
                    .text
                    .strip_suffix("-based")
                    .is_some_and(|place| capitalized(place) && !english_rules.generic_words.iter().any(|g| g == place));
                if !based || k + 1 >= toks.len() {
                    continue;
                }
                let mut e = k + 1;
                while e < toks.len()
                    && e - k <= 4
                    && capitalized(toks[e].text)
                    && text[toks[e - 1].end..toks[e].start].chars().all(|c| c == ' ')
                {
                    e += 1;
                }
                if e == k + 1 {
                    continue;
                }
                let (start, end) = (toks[k + 1].start, toks[e - 1].end);
                let taken = new_mentions
                    .iter()
                    .chain(ex.mentions.iter())
                    .any(|n: &Mention| n.start < end && start < n.end);
                if !taken {
                    new_mentions.push(english_only(Kind::Enterprise, &text[start..end], start, end, si));
                    used_ends.push(end);
                }
            }
        }
        // Places and industries of the reference data, outside the names
        // found; a translation names them in its Chinese paragraph already.
        if paired.is_empty() {
            let mut reference = Vec::new();
            english_ref::reference_mentions(s, sentence.start, si, &mut reference);
            let taken = |m: &Mention| {
                new_mentions
                    .iter()
                    .chain(ex.mentions.iter())
                    .any(|n| n.start < m.end && m.start < n.end)
            };
            reference.retain(|m| !taken(m));
            new_mentions.extend(reference);
        }
        // Brands: a capitalized word that is the pinyin of a Chinese enterprise's first syllables.
        for &m in &paired {
            let cm = &ex.mentions[m];
            if cm.kind != Kind::Enterprise {
                continue;
            }
            let syl = syllables(&cm.name);
            if syl.len() < 2 {
                continue;
            }
            let brand = format!("{}{}", syl[0], syl[1]);
            if let Some(k) = toks.iter().position(|t| t.text.to_ascii_lowercase() == brand) {
                // A name found whole from there (Xixi Materials Group Co.,
                // Ltd.) is no brand.
                if new_mentions.iter().any(|n| n.start == toks[k].start) {
                    continue;
                }
                let mut e = k + 1;
                while e < toks.len() && capitalized(toks[e].text) && !used_ends.contains(&toks[e].end) {
                    e += 1;
                }
                let phrase = &text[toks[k].start..toks[e - 1].end];
                new_mentions.push(english_mention(cm, phrase, toks[k].start, toks[e - 1].end, si));
            }
        }
    }
    ex.mentions.extend(new_mentions);
}

/// The mentions of the Chinese paragraph that English `paragraph`
/// translates: the nearest of the three paragraphs before it with mentions
/// in Chinese sentences. Empty for English written on its own.
pub(super) fn translated_mentions(ex: &Extraction, paragraph: usize) -> Vec<usize> {
    let chinese = |si: usize| {
        let s = &ex.sentences[si];
        !s.english
    };
    let paired = |p: usize| -> Vec<usize> {
        ex.mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.english.is_none() && ex.sentences[m.sentence].paragraph == p && chinese(m.sentence))
            .map(|(i, _)| i)
            .collect()
    };
    (1..=3)
        .filter_map(|d| {
            if ex.translations_follow {
                Some(paragraph + d)
            } else {
                paragraph.checked_sub(d)
            }
        })
        .map(paired)
        .find(|found| !found.is_empty())
        .unwrap_or_default()
}

/// Whether the document gives each English paragraph's Chinese version
/// after it: more of its English paragraphs share a number (44, 1,100)
/// with the nearest Chinese paragraph after them than with the one before.
/// Without numbers to tell, the Chinese version comes first.
pub(super) fn translations_follow(ex: &Extraction) -> bool {
    // Most documents are in one language: nothing to pair.
    let english = ex.sentences.iter().filter(|s| s.english).count();
    if english == 0 || english == ex.sentences.len() {
        return false;
    }
    let mut paragraphs: Vec<(usize, bool, Vec<String>)> = Vec::new();
    for s in &ex.sentences {
        let numbers = numbers_in(&ex.text[s.start..s.end]);
        match paragraphs.last_mut() {
            Some(last) if last.0 == s.paragraph => {
                last.1 &= s.english;
                last.2.extend(numbers);
            }
            _ => paragraphs.push((s.paragraph, s.english, numbers)),
        }
    }
    let shared = |a: &[String], b: &[String]| a.iter().any(|n| b.contains(n));
    let (mut before, mut after) = (0, 0);
    for (k, (p, english, numbers)) in paragraphs.iter().enumerate() {
        if !english || numbers.is_empty() {
            continue;
        }
        let near = |q: &&(usize, bool, Vec<String>)| !q.1 && q.0.abs_diff(*p) <= 3;
        if paragraphs[..k]
            .last()
            .filter(near)
            .is_some_and(|q| shared(numbers, &q.2))
        {
            before += 1;
        }
        if paragraphs
            .get(k + 1)
            .filter(near)
            .is_some_and(|q| shared(numbers, &q.2))
        {
            after += 1;
        }
    }
    after > before
}

/// The numbers of two or more digits in `s`, without thousands separators (1,100 → 1100).
fn numbers_in(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            current.push(c);
        } else if c == ',' && !current.is_empty() && chars.peek().is_some_and(char::is_ascii_digit) {
            continue;
        } else if !current.is_empty() {
            if current.len() >= 2 {
                out.push(std::mem::take(&mut current));
            } else {
                current.clear();
            }
        }
    }
    if current.len() >= 2 {
        out.push(current);
    }
    out
}

/// An entity named only in English here.
/// The byte range of a Chinese name in brackets that starts right after
/// byte `end` (after spaces): two to twenty Chinese characters, nothing else.
fn bracketed_gloss(text: &str, end: usize) -> Option<(usize, usize)> {
    let rest = text.get(end..)?;
    let open = rest.len() - rest.trim_start_matches(' ').len();
    let after_open = rest[open..].strip_prefix(['(', '（'])?;
    let start = end + open + (rest.len() - open - after_open.len());
    // The gloss runs to the bracket's close, or to a comma before a defined
    // term (布莱特沃特传感器(苏州)有限公司, "BW Suzhou"); a bracket inside it
    // (苏州) is part of the name.
    let mut depth = 0usize;
    let mut inner_len = None;
    for (p, c) in after_open.char_indices() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' if depth > 0 => depth -= 1,
            ')' | '）' | ',' | '，' if depth == 0 => {
                inner_len = Some(p);
                break;
            }
            _ => {}
        }
    }
    let inner = &after_open[..inner_len?];
    let n = inner.chars().count();
    let cjk = |c: char| super::entities::is_cjk(c) || matches!(c, '(' | ')' | '（' | '）');
    let opens_cjk = inner.chars().next().is_some_and(super::entities::is_cjk);
    ((2..=30).contains(&n) && opens_cjk && inner.chars().all(cjk)).then_some((start, start + inner.len()))
}

/// An abbreviation in brackets at `at` ( (WND), (SSTT), (CATL)): two to
/// eight capitals or digits, a capital first; and where the brackets end.
fn bracketed_abbreviation(text: &str, at: usize) -> Option<(&str, usize)> {
    let rest = text.get(at..)?;
    let inner = rest.strip_prefix(" (").or_else(|| rest.strip_prefix('('))?;
    let close = inner.find(')')?;
    let abbreviation = &inner[..close];
    let capitals = (2..=8).contains(&abbreviation.len())
        && abbreviation.starts_with(|c: char| c.is_ascii_uppercase())
        && abbreviation
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    capitals.then(|| (abbreviation, at + (rest.len() - inner.len()) + close + 1))
}

/// A term an English report defines after a name and its Chinese gloss
/// (Brightwater Sensors (Suzhou) Co., Ltd. (布莱特沃特传感器(苏州)有限公司,
/// "BW Suzhou")), or an abbreviation in brackets after the name (Wuxi
/// National Hi-tech District (WND)): each later use of the term in an English
/// sentence names that entity (BW Suzhou owns 86,400 square meters …, WND
/// hosts …).
pub(super) fn add_defined_terms(text: &str, ex: &mut Extraction) {
    let mut terms: Vec<(String, usize, usize)> = Vec::new();
    for (i, m) in ex.mentions.iter().enumerate() {
        if m.english.is_none() || !matches!(m.kind, Kind::Enterprise | Kind::Institute | Kind::Zone | Kind::Agency) {
            continue;
        }
        // An abbreviation in brackets right after the name (Wuxi National
        // Hi-tech District (WND), Dalian Hi-tech Industrial Zone (DHTZ)).
        if let Some((abbreviation, end)) = bracketed_abbreviation(text, m.end) {
            if !terms.iter().any(|t| t.0 == abbreviation) {
                terms.push((abbreviation.to_string(), i, end));
            }
            continue;
        }
        let Some((_, gloss_end)) = bracketed_gloss(text, m.end) else {
            continue;
        };
        let rest = text[gloss_end..].trim_start_matches([',', '，', ' ']);
        let Some(quoted) = rest.strip_prefix(['"', '“']) else {
            continue;
        };
        let Some(close) = quoted.find(['"', '”']) else {
            continue;
        };
        let term = &quoted[..close];
        let defined_end = gloss_end + (rest.len() - quoted.len()) + close;
        let proper = term.chars().next().is_some_and(|c| c.is_ascii_uppercase());
        if proper && (2..=30).contains(&term.len()) && term.is_ascii() && !terms.iter().any(|t| t.0 == term) {
            terms.push((term.to_string(), i, defined_end + (text.len() - defined_end).min(1)));
        }
    }
    let mut found: Vec<Mention> = Vec::new();
    for (term, of, after) in &terms {
        for (p, _) in text[*after..].match_indices(term.as_str()) {
            let (start, end) = (after + p, after + p + term.len());
            let word_edge = |c: Option<char>| !c.is_some_and(|c| c.is_ascii_alphanumeric());
            if !word_edge(text[..start].chars().next_back()) || !word_edge(text[end..].chars().next()) {
                continue;
            }
            let si = ex.sentences.partition_point(|s| s.start <= start).saturating_sub(1);
            let english = ex.sentences.get(si).is_some_and(|s| s.english && end <= s.end);
            let covered = ex.mentions.iter().chain(&found).any(|m| m.start < end && start < m.end);
            if english && !covered {
                found.push(english_mention(&ex.mentions[*of], term, start, end, si));
            }
        }
    }
    ex.insert_mentions(found);
}

/// The items of an English list of leading industries (A, B and C are its
/// leading industries; its pillar industries include A and B), each an
/// industry, the taxonomy's or not: an item holding a shorter industry
/// (advanced equipment manufacturing) names the whole item. Of a list before
/// the cue, the first item counts only as the industry found at its end: a
/// verb may open it (Baoji lists titanium materials, …).
pub(super) fn add_listed_industries(text: &str, ex: &mut Extraction) {
    let lr = &Rules::get().relations.leading_industry;
    let mut added: Vec<Mention> = Vec::new();
    let mut replaced: Vec<usize> = Vec::new();
    for (si, sentence) in ex.sentences.iter().enumerate() {
        // (A translation's industries are its Chinese paragraph's.)
        if !sentence.english
            || !sentence.cues.has(super::rules::Cue::LeadingIndustry)
            || !translated_mentions(ex, sentence.paragraph).is_empty()
        {
            continue;
        }
        let s = &text[sentence.start..sentence.end];
        let Some((cue_pos, cue)) = lr
            .cues
            .iter()
            .filter(|c| c.is_ascii())
            .filter_map(|c| s.rfind(c.as_str()).map(|p| (p, c)))
            .max()
        else {
            continue;
        };
        let before = s[..cue_pos].trim_end();
        let before = lr
            .english_counts
            .iter()
            .find_map(|n| before.strip_suffix(n.as_str()).filter(|b| b.ends_with(' ')))
            .map_or(before, str::trim_end);
        let copula_at = lr
            .english_copulas
            .iter()
            .find_map(|c| before.strip_suffix(c.as_str()).filter(|b| b.ends_with(' ')))
            .map(|b| b.trim_end().len());
        let (region, before_cue) = match copula_at {
            Some(end) => (0..end, true),
            None => {
                let after = cue_pos + cue.len();
                let Some(start) = lr
                    .english_list_openers
                    .iter()
                    .find_map(|w| s[after..].strip_prefix(w.as_str()))
                    .map(|rest| s.len() - rest.len())
                else {
                    continue;
                };
                let end = s[start..].find(['.', ';']).map_or(s.len(), |q| start + q);
                (start..end, false)
            }
        };
        let industries: Vec<usize> = (0..ex.mentions.len())
            .filter(|&k| ex.mentions[k].sentence == si && ex.mentions[k].kind == Kind::Industry)
            .collect();
        let at = |p: usize| sentence.start + p;
        // The items: the separators outside the industries found.
        let mut items: Vec<(usize, usize)> = Vec::new();
        let (mut item_start, mut p) = (region.start, region.start);
        while p < region.end {
            let inside = industries
                .iter()
                .any(|&k| ex.mentions[k].start < at(p) && at(p) < ex.mentions[k].end);
            if let Some(w) = [", and ", ", ", " and "]
                .into_iter()
                .find(|w| !inside && s[p..region.end].starts_with(w))
            {
                items.push((item_start, p));
                p += w.len();
                item_start = p;
                continue;
            }
            p += s[p..].chars().next().map_or(1, char::len_utf8);
        }
        items.push((item_start, region.end));
        for (n, &(a, b)) in items.iter().enumerate() {
            let item = s[a..b].trim();
            let a = a + (s[a..b].len() - s[a..b].trim_start().len());
            // (Without an article: the digital economy.)
            let article = ["the ", "a ", "an "]
                .into_iter()
                .find(|w| item.starts_with(w))
                .map_or(0, str::len);
            let (item, a) = (&item[article..], a + article);
            let b = a + item.len();
            let words: Vec<&str> = item.split(' ').collect();
            let lower = words
                .iter()
                .all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c == '-'));
            let found_whole = industries
                .iter()
                .any(|&k| ex.mentions[k].start == at(a) && ex.mentions[k].end == at(b));
            if (before_cue && n == 0) || !lower || words.len() > 6 || found_whole {
                continue;
            }
            replaced.extend(
                industries
                    .iter()
                    .copied()
                    .filter(|&k| at(a) <= ex.mentions[k].start && ex.mentions[k].end <= at(b)),
            );
            added.push(english_only(Kind::Industry, item, at(a), at(b), si));
        }
    }
    if !added.is_empty() {
        let mut k = 0;
        ex.mentions.retain(|_| {
            k += 1;
            !replaced.contains(&(k - 1))
        });
        ex.insert_mentions(added);
    }
}

fn english_only(kind: Kind, phrase: &str, start: usize, end: usize, sentence: usize) -> Mention {
    Mention {
        kind,
        name: phrase.to_string(),
        start,
        end,
        sentence,
        via: Via::Context,
        canonical: None,
        entry: None,
        aliases: Vec::new(),
        english: Some(phrase.to_string()),
    }
}

/// A mention of the Chinese entity `of`, written in English here.
fn english_mention(of: &Mention, phrase: &str, start: usize, end: usize, sentence: usize) -> Mention {
    Mention {
        kind: of.kind,
        name: of.name.clone(),
        start,
        end,
        sentence,
        via: Via::Context,
        canonical: of.canonical.clone(),
        entry: of.entry,
        aliases: Vec::new(),
        english: Some(phrase.to_string()),
    }
}

/// The Chinese mention an English name stands for: the one of the same kind
/// whose proper part (without zone ending, 国家) has the same pinyin as the
/// English proper words, in the paired paragraph first, then anywhere; else
/// the `nth` mention of that kind in the paired paragraph.
fn align(
    ex: &Extraction,
    paired: &[usize],
    all: &[usize],
    kind: Kind,
    (phrase, proper): (&str, &[&str]),
    nth: usize,
) -> Option<usize> {
    // A high-tech zone's English name is no other zone's of its city
    // (Suzhou National High-tech … Zone is not 苏州工业园区).
    let high_tech = kind == Kind::Zone && english_ref::names_high_tech(phrase);
    let translated = &Rules::get().entities.english.translated_syllables;
    let wanted: String = proper
        .iter()
        .map(|w| {
            translated
                .get(*w)
                .cloned()
                .unwrap_or_else(|| w.to_ascii_lowercase().replace(['-', '\''], ""))
        })
        .collect();
    if !wanted.is_empty() {
        for pool in [paired, all] {
            let hit = pool.iter().copied().find(|&i| {
                let m = &ex.mentions[i];
                if m.kind != kind || m.english.is_some() {
                    return false;
                }
                let names = || {
                    [Some(m.name.as_str()), m.canonical.as_deref()]
                        .into_iter()
                        .flatten()
                        .chain(m.aliases.iter().map(String::as_str))
                };
                if high_tech && !names().any(|n| Rules::get().entities.zone.high_tech(n)) {
                    return false;
                }
                [Some(m.name.as_str()), m.canonical.as_deref()]
                    .into_iter()
                    .flatten()
                    .chain(m.aliases.iter().map(String::as_str))
                    .any(|name| {
                        let syl = syllables(name);
                        // The proper part must be a whole run of leading syllables.
                        let mut acc = String::new();
                        for s in &syl {
                            acc.push_str(s);
                            if acc == wanted {
                                return kind != Kind::Zone || proper_part_len(name) == acc.len();
                            }
                            if acc.len() >= wanted.len() {
                                break;
                            }
                        }
                        false
                    })
            });
            if hit.is_some() {
                return hit;
            }
        }
    }
    let same: Vec<usize> = paired
        .iter()
        .copied()
        .filter(|&i| ex.mentions[i].kind == kind && ex.mentions[i].english.is_none())
        .collect();
    // By order only where a translation keeps it and names are hard to
    // match by sound (companies, projects); not institutes or policies,
    // whose English names are translations of their meaning.
    if matches!(kind, Kind::Enterprise | Kind::Project) {
        return same.get(nth).copied();
    }
    None
}

/// Length in pinyin letters of a zone name's proper part (嘉兴 of 嘉兴国家高新区).
fn proper_part_len(name: &str) -> usize {
    let core = english_ref::zone_place_part(name, &Rules::get().zone_suffixes_longest_first);
    syllables(&core).iter().map(String::len).sum()
}

/// The length of a period in brackets that opens `rest` (" (2023-2027)",
/// "(2024–2026)"), or 0.
fn period_after(rest: &str) -> usize {
    let trimmed = rest.trim_start_matches(' ');
    let Some(inner) = trimmed.strip_prefix('(') else {
        return 0;
    };
    let Some(close) = inner.find(')') else {
        return 0;
    };
    let inside = &inner[..close];
    let years: Vec<&str> = inside.split(['-', '–', '—']).collect();
    let is_year = |y: &str| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit());
    // (2024 Edition), (Trial): an edition or a status, with or without its year.
    let edition = || {
        let words = inside
            .split_once(' ')
            .filter(|(y, _)| is_year(y))
            .map_or(inside, |(_, w)| w);
        Rules::get().entities.english.title_brackets.iter().any(|b| b == words)
    };
    if years.len() == 2 && years.iter().all(|y| is_year(y)) || edition() {
        rest.len() - trimmed.len() + 1 + close + 1
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::{extract, Extraction, Kind, Predicate};
    use crate::normalize::clean;

    /// The names of the mentions of one kind, in the order they were found.
    fn names(ex: &Extraction, kind: Kind) -> Vec<&str> {
        ex.mentions
            .iter()
            .filter(|m| m.kind == kind)
            .map(|m| m.name.as_str())
            .collect()
    }

    #[test]
    fn nordic_and_other_legal_forms_end_a_company_s_name() {
        let ex = extract(&clean(
            "Lanhe Automation Oy opened a plant in the zone in 2021. Qingxi Hydraulics AB expanded its plant there.",
        ));
        let firms = names(&ex, Kind::Enterprise);
        for firm in ["Lanhe Automation Oy", "Qingxi Hydraulics AB"] {
            assert!(firms.contains(&firm), "{firm}: {firms:?}");
        }
    }

    #[test]
    fn english_names_align_with_chinese_by_pinyin() {
        let text = "青溪高新区与蓝河材料签约。\nQingxi High-Tech Zone signed with Lanhe Materials.";
        let ex = extract(&clean(text));
        let english: Vec<(Kind, String, String)> = ex
            .mentions
            .iter()
            .filter_map(|m| m.english.clone().map(|e| (m.kind, m.name.clone(), e)))
            .collect();
        assert!(
            english.contains(&(Kind::Zone, "青溪高新区".into(), "Qingxi High-Tech Zone".into())),
            "{english:?}"
        );
        // A word that translates a syllable (Lake: 湖) still aligns.
        let ex = extract(&clean(
            "白山湖高新区扩区获批。\nBaishan Lake High-Tech Zone was expanded.",
        ));
        assert!(
            ex.mentions
                .iter()
                .any(|m| m.name == "白山湖高新区" && m.english.as_deref() == Some("Baishan Lake High-Tech Zone")),
            "{:?}",
            ex.mentions
        );
    }

    #[test]
    fn a_plan_s_period_in_brackets_is_part_of_its_title() {
        let ex = extract(&clean(
            "The Qingxi High-tech Zone issued the Qingxi Photonics Industry Development Plan (2024-2026) in May.",
        ));
        let policies: Vec<&str> = ex
            .mentions
            .iter()
            .filter(|m| m.kind == Kind::Policy)
            .map(|m| m.name.as_str())
            .collect();
        assert_eq!(policies, ["Qingxi Photonics Industry Development Plan (2024-2026)"]);
        assert_eq!(super::period_after(" (2024–2026) in May"), " (2024–2026)".len());
        assert_eq!(super::period_after(" (QPIDP) in May"), 0);
        assert_eq!(super::period_after(" (2024 Edition) in May"), " (2024 Edition)".len());
        assert_eq!(super::period_after(" (Trial)"), " (Trial)".len());
    }

    #[test]
    fn an_english_paragraph_pairs_with_the_chinese_one_that_shares_its_numbers() {
        // English first, then Chinese: the numbers tell.
        let ex = extract(&clean(
            "Guide\n\nQingxi Software Park: about 1,100 companies on 44 square kilometres.\n\n青溪软件园:入驻企业约1100家,面积44平方公里。\n\n\
             Baishan Bio-Town: 2,300 employees.\n\n白山生物城:从业人员2300人。",
        ));
        assert!(ex.translations_follow);
        // Chinese first (or no numbers to tell): the paragraph before.
        let ex = extract(&clean(
            "标题\n\n青溪软件园:入驻企业约1100家。\n\nQingxi Software Park: about 1,100 companies.",
        ));
        assert!(!ex.translations_follow);
        assert_eq!(super::numbers_in("1,100 firms, 3 parks, 44 km"), ["1100", "44"]);
    }

    #[test]
    fn titles_that_name_a_zone_are_policies_not_zones() {
        let ex = extract(&clean(
            "The committee issued Several Policies of Qingxi High-tech Zone on Supporting the Photonics Industry in 2023. \
             The city carries out the Qingxi Action Plan for a World-Class Photonics Cluster (2023-2027).",
        ));
        assert_eq!(
            names(&ex, Kind::Policy),
            [
                "Several Policies of Qingxi High-tech Zone on Supporting the Photonics Industry",
                "Qingxi Action Plan for a World-Class Photonics Cluster (2023-2027)"
            ]
        );
        assert!(
            names(&ex, Kind::Zone).iter().all(|z| !z.contains("Policies")),
            "{:?}",
            names(&ex, Kind::Zone)
        );
        // A guide's title and a section's number are no part of a zone's name.
        let ex = extract(&clean(
            "Investment Guide of Qingxi Hi-tech Industrial Development Zone\n\n2.1 Baishan High-tech Industrial Development Zone\n\nThe zones grew fast.",
        ));
        assert_eq!(
            names(&ex, Kind::Zone),
            [
                "Qingxi Hi-tech Industrial Development Zone",
                "Baishan High-tech Industrial Development Zone"
            ]
        );
    }

    #[test]
    fn a_chinese_name_in_brackets_glosses_the_english_one() {
        let text = "The chain is led by Lanhe Photonics Group Co., Ltd. (青溪蓝河光子科技股份有限公司), \
                    and by Qiaoyun Ltd. (桥云智造), a supplier based in Hangzhou Co., Ltd. (杭州).";
        let ex = extract(&clean(text));
        let english: Vec<(String, String, Vec<String>)> = ex
            .mentions
            .iter()
            .filter(|m| m.kind == Kind::Enterprise)
            .filter_map(|m| m.english.clone().map(|e| (e, m.name.clone(), m.aliases.clone())))
            .collect();
        // The gloss a mention already names: one entity, and Group does not
        // end the name before Co., Ltd.
        assert!(
            english.contains(&(
                "Lanhe Photonics Group Co., Ltd.".into(),
                "青溪蓝河光子科技股份有限公司".into(),
                vec![]
            )),
            "{english:?}"
        );
        assert!(
            !english.iter().any(|(e, _, _)| e == "Lanhe Photonics Group"),
            "{english:?}"
        );
        // A place in brackets glosses nothing.
        assert!(
            english
                .iter()
                .all(|(_, _, aliases)| !aliases.contains(&"杭州".to_string())),
            "{english:?}"
        );
        // A gloss with a bracket of its own, before a defined term.
        let text = "Our plant is run by Lanhe Sensors (Qingxi) Co., Ltd. (蓝河传感器(青溪)有限公司, \"LH Qingxi\").";
        let ex = extract(&clean(text));
        let glossed: Vec<(Option<String>, String)> = ex
            .mentions
            .iter()
            .filter(|m| m.kind == Kind::Enterprise)
            .map(|m| (m.english.clone(), m.name.clone()))
            .collect();
        // (Both names, one entity: the English mention takes the gloss's name.)
        assert!(
            glossed.iter().all(|(_, name)| name == "蓝河传感器(青溪)有限公司"),
            "{glossed:?}"
        );
        assert!(
            glossed
                .iter()
                .any(|(english, _)| english.as_deref() == Some("Lanhe Sensors (Qingxi) Co., Ltd.")),
            "{glossed:?}"
        );
    }

    #[test]
    fn a_term_defined_after_a_gloss_names_the_company_later() {
        let text = "Properties\n\nOur plant is run by Lanhe Sensors (Qingxi) Co., Ltd. (蓝河传感器(青溪)有限公司, \
                    \"LH Qingxi\") in Qingxi. LH Qingxi owns approximately 86,400 square meters of buildings.";
        let ex = extract(&clean(text));
        let later: Vec<&str> = ex
            .mentions
            .iter()
            .filter(|m| m.english.as_deref() == Some("LH Qingxi"))
            .map(|m| m.name.as_str())
            .collect();
        // Once, after its definition (not inside the brackets that define it).
        assert_eq!(later, ["蓝河传感器(青溪)有限公司"]);
    }

    #[test]
    fn an_abbreviation_in_brackets_names_the_zone_later() {
        let text = "3.3 Wuxi National Hi-tech District (WND)\n\n\
                    WND hosts about 330 Japanese firms. In 2023 WND attracted US$1.6 billion of foreign investment.";
        let ex = extract(&clean(text));
        let later: Vec<&str> = ex
            .mentions
            .iter()
            .filter(|m| m.english.as_deref() == Some("WND"))
            .map(|m| m.name.as_str())
            .collect();
        assert_eq!(later, ["无锡高新技术产业开发区", "无锡高新技术产业开发区"]);
        let zone_figure = ex
            .statistics
            .iter()
            .any(|s| ex.mentions[s.subject].name == "无锡高新技术产业开发区" && s.value == "1600000000");
        assert!(zone_figure);
    }

    #[test]
    fn an_unnamed_chinese_gloss_is_the_english_names_alias() {
        let ex = extract(&clean(
            "Biomedicine is led by Lanhe Biologics Co., Ltd. (蓝河生物), which opened a plant in the zone.",
        ));
        let lanhe = ex
            .mentions
            .iter()
            .find(|m| m.english.as_deref() == Some("Lanhe Biologics Co., Ltd."))
            .map(|m| m.aliases.clone());
        assert_eq!(lanhe, Some(vec!["蓝河生物".to_string()]), "{:?}", ex.mentions);
    }

    #[test]
    fn a_board_of_an_exchange_is_one_market() {
        let ex = extract(&clean(
            "Lanhe Materials Co., Ltd. went public on the STAR Market of the Shanghai Stock Exchange in June 2023.",
        ));
        let markets: Vec<Option<&str>> = ex
            .mentions
            .iter()
            .filter(|m| m.kind == Kind::Market)
            .map(|m| m.canonical.as_deref().or(Some(m.name.as_str())))
            .collect();
        assert_eq!(markets, vec![Some("上海证券交易所科创板")], "{:?}", ex.mentions);
    }

    #[test]
    fn english_reports_name_institutes_agencies_and_companies() {
        let ex = extract(&clean(
            "The Qingxi High-Tech Zone signed an agreement with the University of Science and Technology of China. \
             The Ministry of Science and Technology praised Lanhe Materials Co., Ltd. for its new plant.",
        ));
        let named = |kind: Kind, name: &str| ex.mentions.iter().any(|m| m.kind == kind && m.name == name);
        assert!(
            named(Kind::Institute, "University of Science and Technology of China"),
            "{:?}",
            ex.mentions
        );
        assert!(
            ex.mentions
                .iter()
                .any(|m| m.kind == Kind::Agency && m.canonical.as_deref() == Some("科学技术部")),
            "{:?}",
            ex.mentions
        );
        assert!(
            ex.mentions
                .iter()
                .any(|m| m.kind == Kind::Enterprise && m.name.starts_with("Lanhe Materials Co.")),
            "{:?}",
            ex.mentions
        );
    }

    #[test]
    fn a_company_s_name_ends_at_co_without_its_period_or_at_the_ltd_after_it() {
        let ex = extract(&clean(
            "The display chain of Qingxi High-Tech Zone is led by Lanhe Display Technology Co, a panel maker, \
             while Baishan Photonics Co., Ltd. leads its optics chain.",
        ));
        let mut firms = names(&ex, Kind::Enterprise);
        firms.sort_unstable();
        assert_eq!(firms, ["Baishan Photonics Co., Ltd.", "Lanhe Display Technology Co"]);
    }

    #[test]
    fn a_press_release_names_its_listed_company_and_the_zone_s_old_name() {
        let ex = extract(&clean(
            "PRESS RELEASE\n\nBERLIN, June 3, 2025 -- Lindqvist Antriebe SE (Frankfurt Stock Exchange: LQA) \
             today announced a plant in the Qingxi High-Tech Zone. \"We are glad,\" said Dr. Anna Berg, Chief \
             Executive Officer of Lindqvist Antriebe SE. Qingxi High-Tech Zone, which was known as the Baichuan \
             High-Tech Zone until 2012, hosts 300 firms.\n\nAbout Lindqvist Antriebe SE\n\nIt builds drives.",
        ));
        // The legal ending names the company; titles and headings are no part of it.
        assert!(
            names(&ex, Kind::Enterprise)
                .iter()
                .all(|n| *n == "Lindqvist Antriebe SE"),
            "{:?}",
            names(&ex, Kind::Enterprise)
        );
        let name = |k: usize| ex.mentions[k].name.as_str();
        let listed: Vec<(&str, Option<&str>)> = ex
            .relations
            .iter()
            .filter(|r| r.predicate == Predicate::ListedOn)
            .map(|r| {
                (
                    name(r.subject),
                    r.object.and_then(|o| ex.mentions[o].canonical.as_deref()),
                )
            })
            .collect();
        assert_eq!(listed, [("Lindqvist Antriebe SE", Some("法兰克福证券交易所"))]);
        let former: Vec<&str> = ex
            .relations
            .iter()
            .filter(|r| r.predicate == Predicate::FormerName)
            .filter_map(|r| r.literal.as_deref())
            .collect();
        assert_eq!(former, ["Baichuan High-Tech Zone"]);
    }

    #[test]
    fn two_companies_joined_by_and_are_two_and_camel_case_brands_are_names() {
        let ex = extract(&clean(
            "The Qingxi High-Tech Zone is home to eLanhe Co., Ltd. and Baishan Power Supply Co., Ltd.",
        ));
        let companies = names(&ex, Kind::Enterprise);
        assert_eq!(companies, vec!["eLanhe Co., Ltd.", "Baishan Power Supply Co., Ltd."]);
    }

    #[test]
    fn each_item_of_an_english_list_of_leading_industries_is_an_industry() {
        let ex = extract(&clean(
            "Qingxi High-Tech Zone lists titanium materials, advanced equipment manufacturing and new energy \
             vehicle parts as its three pillar industries. Its leading industries are the digital economy, \
             new materials, and energy conservation and environmental protection.",
        ));
        let leading: Vec<&str> = ex
            .relations
            .iter()
            .filter(|r| r.predicate == crate::extract::Predicate::LeadingIndustry)
            .filter_map(|r| r.object.and_then(|o| ex.mentions[o].english.as_deref()))
            .collect();
        for industry in [
            "advanced equipment manufacturing",
            "new energy vehicle parts",
            "digital economy",
            "new materials",
            "energy conservation and environmental protection",
        ] {
            assert!(leading.contains(&industry), "{industry}: {leading:?}");
        }
        // The first item of a list before the cue may open with a verb: not taken whole.
        assert!(!leading.iter().any(|i| i.contains("lists")), "{leading:?}");
    }

    #[test]
    fn english_industries_before_a_copula_and_the_cue_are_leading() {
        let ex = extract(&clean(
            "The Qingxi High-Tech Zone grows fast. Biomedicine and new materials are the leading industries of the zone.",
        ));
        let leading = ex
            .relations
            .iter()
            .filter(|r| r.predicate == crate::extract::Predicate::LeadingIndustry)
            .count();
        assert_eq!(leading, 2, "{:?}", ex.relations);
    }

    #[test]
    fn an_etdz_is_a_zone_an_article_can_be_about() {
        let ex = extract(&clean(
            "The Qingxi Bonded Zone sits inside the development zone. In 2023 the Qingxi ETDZ reported industrial output of CNY 51.2 billion.",
        ));
        let subjects: Vec<&str> = ex
            .statistics
            .iter()
            .map(|s| ex.mentions[s.subject].name.as_str())
            .collect();
        assert_eq!(subjects, vec!["Qingxi ETDZ"], "{:?}", ex.mentions);
    }

    #[test]
    fn an_english_policy_named_head_first_and_its_issuer() {
        use crate::extract::Predicate;
        let ex = extract(&clean(
            "In 2021 the Baishan Provincial People's Government issued the Implementation Opinions on Supporting \
             the Growth of Development Zones in Baishan, which tie land quotas to an annual score.",
        ));
        let policies = names(&ex, Kind::Policy);
        let title = "Implementation Opinions on Supporting the Growth of Development Zones in Baishan";
        assert_eq!(policies, vec![title], "{:?}", ex.mentions);
        let issued: Vec<(&str, &str)> = ex
            .relations
            .iter()
            .filter(|r| r.predicate == Predicate::IssuedBy)
            .filter_map(|r| {
                Some((
                    ex.mentions[r.subject].name.as_str(),
                    ex.mentions[r.object?].name.as_str(),
                ))
            })
            .collect();
        assert_eq!(issued, vec![(title, "Baishan Provincial People's Government")]);
    }

    #[test]
    fn english_government_bodies_are_agencies() {
        let ex = extract(&clean(
            "青溪高新区管委会召开发布会。\nThe Administrative Committee of Qingxi High-tech Industrial Development Zone held a press conference.",
        ));
        let agencies: Vec<(String, Option<String>)> = ex
            .mentions
            .iter()
            .filter(|m| m.kind == Kind::Agency)
            .map(|m| (m.name.clone(), m.english.clone()))
            .collect();
        // Head first, the body of the zone its name ends with: the Chinese
        // agency it translates.
        assert!(
            agencies.contains(&(
                "青溪高新区管委会".to_string(),
                Some("The Administrative Committee of Qingxi High-tech Industrial Development Zone".to_string())
            )) || agencies.contains(&(
                "青溪高新区管委会".to_string(),
                Some("Administrative Committee of Qingxi High-tech Industrial Development Zone".to_string())
            )),
            "{agencies:?}"
        );
        assert!(
            !names(&ex, Kind::Zone).iter().any(|z| z.starts_with("Administrative")),
            "{:?}",
            ex.mentions
        );
        // By their endings, in an English report.
        let ex = extract(&clean(
            "The Baishan Administrative Committee and the Jiangsu Provincial People's Government attended the launch.",
        ));
        let english = names(&ex, Kind::Agency);
        assert!(english.contains(&"Baishan Administrative Committee"), "{english:?}");
        assert!(
            english.contains(&"Jiangsu Provincial People's Government"),
            "{english:?}"
        );
    }

    #[test]
    fn english_leading_industries_after_a_count_and_chain_leaders_after_is() {
        let text = "Qingxi High-tech Zone names biomedicine, new materials and integrated circuits as its three leading industries.\n\
                    In integrated circuits, the zone's chain leader is Lanhe Microelectronics Co., Ltd., which moved there in 2021.";
        let ex = extract(&clean(text));
        let leading = ex
            .relations
            .iter()
            .filter(|r| r.predicate == crate::extract::Predicate::LeadingIndustry)
            .count();
        assert_eq!(leading, 3, "{:?}", ex.relations);
        assert_eq!(
            crate::extract::chain_leads(text),
            [("Lanhe Microelectronics Co., Ltd.".to_string(), "集成电路".to_string())]
        );
    }

    #[test]
    fn an_english_report_on_a_zone() {
        use crate::extract::Predicate;
        let ex = extract(&clean(
            "The Qingxi High-Tech Zone grew fast. Biomedicine and new energy are the zone's leading industries. \
             It is home to 300 enterprises, including Yuanshan Technology Co., Ltd. and Bailu Corporation. \
             Bailu Corporation, listed on the Shanghai Stock Exchange in 2015, works with Qingxi University Graduate School.",
        ));
        let name = |i: usize| ex.mentions[i].name.as_str();
        let rels: Vec<(Predicate, &str, Option<&str>, Option<&str>)> = ex
            .relations
            .iter()
            .map(|r| (r.predicate, name(r.subject), r.object.map(name), r.date.as_deref()))
            .collect();
        let count = |p: Predicate| rels.iter().filter(|r| r.0 == p).count();
        // The possessive between the copula and the cue: the zone's industries.
        assert_eq!(count(Predicate::LeadingIndustry), 2, "{rels:?}");
        // "home to … including": the zone's enterprises.
        assert_eq!(count(Predicate::LocatedIn), 2, "{rels:?}");
        // A participle clause states the listing, with its year.
        assert!(
            rels.iter()
                .any(|r| r.0 == Predicate::ListedOn && r.1 == "Bailu Corporation" && r.3 == Some("2015")),
            "{rels:?}"
        );
        let institutes = names(&ex, Kind::Institute);
        assert_eq!(institutes, vec!["Qingxi University Graduate School"]);
    }

    #[test]
    fn a_name_in_apposition_with_a_company_noun_is_a_company() {
        let ex = extract(&clean(
            "The Qingxi High-Tech Zone grew. yShan, a leading sensor maker headquartered in the zone, opened a plant. \
             Baishan, a city in the east, grew.",
        ));
        let companies = names(&ex, Kind::Enterprise);
        assert_eq!(companies, vec!["yShan"]);
    }

    #[test]
    fn a_name_after_a_place_s_based_is_a_company() {
        let ex = extract(&clean(
            "The Qingxi High-Tech Zone grew. Singapore-based Lumen Photonics broke ground on a plant in the zone. \
             The zone counted 4,160 Tech-based SMEs.",
        ));
        assert_eq!(names(&ex, Kind::Enterprise), vec!["Lumen Photonics"]);
    }

    #[test]
    fn english_policies_by_their_endings() {
        let ex = extract(&clean(
            "Under the 14th Five-Year Plan, the Qingxi High-Tech Zone launched the Talent Gathering Initiative and adopted a growth strategy.",
        ));
        let policies = names(&ex, Kind::Policy);
        assert_eq!(policies, ["14th Five-Year Plan", "Talent Gathering Initiative"]);
    }

    #[test]
    fn zones_named_only_in_english_are_kept() {
        let ex = extract(&clean(
            "Qingxi lies in the Baishan Science and Technology Innovation Corridor of the region.",
        ));
        assert!(ex
            .mentions
            .iter()
            .any(|m| m.kind == Kind::Zone && m.name == "Baishan Science and Technology Innovation Corridor"));
    }

    #[test]
    fn names_with_a_place_in_parentheses_and_institutes_joined_by_and() {
        let ex = extract(&clean(
            "The Qingxi High-Tech Zone hosts Lanhe (China) Optics Co., Ltd., near the Baishan (Qingxi) Science and Technology City. \
             The Qingxi Academy of Marine Physics and Baishan University of Science and Technology are both in the city.",
        ));
        assert_eq!(names(&ex, Kind::Enterprise), ["Lanhe (China) Optics Co., Ltd."]);
        assert!(
            names(&ex, Kind::Zone).contains(&"Baishan (Qingxi) Science and Technology City"),
            "{:?}",
            ex.mentions
        );
        assert_eq!(
            names(&ex, Kind::Institute),
            [
                "Qingxi Academy of Marine Physics",
                "Baishan University of Science and Technology"
            ]
        );
    }

    #[test]
    fn a_high_tech_zone_s_english_name_is_not_another_zone_of_its_city() {
        let ex = extract(&clean(
            "Suzhou Industrial Park (苏州工业园区) reported higher output this year.\n\n\
             It competes with Suzhou National High-tech Industrial Development Zone for investors.",
        ));
        let mut zones: Vec<&str> = ex
            .mentions
            .iter()
            .filter(|m| m.kind == Kind::Zone)
            .map(|m| m.canonical.as_deref().unwrap_or(&m.name))
            .collect();
        zones.sort_unstable();
        zones.dedup();
        assert_eq!(zones, ["苏州工业园区", "苏州高新技术产业开发区"], "{:?}", ex.mentions);
    }

    #[test]
    fn the_city_zone_and_a_city_heading_point_to_the_zone_of_that_city() {
        use crate::extract::Predicate;
        let ex = extract(&clean(
            "Our analysts visited the Wuxi National High-Tech Zone and the Changzhou National High-Tech Zone.\n\n\
             2.1 Wuxi: chips first\n\n\
             Wuxi is the larger. The zone's pillar industries are integrated circuits and biomedicine.\n\n\
             2.2 Changzhou: solar power\n\n\
             Lanhe Solar Co., Ltd. leads the photovoltaic chain. The Changzhou zone names photovoltaics as its leading industry.",
        ));
        let zone_of = |p: Predicate| -> Vec<String> {
            ex.relations
                .iter()
                .filter(|r| r.predicate == p)
                .map(|r| ex.mentions[r.subject].name.clone())
                .collect()
        };
        let leading = zone_of(Predicate::LeadingIndustry);
        assert_eq!(
            leading,
            [
                "无锡高新技术产业开发区",
                "无锡高新技术产业开发区",
                "常州高新技术产业开发区"
            ],
            "{:?}",
            ex.relations
        );
        assert_eq!(
            zone_of(Predicate::ChainLeader),
            ["常州高新技术产业开发区"],
            "{:?}",
            ex.relations
        );
    }
}
