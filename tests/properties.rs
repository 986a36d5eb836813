//! Property tests (proptest) of the pure stages, on arbitrary strings and on
//! CJK-heavy text assembled from the pieces articles are made of (zone and
//! company endings, numbers with units, dates, quotes and brackets, pinyin,
//! traditional characters, full-width forms, invisible characters, markup).
//!
//! The invariants are in `tests/support/invariants.rs`, shared with the
//! fuzz targets in `fuzz/`:
//! - `normalize::clean` never panics and is idempotent;
//! - every offset of the extraction is within the text, on character
//!   boundaries, and maps into the original (`NormalizedDoc::original_span`);
//! - no two entities lie in each other;
//! - the quads of `zonegraph::process` serialize to N-Quads that parse back
//!   to the same set.
//!
//! Case counts are modest so the suite stays fast; raise them with
//! `PROPTEST_CASES=10000 cargo test --release --test properties`.
//! A failing case is saved by proptest in `tests/properties.proptest-regressions`
//! and replayed first on later runs: commit that file with the fix.

#[path = "support/invariants.rs"]
mod invariants;

use proptest::prelude::*;

/// Pieces of article text, some of them hostile.
const PIECES: &[&str] = &[
    "青溪",
    "白沙",
    "云杉",
    "赤岩",
    "高新区",
    "高新技术产业开发区",
    "经济开发区",
    "科技城",
    "园区",
    "科技有限公司",
    "股份有限公司",
    "集团",
    "研究院",
    "大学",
    "实验室",
    "新材料",
    "生物医药",
    "集成电路",
    "产业链",
    "主导产业",
    "为龙头",
    "链主",
    "位于",
    "浙江省",
    "嘉兴市",
    "常州市",
    "更名为",
    "由",
    "更名而来",
    "简称",
    "在",
    "科创板",
    "创业板",
    "上市",
    "上海证券交易所",
    "落户",
    "共建",
    "与",
    "出台",
    "实施",
    "国务院",
    "关于",
    "实现",
    "产值",
    "同比增长",
    "拥有",
    "家",
    "个",
    "亿元",
    "万元",
    "万平方米",
    "%",
    "%",
    "元",
    "等",
    "三大",
    "512.3",
    "1,286.5",
    "0",
    "186",
    "一百八十六",
    "九千九百九十九亿",
    "2023年",
    "6月",
    "15日",
    "2024-01-15",
    "发布时间:",
    "13月45日",
    "。",
    ",",
    ",",
    "、",
    ";",
    ":",
    "!",
    "?",
    "…",
    "“",
    "”",
    "《",
    "》",
    "(",
    ")",
    "(",
    ")",
    "「",
    "」",
    "【",
    "】",
    "(chuàng)",
    "(xīn)",
    "創",
    "產業",
    "數據",
    "園區",
    "１２３",
    "ＡＢ",
    "㎡",
    "㈱",
    "①",
    "\u{200b}",
    "\u{200d}",
    "\u{202e}",
    "\u{feff}",
    "\u{3000}",
    "\u{a0}",
    "\u{fffd}",
    "\u{fe0f}",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    " | ",
    " > ",
    "_",
    "首页",
    "<p>",
    "</p>",
    "<div>",
    "<script>",
    "</script>",
    "&amp;",
    "&#x767D;",
    "High Tech Zone",
    "Co., Ltd.",
    "A1",
    "𠀀",
    "\u{0301}",
];

/// CJK-heavy text: pieces, random CJK characters and any characters.
fn article_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => proptest::sample::select(PIECES).prop_map(str::to_string),
        2 => proptest::char::range('\u{4e00}', '\u{9fa5}').prop_map(|c| c.to_string()),
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => "[a-z0-9 .,()]{1,6}",
    ];
    proptest::collection::vec(piece, 0..120).prop_map(|v| v.concat())
}

/// Bytes of an article in one of the encodings zonegraph reads, with a BOM
/// or not, possibly cut or with a few bytes overwritten.
fn article_bytes() -> impl Strategy<Value = Vec<u8>> {
    (
        article_text(),
        0u8..6,
        proptest::option::of(any::<usize>()),
        proptest::collection::vec((any::<usize>(), any::<u8>()), 0..3),
    )
        .prop_map(|(text, enc, cut, flips)| {
            let mut bytes = match enc {
                0 => text.into_bytes(),
                1 => [b"\xef\xbb\xbf".as_slice(), text.as_bytes()].concat(),
                2 => encoding_rs::GB18030.encode(&text).0.into_owned(),
                3 => encoding_rs::BIG5.encode(&text).0.into_owned(),
                4 => {
                    let mut b = vec![0xff, 0xfe];
                    b.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
                    b
                }
                _ => {
                    let mut b = vec![0xfe, 0xff];
                    b.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
                    b
                }
            };
            if let Some(c) = cut {
                if !bytes.is_empty() {
                    bytes.truncate(c % bytes.len());
                }
            }
            for (at, b) in flips {
                if !bytes.is_empty() {
                    let n = bytes.len();
                    bytes[at % n] = b;
                }
            }
            bytes
        })
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(cases),
        failure_persistence: Some(Box::new(proptest::test_runner::FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// Any string: cleaning does not panic, is idempotent and maps into the original.
    #[test]
    fn clean_any_string(s in any::<String>()) {
        invariants::check_clean(&s);
    }

    /// Article-like text: the same.
    #[test]
    fn clean_article_text(s in article_text()) {
        invariants::check_clean(&s);
    }
}

proptest! {
    #![proptest_config(config(128))]

    /// Article-like text through extract, resolve and the model: offsets within
    /// the text and on character boundaries, evidence within the original,
    /// N-Quads round trip.
    #[test]
    fn pipeline_article_text(s in article_text()) {
        invariants::check_text(&s);
    }

    /// Bytes in any supported encoding, damaged or not, named .txt or .html:
    /// `process` refuses or gives quads that round-trip.
    #[test]
    fn process_article_bytes(bytes in article_bytes(), html in any::<bool>()) {
        invariants::check_bytes(if html { "p.html" } else { "p.txt" }, &bytes);
    }

    /// Arbitrary bytes: refused or processed, never a panic.
    #[test]
    fn process_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        invariants::check_bytes("any.txt", &bytes);
    }
}
