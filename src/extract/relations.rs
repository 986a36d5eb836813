//! Relations between mentions: what each sentence is about (its topic
//! zone), then located-in, leading industry, chain leaders, listings,
//! renamings, implemented and issued policies and co-operations, each from
//! the sentence structures that state them (cues in `data/rules/relations.toml`).

use super::rules::{Cue, Rules};
use super::{Extraction, Kind, Mention, Predicate, RelationMention, Sentence, Via};
use crate::gazetteer::Gazetteer;

/// Whether a zone mention names a zone an article can be about.
pub(super) fn is_major_zone(m: &Mention, rules: &Rules, gaz: &Gazetteer) -> bool {
    m.kind == Kind::Zone
        && (m.entry.is_some_and(|e| gaz.entries[e].level == Some("national"))
            || rules
                .entities
                .zone
                .major_suffixes
                .iter()
                .any(|s| m.name.ends_with(s.as_str()))
            || m.english.as_deref() == Some(m.name.as_str())
                && rules
                    .entities
                    .english
                    .major_zone_endings
                    .iter()
                    .any(|s| m.name.ends_with(s.as_str())))
}

/// 以A为链主, 链主是A: the short name in the frame is an enterprise's
/// (以中联重科为链主, 以A、B为龙头), when no list knew it (see `frame_closes`
/// and `frame_after` in relations.toml).
pub(super) fn add_framed_leaders(text: &str, ex: &mut Extraction) {
    let rr = &Rules::get().relations.chain_leader;
    let mut found = Vec::new();
    // A name: 2 to 8 characters where no other name stands, no generic ending.
    let is_name = |name: &str, span: &std::ops::Range<usize>| {
        (2..=8).contains(&name.chars().count())
            && !ex.mentions.iter().any(|m| m.start < span.end && span.start < m.end)
            && !rr.frame_not_endings.iter().any(|e| name.ends_with(e.as_str()))
    };
    for (si, sentence) in ex.sentences.iter().enumerate() {
        let s = &text[sentence.start..sentence.end];
        if !sentence.cues.has(Cue::LeaderFrameClose) || !s.contains('以') {
            continue;
        }
        for close in rr.frame_closes.iter() {
            for (at, _) in s.match_indices(close.as_str()) {
                let before = &s[..at];
                let Some(open) = before.rfind('以') else { continue };
                let held = &before[open + '以'.len_utf8()..];
                let word_part = s[..open]
                    .chars()
                    .next_back()
                    .is_some_and(|c| rr.frame_not_after.contains(c));
                if word_part || held.is_empty() || held.chars().count() > 20 {
                    continue;
                }
                let base = sentence.start + open + '以'.len_utf8();
                let mut offset = 0;
                for name in held.split(['、', '和', '与']) {
                    let span = base + offset..base + offset + name.len();
                    // Past the name and the separator after it.
                    offset += name.len() + held[offset + name.len()..].chars().next().map_or(0, char::len_utf8);
                    let plain = name
                        .chars()
                        .all(|c| super::entities::is_cjk(c) || c.is_ascii_alphanumeric());
                    if plain && is_name(name, &span) {
                        found.push(Mention::from_layout(Kind::Enterprise, name, span, si));
                    }
                }
            }
        }
    }
    // X链的链主是A。
    for (si, sentence) in ex.sentences.iter().enumerate() {
        let s = &text[sentence.start..sentence.end];
        if !sentence.cues.has(Cue::LeaderFrameAfter) {
            continue;
        }
        for cue in rr.frame_after.iter() {
            for (at, _) in s.match_indices(cue.as_str()) {
                let rest = &s[at + cue.len()..];
                // A handle in the clause is the name (链主就是刚上市的@A).
                let clause = &rest[..rest.find([',', ';', '。', '!', '?']).unwrap_or(rest.len())];
                let skipped = clause
                    .find('@')
                    .map_or(rest.len() - rest.trim_start_matches(' ').len(), |p| p + 1);
                let rest = &rest[skipped..];
                let len = rest.find(|c: char| !super::entities::is_cjk(c)).unwrap_or(rest.len());
                let name = &rest[..len];
                let start = sentence.start + at + cue.len() + skipped;
                let span = start..start + len;
                if is_name(name, &span) {
                    found.push(Mention::from_layout(Kind::Enterprise, name, span, si));
                }
            }
        }
    }
    ex.insert_mentions(found);
}

/// A place or zone after a location word and before 的, and the park, firm,
/// institute or project right after (位于大塘埠镇的电子信息产业园, 落户青溪
/// 高新区的A公司): the latter lies in the former.
pub(super) fn add_attributive_locations(text: &str, ex: &mut Extraction) {
    let words = &Rules::get().relations.located_in.attributive_location;
    let mut found = Vec::new();
    for (i, place) in ex.mentions.iter().enumerate() {
        if !matches!(place.kind, Kind::Place | Kind::Zone)
            || !words.iter().any(|w| text[..place.start].ends_with(w.as_str()))
            || !text[place.end..].starts_with('的')
        {
            continue;
        }
        let after = place.end + '的'.len_utf8();
        let located = ex.mentions.iter().position(|m| {
            m.start == after
                && m.sentence == place.sentence
                && matches!(m.kind, Kind::Zone | Kind::Enterprise | Kind::Institute | Kind::Project)
        });
        if let Some(j) = located {
            found.push((j, i, place.sentence));
        }
    }
    for (subject, object, sentence) in found {
        super::tables::relate_once(ex, Predicate::LocatedIn, subject, object, sentence);
    }
}

/// The lines a leader heading heads (`heading_words` in relations.toml, on
/// a line of its own, the chain's industry named on the line above): for
/// each line, the industry mention, the line's sentence and the span of the
/// name that opens it (an English gloss may follow it).
fn headed_leader_lines(text: &str, ex: &Extraction) -> Vec<(usize, usize, std::ops::Range<usize>)> {
    let rr = &Rules::get().relations.chain_leader;
    let mut out = Vec::new();
    for (hi, heading) in ex.sentences.iter().enumerate().skip(1) {
        let line = text[heading.start..heading.end].trim();
        if line.len() > 18 || !rr.heading_words.iter().any(|w| w == line) {
            continue;
        }
        // (The chain named last on the line, right above the heading.)
        let Some(industry) = ex
            .mentions
            .iter()
            .rposition(|m| m.sentence == hi - 1 && m.kind == Kind::Industry)
        else {
            continue;
        };
        for si in hi + 1..ex.sentences.len().min(hi + 12) {
            let s = &ex.sentences[si];
            let line = &text[s.start..s.end];
            let body = line.trim();
            let len = body
                .find(|c: char| !(super::entities::is_cjk(c) || matches!(c, '(' | ')')))
                .unwrap_or(body.len());
            let (name, gloss) = (&body[..len], body[len..].trim());
            let glossed = gloss.is_empty()
                || gloss.starts_with(|c: char| c.is_ascii_alphabetic())
                    && gloss.chars().all(|c| c.is_ascii_alphanumeric() || " .,&-'".contains(c));
            let ends = rr.heading_ends.iter().chain(&rr.heading_words).any(|w| w == name);
            if ends || !glossed || !(2..=20).contains(&name.chars().count()) || name.contains("产业链") {
                break;
            }
            let start = s.start + (line.len() - line.trim_start().len());
            out.push((industry, si, start..start + len));
        }
    }
    out.extend(roster_leader_lines(text, ex));
    out
}

/// A roster of chain leaders, a chain a line (工程机械产业链:A、B;), under a
/// sentence that announces leaders (发布首批“链主”企业名单…具体为:) or
/// after another such line: each name on the line leads the line's chain,
/// though it is only a short name no list knows. For each name: the
/// industry mention, the line's sentence and the name's span.
fn roster_leader_lines(text: &str, ex: &Extraction) -> Vec<(usize, usize, std::ops::Range<usize>)> {
    let rr = &Rules::get().relations.chain_leader;
    let mut out = Vec::new();
    // The sentence of the roster's line found last.
    let mut last_line: Option<usize> = None;
    // (Industries are few: each is asked whether it opens its line, not
    // each sentence whether an industry opens it.)
    for (industry, m) in ex.mentions.iter().enumerate().filter(|(_, m)| m.kind == Kind::Industry) {
        let (si, s) = (m.sentence, &ex.sentences[m.sentence]);
        let after = &text[m.end..s.end];
        let after = ["产业链", "链", "产业"]
            .iter()
            .find_map(|w| after.strip_prefix(w))
            .unwrap_or(after);
        let Some(list) = after.strip_prefix([':', '：']) else {
            continue;
        };
        let opens_line = text[s.start..m.start]
            .chars()
            .all(|c| c.is_whitespace() || crate::normalize::is_line_mark(c));
        if !opens_line {
            continue;
        }
        let announced = si > 0 && last_line == Some(si - 1)
            || (si.saturating_sub(3)..si).any(|k| {
                let prev = &text[ex.sentences[k].start..ex.sentences[k].end];
                rr.cues.found_in(prev) || rr.heading_words.iter().any(|w| prev.contains(w.as_str()))
            });
        if !announced {
            continue;
        }
        let list_start = s.end - list.len();
        let list = list.trim_end_matches([';', '；', '。', ',', '，', ' ']);
        let mut spans = Vec::new();
        let mut offset = list_start;
        for item in list.split('、') {
            let name = item.trim();
            let start = offset + (item.len() - item.trim_start().len());
            offset += item.len() + '、'.len_utf8();
            let plain = name
                .chars()
                .all(|c| super::entities::is_cjk(c) || c.is_ascii_alphanumeric() || matches!(c, '(' | ')'));
            if !plain || !(2..=20).contains(&name.chars().count()) {
                spans.clear();
                break;
            }
            spans.push(start..start + name.len());
        }
        if !spans.is_empty() {
            last_line = Some(si);
            out.extend(spans.into_iter().map(|span| (industry, si, span)));
        }
    }
    out
}

/// The leaders of [`headed_leader_lines`] as enterprise mentions, where no
/// company's name opens the line already (an industry's word inside the
/// name, 楚风动力电池, gives way). Call before the relations are found.
pub(super) fn add_headed_leaders(text: &str, ex: &mut Extraction) {
    let lines = headed_leader_lines(text, ex);
    if lines.is_empty() {
        return;
    }
    let mut found = Vec::new();
    for (_, si, span) in lines {
        let named = ex
            .mentions
            .iter()
            .any(|m| matches!(m.kind, Kind::Enterprise | Kind::Institute) && m.start == span.start);
        if !named {
            ex.mentions.retain(|m| !(span.start <= m.start && m.end <= span.end));
            found.push(Mention::from_layout(Kind::Enterprise, &text[span.clone()], span, si));
        }
    }
    ex.insert_mentions(found);
}

/// … and each leads its chain in the zone the heading's line is about.
pub(super) fn add_headed_chain_leaders(text: &str, ex: &mut Extraction) {
    let mut found = Vec::new();
    for (industry, si, span) in headed_leader_lines(text, ex) {
        // (A slide's lines name no zone: the zone named last before them.)
        let Some(zone) = (0..=si).rev().find_map(|k| ex.topic[k]) else {
            continue;
        };
        let leader = ex
            .mentions
            .iter()
            .position(|m| matches!(m.kind, Kind::Enterprise | Kind::Institute) && m.start == span.start);
        if let Some(leader) = leader {
            found.push((zone, leader, industry, si));
        }
    }
    for (zone, leader, industry, si) in found {
        super::tables::lead_chain_once(ex, zone, leader, industry, si);
    }
}

pub(super) fn find_topics(text: &str, ex: &mut Extraction) {
    let rules = Rules::get();
    let gaz = Gazetteer::get();
    let mut current: Option<usize> = None;
    let mut by_sentence: Vec<Vec<usize>> = vec![Vec::new(); ex.sentences.len()];
    for (i, m) in ex.mentions.iter().enumerate() {
        by_sentence[m.sentence].push(i);
    }
    let dominant = dominant_zone(ex, rules, gaz);
    // The bare word for the dominant zone's kind (高新区), found once.
    let kind_word = dominant.and_then(|d| kind_word(&ex.mentions[d], rules));
    let mut topic = Vec::with_capacity(ex.sentences.len());
    // The park a heading names (海西园:创新策源的主引擎): its section's topic.
    let mut section: Option<usize> = None;
    // A park that opens a sentence (光电产业园位于…): the topic of its paragraph.
    let mut opened: Option<(usize, usize)> = None;
    // The park the sentence before ends with (…的主阵地是A产业园。).
    let mut ended_with_park: Option<usize> = None;
    for (si, sentence) in ex.sentences.iter().enumerate() {
        // A heading (a short line of its own) starts a section: its zone, or none.
        let line_alone = ex
            .sentences
            .get(si + 1)
            .is_none_or(|n| n.paragraph != sentence.paragraph)
            && (si == 0 || ex.sentences[si - 1].paragraph != sentence.paragraph);
        let s = text[sentence.start..sentence.end].trim();
        let opening = opening_zone(text, sentence.start, &by_sentence[si], ex, rules);
        let opening_park = opening.filter(|&o| !is_major_zone(&ex.mentions[o], rules, gaz));
        let (heading_max, stops) = if sentence.english {
            (80, &['.', '!', '?'][..])
        } else {
            (30, &['。'][..])
        };
        if line_alone && s.chars().count() < heading_max && !s.ends_with(stops) {
            // A heading that names a city (2.3 Mianyang: …, 【株洲】…) opens
            // the section of the document's one major zone in that city.
            current = opening_park
                .is_none()
                .then(|| city_zone(&by_sentence[si], ex, rules, gaz))
                .flatten();
            section = opening_park;
        }
        if opened.is_some_and(|(_, p)| p != sentence.paragraph) {
            opened = None;
        }
        let subject = by_sentence[si].iter().copied().find(|&i| {
            let m = &ex.mentions[i];
            if !is_major_zone(m, rules, gaz) || m.via == Via::List {
                return false;
            }
            let before = &text[..m.start];
            let in_list = text[m.end..].starts_with('、') || before.ends_with('、');
            // A short name in brackets right after a zone's (与A高新技术产业开发区
            // (A高新区)签订协议, (以下简称“A高新区”)) stands where that zone
            // stands: the zone's own mention says whether it is the subject.
            // (Looked for within the sentence: not back through the text.)
            let in_sentence = &text[sentence.start.min(m.start)..m.start];
            let bracketed = in_sentence
                .rfind('(')
                .map(|p| p + m.start - in_sentence.len())
                .filter(|&p| before.len() - p <= 24 && !before[p..].contains(')'))
                .is_some_and(|p| {
                    by_sentence[si]
                        .iter()
                        .any(|&k| ex.mentions[k].kind == Kind::Zone && ex.mentions[k].end == p)
                });
            !in_list
                && !bracketed
                && !rules
                    .relations
                    .located_in
                    .not_topic_before
                    .iter()
                    .any(|w| before.ends_with(w.as_str()))
        });
        if let Some(o) = opening_park {
            opened = Some((o, sentence.paragraph));
        } else if opening.is_some() {
            opened = None;
        } else if let Some(park) = ended_with_park.filter(|_| {
            let zr = &rules.entities.zone;
            zr.park_coreference.iter().any(|w| s.starts_with(w.as_str()))
        }) {
            // …的主阵地是A产业园。园区占地2400亩: the park just named.
            opened = Some((park, sentence.paragraph));
        }
        ended_with_park = by_sentence[si].last().copied().filter(|&m| {
            let park = &ex.mentions[m];
            let rest = text[park.end..sentence.end].trim_end();
            park.kind == Kind::Zone
                && !is_major_zone(park, rules, gaz)
                && rest.chars().all(|c| "。!?;”\"」)".contains(c))
        });
        // A park of the article's dominant zone (a science city: a major
        // ending of `park_major_suffixes`, no zone of the tables) is what its
        // paragraph is about, not the rest of the article.
        let name_of = |i: usize| ex.mentions[i].canonical.as_deref().unwrap_or(&ex.mentions[i].name);
        let park_of_dominant = subject.is_some_and(|s| {
            let m = &ex.mentions[s];
            let park_ending = rules
                .entities
                .zone
                .park_major_suffixes
                .iter()
                .any(|e| m.name.ends_with(e.as_str()));
            dominant.is_some_and(|d| name_of(d) != name_of(s)) && park_ending && m.entry.is_none()
        });
        if park_of_dominant {
            if opening.is_none() {
                opened = subject.map(|s| (s, sentence.paragraph));
            }
        } else if subject.is_some() && (section.is_none() || subject == opening) {
            // In a park's section or paragraph, the zone it belongs to, named
            // further on, is not what the sentences are about.
            current = subject;
        }
        // 高新区 early in a sentence naming no zone: the article's zone again.
        let back_to_dominant = subject.is_none()
            && opening.is_none()
            && kind_word.is_some_and(|w| refers_back_by_kind(text, sentence, &by_sentence[si], &ex.mentions, w));
        if back_to_dominant {
            current = dominant;
            opened = None;
        }
        let here = if back_to_dominant {
            dominant
        } else {
            opening.or(opened.map(|(o, _)| o)).or(section).or(subject)
        };
        topic.push(here.or(current).or(dominant));
    }
    ex.topic = topic;
}

/// The bare word for the kind of zone `zone` is (`entities.zone.kind_references`:
/// 高新区 for a 高新技术产业开发区), if its name ends as one of a group's.
fn kind_word<'r>(zone: &Mention, rules: &'r Rules) -> Option<&'r str> {
    let name = zone.canonical.as_deref().unwrap_or(&zone.name);
    rules
        .entities
        .zone
        .kind_references
        .iter()
        .find(|g| g.iter().skip(1).any(|e| name.ends_with(e.as_str())))
        .and_then(|g| g.first())
        .map(String::as_str)
}

/// Whether the sentence refers back to the article's zone by `word`, the
/// bare word for its kind, in its first clause, the word no part of a zone's
/// name there.
fn refers_back_by_kind(
    text: &str,
    sentence: &Sentence,
    in_sentence: &[usize],
    mentions: &[Mention],
    word: &str,
) -> bool {
    let s = &text[sentence.start..sentence.end];
    let clause = s.find([',', ';', ':']).map_or(s, |p| &s[..p]);
    let head = clause.char_indices().nth(16).map_or(clause, |(p, _)| &clause[..p]);
    head.match_indices(word).any(|(p, w)| {
        let (a, b) = (sentence.start + p, sentence.start + p + w.len());
        !in_sentence
            .iter()
            .any(|&k| mentions[k].kind == Kind::Zone && mentions[k].start < b && a < mentions[k].end)
    })
}

/// The zone most of an article is about, if one zone dominates: named in
/// more than half of the mentions of major zones, and twice at least. A
/// short name that ends a longer one of the article is that zone's (火炬高新区,
/// 厦门火炬高新区), and so is a name a zone's own body opens with (包头稀土
/// 高新技术产业开发区管理委员会, 包头稀土高新区开发建设投资集团有限公司). The
/// zone is its mention the gazetteer knows, else of its most frequent name.
///
/// Linear in the mentions: names are grouped through their endings (at
/// most a name's length of lookups each), not compared pairwise.
fn dominant_zone(ex: &Extraction, rules: &Rules, gaz: &Gazetteer) -> Option<usize> {
    type Map<K, V> = foldhash::HashMap<K, V>;
    let key = |i: usize| ex.mentions[i].canonical.as_deref().unwrap_or(&ex.mentions[i].name);
    // The distinct names of the major zone mentions, their counts and
    // their mentions' keys.
    let mut names: Vec<&str> = Vec::new();
    let mut index: Map<&str, usize> = Map::default();
    let mut counts: Vec<usize> = Vec::new();
    let mut majors: Vec<(usize, usize)> = Vec::new();
    for (i, m) in ex.mentions.iter().enumerate() {
        if !is_major_zone(m, rules, gaz) {
            continue;
        }
        let n = *index.entry(m.name.as_str()).or_insert_with(|| {
            names.push(m.name.as_str());
            counts.push(0);
            names.len() - 1
        });
        counts[n] += 1;
        majors.push((i, n));
    }
    if majors.is_empty() {
        return None;
    }
    let mut total = majors.len();
    // Groups of names (union-find): the same key, or one name ending another.
    let mut parent: Vec<usize> = (0..names.len()).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    fn union(parent: &mut [usize], a: usize, b: usize) {
        let (ra, rb) = (root(parent, a), root(parent, b));
        parent[ra] = rb;
    }
    let mut by_key: Map<&str, usize> = Map::default();
    for &(i, n) in &majors {
        let first = *by_key.entry(key(i)).or_insert(n);
        union(&mut parent, n, first);
    }
    // … or the same words before endings of one kind (青溪高新区, 青溪高新技术
    // 产业开发区: `kind_references`), when no list of names knows them.
    let mut by_stem: Map<(&str, usize), usize> = Map::default();
    for (n, name) in names.iter().enumerate() {
        let mut groups = rules.entities.zone.kind_references.iter().enumerate();
        let stem = groups.find_map(|(g, words)| {
            let stem = words.iter().skip(1).find_map(|e| name.strip_suffix(e.as_str()))?;
            (stem.chars().count() >= 2).then_some((stem, g))
        });
        if let Some(stem) = stem {
            let first = *by_stem.entry(stem).or_insert(n);
            union(&mut parent, n, first);
        }
    }
    // Every ending of four characters or more of a name: the longest name
    // it ends.
    let mut endings: Map<&str, usize> = Map::default();
    for (n, name) in names.iter().enumerate() {
        let starts: Vec<usize> = name.char_indices().map(|(p, _)| p).collect();
        for (k, &p) in starts.iter().enumerate() {
            if starts.len() - k < 4 {
                break;
            }
            let ending = &name[p..];
            // (A bare ending, 国家高新区, names no zone of its own: it joins none.)
            let bare = rules.entities.zone.major_suffixes.iter().any(|e| e == ending)
                || rules.entities.zone.coreference.iter().any(|e| e == ending);
            if let Some(&other) = index.get(ending).filter(|_| !bare) {
                union(&mut parent, n, other);
            }
            let longest = endings.entry(ending).or_insert(n);
            if names[*longest].len() < name.len() {
                *longest = n;
            }
        }
    }
    // Bodies named after a zone: counted for the name their own opens with.
    // (A name holding no last character of a major ending is not searched.)
    let ending_chars: Vec<char> = rules
        .entities
        .zone
        .major_suffixes
        .iter()
        .filter_map(|e| e.chars().last())
        .collect();
    for m in ex
        .mentions
        .iter()
        .filter(|m| matches!(m.kind, Kind::Agency | Kind::Enterprise) && m.name.contains(ending_chars.as_slice()))
    {
        let zone_name = rules
            .entities
            .zone
            .major_suffixes
            .iter()
            .filter_map(|e| m.name.find(e.as_str()).map(|p| &m.name[..p + e.len()]))
            .filter(|z| z.len() < m.name.len() && z.chars().count() >= 4)
            .max_by_key(|z| z.len());
        if let Some(&n) = zone_name.and_then(|z| endings.get(z)) {
            counts[n] += 1;
            total += 1;
        }
    }
    let mut group_counts = vec![0usize; names.len()];
    for (n, count) in counts.iter().enumerate() {
        let r = root(&mut parent, n);
        group_counts[r] += count;
    }
    let (best, &count) = group_counts
        .iter()
        .enumerate()
        .max_by_key(|&(r, &c)| (c, std::cmp::Reverse(r)))?;
    if count * 2 <= total || count < 2 {
        return None;
    }
    let mut own: Map<&str, usize> = Map::default();
    for &(i, _) in &majors {
        *own.entry(key(i)).or_default() += 1;
    }
    majors
        .iter()
        .filter(|&&(_, n)| root(&mut parent, n) == best)
        .map(|&(i, _)| (ex.mentions[i].entry.is_some(), own[key(i)], std::cmp::Reverse(i)))
        .max()
        .map(|(.., std::cmp::Reverse(i))| i)
}

/// The industry the paragraph of sentence `si` named last before it.
fn paragraph_industry(ex: &Extraction, si: usize) -> Option<usize> {
    let paragraph = ex.sentences[si].paragraph;
    ex.mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind == Kind::Industry && m.sentence < si && ex.sentences[m.sentence].paragraph == paragraph)
        .max_by_key(|(_, m)| m.start)
        .map(|(k, _)| k)
}

/// The industry of a heading line right above sentence `si` (▶ 电子信息产业链,
/// then 链主企业：A): a line of its own, short, without a full stop, naming
/// one industry.
fn heading_industry(text: &str, ex: &Extraction, si: usize) -> Option<usize> {
    (si.checked_sub(1).map(|p| ex.sentences[p].paragraph) != Some(ex.sentences[si].paragraph))
        .then(|| super::heading_mention(text, ex, si, Kind::Industry, 16, false))
        .flatten()
}

/// The one major zone of the document (named anywhere in it) whose city is
/// the first place `mentions` name, if that place is a city.
fn city_zone(mentions: &[usize], ex: &Extraction, rules: &Rules, gaz: &Gazetteer) -> Option<usize> {
    let place = mentions
        .iter()
        .map(|&i| &ex.mentions[i])
        .find(|m| m.kind == Kind::Place)?;
    let city = place
        .entry
        .map_or(place.name.as_str(), |e| gaz.entries[e].canonical.as_str());
    let short = city.strip_suffix('市').filter(|s| s.chars().count() >= 2)?;
    let in_city = |m: &Mention| {
        is_major_zone(m, rules, gaz)
            && match m.entry {
                Some(e) => gaz.entries[e].city.as_deref() == Some(city),
                None => m.name.starts_with(short),
            }
    };
    let mut zones = ex.mentions.iter().enumerate().filter(|(_, m)| in_city(m));
    let (first, zone) = zones.next()?;
    let name = |m: &Mention| m.canonical.clone().unwrap_or_else(|| m.name.clone());
    let one = zones.all(|(_, m)| name(m) == name(zone));
    one.then_some(first)
}

/// The zone a sentence opens with, as its subject (洪山园位于鼓楼区, 马尾园:
/// 物联网产业的高地): a zone mention at the sentence's start, not the first
/// item of a list (洪山园、仓山园…), nor the zone of an agency that opens it
/// (A产业园管委会表示…).
fn opening_zone(
    text: &str,
    sentence_start: usize,
    mentions: &[usize],
    ex: &Extraction,
    rules: &Rules,
) -> Option<usize> {
    let first = *mentions.first()?;
    let m = &ex.mentions[first];
    if m.kind != Kind::Zone || m.via == Via::List {
        return None;
    }
    let lead = text[sentence_start..m.start].trim_start_matches(|c: char| c.is_whitespace() || "“\"".contains(c));
    let after = &text[m.end..];
    let of_agency = || {
        rules
            .entities
            .agency
            .suffixes
            .iter()
            .any(|s| after.starts_with(s.as_str()))
    };
    (lead.is_empty() && !after.starts_with(['、', '和', '与']) && !of_agency()).then_some(first)
}

/// Whether a zone is named in a list of places visited or compared with
/// (赴苏州工业园区、上海张江科技产业园等地考察): not a park of the zone.
fn visited_list(text: &str, m: &Mention, sentence_start: usize, rules: &Rules) -> bool {
    let before = &text[sentence_start..m.start];
    let clause = before.rsplit([',', ';', ':']).next().unwrap_or(before);
    rules.relations.located_in.visit_words.found_in(clause)
}

/// The length in bytes of a date that `s` ends with (2024年5月, 5月12日, 12日).
fn trailing_date(s: &str) -> Option<usize> {
    let mut len = 0;
    let mut rest = s;
    for unit in ['日', '月', '年'] {
        let Some(head) = rest.strip_suffix(unit) else { continue };
        let digits = head.len() - head.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        if digits == 0 {
            break;
        }
        len += unit.len_utf8() + digits;
        rest = &head[..head.len() - digits];
    }
    (len > 0).then_some(len)
}

/// The year, month and day a sentence gives before `pos` (ISO 8601 prefix).
fn date_in(s: &str) -> Option<String> {
    use std::sync::OnceLock;
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r"((?:19|20)\d{2})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?").expect("valid date pattern")
    });
    let c = re.captures(s)?;
    let mut out = c[1].to_string();
    if let Some(m) = c.get(2) {
        let m: u32 = m.as_str().parse().ok()?;
        out.push_str(&format!("-{m:02}"));
        if let Some(d) = c.get(3) {
            let d: u32 = d.as_str().parse().ok()?;
            out.push_str(&format!("-{d:02}"));
        }
    }
    Some(out)
}

/// The year an English clause gives right after a market (… on the Hong
/// Kong Stock Exchange in 2002): `in YYYY` before the clause's next comma.
fn english_year_after(after: &str) -> Option<String> {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re =
        RE.get_or_init(|| regex::Regex::new(r"^[^,;.]{0,20}?\bin ((?:19|20)\d{2})\b").expect("valid year pattern"));
    re.captures(after).map(|c| c[1].to_string())
}

/// What a policy's own text states about itself, read across sentences:
/// the agency on the line above a notice's heading issued the title the
/// heading hands on (A市人民政府办公室 / 关于印发《B》的通知), and the zones
/// its scope names (本措施适用于…A高新区、B高新区) carry it out.
/// 园区锚定四大主导产业: / ✅新能源汽车:… / ✅电子信息:…: a sentence with a
/// leading-industry cue that ends with a colon heads lines that each open
/// (after a bullet) with an industry of the taxonomy and a colon. For each
/// such line: the cue's sentence, the line's sentence and the industry's span.
fn headed_industry_lines(text: &str, ex: &Extraction) -> Vec<(usize, usize, std::ops::Range<usize>)> {
    let gaz = Gazetteer::get();
    let mut out = Vec::new();
    for (si, sentence) in ex.sentences.iter().enumerate() {
        if !sentence.cues.has(Cue::LeadingIndustry) || !text[sentence.start..sentence.end].trim_end().ends_with(':') {
            continue;
        }
        let mut paragraph = sentence.paragraph;
        for (k, line) in ex.sentences.iter().enumerate().skip(si + 1) {
            if line.paragraph == paragraph {
                continue;
            }
            if line.paragraph != paragraph + 1 {
                break;
            }
            paragraph = line.paragraph;
            let l = &text[line.start..line.end];
            let lead = l.len() - l.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
            let Some(colon) = l[lead..].find(':').map(|p| lead + p) else {
                break;
            };
            let name = &l[lead..colon];
            if name.chars().count() > 10 {
                break;
            }
            // (先进装备制造: a taxonomy's industry with a qualifier before it.)
            let industry = name
                .char_indices()
                .any(|(p, _)| name[p..].chars().count() >= 2 && gaz.industry(&name[p..]).is_some());
            if industry && name.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
                out.push((si, k, line.start + lead..line.start + colon));
            }
        }
    }
    out
}

/// The industries that open the lines a leading-industry cue heads (see
/// [`headed_industry_lines`]), as mentions. Call before the relations are
/// found: the mentions are renumbered.
pub(super) fn add_headed_industries(text: &str, ex: &mut Extraction) {
    let found: Vec<Mention> = headed_industry_lines(text, ex)
        .into_iter()
        .filter(|(_, _, span)| {
            !ex.mentions
                .iter()
                .any(|m| m.kind == Kind::Industry && m.start == span.start && m.end == span.end)
        })
        .map(|(_, k, span)| Mention::from_layout(Kind::Industry, &text[span.clone()], span, k))
        .collect();
    ex.insert_mentions(found);
}

/// … and those industries lead the zone of the cue's sentence.
pub(super) fn add_headed_leading_industries(text: &str, ex: &mut Extraction) {
    let mut found = Vec::new();
    for (si, k, span) in headed_industry_lines(text, ex) {
        let Some(zone) = ex.topic[si] else { continue };
        let industry = ex
            .mentions
            .iter()
            .position(|m| m.kind == Kind::Industry && m.start == span.start && m.end == span.end);
        found.extend(industry.map(|i| (zone, i, k)));
    }
    for (zone, industry, si) in found {
        super::tables::relate_once(ex, Predicate::LeadingIndustry, zone, industry, si);
    }
}

pub(super) fn find_document_policy_relations(text: &str, ex: &mut Extraction) {
    let rr = &Rules::get().relations;
    let mut found: Vec<(Predicate, usize, usize, usize)> = Vec::new();
    for (si, sentence) in ex.sentences.iter().enumerate() {
        let s = &text[sentence.start..sentence.end];
        let in_sentence = |k: usize| ex.mentions[k].sentence == si;
        // The heading: 关于印发《B》的通知, the agency alone on the line above.
        let hands_on = || rr.issued_by.cues.iter().any(|c| s.contains(&format!("{c}《")));
        if si > 0 && s.trim_start().starts_with("关于") && hands_on() {
            let above = &ex.sentences[si - 1];
            let line = text[above.start..above.end].trim();
            let agency = (0..ex.mentions.len()).find(|&k| {
                let m = &ex.mentions[k];
                m.sentence == si - 1 && m.kind == Kind::Agency && text[m.start..m.end] == *line
            });
            let title = (0..ex.mentions.len()).find(|&k| in_sentence(k) && ex.mentions[k].kind == Kind::Policy);
            if let (Some(a), Some(t)) = (agency, title) {
                found.push((Predicate::IssuedBy, t, a, si));
            }
        }
        // The scope: 本措施适用于…A高新区、B高新区 (most sentences have no 本:
        // one scan for the character first).
        if !s.contains('本') {
            continue;
        }
        let Some((noun, at)) = rr.implements.self_references.iter().find_map(|w| {
            let p = s.find(w.as_str())?;
            let rest = &s[p + w.len()..];
            rr.implements
                .applies_to
                .iter()
                .any(|a| rest.starts_with(a.as_str()))
                .then(|| (w.trim_start_matches('本'), sentence.start + p))
        }) else {
            continue;
        };
        let Some(policy) = ex
            .mentions
            .iter()
            .position(|m| m.kind == Kind::Policy && m.name.ends_with(noun))
        else {
            continue;
        };
        found.extend(
            (0..ex.mentions.len())
                .filter(|&k| in_sentence(k) && ex.mentions[k].kind == Kind::Zone && ex.mentions[k].start > at)
                .map(|z| (Predicate::Implements, z, policy, si)),
        );
    }
    for (predicate, subject, object, si) in found {
        super::tables::relate_once(ex, predicate, subject, object, si);
    }
}

/// A、B和C(…)分别位于X省Y市、Z市和W市: the zones listed before 分别 and
/// one of `place_cues`, each with the places of its item after it (items
/// joined by `item_joiners`; a province and its city one item), when the
/// counts agree. A zone's short name in brackets right after it (A(A'))
/// is no item of its own.
fn respective_places(
    text: &str,
    ex: &Extraction,
    ms: &[usize],
    start: usize,
    end: usize,
    rules: &Rules,
) -> Vec<(usize, usize)> {
    let rr = &rules.relations.located_in;
    let s = &text[start..end];
    // (Looked for by its first character: no searcher built per sentence.)
    let Some(at) = s.match_indices('分').map(|(p, _)| start + p).find(|&p| {
        let rest = &text[p..end];
        rest.starts_with("分别")
            && rr
                .place_cues
                .iter()
                .any(|c| rest["分别".len()..].starts_with(c.as_str()))
    }) else {
        return Vec::new();
    };
    let m = |j: usize| &ex.mentions[j];
    let clause_start = start + text[start..at].rfind([';', '。']).map_or(0, |p| p + 1);
    let mut zones: Vec<usize> = Vec::new();
    for &j in ms {
        let z = m(j);
        if z.kind != Kind::Zone || z.start < clause_start || z.end > at {
            continue;
        }
        // (Its short name in brackets: 长春高新技术产业开发区(长春高新区).)
        let gloss = zones
            .last()
            .is_some_and(|&k| z.start < m(k).end || text.get(m(k).end..z.start) == Some("("));
        if !gloss {
            zones.push(j);
        }
    }
    let after_cue = at + "分别".len();
    let clause_end = after_cue + text[after_cue..end].find([',', ';', '。']).unwrap_or(end - after_cue);
    let mut items: Vec<Vec<usize>> = Vec::new();
    let mut last_end = None;
    for &j in ms {
        let p = m(j);
        if p.kind != Kind::Place || p.start < after_cue || p.end > clause_end {
            continue;
        }
        let gap = last_end.map(|e: usize| text.get(e..p.start).unwrap_or(""));
        match gap {
            Some("") => items.last_mut().into_iter().for_each(|item| item.push(j)),
            Some(g) if !rr.item_joiners.iter().any(|w| w == g) => return Vec::new(),
            _ => items.push(vec![j]),
        }
        last_end = Some(p.end);
    }
    if zones.len() < 2 || zones.len() != items.len() {
        return Vec::new();
    }
    zones
        .into_iter()
        .zip(items)
        .flat_map(|(zone, item)| item.into_iter().map(move |place| (zone, place)))
        .collect()
}

/// Whether sentence `s` is a record's field that names a firm serving the
/// entry (环评单位:A咨询有限公司, `[records] service_labels`): the firm lies
/// in no zone by standing there.
pub(crate) fn serves_an_entry(s: &str, rules: &Rules) -> bool {
    // (Most sentences hold no colon: asked before any label is.)
    if !s.contains(':') {
        return false;
    }
    let s = s.trim_start();
    rules
        .relations
        .records
        .service_labels
        .iter()
        .any(|l| s.strip_prefix(l.as_str()).is_some_and(|r| r.starts_with(':')))
}

/// 落户高新区生命健康产业园: a word for the sentence's zone may stand between
/// a cue and the park it settles in. The text before that word, and whether
/// one stood there.
fn without_zone_word<'t>(gap: &'t str, rules: &Rules) -> (&'t str, bool) {
    rules
        .entities
        .zone
        .coreference
        .iter()
        .find_map(|w| gap.strip_suffix(w.as_str()))
        .map_or((gap, false), |g| (g, true))
}

/// The zones named one right after another with `j` among them
/// (武进高新区|绿色智造产业园: a zone, then its park), in text order.
fn park_chain(mentions: &[Mention], sentence_mentions: &[usize], j: usize) -> Vec<usize> {
    let zone_ending_at = |end: usize| {
        sentence_mentions
            .iter()
            .copied()
            .find(|&k| mentions[k].kind == Kind::Zone && mentions[k].end == end)
    };
    let zone_starting_at = |start: usize| {
        sentence_mentions
            .iter()
            .copied()
            .filter(|&k| mentions[k].kind == Kind::Zone && mentions[k].start == start)
            .max_by_key(|&k| mentions[k].end)
    };
    let mut chain = vec![j];
    while let Some(k) = zone_ending_at(mentions[chain[0]].start).filter(|k| !chain.contains(k)) {
        chain.insert(0, k);
    }
    while let Some(k) = chain
        .last()
        .and_then(|&l| zone_starting_at(mentions[l].end))
        .filter(|k| !chain.contains(k))
    {
        chain.push(k);
    }
    chain
}

pub(super) fn find_relations(text: &str, ex: &mut Extraction) {
    let rules = Rules::get();
    let rr = &rules.relations;
    let gaz = Gazetteer::get();
    let mut by_sentence: Vec<Vec<usize>> = vec![Vec::new(); ex.sentences.len()];
    for (i, m) in ex.mentions.iter().enumerate() {
        by_sentence[m.sentence].push(i);
    }
    let mut out: Vec<RelationMention> = Vec::new();
    let rel = |p: Predicate, s: usize, o: usize, si: usize| RelationMention {
        predicate: p,
        subject: s,
        object: Some(o),
        literal: None,
        industry: None,
        date: None,
        sentence: si,
    };
    for (si, sentence) in ex.sentences.iter().enumerate() {
        let s = &text[sentence.start..sentence.end];
        // A translation states the facts of its Chinese paragraph; names it
        // renders otherwise (the Chinese Academy of Sciences in an
        // institute's English name) would add facts the text does not state.
        if sentence.english && !super::english::translated_mentions(ex, sentence.paragraph).is_empty() {
            continue;
        }
        let ms = &by_sentence[si];
        let zone = ex.topic[si];
        let m = |i: usize| &ex.mentions[i];
        let coref = sentence.cues.has(Cue::ZoneCoreference);
        let names_zone = zone.is_some_and(|z| ms.contains(&z) || ms.iter().any(|&i| m(i).name == m(z).name));

        // 开发区位于A县: a word for the zone opens the sentence and says where it lies.
        let refers_located = rules.entities.zone.coreference.iter().any(|w| {
            s.trim_start()
                .strip_prefix(w.as_str())
                .is_some_and(|rest| rr.located_in.place_cues.iter().any(|c| rest.starts_with(c.as_str())))
        });
        // A、B作为C的核心区, A is the core area of C: the zones named lie in C,
        // whatever the sentence is about.
        // A、B和C…分别位于X、Y和Z: each zone lies in its own place, not all
        // in the sentence's zone's.
        let respective = respective_places(text, ex, ms, sentence.start, sentence.end, rules);
        out.extend(
            respective
                .iter()
                .map(|&(zone, place)| rel(Predicate::LocatedIn, zone, place, si)),
        );
        let mut core_containers: Vec<usize> = Vec::new();
        for &j in ms.iter().filter(|&&j| m(j).kind == Kind::Zone) {
            let container = m(j);
            let before = &text[sentence.start..container.start];
            let after = &text[container.end..sentence.end];
            let Some(link) = rr.located_in.core_area_before.iter().find(|w| {
                before.ends_with(w.as_str())
                    && (w.is_ascii()
                        || rr
                            .located_in
                            .core_area_after
                            .iter()
                            .any(|a| after.starts_with(a.as_str())))
            }) else {
                continue;
            };
            let mut end = container.start - link.len();
            let mut members = Vec::new();
            while let Some(&i) = ms
                .iter()
                .find(|&&i| i != j && m(i).kind == Kind::Zone && m(i).end == end)
            {
                members.push(i);
                let Some(joiner) = rr
                    .located_in
                    .item_joiners
                    .iter()
                    .find(|w| text[sentence.start..m(i).start].ends_with(w.as_str()))
                else {
                    break;
                };
                end = m(i).start - joiner.len();
            }
            if !members.is_empty() {
                core_containers.push(j);
            }
            out.extend(members.into_iter().map(|i| rel(Predicate::LocatedIn, i, j, si)));
        }
        // A项目将在B园开工: what the clause builds in a zone after 在 lies
        // there (one of `built_after_zone` right after the zone's names).
        let built_after = |j: usize| {
            let park = park_chain(&ex.mentions, ms, j).last().copied().unwrap_or(j);
            let after = &text[m(park).end..sentence.end];
            rr.located_in
                .built_after_zone
                .iter()
                .any(|w| after.starts_with(w.as_str()))
        };
        // 在B园建设A项目: a project built in a zone named after 在.
        let built_in_zone = |i: usize| {
            if m(i).kind != Kind::Project {
                return None;
            }
            let before = &text[sentence.start..m(i).start];
            let verb = rr
                .located_in
                .built_before_project
                .iter()
                .find(|w| before.ends_with(w.as_str()))?;
            let park = ms
                .iter()
                .copied()
                .filter(|&j| m(j).kind == Kind::Zone && m(j).end == m(i).start - verb.len())
                .min_by_key(|&j| std::cmp::Reverse(m(j).start))?;
            let first = park_chain(&ex.mentions, ms, park).first().copied().unwrap_or(park);
            let (cue_gap, by_word) = without_zone_word(&text[sentence.start..m(first).start], rules);
            cue_gap.ends_with('在').then_some((park, by_word))
        };
        // A项目和B项目将落户C园: what the clause settles in a named zone
        // lies there, not in the sentence's zone.
        let settled_zone = |i: usize| {
            let mut from = m(i).end;
            for &j in ms.iter().filter(|&&j| m(j).start >= m(i).end) {
                // (Mentions may overlap: a name inside another's.)
                let gap = text.get(from..m(j).start)?;
                if gap.contains([',', ';', '。']) || gap.chars().count() > 10 {
                    return None;
                }
                if m(j).kind == Kind::Zone {
                    let (cue_gap, by_word) = without_zone_word(gap, rules);
                    let settled = rr
                        .located_in
                        .settled_before_zone
                        .iter()
                        .any(|c| cue_gap.ends_with(c.as_str()))
                        || cue_gap.ends_with('在') && built_after(j);
                    return settled.then_some((j, by_word));
                }
                if m(j).kind != m(i).kind || !rr.located_in.item_joiners.iter().any(|c| gap == c.as_str()) {
                    return None;
                }
                from = m(j).end;
            }
            None
        };
        // 药谷工业园目前聚集了A公司、B公司: the items a zone gathers, listed
        // right after it, lie there.
        let gathered_zone = |i: usize| {
            let item = m(i);
            let mut first = i;
            // Back over the items of the list (joined by item_joiners).
            while let Some(&j) = ms
                .iter()
                .rev()
                .find(|&&j| m(j).end <= m(first).start && m(j).kind == item.kind)
            {
                let gap = text.get(m(j).end..m(first).start)?;
                if !rr.located_in.item_joiners.iter().any(|w| gap == w.as_str()) {
                    break;
                }
                first = j;
            }
            let zone = ms
                .iter()
                .copied()
                .rfind(|&j| m(j).kind == Kind::Zone && m(j).end <= m(first).start)?;
            let gap = text.get(m(zone).end..m(first).start)?;
            (gap.chars().count() <= 10
                && !gap.contains([',', ';', '。', '，', '；'])
                && rr
                    .located_in
                    .gathered_after_zone
                    .iter()
                    .any(|w| gap.ends_with(w.as_str())))
            .then_some(zone)
        };
        // 位于A高新区的B公司, A园内的B公司: the item a zone's description
        // qualifies lies there.
        let described_zone = |i: usize| {
            let item = m(i);
            ms.iter().copied().rfind(|&j| {
                let zj = m(j);
                if zj.kind != Kind::Zone || zj.end > item.start {
                    return false;
                }
                let Some(link) = text.get(zj.end..item.start) else {
                    return false;
                };
                // (A gloss in brackets may follow the zone: A高新区(“中国光谷”)的B公司.)
                let link = link
                    .strip_prefix('(')
                    .and_then(|l| l.split_once(')'))
                    .filter(|(gloss, _)| gloss.chars().count() <= 16)
                    .map_or(link, |(_, rest)| rest);
                let opened = || {
                    let before = &text[sentence.start..zj.start];
                    rr.located_in
                        .settled_before_zone
                        .iter()
                        .chain(&rr.located_in.described_openers)
                        .any(|w| before.ends_with(w.as_str()))
                };
                rr.located_in.described_links.iter().any(|w| link == w.as_str()) || (link == "的" && opened())
            })
        };
        // Located in the sentence's zone.
        if let Some(z) = zone {
            let cue = sentence.cues.has(Cue::LocatedIn);
            // In a sentence of several clauses, each naming its zone
            // (支持A高新区依托B公司…;支持C高新区依托D公司…), what a clause
            // names lies in its own zone.
            let clause_zone = |i: usize| {
                let before = &text[sentence.start..m(i).start];
                let clause_start = before.rfind(';').map_or(sentence.start, |p| sentence.start + p + 1);
                ms.iter()
                    .copied()
                    .rfind(|&j| {
                        let zj = m(j);
                        zj.kind == Kind::Zone
                            && zj.via != Via::List
                            && zj.start >= clause_start
                            && zj.end <= m(i).start
                            && is_major_zone(zj, rules, gaz)
                            // (a science city is a park of its zone)
                            && !rules
                                .entities
                                .zone
                                .park_major_suffixes
                                .iter()
                                .any(|e| zj.name.ends_with(e.as_str()))
                            && !rr
                                .located_in
                                .not_topic_before
                                .iter()
                                .any(|w| text[..zj.start].ends_with(w.as_str()))
                    })
                    .unwrap_or(z)
            };
            // 东湖高新区下辖A城、B科技城: a zone of a major zone's ending
            // (a science city) listed as the zone's member is its park.
            let is_member_park = |i: usize| {
                let e = m(i);
                let park_ending = rules
                    .entities
                    .zone
                    .park_major_suffixes
                    .iter()
                    .any(|p| e.name.ends_with(p.as_str()));
                park_ending
                    && m(z).sentence == si
                    && m(z).end <= e.start
                    && text
                        .get(m(z).end..e.start)
                        .is_some_and(|between| rr.located_in.member_cues.found_in(between))
            };
            if (names_zone || coref || cue) && !serves_an_entry(s, rules) {
                for &i in ms {
                    let e = m(i);
                    if i == z || e.name == m(z).name {
                        continue;
                    }
                    match e.kind {
                        Kind::Enterprise | Kind::Project => {
                            if let Some((park, by_word)) = settled_zone(i).or_else(|| built_in_zone(i)) {
                                // 落户高新区A园: in the park and in the zone the word names.
                                let chain = park_chain(&ex.mentions, ms, park);
                                let named = by_word && !chain.contains(&z);
                                out.extend(
                                    chain
                                        .into_iter()
                                        .chain(named.then_some(z))
                                        .map(|k| rel(Predicate::LocatedIn, i, k, si)),
                                );
                                continue;
                            }
                            let zone = described_zone(i)
                                .or_else(|| gathered_zone(i))
                                .unwrap_or_else(|| clause_zone(i));
                            out.push(rel(Predicate::LocatedIn, i, zone, si));
                        }
                        Kind::Institute => {
                            // Universities are partners of a zone, not in it.
                            let partner = rules
                                .entities
                                .institute
                                .partner_suffixes
                                .iter()
                                .any(|p| e.name.ends_with(p.as_str()));
                            // A joint laboratory is its partners' unless settled
                            // in the zone or co-built by the zone itself.
                            let joint = rr
                                .located_in
                                .joint_institute_words
                                .iter()
                                .any(|w| e.name.ends_with(w.as_str()));
                            let zone_party = || {
                                let before = &text[sentence.start..e.start];
                                rules
                                    .entities
                                    .zone
                                    .coreference
                                    .iter()
                                    .map(String::as_str)
                                    .chain([m(z).name.as_str(), &text[m(z).start..m(z).end]])
                                    .any(|w| before.contains(&format!("{w}与")))
                            };
                            let placed = !joint || rr.located_in.joint_settle_words.found_in(s) || zone_party();
                            if let Some(zone) = described_zone(i) {
                                out.push(rel(Predicate::LocatedIn, i, zone, si));
                            } else if !partner && placed {
                                out.push(rel(Predicate::LocatedIn, i, clause_zone(i), si));
                            }
                        }
                        Kind::Zone if core_containers.contains(&i) => {}
                        Kind::Zone if described_zone(i).is_some() => {
                            out.extend(described_zone(i).map(|zone| rel(Predicate::LocatedIn, i, zone, si)));
                        }
                        Kind::Zone if is_member_park(i) => {
                            out.push(rel(Predicate::LocatedIn, i, z, si));
                        }
                        Kind::Zone
                            if !is_major_zone(e, rules, gaz) && !visited_list(text, e, sentence.start, rules) =>
                        {
                            // 长乐园位于A工业集中区: the sentence's zone lies in the one after the cue.
                            let placed_in = rr
                                .located_in
                                .place_cues
                                .iter()
                                .any(|c| text[sentence.start..e.start].ends_with(c.as_str()));
                            if placed_in
                                || rules
                                    .entities
                                    .zone
                                    .container_suffixes
                                    .iter()
                                    .any(|c| e.name.ends_with(c.as_str()))
                            {
                                out.push(rel(Predicate::LocatedIn, z, i, si));
                            } else {
                                out.push(rel(Predicate::LocatedIn, i, z, si));
                            }
                        }
                        Kind::Place
                            if rr.located_in.place_cues.found_in(s)
                                && (names_zone || refers_located)
                                && !respective.iter().any(|&(_, p)| p == i) =>
                        {
                            out.push(rel(Predicate::LocatedIn, z, i, si));
                        }
                        _ => {}
                    }
                }
            }
        } else {
            // With no zone the sentence is about, an item settled in a zone
            // or qualified by its description still lies there (A公司总部
            // 位于B高新区).
            for &i in ms {
                if matches!(m(i).kind, Kind::Enterprise | Kind::Project | Kind::Institute) {
                    if let Some((park, _)) = settled_zone(i).or_else(|| built_in_zone(i)) {
                        out.extend(
                            park_chain(&ex.mentions, ms, park)
                                .into_iter()
                                .map(|k| rel(Predicate::LocatedIn, i, k, si)),
                        );
                    } else if let Some(zone) = described_zone(i).or_else(|| gathered_zone(i)) {
                        out.push(rel(Predicate::LocatedIn, i, zone, si));
                    }
                }
            }
        }
        // A park named right after its zone lies in it (东湖高新区未来科技城),
        // whatever the sentence is about.
        for &i in ms {
            for &j in ms {
                let (outer, park) = (m(i), m(j));
                if outer.kind == Kind::Zone
                    && park.kind == Kind::Zone
                    && park.start == outer.end
                    && park.name != outer.name
                {
                    let known = out.iter().any(|r| {
                        r.predicate == Predicate::LocatedIn && r.subject == j && r.object == Some(i) && r.sentence == si
                    });
                    if !known {
                        out.push(rel(Predicate::LocatedIn, j, i, si));
                    }
                }
            }
        }
        // Institutes and enterprises settled in a named place (落户嘉兴南湖).
        for &i in ms {
            if !matches!(m(i).kind, Kind::Institute | Kind::Enterprise | Kind::Project) {
                continue;
            }
            for &j in ms {
                if m(j).kind == Kind::Place && m(j).start > m(i).end {
                    let between = &text[m(i).end..m(j).start];
                    if between.chars().count() <= 8
                        && rr
                            .located_in
                            .settled_before_place
                            .iter()
                            .any(|c| between.ends_with(c.as_str()))
                    {
                        out.push(rel(Predicate::LocatedIn, i, j, si));
                    }
                }
            }
        }

        // Leading industries: in Chinese named before the cue (A、B两大主导产业),
        // in English after it (leading industries include A and B).
        if let Some(z) = zone.filter(|_| sentence.cues.has(Cue::LeadingIndustry)) {
            // Every cue of the sentence, the longest where several start
            // together and none inside another.
            let mut occurrences: Vec<(usize, &String)> = rr
                .leading_industry
                .cues
                .iter()
                .flat_map(|c| s.match_indices(c.as_str()).map(move |(p, _)| (p, c)))
                .collect();
            occurrences.sort_by_key(|&(p, c)| (p, std::cmp::Reverse(c.len())));
            let mut reach = 0;
            occurrences.retain(|&(p, c)| {
                let keep = p >= reach;
                reach = reach.max(p + c.len());
                keep
            });
            // With several cues (A以X为首位产业,B重点产业是Y), a Chinese clause
            // that names its own zone before its cue is that zone's.
            let clauses = occurrences.len() > 1 && !occurrences.iter().any(|(_, c)| c.is_ascii());
            let starts: Vec<usize> = occurrences
                .iter()
                .map(|&(cue_pos, _)| {
                    let semicolon = s[..cue_pos].rfind(';').map_or(0, |p| p + 1);
                    // (Normalized text has only the folded comma.)
                    let comma = s[..cue_pos].rfind(',').map(|p| p + 1).filter(|&p| {
                        clauses
                            && ms.iter().any(|&j| {
                                m(j).kind == Kind::Zone
                                    && m(j).start >= sentence.start + p
                                    && m(j).end <= sentence.start + cue_pos
                            })
                    });
                    semicolon.max(comma.unwrap_or(0))
                })
                .collect();
            let last = occurrences.len().saturating_sub(1);
            for (k, &(cue_pos, cue)) in occurrences.iter().enumerate() {
                if !clauses && k != last {
                    continue;
                }
                let next_clause = if clauses { starts.get(k + 1).copied() } else { None };
                let english = cue.is_ascii();
                let before_cue = s[..cue_pos].trim_end();
                // … are the park's leading industries, … are Suzhou Industrial
                // Park's leading industries: a possessive of a few words may
                // stand between the copula and the cue.
                // … as its three leading industries: a count between them.
                let before_cue = rr
                    .leading_industry
                    .english_counts
                    .iter()
                    .find_map(|n| before_cue.strip_suffix(n.as_str()).filter(|b| b.ends_with(' ')))
                    .map_or(before_cue, str::trim_end);
                let possessive = before_cue.ends_with("'s") || before_cue.ends_with("’s");
                let copula = english
                    && rr.leading_industry.english_copulas.iter().any(|c| {
                        before_cue.ends_with(&format!(" {c}"))
                            || possessive
                                && before_cue
                                    .rfind(&format!(" {c} "))
                                    .is_some_and(|p| before_cue[p + c.len() + 2..].split_whitespace().count() <= 4)
                    });
                // 主导产业为A、B和C: the list runs from the cue to the clause's end.
                let after_cue = &s[cue_pos + cue.len()..];
                let right_away = rr.leading_industry.list_cues.contains(cue).then_some("");
                let list_after = right_away
                    .or_else(|| {
                        rr.leading_industry
                            .list_after_cue
                            .iter()
                            .map(String::as_str)
                            .find(|w| !english && after_cue.starts_with(w))
                    })
                    .map(|w| {
                        let list = &after_cue[w.len()..];
                        cue_pos + cue.len() + w.len() + list.find(['，', '；', ',', ';']).unwrap_or(list.len())
                    });
                // A…;B以X为首位产业: the cue's clause names its zone and industries.
                let clause_start = starts[k];
                let z = ms
                    .iter()
                    .copied()
                    .filter(|&j| {
                        m(j).kind == Kind::Zone
                            && m(j).start >= sentence.start + clause_start
                            && m(j).end <= sentence.start + cue_pos
                    })
                    .find(|_| clause_start > 0)
                    .unwrap_or(z);
                for &i in ms {
                    let at = m(i).start - sentence.start;
                    let named = if let Some(list_end) = list_after {
                        at > cue_pos && at < list_end
                    } else if english && !copula {
                        at > cue_pos
                    } else {
                        at < cue_pos + 12 && at >= clause_start && next_clause.is_none_or(|n| at < n)
                    };
                    if m(i).kind == Kind::Industry && named {
                        out.push(rel(Predicate::LeadingIndustry, z, i, si));
                    }
                }
            }
        }

        // Chain leaders: leaders before a cue, the industry after it; or,
        // with a copula after the cue, the leaders after it and the industry
        // before (X产业链的链主企业为A).
        let chain_cue = sentence.cues.names_chain_leaders();
        if let Some(z) = zone.filter(|_| chain_cue) {
            let mut from = sentence.start;
            let mut cues: Vec<(usize, usize)> = rr
                .chain_leader
                .cues
                .iter()
                .chain(rr.chain_leader.weak_cues.iter())
                .flat_map(|c| {
                    s.match_indices(c.as_str())
                        .map(|(p, w)| (sentence.start + p, sentence.start + p + w.len()))
                })
                .collect();
            // The longest of cues that start together, and none inside another
            // (链主 in 链主企业, 链主 in 为链主).
            cues.sort_unstable_by_key(|&(a, b)| (a, std::cmp::Reverse(b)));
            let mut kept_end = 0;
            cues.retain(|&(_, b)| {
                let keep = b > kept_end;
                kept_end = kept_end.max(b);
                keep
            });
            for (k, &(cue, cue_end)) in cues.iter().enumerate() {
                let next_cue = cues.get(k + 1).map(|c| c.0);
                // The industry after `lo` (within `bound`).
                let industry_after = |lo: usize, bound: usize| {
                    ms.iter()
                        .copied()
                        .filter(|&i| {
                            m(i).kind == Kind::Industry && m(i).start > lo && m(i).start < (lo + 150).min(bound)
                        })
                        .min_by_key(|&i| m(i).start)
                };
                // The mentions of `kind` listed from `start` on: the first
                // there, each next after 、 和 及 与 (A、B和C).
                let listed_from = |start: usize, kind: Kind| {
                    let mut list: Vec<usize> = Vec::new();
                    let mut at = start;
                    for &i in ms.iter().filter(|&&i| m(i).kind == kind && m(i).start >= start) {
                        let Some(gap) = text.get(at..m(i).start) else {
                            break;
                        };
                        if !(gap.is_empty() || !list.is_empty() && ["、", "和", "及", "与"].contains(&gap)) {
                            break;
                        }
                        list.push(i);
                        at = m(i).end;
                    }
                    list
                };
                let industry_before = |lo: usize, hi: usize| {
                    ms.iter()
                        .copied()
                        .filter(|&i| m(i).kind == Kind::Industry && m(i).start >= lo && m(i).end <= hi)
                        .max_by_key(|&i| m(i).start)
                };
                // Leaders before the cue stand in its clause (not in the one
                // before a semicolon, which speaks of something else).
                // (`from` may lie past a cue inside the last chain's industry.)
                let lo = from.min(cue);
                let clause_start = text[lo..cue].rfind(';').map_or(lo, |p| lo + p + 1);
                let mut leaders: Vec<usize> = ms
                    .iter()
                    .copied()
                    .filter(|&i| m(i).kind == Kind::Enterprise && m(i).start >= clause_start && m(i).end <= cue)
                    .collect();
                // The X chain is led by A: the leaders after a passive cue.
                let passive = text[cue..cue_end].ends_with(" by");
                if passive {
                    leaders.clear();
                } else if text[cue..cue_end].is_ascii() {
                    // English lists no leaders before its cue: the firm named last.
                    leaders = leaders.last().copied().into_iter().collect();
                }
                let after_cue = text[cue_end..sentence.end].trim_start_matches('”');
                let copula = if passive {
                    Some(0)
                } else {
                    rr.chain_leader
                        .leaders_after
                        .iter()
                        .find(|w| after_cue.starts_with(w.as_str()))
                        .map(String::len)
                };
                let industry = if let (true, Some(w)) = (leaders.is_empty(), copula) {
                    // The leaders after the copula, to the clause's end (a
                    // comma inside a name, Co., Ltd., ends nothing).
                    let list_start = sentence.end - after_cue.len() + w;
                    let rest = &text[list_start..sentence.end];
                    let inside_name = |p: usize| {
                        ms.iter()
                            .any(|&i| m(i).kind == Kind::Enterprise && m(i).start < p && p < m(i).end)
                    };
                    // (Nor does a comma before 以及 / 和: A,以及B.)
                    let joins_next = |p: usize| {
                        text[p..].starts_with(',') && ["以及", "和", "及"].iter().any(|w| text[p + 1..].starts_with(w))
                    };
                    let list_end = rest
                        .match_indices([',', ';', '。', ':'])
                        .map(|(p, _)| list_start + p)
                        .find(|&p| !inside_name(p) && !joins_next(p))
                        .unwrap_or(sentence.end);
                    leaders = ms
                        .iter()
                        .copied()
                        .filter(|&i| m(i).kind == Kind::Enterprise && m(i).start >= list_start && m(i).end <= list_end)
                        .collect();
                    industry_before(from, cue)
                } else if leaders.is_empty() {
                    // The leaders right after the cue (链主企业A订单饱满, 以“链主”
                    // 企业A为牵引, 作为X产业链的链主企业,A…), the industry
                    // before it, else after it.
                    // (A chain map marks its leaders: 链主企业:★A.)
                    let mark = |c: char| matches!(c, ',' | ':' | ' ') || crate::normalize::is_line_mark(c);
                    let list_start = sentence.end - after_cue.trim_start_matches(mark).len();
                    leaders = listed_from(list_start, Kind::Enterprise);
                    industry_before(from, cue).or_else(|| industry_after(cue_end, sentence.end))
                } else {
                    // The industry after the cue (以A为龙头的X产业链), else right
                    // before it (A作为X产业链链主企业), else named before the
                    // leaders in the sentence (在X产业链上,以A为龙头).
                    // The industry after the cue, in its clause only when a
                    // later clause has a cue of its own: that clause names
                    // another chain (…以A为链主,X产业链链主为B).
                    // (A semicolon ends the industry's clause in any case.)
                    let clause_end = text[cue..sentence.end]
                        .find([',', ';'])
                        .map_or(sentence.end, |p| cue + p);
                    let part_end = text[cue..sentence.end].find(';').map_or(sentence.end, |p| cue + p);
                    let bound = if next_cue.is_some_and(|n| n > clause_end && n < part_end) {
                        clause_end
                    } else {
                        part_end
                    };
                    let before = || {
                        let first_leader = leaders.iter().map(|&l| m(l).start).min()?;
                        let last_leader = leaders.iter().map(|&l| m(l).end).max()?;
                        industry_before(last_leader, cue).or_else(|| industry_before(from, first_leader))
                    };
                    // An industry only in a later clause is not this chain's
                    // when the clause names one before its leaders
                    // (X产业链由A担任链主,2023年Y产业规模…).
                    let own_clause = || {
                        let first_leader = leaders.iter().map(|&l| m(l).start).min()?;
                        let lo = from.min(first_leader);
                        let start = text[lo..first_leader].rfind([',', ';']).map_or(lo, |p| lo + p + 1);
                        industry_before(start, first_leader)
                    };
                    match industry_after(cue, bound) {
                        Some(after) if m(after).start > clause_end => own_clause().or(Some(after)),
                        Some(after) => Some(after),
                        None => before(),
                    }
                };
                // An item run in with its heading (2.智能装备。…链主企业A…): the
                // heading's industry; 该产业链: the industry its paragraph named
                // last before the sentence; 链主企业：A under a heading line:
                // the heading's industry.
                let industry = industry.or_else(|| {
                    let refers = rr.chain_leader.chain_references.iter().any(|w| s.contains(w.as_str()));
                    let opens_line = text[sentence.start..cue].trim().chars().count() <= 2;
                    super::run_in_heading_mention(text, ex, si, Kind::Industry, 16)
                        .or_else(|| refers.then(|| paragraph_industry(ex, si)).flatten())
                        .or_else(|| opens_line.then(|| heading_industry(text, ex, si)).flatten())
                });
                // A、B、C三条产业链分别由D、E和F担任链主: as many chains as
                // leaders, the first chain's leader named first.
                let respective: Vec<(usize, usize)> = text[clause_start..cue]
                    .find("分别")
                    .map(|p| {
                        let chains: Vec<usize> = ms
                            .iter()
                            .copied()
                            .filter(|&i| {
                                m(i).kind == Kind::Industry
                                    && m(i).start >= clause_start
                                    && m(i).end <= clause_start + p
                            })
                            .collect();
                        let after: Vec<usize> = leaders
                            .iter()
                            .copied()
                            .filter(|&l| m(l).start > clause_start + p)
                            .collect();
                        if chains.len() >= 2 && chains.len() == after.len() {
                            chains.into_iter().zip(after).collect()
                        } else {
                            Vec::new()
                        }
                    })
                    .unwrap_or_default();
                let last_leader = leaders.iter().map(|&l| m(l).end).max().unwrap_or(cue);
                // Each clause its zone (支持A高新区以B为龙头…;支持C高新区以D为龙头…).
                let zone_clause = text[sentence.start..cue]
                    .rfind(';')
                    .map_or(sentence.start, |p| sentence.start + p);
                let z = ms
                    .iter()
                    .copied()
                    .rfind(|&i| {
                        m(i).kind == Kind::Zone && m(i).via != Via::List && m(i).start >= zone_clause && m(i).end <= cue
                    })
                    .filter(|&i| is_major_zone(m(i), rules, gaz))
                    .unwrap_or(z);
                if !respective.is_empty() {
                    for &(ind, l) in &respective {
                        let mut r = rel(Predicate::ChainLeader, z, l, si);
                        r.industry = Some(ind);
                        out.push(r);
                    }
                    from = from.max(cue_end).max(last_leader);
                } else if let (false, Some(ind)) = (leaders.is_empty(), industry) {
                    for l in leaders {
                        let mut r = rel(Predicate::ChainLeader, z, l, si);
                        r.industry = Some(ind);
                        out.push(r);
                    }
                    from = m(ind).end.max(cue).max(last_leader);
                } else if !leaders.is_empty() {
                    // Leaders whose chain is not named are still this cue's,
                    // not the next cue's.
                    from = from.max(cue_end).max(last_leader);
                }
            }
        }

        // Listings.
        for &i in ms {
            if m(i).kind != Kind::Market {
                continue;
            }
            let clause_start = s[..m(i).start - sentence.start]
                .rfind([';', '。'])
                .map(|p| sentence.start + p)
                .unwrap_or(sentence.start);
            let after = &text[m(i).end..sentence.end];
            // A cue right after the name, or within its next six characters.
            let near = &after[..after.char_indices().nth(6).map_or(after.len(), |x| x.0)];
            // A company's ticker in brackets: A SE (Frankfurt Stock Exchange: NDS).
            let ticker = text[..m(i).start].trim_end().ends_with('(') && after.trim_start().starts_with(':');
            let listed = ticker
                || rr.listed_on.cues.iter().any(|c| after.starts_with(c.as_str()))
                || rr.listed_on.cues.found_in(near)
                || rr.listed_on.cues_before.found_in(&text[clause_start..m(i).start]);
            if !listed {
                continue;
            }
            // 在深交所创业板上市的新易盛: the company the listing describes.
            let cue_before = rr
                .listed_on
                .cues
                .iter()
                .any(|c| text[..m(i).start].ends_with(c.as_str()));
            let described = ms.iter().copied().find(|&j| {
                m(j).kind == Kind::Enterprise && m(j).start >= m(i).end && {
                    let between = &text[m(i).end..m(j).start];
                    between.ends_with('的')
                        && between.chars().count() <= 6
                        && (rr.listed_on.cues.found_in(between) || cue_before)
                }
            });
            let Some(e) = described.or_else(|| {
                ms.iter()
                    .rev()
                    .copied()
                    .find(|&j| m(j).kind == Kind::Enterprise && m(j).end <= m(i).start && m(j).start >= clause_start)
            }) else {
                continue;
            };
            // (Nothing stands between a described company and its market.)
            let between = text.get(m(e).end..m(i).start).unwrap_or("");
            let right_after = &after[..after.char_indices().nth(8).map_or(after.len(), |x| x.0)];
            if rr.listed_on.not_fact.found_in(between)
                || rr.listed_on.pending_after.found_in(right_after)
                || text[clause_start..m(e).start].contains("力争")
            {
                continue;
            }
            // A、B等企业在深交所上市: every enterprise of the list.
            let mut listed = vec![e];
            while let Some(before) = listed.last().and_then(|&l| {
                let head = text.get(clause_start..m(l).start)?;
                head.strip_suffix('、').or_else(|| head.strip_suffix('和'))
            }) {
                let end = clause_start + before.len();
                match ms
                    .iter()
                    .copied()
                    .find(|&j| m(j).kind == Kind::Enterprise && m(j).end == end)
                {
                    Some(j) if !listed.contains(&j) => listed.push(j),
                    _ => break,
                }
            }
            let date = date_in(&text[clause_start..m(i).end]).or_else(|| english_year_after(after));
            for e in listed {
                let mut r = rel(Predicate::ListedOn, e, i, si);
                r.date.clone_from(&date);
                out.push(r);
            }
        }

        // Renamings: A更名为B; 由A更名而来.
        let renaming = sentence.cues.has(Cue::Renamed);
        // Each use of a cue (襄樊市更名为襄阳市,园区也由A更名为B: the city's comes first).
        let renaming_cues = rr
            .renamed
            .cues
            .iter()
            .filter(|_| renaming)
            .flat_map(|cue| s.match_indices(cue.as_str()).map(move |(p, _)| (p, cue)));
        for (p, cue) in renaming_cues {
            let cue_at = sentence.start + p;
            let before: Vec<usize> = ms
                .iter()
                .copied()
                .filter(|&i| m(i).kind == Kind::Zone && m(i).end <= cue_at)
                .collect();
            let after: Vec<usize> = ms
                .iter()
                .copied()
                .filter(|&i| m(i).kind == Kind::Zone && m(i).start >= cue_at + cue.len())
                .collect();
            // The old name stands right before 更名为 / 更名而来 (由A更名而来,
            // A正式更名为B); else it is no zone we found (由X工业集中区更名而来).
            let approval = |between: &str| {
                between.chars().count() <= 16
                    && rr
                        .renamed
                        .approval_opening
                        .iter()
                        .any(|w| between.starts_with(w.as_str()))
                    && rr
                        .renamed
                        .approval_closing
                        .iter()
                        .any(|w| between.trim_end_matches("后").ends_with(w.as_str()))
            };
            let right_before_cue = before.last().copied().filter(|&o| {
                // (A quoted old name: 原“A”正式更名为B.)
                let between = text[m(o).end..cue_at].trim_start_matches(['”', '"', '」']);
                // (A date may stand there: 由原A于2012年更名升级而来.)
                let between = without_date(between);
                between.chars().count() <= 2 || approval(between)
            });
            let before_upgrade = || {
                before.iter().rev().copied().find(|&o| {
                    let between = &text[m(o).end..cue_at];
                    rr.renamed.upgrade_words.iter().any(|w| between.starts_with(w.as_str()))
                })
            };
            let (new, old) = match cue.as_str() {
                // (A升级为国家高新技术产业开发区,并更名为B: A, named before the upgrade.)
                "更名为" | "改名为" => (after.first().copied(), right_before_cue.or_else(before_upgrade)),
                c if rr.renamed.upgrade_cues.iter().any(|u| u == c) => (after.first().copied(), before_upgrade()),
                c if c.ends_with("而来") => (
                    before.first().copied().filter(|_| before.len() >= 2).or(zone),
                    right_before_cue,
                ),
                // 原名A, 前身为2006年设立的A: the old name in the cue's clause.
                _ => {
                    let rest = &text[cue_at + cue.len()..sentence.end];
                    let clause_end = cue_at + cue.len() + rest.find([',', ';', '。']).unwrap_or(rest.len());
                    let old = after.first().copied().filter(|&o| m(o).end <= clause_end);
                    // (Formerly known as A, B covers …: the zone after the old name's clause.)
                    let opening = || after.iter().copied().find(|&n| m(n).start > clause_end);
                    // (园区前身为A: the old name is the sentence's zone, the
                    // zone it names the one the sentences before were about.)
                    // (Not after an English cue: renamed A names the new name.)
                    let name_of = |i: usize| m(i).canonical.as_deref().unwrap_or(&m(i).name);
                    let earlier = || {
                        let old = old.filter(|_| !cue.is_ascii())?;
                        (0..si)
                            .rev()
                            .find_map(|k| ex.topic[k])
                            .filter(|&t| name_of(t) != m(old).name)
                    };
                    let new = before.last().copied().or_else(opening).or(zone);
                    (new.filter(|&n| Some(n) != old).or_else(earlier), old)
                }
            };
            // (由浏阳制造产业基地更名而来: an old name we found as no zone.)
            // (A zone's own short name, 简称, is no former name.)
            let old = old.filter(|&o| new.is_none_or(|n| !m(o).aliases.contains(&m(n).name)));
            // (An other name the reference table gives the zone, neither its
            // official nor its short one, is the old name the text says it is:
            // 襄阳高新区…前身为襄樊高新区.)
            let listed_other_name = old.zip(new).is_some_and(|(o, n)| {
                m(o).entry.is_some()
                    && m(o).entry == m(n).entry
                    && m(o).name != m(n).name
                    && m(o).entry.is_some_and(|e| {
                        let entry = &gaz.entries[e];
                        entry.canonical != m(o).name && entry.short.as_deref() != Some(m(o).name.as_str())
                    })
            });
            let old = old.map(|o| m(o).name.clone()).or_else(|| {
                cue.ends_with("而来")
                    .then(|| old_name_after_you(&text[sentence.start..cue_at], &rr.renamed))
                    .flatten()
            });
            if let (Some(n), Some(o)) = (new, old) {
                if listed_other_name {
                    push_stated_former_name(&mut out, n, o, date_in(s), si);
                } else {
                    push_former_name(&mut out, m(n), n, o, date_in(s), si);
                }
            }
        }

        // 郴州高新区2015年由郴州高新技术产业园区升级为国家高新区: the name before the upgrade.
        let from_old_name = s.contains('由');
        for w in rr.renamed.upgrade_words.iter().filter(|_| from_old_name) {
            for (p, _) in s.match_indices(w.as_str()) {
                let Some(old) = old_name_after_you(&s[..p], &rr.renamed) else {
                    continue;
                };
                let from = sentence.start + s[..p].rfind('由').unwrap_or(0);
                let new = ms
                    .iter()
                    .copied()
                    .filter(|&i| m(i).kind == Kind::Zone && m(i).end <= from)
                    .max_by_key(|&i| m(i).start);
                if let Some(n) = new {
                    push_former_name(&mut out, m(n), n, old, date_in(s), si);
                }
            }
        }

        // A(原B): B is the zone's former name.
        for &o in ms {
            if m(o).kind != Kind::Zone {
                continue;
            }
            let head = &text[sentence.start..m(o).start];
            let Some(open) = rules
                .entities
                .zone
                .former_words
                .iter()
                .find_map(|w| head.strip_suffix(w.as_str()))
                .and_then(|h| h.strip_suffix(['(', '（']))
            else {
                continue;
            };
            let new = ms
                .iter()
                .copied()
                .find(|&n| m(n).kind == Kind::Zone && m(n).end == sentence.start + open.len());
            if let Some(n) = new {
                push_former_name(&mut out, m(n), n, m(o).name.clone(), None, si);
            }
        }

        // Policies: implemented by the sentence's zone; issued by an agency
        // named right before a title or at its start.
        for &i in ms {
            if m(i).kind != Kind::Policy {
                continue;
            }
            // A、B等高新区要落实《…》: every zone of a list before the title,
            // in its clause, carries it out too.
            let clause_start = text[sentence.start..m(i).start]
                .rfind(';')
                .map_or(sentence.start, |p| sentence.start + p);
            if rr.implements.cues.found_in(&text[clause_start..m(i).start]) {
                let listed = ms.iter().copied().filter(|&j| {
                    m(j).kind == Kind::Zone
                        && m(j).via == Via::List
                        && m(j).start >= clause_start
                        && m(j).end <= m(i).start
                        && Some(j) != zone
                });
                for z in listed {
                    out.push(rel(Predicate::Implements, z, i, si));
                }
            }
            let inside = |j: usize| m(j).start > m(i).start && m(j).end < m(i).end && m(i).via == Via::Title;
            // The agency right before the title, or before an issuing verb
            // and the title (科学技术部印发《…》).
            // (科学技术部印发《…》, 管委会近日印发《…》, A局、B局联合印发《…》).
            let issued_before = |j: usize| {
                let mut between = &text[m(j).end..m(i).start];
                // Agencies listed after this one (or right after it, in a header) issue the title with it.
                while let Some(rest) = ["、", "和", "与", "及", ""]
                    .iter()
                    .find_map(|sep| between.strip_prefix(sep))
                {
                    let at = m(i).start - rest.len();
                    let next_agency =
                        |&&k: &&usize| m(k).kind == Kind::Agency && m(k).start == at && m(k).end <= m(i).start;
                    match ms.iter().find(next_agency) {
                        Some(&k) => between = &text[m(k).end..m(i).start],
                        None => break,
                    }
                }
                // The Jiangsu Provincial People's Government in 2020 issued the …
                if between.is_ascii() && !between.trim().is_empty() {
                    let words = english_content_words(between, &rr.issued_by.english_fillers);
                    return rr.issued_by.english_cues.contains(&words.join(" "));
                }
                // A(简称)于…发布: the agency's short name in parentheses.
                let between = between
                    .strip_prefix('(')
                    .and_then(|b| b.split_once(')'))
                    .filter(|(inner, _)| inner.chars().count() <= 12)
                    .map_or(between, |(_, rest)| rest);
                // A、B经省人民政府同意,联合印发《…》: the approval between.
                let between = rr
                    .issued_by
                    .approval_opening
                    .iter()
                    .find_map(|w| between.strip_prefix(w.as_str()))
                    .and_then(|b| {
                        rr.issued_by
                            .approval_closing
                            .iter()
                            .find_map(|c| b.split_once(c.as_str()).filter(|(body, _)| body.chars().count() <= 12))
                    })
                    .map_or(between, |(_, rest)| rest.trim_start_matches([',', '，']));
                let between = after_date_and_words(between, &rr.issued_by.before_cue);
                // 省科技厅2022年修订出台的《…》: the cue may describe the title.
                let between = between.strip_suffix('的').unwrap_or(between);
                // 管委会印发了《…》.
                let between = between.strip_suffix('了').unwrap_or(between);
                // 牵头制定, 制定出台, 对外发布: issuing words one after another.
                let mut rest = between;
                while let Some(r) = rr
                    .issued_by
                    .cues
                    .iter()
                    .chain(&rr.issued_by.before_cue)
                    .find_map(|w| rest.strip_prefix(w.as_str()))
                {
                    rest = r;
                }
                between.chars().count() <= 1
                    || rest.is_empty() && rr.issued_by.cues.iter().any(|c| between.ends_with(c.as_str()))
            };
            // The Opinions on …, issued by the State Council in 2020: the
            // agency after an English passive.
            // 《…》,由A印发; 《…》,A2023年8月发布: the agency right after the
            // title, then an issuing verb.
            let issued_after = |j: usize| {
                let between = &text[m(i).end..m(j).start];
                let words = english_content_words(between, &rr.issued_by.english_fillers);
                let english = between.is_ascii()
                    && words.len() == 2
                    && words[1] == "by"
                    && rr.issued_by.english_cues.iter().any(|c| c == words[0]);
                let chinese = || {
                    let between = between.trim_start_matches([',', ' ']);
                    let after = after_date_and_words(&text[m(j).end..sentence.end], &rr.issued_by.before_cue);
                    // (The verb ends its clause: 制定《B》 issues another title.)
                    let ends_clause = |c: &String| {
                        after.strip_prefix(c.as_str()).is_some_and(|rest| {
                            rest.starts_with([',', '。', ';', ')'])
                                || rest.is_empty() && !text[sentence.end..].trim_start().starts_with('《')
                        })
                    };
                    matches!(between, "" | "由") && rr.issued_by.cues.iter().any(ends_clause)
                };
                english || chinese()
            };
            let issuers: Vec<usize> = ms
                .iter()
                .copied()
                .filter(|&j| {
                    m(j).kind == Kind::Agency
                        && (inside(j)
                            || m(j).end <= m(i).start && issued_before(j)
                            || m(j).start >= m(i).end && issued_after(j))
                })
                .collect();
            // 长沙高新区管委会出台《…》;株洲高新区…: the zone whose body
            // issues the title carries it out, whichever zone the sentence
            // goes on to name (the zone's name, named in the document, opens
            // the body's).
            let zone_of_body = |a: usize| {
                let body = m(a).name.as_str();
                ex.mentions
                    .iter()
                    .enumerate()
                    .filter(|(_, z)| {
                        z.kind == Kind::Zone
                            && z.name.chars().count() >= 3
                            && body.len() > z.name.len()
                            && body.starts_with(z.name.as_str())
                    })
                    .min_by_key(|(k, z)| (z.sentence.abs_diff(si), *k))
                    .map(|(k, _)| k)
            };
            if let Some(z) = issuers.iter().find_map(|&a| zone_of_body(a)).or(zone) {
                out.push(rel(Predicate::Implements, z, i, si));
            }
            for a in issuers {
                out.push(rel(Predicate::IssuedBy, i, a, si));
            }
        }
        // 印发了《A》(文号)、《B》和《C》: the titles of a list share their issuers.
        let titles: Vec<usize> = ms.iter().copied().filter(|&i| m(i).kind == Kind::Policy).collect();
        for pair in titles.windows(2) {
            let (before, next) = (pair[0], pair[1]);
            let mut between = text.get(m(before).end..m(next).start).unwrap_or("").trim();
            if let Some((_, rest)) = between.strip_prefix('(').and_then(|b| b.split_once(')')) {
                between = rest.trim();
            }
            if !matches!(between, "、" | "和" | "及" | "与" | "以及") {
                continue;
            }
            let shared: Vec<usize> = out
                .iter()
                .filter(|r| r.predicate == Predicate::IssuedBy && r.subject == before)
                .filter_map(|r| r.object)
                .collect();
            for a in shared {
                if !out
                    .iter()
                    .any(|r| r.predicate == Predicate::IssuedBy && r.subject == next && r.object == Some(a))
                {
                    out.push(rel(Predicate::IssuedBy, next, a, si));
                }
            }
        }

        // Co-operation in English: A cooperates with B, the zone signed … with B.
        let english_cue = || {
            rr.cooperates_with
                .cues
                .iter()
                .filter(|c| c.is_ascii())
                .filter_map(|c| s.find(c.as_str()))
                .min()
        };
        if let Some(cue_pos) = sentence.english.then(english_cue).flatten() {
            let org = |k: Kind| matches!(k, Kind::Enterprise | Kind::Institute | Kind::Agency | Kind::Zone);
            let cue_at = sentence.start + cue_pos;
            let subject = ms
                .iter()
                .copied()
                .rfind(|&i| org(m(i).kind) && m(i).end <= cue_at)
                .or(zone);
            if let Some(a) = subject {
                for &j in ms {
                    if org(m(j).kind) && m(j).start > cue_at && m(j).name != m(a).name {
                        out.push(rel(Predicate::CooperatesWith, a, j, si));
                    }
                }
            }
        }
        // Co-operation: A与B…共建/合作/签约.
        let has_cue = sentence.cues.has(Cue::Cooperation);
        if has_cue {
            let orgs = |k: Kind| {
                matches!(
                    k,
                    Kind::Enterprise | Kind::Institute | Kind::Agency | Kind::Zone | Kind::Place
                )
            };
            // The parties listed right before `end`, last first: each next
            // to the one after it but for 、 (or 和), spaces or its
            // parenthesised short name (A(以下简称…)、B与C).
            let parties_before = |mut end: usize| {
                let adjacent = |j: usize, end: usize| {
                    let between = text[m(j).end..end].trim();
                    between.is_empty()
                        || between.starts_with('(') && between.ends_with(')') && !between[1..].contains('(')
                };
                let mut listed = Vec::new();
                while let Some(j) = ms
                    .iter()
                    .copied()
                    .rev()
                    .find(|&j| orgs(m(j).kind) && m(j).end <= end && adjacent(j, end))
                {
                    listed.push(j);
                    let before = &text[..m(j).start];
                    match before.strip_suffix('、').or_else(|| before.strip_suffix('和')) {
                        Some(before) => end = before.len(),
                        None => break,
                    }
                }
                listed
            };
            for (p, conj) in s.match_indices(['与', '同']).map(|(p, c)| (sentence.start + p, c)) {
                // Partners: the mentions right after the conjunction (a list).
                let mut partners = Vec::new();
                let mut pos = p + conj.len();
                for &j in ms {
                    if m(j).start == pos && orgs(m(j).kind) {
                        partners.push(j);
                        pos = m(j).end;
                        if text[pos..].starts_with('、') {
                            pos += '、'.len_utf8();
                        }
                    }
                }
                // 与园区共建: the partner is the sentence's zone.
                if partners.is_empty() {
                    if let Some(z) = zone {
                        if rules
                            .entities
                            .zone
                            .coreference
                            .iter()
                            .any(|w| text[pos..].starts_with(w.as_str()))
                        {
                            partners.push(z);
                            pos += rules
                                .entities
                                .zone
                                .coreference
                                .iter()
                                .filter(|w| text[pos..].starts_with(w.as_str()))
                                .map(|w| w.len())
                                .max()
                                .unwrap_or(0);
                        }
                    }
                }
                if partners.is_empty() {
                    continue;
                }
                let rest = &text[pos..sentence.end];
                // 与A等机构开展…合作: the group word stands between.
                let reach = if rest.starts_with('等') { 12 } else { 8 };
                let cue_near = rr.cooperates_with.cues.iter().any(|c| {
                    rest.find(c.as_str()).is_some_and(|q| {
                        let after = &rest[q + c.len()..];
                        rest[..q].chars().count() <= reach
                            && !rr
                                .cooperates_with
                                .shared_role_after
                                .iter()
                                .any(|w| after.starts_with(w.as_str()))
                    })
                });
                if !cue_near {
                    continue;
                }
                // The parties before the conjunction: the mention right
                // before it and those listed with it (A、B与C共建).
                let mut end = p;
                loop {
                    let before = &text[sentence.start..end];
                    if let Some(adverb) = rr
                        .cooperates_with
                        .adverbs_before_conjunction
                        .iter()
                        .find(|w| !w.is_empty() && before.ends_with(w.as_str()))
                    {
                        end -= adverb.len();
                    } else if let Some(date) = trailing_date(before) {
                        end -= date;
                    } else {
                        break;
                    }
                }
                let left = parties_before(end);
                // 该公司与A合作, 公司先后与A开展合作: the enterprise named last.
                // A、B与C共建: the parties before the conjunction are partners too.
                for (k, &a) in left.iter().enumerate() {
                    for &b in &left[k + 1..] {
                        out.push(rel(Predicate::CooperatesWith, b, a, si));
                    }
                }
                let subjects: Vec<usize> = if left.is_empty() {
                    super::referred_entity(text, &ex.mentions, sentence.start, p)
                        .or(zone)
                        .into_iter()
                        .collect()
                } else {
                    left
                };
                for a in subjects {
                    for &b in &partners {
                        // A place co-operates only with a zone or another place (友好城区).
                        let place_ok = |x: usize, y: usize| {
                            m(x).kind != Kind::Place || matches!(m(y).kind, Kind::Zone | Kind::Place)
                        };
                        if a != b && place_ok(a, b) && place_ok(b, a) {
                            out.push(rel(Predicate::CooperatesWith, a, b, si));
                        }
                    }
                }
            }
            // Partners are two parties: one is not also in the other by
            // this sentence (园区与A研究院开展合作 does not put A in the zone).
            let partners: Vec<(usize, usize)> = out
                .iter()
                .filter(|r| r.sentence == si && r.predicate == Predicate::CooperatesWith)
                .filter_map(|r| r.object.map(|o| (r.subject, o)))
                .collect();
            // Nor is a partner institute in the sentence's zone by it
            // (公司与A研究所合作: a company's partner, not a zone's member;
            // a partner company is often the zone's own and keeps its place).
            out.retain(|r| {
                !(r.sentence == si
                    && r.predicate == Predicate::LocatedIn
                    && r.object.is_some_and(|o| {
                        partners.contains(&(r.subject, o))
                            || partners.contains(&(o, r.subject))
                            || m(o).kind == Kind::Zone
                                && m(r.subject).kind == Kind::Institute
                                && partners.iter().any(|&(_, b)| b == r.subject)
                    }))
            });
            // A、B、C三方签约: the parties of a list counted as 三方 co-operate
            // with each other.
            for (p, w) in s
                .match_indices("三方")
                .chain(s.match_indices("四方"))
                .chain(s.match_indices("双方"))
            {
                let at = sentence.start + p;
                let rest = &text[at + w.len()..sentence.end];
                let cue_near = rr
                    .cooperates_with
                    .cues
                    .iter()
                    .any(|c| rest.find(c.as_str()).is_some_and(|q| rest[..q].chars().count() <= 4));
                if !cue_near {
                    continue;
                }
                let mut listed = parties_before(at);
                listed.reverse();
                for (k, &a) in listed.iter().enumerate() {
                    for &b in &listed[k + 1..] {
                        out.push(rel(Predicate::CooperatesWith, a, b, si));
                    }
                }
            }
            // 联合A、B开展…: the partners co-operate with each other.
            if let Some(p) = s.find("联合") {
                let at = sentence.start + p + "联合".len();
                let listed: Vec<usize> = ms
                    .iter()
                    .copied()
                    .filter(|&j| {
                        m(j).start >= at
                            && m(j).start < at + 60
                            && matches!(m(j).kind, Kind::Institute | Kind::Enterprise)
                    })
                    .take(4)
                    .collect();
                for w in listed.windows(2) {
                    out.push(rel(Predicate::CooperatesWith, w[0], w[1], si));
                }
            }
        }
    }
    ex.relations = out;
}

/// The words of an English stretch between an agency and a title, without
/// commas, numbers (years) and `fillers` (the, in, jointly, months): what
/// is left says whether it issued the title (issued; issued by).
fn english_content_words<'a>(between: &'a str, fillers: &[String]) -> Vec<&'a str> {
    between
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty() && !fillers.iter().any(|f| f == w))
        .filter(|w| !w.bytes().all(|b| b.is_ascii_digit()))
        .collect()
}

/// `s` after a date (2023年3月, 6月12日) and any of `words` at its start,
/// in any order (近日, 今年4月, 于2024年1月).
fn after_date_and_words<'a>(mut s: &'a str, words: &[String]) -> &'a str {
    loop {
        let digits = s.trim_start_matches(|c: char| c.is_ascii_digit());
        let dated = (digits.len() < s.len())
            .then(|| ["年", "月", "日"].iter().find_map(|u| digits.strip_prefix(u)))
            .flatten();
        match dated.or_else(|| words.iter().find_map(|w| s.strip_prefix(w.as_str()))) {
            Some(rest) => s = rest,
            None => return s,
        }
    }
}

/// `between` without a date that opens it (于2012年, 2012年3月): what
/// stands between an old name and its renaming cue.
fn without_date(between: &str) -> &str {
    let rest = between.strip_prefix('于').unwrap_or(between);
    let date_len: usize = rest
        .char_indices()
        .take_while(|&(_, c)| c.is_ascii_digit() || "年月日".contains(c))
        .map(|(_, c)| c.len_utf8())
        .sum();
    if date_len > 0 && rest[..date_len].contains('年') {
        &rest[date_len..]
    } else {
        between
    }
}

/// The old name after the last 由 of `before` (由A更名而来, 由A升级为…): the
/// words up to the end, when they end like a park (`old_name_endings`), are
/// no generic level (由省级高新区升级为…) and hold no punctuation.
fn old_name_after_you(before: &str, rules: &super::rules::RenamedRules) -> Option<String> {
    let (_, old) = before.rsplit_once('由')?;
    let old = old.trim().trim_matches(['“', '”', '"', '「', '」']);
    let chars = old.chars().count();
    let named = (3..=24).contains(&chars)
        && rules.old_name_endings.iter().any(|e| old.ends_with(e.as_str()))
        && !rules.generic_old_names.iter().any(|g| old.starts_with(g.as_str()))
        && !old.contains(|c: char| c.is_ascii_punctuation() || "，、；：。“”《》".contains(c));
    named.then(|| old.to_string())
}

/// Records that zone `n` was called `old`, unless `old` is its name or one
/// of its short names (简称).
fn push_former_name(
    out: &mut Vec<RelationMention>,
    zone: &Mention,
    n: usize,
    old: String,
    date: Option<String>,
    si: usize,
) {
    if zone.name == old || zone.aliases.contains(&old) {
        return;
    }
    push_stated_former_name(out, n, old, date, si);
}

/// … whatever other names the zone's mention has.
fn push_stated_former_name(out: &mut Vec<RelationMention>, n: usize, old: String, date: Option<String>, si: usize) {
    out.push(RelationMention {
        predicate: Predicate::FormerName,
        subject: n,
        object: None,
        literal: Some(old),
        industry: None,
        date,
        sentence: si,
    });
}

#[cfg(test)]
mod tests {
    use crate::extract::{extract, Predicate};
    use crate::normalize::clean;
    use crate::resolve::{resolve, Object};

    /// (predicate, subject label, object label) of every relation in `text`.
    fn relations(text: &str) -> Vec<(Predicate, String, String)> {
        let r = resolve(&extract(&clean(text)));
        let mut out: Vec<(Predicate, String, String)> = r
            .relations
            .iter()
            .map(|rel| {
                let o = match &rel.object {
                    Object::Entity(e) => r.entities[*e].label.clone(),
                    Object::Literal(l) => l.clone(),
                };
                (rel.predicate, r.entities[rel.subject].label.clone(), o)
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn what_follows_a_located_place_and_de_lies_in_it() {
        let r = relations("青溪高新区按“一区两园”布局,下设位于白河镇的电子信息产业园和位于古陂镇的绿色食品产业园。");
        for (park, town) in [("电子信息产业园", "白河镇"), ("绿色食品产业园", "古陂镇")] {
            assert!(
                r.contains(&(Predicate::LocatedIn, park.to_string(), town.to_string())),
                "{park} in {town}: {r:?}"
            );
        }
    }

    fn has(rels: &[(Predicate, String, String)], p: Predicate, s: &str, o: &str) -> bool {
        rels.iter().any(|(q, a, b)| *q == p && a == s && b == o)
    }

    #[test]
    fn a_short_name_framed_as_a_leader_is_an_enterprise_and_leads_its_clause_s_chain() {
        let chains = |text: &str| -> Vec<(String, String, String)> {
            let r = resolve(&extract(&clean(text)));
            r.relations
                .iter()
                .filter(|x| x.predicate == Predicate::ChainLeader)
                .filter_map(|x| match x.object {
                    Object::Entity(o) => Some((
                        r.entities[x.subject].label.clone(),
                        r.entities[o].label.clone(),
                        r.entities[x.industry?].label.clone(),
                    )),
                    Object::Literal(_) => None,
                })
                .collect()
        };
        let r = chains("青溪高新区的工程机械产业链以远山重科为链主,光伏产业以蓝河光能、白鹭新能为龙头。");
        for (leader, industry) in [("远山重科", "工程机械"), ("蓝河光能", "光伏"), ("白鹭新能", "光伏")]
        {
            assert!(
                r.iter().any(|(_, l, i)| l == leader && i == industry),
                "{leader}: {r:?}"
            );
        }
        // Not a name: a word that holds 以, a project, an industry.
        let r = chains("青溪高新区可以链主为引领,以重大项目为龙头,以光伏为龙头。");
        assert!(r.is_empty(), "{r:?}");
        // After the role, to the clause's end or a handle's @; an industry
        // the taxonomy knows, named by its role (电子信息的头雁).
        let r = chains(
            "青溪高新区的主导产业是工程机械和电子信息。工程机械这条链的链主还是 @远山重科 ,稳!\
             电子信息的头雁是白鹭微电子。",
        );
        for (leader, industry) in [("远山重科", "工程机械"), ("白鹭微电子", "电子信息")] {
            assert!(
                r.iter().any(|(_, l, i)| l == leader && i == industry),
                "{leader}: {r:?}"
            );
        }
        // The chain its clause names before the leader, not an industry of
        // the next clause.
        let r = chains("青溪高新区的光纤光缆产业链由远山光缆股份有限公司担任链主,2023年光电子信息产业规模达6100亿元。");
        assert_eq!(
            r,
            [(
                "青溪高新区".to_string(),
                "远山光缆股份有限公司".to_string(),
                "光纤光缆".to_string()
            )]
        );
    }

    #[test]
    fn names_inside_names_do_not_trip_the_settled_park_rule() {
        // Lanhe Tech Co. inside Lanhe Tech Co., Ltd.: mentions that overlap.
        let r = relations(
            "Qingxi High-Tech Zone is home to Baishan Photonics Co., Ltd. and Lanhe Tech Co., Ltd., \
             which act as the two chain leaders of optoelectronics.",
        );
        assert!(
            r.iter()
                .any(|x| x.0 == Predicate::LocatedIn && x.1.starts_with("Lanhe Tech Co.")),
            "{r:?}"
        );
    }

    #[test]
    fn two_firms_sharing_a_chain_s_lead_lead_it_and_do_not_co_operate_by_it() {
        let r = relations(
            "青溪高新区以新能源汽车为首位产业。\n\
             链主企业:远山汽车股份有限公司与白鹭智驱科技股份有限公司共同担任新能源汽车产业链链主;\n\
             其他企业配套。",
        );
        assert!(!r.iter().any(|x| x.0 == Predicate::CooperatesWith), "{r:?}");
        let leaders: Vec<&str> = r
            .iter()
            .filter(|x| x.0 == Predicate::ChainLeader)
            .map(|x| x.2.as_str())
            .collect();
        assert_eq!(leaders, ["白鹭智驱科技股份有限公司", "远山汽车股份有限公司"], "{r:?}");
    }

    #[test]
    fn items_settled_in_a_named_park_lie_there_not_in_the_sentence_s_zone() {
        let r = relations(
            "青溪高新区下辖白鹭产业园和云杉片区。其中,远山负极材料项目和蓝河膜材料项目将落户白鹭产业园;\
             星辰光电项目选址云杉片区。",
        );
        for (project, park) in [
            ("远山负极材料项目", "白鹭产业园"),
            ("蓝河膜材料项目", "白鹭产业园"),
            ("星辰光电项目", "云杉片区"),
        ] {
            assert!(has(&r, Predicate::LocatedIn, project, park), "{project}: {r:?}");
            assert!(
                !has(&r, Predicate::LocatedIn, project, "青溪高新区"),
                "{project}: {r:?}"
            );
        }
        // Without a settling word, the park is only named beside the project.
        let r = relations("青溪高新区的远山负极材料项目和白鹭产业园同步推进。");
        assert!(
            !has(&r, Predicate::LocatedIn, "远山负极材料项目", "白鹭产业园"),
            "{r:?}"
        );
    }

    #[test]
    fn industries_opening_the_lines_a_cue_heads_lead_the_zone() {
        let r = relations(
            "青溪高新区招商\n\n青溪高新区锚定三大主导产业,全力打造产业集群:\n\
             ✅新能源汽车:链主企业远山汽车股份有限公司年产整车20万辆\n\
             ✅先进装备制造:工业机器人、精密数控机床\n✅新材料:铝型材精深加工\n\n◆ 联系我们\n电话:0000\n",
        );
        for industry in ["新能源汽车", "先进装备制造", "新材料"] {
            assert!(
                has(&r, Predicate::LeadingIndustry, "青溪高新区", industry),
                "{industry}: {r:?}"
            );
        }
        assert_eq!(
            r.iter().filter(|x| x.0 == Predicate::LeadingIndustry).count(),
            3,
            "{r:?}"
        );
    }

    #[test]
    fn zones_listed_before_fenbie_weiyu_lie_each_in_its_own_place() {
        let r = relations(
            "青溪高新技术产业开发区位于浙江省宁波市;白鹭高新技术产业开发区(白鹭高新区)和\
             云杉高新技术产业开发区(云杉高新区)均为首批国家高新区,分别位于吉林省长春市和甘肃省兰州市。",
        );
        for (zone, place) in [
            ("白鹭高新技术产业开发区", "长春市"),
            ("白鹭高新技术产业开发区", "吉林省"),
            ("云杉高新技术产业开发区", "兰州市"),
            ("青溪高新技术产业开发区", "宁波市"),
        ] {
            assert!(
                r.iter()
                    .any(|x| x.0 == Predicate::LocatedIn && x.1 == zone && x.2.ends_with(place)),
                "{zone}: {r:?}"
            );
        }
        assert!(
            !r.iter()
                .any(|x| x.0 == Predicate::LocatedIn && x.1 == "青溪高新技术产业开发区" && x.2.ends_with("长春市")),
            "{r:?}"
        );
    }

    #[test]
    fn a_project_built_in_a_park_after_zai_lies_in_the_park_and_its_zone() {
        let r = relations(
            "今年,总投资12亿元的远山电驱项目将在青溪高新区白鹭智造产业园开工。\
             蓝河材料公司投资8亿元,在青溪高新区云杉产业园建设蓝河隔膜二期项目。",
        );
        for (project, park) in [("远山电驱项目", "白鹭智造产业园"), ("蓝河隔膜二期项目", "云杉产业园")]
        {
            assert!(has(&r, Predicate::LocatedIn, project, park), "{project}: {r:?}");
            assert!(has(&r, Predicate::LocatedIn, project, "青溪高新区"), "{project}: {r:?}");
        }
        // 落户高新区A园: the word for the zone between the cue and the park.
        let r = relations("青溪高新区今年签约项目18个。星辰光电项目落户高新区白鹭智造产业园。");
        assert!(has(&r, Predicate::LocatedIn, "星辰光电项目", "白鹭智造产业园"), "{r:?}");
        // 在 before a zone where nothing is built there settles nothing.
        let r = relations("远山电驱项目签约仪式在青溪高新区白鹭智造产业园举行。");
        assert!(
            !has(&r, Predicate::LocatedIn, "远山电驱项目", "白鹭智造产业园"),
            "{r:?}"
        );
    }

    #[test]
    fn an_item_a_zone_s_description_qualifies_lies_in_that_zone() {
        let r = relations(
            "青溪高新区的芯片设计企业依托的是位于松岭高新区的白鹭微电子股份有限公司。\
             青溪高新区白鹭产业园内的远山光学科技有限公司今年扩产。",
        );
        assert!(
            has(&r, Predicate::LocatedIn, "白鹭微电子股份有限公司", "松岭高新区"),
            "{r:?}"
        );
        assert!(
            !has(&r, Predicate::LocatedIn, "白鹭微电子股份有限公司", "青溪高新区"),
            "{r:?}"
        );
        assert!(
            has(&r, Predicate::LocatedIn, "远山光学科技有限公司", "白鹭产业园"),
            "{r:?}"
        );
    }

    #[test]
    fn zones_named_as_a_larger_zone_s_core_area_or_members_lie_in_it() {
        let r = relations(
            "青溪高新区、松岭高新区作为白鹭江国家自主创新示范区的核心区,要率先落实。\
             青溪高新区下辖云杉生物城、青溪未来科技城等园区。",
        );
        for zone in ["青溪高新区", "松岭高新区"] {
            assert!(
                has(&r, Predicate::LocatedIn, zone, "白鹭江国家自主创新示范区"),
                "{zone}: {r:?}"
            );
        }
        assert!(has(&r, Predicate::LocatedIn, "青溪未来科技城", "青溪高新区"), "{r:?}");
        let r = relations(
            "Qingxi report\n\nQingxi High-Tech Zone is the core area of the Qingxi Science and Technology City.",
        );
        assert!(
            has(
                &r,
                Predicate::LocatedIn,
                "Qingxi High-Tech Zone",
                "Qingxi Science and Technology City"
            ),
            "{r:?}"
        );
    }

    #[test]
    fn a_zone_s_short_name_and_its_administration_make_it_the_article_s_zone() {
        // The zone: once by its name, once by its administration's
        // (白鹭高新区, the end of its name); another zone twice. After a
        // heading, a sentence naming no zone is about the zone of the article.
        let r = relations(
            "青溪白鹭高新区年报\n\n青溪白鹭高新区2023年营收增长。白鹭高新区管委会发布报告。\
             松岭高新区代表来访。松岭高新区签约。\n二、重点工作\n推行“一企一策”服务机制。",
        );
        assert!(
            has(&r, Predicate::Implements, "青溪白鹭高新区", "一企一策服务机制"),
            "{r:?}"
        );
    }

    #[test]
    fn an_item_settled_in_a_zone_lies_there_even_when_no_zone_is_the_topic() {
        // A market report, about no zone: the firms' own sentences place them.
        let r = relations(
            "港股新股一览\n\n白山高新区、白水高新区、白云高新区的企业也在排队。\
             白鹭光电总部位于青溪高新技术产业开发区(青溪高新区),今次在香港上市。\
             位于松岭高新技术产业开发区(“中国芯谷”)的远山芯科技股份有限公司同日上市。",
        );
        assert!(
            has(&r, Predicate::LocatedIn, "白鹭光电", "青溪高新技术产业开发区"),
            "{r:?}"
        );
        assert!(
            has(
                &r,
                Predicate::LocatedIn,
                "远山芯科技股份有限公司",
                "松岭高新技术产业开发区"
            ),
            "{r:?}"
        );
    }

    #[test]
    fn a_cooperation_zone_is_what_its_article_is_about() {
        // An article on a cooperation zone that names a high-tech zone once:
        // the cooperation zone's firms are its own.
        let r = relations(
            "青溪合作区观察\n\n白鹭青溪深度合作区今年引进企业120家。另一边的松岭高新区也在招商。\n\
             白鹭青溪深度合作区的集成电路产业链由远山芯片有限公司担任链主。\n\
             园区还引进了蓝湾半导体有限公司。",
        );
        assert!(
            has(&r, Predicate::LocatedIn, "蓝湾半导体有限公司", "白鹭青溪深度合作区"),
            "{r:?}"
        );
        assert!(
            !r.iter()
                .any(|(_, s, o)| s.as_str() == "蓝湾半导体有限公司" && o.as_str() == "松岭高新区"),
            "{r:?}"
        );
    }

    #[test]
    fn the_company_referred_to_co_operates_and_its_partner_stays_outside_the_zone() {
        let r = relations("白山高新区的远山材料股份有限公司上市。公司先后与青溪化学研究所、白鹭大学开展产学研合作。");
        for partner in ["青溪化学研究所", "白鹭大学"] {
            assert!(
                has(&r, Predicate::CooperatesWith, "远山材料股份有限公司", partner),
                "{partner}: {r:?}"
            );
            assert!(
                !has(&r, Predicate::CooperatesWith, "白山高新区", partner),
                "{partner}: {r:?}"
            );
            assert!(
                !has(&r, Predicate::LocatedIn, partner, "白山高新区"),
                "{partner}: {r:?}"
            );
        }
    }

    #[test]
    fn a_renaming_after_its_approval_and_a_zone_word_that_says_where_it_lies() {
        let text = "2021年3月,白山县工业园区经省政府批准更名为白山经济技术开发区。开发区位于白山县城南街道。";
        let r = relations(text);
        assert!(
            has(&r, Predicate::FormerName, "白山经济技术开发区", "白山县工业园区"),
            "{r:?}"
        );
        assert!(has(&r, Predicate::LocatedIn, "白山经济技术开发区", "城南街道"), "{r:?}");
        // 经 opens the approval: what stands before it is no agency's name.
        let ex = extract(&clean(text));
        assert!(
            !ex.mentions.iter().any(|m| m.kind == crate::extract::Kind::Agency),
            "{:?}",
            ex.mentions
        );
    }

    #[test]
    fn chain_leaders_whose_industry_is_named_before_the_cue() {
        let ex = extract(&clean(
            "青溪高新区实施“链长制”。远山重工股份有限公司作为工程机械产业链链主企业,带动配套企业落户。\
             在智能终端产业链上,青溪高新区以白鹭微电子股份有限公司为龙头,集聚了一批设计企业。",
        ));
        let leads: Vec<(&str, &str)> = ex
            .relations
            .iter()
            .filter(|r| r.predicate == Predicate::ChainLeader)
            .filter_map(|r| {
                Some((
                    ex.mentions[r.object?].name.as_str(),
                    ex.mentions[r.industry?].name.as_str(),
                ))
            })
            .collect();
        assert_eq!(
            leads,
            vec![
                ("远山重工股份有限公司", "工程机械"),
                ("白鹭微电子股份有限公司", "智能终端")
            ]
        );
    }

    #[test]
    fn a_footnote_defining_the_leading_industries_states_them() {
        let r = relations("青溪高新区2023年统计公报。\n[3]三大主导产业指新材料产业、生物医药产业、高端装备产业。");
        for industry in ["新材料", "生物医药", "高端装备"] {
            assert!(
                has(&r, Predicate::LeadingIndustry, "青溪高新区", industry),
                "{industry}: {r:?}"
            );
        }
    }

    #[test]
    fn the_zone_whose_body_issues_a_title_carries_it_out() {
        let r = relations(
            "青溪高新区和白鹭高新区入选企业最多。青溪高新区管委会已出台《青溪高新区企业成长十条》,对新认定企业给予奖励;白鹭高新区对入选企业给予租金减半支持。",
        );
        assert!(
            has(&r, Predicate::Implements, "青溪高新区", "青溪高新区企业成长十条"),
            "{r:?}"
        );
        assert!(
            !r.iter().any(|x| x.0 == Predicate::Implements && x.1 == "白鹭高新区"),
            "{r:?}"
        );
    }

    #[test]
    fn a_roster_of_leaders_a_chain_a_line_under_its_announcement_names_short_names() {
        let mut leads = chain_leads(
            "青溪高新区发布首批10家“链主”企业名单,具体为:\n工程机械产业链:远山重工集团、蓝河智能装备股份有限公司;\n生物医药产业链:白鹭生物、青禾医疗器械。\n",
        );
        leads.sort();
        let expected = [
            ("白鹭生物", "生物医药"),
            ("蓝河智能装备股份有限公司", "工程机械"),
            ("远山重工集团", "工程机械"),
            ("青禾医疗器械", "生物医药"),
        ];
        let mut expected: Vec<(String, String)> =
            expected.iter().map(|(l, i)| (l.to_string(), i.to_string())).collect();
        expected.sort();
        assert_eq!(leads, expected);
        // Lines of the same form under no announcement of leaders are no roster.
        assert!(chain_leads("青溪高新区企业分布如下:\n工程机械产业链:远山重工集团、蓝河智能装备;\n").is_empty());
    }

    #[test]
    fn a_chain_s_leader_names_its_industry_even_one_the_taxonomy_lacks() {
        assert_eq!(
            chain_leads("青溪高新区集聚器件企业180余家,白山电路股份有限公司为电子电路产业链链主。"),
            [("白山电路股份有限公司".to_string(), "电子电路".to_string())]
        );
        // … also when the clause names the leader after the chain.
        assert_eq!(
            chain_leads("青溪高新区发布名单。冷链装备产业链由白山冷藏汽车有限公司担任链主。"),
            [("白山冷藏汽车有限公司".to_string(), "冷链装备".to_string())]
        );
        // … with 以…为链主, and 担当龙头 in a sentence naming the chain.
        assert_eq!(
            chain_leads("青溪高新区全面推行链长制。先进制造产业链以白山重工股份有限公司(以下简称“白山重工”)为链主。"),
            [("白山重工股份有限公司".to_string(), "先进制造".to_string())]
        );
        assert_eq!(
            chain_leads("青溪高新区年报。生物医药产业链由白山制药有限公司担当龙头。"),
            [("白山制药有限公司".to_string(), "生物医药".to_string())]
        );
        // Two industries joined by 及 name one chain.
        assert_eq!(
            chain_leads("青溪经开区年报。汽车及零部件产业链以白山汽车有限公司为链主。"),
            [("白山汽车有限公司".to_string(), "汽车及零部件".to_string())]
        );
        // A reference is no industry.
        assert!(chain_leads("青溪高新区的白山电路股份有限公司是该产业链的链主企业。")
            .iter()
            .all(|(_, i)| !i.starts_with('该')));
    }

    #[test]
    fn every_zone_of_a_list_carries_out_the_policy_its_clause_names() {
        let r = relations("苏州、无锡等国家级高新区要在落实《青溪省高新区提质行动方案》中走在前列。");
        for zone in ["苏州高新区", "无锡高新区"] {
            assert!(
                has(&r, Predicate::Implements, zone, "青溪省高新区提质行动方案"),
                "{r:?}"
            );
        }
        // A list of counts is no list of zones.
        let r = relations("全省共有12家国家级高新区、22家省级高新区。");
        assert!(r.is_empty(), "{r:?}");
    }

    #[test]
    fn each_clause_of_a_sentence_leads_the_chains_of_its_own_zone() {
        let r = relations(
            "支持青溪高新区以白山重工股份有限公司为龙头,做强工程机械产业链;支持白河高新区以远山医疗器械股份有限公司为龙头,打造医疗器械产业集群。",
        );
        assert!(
            has(&r, Predicate::ChainLeader, "白河高新区", "远山医疗器械股份有限公司"),
            "{r:?}"
        );
        assert!(
            has(&r, Predicate::ChainLeader, "青溪高新区", "白山重工股份有限公司"),
            "{r:?}"
        );
        // … and what a clause names lies in its own zone.
        assert!(
            has(&r, Predicate::LocatedIn, "远山医疗器械股份有限公司", "白河高新区"),
            "{r:?}"
        );
        assert!(
            !has(&r, Predicate::LocatedIn, "远山医疗器械股份有限公司", "青溪高新区"),
            "{r:?}"
        );
    }

    use crate::extract::chain_leads;

    #[test]
    fn a_slide_lists_a_chain_s_leaders_under_a_heading_line() {
        let slide = "青溪高新区投资指南\n\
                     产业链链主 CHAIN LEADERS\n\
                     推行链长制 | 一条产业链、一批链主\n\
                     新能源汽车产业链  NEV Chain\n\
                     链主\n\
                     远山汽车集团 Yuanshan Auto Group\n\
                     白鹭动力电池\n\
                     配套\n\
                     蓝河底盘系统 | 云杉热管理\n\
                     集成电路产业链  IC Chain\n\
                     链主\n\
                     青岚微电子\n\
                     配套\n\
                     黄河封测 | 白山材料\n";
        let want = [
            ("远山汽车集团", "新能源汽车"),
            ("白鹭动力电池", "新能源汽车"),
            ("青岚微电子", "集成电路"),
        ];
        let mut leads = chain_leads(slide);
        leads.sort();
        let mut want = want.map(|(a, b)| (a.to_string(), b.to_string())).to_vec();
        want.sort();
        assert_eq!(leads, want);
    }

    #[test]
    fn each_clause_of_a_list_of_chains_keeps_its_own_industry() {
        let leads = chain_leads(
            "青溪高新区集成电路产业链以蓝河微电子有限公司、远山半导体有限公司为链主,\
             物联网产业链链主为白鹭感知科技股份有限公司。",
        );
        let want = [
            ("蓝河微电子有限公司", "集成电路"),
            ("远山半导体有限公司", "集成电路"),
            ("白鹭感知科技股份有限公司", "物联网"),
        ];
        assert_eq!(leads, want.map(|(a, b)| (a.to_string(), b.to_string())), "{leads:?}");
        // An industry a list named, named again bare before its leaders.
        let leads = chain_leads(
            "青溪高新区的三大主导产业是平板显示、智能终端和集成电路。\
             其中平板显示由蓝河光电有限公司、远山显示有限公司两家龙头厂领军,配套完整。",
        );
        assert_eq!(
            leads,
            [
                ("蓝河光电有限公司".to_string(), "平板显示".to_string()),
                ("远山显示有限公司".to_string(), "平板显示".to_string())
            ],
            "{leads:?}"
        );
        // A chain whose industry is not named keeps its leaders from the next one.
        let leads = chain_leads(
            "青溪高新区现有集成电路企业300余家,产业链以蓝河微电子有限公司为链主,\
             物联网产业链链主为白鹭感知科技股份有限公司。",
        );
        assert_eq!(
            leads,
            [("白鹭感知科技股份有限公司".to_string(), "物联网".to_string())],
            "{leads:?}"
        );
        let leads = chain_leads(
            "青溪高新区的光伏产业链由蓝河光能股份有限公司担纲链主,动力电池产业链链主为远山动力科技有限公司,\
             新材料产业链则由白鹭材料股份有限公司领衔。",
        );
        let want = [
            ("蓝河光能股份有限公司", "光伏"),
            ("远山动力科技有限公司", "动力电池"),
            ("白鹭材料股份有限公司", "新材料"),
        ];
        assert_eq!(leads, want.map(|(a, b)| (a.to_string(), b.to_string())), "{leads:?}");
    }

    #[test]
    fn a_science_city_of_the_article_s_zone_is_the_subject_of_its_paragraph_only() {
        let r = relations(
            "青溪高新区全年营业收入增长9%。青溪高新区创新动能增强,青溪高新区获评优秀。\n\
             白鹭科技城新引进新型研发机构12家,白鹭科技城已集聚企业300家。\n\
             认真落实《青溪智造行动计划》,全年兑现奖补资金8亿元。",
        );
        assert!(
            has(&r, Predicate::Implements, "青溪高新区", "青溪智造行动计划"),
            "{r:?}"
        );
        assert!(
            !r.iter().any(|x| x.0 == Predicate::Implements && x.1 == "白鹭科技城"),
            "{r:?}"
        );
    }

    #[test]
    fn a_date_between_a_party_and_与_leaves_it_the_party() {
        let r = relations("青溪高新区管委会今年5月与白山大学签署合作协议。");
        let pair =
            |a: &str, b: &str| has(&r, Predicate::CooperatesWith, a, b) || has(&r, Predicate::CooperatesWith, b, a);
        assert!(pair("白山大学", "青溪高新区管委会"), "{r:?}");
        assert_eq!(super::trailing_date("管委会2024年5月"), Some("2024年5月".len()));
        assert_eq!(super::trailing_date("管委会5月12日"), Some("5月12日".len()));
        assert_eq!(super::trailing_date("管委会"), None);
    }

    #[test]
    fn every_enterprise_of_a_list_is_listed() {
        let r = relations("园区的远山材料股份有限公司、白鹭药业股份有限公司等企业已在深交所创业板上市。");
        for e in ["远山材料股份有限公司", "白鹭药业股份有限公司"] {
            assert!(r.iter().any(|x| x.0 == Predicate::ListedOn && x.1 == e), "{e}: {r:?}");
        }
    }

    #[test]
    fn settled_in_the_zone() {
        let r = relations("青溪高新区加快发展。蓝河材料高性能膜项目落户园区,远山科技股份有限公司入驻高新区。");
        assert!(
            has(&r, Predicate::LocatedIn, "蓝河材料高性能膜项目", "青溪高新区"),
            "{r:?}"
        );
        assert!(
            has(&r, Predicate::LocatedIn, "远山科技股份有限公司", "青溪高新区"),
            "{r:?}"
        );
    }

    #[test]
    fn leading_and_first_industries() {
        let r = relations("青溪高新区拥有电子信息首位产业和绿色食品、新材料两大主导产业。");
        for i in ["电子信息", "绿色食品", "新材料"] {
            assert!(has(&r, Predicate::LeadingIndustry, "青溪高新区", i), "{i}: {r:?}");
        }
    }

    #[test]
    fn firms_a_park_gathers_or_that_name_their_park_lie_in_it() {
        let r = relations(
            "作为青溪高新区医药产业的主要承载地,白鹭药谷产业园目前聚集了远山制药股份有限公司、蓝河药业股份有限公司等企业40余家。",
        );
        for firm in ["远山制药股份有限公司", "蓝河药业股份有限公司"] {
            assert!(has(&r, Predicate::LocatedIn, firm, "白鹭药谷产业园"), "{firm}: {r:?}");
            assert!(!has(&r, Predicate::LocatedIn, firm, "青溪高新区"), "{firm}: {r:?}");
        }
        let r = relations("青溪高新区快讯:远山汽车股份有限公司所在的白鹭汽车产业园已建成投产。");
        assert!(
            has(&r, Predicate::LocatedIn, "远山汽车股份有限公司", "白鹭汽车产业园"),
            "{r:?}"
        );
    }

    #[test]
    fn each_clause_naming_its_zone_before_a_cue_has_its_own_industries() {
        let r = relations(
            "白山市下辖三个园区:青溪经济开发区以新材料为首位产业,白河工业园区重点产业是特钢和高端装备,\
             松岭工业园区的主导产业为食品饮料和中医药。",
        );
        for (zone, industry) in [
            ("青溪经济开发区", "新材料"),
            ("白河工业园区", "特钢"),
            ("白河工业园区", "高端装备"),
            ("松岭工业园区", "食品饮料"),
            ("松岭工业园区", "中医药"),
        ] {
            assert!(
                has(&r, Predicate::LeadingIndustry, zone, industry),
                "{zone} {industry}: {r:?}"
            );
        }
        assert!(!has(&r, Predicate::LeadingIndustry, "青溪经济开发区", "特钢"), "{r:?}");
    }

    #[test]
    fn leading_industries_listed_after_the_cue() {
        for text in [
            "青溪高新区位于白山市,主导产业为智能终端、新能源装备和节能环保。",
            "青溪高新区的主导产业是智能终端、新能源装备及节能环保。",
            "青溪高新区聚焦三大主导产业,分别是智能终端、新能源装备和节能环保,其中智能终端规模最大。",
        ] {
            let r = relations(text);
            for i in ["智能终端", "新能源装备", "节能环保"] {
                assert!(
                    has(&r, Predicate::LeadingIndustry, "青溪高新区", i),
                    "{i} in {text}: {r:?}"
                );
            }
        }
        // 重点发展 is followed by the list right away.
        let r = relations("青溪高新区重点发展智能终端、节能环保等产业。");
        for i in ["智能终端", "节能环保"] {
            assert!(has(&r, Predicate::LeadingIndustry, "青溪高新区", i), "{i}: {r:?}");
        }
        // A count and 产业 close the list: 节能环保三大产业 is 节能环保.
        let r = relations("青溪高新区重点发展智能终端、新能源装备和节能环保三大产业。");
        for i in ["智能终端", "新能源装备", "节能环保"] {
            assert!(has(&r, Predicate::LeadingIndustry, "青溪高新区", i), "{i}: {r:?}");
        }
        assert!(!r.iter().any(|x| x.2.contains("三大")), "{r:?}");
        // The count says which industries a conjunction joins into one.
        for (text, industries) in [
            (
                "青溪高新区形成了汽车及零部件、生物医药、光电信息三大主导产业。",
                vec!["汽车及零部件", "生物医药", "光电信息"],
            ),
            (
                "青溪高新区确立了电子信息、新能源与节能环保两大主导产业。",
                vec!["电子信息", "新能源与节能环保"],
            ),
            (
                "青溪高新区将生物医药、新材料和现代物流确定为三大主导产业。",
                vec!["生物医药", "新材料", "现代物流"],
            ),
            (
                "青溪高新区确立了电子信息、新能源与节能环保三大主导产业。",
                vec!["电子信息", "新能源", "节能环保"],
            ),
        ] {
            let r = relations(text);
            let found: Vec<&str> = r
                .iter()
                .filter(|x| x.0 == Predicate::LeadingIndustry)
                .map(|x| x.2.as_str())
                .collect();
            for i in &industries {
                assert!(found.contains(i), "{i} in {text}: {found:?}");
            }
            assert_eq!(found.len(), industries.len(), "{text}: {found:?}");
        }
        // After the cue, a sentence rather than a list names no industry.
        let r = relations("青溪高新区主导产业为以汽车为主的先进制造业。");
        assert!(!r.iter().any(|x| x.0 == Predicate::LeadingIndustry), "{r:?}");
    }

    #[test]
    fn chain_leaders_of_several_chains_in_one_sentence() {
        let r = relations(
            "青溪高新区已集聚蓝河材料、远山科技为龙头的新材料产业链和白鹭药业、和光生物为头雁的生物医药产业链。",
        );
        let chains: Vec<_> = r
            .iter()
            .filter(|x| x.0 == Predicate::ChainLeader)
            .map(|x| x.2.clone())
            .collect();
        assert_eq!(chains, vec!["和光生物", "白鹭药业", "蓝河材料", "远山科技"], "{r:?}");
    }

    #[test]
    fn chain_leaders_after_the_cue_quoted_cues_and_chain_only_cues() {
        for text in [
            "青溪高新区的远山材料股份有限公司是新材料产业链的“链主”企业。",
            "青溪高新区新材料产业链的链主企业为远山材料股份有限公司。",
            "青溪高新区新材料产业链由远山材料股份有限公司领衔。",
            "远山材料股份有限公司担任青溪高新区新材料产业链链主。",
        ] {
            let r = relations(text);
            assert!(
                has(&r, Predicate::ChainLeader, "青溪高新区", "远山材料股份有限公司"),
                "{text}: {r:?}"
            );
        }
        // The leaders right after the cue, a quoted role and the clause's own leaders.
        for text in [
            "青溪高新区发展迅速,作为园区新材料产业链的链主企业,远山材料股份有限公司将追加投资。",
            "青溪高新区新材料产业以“链主”企业远山材料股份有限公司为牵引。",
            "青溪高新区内,远山材料股份有限公司扮演着新材料产业“龙头”的角色。",
            "青溪高新区引进了白鹭药业股份有限公司;新材料领域龙头企业远山材料股份有限公司研制成功新产品,带动新材料产业发展。",
        ] {
            let r = relations(text);
            let leaders: Vec<&str> = r
                .iter()
                .filter(|x| x.0 == Predicate::ChainLeader)
                .map(|x| x.2.as_str())
                .collect();
            assert_eq!(leaders, vec!["远山材料股份有限公司"], "{text}: {r:?}");
        }
        // The chain named by its industry and 链 alone, in the same sentence
        // or the clause before the leaders.
        for text in [
            "青溪高新区的光伏储能链则以远山材料股份有限公司为龙头。",
            "新材料是青溪高新区的首位产业,远山材料股份有限公司是这条链当仁不让的“头雁”。",
            "青溪高新区新材料链的链主为远山材料股份有限公司。",
        ] {
            let r = relations(text);
            assert!(
                has(&r, Predicate::ChainLeader, "青溪高新区", "远山材料股份有限公司"),
                "{text}: {r:?}"
            );
        }
        // Without a chain, 领衔 is no chain leader's word.
        let r = relations("青溪高新区的创新团队由远山材料股份有限公司领衔,主攻新材料。");
        assert!(!r.iter().any(|x| x.0 == Predicate::ChainLeader), "{r:?}");
    }

    #[test]
    fn a_planned_listing_is_not_a_listing() {
        let r = relations(
            "青溪高新区内,远山材料股份有限公司登陆上海证券交易所科创板。园区力争推动蓝河材料股份有限公司在创业板上市。",
        );
        assert!(
            has(&r, Predicate::ListedOn, "远山材料股份有限公司", "上海证券交易所科创板"),
            "{r:?}"
        );
        assert!(
            !r.iter()
                .any(|x| x.0 == Predicate::ListedOn && x.1 == "蓝河材料股份有限公司"),
            "{r:?}"
        );
    }

    #[test]
    fn parties_that_sign_an_agreement_co_operate() {
        let r = relations("9月19日,青溪高新区管委会与白鹭高新技术产业开发区管理委员会签署《青白产业园共建协议》。");
        assert!(
            has(
                &r,
                Predicate::CooperatesWith,
                "青溪高新区管委会",
                "白鹭高新技术产业开发区管理委员会"
            ),
            "{r:?}"
        );
    }

    #[test]
    fn listed_parties_co_operate_and_a_partner_is_not_inside() {
        let r = relations("青溪大学、白山理工大学与青溪高新区共建研究中心。");
        assert!(has(&r, Predicate::CooperatesWith, "青溪大学", "青溪高新区"), "{r:?}");
        assert!(
            has(&r, Predicate::CooperatesWith, "白山理工大学", "青溪高新区"),
            "{r:?}"
        );
        let r = relations("青溪高新区与白山新材料研究院等机构开展人才培养合作。");
        assert!(
            has(&r, Predicate::CooperatesWith, "青溪高新区", "白山新材料研究院"),
            "{r:?}"
        );
        assert!(
            !has(&r, Predicate::LocatedIn, "白山新材料研究院", "青溪高新区"),
            "{r:?}"
        );
    }

    #[test]
    fn an_agency_before_an_issuing_verb_issues_the_title() {
        let r = relations("近日,科学技术部印发《关于支持青溪高新区发展的意见》。");
        assert!(
            r.iter()
                .any(|x| x.0 == Predicate::IssuedBy && x.1 == "关于支持青溪高新区发展的意见"),
            "{r:?}"
        );
        // A date or time word before the verb, and agencies issuing together.
        let r = relations("青溪高新区管委会近日印发《青溪高新区光伏产业行动方案》。");
        assert!(
            has(
                &r,
                Predicate::IssuedBy,
                "青溪高新区光伏产业行动方案",
                "青溪高新区管委会"
            ),
            "{r:?}"
        );
        let r = relations("2023年3月,浙江省科学技术厅、浙江省财政厅联合印发《青溪研发补助细则》。");
        for agency in ["浙江省科学技术厅", "浙江省财政厅"] {
            assert!(has(&r, Predicate::IssuedBy, "青溪研发补助细则", agency), "{r:?}");
        }
    }

    #[test]
    fn a_park_named_right_after_its_zone_lies_in_it() {
        let r = relations("远山科技股份有限公司位于青溪高新区未来科技城。");
        assert!(has(&r, Predicate::LocatedIn, "未来科技城", "青溪高新区"), "{r:?}");
    }

    #[test]
    fn a_company_called_by_its_short_name_is_the_company() {
        let r = relations("青溪高新区的云南远山重工技术股份有限公司发展迅速。远山重工2010年在深圳证券交易所上市。");
        assert!(
            has(
                &r,
                Predicate::ListedOn,
                "云南远山重工技术股份有限公司",
                "深圳证券交易所"
            ),
            "{r:?}"
        );
        // Not where the short name starts a longer name.
        let r = relations("青溪高新区的远山重工股份有限公司发展迅速。远山重工装备项目签约落户青溪高新区。");
        assert!(!r.iter().any(|x| x.1 == "远山重工"), "{r:?}");
        // The trade words and the industry before them go one after another.
        let r = relations("青溪高新区的白鹭智行汽车科技有限公司发展迅速。白鹭智行2010年在深圳证券交易所上市。");
        assert!(
            has(&r, Predicate::ListedOn, "白鹭智行汽车科技有限公司", "深圳证券交易所"),
            "{r:?}"
        );
    }

    #[test]
    fn every_party_of_a_three_party_signing_co_operates_with_the_others() {
        for text in [
            "青溪高新技术产业开发区(以下简称青溪高新区)、白鹭大学与青溪化学研究所签署合作协议,共建研究院。",
            "青溪高新技术产业开发区、白鹭大学、青溪化学研究所三方签约,共同建设中试基地。",
        ] {
            let r = relations(text);
            for (a, b) in [
                ("青溪高新技术产业开发区", "白鹭大学"),
                ("青溪高新技术产业开发区", "青溪化学研究所"),
                ("白鹭大学", "青溪化学研究所"),
            ] {
                assert!(
                    has(&r, Predicate::CooperatesWith, a, b) || has(&r, Predicate::CooperatesWith, b, a),
                    "{text}: {a} {b} {r:?}"
                );
            }
        }
    }

    #[test]
    fn an_application_to_list_is_not_a_listing() {
        let r = relations(
            "青溪高新区的白鹭药业股份有限公司已在科创板提交上市申请,远山材料股份有限公司于2023年在深圳证券交易所上市。",
        );
        assert!(
            !r.iter()
                .any(|x| x.0 == Predicate::ListedOn && x.1 == "白鹭药业股份有限公司"),
            "{r:?}"
        );
        assert!(
            has(&r, Predicate::ListedOn, "远山材料股份有限公司", "深圳证券交易所"),
            "{r:?}"
        );
    }

    #[test]
    fn a_translation_adds_no_facts_of_its_own() {
        let r = relations(
            "青溪高新区与白山纳米研究所合作共建实验站。\n\nThe Qingxi High-Tech Zone and the Baishan Institute of Nano-Tech of the Chinese Academy of Sciences jointly built a station.",
        );
        assert!(
            !r.iter().any(|x| x.1.contains("Academy")
                || x.2.contains("Academy")
                || x.1 == "中国科学院"
                || x.2 == "中国科学院"),
            "{r:?}"
        );
    }

    #[test]
    fn a_zone_s_short_name_is_no_former_name() {
        let r =
            relations("青溪高新技术产业开发区(简称青溪高新区)位于浙江省,2006年经国务院批复由青溪工业集中区更名而来。");
        assert!(
            !r.iter().any(|x| x.0 == Predicate::FormerName && x.2 == "青溪高新区"),
            "{r:?}"
        );
        // The old name is its former name (工业集中区 is a zone's ending).
        assert!(
            has(&r, Predicate::FormerName, "青溪高新技术产业开发区", "青溪工业集中区"),
            "{r:?}"
        );
    }

    #[test]
    fn a_quoted_old_name_and_the_name_a_zone_bore_then_are_former_names() {
        let r = relations("3月,经省政府批复同意,原“白山工业园”正式更名为“青溪高新区航空科创城”。");
        assert!(
            has(&r, Predicate::FormerName, "青溪高新区航空科创城", "白山工业园"),
            "{r:?}"
        );
        let r = relations("白山高新技术产业开发区1991年获批国家级高新区,当时的名称是白山市火炬高技术产业开发区。");
        assert!(
            has(
                &r,
                Predicate::FormerName,
                "白山高新技术产业开发区",
                "白山市火炬高技术产业开发区"
            ),
            "{r:?}"
        );
    }

    #[test]
    fn english_former_names_before_the_zone_and_after_starting_out() {
        let r = relations(
            "Formerly known as the Qingxi Science and Technology Industrial Park, the Qingxi High-tech Zone covers 128 square kilometres. \
             The Baishan High-tech Zone, which took its current name in 1991 after starting out as the Baishan Torch Park, grew fast.",
        );
        assert!(
            has(
                &r,
                Predicate::FormerName,
                "Qingxi High-tech Zone",
                "Qingxi Science and Technology Industrial Park"
            ),
            "{r:?}"
        );
        assert!(
            has(
                &r,
                Predicate::FormerName,
                "Baishan High-tech Zone",
                "Baishan Torch Park"
            ),
            "{r:?}"
        );
    }

    #[test]
    fn a_leading_industry_clause_after_a_semicolon_names_its_own_zone() {
        let r = relations("青溪高新区聚焦电子信息,营业收入436亿元;白山高新区以再生资源为首位产业,营业收入401亿元。");
        // (再生资源 is the taxonomy's 资源循环利用.)
        assert!(
            has(&r, Predicate::LeadingIndustry, "白山高新区", "资源循环利用"),
            "{r:?}"
        );
        assert!(
            !has(&r, Predicate::LeadingIndustry, "青溪高新区", "资源循环利用"),
            "{r:?}"
        );
    }

    #[test]
    fn issuers_listed_one_after_another_in_a_header_each_issued_it() {
        // (Spaces between Chinese words are squeezed: the two names are glued;
        // the second opens with a place, here a real province.)
        let r = relations("甘肃省科学技术厅 甘肃省发展和改革委员会关于印发《青溪高新区提质升级行动方案》的通知。");
        for agency in ["甘肃省科学技术厅", "甘肃省发展和改革委员会"] {
            assert!(
                has(&r, Predicate::IssuedBy, "青溪高新区提质升级行动方案", agency),
                "{agency}: {r:?}"
            );
        }
    }

    #[test]
    fn issuing_words_one_after_another_still_name_the_issuer() {
        let r = relations(
            "青溪省发展和改革委员会牵头制定《青溪省开发区整合优化工作方案》。白山经开区管委会制定出台《白山经开区链主企业培育实施办法》。",
        );
        assert!(
            has(
                &r,
                Predicate::IssuedBy,
                "青溪省开发区整合优化工作方案",
                "青溪省发展和改革委员会"
            ),
            "{r:?}"
        );
        assert!(
            has(
                &r,
                Predicate::IssuedBy,
                "白山经开区链主企业培育实施办法",
                "白山经开区管委会"
            ),
            "{r:?}"
        );
        // An agency after one title issues the next one, not the first.
        let r = relations(
            "青溪省人民政府印发《青溪省开发区整合实施方案》,白山省发展和改革委员会牵头制定《白山省开发区优化工作方案》。",
        );
        assert!(
            has(
                &r,
                Predicate::IssuedBy,
                "白山省开发区优化工作方案",
                "白山省发展和改革委员会"
            ),
            "{r:?}"
        );
        assert!(
            !has(
                &r,
                Predicate::IssuedBy,
                "青溪省开发区整合实施方案",
                "白山省发展和改革委员会"
            ),
            "{r:?}"
        );
    }

    #[test]
    fn a_policy_s_own_text_names_its_issuer_above_the_heading_and_its_zones_in_its_scope() {
        let text = "青溪市人民政府办公室\n关于印发《青溪市支持高新区发展的若干措施》的通知\n\
                    各区人民政府:现印发给你们。\n青溪市支持高新区发展的若干措施\n\
                    第一条 本措施适用于青溪高新技术产业开发区和白山高新技术产业开发区。\n";
        let r = relations(text);
        let title = "青溪市支持高新区发展的若干措施";
        assert!(has(&r, Predicate::IssuedBy, title, "青溪市人民政府办公室"), "{r:?}");
        for zone in ["青溪高新技术产业开发区", "白山高新技术产业开发区"] {
            assert!(
                r.iter()
                    .any(|x| x.0 == Predicate::Implements && x.1 == zone && x.2 == title),
                "{zone}: {r:?}"
            );
        }
        // A heading that hands on no title names no issuer.
        let r =
            relations("青溪省工业和信息化厅\n关于2025年度链主企业名单的公示\n为落实《青溪省链长制方案》,现予公示。\n");
        assert!(!r.iter().any(|x| x.0 == Predicate::IssuedBy), "{r:?}");
    }

    #[test]
    fn the_titles_of_a_list_share_their_issuer() {
        let r = relations(
            "青溪高新区管委会2024年制发了《青溪高新区上市扶持措施》(青高新发〔2024〕5号)、\
             《青溪高新区成果转化办法》和《青溪高新区营商环境十条》。",
        );
        for title in [
            "青溪高新区上市扶持措施",
            "青溪高新区成果转化办法",
            "青溪高新区营商环境十条",
        ] {
            assert!(
                has(&r, Predicate::IssuedBy, title, "青溪高新区管委会"),
                "{title}: {r:?}"
            );
        }
    }

    #[test]
    fn an_agency_right_after_a_title_and_before_an_issuing_verb_issued_it() {
        let r = relations(
            "青溪高新区的政策包括:《青溪高新区支持光电产业发展的若干政策》,青溪高新区管委会2023年8月发布。\
             《白山市加快生物医药产业发展若干措施》,由白山市人民政府办公厅印发。",
        );
        assert!(
            has(
                &r,
                Predicate::IssuedBy,
                "青溪高新区支持光电产业发展的若干政策",
                "青溪高新区管委会"
            ),
            "{r:?}"
        );
        assert!(
            has(
                &r,
                Predicate::IssuedBy,
                "白山市加快生物医药产业发展若干措施",
                "白山市人民政府办公厅"
            ),
            "{r:?}"
        );
    }

    #[test]
    fn a_company_described_by_its_listing_is_listed() {
        let r = relations("青溪高新区的上市企业中,有2016年在深交所创业板上市的青禾光电(300999),以及登陆上交所科创板的白鹭医药(688999)。");
        assert!(
            has(&r, Predicate::ListedOn, "青禾光电", "深圳证券交易所创业板"),
            "{r:?}"
        );
        assert!(
            has(&r, Predicate::ListedOn, "白鹭医药", "上海证券交易所科创板"),
            "{r:?}"
        );
    }

    #[test]
    fn an_annual_report_names_the_hong_kong_main_board_by_its_legal_name() {
        let r = relations(
            "Annual report\n\nQingxi Precision Holdings Limited has been listed on the Main Board of \
             The Stock Exchange of Hong Kong Limited since 2019.",
        );
        assert!(
            r.iter().any(|(p, s, o)| *p == Predicate::ListedOn
                && s.starts_with("Qingxi Precision")
                && o.as_str() == "香港联合交易所主板"),
            "{r:?}"
        );
    }

    #[test]
    fn the_name_before_an_upgrade_or_a_renaming_is_a_former_name() {
        let r = relations("白山高新技术产业开发区于2015年由白山高新技术产业园区升级为国家高新区。");
        assert!(
            has(
                &r,
                Predicate::FormerName,
                "白山高新技术产业开发区",
                "白山高新技术产业园区"
            ),
            "{r:?}"
        );
        // An old name found as no zone, after an approval with a place's agency.
        let r = relations("青溪高新区2018年8月经浙江省人民政府批准由青溪制造产业基地更名而来。");
        assert!(
            has(&r, Predicate::FormerName, "青溪高新区", "青溪制造产业基地"),
            "{r:?}"
        );
        // A level is no name.
        let r = relations("青溪高新区由省级高新区升级为国家高新区。");
        assert!(!r.iter().any(|x| x.0 == Predicate::FormerName), "{r:?}");
    }

    #[test]
    fn an_old_name_may_stand_before_a_date_and_a_joint_cue() {
        let r = relations("青溪高新技术产业开发区则由原青溪经济开发区于2012年更名升级而来,以数字经济为重点产业。");
        assert!(
            has(&r, Predicate::FormerName, "青溪高新技术产业开发区", "青溪经济开发区"),
            "{r:?}"
        );
        // Agencies that issue a title this month.
        let r = relations("白山省商务厅和白山省科学技术厅本月联合印发《关于支持合作园区发展的若干措施》。");
        for agency in ["白山省商务厅", "白山省科学技术厅"] {
            assert!(
                has(&r, Predicate::IssuedBy, "关于支持合作园区发展的若干措施", agency),
                "{agency}: {r:?}"
            );
        }
    }

    #[test]
    fn renamed_zone_keeps_its_former_name() {
        // A former name the reference table lists among the zone's other
        // names, opening a sentence of its own.
        let r = relations("襄阳高新区位于湖北省襄阳市。园区前身为襄樊高新区,2010年改用现名。");
        assert!(
            has(&r, Predicate::FormerName, "襄阳高新技术产业开发区", "襄樊高新区"),
            "{r:?}"
        );
        let r = relations("2019年,国务院批复同意青溪经济开发区更名为青溪高新技术产业开发区。");
        assert!(
            has(&r, Predicate::FormerName, "青溪高新技术产业开发区", "青溪经济开发区"),
            "{r:?}"
        );
        // Renamed after an upgrade named in the same sentence; a former name in parentheses.
        let r = relations("2022年,青溪高新技术产业园区升级为国家高新技术产业开发区,并更名为青溪高新技术产业开发区。");
        assert!(
            has(
                &r,
                Predicate::FormerName,
                "青溪高新技术产业开发区",
                "青溪高新技术产业园区"
            ),
            "{r:?}"
        );
        let r = relations("白山高新技术产业开发区(原白山有色金属产业园区)以新材料为主导产业。");
        assert!(
            has(
                &r,
                Predicate::FormerName,
                "白山高新技术产业开发区",
                "白山有色金属产业园区"
            ),
            "{r:?}"
        );
        // 原为A; 原 before a former name is no part of it, unless it starts a place (原阳).
        let r = relations("青溪高新技术产业开发区原为白山青溪高新技术产业园区,2017年获批升级。");
        assert!(
            has(
                &r,
                Predicate::FormerName,
                "青溪高新技术产业开发区",
                "白山青溪高新技术产业园区"
            ),
            "{r:?}"
        );
        let r = relations("白山市更名后,原白山高新技术产业开发区随之更名为青溪高新技术产业开发区。");
        assert!(
            has(
                &r,
                Predicate::FormerName,
                "青溪高新技术产业开发区",
                "白山高新技术产业开发区"
            ),
            "{r:?}"
        );
    }

    #[test]
    fn an_upgrade_names_the_zone_anew() {
        let r = relations(
            "2017年,国务院批复同意青溪高新技术产业园区升级为国家高新技术产业开发区,定名为青溪高新技术产业开发区。",
        );
        assert!(
            has(
                &r,
                Predicate::FormerName,
                "青溪高新技术产业开发区",
                "青溪高新技术产业园区"
            ),
            "{r:?}"
        );
        // 前身为: the old name is in the cue's clause, not a later name.
        let r = relations("白山高新区前身为2006年设立的白山工业集中区,2012年经省政府批准更名为白山高新技术产业园区。");
        assert!(
            r.iter()
                .any(|x| x.0 == Predicate::FormerName && x.2 == "白山工业集中区"),
            "{r:?}"
        );
        // Without an upgrade, 命名为 names something else.
        let r = relations("青溪高新区将新建的创新中心命名为青溪科技园。");
        assert!(!r.iter().any(|x| x.0 == Predicate::FormerName), "{r:?}");
    }

    #[test]
    fn a_joint_laboratory_lies_in_the_zone_only_when_settled_there_or_co_built_by_it() {
        let in_zone = |text: &str, lab: &str| {
            relations(text)
                .iter()
                .any(|x| x.0 == Predicate::LocatedIn && x.1 == lab && x.2 == "青溪高新区")
        };
        let lab = "精密光学联合实验室";
        assert!(!in_zone(
            &format!("青溪高新区发展很快。青溪高新区内的白山光学有限公司与澜川大学共建{lab}。"),
            lab
        ));
        assert!(in_zone(
            &format!("青溪高新区发展很快。园区与澜川大学共建的{lab}挂牌运行。"),
            lab
        ));
        assert!(in_zone(
            &format!("青溪高新区发展很快。白山光学有限公司与澜川大学共建{lab},实验室将落户青溪高新区。"),
            lab
        ));
    }

    #[test]
    fn english_passives_name_the_leader_and_the_issuer_after_the_verb() {
        let r = relations(
            "The Qingxi High-tech Industrial Development Zone grew fast. \
             Its integrated circuits chain is led by Lanhe Microelectronics Co., Ltd., a chip maker based in the zone.",
        );
        assert!(
            r.iter()
                .any(|x| x.0 == Predicate::ChainLeader && x.2 == "Lanhe Microelectronics Co., Ltd."),
            "{r:?}"
        );
        let title = "Several Opinions of the State Council on Promoting the Upgrading of Development Zones";
        let r = relations(&format!(
            "The Qingxi High-tech Industrial Development Zone grew fast. \
             The {title}, issued by the State Council in 2019, asked zones to specialise."
        ));
        assert!(has(&r, Predicate::IssuedBy, title, "国务院"), "{r:?}");
    }

    #[test]
    fn issuers_named_with_a_short_name_an_approval_or_a_notice() {
        let r =
            relations("青溪省科学技术厅、青溪省财政厅经省人民政府同意,联合印发《关于支持高新区成果转化的若干措施》。");
        for agency in ["青溪省科学技术厅", "青溪省财政厅"] {
            assert!(
                has(&r, Predicate::IssuedBy, "关于支持高新区成果转化的若干措施", agency),
                "{agency}: {r:?}"
            );
        }
        let r = relations("白山市市场监督管理局(白山市监局)于2023年2月发布的《白山市企业登记管理办法》已施行。");
        assert!(
            has(
                &r,
                Predicate::IssuedBy,
                "白山市企业登记管理办法",
                "白山市市场监督管理局"
            ),
            "{r:?}"
        );
        let r = relations("标题\n\n白山市人民政府办公厅关于印发《白山市开发区发展规划》的通知\n\n正文。");
        assert!(
            has(&r, Predicate::IssuedBy, "白山市开发区发展规划", "白山市人民政府办公厅"),
            "{r:?}"
        );
    }

    #[test]
    fn policies_issued_and_implemented() {
        let r = relations("青溪高新区深入贯彻《国务院关于推动青溪科技园区发展的意见》,实施“青苗人才计划”。");
        let policy = "国务院关于推动青溪科技园区发展的意见";
        assert!(has(&r, Predicate::IssuedBy, policy, "国务院"), "{r:?}");
        assert!(has(&r, Predicate::Implements, "青溪高新区", policy), "{r:?}");
        assert!(has(&r, Predicate::Implements, "青溪高新区", "青苗人才计划"), "{r:?}");
        // A place's body at the head of a title (no agency of the reference
        // data) issues it too; so does one that 印发了 it.
        let r = relations("青溪高新区细化落实《浙江省人民政府关于加快青溪科技城建设的意见》。");
        let policy = "浙江省人民政府关于加快青溪科技城建设的意见";
        assert!(has(&r, Predicate::IssuedBy, policy, "浙江省人民政府"), "{r:?}");
        let r = relations("嘉兴市科学技术局近日印发了《青溪研发补助细则》。");
        assert!(
            has(&r, Predicate::IssuedBy, "青溪研发补助细则", "嘉兴市科学技术局"),
            "{r:?}"
        );
        // A zone at the head of a title is no agency.
        let r = relations("青溪高新区印发《青溪高新区关于支持人才的若干措施》。");
        assert!(
            !r.iter().any(|x| x.0 == Predicate::IssuedBy && x.2 == "青溪高新区"),
            "{r:?}"
        );
    }

    #[test]
    fn co_operation_with_the_zone_and_between_partners() {
        let r = relations("青溪高新区与青溪大学合作成立青溪材料研究院。青溪材料研究院与白山理工大学共建联合实验室。");
        assert!(
            has(&r, Predicate::CooperatesWith, "青溪高新区", "青溪大学")
                || has(&r, Predicate::CooperatesWith, "青溪大学", "青溪高新区"),
            "{r:?}"
        );
        assert!(
            r.iter()
                .any(|x| x.0 == Predicate::CooperatesWith && (x.1 == "白山理工大学" || x.2 == "白山理工大学")),
            "{r:?}"
        );
    }

    #[test]
    fn a_park_s_section_and_paragraph_are_about_the_park() {
        let text = "青溪高新区实行一区多园,下辖白鹭园、云杉园两个分园。\n\n\
                    白鹭园:创新的主引擎\n\n\
                    白鹭园坐落于白山市,已集聚青溪星辰光电有限公司等企业300余家。园区主攻光电信息和生物医药。\n\n\
                    云杉园:制造的承载地\n\n\
                    云杉园位于蓝湾工业集中区,是青溪高新区最早的园区。青溪恒远机械有限公司的总部就在这里。\n\n\
                    青溪高新区的做法是统一规划。";
        let r = relations(text);
        for (p, s, o) in [
            (Predicate::LocatedIn, "白鹭园", "青溪高新区"),
            (Predicate::LocatedIn, "云杉园", "青溪高新区"),
            (Predicate::LocatedIn, "青溪星辰光电有限公司", "白鹭园"),
            (Predicate::LocatedIn, "青溪恒远机械有限公司", "云杉园"),
            (Predicate::LocatedIn, "云杉园", "蓝湾工业集中区"),
            (Predicate::LeadingIndustry, "白鹭园", "光电信息"),
            (Predicate::LeadingIndustry, "白鹭园", "生物医药"),
        ] {
            assert!(has(&r, p, s, o), "{p:?} {s} {o}: {r:?}");
        }
        for (p, s, o) in [
            (Predicate::LocatedIn, "青溪星辰光电有限公司", "青溪高新区"),
            (Predicate::LocatedIn, "蓝湾工业集中区", "云杉园"),
            (Predicate::LeadingIndustry, "青溪高新区", "光电信息"),
        ] {
            assert!(!has(&r, p, s, o), "{p:?} {s} {o}: {r:?}");
        }
        // A zone's agency opening a sentence is not a park's paragraph.
        let r = relations("青溪高新区位于白山市。白鹭园管委会表示,青溪星辰光电有限公司已落户。");
        assert!(
            has(&r, Predicate::LocatedIn, "青溪星辰光电有限公司", "青溪高新区"),
            "{r:?}"
        );
    }

    #[test]
    fn a_quoted_renaming_after_a_city_s_and_a_partner_after_he() {
        let text = "2009年,白山县更名为白山市,园区也由“白山县高新技术产业开发区”更名为“白山高新技术产业开发区”。";
        let r = relations(text);
        assert!(
            has(
                &r,
                Predicate::FormerName,
                "白山高新技术产业开发区",
                "白山县高新技术产业开发区"
            ),
            "{r:?}"
        );
        // A zone after 和 is a partner, not what the next sentences are about.
        let text = "白山高新区新增企业30家。我们还和青溪高新区签订了合作协议。全区工业产值增长10%。";
        let r = resolve(&extract(&clean(text)));
        let subjects: Vec<&str> = r
            .observations
            .iter()
            .map(|o| r.entities[o.subject].label.as_str())
            .collect();
        assert_eq!(subjects, vec!["白山高新区", "白山高新区"], "{r:?}");
    }

    #[test]
    fn chain_leaders_of_a_chain_named_with_a_demonstrative_or_led_by_a_firm() {
        for (text, leader, industry) in [
            (
                "青溪高新区发展很快。在白山光纤股份有限公司等龙头企业带动下,光电子信息这一首位产业持续扩容。",
                "白山光纤股份有限公司",
                "光电信息",
            ),
            (
                "青溪高新区发展很快。在稀土永磁这条链上,白山稀土股份有限公司(白山稀土)作为链主企业负责冶炼。",
                "白山稀土股份有限公司",
                "稀土永磁",
            ),
            (
                "青溪高新区发展很快。生物医药链的链主为白山药业股份有限公司,集成电路链则由青溪芯片有限公司牵头。",
                "青溪芯片有限公司",
                "集成电路",
            ),
            // Respectively: the n-th chain's leader is the n-th firm.
            (
                "青溪高新区发展很快。新材料、生物医药两条产业链分别由白山材料有限公司和远川药业有限公司担任链主。",
                "白山材料有限公司",
                "新材料",
            ),
            (
                "青溪高新区发展很快。新材料、生物医药两条产业链分别由白山材料有限公司和远川药业有限公司担任链主。",
                "远川药业有限公司",
                "生物医药",
            ),
            // Leaders after 分别是, the second after a comma and 以及.
            (
                "青溪高新区发展很快。生物医药链的两家链主分别是白山制药有限公司,以及本土药企远川医药股份有限公司。",
                "远川医药股份有限公司",
                "生物医药",
            ),
            // A heading line names the chain of the line under it.
            (
                "青溪高新区发展很快。\n青溪高新区的链主企业如下。\n▶ 集成电路产业链\n链主企业：青溪芯片有限公司\n年产值增长两成。",
                "青溪芯片有限公司",
                "集成电路",
            ),
            // A chain map's mark before its leader.
            (
                "青溪高新区发展很快。\n\n二、集成电路产业链图谱\n\n链主企业:★白山芯片股份有限公司(白山芯片)\n链长单位:青溪高新区管委会\n",
                "白山芯片股份有限公司",
                "集成电路",
            ),
            // An item run in with its heading names the chain of its leaders,
            // not the segments it lists.
            (
                "青溪高新区主导产业为智能装备和生物医药。\n2.智能装备。以工业机器人、数控机床为重点,链主企业白山数控股份有限公司去年上市。",
                "白山数控股份有限公司",
                "智能装备",
            ),
            (
                "青溪高新区主导产业为智能装备和生物医药。\n3.生物医药。重点发展医疗器械和现代中药。远川药业股份有限公司作为产业链头雁企业,营收增长三成。",
                "远川药业股份有限公司",
                "生物医药",
            ),
        ] {
            let r = resolve(&extract(&clean(text)));
            let found = r.relations.iter().any(|rel| {
                rel.predicate == Predicate::ChainLeader
                    && matches!(rel.object, Object::Entity(e) if r.entities[e].label == leader)
                    && rel.industry.is_some_and(|i| r.entities[i].label == industry)
            });
            assert!(found, "{leader} {industry} in {text}: {:?}", r.relations);
        }
    }

    #[test]
    fn zones_visited_are_not_parks_of_the_zone() {
        let r = relations("青溪高新区领导先后赴白山工业园区、蓝湾高新区考察学习。");
        assert!(
            !r.iter().any(|x| x.0 == Predicate::LocatedIn && x.2 == "青溪高新区"),
            "{r:?}"
        );
    }
}
