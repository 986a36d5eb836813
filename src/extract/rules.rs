//! The extraction rules of `data/rules/*.toml`, parsed and compiled once.

use crate::charfilter::CharFilter;
use crate::data;
use foldhash::{HashMap, HashSet};
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Debug, Deserialize)]
pub struct EntityRules {
    pub zone: ZoneRules,
    pub enterprise: EnterpriseRules,
    pub institute: InstituteRules,
    pub agency: AgencyRules,
    pub project: ProjectRules,
    pub policy: PolicyRules,
    pub boundary: BoundaryRules,
    pub industry: IndustryRules,
    pub village: VillageRules,
    pub list: ListRules,
    pub references: ReferenceRules,
    pub nicknames: NicknameRules,
    pub english: EnglishRules,
}

/// Bynames declared for a name (`[nicknames]` of entities.toml).
#[derive(Debug, Deserialize)]
pub struct NicknameRules {
    /// Between a name and a quoted byname: 被誉为, 号称.
    pub cues: Vec<String>,
    /// … or these before the byname (素有, 享有) with one of `frame_closers` after it (之称).
    pub frame_openers: Vec<String>,
    pub frame_closers: Vec<String>,
}

impl NicknameRules {
    /// Whether `between` (the text from the end of a name to the start of the
    /// next) and `after` (the text after that next name) declare the next name
    /// a byname of the first.
    pub fn declares(&self, between: &str, after: &str) -> bool {
        let between = between.trim_start_matches([',', '也', '还', '更']);
        let between = between.trim_end_matches(['“', '"', '「', '《']);
        let after = after.trim_start_matches(['”', '"', '」', '》']);
        self.cues.iter().any(|c| c == between)
            || (self.frame_openers.iter().any(|c| c == between)
                && self.frame_closers.iter().any(|c| after.starts_with(c.as_str())))
    }
}

/// Words that point back to an entity named earlier (`[references]` of entities.toml).
#[derive(Debug, Deserialize)]
pub struct ReferenceRules {
    /// At the start of a segment: the enterprise named last (该公司, 公司).
    pub enterprise: Vec<String>,
    /// At the start of a segment: the institute named last (该研究院, 该院).
    pub institute: Vec<String>,
    /// At the start of a segment: the project named last (本项目, 该项目).
    pub project: Vec<String>,
    /// Time words a segment may open with before the reference word
    /// (今年该企业…; a year, 2023年, is skipped without a list).
    pub time_before: Vec<String>,
    /// … unless one of these follows (公司数量 counts companies).
    pub not_before: Vec<String>,
    /// At the start of a segment, with one of `described_closers` later in
    /// it: the enterprise named last, or the one named between the two
    /// (这家成立于2015年的企业, 这家全称为A有限公司的企业).
    pub described_openers: Vec<String>,
    pub described_closers: Vec<String>,
    /// The characters a segment opening with a reference may start with
    /// (the words' first characters and digits, for a year).
    #[serde(skip)]
    first_chars: CharFilter,
}

impl ReferenceRules {
    fn index_first_chars(&mut self) {
        let words = self
            .enterprise
            .iter()
            .chain(&self.institute)
            .chain(&self.project)
            .chain(&self.time_before)
            .chain(&self.described_openers);
        for c in words.filter_map(|w| w.chars().next()).chain('0'..='9') {
            self.first_chars.insert(c);
        }
    }

    /// `false` when a segment opening with `c` certainly opens with no
    /// reference word (nor a year or time word before one).
    pub fn may_open(&self, c: char) -> bool {
        self.first_chars.may_contain(c)
    }

    /// The kind of entity the reference word opening `lead` points back to,
    /// and the words after it (该公司营业收入 → enterprise, 营业收入); none
    /// when the words after it count companies (公司数量).
    pub fn opening<'a>(&self, lead: &'a str) -> Option<(super::Kind, &'a str)> {
        let after = |words: &[String]| {
            words.iter().find_map(|w| {
                lead.strip_prefix(w.as_str())
                    .filter(|rest| !self.not_before.iter().any(|n| rest.starts_with(n.as_str())))
            })
        };
        after(&self.enterprise)
            .map(|rest| (super::Kind::Enterprise, rest))
            .or_else(|| after(&self.institute).map(|rest| (super::Kind::Institute, rest)))
            .or_else(|| after(&self.project).map(|rest| (super::Kind::Project, rest)))
            .or_else(|| self.described(lead).map(|(_, rest)| (super::Kind::Enterprise, rest)))
    }

    /// A described reference opening `lead` (这家成立于2015年的企业主营…): the
    /// length in bytes of `lead` up to its closer (这家成立于2015年), and the
    /// words after the closer (主营…). The description ends with the segment.
    pub fn described<'a>(&self, lead: &'a str) -> Option<(usize, &'a str)> {
        let rest = self
            .described_openers
            .iter()
            .find_map(|w| lead.strip_prefix(w.as_str()))?;
        let opener = lead.len() - rest.len();
        let segment = &rest[..rest.find([',', ';', '。']).unwrap_or(rest.len())];
        self.described_closers
            .iter()
            .filter_map(|c| segment.find(c.as_str()).map(|p| (opener + p, &rest[p + c.len()..])))
            .min_by_key(|&(len, _)| len)
    }
}

/// What an enumeration is, by the words after it (`[list]` of entities.toml).
#[derive(Debug, Deserialize)]
pub struct ListRules {
    /// After a list of cities, these make each one's 高新区 (苏州、无锡等国家级高新区).
    pub city_zone_heads: Vec<String>,
    pub enterprise_heads: Vec<String>,
    pub project_heads: Vec<String>,
    pub industry_heads: Vec<String>,
    pub not_industry_heads: Vec<String>,
    pub institute_heads: Vec<String>,
    pub park_heads: Vec<String>,
    pub park_endings: Vec<String>,
    /// Words of scope between 等 and the head (A、B等我省重点产业链).
    pub scope_words: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct IndustryRules {
    /// A taxonomy industry right before one of these is named as one (电子信息的头雁是A).
    pub role_heads: Vec<String>,
    pub label_suffixes: Vec<String>,
    pub modifiers: Vec<String>,
    /// Words whose 链 is not an industry's chain (金融链, 人才链).
    pub not_chains: Vec<String>,
    /// Words that open a reference to a chain (该产业链), no industry's name.
    pub chain_reference_openers: Vec<String>,
    /// After X产业链, these open a clause that names its leader with one of
    /// `chain_leader_verbs` (X产业链由A担任链主): X is an industry.
    pub chain_leader_openers: Vec<String>,
    pub chain_leader_verbs: Vec<String>,
    /// How many characters may qualify a known industry before 产业.
    pub qualifier_max: usize,
    /// Characters before which no qualifier goes on (的, 、, 区 …).
    pub qualifier_stop_chars: String,
    /// Verbs before which no qualifier goes on, beyond the stop words.
    pub qualifier_stops: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct VillageRules {
    pub endings: Vec<String>,
    pub not_names: HashSet<String>,
    pub after_words: Vec<String>,
    /// Characters that make a phrase, not a name (全市各乡镇).
    pub not_name_chars: String,
}

#[derive(Debug, Deserialize)]
pub struct EnglishRules {
    pub generic_words: HashSet<String>,
    pub zone_endings: Vec<String>,
    /// Words that end a zone's name only after one of the given words:
    /// City after Science (Science and Technology City), District after
    /// Development (Guangzhou Development District).
    pub qualified_zone_endings: HashMap<String, Vec<String>>,
    pub project_endings: Vec<String>,
    pub enterprise_endings: Vec<String>,
    pub institute_endings: Vec<String>,
    pub policy_endings: Vec<String>,
    /// What a title's brackets may hold besides a period: (2024 Edition), (Trial).
    pub title_brackets: Vec<String>,
    /// Capitalized words that are no part of a zone's name (Investment
    /// Guide of … Zone): a zone's name starts after them.
    pub not_zone_words: Vec<String>,
    /// Capitalized words that open no name of any kind: a section's
    /// heading (About …) and people's titles (Chief Executive Officer of …).
    pub not_name_words: Vec<String>,
    /// English words that translate a syllable of a Chinese proper name
    /// (Lake → hu), for aligning names by pinyin.
    pub translated_syllables: HashMap<String, String>,
    /// Endings of English names of government bodies (… Administrative Committee).
    pub agency_endings: Vec<String>,
    /// Heads of English names of government bodies named head first
    /// (Administrative Committee of … Zone): the name is the body's.
    pub agency_heads: Vec<String>,
    pub major_zone_endings: Vec<String>,
    /// Words (lower case) of an English zone name that say it is high-tech.
    pub high_tech_words: Vec<String>,
    /// Words (lower case) of an English zone name that say it is an
    /// economic and technological development zone.
    pub development_zone_words: Vec<String>,
    /// Nouns of an apposition that make the name before it a company
    /// (iFlytek, a leading artificial intelligence company, …).
    pub company_appositives: Vec<String>,
    /// Spellings of divisions that pinyin alone does not give or leaves
    /// ambiguous (Shaanxi, Inner Mongolia) → the division's Chinese name.
    pub place_spellings: HashMap<String, String>,
    /// Words after a division's spelling that belong to its name (Anhui province).
    pub place_type_words: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct ZoneRules {
    pub suffixes: Vec<String>,
    /// Marks of the high-tech family of zones (高新, 新技术, 高技术, 高科技).
    pub high_tech_marks: Vec<String>,
    pub major_suffixes: Vec<String>,
    /// Groups of endings that name one kind of zone (经济技术开发区, 经开区).
    pub same_endings: Vec<Vec<String>>,
    /// Major endings that, in an article about another zone, name a park of it.
    pub park_major_suffixes: Vec<String>,
    pub container_suffixes: Vec<String>,
    pub quoted_suffixes: Vec<String>,
    pub coreference: WordSet,
    /// Zone endings a park's own name may follow (成都高新区交子金融商务区).
    pub parks_after: Vec<String>,
    /// Words that, opening a sentence after one that ends naming a park, refer to that park.
    pub park_coreference: Vec<String>,
    pub designation_words: Vec<String>,
    pub description_words: Vec<String>,
    /// Generic words that still name a park right after its zone's name
    /// (青溪高新区未来科技城).
    pub park_names_after_zone: Vec<String>,
    /// Words before a zone's name that say it is its former name (原A): not
    /// part of the name.
    pub former_words: Vec<String>,
    /// Bare words for a kind of zone (高新区) and the endings of the zones
    /// they refer back to: each group's first word, then the endings.
    pub kind_references: Vec<Vec<String>>,
}

impl ZoneRules {
    /// Whether a zone's name or ending is of the high-tech family.
    pub fn high_tech(&self, name: &str) -> bool {
        self.high_tech_marks.iter().any(|m| name.contains(m.as_str()))
    }
}

#[derive(Debug, Deserialize)]
pub struct EnterpriseRules {
    /// Trade words dropped from the end of a company's short name (科技).
    pub short_name_trade_words: Vec<String>,
    /// The fewest characters a short name found in a document may have.
    pub short_name_min: usize,
    pub declared_short_name_cues: Vec<String>,
    pub declared_short_name_joiners: Vec<String>,
    pub legal_suffixes: Vec<String>,
    /// A bare legal ending that is a common noun too (公司, the company) …
    pub common_noun_suffixes: Vec<String>,
    /// … is that noun right after one of these (完善公司, 本公司).
    pub common_noun_before: Vec<String>,
    pub soft_suffixes: Vec<String>,
    /// Words after a well-known firm's short name that name one of its units (华为终端).
    pub unit_words: Vec<String>,
    pub chain_leader_words: Vec<String>,
    /// Words before a stock code in brackets (股票代码:300750).
    pub stock_code_labels: Vec<String>,
    /// Exchange marks before or after a stock code (SZ300750, 2162.HK).
    pub stock_exchange_marks: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct InstituteRules {
    pub suffixes: Vec<String>,
    pub partner_suffixes: Vec<String>,
    pub same_institute_endings: Vec<String>,
    pub branch_suffixes: Vec<String>,
    pub branch_parent_endings: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct AgencyRules {
    pub suffixes: Vec<String>,
    pub place_bound_suffixes: HashSet<String>,
    /// What follows 经 when 经 means "by way of" (经省政府批准).
    pub via_before: Vec<String>,
    /// Words of level that name an agency alone (省科技厅).
    pub level_words: Vec<String>,
    /// A body after one of these is every body of a kind (各设区市工业和信息化局).
    pub every_words: Vec<String>,
    /// Endings that alone name the document's zone body (管委会).
    pub bare_endings: Vec<String>,
    /// Agency endings that name the same body (科技厅, 科学技术厅).
    pub same_endings: Vec<[String; 2]>,
}

#[derive(Debug, Deserialize)]
pub struct ProjectRules {
    pub suffixes: Vec<String>,
    pub not_project: Vec<String>,
    pub generic_words: Vec<String>,
    pub not_after: Vec<String>,
    /// Header cells of a table's column of project names.
    pub table_headers: WordSet,
    /// Words inside a row right before the zone the row's project is in.
    pub site_cues: Vec<String>,
    /// Header cells of a table's column of sites (建设地点): the last zone
    /// of a row's cell there is where its project is.
    pub site_headers: Vec<String>,
    /// Header cells of a table's column of builders (建设单位): the firms of
    /// a row's cell there are where its project is.
    pub builder_headers: Vec<String>,
    /// A line before a table that gives its figures' unit (单位:亿元).
    pub unit_line_words: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct PolicyRules {
    pub heads: Vec<String>,
    pub unquoted_heads: Vec<String>,
    pub not_heads: Vec<String>,
    pub verbs: Vec<String>,
    pub publication_endings: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct BoundaryRules {
    pub stop_words: Vec<String>,
    pub hard_stop_words: Vec<String>,
    pub enterprise_verbs: Vec<String>,
    pub leading_trim: Vec<String>,
    pub organisation_endings: Vec<String>,
    pub measure_words: Vec<char>,
    pub generic_prefixes: HashSet<String>,
    /// Nouns a long official name does not go on through, scanned
    /// leftwards (科技企业|A有限公司) …
    pub descriptor_nouns: Vec<String>,
    /// … unless one of these follows them (A企业管理有限公司).
    pub descriptor_continuations: Vec<String>,
    /// Two-character name words that hold a one-character stop word (天和).
    pub name_words: Vec<String>,
    /// Words of firms' names that open with a stop word (建设投资 in A城市
    /// 建设投资集团有限公司): a long official name goes on through them.
    pub name_phrases: Vec<String>,
    /// One-character stop words that stand inside a firm's name before a
    /// merely descriptive rest (华都|科技有限公司).
    pub name_inner_chars: Vec<char>,
}

#[derive(Debug, Deserialize)]
pub struct RelationRules {
    pub located_in: LocatedRules,
    pub leading_industry: LeadingRules,
    pub chain_leader: ChainLeaderRules,
    pub listed_on: ListedRules,
    pub renamed: RenamedRules,
    pub implements: ImplementsRules,
    pub issued_by: IssuedByRules,
    pub cooperates_with: CooperationRules,
    pub records: RecordRules,
}

/// `[records]` of relations.toml: the labels of a list entry's fields.
#[derive(Debug, Deserialize)]
pub struct RecordRules {
    /// A field whose label holds one of these gives where the entry lies.
    pub location_labels: WordSet,
    /// A field whose label holds one of these names the chain's leader.
    pub chain_leader_labels: WordSet,
    /// A field whose label holds one of these names a company: its bare
    /// value (a short name, a brand) is one.
    pub company_labels: WordSet,
    /// A field whose label is one of these names a firm that serves the
    /// entry (环评单位, 设计单位): it lies nowhere by standing there.
    pub service_labels: Vec<String>,
    /// A field whose label ends with one of these names the entry itself.
    pub name_labels: Vec<String>,
    /// In a zone's record: fields of its leading industries, former names,
    /// leading firms and sub-parks.
    pub leading_industry_labels: WordSet,
    pub former_name_labels: WordSet,
    pub leading_firm_labels: WordSet,
    pub sub_zone_labels: WordSet,
}

#[derive(Debug, Deserialize)]
pub struct Cues {
    pub cues: WordSet,
}

/// `[implements]` of relations.toml.
#[derive(Debug, Deserialize)]
pub struct ImplementsRules {
    pub cues: WordSet,
    /// How a policy's own text names itself (本措施).
    pub self_references: Vec<String>,
    /// … and says whom it is for (适用于).
    pub applies_to: Vec<String>,
}

/// `[issued_by]` of relations.toml.
#[derive(Debug, Deserialize)]
pub struct IssuedByRules {
    pub cues: WordSet,
    /// Words that may stand between the agency and the cue (近日, 联合).
    pub before_cue: Vec<String>,
    /// English verbs of issuing (the Provincial Government issued the …).
    pub english_cues: Vec<String>,
    /// English words that may stand around them (in December, jointly, the).
    pub english_fillers: Vec<String>,
    /// An approval between the agencies and the cue opens with one of these
    /// (经省人民政府同意) …
    pub approval_opening: Vec<String>,
    /// … and closes with one of these.
    pub approval_closing: Vec<String>,
}

/// `[chain_leader]` of relations.toml.
#[derive(Debug, Deserialize)]
pub struct ChainLeaderRules {
    pub cues: WordSet,
    /// Cues that count only in a sentence naming a chain (领衔, bare 链主).
    pub weak_cues: WordSet,
    /// The words that name a chain (产业链).
    pub chain_words: WordSet,
    /// Right after a cue, these put the leaders after it (链主企业为A).
    pub leaders_after: Vec<String>,
    /// A chain named by reference (该产业链): its industry is the one its
    /// paragraph named last before.
    pub chain_references: Vec<String>,
    /// 以A为链主: what the frame holds is an enterprise, named or not.
    pub frame_closes: WordSet,
    /// Characters before 以 that make it part of a word (可以, 所以).
    pub frame_not_after: String,
    /// Endings of what is no enterprise's name (以重大项目为龙头).
    pub frame_not_endings: Vec<String>,
    /// X链的链主是A: what follows one of these, to the clause's end, is an
    /// enterprise (a social-media handle's @ and spaces before it dropped).
    pub frame_after: WordSet,
    /// A line of only one of these heads the lines of a chain's leaders…
    pub heading_words: Vec<String>,
    /// … to a line of only one of these.
    pub heading_ends: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct RenamedRules {
    pub cues: WordSet,
    /// An approval between the old name and the cue (A经省政府批准更名为B):
    /// it opens with one of `approval_opening` and closes with one of
    /// `approval_closing`.
    pub approval_opening: Vec<String>,
    pub approval_closing: Vec<String>,
    /// Cues (also in `cues`) that name a zone after its upgrade: the old
    /// name is the zone right before one of `upgrade_words` (A升级为国家高新
    /// 技术产业开发区,定名为B).
    pub upgrade_cues: Vec<String>,
    pub upgrade_words: Vec<String>,
    /// How an old name found as no zone ends (由A制造产业基地更名而来).
    pub old_name_endings: Vec<String>,
    /// How a level, not a name, starts (由省级高新区升级为…).
    pub generic_old_names: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct CooperationRules {
    pub cues: WordSet,
    /// Right after a cue, these make it a shared role, not co-operation
    /// (A与B共同担任X产业链链主).
    pub shared_role_after: Vec<String>,
    /// Adverbs that may stand between a party and 与 (A先后与B合作).
    pub adverbs_before_conjunction: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct LeadingRules {
    pub cues: WordSet,
    /// English words right before the cue that put the industries before it
    /// (A, B and C are the leading industries).
    pub english_copulas: Vec<String>,
    /// Counts that may stand between a copula and the cue (as its three
    /// leading industries).
    pub english_counts: Vec<String>,
    /// In English, the list after the cue opens after one of these (leading
    /// industries are A, B and C; pillar industries include …).
    pub english_list_openers: Vec<String>,
    /// Chinese words right after the cue that put the industries after it
    /// (主导产业为A、B和C, 主导产业包括A和B).
    pub list_after_cue: Vec<String>,
    /// Cues the list follows right away (重点发展A、B等产业).
    pub list_cues: Vec<String>,
    /// The words around industries named right before a cue (以A为主导产业,
    /// 把A、B作为首位产业): the opening word and the one the cue follows.
    pub frames_before_cue: Vec<(String, String)>,
    /// Copula and closing word of the frames 稀土新材料是青溪高新区的首位产业.
    pub copula_frames: Vec<(String, String)>,
    /// How far the copula may stand before the cue (in characters).
    pub copula_frame_gap: usize,
    pub copula_not_after: Vec<String>,
    /// Header cells of a table's column of leading industries (主导产业).
    pub table_headers: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct LocatedRules {
    pub cues: WordSet,
    pub not_topic_before: Vec<String>,
    pub visit_words: WordSet,
    pub place_cues: WordSet,
    pub settled_before_place: Vec<String>,
    /// Words that put what follows "的" in the place or zone between them
    /// (位于大塘埠镇的电子信息产业园).
    pub attributive_location: Vec<String>,
    /// An enterprise or project lies in the zone named right after one of
    /// these (A项目将落户B园), rather than in the sentence's zone …
    pub settled_before_zone: Vec<String>,
    /// Verbs right after a zone named after 在 that build what the clause
    /// named before it there (A项目将在B园开工) …
    pub built_after_zone: Vec<String>,
    /// … and verbs between such a zone and the project they build there
    /// (在B园建设A项目).
    pub built_before_project: Vec<String>,
    /// Words after a zone that gather the items named next in it (聚集了).
    pub gathered_after_zone: Vec<String>,
    /// … and so do the items joined to it by one of these (A项目和B项目).
    pub item_joiners: Vec<String>,
    /// What stands between a zone and the item it describes (A园内的B公司):
    /// the item lies in that zone …
    pub described_links: Vec<String>,
    /// … and so does one after a bare 的 when one of `settled_before_zone`
    /// opens the description (位于A高新区的B公司), or one of these.
    pub described_openers: Vec<String>,
    /// Words between a zone and the parks it lists as its members (下辖).
    pub member_cues: WordSet,
    /// A zone right before one of these and a container right after (A作为),
    /// with one of `core_area_after` after a Chinese container (C的核心区),
    /// lies in the container.
    pub core_area_before: Vec<String>,
    pub core_area_after: Vec<String>,
    /// Endings of joint laboratories and institutes (联合实验室) …
    pub joint_institute_words: Vec<String>,
    /// … which lie in the sentence's zone only with one of these.
    pub joint_settle_words: WordSet,
}

#[derive(Debug, Deserialize)]
pub struct ListedRules {
    pub cues: WordSet,
    pub cues_before: WordSet,
    pub not_fact: WordSet,
    /// Right after the market, these make a listing pending, not done.
    pub pending_after: WordSet,
}

/// A word list of the rule files, indexed by the words' first characters
/// ([`WordStarts`]): whether a sentence holds any of them is one scan, not
/// one substring search per word (each of which sets up a searcher). Reads
/// as the list of words otherwise.
#[derive(Debug, Deserialize)]
#[serde(try_from = "Vec<String>")]
pub struct WordSet {
    words: Vec<String>,
    starts: WordStarts<()>,
}

impl WordSet {
    /// Whether `text` contains any of the words.
    pub fn found_in(&self, text: &str) -> bool {
        self.starts.occurrences(text).next().is_some()
    }
}

impl TryFrom<Vec<String>> for WordSet {
    type Error = String;
    fn try_from(words: Vec<String>) -> Result<Self, String> {
        let mut starts = WordStarts::default();
        for w in &words {
            starts.insert(w, ())?;
        }
        Ok(WordSet { words, starts })
    }
}

/// Words found in a text by the characters they start with: a word can
/// only start at a character some word starts with, so most characters of
/// a text cost one bit test, and words are compared only where one may
/// start. For the short Chinese word lists of the rules this is faster
/// than an Aho-Corasick automaton, which walks every byte (their first
/// bytes are too alike for its prefilter to skip any).
#[derive(Debug)]
pub struct WordStarts<P> {
    first_chars: CharFilter,
    /// The words starting with each character, with what each stands for.
    by_first: foldhash::HashMap<char, Vec<(String, P)>>,
}

impl<P> Default for WordStarts<P> {
    fn default() -> Self {
        WordStarts {
            first_chars: CharFilter::default(),
            by_first: foldhash::HashMap::default(),
        }
    }
}

impl<P> WordStarts<P> {
    /// Add `word` standing for `payload`; the payload of a word already
    /// there is returned to be merged instead. An empty word is an error:
    /// it would be found everywhere.
    pub fn insert(&mut self, word: &str, payload: P) -> Result<Option<&mut P>, String> {
        let Some(first) = word.chars().next() else {
            return Err("an empty word in a word list".to_string());
        };
        self.first_chars.insert(first);
        let words = self.by_first.entry(first).or_default();
        match words.iter().position(|(w, _)| w == word) {
            Some(i) => Ok(Some(&mut words[i].1)),
            None => {
                words.push((word.to_string(), payload));
                Ok(None)
            }
        }
    }

    /// What each occurrence of a word in `text` stands for, in text order
    /// (overlapping occurrences included).
    pub fn occurrences<'a>(&'a self, text: &'a str) -> impl Iterator<Item = &'a P> + 'a {
        text.char_indices()
            .filter(|&(_, c)| self.first_chars.may_contain(c))
            .filter_map(|(at, c)| self.by_first.get(&c).map(|words| (at, words)))
            .flat_map(move |(at, words)| {
                words
                    .iter()
                    .filter(move |(w, _)| text[at..].starts_with(w.as_str()))
                    .map(|(_, p)| p)
            })
    }
}

impl std::ops::Deref for WordSet {
    type Target = [String];
    fn deref(&self) -> &[String] {
        &self.words
    }
}

#[derive(Debug, Deserialize)]
pub struct StatisticRules {
    pub unit: Vec<UnitRule>,
    /// What may follow a year in a table's header cell (2023年度).
    pub year_header_rests: Vec<String>,
    /// Lead-ins of a table's metric cell (其中:).
    pub metric_lead_ins: Vec<String>,
    /// Endings of a metric that is a percentage without a unit (资产负债率).
    pub percent_metric_endings: Vec<String>,
    /// Short names a document declares for itself (发行人, 公司).
    pub self_words: Vec<String>,
    /// Header cells of a table's column of names besides those ending in
    /// 名称 (高新区, 企业): the other columns are metrics.
    pub name_column_headers: Vec<String>,
    /// Endings of such a table's header cells whose numbers are no
    /// figures (获批年份, 股票代码).
    pub non_figure_headers: Vec<String>,
    /// Currencies after 亿 or 万 that make an amount none of the model's units.
    pub other_currencies: Vec<String>,
    pub not_after: Vec<String>,
    pub not_before: Vec<String>,
    pub threshold_after: Vec<String>,
    /// A policy's terms, no one's figures: words right before an amount it
    /// grants (最高500万元), words right after one (200万元奖励), words that
    /// make every amount and share of their clause a grant (给予), and the
    /// openings of a clause whose amounts before 的 are a condition's
    /// thresholds (对年营业收入首次突破50亿元的企业).
    pub grant_before: Vec<String>,
    pub grant_after: Vec<String>,
    pub grant_clause_words: Vec<String>,
    pub condition_openings: Vec<String>,
    pub group_nouns: Vec<String>,
    /// Level words between a count or 全省 and a group noun (国家级, 省级).
    pub group_qualifiers: Vec<String>,
    /// Words after a group noun that make a metric a count of the group.
    pub group_count_words: Vec<String>,
    pub target_words: WordSet,
    pub approx_after: Vec<String>,
    pub at_least: Vec<String>,
    pub at_most: Vec<String>,
    pub metric_trim: Vec<String>,
    /// Words a metric may start with that begin with a trimmed filler (有效).
    pub metric_words: Vec<String>,
    pub growth_words: Vec<String>,
    /// Words after a year (and its month and day) that make it the date of
    /// an event rather than the year of the figures after it.
    pub event_after_year: Vec<String>,
    /// Words that refer back to the project named last (该项目).
    pub project_references: Vec<String>,
    /// Segment openings that give a figure to the institute or project named last (首期投入).
    pub first_phase_words: Vec<String>,
    /// Segment openings that give a figure to the project named last (达产后).
    pub project_phase_words: Vec<String>,
    /// Segment openings that make a figure the whole city's or province's (全市).
    pub whole_area_words: Vec<String>,
    /// Periods that may stand before them (前三季度全省…).
    pub period_openings: Vec<String>,
    pub no_carry_words: Vec<String>,
    /// Words that open a table's subtotal line (小计 12家 180.00).
    pub subtotal_words: Vec<String>,
    pub group_subtotal_words: Vec<String>,
    /// Words between a list of subjects and a figure that give the figure
    /// to each of them (A、B营业收入均超过…, A、B各不少于800亩).
    pub each_words: Vec<String>,
    /// Verbs after a figure that give it to the project after them.
    pub builds_after: Vec<String>,
    /// Words of a project's investment (总投资).
    pub investment_words: Vec<String>,
    /// Years named relative to the article's date (去年, 今年).
    /// Header cells of a table of figures: rows are read only after one.
    pub table_headers: WordSet,
    /// Header cells that announce a growth column in a table of figures.
    pub growth_column_headers: WordSet,
    pub relative_years: WordSet,
    pub english: EnglishStatisticRules,
}

/// Statistics in English text (`[english]` of statistics.toml).
#[derive(Debug, Deserialize)]
pub struct EnglishStatisticRules {
    /// Scale words after a number and their multipliers (billion → 10⁹).
    pub scales: std::collections::BTreeMap<String, u64>,
    /// Currency signs and codes written before a number (US$, RMB) → unit.
    pub currency_before: std::collections::BTreeMap<String, String>,
    pub unit: Vec<EnglishUnit>,
    /// Nouns a count counts (enterprises, projects), up to three words on.
    pub count_nouns: Vec<String>,
    pub at_least_before: Vec<String>,
    pub at_most_before: Vec<String>,
    pub approx_before: Vec<String>,
    pub growth_before: Vec<String>,
    /// Words dropped from the end and the start of a metric.
    pub metric_trim_end: Vec<String>,
    pub metric_trim_start: Vec<String>,
    /// A metric is what follows the last of these (… with a total investment).
    pub metric_after: Vec<String>,
    /// Words that make the amounts and shares of their clause a policy's grants.
    pub grant_words: Vec<String>,
}

/// A unit word of English text: what it is written as, the unit, the multiplier.
#[derive(Debug, Deserialize)]
pub struct EnglishUnit {
    pub words: Vec<String>,
    pub unit: String,
    pub factor: u64,
}

#[derive(Debug, Deserialize)]
pub struct UnitRule {
    pub words: Vec<String>,
    pub unit: String,
    pub factor: u64,
}

/// All rules, with the matchers compiled from them.
pub struct Rules {
    pub entities: EntityRules,
    pub relations: RelationRules,
    pub statistics: StatisticRules,
    /// Every name ending of every kind, looked up by its last character.
    pub endings: EndingIndex,
    /// Index of an ending in `endings` → (ending, kind tag).
    pub suffix_kinds: Vec<(String, SuffixKind)>,
    /// Unit words, longest first.
    pub units: Vec<(String, String, u64)>,
    /// Zone name endings, longest first (the ending of a zone name is the
    /// longest that fits: 高新技术产业开发区, not 开发区).
    pub zone_suffixes_longest_first: Vec<String>,
    /// The endings a quoted name may have after its closing quote, as
    /// characters, in the order they are tried: policy heads, institute,
    /// zone, then 项目 (projects).
    pub quote_endings: Vec<(Vec<char>, super::Kind)>,
    /// Stop words as character sequences, for lookups by the text around a position.
    stop_set: StopWords,
    hard_stop_set: StopWords,
    /// Measure words (家, 个 …): after a number they end a name.
    measure_words: HashSet<char>,
    /// `entities.boundary.name_words` as character pairs.
    name_words: HashSet<[char; 2]>,
    /// The cue words every sentence is checked for, in one index.
    sentence_cues: SentenceCueScanner,
}

/// The name endings of every kind, indexed by their last character: a
/// sentence is read one character at a time, and only where a character ends
/// some ending are those endings compared (most characters end none, which a
/// bit set says). It finds at each position the longest ending that ends
/// there, all a name's left edge is searched from (高新区, not 新区).
#[derive(Debug)]
pub struct EndingIndex {
    /// The characters some ending ends in.
    last_chars: CharFilter,
    /// Under each last character, the endings (as characters, with their
    /// index in `Rules::suffix_kinds`), longest first.
    by_last: HashMap<char, Vec<(Vec<char>, usize)>>,
}

impl EndingIndex {
    fn new(endings: &[(String, SuffixKind)]) -> Self {
        let mut index = EndingIndex {
            last_chars: CharFilter::default(),
            by_last: HashMap::default(),
        };
        for (i, (ending, _)) in endings.iter().enumerate() {
            let chars: Vec<char> = ending.chars().collect();
            let Some(&last) = chars.last() else {
                continue;
            };
            index.last_chars.insert(last);
            index.by_last.entry(last).or_default().push((chars, i));
        }
        for words in index.by_last.values_mut() {
            words.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        index
    }

    /// The longest ending that ends at each position of `chars`, as (start,
    /// end, index in `Rules::suffix_kinds`), in order of their ends.
    pub fn longest_in(&self, chars: &[char]) -> Vec<(usize, usize, usize)> {
        let mut found = Vec::new();
        for (i, &c) in chars.iter().enumerate() {
            if !self.last_chars.may_contain(c) {
                continue;
            }
            let end = i + 1;
            let Some(words) = self.by_last.get(&c) else {
                continue;
            };
            if let Some((word, k)) = words
                .iter()
                .find(|(w, _)| w.len() <= end && chars[end - w.len()..end] == w[..])
            {
                found.push((end - word.len(), end, *k));
            }
        }
        found
    }
}

/// The cue word lists every sentence is checked for by more than one stage
/// (see [`Rules::sentence_cues`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// `relations.leading_industry.cues` (主导产业 …).
    LeadingIndustry,
    /// `entities.zone.coreference` (园区, 开发区 … standing for the zone).
    ZoneCoreference,
    /// `relations.located_in.cues`.
    LocatedIn,
    /// `relations.chain_leader.cues`.
    ChainLeader,
    /// `relations.cooperates_with.cues`.
    Cooperation,
    /// `statistics.table_headers`.
    TableHeader,
    /// `statistics.growth_column_headers`.
    GrowthColumnHeader,
    /// `relations.renamed.cues` (更名为 …).
    Renamed,
    /// `relations.chain_leader.weak_cues` (领衔, 链主).
    WeakChainLeader,
    /// `relations.chain_leader.chain_words` (产业链).
    Chain,
    /// `entities.project.table_headers` (项目名称).
    ProjectTableHeader,
    /// `relations.chain_leader.frame_closes` (以A为链主).
    LeaderFrameClose,
    /// `relations.chain_leader.frame_after` (链主是A).
    LeaderFrameAfter,
}

/// Which [`Cue`] lists a sentence holds a word of.
/// (A bit per list: room for sixteen.)
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CueSet(u16);

impl CueSet {
    pub fn has(self, cue: Cue) -> bool {
        self.0 & Self::bit(cue) != 0
    }

    /// Whether the sentence may name a chain's leaders: a chain-leader cue,
    /// or a weak one in a sentence that names a chain.
    pub fn names_chain_leaders(self) -> bool {
        self.has(Cue::ChainLeader) || self.has(Cue::WeakChainLeader) && self.has(Cue::Chain)
    }

    fn bit(cue: Cue) -> u16 {
        1 << cue as u16
    }
}

/// The words of every [`Cue`] list, found in one pass over a sentence
/// instead of once per list (each list was read for every sentence, the
/// leading-industry one twice).
#[derive(Debug)]
struct SentenceCueScanner {
    /// Each word with the lists it is a word of.
    words: WordStarts<u16>,
}

impl SentenceCueScanner {
    fn new(lists: &[(Cue, &WordSet)]) -> std::result::Result<Self, String> {
        let mut words = WordStarts::default();
        for (cue, set) in lists {
            for w in set.iter() {
                if let Some(bits) = words.insert(w, CueSet::bit(*cue))? {
                    *bits |= CueSet::bit(*cue);
                }
            }
        }
        Ok(SentenceCueScanner { words })
    }

    fn scan(&self, text: &str) -> CueSet {
        CueSet(self.words.occurrences(text).fold(0, |found, bits| found | bits))
    }
}

/// A set of words as character sequences, with the lengths of the words
/// that end in each character: a scan that asks at every position which word
/// ends there looks up only the lengths that can, not every length.
#[derive(Debug, Default)]
struct StopWords {
    words: HashSet<Vec<char>>,
    /// Word lengths by last character, longest first.
    lengths_by_last: HashMap<char, Vec<usize>>,
    /// The length of the longest word.
    longest: usize,
}

impl StopWords {
    fn new(list: &[String]) -> StopWords {
        let words: HashSet<Vec<char>> = list.iter().map(|w| w.chars().collect()).collect();
        let mut lengths_by_last: HashMap<char, Vec<usize>> = HashMap::default();
        for w in &words {
            if let Some(&last) = w.last() {
                let lengths = lengths_by_last.entry(last).or_default();
                if !lengths.contains(&w.len()) {
                    lengths.push(w.len());
                }
            }
        }
        for lengths in lengths_by_last.values_mut() {
            lengths.sort_unstable_by(|a, b| b.cmp(a));
        }
        let longest = words.iter().map(Vec::len).max().unwrap_or(0);
        StopWords {
            words,
            lengths_by_last,
            longest,
        }
    }

    /// The lengths of the words ending in `last`, longest first.
    fn lengths_ending_in(&self, last: char) -> impl Iterator<Item = usize> + '_ {
        self.lengths_by_last.get(&last).into_iter().flatten().copied()
    }
}

/// What a name ending makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuffixKind {
    Zone,
    LegalEnterprise,
    SoftEnterprise,
    Institute,
    /// A branch of an organisation at a place (… 中心常州基地).
    InstituteBranch,
    Agency,
    Project,
    UnquotedPolicy,
}

impl Rules {
    /// The rules from the embedded data files. Panics only if a shipped data
    /// file is malformed, which the test suite rules out.
    pub fn get() -> &'static Rules {
        static R: OnceLock<Rules> = OnceLock::new();
        R.get_or_init(|| match Rules::parse() {
            Ok(r) => r,
            Err(e) => panic!("shipped rule files are malformed: {e}"),
        })
    }

    fn parse() -> Result<Rules, crate::Error> {
        let entities: EntityRules = toml::from_str(data::ENTITY_RULES).map_err(|e| crate::Error::Data {
            file: "data/rules/entities.toml".into(),
            message: e.to_string(),
        })?;
        let relations: RelationRules = toml::from_str(data::RELATION_RULES).map_err(|e| crate::Error::Data {
            file: "data/rules/relations.toml".into(),
            message: e.to_string(),
        })?;
        let statistics: StatisticRules = toml::from_str(data::STATISTIC_RULES).map_err(|e| crate::Error::Data {
            file: "data/rules/statistics.toml".into(),
            message: e.to_string(),
        })?;
        let mut statistics = statistics;
        // The longest filler first: 拥有 before 有, whatever the file's order.
        statistics
            .metric_trim
            .sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        let mut entities = entities;
        entities.references.index_first_chars();
        // Policy verbs end names too (启动传统产业…三年行动).
        for v in &entities.policy.verbs {
            if !entities.boundary.stop_words.contains(v) {
                entities.boundary.stop_words.push(v.clone());
            }
        }
        let mut suffix_kinds: Vec<(String, SuffixKind)> = Vec::new();
        let mut push = |list: &[String], kind: SuffixKind| {
            for s in list {
                if !suffix_kinds.iter().any(|(x, _)| x == s) {
                    suffix_kinds.push((s.clone(), kind));
                }
            }
        };
        push(&entities.zone.suffixes, SuffixKind::Zone);
        push(&entities.enterprise.legal_suffixes, SuffixKind::LegalEnterprise);
        push(&entities.institute.suffixes, SuffixKind::Institute);
        push(&entities.institute.branch_suffixes, SuffixKind::InstituteBranch);
        push(&entities.agency.suffixes, SuffixKind::Agency);
        push(&entities.project.suffixes, SuffixKind::Project);
        push(&entities.policy.unquoted_heads, SuffixKind::UnquotedPolicy);
        push(&entities.enterprise.soft_suffixes, SuffixKind::SoftEnterprise);
        let endings = EndingIndex::new(&suffix_kinds);
        let mut quote_endings: Vec<(Vec<char>, super::Kind)> = Vec::new();
        for (words, kind) in [
            (&entities.policy.heads, super::Kind::Policy),
            (&entities.institute.suffixes, super::Kind::Institute),
            (&entities.zone.suffixes, super::Kind::Zone),
        ] {
            quote_endings.extend(words.iter().map(|w| (w.chars().collect(), kind)));
        }
        quote_endings.push(("项目".chars().collect(), super::Kind::Project));
        let mut units: Vec<(String, String, u64)> = statistics
            .unit
            .iter()
            .flat_map(|u| u.words.iter().map(move |w| (w.clone(), u.unit.clone(), u.factor)))
            .collect();
        units.sort_by_key(|(w, _, _)| std::cmp::Reverse(w.chars().count()));
        let mut zone_suffixes_longest_first = entities.zone.suffixes.clone();
        zone_suffixes_longest_first.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
        let stop_set = StopWords::new(&entities.boundary.stop_words);
        let hard_stop_set = StopWords::new(&entities.boundary.hard_stop_words);
        let measure_words = entities.boundary.measure_words.iter().copied().collect();
        let name_words = entities
            .boundary
            .name_words
            .iter()
            .filter_map(|w| {
                let cs: Vec<char> = w.chars().collect();
                <[char; 2]>::try_from(cs).ok()
            })
            .collect();
        let sentence_cues = SentenceCueScanner::new(&[
            (Cue::LeadingIndustry, &relations.leading_industry.cues),
            (Cue::ZoneCoreference, &entities.zone.coreference),
            (Cue::LocatedIn, &relations.located_in.cues),
            (Cue::ChainLeader, &relations.chain_leader.cues),
            (Cue::Cooperation, &relations.cooperates_with.cues),
            (Cue::TableHeader, &statistics.table_headers),
            (Cue::GrowthColumnHeader, &statistics.growth_column_headers),
            (Cue::Renamed, &relations.renamed.cues),
            (Cue::WeakChainLeader, &relations.chain_leader.weak_cues),
            (Cue::Chain, &relations.chain_leader.chain_words),
            (Cue::ProjectTableHeader, &entities.project.table_headers),
            (Cue::LeaderFrameClose, &relations.chain_leader.frame_closes),
            (Cue::LeaderFrameAfter, &relations.chain_leader.frame_after),
        ])
        .map_err(|message| crate::Error::Data {
            file: "data/rules/relations.toml".into(),
            message,
        })?;
        Ok(Rules {
            entities,
            relations,
            statistics,
            endings,
            suffix_kinds,
            units,
            zone_suffixes_longest_first,
            quote_endings,
            stop_set,
            hard_stop_set,
            measure_words,
            name_words,
            sentence_cues,
        })
    }

    /// The longest agency ending of `name` (its length in bytes) and the body
    /// it names, the same for endings that name one body (科技厅 and
    /// 科学技术厅: `same_endings`).
    pub fn agency_ending(&self, name: &str) -> Option<(usize, &str)> {
        let agency = &self.entities.agency;
        let s = agency
            .suffixes
            .iter()
            .filter(|s| name.ends_with(s.as_str()))
            .max_by_key(|s| s.len())?;
        let body = agency
            .same_endings
            .iter()
            .find(|[short, _]| short == s)
            .map_or(s.as_str(), |[_, long]| long.as_str());
        Some((s.len(), body))
    }

    /// The written units of money of `statistics.toml` (亿元, 亿美元, 万元 …),
    /// longest first: no name holds an amount of money.
    pub fn money_words(&self) -> impl Iterator<Item = &str> {
        self.units
            .iter()
            .filter(|(word, unit, _)| matches!(unit.as_str(), "CNY" | "USD") && word.ends_with('元'))
            .map(|(word, _, _)| word.as_str())
    }

    /// The words that name a subject by reference: the zone's (园区, 全区),
    /// an enterprise's (该公司) and an institute's (该研究院).
    pub fn subject_words(&self) -> impl Iterator<Item = &String> {
        let e = &self.entities;
        e.zone
            .coreference
            .iter()
            .chain(&e.references.enterprise)
            .chain(&e.references.institute)
    }

    /// Which cue lists `sentence` holds a word of (one scan for all).
    pub fn sentence_cues(&self, sentence: &str) -> CueSet {
        self.sentence_cues.scan(sentence)
    }

    /// The length of the longest stop word that `chars[..end]` ends with.
    /// `hard` uses the short list for long official names.
    pub fn stop_word_before(&self, chars: &[char], end: usize, hard: bool) -> Option<usize> {
        let set = if hard { &self.hard_stop_set } else { &self.stop_set };
        let measure = end >= 1 && self.measure_words.contains(&chars[end - 1]);
        let after_number =
            |numerals: &str| end >= 2 && (chars[end - 2].is_ascii_digit() || numerals.contains(chars[end - 2]));
        let last = chars.get(end.wrapping_sub(1))?;
        let found = set.lengths_ending_in(*last).find(|&n| {
            if n > end || !set.words.contains(&chars[end - n..end]) {
                return false;
            }
            // Measure words stop a name only after a number (3家, 十个), not in 国家.
            n > 1 || !measure || after_number("一二两三四五六七八九十百千万多余")
        });
        // 天和, 华为: a one-character stop word inside a name word.
        let in_name_word = |at: usize| {
            at >= 1 && self.name_words.contains(&[chars[at - 1], chars[at]])
                || chars
                    .get(at + 1)
                    .is_some_and(|&n| self.name_words.contains(&[chars[at], n]))
        };
        let found = found.filter(|&n| n > 1 || !in_name_word(end - 1));
        // A counted phrase never ends inside an official name either (多家银行,
        // 3家公司); 百/千/万 are left out here, they start brands (万家乐).
        found.or_else(|| (hard && self.counted_before(chars, end)).then_some(1))
    }

    /// Whether a count stands right before `at` (多家|银行, 173个|国家高新区管委会):
    /// what follows is a counted description, not a name.
    pub fn counted_before(&self, chars: &[char], at: usize) -> bool {
        at >= 2
            && self.measure_words.contains(&chars[at - 1])
            && (chars[at - 2].is_ascii_digit() || "一二两三四五六七八九十多余几数".contains(chars[at - 2]))
    }

    /// Whether a count follows `at` (离岸创新中心3个: a kind counted, no name).
    pub fn counted_after(&self, chars: &[char], at: usize) -> bool {
        let digits = chars[at.min(chars.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        digits > 0 && chars.get(at + digits).is_some_and(|c| self.measure_words.contains(c))
    }

    /// Whether `word` is a stop word (a word no name starts with).
    pub fn is_stop_word(&self, word: &[char]) -> bool {
        self.stop_set.words.contains(word)
    }

    /// Whether a stop word of two or more characters starts at `at`.
    pub fn long_stop_word_at(&self, chars: &[char], at: usize) -> bool {
        (2..=self.stop_set.longest.min(chars.len().saturating_sub(at)))
            .any(|n| self.stop_set.words.contains(&chars[at..at + n]))
    }
}

/// Whether `chars[at..]` starts with `word`.
#[inline]
pub fn starts_with(chars: &[char], at: usize, word: &str) -> bool {
    (at..).zip(word.chars()).all(|(i, c)| chars.get(i) == Some(&c))
}

/// Whether `chars[..end]` ends with `word`.
#[inline]
pub fn ends_with(chars: &[char], end: usize, word: &str) -> bool {
    // Compared from the last character back: most words fail at once, with
    // no count of the word's characters first.
    let mut at = end;
    for c in word.chars().rev() {
        if at == 0 || chars[at - 1] != c {
            return false;
        }
        at -= 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::AhoCorasick;

    #[test]
    fn ending_index_finds_the_longest_ending_at_each_position() {
        let r = Rules::get();
        let matcher = AhoCorasick::new(r.suffix_kinds.iter().map(|(w, _)| w)).expect("endings compile");
        for text in [
            "青溪高新技术产业开发区管委会与青溪材料研究院签约",
            "远山科技股份有限公司在高新区新建研发中心",
            "区区高新区园区",
            "",
        ] {
            let chars: Vec<char> = text.chars().collect();
            let char_at = |b: usize| text[..b].chars().count();
            let all: Vec<(usize, usize, usize)> = matcher
                .find_overlapping_iter(text)
                .map(|m| (char_at(m.start()), char_at(m.end()), m.pattern().as_usize()))
                .collect();
            let longest: Vec<(usize, usize, usize)> = all
                .iter()
                .copied()
                .filter(|&(s, e, _)| !all.iter().any(|&(s2, e2, _)| e2 == e && s2 < s))
                .collect();
            assert_eq!(r.endings.longest_in(&chars), longest, "{text}");
        }
    }

    #[test]
    fn one_scan_finds_the_cues_each_list_finds() {
        let r = Rules::get();
        let lists = [
            (Cue::LeadingIndustry, &r.relations.leading_industry.cues),
            (Cue::ZoneCoreference, &r.entities.zone.coreference),
            (Cue::LocatedIn, &r.relations.located_in.cues),
            (Cue::ChainLeader, &r.relations.chain_leader.cues),
            (Cue::Cooperation, &r.relations.cooperates_with.cues),
            (Cue::TableHeader, &r.statistics.table_headers),
            (Cue::GrowthColumnHeader, &r.statistics.growth_column_headers),
            (Cue::Renamed, &r.relations.renamed.cues),
            (Cue::WeakChainLeader, &r.relations.chain_leader.weak_cues),
            (Cue::Chain, &r.relations.chain_leader.chain_words),
            (Cue::ProjectTableHeader, &r.entities.project.table_headers),
            (Cue::LeaderFrameClose, &r.relations.chain_leader.frame_closes),
            (Cue::LeaderFrameAfter, &r.relations.chain_leader.frame_after),
        ];
        let mut sentences: Vec<String> = vec![
            "示范区以新材料和高端装备为主导产业".into(),
            "该公司与省农科院签署战略合作协议".into(),
            "The park signed a cooperation agreement with the university".into(),
            "今天天气很好".into(),
        ];
        // Every word of every list, alone and inside a sentence.
        for (_, set) in &lists {
            for w in set.iter() {
                sentences.push(w.clone());
                sentences.push(format!("据介绍,{w}情况良好"));
            }
        }
        for s in &sentences {
            let found = r.sentence_cues(s);
            for (cue, set) in &lists {
                let contained = set.iter().any(|w| s.contains(w.as_str()));
                assert_eq!(found.has(*cue), contained, "{cue:?} in {s}");
                assert_eq!(set.found_in(s), contained, "{cue:?} in {s}");
            }
        }
    }

    #[test]
    fn word_starts_finds_every_occurrence_overlapping_ones_too() {
        let mut starts = WordStarts::default();
        for (w, p) in [("高新区", 1), ("新区", 2), ("园区", 3), ("park", 4)] {
            assert!(starts.insert(w, p).expect("not empty").is_none());
        }
        // A word already there hands back its payload to merge into.
        assert_eq!(starts.insert("园区", 9).expect("not empty").copied(), Some(3));
        assert!(starts.insert("", 0).is_err());
        let found: Vec<i32> = starts.occurrences("高新区的园区 park").copied().collect();
        assert_eq!(found, vec![1, 2, 3, 4]);
        assert_eq!(starts.occurrences("区区高新").count(), 0);
        assert_eq!(starts.occurrences("").count(), 0);
    }

    #[test]
    fn shipped_rules_parse() {
        let r = Rules::parse().expect("rules parse");
        assert!(r.suffix_kinds.len() > 50);
        assert!(r
            .units
            .iter()
            .any(|(w, u, f)| w == "亿元" && u == "CNY" && *f == 100_000_000));
    }

    #[test]
    fn a_byname_needs_its_cue_or_its_whole_frame() {
        let r = Rules::parse().expect("rules parse");
        let n = &r.entities.nicknames;
        assert!(n.declares("被誉为“", "”,"));
        assert!(n.declares(",也被称为", "。"));
        assert!(n.declares("素有“", "”之称"));
        // 有 alone is having, not naming.
        assert!(!n.declares("有“", "”产业园"));
        assert!(!n.declares("与“", "”之称"));
    }
}
