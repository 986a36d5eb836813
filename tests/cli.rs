//! End-to-end tests: the real `zonegraph` binary on the articles in
//! `tests/fixtures/articles/` (all invented, see `tests/fixtures/README.md`),
//! each test with its own store in a temporary folder.
//!
//! One test binary, one module per concern:
//!
//! - `ingest`: what a store holds after `ingest` (entities, relations,
//!   statistics in base units, evidence offsets into the original text), and
//!   that ingesting again replaces a document instead of adding to it;
//! - `extract`: determinism, and `extract` = the quads `ingest` stores;
//! - `encodings`: GB18030 and Big5 inputs, traditional surface forms;
//! - `html`, `pdf_text`: web pages and text copied out of PDFs;
//! - `queries`: every saved query, output formats, expected rows;
//! - `errors`: bad inputs and bad queries fail, name the culprit and leave the
//!   store as it was;
//! - `help`: every help text shows an example;
//! - `export`: the GraphViz chain diagram, its SVG, the entity graph files.
//!
//! Run with `cargo test --release --test cli` (a debug build recompiles
//! RocksDB). Tests marked `#[ignore = "..."]` state behaviour the program
//! does not have yet; `cargo test --release --test cli -- --ignored` runs them.

mod util {
    use assert_cmd::Command;
    use std::collections::{BTreeSet, HashMap};
    use std::ffi::OsStr;
    use std::path::{Path, PathBuf};
    use std::process::Output;
    use tempfile::TempDir;

    /// Prefixes put before every query the tests write.
    pub const PREFIXES: &str = "\
PREFIX zg:   <https://w3id.org/zonegraph/ontology#>
PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>
";
    pub const XSD_INTEGER: &str = "http://www.w3.org/2001/XMLSchema#integer";
    pub const XSD_DECIMAL: &str = "http://www.w3.org/2001/XMLSchema#decimal";

    /// The fixture articles folder.
    pub fn articles() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles")
    }

    /// One fixture article by file name.
    pub fn fixture(name: &str) -> PathBuf {
        let p = articles().join(name);
        assert!(p.is_file(), "missing fixture {}", p.display());
        p
    }

    /// Run the binary with these arguments. The store is always given with
    /// `--store`: the environment's `ZONEGRAPH_STORE` is removed.
    pub fn zonegraph<I, S>(args: I) -> Output
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        command().args(args).output().expect("zonegraph runs")
    }

    /// Run the binary with these arguments and this standard input.
    pub fn zonegraph_stdin<I, S>(args: I, stdin: &[u8]) -> Output
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        command()
            .args(args)
            .write_stdin(stdin.to_vec())
            .output()
            .expect("zonegraph runs")
    }

    fn command() -> Command {
        let mut cmd = Command::cargo_bin("zonegraph").expect("the zonegraph binary is built");
        cmd.env_remove("ZONEGRAPH_STORE")
            .timeout(std::time::Duration::from_secs(120));
        cmd
    }

    pub fn stderr(out: &Output) -> String {
        String::from_utf8_lossy(&out.stderr).into_owned()
    }

    /// Standard output of a run that must have succeeded.
    pub fn success(out: &Output) -> String {
        assert!(
            out.status.success(),
            "zonegraph failed with {:?}\nstderr:\n{}\nstdout:\n{}",
            out.status.code(),
            stderr(out),
            String::from_utf8_lossy(&out.stdout)
        );
        String::from_utf8(out.stdout.clone()).expect("output is UTF-8")
    }

    /// A store in a fresh temporary folder (created by the first ingest).
    pub struct TestStore {
        dir: TempDir,
        pub path: PathBuf,
    }

    impl TestStore {
        pub fn new() -> Self {
            let dir = tempfile::Builder::new()
                .prefix("zonegraph-test-")
                .tempdir()
                .expect("temp dir");
            let path = dir.path().join("store.db");
            TestStore { dir, path }
        }

        /// A store holding these fixture articles.
        pub fn with(names: &[&str]) -> Self {
            let s = TestStore::new();
            let paths: Vec<PathBuf> = names.iter().map(|n| fixture(n)).collect();
            success(&s.ingest(&paths));
            s
        }

        /// A store holding every fixture article.
        pub fn with_all() -> Self {
            let s = TestStore::new();
            success(&s.ingest(&[articles()]));
            s
        }

        /// A path in the store's temporary folder, for files a test writes.
        pub fn tmp(&self, name: &str) -> PathBuf {
            self.dir.path().join(name)
        }

        pub fn ingest<P: AsRef<OsStr>>(&self, paths: &[P]) -> Output {
            let mut args: Vec<&OsStr> = vec!["ingest".as_ref(), "--store".as_ref(), self.path.as_os_str()];
            args.extend(paths.iter().map(|p| p.as_ref()));
            zonegraph(args)
        }

        /// Run a query (a saved name, a file or SPARQL text) in a format.
        pub fn query(&self, query: &str, format: &str) -> Output {
            self.query_with(query, format, &[])
        }

        /// Run a query with `--param NAME=VALUE` arguments.
        pub fn query_with(&self, query: &str, format: &str, params: &[String]) -> Output {
            let mut args: Vec<&OsStr> = vec![
                "query".as_ref(),
                "--store".as_ref(),
                self.path.as_os_str(),
                "--format".as_ref(),
                format.as_ref(),
                OsStr::new(query),
            ];
            for p in params {
                args.push("--param".as_ref());
                args.push(OsStr::new(p.as_str()));
            }
            zonegraph(args)
        }

        /// The whole store as N-Quads.
        pub fn dump(&self) -> String {
            success(&zonegraph([
                "dump".as_ref(),
                "--format".as_ref(),
                "nquads".as_ref(),
                "--store".as_ref(),
                self.path.as_os_str(),
            ]))
        }

        /// SELECT rows (see [`sparql_json`]); [`PREFIXES`] are added.
        pub fn select(&self, query: &str) -> Vec<HashMap<String, String>> {
            sparql_json(&self.path, query)
        }

        /// A saved query's rows in CSV, as maps from column to value.
        pub fn saved_csv(&self, name: &str) -> Vec<HashMap<String, String>> {
            let text = success(&self.query(name, "csv"));
            let mut rows = parse_csv(&text);
            assert!(!rows.is_empty(), "{name}: no header line");
            let header = rows.remove(0);
            rows.into_iter()
                .map(|r| {
                    header
                        .iter()
                        .cloned()
                        .zip(r.into_iter().chain(std::iter::repeat(String::new())))
                        .collect()
                })
                .collect()
        }

        /// The Chinese labels of the entities of a class (`Zone`, `Enterprise`...).
        pub fn labels(&self, class: &str) -> BTreeSet<String> {
            self.select(&format!(
                "SELECT DISTINCT ?l WHERE {{ ?x a zg:{class} ; rdfs:label ?l . FILTER(lang(?l) = \"zh\") }}"
            ))
            .into_iter()
            .map(|r| r["l"].clone())
            .collect()
        }

        /// Every Chinese label and alternative label in the store.
        pub fn all_labels(&self) -> BTreeSet<String> {
            self.select("SELECT DISTINCT ?l WHERE { ?x rdfs:label|skos:altLabel ?l }")
                .into_iter()
                .map(|r| r["l"].clone())
                .collect()
        }
    }

    /// Run a SELECT query with `query --format json` and return its rows:
    /// for each bound variable `v`, `v` → the term's value (an IRI or the
    /// literal's lexical form), plus `v.lang` for a language tag and
    /// `v.datatype` for a datatype. [`PREFIXES`] are put before the query.
    pub fn sparql_json(store: &Path, query: &str) -> Vec<HashMap<String, String>> {
        let text = format!("{PREFIXES}{query}");
        let out = zonegraph([
            "query".as_ref(),
            "--store".as_ref(),
            store.as_os_str(),
            "--format".as_ref(),
            "json".as_ref(),
            OsStr::new(&text),
        ]);
        let json: serde_json::Value = serde_json::from_str(&success(&out)).expect("query --format json prints JSON");
        let bindings = json["results"]["bindings"]
            .as_array()
            .expect("SPARQL JSON results have bindings");
        bindings
            .iter()
            .map(|b| {
                let mut row = HashMap::new();
                for (var, term) in b.as_object().expect("a binding is an object") {
                    row.insert(var.clone(), term["value"].as_str().unwrap_or_default().to_string());
                    if let Some(l) = term["xml:lang"].as_str() {
                        row.insert(format!("{var}.lang"), l.to_string());
                    }
                    if let Some(d) = term["datatype"].as_str() {
                        row.insert(format!("{var}.datatype"), d.to_string());
                    }
                }
                row
            })
            .collect()
    }

    /// RFC 4180 CSV (what SPARQL CSV results are): quoted fields, doubled
    /// quotes, CRLF or LF line ends.
    pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        let mut row = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '"' if quoted && chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = !quoted,
                ',' if !quoted => row.push(std::mem::take(&mut field)),
                '\r' if !quoted => {}
                '\n' if !quoted => {
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                c => field.push(c),
            }
        }
        if !field.is_empty() || !row.is_empty() {
            row.push(field);
            rows.push(row);
        }
        rows
    }

    /// Sorted lines of N-Quads text.
    pub fn sorted_lines(nquads: &str) -> Vec<String> {
        let mut v: Vec<String> = nquads
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_string)
            .collect();
        v.sort();
        v
    }

    /// A fixture's text as zonegraph decodes it (the text offsets refer to).
    pub fn decoded_fixture(name: &str) -> Vec<char> {
        let bytes = std::fs::read(fixture(name)).expect("fixture readable");
        let text = if name.contains("gb18030") {
            encoding_rs::GB18030.decode_without_bom_handling(&bytes).0.into_owned()
        } else if name.contains("big5") {
            encoding_rs::BIG5.decode_without_bom_handling(&bytes).0.into_owned()
        } else {
            String::from_utf8(bytes).expect("UTF-8 fixture")
        };
        text.chars().collect()
    }

    /// Whether `text` writes a number that is `value` in base units (as is,
    /// or in 万, 亿, 万亿): 512.3 in "512.3亿元" is 51230000000.
    pub fn writes_value(text: &str, value: f64) -> bool {
        let mut numbers = Vec::new();
        let mut current = String::new();
        for c in text.chars().chain([' ']) {
            if c.is_ascii_digit() || (!current.is_empty() && matches!(c, '.' | ',')) {
                current.push(c);
            } else if !current.is_empty() {
                let n: String = current
                    .trim_end_matches(['.', ','])
                    .chars()
                    .filter(|&c| c != ',')
                    .collect();
                if let Ok(n) = n.parse::<f64>() {
                    numbers.push(n);
                }
                current.clear();
            }
        }
        numbers.iter().any(|n| {
            [1.0, 1e4, 1e7, 1e8, 1e12]
                .iter()
                .any(|f| (n * f - value).abs() <= 1e-6 * value.abs().max(1.0))
        })
    }

    /// Whether some row has all these column values.
    pub fn has_row(rows: &[HashMap<String, String>], want: &[(&str, &str)]) -> bool {
        rows.iter()
            .any(|r| want.iter().all(|(k, v)| r.get(*k).map(String::as_str) == Some(*v)))
    }

    /// Show rows in assertion messages.
    pub fn show(rows: &[HashMap<String, String>]) -> String {
        rows.iter()
            .map(|r| {
                let mut kv: Vec<_> = r.iter().filter(|(k, _)| !k.contains('.')).collect();
                kv.sort();
                kv.iter()
                    .map(|(k, v)| format!("{k}={v}"))
                    .collect::<Vec<_>>()
                    .join("  ")
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// What `ingest` puts into the store for the main article.
mod ingest {
    use super::util::*;
    use std::collections::BTreeSet;

    const ZONE: &str = "青溪高新技术产业开发区";

    fn set(items: &[&str]) -> BTreeSet<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    /// The zone's IRI, asserting there is exactly one zone with that label.
    fn zone_iri(store: &TestStore, label: &str) -> String {
        let rows = store.select(&format!(
            "SELECT DISTINCT ?z WHERE {{ ?z a zg:Zone ; rdfs:label \"{label}\"@zh }}"
        ));
        assert_eq!(rows.len(), 1, "one zone labelled {label}:\n{}", show(&rows));
        rows[0]["z"].clone()
    }

    #[test]
    fn zone_has_its_full_name_short_name_and_former_name() {
        let store = TestStore::with(&["qingxi.txt"]);
        let z = zone_iri(&store, ZONE);
        let alt: BTreeSet<String> = store
            .select(&format!("SELECT ?a WHERE {{ <{z}> skos:altLabel ?a }}"))
            .into_iter()
            .map(|r| r["a"].clone())
            .collect();
        assert!(alt.contains("青溪高新区"), "简称 as skos:altLabel: {alt:?}");
        let rows = store.select(&format!(
            "SELECT ?f ?d WHERE {{ <{z}> zg:formerName ?f . OPTIONAL {{ <{z}> zg:renamedOn ?d }} }}"
        ));
        assert!(
            has_row(&rows, &[("f", "青溪经济开发区"), ("d", "2019")]),
            "former name and year:\n{}",
            show(&rows)
        );
    }

    #[test]
    fn leading_industries_are_the_three_listed() {
        let store = TestStore::with(&["qingxi.txt"]);
        let rows = store.select(&format!(
            "SELECT ?l WHERE {{ ?z rdfs:label \"{ZONE}\"@zh ; zg:leadingIndustry ?i . ?i a zg:Industry ; rdfs:label ?l . FILTER(lang(?l) = \"zh\") }}"
        ));
        let got: BTreeSet<String> = rows.into_iter().map(|r| r["l"].clone()).collect();
        assert_eq!(got, set(&["新材料", "生物医药", "智能装备"]));
    }

    #[test]
    fn chain_has_its_industry_and_both_leaders() {
        let store = TestStore::with(&["qingxi.txt"]);
        let rows = store.select(&format!(
            "SELECT ?il ?el WHERE {{
               ?z rdfs:label \"{ZONE}\"@zh ; zg:hasChain ?c .
               ?c a zg:IndustryChain ; zg:industry ?i ; zg:leader ?e .
               ?i rdfs:label ?il . FILTER(lang(?il) = \"zh\")
               ?e a zg:Enterprise ; rdfs:label ?el . FILTER(lang(?el) = \"zh\")
             }}"
        ));
        assert!(
            rows.iter().all(|r| r["il"] == "新材料"),
            "only the 新材料 chain:\n{}",
            show(&rows)
        );
        let leaders: BTreeSet<String> = rows.into_iter().map(|r| r["el"].clone()).collect();
        assert_eq!(leaders, set(&["蓝河材料", "远山科技股份有限公司"]));
    }

    #[test]
    fn listing_names_the_board_and_the_month() {
        let store = TestStore::with(&["qingxi.txt"]);
        let rows = store.select(
            "SELECT ?ml ?date WHERE {
               ?e rdfs:label \"远山科技股份有限公司\"@zh ; zg:listedOn ?m .
               ?m a zg:Market ; rdfs:label ?ml . FILTER(lang(?ml) = \"zh\")
               ?st rdf:subject ?e ; rdf:predicate zg:listedOn ; rdf:object ?m ; zg:date ?date .
             }",
        );
        assert!(
            has_row(&rows, &[("ml", "上海证券交易所科创板"), ("date", "2021-09")]),
            "{}",
            show(&rows)
        );
    }

    #[test]
    fn an_english_report_names_the_chinese_zone_and_its_facts() {
        let store = TestStore::with(&["wuxi-english.txt"]);
        const WUXI: &str = "无锡高新技术产业开发区";
        // The zone of the reference table, by the pinyin of its place, with its English name.
        let names = store.select(&format!(
            "SELECT ?en WHERE {{ ?z a zg:Zone ; rdfs:label \"{WUXI}\"@zh ; rdfs:label|skos:altLabel ?en . FILTER(lang(?en) = \"en\") }}"
        ));
        assert!(
            has_row(&names, &[("en", "Wuxi National High-Tech Industrial Development Zone")]),
            "{}",
            show(&names)
        );
        let industries = store.select(&format!(
            "SELECT ?l WHERE {{ ?z rdfs:label \"{WUXI}\"@zh ; zg:leadingIndustry ?i . ?i rdfs:label ?l . FILTER(lang(?l) = \"zh\") }}"
        ));
        let got: BTreeSet<String> = industries.into_iter().map(|r| r["l"].clone()).collect();
        assert_eq!(got, set(&["集成电路", "生物医药", "物联网"]));
        assert!(store.labels("Place").contains("江苏省"));
        // 210.5 billion yuan in 2022, about the zone; US$1.2 billion about the company.
        let stats = store.select(
            "SELECT ?sl ?v ?u ?y WHERE {
               ?o a zg:Observation ; zg:subject ?s ; zg:value ?v ; zg:unit ?u .
               OPTIONAL { ?o zg:year ?y }
               ?s rdfs:label ?sl .
             }",
        );
        assert!(
            has_row(
                &stats,
                &[("sl", WUXI), ("v", "210500000000"), ("u", "CNY"), ("y", "2022")]
            ),
            "{}",
            show(&stats)
        );
        assert!(
            has_row(
                &stats,
                &[("v", "1200000000"), ("u", "USD"), ("sl", "Lanshan Microchip Co., Ltd.")]
            ),
            "{}",
            show(&stats)
        );
        let partners = store.select(&format!(
            "SELECT ?l WHERE {{ ?z rdfs:label \"{WUXI}\"@zh ; zg:cooperatesWith ?u . ?u a zg:Institute ; rdfs:label ?l }}"
        ));
        assert!(has_row(&partners, &[("l", "Taihu University")]), "{}", show(&partners));
    }

    #[test]
    fn settled_enterprise_and_co_built_institute_lie_in_the_zone() {
        let store = TestStore::with(&["qingxi.txt"]);
        let rows = store.select(&format!(
            "SELECT ?xl ?class WHERE {{ ?x zg:locatedIn ?z ; a ?class ; rdfs:label ?xl . ?z rdfs:label \"{ZONE}\"@zh . FILTER(lang(?xl) = \"zh\") }}"
        ));
        let zg = "https://w3id.org/zonegraph/ontology#";
        assert!(
            has_row(
                &rows,
                &[("xl", "星桥半导体有限公司"), ("class", &format!("{zg}Enterprise"))]
            ),
            "{}",
            show(&rows)
        );
        assert!(
            has_row(
                &rows,
                &[("xl", "青溪新材料研究院"), ("class", &format!("{zg}Institute"))]
            ),
            "{}",
            show(&rows)
        );
    }

    #[test]
    fn co_building_is_a_cooperation_with_the_university() {
        let store = TestStore::with(&["qingxi.txt"]);
        let rows = store.select(&format!(
            "SELECT ?u WHERE {{ ?z rdfs:label \"{ZONE}\"@zh . ?u a zg:Institute ; rdfs:label \"青溪大学\"@zh .
                    {{ ?z zg:cooperatesWith ?u }} UNION {{ ?u zg:cooperatesWith ?z }} }}"
        ));
        assert!(!rows.is_empty(), "青溪大学 co-builds with the zone");
    }

    #[test]
    fn policies_in_book_title_marks_and_quotes_are_implemented_by_the_zone() {
        let store = TestStore::with(&["qingxi.txt"]);
        let rows = store.select(&format!(
            "SELECT ?pl WHERE {{ ?z rdfs:label \"{ZONE}\"@zh ; zg:implements ?p . ?p a zg:Policy ; rdfs:label|skos:altLabel ?pl }}"
        ));
        let got: BTreeSet<String> = rows.into_iter().map(|r| r["pl"].clone()).collect();
        assert!(
            got.contains("青溪高新区高层次人才引育办法"),
            "《》 policy without the marks: {got:?}"
        );
        assert!(got.contains("青苗人才计划"), "quoted plan: {got:?}");
    }

    #[test]

    fn quoted_policy_label_has_no_quote_marks() {
        let store = TestStore::with(&["qingxi.txt"]);
        let labels = store.labels("Policy");
        assert!(labels.contains("青苗人才计划"), "{labels:?}");
        assert!(labels.iter().all(|l| !l.contains(['“', '”', '"'])), "{labels:?}");
    }

    #[test]

    fn former_name_is_not_a_zone_of_its_own() {
        let store = TestStore::with(&["qingxi.txt"]);
        let zones = store.labels("Zone");
        assert_eq!(zones, set(&[ZONE]), "the only zone is the renamed one");
    }

    #[test]
    fn statistics_are_in_base_units_with_year() {
        let store = TestStore::with(&["qingxi.txt"]);
        let rows = store.select(&format!(
            "SELECT ?v ?u ?y WHERE {{ ?o a zg:Observation ; zg:subject ?z ; zg:value ?v ; zg:unit ?u . OPTIONAL {{ ?o zg:year ?y }}
                                       ?z rdfs:label \"{ZONE}\"@zh }}"
        ));
        for (v, u) in [("51230000000", "CNY"), ("186", "count"), ("9.2", "percent")] {
            assert!(
                has_row(&rows, &[("v", v), ("u", u), ("y", "2023")]),
                "{v} {u} in 2023:\n{}",
                show(&rows)
            );
        }
        assert!(
            rows.iter().all(|r| r["v.datatype"] == XSD_DECIMAL),
            "values are xsd:decimal:\n{rows:?}"
        );
    }

    #[test]

    fn growth_rate_is_marked_as_growth() {
        let store = TestStore::with(&["qingxi.txt"]);
        let rows = store.select("SELECT ?o ?v ?q ?m WHERE { ?o zg:value ?v . FILTER(?v = 9.2) OPTIONAL { ?o zg:qualifier ?q } OPTIONAL { ?o zg:metric ?m } }");
        assert!(!rows.is_empty(), "the 9.2% is an observation");
        assert!(
            rows.iter()
                .any(|r| r.get("q").map(String::as_str) == Some("growth")
                    || r.get("m").is_some_and(|m| m.contains("增长"))),
            "{}",
            show(&rows)
        );
    }

    /// Evidence of every observation and statement in the plain-text
    /// fixtures: integer offsets into the decoded file, and the observation's
    /// number written in that span.
    #[test]
    fn every_observation_has_evidence_pointing_at_its_number() {
        let files = ["qingxi.txt", "qingxi-gb18030.txt", "qingxi-big5.txt", "fenglin-pdf.txt"];
        let store = TestStore::with(&files);
        let rows = store.select(
            "SELECT ?o ?value ?ev ?start ?end ?path WHERE {
               ?o a zg:Observation ; zg:value ?value .
               OPTIONAL { ?o zg:evidence ?ev .
                          OPTIONAL { ?ev zg:charStart ?start ; zg:charEnd ?end ; zg:inDocument ?d . ?d zg:sourcePath ?path } }
             }",
        );
        assert!(rows.len() >= 10, "observations from four articles:\n{}", show(&rows));
        let mut seen_files = BTreeSet::new();
        for r in &rows {
            assert!(r.contains_key("ev"), "observation {} has no zg:evidence", r["o"]);
            assert!(
                r.contains_key("start"),
                "evidence {} lacks offsets or document",
                r["ev"]
            );
            assert_eq!(r["start.datatype"], XSD_INTEGER);
            assert_eq!(r["end.datatype"], XSD_INTEGER);
            let name = std::path::Path::new(&r["path"])
                .file_name()
                .unwrap()
                .to_str()
                .unwrap()
                .to_string();
            let text = decoded_fixture(&name);
            let (start, end): (usize, usize) = (r["start"].parse().unwrap(), r["end"].parse().unwrap());
            assert!(
                start < end && end <= text.len(),
                "{name}: span {start}..{end} outside 0..{}",
                text.len()
            );
            let span: String = text[start..end].iter().collect();
            let value: f64 = r["value"].parse().unwrap();
            assert!(
                writes_value(&span, value),
                "{name}: {start}..{end} = {span:?} does not write {value}"
            );
            seen_files.insert(name);
        }
        assert_eq!(
            seen_files.len(),
            files.len(),
            "observations from every file: {seen_files:?}"
        );
    }

    #[test]
    fn evidence_text_is_the_original_sentence() {
        let store = TestStore::with(&["qingxi.txt"]);
        let text = decoded_fixture("qingxi.txt");
        let rows = store.select(
            "SELECT DISTINCT ?ev ?text ?start ?end WHERE {
               { ?x a zg:Observation } UNION { ?x a rdf:Statement }
               ?x zg:evidence ?ev . ?ev a zg:Evidence ; zg:text ?text ; zg:charStart ?start ; zg:charEnd ?end .
             }",
        );
        assert!(rows.len() >= 8, "evidence for most sentences:\n{}", show(&rows));
        for r in &rows {
            let (start, end): (usize, usize) = (r["start"].parse().unwrap(), r["end"].parse().unwrap());
            let span: String = text[start..end.min(text.len())].iter().collect();
            assert_eq!(span, r["text"], "{} at {start}..{end}", r["ev"]);
        }
    }

    #[test]
    fn every_relation_is_reified_with_evidence() {
        let store = TestStore::with(&["qingxi.txt"]);
        let rows = store.select(
            "SELECT ?s ?p ?o WHERE {
               ?s ?p ?o .
               FILTER(?p IN (zg:locatedIn, zg:leadingIndustry, zg:listedOn, zg:implements, zg:cooperatesWith, zg:formerName, zg:leader))
               FILTER NOT EXISTS { ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; zg:evidence ?ev . ?ev zg:charStart ?b }
             }",
        );
        assert!(
            rows.is_empty(),
            "relations without a reified statement and evidence:\n{}",
            show(&rows)
        );
    }

    #[test]
    fn ingesting_the_same_file_again_adds_nothing() {
        let store = TestStore::with(&["qingxi.txt"]);
        let first = store.dump();
        success(&store.ingest(&[fixture("qingxi.txt")]));
        let second = store.dump();
        assert_eq!(
            first.lines().count(),
            second.lines().count(),
            "quad count after re-ingest"
        );
        assert_eq!(sorted_lines(&first), sorted_lines(&second));
    }

    #[test]
    fn ingesting_a_changed_file_replaces_its_graph() {
        let store = TestStore::new();
        let path = store.tmp("article.txt");
        let original = std::fs::read_to_string(fixture("qingxi.txt")).unwrap();
        std::fs::write(&path, &original).unwrap();
        success(&store.ingest(&[&path]));
        assert!(!store
            .select("SELECT ?o WHERE { ?o zg:value ?v . FILTER(?v = 51230000000) }")
            .is_empty());

        // A corrected figure, and the listing sentence withdrawn.
        let changed: String = original
            .replace("512.3亿元", "530.8亿元")
            .lines()
            .filter(|l| !l.contains("科创板上市"))
            .map(|l| format!("{l}\n"))
            .collect();
        assert_ne!(changed, original);
        std::fs::write(&path, &changed).unwrap();
        success(&store.ingest(&[&path]));

        assert!(
            store
                .select("SELECT ?o WHERE { ?o zg:value ?v . FILTER(?v = 51230000000) }")
                .is_empty(),
            "old figure gone"
        );
        assert!(
            !store
                .select("SELECT ?o WHERE { ?o zg:value ?v . FILTER(?v = 53080000000) }")
                .is_empty(),
            "new figure in"
        );
        assert!(
            store.select("SELECT ?e WHERE { ?e zg:listedOn ?m }").is_empty(),
            "withdrawn listing gone"
        );
        assert_eq!(
            store.select("SELECT ?d WHERE { ?d a zg:Document }").len(),
            1,
            "still one document"
        );
        // The store now holds exactly what extract makes of the new version.
        let extracted = success(&zonegraph(["extract".as_ref(), path.as_os_str()]));
        assert_eq!(sorted_lines(&store.dump()), sorted_lines(&extracted));
    }

    #[test]
    fn a_folder_is_read_recursively_and_every_article_becomes_a_document() {
        let store = TestStore::with_all();
        let rows = store.saved_csv("documents");
        let names: BTreeSet<String> = rows
            .iter()
            .map(|r| {
                std::path::Path::new(&r["path"])
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert_eq!(
            names,
            set(&[
                "fenglin-pdf.txt",
                "lanxi-pdf-columns.txt",
                "luting-bulletin.txt",
                "qingxi-big5.txt",
                "qingxi-gb18030.txt",
                "qingxi.txt",
                "songling.html",
                "wuxi-english.txt",
                "yunqiao-scrape.txt"
            ])
        );
        assert!(
            has_row(
                &rows,
                &[
                    ("title", "青溪高新区全力打造新材料产业高地"),
                    ("published", "2024-03-08")
                ]
            ),
            "{}",
            show(&rows)
        );
    }

    #[test]
    fn standard_input_is_a_document_named_by_its_content() {
        let store = TestStore::new();
        let bytes = std::fs::read(fixture("qingxi.txt")).unwrap();
        let args = [
            "ingest".as_ref(),
            "--store".as_ref(),
            store.path.as_os_str(),
            "-".as_ref(),
        ];
        success(&zonegraph_stdin(args, &bytes));
        let once = store.dump();
        success(&zonegraph_stdin(args, &bytes));
        assert_eq!(
            sorted_lines(&once),
            sorted_lines(&store.dump()),
            "the same standard input twice is one document"
        );
        let rows = store.select("SELECT ?p WHERE { ?d a zg:Document ; zg:sourcePath ?p }");
        assert!(has_row(&rows, &[("p", "-")]), "{}", show(&rows));
        assert!(store.labels("Zone").contains(ZONE));
    }
}

/// `extract`: no store, a pure function of the input.
mod extract {
    use super::util::*;
    use std::ffi::OsStr;

    fn extract(path: &std::path::Path, format: &str) -> Vec<u8> {
        let out = zonegraph([
            "extract".as_ref(),
            path.as_os_str(),
            "--format".as_ref(),
            OsStr::new(format),
        ]);
        success(&out);
        out.stdout
    }

    #[test]
    fn two_runs_are_byte_identical() {
        for format in ["nquads", "trig", "turtle"] {
            let a = extract(&fixture("qingxi.txt"), format);
            let b = extract(&fixture("qingxi.txt"), format);
            assert!(!a.is_empty());
            assert!(a == b, "extract --format {format} differs between runs");
        }
        let a = extract(&articles(), "nquads");
        let b = extract(&articles(), "nquads");
        assert!(a == b, "extract of the fixture folder differs between runs");
    }

    #[test]
    fn extract_gives_exactly_the_quads_ingest_stores() {
        for name in [
            "qingxi.txt",
            "qingxi-big5.txt",
            "qingxi-gb18030.txt",
            "songling.html",
            "fenglin-pdf.txt",
        ] {
            let path = fixture(name);
            let extracted = String::from_utf8(extract(&path, "nquads")).unwrap();
            let store = TestStore::new();
            success(&store.ingest(&[&path]));
            let dumped = store.dump();
            let doc = store.select("SELECT ?d WHERE { ?d a zg:Document }");
            assert_eq!(doc.len(), 1);
            let graph = format!("<{}> .", doc[0]["d"]);
            let in_graph = |text: &str| {
                sorted_lines(text)
                    .into_iter()
                    .filter(|l| l.ends_with(&graph))
                    .collect::<Vec<_>>()
            };
            assert!(
                !in_graph(&extracted).is_empty(),
                "{name}: extract writes the document graph"
            );
            assert_eq!(in_graph(&extracted), in_graph(&dumped), "{name}: document graph");
            // Also the shared reference graph: a fresh store holds nothing else.
            assert_eq!(sorted_lines(&extracted), sorted_lines(&dumped), "{name}: whole store");
        }
    }

    #[test]
    fn standard_input_works_like_a_file() {
        let bytes = std::fs::read(fixture("qingxi.txt")).unwrap();
        let out = zonegraph_stdin(["extract", "-"], &bytes);
        let text = success(&out);
        assert!(text.contains("青溪高新技术产业开发区"));
        assert!(text.contains("\"-\""), "source path of standard input is -");
    }
}

/// GB18030 and Big5 inputs.
mod encodings {
    use super::util::*;

    /// Extract output with what names the document (its IRI and key, path and
    /// content hash) taken out, so that two copies of a text compare equal.
    fn anonymous_quads(name: &str) -> Vec<String> {
        let path = fixture(name);
        let text = success(&zonegraph(["extract".as_ref(), path.as_os_str()]));
        let doc = "<https://w3id.org/zonegraph/doc/";
        let start = text.find(doc).expect("a document IRI") + doc.len();
        let key: String = text[start..].chars().take_while(|c| c.is_ascii_hexdigit()).collect();
        assert!(key.len() >= 8, "document key {key:?}");
        sorted_lines(
            &text
                .lines()
                .filter(|l| !l.contains("ontology#sourcePath>") && !l.contains("ontology#contentHash>"))
                .map(|l| l.replace(&key, "DOC") + "\n")
                .collect::<String>(),
        )
    }

    #[test]
    fn gb18030_gives_the_same_graph_as_utf8() {
        let utf8 = anonymous_quads("qingxi.txt");
        let gb = anonymous_quads("qingxi-gb18030.txt");
        assert!(utf8.len() > 100);
        assert_eq!(utf8, gb);
    }

    /// A news API's record: the article in a JSON field, with escaped line
    /// breaks and characters, beside ids, addresses and times.
    #[test]
    fn a_json_record_gives_the_graph_of_its_article() {
        let article = std::fs::read_to_string(fixture("qingxi.txt")).unwrap();
        let content = serde_json::to_string(&article).unwrap();
        // Non-ASCII written as \uXXXX escapes, as many APIs do.
        let escaped: String = content
            .chars()
            .map(|c| {
                if c.is_ascii() {
                    c.to_string()
                } else {
                    format!("\\u{:04x}", c as u32)
                }
            })
            .collect();
        let record = format!(
            r#"{{"id":"7f3e21","url":"https:\/\/news.example.com\/a.html","pub_time":"2024-04-18 07:45:00","content":{escaped},"views":12}}"#
        );
        let plain = TestStore::with(&["qingxi.txt"]);
        let json = TestStore::new();
        let path = json.tmp("record.json");
        std::fs::write(&path, record).unwrap();
        success(&json.ingest(&[&path]));
        for class in ["Zone", "Enterprise", "Institute", "Policy"] {
            let want = plain.labels(class);
            assert!(!want.is_empty(), "{class}");
            assert_eq!(json.labels(class), want, "{class}");
        }
    }

    /// A news site's RSS feed saved as served: the article as the HTML of an
    /// item's description in CDATA, beside the channel's links and dates.
    #[test]
    fn an_rss_feed_gives_the_graph_of_its_item() {
        let article = std::fs::read_to_string(fixture("qingxi.txt")).unwrap();
        let html: String = article
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| format!("<p>&nbsp;&nbsp;{l}</p>\n"))
            .collect();
        let feed = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n<channel>\n<title>园区快讯</title>\n\
             <link>https://news.example.com/</link>\n<description>站点介绍</description>\n<item>\n\
             <title>青溪高新区年度综述</title>\n<link>https://news.example.com/1.html</link>\n\
             <pubDate>Thu, 18 Apr 2024 07:45:00 +0800</pubDate>\n\
             <description><![CDATA[{html}]]></description>\n</item>\n</channel>\n</rss>\n"
        );
        let plain = TestStore::with(&["qingxi.txt"]);
        let rss = TestStore::new();
        let path = rss.tmp("feed.xml");
        std::fs::write(&path, feed).unwrap();
        success(&rss.ingest(&[&path]));
        for class in ["Zone", "Enterprise", "Institute", "Policy"] {
            let want = plain.labels(class);
            assert!(!want.is_empty(), "{class}");
            assert_eq!(rss.labels(class), want, "{class}");
        }
        let dates = rss.select("SELECT ?d WHERE { ?doc zg:published ?d }");
        assert!(has_row(&dates, &[("d", "2024-04-18")]), "{}", show(&dates));
    }

    /// Quoted-printable (RFC 2045): bytes outside printable ASCII as =XX,
    /// lines kept under 76 characters with soft breaks.
    fn quoted_printable(bytes: &[u8]) -> String {
        let mut out = String::new();
        let mut line = 0;
        for &b in bytes {
            let piece = match b {
                b'\n' => {
                    out.push_str("\r\n");
                    line = 0;
                    continue;
                }
                b'\r' => continue,
                33..=60 | 62..=126 => (b as char).to_string(),
                _ => format!("={b:02X}"),
            };
            if line + piece.len() > 72 {
                out.push_str("=\r\n");
                line = 0;
            }
            line += piece.len();
            out.push_str(&piece);
        }
        out
    }

    #[test]
    fn a_saved_email_gives_the_graph_of_its_text() {
        let article = std::fs::read_to_string(fixture("qingxi.txt")).unwrap();
        let (gbk, _, _) = encoding_rs::GBK.encode(&article);
        let mail = format!(
            "Received: from mail.example.cn by mx.example.com; Thu, 18 Apr 2024 07:45:00 +0800\r\n\
             From: =?UTF-8?B?5Zut5Yy65b+r6K6v?= <news@example.cn>\r\n\
             To: reader@example.com\r\n\
             Subject: Qingxi weekly\r\n\
             Date: Thu, 18 Apr 2024 07:45:00 +0800\r\n\
             MIME-Version: 1.0\r\n\
             Content-Type: multipart/alternative; boundary=\"zz\"\r\n\r\n\
             --zz\r\nContent-Type: text/plain; charset=GBK\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n\
             {}\r\n--zz\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n<p>unused</p>\r\n--zz--\r\n",
            quoted_printable(&gbk)
        );
        let plain = TestStore::with(&["qingxi.txt"]);
        let eml = TestStore::new();
        let dir = eml.tmp("inbox");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("weekly.eml"), mail).unwrap();
        success(&eml.ingest(&[&dir]));
        for class in ["Zone", "Enterprise", "Institute", "Policy"] {
            let want = plain.labels(class);
            assert!(!want.is_empty(), "{class}");
            assert_eq!(eml.labels(class), want, "{class}");
        }
        let dates = eml.select("SELECT ?d WHERE { ?doc zg:published ?d }");
        assert!(has_row(&dates, &[("d", "2024-04-18")]), "{}", show(&dates));
    }

    /// A ZIP archive of these entries, as an office program writes it.
    fn zip_archive(entries: &[(&str, String)]) -> Vec<u8> {
        use std::io::Write;
        let mut buffer = std::io::Cursor::new(Vec::new());
        let mut writer = zip::ZipWriter::new(&mut buffer);
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        for (path, content) in entries {
            writer.start_file(*path, options).unwrap();
            writer.write_all(content.as_bytes()).unwrap();
        }
        writer.finish().unwrap();
        buffer.into_inner()
    }

    fn xml_escape(text: &str) -> String {
        text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
    }

    #[test]
    fn a_word_file_gives_the_graph_of_its_text() {
        let article = std::fs::read_to_string(fixture("qingxi.txt")).unwrap();
        // Each line a paragraph, split into two runs mid-line (as Word splits
        // a name wherever it was edited), with a deleted revision between.
        let paragraphs: String = article
            .lines()
            .map(|line| {
                let chars: Vec<char> = line.chars().collect();
                let (a, b) = chars.split_at(chars.len() / 2);
                let (a, b): (String, String) = (a.iter().collect(), b.iter().collect());
                format!(
                    "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r><w:del><w:r><w:delText>删去</w:delText></w:r></w:del><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                    xml_escape(&a),
                    xml_escape(&b)
                )
            })
            .collect();
        let document = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{paragraphs}</w:body></w:document>"
        );
        let docx = zip_archive(&[
            ("[Content_Types].xml", "<Types/>".to_string()),
            ("word/document.xml", document),
        ]);
        let plain = TestStore::with(&["qingxi.txt"]);
        let word = TestStore::new();
        let dir = word.tmp("notices");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("qingxi.docx"), docx).unwrap();
        success(&word.ingest(&[&dir]));
        for class in ["Zone", "Enterprise", "Institute", "Policy", "Industry"] {
            let want = plain.labels(class);
            assert!(!want.is_empty(), "{class}");
            assert_eq!(word.labels(class), want, "{class}");
        }
    }

    /// Rows of a project list (invented names), as cells.
    const PROJECT_ROWS: [[&str; 5]; 4] = [
        ["序号", "项目名称", "投资方", "总投资（亿元）", "落户园区"],
        [
            "1",
            "晶澜功率半导体封测项目",
            "晶澜半导体科技有限公司",
            "12.5",
            "青溪高新区",
        ],
        [
            "2",
            "拓屿智能装备产业园项目",
            "拓屿智能装备股份有限公司",
            "8",
            "青溪高新区",
        ],
        [
            "3",
            "禾梧生物药中试基地项目",
            "禾梧生物医药（苏州）有限公司",
            "3.2",
            "青溪高新区",
        ],
    ];

    #[test]
    fn a_workbook_gives_the_graph_of_the_same_table_saved_as_csv() {
        let cell = |col: usize, row: usize, text: &str| {
            let at = format!("{}{}", (b'A' + col as u8) as char, row + 1);
            match text.parse::<f64>() {
                Ok(_) => format!("<c r=\"{at}\"><v>{text}</v></c>"),
                Err(_) => format!("<c r=\"{at}\" t=\"inlineStr\"><is><t>{text}</t></is></c>"),
            }
        };
        let mut rows = format!("<row r=\"1\">{}</row>", cell(0, 0, "青溪高新区2024年签约项目表"));
        for (r, cells) in PROJECT_ROWS.iter().enumerate() {
            let cells: String = cells.iter().enumerate().map(|(c, text)| cell(c, r + 1, text)).collect();
            rows.push_str(&format!("<row r=\"{}\">{cells}</row>", r + 2));
        }
        const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        const RELS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
        const DOC: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        let xlsx = zip_archive(&[
            (
                "_rels/.rels",
                format!("<Relationships xmlns=\"{RELS}\"><Relationship Id=\"rId1\" Type=\"{DOC}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
            ),
            (
                "xl/workbook.xml",
                format!("<workbook xmlns=\"{MAIN}\" xmlns:r=\"{DOC}\"><sheets><sheet name=\"签约项目\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            ),
            (
                "xl/_rels/workbook.xml.rels",
                format!("<Relationships xmlns=\"{RELS}\"><Relationship Id=\"rId1\" Type=\"{DOC}/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"),
            ),
            (
                "xl/worksheets/sheet1.xml",
                format!("<worksheet xmlns=\"{MAIN}\"><sheetData>{rows}</sheetData></worksheet>"),
            ),
        ]);
        let mut csv = "签约项目\n青溪高新区2024年签约项目表,,,,\n".to_string();
        for cells in PROJECT_ROWS {
            csv.push_str(&cells.join(","));
            csv.push('\n');
        }
        let sheet = TestStore::new();
        let path = sheet.tmp("projects.xlsx");
        std::fs::write(&path, xlsx).unwrap();
        success(&sheet.ingest(&[&path]));
        let text = TestStore::new();
        let path = text.tmp("projects.csv");
        std::fs::write(&path, csv).unwrap();
        success(&text.ingest(&[&path]));
        let firms = sheet.labels("Enterprise");
        assert!(firms.contains("晶澜半导体科技有限公司"), "{firms:?}");
        for class in ["Zone", "Enterprise", "Project"] {
            assert_eq!(sheet.labels(class), text.labels(class), "{class}");
        }
    }

    /// Characters of the Big5 article that simplified Chinese writes otherwise.
    const TRADITIONAL: [char; 14] = [
        '區', '術', '產', '業', '開', '發', '醫', '藥', '鷺', '學', '製', '裝', '備', '興',
    ];

    #[test]
    fn big5_gives_simplified_labels_and_keeps_the_traditional_forms() {
        let store = TestStore::with(&["qingxi-big5.txt"]);
        let rows = store.select(
            "SELECT ?a WHERE { ?z a zg:Zone ; rdfs:label \"青溪高新技术产业开发区\"@zh ; skos:altLabel ?a . FILTER(lang(?a) = \"zh-Hant\") }",
        );
        assert!(
            has_row(&rows, &[("a", "青溪高新技術產業開發區")]),
            "traditional full name as @zh-Hant:\n{}",
            show(&rows)
        );
        let zh =
            store.select("SELECT DISTINCT ?l WHERE { ?x rdfs:label|skos:altLabel ?l . FILTER(lang(?l) = \"zh\") }");
        for r in &zh {
            assert!(
                !r["l"].contains(TRADITIONAL),
                "a traditional form labelled @zh: {}",
                r["l"]
            );
        }
        let enterprises = store.labels("Enterprise");
        assert!(enterprises.contains("白鹭医药有限公司"), "{enterprises:?}");
        let title = store.select("SELECT ?t WHERE { ?d a zg:Document ; zg:title ?t }");
        assert!(
            has_row(&title, &[("t", "青溪高新区深化产学研协同创新")]),
            "{}",
            show(&title)
        );
    }

    #[test]
    fn the_three_encodings_name_one_and_the_same_zone() {
        let store = TestStore::with(&["qingxi.txt", "qingxi-gb18030.txt", "qingxi-big5.txt"]);
        let rows = store.select(
            "SELECT ?z (COUNT(DISTINCT ?d) AS ?docs) WHERE { ?z a zg:Zone ; rdfs:label \"青溪高新技术产业开发区\"@zh ; zg:mentionedIn ?d } GROUP BY ?z",
        );
        assert_eq!(rows.len(), 1, "one zone node:\n{}", show(&rows));
        assert_eq!(rows[0]["docs"], "3");
        let industries = store.select(
            "SELECT ?z (COUNT(DISTINCT ?i) AS ?n) WHERE { ?z rdfs:label \"青溪高新技术产业开发区\"@zh ; zg:leadingIndustry ?i } GROUP BY ?z",
        );
        assert_eq!(
            industries[0]["n"], "3",
            "the Big5 article names the same three industries"
        );
    }
}

/// Web pages: only the article text counts.
mod html {
    use super::util::*;

    /// Names that appear only in the page's script, style, nav, header,
    /// aside and footer.
    const JUNK: &[&str] = &[
        "红枫",
        "绿野",
        "紫云",
        "金穗",
        "橙湖",
        "翠峰",
        "银杏湾",
        "白石",
        "玉泉",
        "石门",
        "ICP",
    ];

    #[test]
    fn script_navigation_and_footer_text_make_no_entity() {
        let store = TestStore::with(&["songling.html"]);
        let labels = store.all_labels();
        assert!(
            labels.contains("松岭高新技术产业开发区"),
            "the article's zone is found: {labels:?}"
        );
        for junk in JUNK {
            assert!(
                labels.iter().all(|l| !l.contains(junk)),
                "{junk} from page furniture became an entity: {labels:?}"
            );
        }
        let sentences = store.select("SELECT ?t WHERE { ?e a zg:Evidence ; zg:text ?t }");
        assert!(!sentences.is_empty());
        for r in &sentences {
            assert!(
                JUNK.iter().all(|j| !r["t"].contains(j)),
                "evidence from page furniture: {}",
                r["t"]
            );
            assert!(
                !r["t"].contains('<') && !r["t"].contains("var "),
                "markup or script in evidence: {}",
                r["t"]
            );
        }
    }

    #[test]
    fn page_title_date_and_statistics_come_from_the_article() {
        let store = TestStore::with(&["songling.html"]);
        let doc = store.select("SELECT ?t ?p WHERE { ?d a zg:Document ; zg:title ?t ; zg:published ?p }");
        assert!(
            has_row(&doc, &[("t", "松岭高新区集成电路产业加快集聚"), ("p", "2024-04-12")]),
            "{}",
            show(&doc)
        );
        let obs = store.select(
            "SELECT ?v ?u ?text WHERE { ?o zg:subject ?z ; zg:value ?v ; zg:unit ?u ; zg:evidence ?e . ?e zg:text ?text .
                                        ?z rdfs:label \"松岭高新技术产业开发区\"@zh }",
        );
        assert!(has_row(&obs, &[("v", "86000000000"), ("u", "CNY")]), "{}", show(&obs));
        assert!(has_row(&obs, &[("v", "312"), ("u", "count")]), "{}", show(&obs));
        for r in &obs {
            assert!(
                writes_value(&r["text"], r["v"].parse().unwrap()),
                "evidence {:?} does not write {}",
                r["text"],
                r["v"]
            );
        }
        let renamed = store.saved_csv("renamed-zones");
        assert!(
            has_row(
                &renamed,
                &[
                    ("zone", "松岭高新技术产业开发区"),
                    ("formerName", "松岭工业园区"),
                    ("date", "2016")
                ]
            ),
            "{}",
            show(&renamed)
        );
    }

    #[test]

    fn after_a_renaming_the_park_is_the_new_zone() {
        let store = TestStore::with(&["songling.html"]);
        let industries = store.saved_csv("zones-leading-industries");
        for i in ["集成电路", "新能源汽车"] {
            assert!(
                has_row(&industries, &[("zone", "松岭高新技术产业开发区"), ("industry", i)]),
                "{}",
                show(&industries)
            );
        }
        let leaders = store.saved_csv("chain-leaders");
        assert!(
            has_row(
                &leaders,
                &[
                    ("zone", "松岭高新技术产业开发区"),
                    ("industry", "集成电路"),
                    ("leader", "晶河微电子股份有限公司")
                ]
            ),
            "{}",
            show(&leaders)
        );
        assert!(
            !store.labels("Zone").contains("松岭工业园区"),
            "the former name is no zone of its own"
        );
    }

    #[test]
    fn zones_naming_the_same_leading_industry_are_listed_together() {
        let store = TestStore::with(&["songling.html", "fenglin-pdf.txt"]);
        let shared = store.saved_csv("zones-sharing-industry");
        for i in ["集成电路", "新能源汽车"] {
            assert!(
                has_row(
                    &shared,
                    &[
                        ("industry", i),
                        ("count", "2"),
                        ("zones", "松岭高新技术产业开发区、枫林高新技术产业开发区")
                    ]
                ),
                "{}",
                show(&shared)
            );
        }
        assert!(
            !shared.iter().any(|r| r["industry"] == "人工智能"),
            "one zone alone shares nothing: {}",
            show(&shared)
        );
    }

    #[test]
    fn a_zone_profile_and_its_evidence_find_the_zone_by_its_short_name() {
        let store = TestStore::with(&["songling.html", "fenglin-pdf.txt"]);
        let run = |args: &[&str]| {
            let mut all: Vec<&std::ffi::OsStr> = vec!["query".as_ref(), "--store".as_ref(), store.path.as_os_str()];
            all.extend(args.iter().map(|a| std::ffi::OsStr::new(*a)));
            zonegraph(all)
        };
        // The articles name the zone in full; the short name finds it.
        let text = success(&run(&["--format", "csv", "zone-profile", "--param", "zone=松岭高新区"]));
        let rows: Vec<Vec<String>> = parse_csv(&text);
        let has = |relation: &str, name: &str| rows.iter().any(|r| r[0] == relation && r[1] == name);
        for (relation, name) in [
            ("name", "松岭高新技术产业开发区"),
            ("former name", "松岭工业园区"),
            ("leading industry", "集成电路"),
            ("industry-chain leader", "晶河微电子股份有限公司"),
            ("located in", "常州市"),
        ] {
            assert!(has(relation, name), "{relation} {name} missing: {rows:?}");
        }
        assert!(
            !rows.iter().any(|r| r[1].contains("枫林")),
            "the other zone's facts leaked in: {rows:?}"
        );
        // Without the parameter: an error saying which one, not the example zone.
        let missing = run(&["zone-profile"]);
        assert!(!missing.status.success());
        let err = String::from_utf8_lossy(&missing.stderr);
        assert!(err.contains("zone-profile") && err.contains("--param zone="), "{err}");
        // The sentences about one entity, found by the short name too.
        let text = success(&run(&[
            "--format",
            "csv",
            "entity-evidence",
            "--param",
            "name=松岭高新区",
        ]));
        let rows: Vec<Vec<String>> = parse_csv(&text);
        let stated = |relation: &str, role: &str, other: &str| {
            rows.iter()
                .any(|r| r[0] == relation && r[1] == role && r[2] == other && r[6].contains(&other[..6]))
        };
        assert!(stated("zg:leadingIndustry", "subject", "集成电路"), "{rows:?}");
        assert!(stated("zg:locatedIn", "object", "晶河微电子股份有限公司"), "{rows:?}");
        assert!(
            rows.iter()
                .any(|r| r[0] == "zg:statistic" && r[2].starts_with("86000000000 CNY")),
            "{rows:?}"
        );
        assert!(rows.iter().skip(1).all(|r| r[3].ends_with("songling.html")), "{rows:?}");
        let unknown = run(&["zone-profile", "--param", "zone=松岭高新区", "--param", "year=2020"]);
        assert!(!unknown.status.success());
        assert!(String::from_utf8_lossy(&unknown.stderr).contains("no parameter `year`"));
    }
}

/// Text copied out of a PDF: lines broken inside sentences and words,
/// pinyin readings after characters, page numbers.
mod pdf_text {
    use super::util::*;
    use std::collections::BTreeSet;

    const ZONE: &str = "枫林高新技术产业开发区";

    #[test]
    fn words_broken_across_lines_are_whole_and_pinyin_is_dropped() {
        let store = TestStore::with(&["fenglin-pdf.txt"]);
        let industries: BTreeSet<String> = store
            .saved_csv("zones-leading-industries")
            .into_iter()
            .filter(|r| r["zone"] == ZONE)
            .map(|r| r["industry"].clone())
            .collect();
        let want: BTreeSet<String> = ["人工智能", "新能源汽车", "集成电路"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(industries, want, "人工/智能 and 新能/源汽车 are broken across lines");
        let leaders = store.saved_csv("chain-leaders");
        assert!(
            has_row(
                &leaders,
                &[
                    ("zone", ZONE),
                    ("industry", "新能源汽车"),
                    ("leader", "华辰智驾科技股份有限公司")
                ]
            ),
            "{}",
            show(&leaders)
        );
        let title = store.select("SELECT ?t WHERE { ?d a zg:Document ; zg:title ?t }");
        assert!(
            has_row(&title, &[("t", "枫林高新区创新发展报告(摘要)")]),
            "pinyin left in the title: {}",
            show(&title)
        );
        let texts = store
            .select("SELECT ?t WHERE { { ?x rdfs:label|skos:altLabel ?t } UNION { ?e a zg:Evidence ; zg:text ?t } }");
        for r in &texts {
            assert!(
                !r["t"].contains("chuàng") && !r["t"].contains("chǎn"),
                "pinyin kept: {}",
                r["t"]
            );
        }
    }

    #[test]
    fn numbers_with_thousands_separators_and_listing_dates() {
        let store = TestStore::with(&["fenglin-pdf.txt"]);
        let stats = store.saved_csv("zone-statistics");
        assert!(
            has_row(
                &stats,
                &[
                    ("zone", ZONE),
                    ("value", "128650000000"),
                    ("unit", "CNY"),
                    ("year", "2023")
                ]
            ),
            "1,286.5亿元:\n{}",
            show(&stats)
        );
        let listed = store.saved_csv("listed-enterprises");
        assert!(
            has_row(
                &listed,
                &[
                    ("market", "深圳证券交易所创业板"),
                    ("enterprise", "华辰智驾科技股份有限公司"),
                    ("date", "2020-08")
                ]
            ),
            "{}",
            show(&listed)
        );
        let institutes = store.saved_csv("institutes-in-zone");
        assert!(
            has_row(&institutes, &[("zone", ZONE), ("institute", "枫林人工智能研究院")]),
            "{}",
            show(&institutes)
        );
    }

    #[test]

    fn a_line_broken_before_a_number_is_joined() {
        let store = TestStore::with(&["fenglin-pdf.txt"]);
        let stats = store.saved_csv("zone-statistics");
        assert!(
            stats.iter().any(|r| r["zone"] == ZONE
                && r["value"] == "427"
                && r["year"] == "2023"
                && r["metric"].contains("高新技术企业")),
            "{}",
            show(&stats)
        );
        assert!(
            has_row(
                &stats,
                &[("zone", ZONE), ("value", "6.8"), ("unit", "percent"), ("year", "2023")]
            ),
            "{}",
            show(&stats)
        );
    }
}

/// A PDF column wrapped by printed width (lines with digits hold more
/// characters) with the classes of sentence a zone's annual report has.
mod pdf_columns {
    use super::util::*;
    use std::collections::BTreeSet;

    const ZONE: &str = "岚溪高新技术产业开发区";

    #[test]
    fn a_width_wrapped_report_gives_its_names_figures_and_relations() {
        let store = TestStore::with(&["lanxi-pdf-columns.txt"]);
        let stats = store.saved_csv("zone-statistics");
        // 1.3|万家 broken across lines; the area is no 1996 figure.
        assert!(
            has_row(
                &stats,
                &[("zone", ZONE), ("value", "13000"), ("unit", "count"), ("year", "2023")]
            ),
            "{}",
            show(&stats)
        );
        assert!(
            has_row(
                &stats,
                &[("zone", ZONE), ("value", "42.6"), ("unit", "km2"), ("year", "")]
            ),
            "{}",
            show(&stats)
        );
        // 该项目总投资 is the project's.
        let figures = store.select(
            "SELECT ?sl ?v WHERE { ?o a zg:Observation ; zg:subject ?s ; zg:value ?v . ?s a zg:Project ; rdfs:label ?sl }",
        );
        assert!(
            has_row(
                &figures,
                &[
                    ("sl", "霁川新能源科技有限公司年产5万吨正极材料项目"),
                    ("v", "3600000000")
                ]
            ),
            "{}",
            show(&figures)
        );
        // A list after an official name, under 领军企业, in the university park of the zone.
        let enterprises = store.labels("Enterprise");
        for want in ["霁川精工股份有限公司", "芷岗智控", "岚溪药业股份有限公司"] {
            assert!(enterprises.contains(want), "{want} not in {enterprises:?}");
        }
        let parks = store.select(&format!(
            "SELECT ?pl WHERE {{ ?p zg:locatedIn ?z ; a zg:Zone ; rdfs:label ?pl . ?z rdfs:label \"{ZONE}\"@zh }}"
        ));
        assert!(has_row(&parks, &[("pl", "澄屿大学科技城")]), "{}", show(&parks));
        assert!(store.labels("Institute").is_empty(), "{:?}", store.labels("Institute"));
        // A campaign year is a policy; an application to list is no listing.
        let policies: BTreeSet<String> = store
            .saved_csv("policies-by-zone")
            .into_iter()
            .filter(|r| r["zone"] == ZONE)
            .map(|r| r["policy"].clone())
            .collect();
        assert!(policies.iter().any(|p| p.contains("项目攻坚年")), "{policies:?}");
        assert!(store.saved_csv("listed-enterprises").is_empty());
    }
}

/// Compacting a store keeps every quad.
mod optimize {
    use super::util::*;

    #[test]
    fn optimize_keeps_the_store_as_it_was() {
        let store = TestStore::with_all();
        let before = store.dump();
        let out = zonegraph(["optimize".as_ref(), "--store".as_ref(), store.path.as_os_str()]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{err}");
        assert!(err.contains("optimized"), "{err}");
        assert_eq!(store.dump(), before);
        // A store that does not exist is an error naming it, not a new store.
        let missing = store.tmp("missing.db");
        let out = zonegraph(["optimize".as_ref(), "--store".as_ref(), missing.as_os_str()]);
        assert!(!out.status.success());
        assert!(String::from_utf8_lossy(&out.stderr).contains("missing.db"));
        assert!(!missing.exists(), "optimize created a store");
    }
}

/// Saved queries and output formats.
mod queries {
    use super::util::*;

    fn saved_names() -> Vec<String> {
        let out = success(&zonegraph(["query", "--list"]));
        let names: Vec<String> = out
            .lines()
            .filter_map(|l| l.split_whitespace().next())
            .map(str::to_string)
            .collect();
        assert!(names.len() >= 10, "saved queries: {names:?}");
        names
    }

    /// The `--param NAME=VALUE` arguments a saved query needs (`--list`
    /// shows `(--param NAME=…)`), each given a zone of the fixtures.
    fn saved_params(name: &str) -> Vec<String> {
        let out = success(&zonegraph(["query", "--list"]));
        let line = out
            .lines()
            .find(|l| l.split_whitespace().next() == Some(name))
            .unwrap_or("");
        line.split("(--param ")
            .skip(1)
            .filter_map(|p| p.split_once('='))
            .map(|(n, _)| format!("{n}=松岭高新区"))
            .collect()
    }

    #[test]
    fn list_describes_every_saved_query() {
        let out = success(&zonegraph(["query", "--list"]));
        for line in out.lines() {
            let mut parts = line.splitn(2, char::is_whitespace);
            let name = parts.next().unwrap();
            let question = parts.next().unwrap_or("").trim();
            // A parameterised query ends with what it needs: (--param zone=…).
            let question = question.split(" (--param ").next().unwrap_or(question).trim();
            assert!(
                question.ends_with('?'),
                "{name}: the description is the question it answers: {question:?}"
            );
        }
        let names = saved_names();
        for n in [
            "zones-leading-industries",
            "chain-leaders",
            "listed-enterprises",
            "renamed-zones",
            "zone-statistics",
        ] {
            assert!(names.iter().any(|x| x == n), "{n} is a saved query");
        }
    }

    #[test]
    fn every_saved_query_runs_and_prints_a_header() {
        let store = TestStore::with_all();
        for name in saved_names() {
            let params = saved_params(&name);
            let csv = success(&store.query_with(&name, "csv", &params));
            let rows = parse_csv(&csv);
            let header = rows.first().unwrap_or_else(|| panic!("{name}: empty CSV output"));
            assert!(
                !header.is_empty()
                    && header
                        .iter()
                        .all(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')),
                "{name}: CSV header is variable names: {header:?}"
            );
            assert!(rows.len() > 1, "{name}: no rows on the fixture store");
            assert!(rows.iter().all(|r| r.len() == header.len()), "{name}: ragged CSV");

            let table = success(&store.query_with(&name, "table", &params));
            let first = table.lines().next().unwrap_or_default();
            for h in header {
                assert!(first.contains(h.as_str()), "{name}: table header {first:?} lacks {h}");
            }
            assert!(
                table.trim_end().ends_with("rows)"),
                "{name}: table ends with a row count"
            );

            let json: serde_json::Value =
                serde_json::from_str(&success(&store.query_with(&name, "json", &params))).unwrap();
            assert_eq!(
                json["head"]["vars"].as_array().map(Vec::len),
                Some(header.len()),
                "{name}: JSON head"
            );
        }
    }

    #[test]
    fn zones_leading_industries_rows() {
        let store = TestStore::with_all();
        let rows = store.saved_csv("zones-leading-industries");
        for i in ["新材料", "生物医药", "智能装备"] {
            assert!(
                has_row(&rows, &[("zone", "青溪高新技术产业开发区"), ("industry", i)]),
                "{i}:\n{}",
                show(&rows)
            );
        }
        for i in ["人工智能", "新能源汽车", "集成电路"] {
            assert!(
                has_row(&rows, &[("zone", "枫林高新技术产业开发区"), ("industry", i)]),
                "{i}:\n{}",
                show(&rows)
            );
        }
        // One row per zone and industry whatever the number of documents.
        let n = rows
            .iter()
            .filter(|r| r["zone"] == "青溪高新技术产业开发区" && r["industry"] == "新材料")
            .count();
        assert_eq!(n, 1, "three documents state it, one row");
    }

    #[test]
    fn chain_leaders_rows() {
        let store = TestStore::with_all();
        let rows = store.saved_csv("chain-leaders");
        for leader in ["蓝河材料", "远山科技股份有限公司"] {
            assert!(
                has_row(
                    &rows,
                    &[
                        ("zone", "青溪高新技术产业开发区"),
                        ("industry", "新材料"),
                        ("leader", leader)
                    ]
                ),
                "{leader}:\n{}",
                show(&rows)
            );
        }
    }

    #[test]
    fn listed_enterprises_rows() {
        let store = TestStore::with_all();
        let rows = store.saved_csv("listed-enterprises");
        for (market, enterprise, date) in [
            ("上海证券交易所科创板", "远山科技股份有限公司", "2021-09"),
            ("深圳证券交易所创业板", "华辰智驾科技股份有限公司", "2020-08"),
            ("深圳证券交易所创业板", "晶河微电子股份有限公司", "2022"),
        ] {
            assert!(
                has_row(&rows, &[("market", market), ("enterprise", enterprise), ("date", date)]),
                "{enterprise}:\n{}",
                show(&rows)
            );
        }
    }

    #[test]
    fn renamed_zones_rows() {
        let store = TestStore::with_all();
        let rows = store.saved_csv("renamed-zones");
        assert!(
            has_row(
                &rows,
                &[
                    ("zone", "青溪高新技术产业开发区"),
                    ("formerName", "青溪经济开发区"),
                    ("date", "2019")
                ]
            ),
            "{}",
            show(&rows)
        );
        assert!(
            has_row(
                &rows,
                &[
                    ("zone", "松岭高新技术产业开发区"),
                    ("formerName", "松岭工业园区"),
                    ("date", "2016")
                ]
            ),
            "{}",
            show(&rows)
        );
    }

    #[test]
    fn zone_statistics_rows() {
        let store = TestStore::with_all();
        let rows = store.saved_csv("zone-statistics");
        for (zone, value, unit) in [
            ("青溪高新技术产业开发区", "51230000000", "CNY"),
            ("青溪高新技术产业开发区", "186", "count"),
            ("青溪高新技术产业开发区", "3860000000", "CNY"),
            ("青溪高新技术产业开发区", "1250", "count"),
            ("松岭高新技术产业开发区", "86000000000", "CNY"),
            ("枫林高新技术产业开发区", "128650000000", "CNY"),
        ] {
            assert!(
                has_row(
                    &rows,
                    &[("zone", zone), ("value", value), ("unit", unit), ("year", "2023")]
                ),
                "{zone} {value}:\n{}",
                show(&rows)
            );
        }
        // qingxi.txt and its GB18030 copy state the same figure: one row.
        let n = rows.iter().filter(|r| r["value"] == "51230000000").count();
        assert_eq!(n, 1, "{}", show(&rows));
    }

    #[test]
    fn enterprises_institutes_and_policies_by_zone() {
        let store = TestStore::with_all();
        let rows = store.saved_csv("enterprises-in-zone");
        for e in ["星桥半导体有限公司", "白鹭医药有限公司", "远山科技股份有限公司"] {
            assert!(
                has_row(&rows, &[("zone", "青溪高新技术产业开发区"), ("enterprise", e)]),
                "{e}:\n{}",
                show(&rows)
            );
        }
        let rows = store.saved_csv("institutes-in-zone");
        for i in ["青溪新材料研究院", "青溪智能制造创新中心"] {
            assert!(
                has_row(&rows, &[("zone", "青溪高新技术产业开发区"), ("institute", i)]),
                "{i}:\n{}",
                show(&rows)
            );
        }
        let rows = store.saved_csv("policies-by-zone");
        assert!(
            has_row(
                &rows,
                &[
                    ("zone", "青溪高新技术产业开发区"),
                    ("policy", "青溪高新区高层次人才引育办法")
                ]
            ),
            "{}",
            show(&rows)
        );
    }

    #[test]
    fn evidence_and_entity_sources_point_at_sentences() {
        let store = TestStore::with(&["qingxi.txt"]);
        let rows = store.saved_csv("evidence");
        let row = rows
            .iter()
            .find(|r| r["value"] == "51230000000")
            .unwrap_or_else(|| panic!("{}", show(&rows)));
        assert!(row["sentence"].contains("512.3亿元"), "{}", row["sentence"]);
        assert!(row["path"].ends_with("qingxi.txt"));
        let rows = store.saved_csv("entity-sources");
        let row = rows
            .iter()
            .find(|r| r["predicate"] == "zg:listedOn" && r["subject"] == "远山科技股份有限公司")
            .unwrap_or_else(|| panic!("{}", show(&rows)));
        assert_eq!(row["object"], "上海证券交易所科创板");
        assert_eq!(row["date"], "2021-09");
        assert!(row["sentence"].contains("科创板上市"), "{}", row["sentence"]);
    }

    #[test]
    fn a_query_file_and_every_output_format() {
        let store = TestStore::with(&["qingxi.txt"]);
        let rq = store.tmp("zones.rq");
        std::fs::write(
            &rq,
            format!("{PREFIXES}SELECT ?label WHERE {{ ?z a zg:Zone ; rdfs:label ?label }} ORDER BY ?label"),
        )
        .unwrap();
        let rq = rq.to_str().unwrap();
        for format in ["table", "json", "xml", "csv", "tsv"] {
            let out = success(&store.query(rq, format));
            assert!(out.contains("青溪高新技术产业开发区"), "--format {format}:\n{out}");
        }
        let construct = format!("{PREFIXES}CONSTRUCT {{ ?z rdfs:label ?l }} WHERE {{ ?z a zg:Zone ; rdfs:label ?l }}");
        for format in ["turtle", "ntriples", "nquads"] {
            let out = success(&store.query(&construct, format));
            assert!(
                out.contains("青溪高新技术产业开发区"),
                "CONSTRUCT --format {format}:\n{out}"
            );
        }
        let ask = format!("{PREFIXES}ASK {{ ?z a zg:Zone }}");
        assert_eq!(success(&store.query(&ask, "table")).trim(), "true");
    }
}

/// Bad inputs and bad queries: a non-zero exit, a message naming the culprit,
/// the store unchanged, and the other inputs still read.
mod errors {
    use super::util::*;
    use std::path::PathBuf;

    /// A reader that stops reading (`zonegraph query --list | head -1`, or a
    /// closed pipe as here) ends the command quietly, without a panic.
    #[test]
    fn a_closed_output_pipe_is_no_panic() {
        for args in [&["query", "--list"][..], &["extract", "-"][..]] {
            let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("zonegraph"))
                .args(args)
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("zonegraph starts");
            // Close the reading end before the command writes anything.
            drop(child.stdout.take());
            if let Some(mut stdin) = child.stdin.take() {
                use std::io::Write;
                // The command may have ended already: a failed write is fine.
                let _ = stdin.write_all("青溪高新区位于江苏省常州市。\n".as_bytes());
            }
            let out = child.wait_with_output().expect("zonegraph ends");
            let err = stderr(&out);
            assert!(!err.contains("panicked"), "{args:?}: {err}");
            assert!(out.status.code().is_some(), "{args:?} was killed: {err}");
        }
    }

    /// A store holding the main article, and its dump.
    fn store_with_article() -> (TestStore, String) {
        let store = TestStore::with(&["qingxi.txt"]);
        let dump = store.dump();
        (store, dump)
    }

    /// Ingest one bad input into a store holding the main article: exit 1,
    /// stderr names the input and says one of `what`, and the store is unchanged.
    fn refused(store: &TestStore, before: &str, bad: &PathBuf, what: &[&str]) {
        let out = store.ingest(&[bad]);
        let err = stderr(&out);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{}: exit code; stderr:\n{err}",
            bad.display()
        );
        assert!(
            err.contains(&bad.display().to_string()),
            "stderr names {}:\n{err}",
            bad.display()
        );
        assert!(
            what.iter().any(|w| err.contains(w)),
            "stderr says one of {what:?}:\n{err}"
        );
        assert_eq!(
            sorted_lines(before),
            sorted_lines(&store.dump()),
            "{}: store changed",
            bad.display()
        );
    }

    #[test]
    fn a_binary_file_is_refused() {
        let (store, before) = store_with_article();
        let bad = store.tmp("image.bin");
        let mut bytes = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec();
        bytes.extend((0..2048u32).map(|i| (i * 7 % 256) as u8));
        std::fs::write(&bad, bytes).unwrap();
        refused(&store, &before, &bad, &["not a text file"]);
    }

    #[test]
    fn an_empty_file_is_refused() {
        let (store, before) = store_with_article();
        let bad = store.tmp("empty.txt");
        std::fs::write(&bad, b"").unwrap();
        refused(&store, &before, &bad, &["empty"]);
        let blank = store.tmp("blank.txt");
        std::fs::write(&blank, " \n\u{3000}\n\t\n").unwrap();
        refused(&store, &before, &blank, &["empty"]);
    }

    #[test]

    fn undecodable_bytes_are_refused() {
        let (store, before) = store_with_article();
        let bad = store.tmp("garbage.txt");
        // No BOM (FF FE would be one): FF FF, then FF FE pairs.
        let mut bytes = vec![0xFF, 0xFF];
        for _ in 0..400 {
            bytes.extend([0xFF, 0xFE]);
        }
        std::fs::write(&bad, bytes).unwrap();
        refused(&store, &before, &bad, &["decode", "not a text file"]);
    }

    #[test]
    fn a_damaged_word_file_or_workbook_is_refused() {
        let (store, before) = store_with_article();
        let docx = store.tmp("measures.docx");
        std::fs::write(&docx, b"PK\x03\x04 cut short by a failed download").unwrap();
        refused(&store, &before, &docx, &["cannot read as a Word document"]);
        let xlsx = store.tmp("projects.xlsx");
        std::fs::write(&xlsx, b"PK\x03\x04\x14\x00\x06\x00 cut short").unwrap();
        refused(&store, &before, &xlsx, &["not a ZIP archive"]);
    }

    #[test]
    fn a_missing_path_is_reported() {
        let (store, before) = store_with_article();
        let bad = store.tmp("no-such-article.txt");
        refused(&store, &before, &bad, &["cannot read"]);
    }

    #[test]
    fn one_bad_file_does_not_stop_the_run() {
        let store = TestStore::new();
        let good = fixture("qingxi.txt");
        let bad = store.tmp("bad.bin");
        std::fs::write(&bad, b"\x00\x01\x02\x03zonegraph\x00\xff").unwrap();
        let out = store.ingest(&[&bad, &good]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "stderr:\n{err}");
        assert!(err.contains("bad.bin"), "{err}");
        assert!(err.contains("ingested 1 documents"), "{err}");
        let docs = store.saved_csv("documents");
        assert_eq!(docs.len(), 1, "{}", show(&docs));
        assert!(docs[0]["path"].ends_with("qingxi.txt"));
        assert!(store.labels("Zone").contains("青溪高新技术产业开发区"));
        // And in the other order, with a missing path among them.
        let store = TestStore::new();
        let missing = store.tmp("missing.txt");
        let out = store.ingest(&[&good, &bad, &missing]);
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        assert!(err.contains("bad.bin") && err.contains("missing.txt"), "{err}");
        assert_eq!(store.saved_csv("documents").len(), 1);
    }

    #[test]
    fn extract_reports_bad_files_and_still_extracts_the_good_ones() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("bad.bin");
        std::fs::write(&bad, b"\x00\x00\x00\x00").unwrap();
        let out = zonegraph(["extract".as_ref(), bad.as_os_str(), fixture("qingxi.txt").as_os_str()]);
        assert_eq!(out.status.code(), Some(1));
        assert!(stderr(&out).contains("bad.bin"), "{}", stderr(&out));
        assert!(String::from_utf8_lossy(&out.stdout).contains("青溪高新技术产业开发区"));
    }

    #[test]
    fn a_malformed_query_names_the_query_and_changes_nothing() {
        let (store, before) = store_with_article();
        let rq = store.tmp("broken.rq");
        std::fs::write(&rq, "SELECT ?zone WHERE { ?zone a ").unwrap();
        let out = store.query(rq.to_str().unwrap(), "csv");
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains("broken.rq") && err.contains("syntax"), "{err}");
        assert!(out.stdout.is_empty(), "no partial results");

        let out = store.query("SELECT WHERE {", "json");
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).contains("query (command line)"), "{}", stderr(&out));

        let out = store.query("no-such-saved-query", "table");
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).contains("no-such-saved-query"), "{}", stderr(&out));

        assert_eq!(sorted_lines(&before), sorted_lines(&store.dump()));
    }

    #[test]
    fn reading_a_missing_store_fails_and_creates_nothing() {
        let store = TestStore::new();
        let path = store.path.as_os_str();
        let runs: [Vec<&std::ffi::OsStr>; 3] = [
            vec!["query".as_ref(), "--store".as_ref(), path, "documents".as_ref()],
            vec!["dump".as_ref(), "--store".as_ref(), path],
            vec!["export".as_ref(), "dot".as_ref(), "--store".as_ref(), path],
        ];
        for args in runs {
            let out = zonegraph(&args);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
            assert!(
                stderr(&out).contains(&store.path.display().to_string()),
                "{args:?} names the store: {}",
                stderr(&out)
            );
            assert!(!store.path.exists(), "{args:?} created a store");
        }
    }
}

/// Help texts.
mod help {
    use super::util::*;

    fn help(args: &[&str]) -> String {
        let mut full = args.to_vec();
        full.push("--help");
        success(&zonegraph(full))
    }

    #[test]
    fn every_command_shows_an_example() {
        let commands: &[&[&str]] = &[
            &[],
            &["ingest"],
            &["extract"],
            &["query"],
            &["dump"],
            &["export", "dot"],
            &["export", "graph"],
        ];
        for args in commands {
            let text = help(args);
            assert!(
                text.contains("Example"),
                "zonegraph {} --help shows no example:\n{text}",
                args.join(" ")
            );
            assert!(text.contains("zonegraph "), "the example is a command line:\n{text}");
        }
    }

    #[test]

    fn export_group_shows_an_example() {
        let text = help(&["export"]);
        assert!(text.contains("Example"), "{text}");
    }

    #[test]
    fn version_and_unknown_arguments() {
        let out = success(&zonegraph(["--version"]));
        assert!(out.starts_with("zonegraph "), "{out}");
        let out = zonegraph(["frobnicate"]);
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).contains("frobnicate"));
    }
}

/// `export`: industry chains as a GraphViz diagram, and the entity graph.
mod export {
    use super::util::*;
    use std::io::Write;
    use std::process::{Command, Stdio};

    fn dot(store: &TestStore, extra: &[&str]) -> String {
        let mut args: Vec<&std::ffi::OsStr> = vec![
            "export".as_ref(),
            "dot".as_ref(),
            "--store".as_ref(),
            store.path.as_os_str(),
        ];
        args.extend(extra.iter().map(|a| std::ffi::OsStr::new(*a)));
        success(&zonegraph(args))
    }

    #[test]
    fn chain_diagram_is_deterministic_names_leaders_and_renders() {
        let store = TestStore::with_all();
        let a = dot(&store, &[]);
        let b = dot(&store, &[]);
        assert_eq!(a, b, "export dot differs between runs");
        assert!(
            a.trim_start().starts_with("digraph") || a.trim_start().starts_with("strict digraph"),
            "{a}"
        );
        assert!(a.contains("cluster"), "one cluster per chain:\n{a}");
        for label in ["远山科技股份有限公司", "蓝河材料", "新材料", "华辰智驾科技股份有限公司"]
        {
            assert!(a.contains(label), "{label} missing from:\n{a}");
        }

        // -o writes the same text to a file.
        let file = store.tmp("chains.dot");
        dot(&store, &["-o", file.to_str().unwrap()]);
        assert_eq!(std::fs::read_to_string(&file).unwrap(), a);

        // Filters.
        let only = dot(&store, &["--zone", "枫林"]);
        assert!(
            only.contains("华辰智驾科技股份有限公司") && !only.contains("远山科技股份有限公司"),
            "{only}"
        );

        // GraphViz accepts it, when installed.
        let has_dot = Command::new("dot")
            .arg("-V")
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if has_dot {
            let mut child = Command::new("dot")
                .arg("-Tsvg")
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            child.stdin.take().unwrap().write_all(a.as_bytes()).unwrap();
            let out = child.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "dot -Tsvg rejects the diagram: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(String::from_utf8_lossy(&out.stdout).contains("<svg"));
        }
    }
    #[test]
    fn svg_is_rendered_without_graphviz() {
        let store = TestStore::with(&["qingxi.txt"]);
        let svg = dot(&store, &["--format", "svg"]);
        assert!(svg.contains("<svg") && svg.trim_end().ends_with("</svg>"), "{svg}");
        assert!(svg.contains("远山科技股份有限公司"), "the leader's label is in the SVG");
        assert_eq!(svg, dot(&store, &["--format", "svg"]), "SVG differs between runs");
    }

    #[test]
    fn entity_graph_in_every_format() {
        let store = TestStore::with(&["qingxi.txt"]);
        let graph = |format: &str| {
            success(&zonegraph([
                "export".as_ref(),
                "graph".as_ref(),
                "--store".as_ref(),
                store.path.as_os_str(),
                "--format".as_ref(),
                format.as_ref(),
            ]))
        };
        for format in ["graphml", "json", "dot"] {
            let text = graph(format);
            assert_eq!(
                text,
                graph(format),
                "export graph --format {format} differs between runs"
            );
            for label in ["青溪高新技术产业开发区", "远山科技股份有限公司", "上海证券交易所科创板"]
            {
                assert!(text.contains(label), "{format}: {label} missing");
            }
        }
        let json: serde_json::Value = serde_json::from_str(&graph("json")).expect("export graph --format json is JSON");
        assert!(json.is_object() || json.is_array());
        assert!(graph("graphml").trim_start().starts_with("<?xml"));
    }
}

/// A web scrape of a news story with the sentence classes of this fixture:
/// a dateline glued to the zone's name, industries framed before their cue
/// (以A为主导产业, 把B作为首位产业), chain leaders after the cue (链主企业为A),
/// a renaming through an upgrade (升级为…,定名为B), figures of the institute
/// 该研究院 refers to, pinyin readings of words, and related headlines whose
/// figures are other stories'.
mod scrape {
    use super::util::*;

    const ZONE: &str = "云峤高新技术产业开发区";

    #[test]
    fn a_news_scrape_gives_its_industries_leaders_renaming_and_figures() {
        let store = TestStore::with(&["yunqiao-scrape.txt"]);
        let industries = store.saved_csv("zones-leading-industries");
        for want in ["精密光学", "传感器"] {
            assert!(
                has_row(&industries, &[("zone", ZONE), ("industry", want)]),
                "{want}: {}",
                show(&industries)
            );
        }
        let leaders = store.saved_csv("chain-leaders");
        assert!(
            has_row(
                &leaders,
                &[
                    ("zone", ZONE),
                    ("industry", "传感器"),
                    ("leader", "峤芯微电子股份有限公司")
                ]
            ),
            "{}",
            show(&leaders)
        );
        let renamed = store.saved_csv("renamed-zones");
        assert!(
            has_row(&renamed, &[("zone", ZONE), ("formerName", "云峤高新技术产业园区")]),
            "{}",
            show(&renamed)
        );
        let figures = store.select(
            "SELECT ?sl ?v ?m WHERE { ?o a zg:Observation ; zg:subject ?s ; zg:value ?v ; zg:metric ?m . \
             ?s rdfs:label ?sl FILTER(lang(?sl) = \"zh\") }",
        );
        for (subject, value, metric) in [
            ("云峤传感研究院", "250000000", "首期投入"),
            ("峤芯微电子股份有限公司", "4200000000", "营业收入"),
            (ZONE, "86000000000", "营业收入"),
        ] {
            assert!(
                has_row(&figures, &[("sl", subject), ("v", value), ("m", metric)]),
                "{subject} {value} {metric}: {}",
                show(&figures)
            );
        }
        // The headlines after 相关新闻 are other stories.
        for other in ["5", "3000"] {
            assert!(!has_row(&figures, &[("v", other)]), "{other}: {}", show(&figures));
        }
        // No zone took the dateline (新华社成都5月8日电) into its name.
        let zones = store.select("SELECT ?l WHERE { ?z a zg:Zone ; rdfs:label ?l }");
        assert!(zones.iter().all(|r| !r["l"].contains("日电")), "{}", show(&zones));
    }
}

/// A zone bulletin with the sentence classes of company news and
/// provincial round-ups: industries listed after their cue, a renaming
/// through an approval, chain leaders named before the chain's cue, a
/// listing of a list of companies, figures of the company 该公司/公司 refers
/// to, and a figure shared by a list of zones (均).
mod bulletin {
    use super::util::*;

    const ZONE: &str = "鹭汀高新技术产业开发区";

    #[test]
    fn a_bulletin_gives_its_industries_renaming_leaders_and_listings() {
        let store = TestStore::with(&["luting-bulletin.txt"]);
        let industries = store.saved_csv("zones-leading-industries");
        for want in ["智能终端", "新能源装备", "节能环保"] {
            assert!(
                has_row(&industries, &[("zone", ZONE), ("industry", want)]),
                "{want}: {}",
                show(&industries)
            );
        }
        let renamed = store.saved_csv("renamed-zones");
        assert!(
            has_row(&renamed, &[("zone", ZONE), ("formerName", "鹭汀县工业园区")]),
            "{}",
            show(&renamed)
        );
        let leaders = store.saved_csv("chain-leaders");
        for (industry, leader) in [
            ("智能终端", "汀澜科技股份有限公司"),
            ("智能终端", "栖川电子股份有限公司"),
            ("新能源装备", "鹭汀储能股份有限公司"),
        ] {
            assert!(
                has_row(&leaders, &[("zone", ZONE), ("industry", industry), ("leader", leader)]),
                "{leader}: {}",
                show(&leaders)
            );
        }
        let listed = store.saved_csv("listed-enterprises");
        for want in ["汀澜科技股份有限公司", "栖川电子股份有限公司"] {
            assert!(has_row(&listed, &[("enterprise", want)]), "{want}: {}", show(&listed));
        }
    }

    #[test]
    fn figures_go_to_the_company_referred_to_and_to_each_zone_of_a_list() {
        let store = TestStore::with(&["luting-bulletin.txt"]);
        let figures = store
            .select("SELECT ?sl ?v WHERE { ?o a zg:Observation ; zg:subject ?s ; zg:value ?v . ?s rdfs:label ?sl }");
        for (subject, value) in [
            ("汀澜科技股份有限公司", "1250000000"),
            ("汀澜科技股份有限公司", "6.1"),
            (ZONE, "30000000000"),
            ("霁岭高新区", "30000000000"),
        ] {
            assert!(
                has_row(&figures, &[("sl", subject), ("v", value)]),
                "{subject} {value}: {}",
                show(&figures)
            );
        }
        // The company's revenue is not the zone's.
        assert!(
            !has_row(&figures, &[("sl", ZONE), ("v", "1250000000")]),
            "{}",
            show(&figures)
        );
        // 公司先后与…合作: the company co-operates, and its partner is not in the zone.
        let partners =
            store.select("SELECT ?al ?bl WHERE { ?a zg:cooperatesWith ?b . ?a rdfs:label ?al . ?b rdfs:label ?bl }");
        assert!(
            has_row(&partners, &[("al", "汀澜科技股份有限公司"), ("bl", "鹭汀大学")])
                || has_row(&partners, &[("al", "鹭汀大学"), ("bl", "汀澜科技股份有限公司")]),
            "{}",
            show(&partners)
        );
        let inside = store.select(&format!(
            "SELECT ?xl WHERE {{ ?x zg:locatedIn ?z ; a zg:Institute ; rdfs:label ?xl . ?z rdfs:label \"{ZONE}\"@zh }}"
        ));
        assert!(inside.is_empty(), "{}", show(&inside));
    }
}
