//! Places: every division the program writes has its code and parents;
//! zones lie in the divisions their names say even when the text does not
//! name them; zone levels; and a comparison with the PyPI package cpca
//! (run only when `python3 -c "import cpca"` works: `pip install cpca`).
//!
//! Run with `cargo test --release --test places`.

mod support;

use std::collections::BTreeSet;
use std::path::Path;
use support::*;

const PREFIXES: &str = "PREFIX zg: <https://w3id.org/zonegraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
";

fn csv(store: &Path, query: &str) -> Vec<Vec<String>> {
    let out = success(&zonegraph(&[
        "query".as_ref(),
        "--store".as_ref(),
        store.as_os_str(),
        "--format".as_ref(),
        "tsv".as_ref(),
        format!("{PREFIXES}{query}").as_ref(),
    ]));
    out.lines()
        .skip(1)
        .map(|l| {
            l.split('\t')
                .map(|f| {
                    let f = f.trim();
                    let f = f.strip_suffix("@zh").unwrap_or(f);
                    f.trim_matches('"').to_string()
                })
                .collect()
        })
        .collect()
}

fn store_with(text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("article.txt");
    std::fs::write(&article, text).unwrap();
    let store = dir.path().join("store.db");
    success(&zonegraph(&[
        "ingest".as_ref(),
        "--store".as_ref(),
        store.as_os_str(),
        article.as_os_str(),
    ]));
    (dir, store)
}

#[test]
fn zones_lie_in_the_divisions_their_names_say() {
    let (_dir, store) = store_with(
        "园区动态\n嘉兴南湖高新区今年新引进科技项目十二个。\n常州武进经济开发区的一家材料企业完成技术改造。\n",
    );
    let divisions = |zone: &str| -> BTreeSet<(String, String)> {
        csv(
            &store,
            &format!(
                "SELECT ?name ?code WHERE {{ ?z a zg:Zone ; rdfs:label \"{zone}\"@zh ; zg:inDivision ?p . ?p a zg:Place ; rdfs:label ?name ; zg:divisionCode ?code }}"
            ),
        )
        .into_iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect()
    };
    // Named by the provincial table's name, written or not.
    let nanhu = divisions("嘉兴南湖高新技术产业园区");
    let want: BTreeSet<(String, String)> = [("南湖区", "330402"), ("嘉兴市", "330400"), ("浙江省", "330000")]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(nanhu, want);
    let wujin: BTreeSet<String> = divisions("常州武进经济开发区").into_iter().map(|x| x.0).collect();
    assert_eq!(
        wujin,
        ["江苏省", "常州市", "武进区"].iter().map(|s| s.to_string()).collect()
    );
    // The parents chain: 南湖区 → 嘉兴市 → 浙江省.
    let chain = csv(
        &store,
        "SELECT ?parent WHERE { ?p zg:divisionCode \"330402\" ; zg:partOf+ ?x . ?x rdfs:label ?parent }",
    );
    let chain: BTreeSet<String> = chain.into_iter().map(|r| r[0].clone()).collect();
    assert_eq!(chain, ["嘉兴市", "浙江省"].iter().map(|s| s.to_string()).collect());
}

#[test]
fn every_division_written_has_its_code_and_parents() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("store.db");
    success(&zonegraph(&[
        "ingest".as_ref(),
        "--store".as_ref(),
        store.as_os_str(),
        dir.as_os_str(),
    ]));
    // Places whose IRI carries a division code must have the code, and a parent unless a province.
    let orphans = csv(
        &store,
        "SELECT DISTINCT ?p WHERE { ?p a zg:Place . FILTER(REGEX(STR(?p), \"/place-[0-9]{6}-\"))
           FILTER NOT EXISTS { ?p zg:divisionCode ?c }
         }",
    );
    assert!(orphans.is_empty(), "places without a code: {orphans:?}");
    let no_parent = csv(
        &store,
        "SELECT DISTINCT ?p ?c WHERE { ?p a zg:Place ; zg:divisionCode ?c .
           FILTER(!STRENDS(?c, \"0000\")) FILTER NOT EXISTS { ?p zg:partOf ?x } }",
    );
    assert!(
        no_parent.is_empty(),
        "divisions below province level without a parent: {no_parent:?}"
    );
    let with_code = csv(
        &store,
        "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p zg:divisionCode ?c }",
    );
    assert!(
        with_code[0][0]
            .trim_matches('"')
            .split('^')
            .next()
            .unwrap()
            .parse::<u32>()
            .unwrap()
            >= 3
    );
}

#[test]
fn zones_are_national_or_provincial_as_the_text_says() {
    let (_dir, store) = store_with(
        "园区动态\n枫林高新区2016年获批省级高新区，主导产业为智能装备。\n松岭高新区与枫林高新区签署合作协议。\n",
    );
    let levels = csv(
        &store,
        "SELECT ?label ?level WHERE { ?z a zg:Zone ; rdfs:label ?label . OPTIONAL { ?z zg:level ?level } } ORDER BY ?label",
    );
    let level_of = |name: &str| {
        levels
            .iter()
            .find(|r| r[0] == name)
            .map(|r| r.get(1).cloned().unwrap_or_default())
    };
    assert_eq!(level_of("枫林高新区").as_deref(), Some("provincial"), "{levels:?}");
    // Not said of 松岭高新区: no level.
    assert_eq!(level_of("松岭高新区").as_deref(), Some(""), "{levels:?}");
}

#[test]
fn place_recognition_compared_with_cpca() {
    let has_cpca = std::process::Command::new("python3")
        .args(["-c", "import cpca"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_cpca {
        eprintln!("skipped: cpca is not installed (pip install cpca)");
        return;
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/compare_places_cpca.py");
    let out = std::process::Command::new("python3")
        .arg(script)
        .arg("--bin")
        .arg(bin())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("sentences compared"), "{stdout}");
    // The sentence whose division only the zone's name gives.
    let nanhu = stdout
        .split("[")
        .find(|block| block.contains("嘉兴南湖高新区"))
        .unwrap_or_default();
    assert!(nanhu.contains("南湖区"), "{nanhu}");
    eprintln!("{}", stdout.lines().last().unwrap_or_default());
}
