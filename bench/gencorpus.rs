//! A deterministic corpus generator for the benchmarks.
//!
//! Writes about N MB (10^6 bytes) of invented articles about invented
//! high-tech zones, one article per file in nested folders
//! (`OUT/<site>/<year>-<month>/<seq>.<ext>`). The same seed always writes the
//! same files, and a smaller size is a prefix of a larger one (the first
//! articles of a 100 MB corpus are the 10 MB corpus), so runs at different
//! sizes measure the same kind of text.
//!
//! Every name, template and sentence here is written for this generator:
//! zones, enterprises, institutes, universities and policies are made up
//! from syllable lists; provinces, cities, exchanges and industries are real
//! words. The mix of forms follows what the pipeline meets in practice:
//! mostly simplified plain text, then traditional (some with pinyin readings
//! after characters, some in Big5), bilingual Chinese/English, text copied
//! out of PDFs (lines broken inside sentences, page numbers), web pages with
//! site furniture around the article, and a few GB18030 files.
//!
//! ```sh
//! cargo run --release --example gencorpus -- --mb 10 --out bench/.corpus/10
//! ```

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// SplitMix64: small, fast, deterministic on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    /// Skewed towards the start of a list: a few zones are in the news a lot.
    fn skewed(&mut self, n: usize) -> usize {
        let a = self.below(n);
        let b = self.below(n);
        a.min(b)
    }
    fn decimal(&mut self, lo: usize, hi: usize, places: u32) -> String {
        let scale = 10usize.pow(places);
        let v = self.range(lo * scale, hi * scale);
        if places == 0 {
            v.to_string()
        } else {
            format!("{}.{:0width$}", v / scale, v % scale, width = places as usize)
        }
    }
}

// ---------------------------------------------------------------- word lists

const SYL1: &[&str] = &[
    "青", "枫", "松", "云", "星", "白", "翠", "金", "银", "玉", "丹", "碧", "紫", "蓝", "明", "清", "春", "秋", "凤",
    "鹤", "梧", "桐", "竹", "兰", "芷", "蘅", "澄", "湛", "岚", "霞", "晴", "岱", "柘", "榕", "槐", "杉", "洛", "汐",
    "渚", "嵘",
];
const SYL2: &[&str] = &[
    "溪", "林", "岭", "湖", "川", "峰", "湾", "屿", "江", "原", "山", "桥", "塘", "泉", "洲", "坪", "滩", "浦", "岗",
    "源",
];
const ENT_MID: &[(&str, &str)] = &[
    ("科技", "Technology"),
    ("材料", "Materials"),
    ("药业", "Pharmaceutical"),
    ("微电子", "Microelectronics"),
    ("智能", "Intelligent"),
    ("新能源", "New Energy"),
    ("光电", "Optoelectronics"),
    ("精密", "Precision"),
    ("生物", "Biotech"),
    ("智造", "Smart Manufacturing"),
    ("信息", "Information"),
    ("半导体", "Semiconductor"),
    ("装备", "Equipment"),
    ("医疗", "Medical"),
];
const ENT_SUFFIX: &[(&str, &str)] = &[
    ("股份有限公司", "Co., Ltd."),
    ("有限公司", "Co., Ltd."),
    ("集团有限公司", "Group Co., Ltd."),
    ("科技股份有限公司", "Technology Co., Ltd."),
];
const INDUSTRIES: &[(&str, &str)] = &[
    ("新材料", "new materials"),
    ("生物医药", "biomedicine"),
    ("集成电路", "integrated circuits"),
    ("人工智能", "artificial intelligence"),
    ("新能源汽车", "new energy vehicles"),
    ("高端装备", "high-end equipment"),
    ("节能环保", "energy conservation and environmental protection"),
    ("电子信息", "electronic information"),
    ("智能制造", "intelligent manufacturing"),
    ("医疗器械", "medical devices"),
    ("光伏", "photovoltaics"),
    ("数字经济", "digital economy"),
    ("软件和信息服务", "software and information services"),
    ("航空航天", "aerospace"),
    ("新型显示", "new displays"),
    ("储能", "energy storage"),
];
/// (province, cities)
const PLACES: &[(&str, &[&str])] = &[
    ("浙江省", &["嘉兴市", "湖州市", "绍兴市", "金华市", "台州市", "温州市"]),
    ("江苏省", &["常州市", "无锡市", "南通市", "扬州市", "盐城市", "泰州市"]),
    ("安徽省", &["合肥市", "芜湖市", "蚌埠市", "安庆市", "滁州市"]),
    ("山东省", &["潍坊市", "淄博市", "济宁市", "烟台市", "临沂市"]),
    ("广东省", &["佛山市", "东莞市", "惠州市", "江门市", "肇庆市"]),
    ("湖北省", &["襄阳市", "宜昌市", "荆门市", "孝感市"]),
    ("湖南省", &["株洲市", "湘潭市", "衡阳市", "常德市"]),
    ("四川省", &["绵阳市", "德阳市", "乐山市", "宜宾市"]),
    ("河南省", &["洛阳市", "新乡市", "南阳市", "许昌市"]),
    ("福建省", &["泉州市", "漳州市", "莆田市", "龙岩市"]),
    ("江西省", &["赣州市", "九江市", "上饶市", "宜春市"]),
    ("陕西省", &["宝鸡市", "咸阳市", "渭南市", "榆林市"]),
];
const ZONE_KINDS: &[(&str, &str, &str)] = &[
    // (full ending, short ending, English)
    ("高新技术产业开发区", "高新区", "High-Tech Industrial Development Zone"),
    ("高新技术产业开发区", "高新区", "High-Tech Industrial Development Zone"),
    ("高新技术产业开发区", "高新区", "High-Tech Industrial Development Zone"),
    (
        "经济技术开发区",
        "经开区",
        "Economic and Technological Development Zone",
    ),
    ("高新技术产业园区", "高新园区", "High-Tech Industrial Park"),
];
const OLD_KINDS: &[&str] = &["经济开发区", "工业园区", "工业集中区", "经济技术开发区"];
const BOARDS: &[(&str, &str)] = &[
    ("上海证券交易所", "科创板"),
    ("上海证券交易所", "主板"),
    ("深圳证券交易所", "创业板"),
    ("深圳证券交易所", "主板"),
    ("北京证券交易所", ""),
];
const INST_FIELDS: &[&str] = &[
    "先进材料",
    "智能制造",
    "生物医药",
    "集成电路",
    "新能源",
    "人工智能",
    "精密仪器",
    "绿色低碳",
];
const INST_KINDS: &[&str] = &["研究院", "技术研究院", "产业技术研究院", "创新中心", "实验室"];
const METRICS: &[(&str, &str, usize, usize)] = &[
    // (metric, unit after the number, low, high)
    ("规上工业总产值", "亿元", 80, 2400),
    ("地区生产总值", "亿元", 60, 1800),
    ("营业收入", "亿元", 100, 3500),
    ("固定资产投资", "亿元", 20, 600),
    ("税收收入", "亿元", 5, 160),
    ("实际利用外资", "亿美元", 1, 30),
    ("研发经费投入", "亿元", 3, 120),
];
const COUNTS: &[(&str, &str, usize, usize)] = &[
    ("高新技术企业", "家", 40, 1600),
    ("科技型中小企业", "家", 100, 3000),
    ("专精特新企业", "家", 5, 240),
    ("规上工业企业", "家", 60, 900),
    ("有效发明专利", "件", 300, 12000),
    ("高层次人才", "名", 20, 900),
    ("省级以上研发机构", "个", 10, 260),
];
const SITES: &[&str] = &["news", "gov", "report", "paper", "portal", "wechat"];

// Sentences without names: what articles say between their facts. Written
// for this generator; {Z} is replaced by the zone's short name.
const FILLER: &[&str] = &[
    "近年来,{Z}坚持把创新摆在发展全局的核心位置,推动产业链与创新链深度融合。",
    "围绕企业最关心的用地、融资和人才问题,园区梳理出一批可复制的服务举措。",
    "走进{Z}的标准厂房,一条条自动化产线正在满负荷运转,工人们忙着调试新设备。",
    "下一步,园区将继续优化营商环境,让企业在这里安心扎根、放心发展。",
    "据园区管委会有关负责人介绍,今年以来新签约项目数量和投资额均创历史新高。",
    "项目建成投产后,预计每年可新增产值数十亿元,带动上下游配套企业集聚。",
    "{Z}以“亩均论英雄”改革为抓手,倒逼低效用地腾退,为优质项目腾出发展空间。",
    "园区先后建成孵化器、加速器和中试基地,形成了覆盖企业全生命周期的服务体系。",
    "面对复杂多变的外部环境,{Z}稳住基本盘,多项主要经济指标保持两位数增长。",
    "“我们最看重的,是这里的产业配套和办事效率。”一位入驻企业负责人说。",
    "园区还设立了专项基金,重点支持关键核心技术攻关和科技成果就地转化。",
    "在人才服务方面,园区推出人才公寓、子女入学、医疗保障等一揽子配套政策。",
    "记者在现场看到,多个在建项目正抢抓工期,塔吊林立,车辆往来穿梭。",
    "{Z}聚焦数字化转型,推动规上工业企业智能化改造和数字化车间建设全覆盖。",
    "与此同时,园区大力推进绿色低碳发展,屋顶分布式光伏装机规模持续扩大。",
    "业内人士认为,这标志着当地产业发展正由规模扩张转向质量提升。",
    "园区建立了重点项目“一对一”服务专员制度,协调解决审批、供电、用工等难题。",
    "今年上半年,{Z}共组织各类招商推介活动二十余场,接待客商考察百余批次。",
    "为破解中小企业融资难,园区联合多家银行推出了知识产权质押贷款产品。",
    "展望未来,{Z}将锚定目标、埋头苦干,努力在新一轮区域竞争中赢得主动。",
    "园区坚持产城融合理念,配套建设了商业街区、公园绿地和公共服务中心。",
    "从一片农田到产业新城,{Z}用二十多年时间走出了一条特色发展之路。",
    "园区定期举办创新创业大赛,吸引了来自全国各地的优秀团队参赛落地。",
    "有关部门表示,将进一步简化审批流程,推行“拿地即开工”的审批模式。",
];
const FILLER_EN: &[&str] = &[
    "In recent years, the zone has put innovation at the core of its development and deepened the integration of industrial and innovation chains.",
    "The park has built incubators, accelerators and pilot bases, forming a service system that covers the whole life cycle of enterprises.",
    "Looking ahead, the zone will keep optimising its business environment so that enterprises can take root and grow with confidence.",
    "The management committee said that the number of newly signed projects and their investment both reached record highs this year.",
];
const HEADLINE_TAILS: &[&str] = &[
    "跑出高质量发展加速度",
    "打造区域创新高地",
    "产业集群加速成势",
    "以创新驱动赋能产业升级",
    "重大项目建设提速提效",
    "年度发展成绩单出炉",
    "科技招商结硕果",
    "奋力建设一流园区",
];
const SPAM: &[&str] = &[
    "精品推荐_热门排行_最新上线_免费观看_高清在线_手机版",
    "首页 | 新闻中心 | 政务公开 | 投资指南 | 园区服务 | 联系我们",
    "热门城市 > 北京 > 上海 > 广州 > 深圳 > 杭州 > 南京 > 苏州",
    "责任编辑:张三 | 来源:本站 | 浏览次数:",
    "版权所有 © 2024 园区管理委员会 保留所有权利",
    "上一篇:园区召开安全生产工作会议",
    "下一篇:关于做好节假日值班工作的通知",
    "扫一扫 分享到微信朋友圈",
    "地址:科技大道88号 邮编:000000 电话:0000-00000000",
];
/// Toned readings inserted after traditional characters, as some sites do.
const READINGS: &[(char, &str)] = &[
    ('創', "chuàng"),
    ('產', "chǎn"),
    ('業', "yè"),
    ('區', "qū"),
    ('發', "fā"),
    ('級', "jí"),
    ('經', "jīng"),
    ('濟', "jì"),
    ('開', "kāi"),
    ('術', "shù"),
    ('導', "dǎo"),
    ('實', "shí"),
];

// ---------------------------------------------------------------- the world

struct Enterprise {
    full: String,
    short: String,
    en: String,
}

struct Zone {
    full: String,
    short: String,
    en: String,
    province: &'static str,
    city: &'static str,
    old: String,
    renamed: usize,
    industries: Vec<usize>,
    enterprises: Vec<Enterprise>,
    institutes: Vec<String>,
    university: String,
    policies: Vec<String>,
    programme: String,
}

fn pinyin_of(s: &str) -> String {
    use pinyin::ToPinyin;
    let mut out = String::new();
    for p in s.to_pinyin().flatten() {
        out.push_str(p.plain());
    }
    let mut c = out.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => out,
    }
}

fn world(rng: &mut Rng, n: usize) -> Vec<Zone> {
    let mut used = std::collections::HashSet::new();
    let mut zones = Vec::with_capacity(n);
    while zones.len() < n {
        let stem = format!("{}{}", rng.pick(SYL1), rng.pick(SYL2));
        if !used.insert(stem.clone()) {
            continue;
        }
        let (full_end, short_end, en_end) = *rng.pick(ZONE_KINDS);
        let (province, cities) = *rng.pick(PLACES);
        let city = *rng.pick(cities);
        let pinyin = pinyin_of(&stem);
        let mut industries = Vec::new();
        while industries.len() < 3 {
            let i = rng.below(INDUSTRIES.len());
            if !industries.contains(&i) {
                industries.push(i);
            }
        }
        let mut enterprises = Vec::new();
        let mut names = std::collections::HashSet::new();
        for _ in 0..rng.range(6, 16) {
            let brand = format!("{}{}", rng.pick(SYL1), rng.pick(SYL2));
            if brand == stem || !names.insert(brand.clone()) {
                continue;
            }
            let (mid, mid_en) = *rng.pick(ENT_MID);
            let (suffix, suffix_en) = *rng.pick(ENT_SUFFIX);
            let suffix = if mid == "科技" && suffix.starts_with("科技") {
                &suffix[6..]
            } else {
                suffix
            };
            enterprises.push(Enterprise {
                full: format!("{brand}{mid}{suffix}"),
                short: format!("{brand}{mid}"),
                en: format!("{} {mid_en} {suffix_en}", pinyin_of(&brand)),
            });
        }
        let university = format!("{}{}大学", rng.pick(SYL1), rng.pick(SYL2));
        let institutes = (0..rng.range(1, 3))
            .map(|_| format!("{stem}{}{}", rng.pick(INST_FIELDS), rng.pick(INST_KINDS)))
            .collect();
        let short = format!("{stem}{short_end}");
        let ind = INDUSTRIES[industries[0]].0;
        let policies = vec![
            format!("{short}关于加快{ind}产业高质量发展的若干政策"),
            format!("{short}支持科技型企业创新发展的实施办法"),
            format!("{stem}市推进产业链链长制工作方案"),
        ];
        zones.push(Zone {
            full: format!("{stem}{full_end}"),
            short,
            en: format!("{pinyin} {en_end}"),
            province,
            city,
            old: format!("{stem}{}", rng.pick(OLD_KINDS)),
            renamed: rng.range(2005, 2022),
            industries,
            enterprises,
            institutes,
            university,
            policies,
            programme: format!(
                "“{}{}人才计划”",
                rng.pick(SYL1),
                rng.pick(&["雁", "鹰", "苗", "星", "英"])
            ),
        });
    }
    zones
}

// ---------------------------------------------------------------- articles

#[derive(Clone, Copy, PartialEq, Debug)]
enum Form {
    Simplified,
    Gb18030,
    Traditional,
    TraditionalPinyin,
    Big5,
    Bilingual,
    Pdf,
    Web,
}

fn form(rng: &mut Rng) -> Form {
    match rng.below(100) {
        0..=51 => Form::Simplified,
        52..=54 => Form::Gb18030,
        55..=62 => Form::Traditional,
        63..=65 => Form::TraditionalPinyin,
        66..=67 => Form::Big5,
        68..=77 => Form::Bilingual,
        78..=87 => Form::Pdf,
        _ => Form::Web,
    }
}

/// One paragraph of facts about the zone, and its English rendering.
fn fact(rng: &mut Rng, z: &Zone, year: usize) -> (String, String) {
    let ind = |i: usize| INDUSTRIES[z.industries[i]];
    let e = rng.pick(&z.enterprises);
    match rng.below(11) {
        0 => (
            format!(
                "{}(简称{})位于{}{},{}年经国务院批复由{}更名而来。",
                z.full, z.short, z.province, z.city, z.renamed, z.old
            ),
            format!(
                "{} is located in {}. In {}, it was renamed from {} with the approval of the State Council.",
                z.en,
                pinyin_of(z.city.trim_end_matches('市')),
                z.renamed,
                pinyin_of(&z.old)
            ),
        ),
        1 => (
            format!(
                "园区以{}、{}、{}为三大主导产业,产业集聚效应持续显现。",
                ind(0).0,
                ind(1).0,
                ind(2).0
            ),
            format!(
                "The park takes {}, {} and {} as its three leading industries.",
                ind(0).1,
                ind(1).1,
                ind(2).1
            ),
        ),
        2 => {
            let i = rng.below(3);
            (
                format!(
                    "{}已形成以{}为龙头、上下游企业协同配套的{}产业链。",
                    z.short,
                    e.full,
                    ind(i).0
                ),
                format!("{} has formed a {} industry chain led by {}.", z.en, ind(i).1, e.en),
            )
        }
        3 => {
            let (m, unit, lo, hi) = *rng.pick(METRICS);
            let v = rng.decimal(lo, hi, 1);
            let g = rng.decimal(1, 25, 1);
            (
                format!("{year}年,{}实现{m}{v}{unit},同比增长{g}%。", z.short),
                format!("In {year}, the zone recorded {v} hundred million yuan of {m}, up {g}% year on year."),
            )
        }
        4 => {
            let (m1, u1, lo1, hi1) = *rng.pick(COUNTS);
            let (m2, u2, lo2, hi2) = *rng.pick(COUNTS);
            let a = rng.range(lo1, hi1);
            let b = rng.range(lo2, hi2);
            (
                format!("截至{year}年底,园区拥有{m1}{a}{u1}、{m2}{b}{u2}。"),
                format!("By the end of {year}, the park had {a} {m1} and {b} {m2}."),
            )
        }
        5 => {
            let (ex, board) = *rng.pick(BOARDS);
            let y = rng.range(2012, year.max(2013));
            let m = rng.range(1, 12);
            (
                format!("{y}年{m}月,{}在{ex}{board}上市,成为园区又一家上市企业。", e.full),
                format!("In {y}, {} was listed on the {ex} market.", e.en),
            )
        }
        6 => {
            let inst = rng.pick(&z.institutes);
            (
                format!("{}与{}合作共建{},研究院已正式入驻园区。", z.university, z.short, inst),
                format!(
                    "{} and the zone jointly built {}, which has moved into the park.",
                    pinyin_of(&z.university),
                    pinyin_of(inst)
                ),
            )
        }
        7 => {
            let p = rng.pick(&z.policies);
            (
                format!(
                    "{}出台《{p}》,深入实施{},全年引进高层次人才团队{}个。",
                    z.short,
                    z.programme,
                    rng.range(3, 60)
                ),
                format!(
                    "The zone issued a new policy and recruited {} high-level talent teams.",
                    rng.range(3, 60)
                ),
            )
        }
        8 => {
            let inv = rng.range(2, 120);
            (
                format!(
                    "{year}年{}月,总投资{inv}亿元的{}{}项目签约落户{}。",
                    rng.range(1, 12),
                    e.short,
                    ind(rng.below(3)).0,
                    z.short
                ),
                format!(
                    "A {} project of {} with a total investment of {inv} hundred million yuan was signed.",
                    ind(0).1,
                    e.en
                ),
            )
        }
        9 => {
            let other = rng.pick(&z.enterprises);
            (
                format!("{}与{}签署战略合作协议,共同开展关键技术攻关。", e.full, other.full),
                format!("{} and {} signed a strategic cooperation agreement.", e.en, other.en),
            )
        }
        _ => (
            format!(
                "{},{}研发投入强度达到{}%,较上年提高{}个百分点。",
                rng.pick(&["今年以来", "过去一年", "“十四五”以来"]),
                z.short,
                rng.decimal(2, 9, 1),
                rng.decimal(0, 1, 1)
            ),
            "R&D intensity rose again this year.".to_string(),
        ),
    }
}

fn filler(rng: &mut Rng, z: &Zone) -> String {
    let n = rng.range(1, 4);
    (0..n).map(|_| rng.pick(FILLER).replace("{Z}", &z.short)).collect()
}

struct Article {
    title: String,
    date: String,
    paragraphs: Vec<(String, String)>,
}

fn article(rng: &mut Rng, zones: &[Zone]) -> (Article, &'static str, usize, usize) {
    let z = &zones[rng.skewed(zones.len())];
    let year = rng.range(2016, 2024);
    let month = rng.range(1, 12);
    let day = rng.range(1, 28);
    let title = format!("{}:{}", z.short, rng.pick(HEADLINE_TAILS));
    let mut paragraphs = Vec::new();
    let n = match rng.below(10) {
        0..=5 => rng.range(8, 24),
        6..=8 => rng.range(24, 60),
        _ => rng.range(60, 140),
    };
    for i in 0..n {
        if i % 7 == 6 && rng.chance(50) {
            let t = rng.pick(HEADLINE_TAILS);
            paragraphs.push((t.to_string(), String::new()));
            continue;
        }
        if rng.chance(55) {
            let (zh, en) = fact(rng, z, year);
            let zh = if rng.chance(50) { zh + &filler(rng, z) } else { zh };
            paragraphs.push((zh, en));
        } else {
            paragraphs.push((filler(rng, z), rng.pick(FILLER_EN).to_string()));
        }
        // Other zones are named now and then: lists, comparisons, visits.
        if rng.chance(8) {
            let o = &zones[rng.below(zones.len())];
            let (zh, en) = fact(rng, o, year);
            paragraphs.push((zh, en));
        }
    }
    let date = format!("{year}-{month:02}-{day:02}");
    (
        Article {
            title,
            date,
            paragraphs,
        },
        *rng.pick(SITES),
        year,
        month,
    )
}

fn plain(a: &Article, bilingual: bool) -> String {
    let mut s = format!("{}\n发布时间: {}\n\n", a.title, a.date);
    for (zh, en) in &a.paragraphs {
        s.push_str(zh);
        s.push('\n');
        if bilingual && !en.is_empty() {
            s.push_str(en);
            s.push('\n');
        }
    }
    s
}

fn pdf(rng: &mut Rng, a: &Article) -> String {
    let width = rng.range(28, 40);
    let mut s = format!("{}\n\n", a.title);
    let mut lines_on_page = 0;
    let mut page = 1;
    for (zh, _) in &a.paragraphs {
        let chars: Vec<char> = zh.chars().collect();
        for (i, chunk) in chars.chunks(width).enumerate() {
            if i == 0 {
                s.push_str("    ");
            }
            s.extend(chunk.iter());
            s.push('\n');
            lines_on_page += 1;
            if lines_on_page == 40 {
                let _ = write!(s, "\n                                - {page} -\n\n");
                page += 1;
                lines_on_page = 0;
            }
        }
    }
    let _ = writeln!(s, "\n                                - {page} -");
    s
}

fn web(rng: &mut Rng, a: &Article) -> String {
    let mut s = String::from("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    let _ = writeln!(s, "<title>{}</title>", a.title);
    s.push_str("<script>var slots = [\"ad-top\", \"ad-side\"]; function track(){ return 1; }</script>\n");
    s.push_str("<style>.nav{color:#333}.foot{font-size:12px}</style>\n</head>\n<body>\n");
    let _ = writeln!(s, "<div class=\"nav\">{}</div>", SPAM[1]);
    let _ = writeln!(
        s,
        "<div class=\"crumb\">当前位置:首页 &gt; 新闻中心 &gt; 园区动态</div>"
    );
    if rng.chance(50) {
        let _ = writeln!(s, "<div class=\"spam\">{}</div>", SPAM[0]);
    }
    let _ = writeln!(s, "<div class=\"content\">\n<h1>{}</h1>", a.title);
    let _ = writeln!(s, "<p class=\"date\">发布时间:{} 来源:园区管委会</p>", a.date);
    for (zh, _) in &a.paragraphs {
        let _ = writeln!(s, "<p>{zh}</p>");
    }
    s.push_str("</div>\n<div class=\"related\"><ul>");
    for line in &SPAM[5..7] {
        let _ = write!(s, "<li>{line}</li>");
    }
    s.push_str("</ul></div>\n");
    let _ = writeln!(s, "<div class=\"foot\">{}<br>{}<br>{}</div>", SPAM[3], SPAM[4], SPAM[8]);
    s.push_str("<script>track();</script>\n</body>\n</html>\n");
    s
}

fn traditional(s: &str) -> String {
    zhconv::zhconv(s, zhconv::Variant::ZhHant)
}

fn with_readings(rng: &mut Rng, s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        out.push(c);
        if let Some((_, r)) = READINGS.iter().find(|(t, _)| *t == c) {
            if rng.chance(70) {
                let _ = write!(out, "({r})");
            }
        }
    }
    out
}

fn render(rng: &mut Rng, a: &Article, form: Form) -> (Vec<u8>, &'static str) {
    match form {
        Form::Simplified => (plain(a, false).into_bytes(), "txt"),
        Form::Gb18030 => (encoding_rs::GB18030.encode(&plain(a, false)).0.into_owned(), "txt"),
        Form::Traditional => (traditional(&plain(a, false)).into_bytes(), "txt"),
        Form::TraditionalPinyin => (with_readings(rng, &traditional(&plain(a, false))).into_bytes(), "txt"),
        Form::Big5 => (
            encoding_rs::BIG5.encode(&traditional(&plain(a, false))).0.into_owned(),
            "txt",
        ),
        Form::Bilingual => (plain(a, true).into_bytes(), "txt"),
        Form::Pdf => (pdf(rng, a).into_bytes(), "txt"),
        Form::Web => (web(rng, a).into_bytes(), "html"),
    }
}

/// Write about `bytes` of articles under `out`; returns (files, bytes written).
pub fn generate(out: &Path, bytes: u64, seed: u64) -> std::io::Result<(usize, u64)> {
    let mut rng = Rng(seed);
    let zones = world(&mut rng, 600);
    let mut written = 0u64;
    let mut files = 0usize;
    while written < bytes {
        // One generator per article, seeded from the sequence number, so a
        // smaller corpus is exactly a prefix of a larger one.
        let mut r = Rng(seed ^ (files as u64 + 1).wrapping_mul(0xA076_1D64_78BD_642F));
        let (a, site, year, month) = article(&mut r, &zones);
        let f = form(&mut r);
        let (body, ext) = render(&mut r, &a, f);
        let dir = out.join(site).join(format!("{year}-{month:02}"));
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join(format!("{files:06}.{ext}")), &body)?;
        written += body.len() as u64;
        files += 1;
    }
    Ok((files, written))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut mb, mut out, mut seed) = (1.0f64, PathBuf::from("bench/.corpus/1"), 20_240_601u64);
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| usage(&format!("{a} needs a value")));
        match a.as_str() {
            "--mb" => mb = value().parse().unwrap_or_else(|_| usage("--mb takes a number")),
            "--out" => out = PathBuf::from(value()),
            "--seed" => seed = value().parse().unwrap_or_else(|_| usage("--seed takes an integer")),
            "-h" | "--help" => usage(""),
            other => usage(&format!("unknown argument {other}")),
        }
    }
    if out.exists() {
        if let Err(e) = std::fs::remove_dir_all(&out) {
            eprintln!("gencorpus: cannot clear {}: {e}", out.display());
            std::process::exit(2);
        }
    }
    match generate(&out, (mb * 1_000_000.0) as u64, seed) {
        Ok((files, bytes)) => println!("{files} files, {bytes} bytes in {}", out.display()),
        Err(e) => {
            eprintln!("gencorpus: {}: {e}", out.display());
            std::process::exit(2);
        }
    }
}

fn usage(problem: &str) -> ! {
    if !problem.is_empty() {
        eprintln!("gencorpus: {problem}");
    }
    eprintln!("usage: gencorpus [--mb N] [--out DIR] [--seed N]   (DIR is replaced)");
    std::process::exit(if problem.is_empty() { 0 } else { 2 });
}
