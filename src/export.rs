//! Stage 7: the store in, diagrams and graph files out.
//!
//! In: an Oxigraph [`Store`] (its default graph read as the union of all
//! document graphs). Out: text — GraphViz DOT of the industry chains of
//! each zone ([`chain_diagram`], written by its `Display`), SVG rendered
//! from such DOT without any external program ([`render_svg`], layout-rs),
//! and the whole entity graph as DOT, GraphML or JSON ([`entity_graph`]).
//!
//! Guarantees: every output is deterministic — zones, clusters, nodes and
//! edges are sorted by label and IRI before node ids (`n0`, `n1`, …) are
//! assigned, so the same store always gives byte-identical text. Nothing
//! here touches the file system or the network: functions return strings
//! and the command line writes them. Names are the Chinese labels
//! (`rdfs:label@zh`, for industries also `skos:prefLabel@zh`; of several,
//! the longest, i.e. the fullest name), else any label, else the tail of
//! the IRI.

use crate::error::{Error, Result};
use crate::vocab;
use oxigraph::model::Term;
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Write as _};

/// The font the DOT output asks for (it covers simplified Chinese).
const FONT: &str = "Noto Sans CJK SC";
/// At most this many nodes in a zone's "其他企业与机构" cluster.
pub const MAX_OTHER_NODES: usize = 30;

// ---------------------------------------------------------------------------
// Node classes

/// What kind of entity a node is (its `zg:` class).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NodeClass {
    Zone,
    Enterprise,
    Institute,
    Project,
    Policy,
    Industry,
    Agency,
    Place,
    Market,
    /// Anything else (no `zg:` class, or one not listed here).
    Other,
}

impl NodeClass {
    /// Every class with a `zg:` IRI, in order of precedence: an entity typed
    /// with two classes gets the first.
    const TYPED: [NodeClass; 9] = [
        NodeClass::Zone,
        NodeClass::Enterprise,
        NodeClass::Institute,
        NodeClass::Project,
        NodeClass::Policy,
        NodeClass::Industry,
        NodeClass::Agency,
        NodeClass::Place,
        NodeClass::Market,
    ];

    /// The `zg:` class IRI (none for [`NodeClass::Other`]).
    pub fn iri(self) -> Option<&'static str> {
        Some(match self {
            NodeClass::Zone => vocab::ZONE,
            NodeClass::Enterprise => vocab::ENTERPRISE,
            NodeClass::Institute => vocab::INSTITUTE,
            NodeClass::Project => vocab::PROJECT,
            NodeClass::Policy => vocab::POLICY,
            NodeClass::Industry => vocab::INDUSTRY,
            NodeClass::Agency => vocab::AGENCY,
            NodeClass::Place => vocab::PLACE,
            NodeClass::Market => vocab::MARKET,
            NodeClass::Other => return None,
        })
    }

    /// The class of a `zg:` class IRI.
    pub fn from_iri(iri: &str) -> Option<NodeClass> {
        Self::TYPED.into_iter().find(|c| c.iri() == Some(iri))
    }

    /// The class's local name (`"Zone"`, …, `"Other"`), as written to
    /// GraphML and JSON.
    pub fn name(self) -> &'static str {
        match self {
            NodeClass::Zone => "Zone",
            NodeClass::Enterprise => "Enterprise",
            NodeClass::Institute => "Institute",
            NodeClass::Project => "Project",
            NodeClass::Policy => "Policy",
            NodeClass::Industry => "Industry",
            NodeClass::Agency => "Agency",
            NodeClass::Place => "Place",
            NodeClass::Market => "Market",
            NodeClass::Other => "Other",
        }
    }

    /// DOT attributes (shape and colours) of a node of this class.
    fn dot_style(self, leader: bool) -> &'static str {
        if leader {
            return "shape=box, style=\"filled,bold\", penwidth=2, fillcolor=gold";
        }
        match self {
            NodeClass::Zone => "shape=doubleoctagon, style=filled, fillcolor=lightblue",
            NodeClass::Enterprise => "shape=box, style=filled, fillcolor=khaki",
            NodeClass::Institute => "shape=ellipse, style=filled, fillcolor=palegreen",
            NodeClass::Project => "shape=component, style=filled, fillcolor=lightsalmon",
            NodeClass::Policy => "shape=note, style=filled, fillcolor=lavender",
            NodeClass::Industry => "shape=hexagon, style=filled, fillcolor=orange",
            NodeClass::Agency | NodeClass::Place | NodeClass::Market | NodeClass::Other => "shape=plain",
        }
    }
}

// ---------------------------------------------------------------------------
// Reading the store

/// What the `Store` error names as its path: export reads an open store.
const STORE_NAME: &str = "(open store)";

const PREFIXES: &str = "PREFIX zg: <https://w3id.org/zonegraph/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
";

/// Entities of the classes a diagram shows.
const Q_TYPES: &str = "SELECT DISTINCT ?e ?class WHERE {
  VALUES ?class { zg:Zone zg:Enterprise zg:Institute zg:Project zg:Policy zg:Industry zg:Agency zg:Place zg:Market }
  ?e rdf:type ?class .
  FILTER(isIRI(?e))
}";

/// Every name of every IRI.
const Q_LABELS: &str = "SELECT DISTINCT ?e ?p ?l WHERE {
  VALUES ?p { rdfs:label skos:prefLabel skos:altLabel }
  ?e ?p ?l .
  FILTER(isIRI(?e) && isLiteral(?l))
}";

/// The six entity-to-entity relations.
const Q_RELATIONS: &str = "SELECT DISTINCT ?s ?p ?o WHERE {
  VALUES ?p { zg:locatedIn zg:leadingIndustry zg:listedOn zg:implements zg:issuedBy zg:cooperatesWith }
  ?s ?p ?o .
  FILTER(isIRI(?s) && isIRI(?o))
}";

/// Industry chains: owner, industry, and leaders and members.
const Q_CHAINS: &str = "SELECT DISTINCT ?owner ?industry ?role ?member WHERE {
  ?owner zg:hasChain ?chain .
  ?chain zg:industry ?industry .
  OPTIONAL {
    VALUES ?role { zg:leader zg:member }
    ?chain ?role ?member .
    FILTER(isIRI(?member))
  }
  FILTER(isIRI(?owner) && isIRI(?industry))
}";

/// Run a SELECT query on the union of all graphs; one row of optional
/// terms per solution, in the order of `vars`.
fn select(store: &Store, name: &str, query: &str, vars: &[&str]) -> Result<Vec<Vec<Option<Term>>>> {
    let fail = |e: &dyn fmt::Display| Error::Store {
        path: STORE_NAME.to_string(),
        message: format!("export query `{name}` failed: {e}"),
    };
    let text = format!("{PREFIXES}{query}");
    let mut prepared = SparqlEvaluator::new().parse_query(&text).map_err(|e| fail(&e))?;
    prepared.dataset_mut().set_default_graph_as_union();
    let QueryResults::Solutions(solutions) = prepared.on_store(store).execute().map_err(|e| fail(&e))? else {
        return Err(fail(&"not a SELECT query"));
    };
    let mut rows = Vec::new();
    for solution in solutions {
        let solution = solution.map_err(|e| fail(&e))?;
        rows.push(vars.iter().map(|v| solution.get(*v).cloned()).collect());
    }
    Ok(rows)
}

fn iri_of(t: &Option<Term>) -> Option<&str> {
    match t {
        Some(Term::NamedNode(n)) => Some(n.as_str()),
        _ => None,
    }
}

/// The names of one IRI, by kind.
#[derive(Debug, Default)]
struct Labels {
    /// `rdfs:label` / `skos:prefLabel` in Chinese (simplified or untagged region).
    zh: Vec<String>,
    /// `rdfs:label` / `skos:prefLabel` in other languages or without a tag.
    other: Vec<String>,
    /// `skos:altLabel`, any language.
    alt: Vec<String>,
}

fn is_simplified_chinese(lang: &str) -> bool {
    let lang = lang.to_ascii_lowercase();
    lang == "zh" || lang.starts_with("zh-hans") || lang == "zh-cn" || lang == "zh-sg"
}

/// The longest name; ties go to the greater in code-point order (as the
/// saved queries do).
fn fullest(names: &[String]) -> Option<&String> {
    names
        .iter()
        .max_by(|a, b| a.chars().count().cmp(&b.chars().count()).then_with(|| a.cmp(b)))
}

/// The last segment of an IRI, percent-decoded.
fn iri_tail(iri: &str) -> String {
    let tail = iri.trim_end_matches(['/', '#']);
    let tail = tail.rsplit(['/', '#']).next().unwrap_or(tail);
    let bytes = tail.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(hi), Some(lo)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((hi * 16 + lo) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| tail.to_string())
}

/// The leaders and the members of a chain.
type Roles = (BTreeSet<String>, BTreeSet<String>);

/// Everything the exports need, read from the store in four queries.
#[derive(Debug, Default)]
struct Snapshot {
    classes: BTreeMap<String, NodeClass>,
    labels: BTreeMap<String, Labels>,
    /// (subject, predicate IRI, object).
    relations: BTreeSet<(String, &'static str, String)>,
    /// (owner, industry) → its chains' leaders and members.
    chains: BTreeMap<(String, String), Roles>,
}

const RELATIONS: [&str; 6] = [
    vocab::LOCATED_IN,
    vocab::LEADING_INDUSTRY,
    vocab::LISTED_ON,
    vocab::IMPLEMENTS,
    vocab::ISSUED_BY,
    vocab::COOPERATES_WITH,
];

impl Snapshot {
    fn load(store: &Store) -> Result<Self> {
        let mut snap = Snapshot::default();
        for row in select(store, "types", Q_TYPES, &["e", "class"])? {
            let (Some(e), Some(class)) = (iri_of(&row[0]), iri_of(&row[1]).and_then(NodeClass::from_iri)) else {
                continue;
            };
            let slot = snap.classes.entry(e.to_string()).or_insert(class);
            *slot = (*slot).min(class);
        }
        for row in select(store, "labels", Q_LABELS, &["e", "p", "l"])? {
            let (Some(e), Some(p), Some(Term::Literal(l))) = (iri_of(&row[0]), iri_of(&row[1]), &row[2]) else {
                continue;
            };
            let value = l.value().trim();
            if value.is_empty() {
                continue;
            }
            let labels = snap.labels.entry(e.to_string()).or_default();
            let list = if p == vocab::SKOS_ALT_LABEL {
                &mut labels.alt
            } else if l.language().is_some_and(is_simplified_chinese) {
                &mut labels.zh
            } else {
                &mut labels.other
            };
            list.push(value.to_string());
        }
        for row in select(store, "relations", Q_RELATIONS, &["s", "p", "o"])? {
            let (Some(s), Some(p), Some(o)) = (iri_of(&row[0]), iri_of(&row[1]), iri_of(&row[2])) else {
                continue;
            };
            if let Some(p) = RELATIONS.into_iter().find(|r| *r == p) {
                snap.relations.insert((s.to_string(), p, o.to_string()));
            }
        }
        for row in select(store, "chains", Q_CHAINS, &["owner", "industry", "role", "member"])? {
            let (Some(owner), Some(industry)) = (iri_of(&row[0]), iri_of(&row[1])) else {
                continue;
            };
            let chain = snap
                .chains
                .entry((owner.to_string(), industry.to_string()))
                .or_default();
            match (iri_of(&row[2]), iri_of(&row[3])) {
                (Some(vocab::LEADER), Some(m)) => {
                    chain.0.insert(m.to_string());
                }
                (Some(vocab::MEMBER), Some(m)) => {
                    chain.1.insert(m.to_string());
                }
                _ => {}
            }
        }
        Ok(snap)
    }

    /// The display name of an IRI: the fullest Chinese label, else the
    /// fullest other label, else the fullest alternative label, else the
    /// IRI's tail.
    fn label(&self, iri: &str) -> String {
        self.labels
            .get(iri)
            .and_then(|l| fullest(&l.zh).or_else(|| fullest(&l.other)).or_else(|| fullest(&l.alt)))
            .cloned()
            .unwrap_or_else(|| iri_tail(iri))
    }

    fn class(&self, iri: &str) -> NodeClass {
        self.classes.get(iri).copied().unwrap_or(NodeClass::Other)
    }

    /// Whether any name of `iri` contains `needle` (case-insensitively).
    fn name_matches(&self, iri: &str, needle: &str) -> bool {
        let needle = needle.trim().to_lowercase();
        if needle.is_empty() {
            return true;
        }
        let hit = |s: &str| s.to_lowercase().contains(&needle);
        hit(&self.label(iri))
            || self
                .labels
                .get(iri)
                .is_some_and(|l| l.zh.iter().chain(&l.other).chain(&l.alt).any(|s| hit(s)))
    }

    /// Sort IRIs by (label, IRI).
    fn sorted<'a>(&self, iris: impl IntoIterator<Item = &'a String>) -> Vec<&'a String> {
        let mut v: Vec<(String, &String)> = iris.into_iter().map(|i| (self.label(i), i)).collect();
        v.sort();
        v.dedup_by(|a, b| a.1 == b.1);
        v.into_iter().map(|(_, i)| i).collect()
    }
}

// ---------------------------------------------------------------------------
// Chain diagrams

/// Which part of the chain diagram to draw. `None` means no restriction;
/// a text matches when any `rdfs:label`, `skos:prefLabel` or
/// `skos:altLabel` of the zone (industry) contains it, ignoring case.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChainFilter {
    pub zone: Option<String>,
    pub industry: Option<String>,
}

/// A node of a chain diagram: one occurrence of an entity in one cluster
/// (an enterprise in two chains is drawn twice, once in each).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub iri: String,
    /// The Chinese label (see the module documentation).
    pub label: String,
    pub class: NodeClass,
    /// A leader (龙头) of the chain whose cluster holds this node.
    pub leader: bool,
}

/// An edge of a chain diagram, labelled in Chinese: 龙头 and 成员 (industry
/// → leading or member entity), 主导产业 (zone → leading industry), 产业链
/// (zone → industry of a chain the zone has but does not call leading),
/// 实施 (zone → policy), 位于 (entity → the zone it is located in).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edge {
    pub label: &'static str,
}

const LEADER: &str = "龙头";
const MEMBER: &str = "成员";
const LOCATED_IN: &str = "位于";
const IMPLEMENTS: &str = "实施";
const LEADING_INDUSTRY: &str = "主导产业";
const HAS_CHAIN: &str = "产业链";

/// What a cluster of a zone's section holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClusterKind {
    /// An industry chain of the zone: its industry, leaders and members.
    Chain,
    /// A leading industry of the zone without a chain: the industry alone.
    LeadingIndustry,
    /// The policies the zone implements (政策).
    Policies,
    /// Enterprises, institutes and projects located in the zone that are in
    /// none of its chains (其他企业与机构), at most [`MAX_OTHER_NODES`].
    Others,
}

/// A cluster inside a zone's section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cluster {
    pub kind: ClusterKind,
    /// The cluster's caption, e.g. `新材料产业链`.
    pub title: String,
    /// Its nodes, in drawing order.
    pub nodes: Vec<NodeIndex>,
}

/// One zone (or other owner of an industry chain) and its clusters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The zone's node.
    pub node: NodeIndex,
    pub clusters: Vec<Cluster>,
}

/// Industry chains per zone: a petgraph graph whose nodes are grouped into
/// one section per zone and clusters inside it. `Display` writes it as
/// GraphViz DOT.
#[derive(Debug, Clone, Default)]
pub struct ChainDiagram {
    graph: DiGraph<Node, Edge>,
    sections: Vec<Section>,
}

impl ChainDiagram {
    /// The graph. Node indices follow drawing order (`n{index}` in DOT).
    pub fn graph(&self) -> &DiGraph<Node, Edge> {
        &self.graph
    }

    /// The zones, sorted by label and IRI.
    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    /// Whether nothing matched (no zone with anything to draw).
    pub fn is_empty(&self) -> bool {
        self.sections.is_empty()
    }

    fn add(&mut self, snap: &Snapshot, iri: &str, class: NodeClass, leader: bool) -> NodeIndex {
        self.graph.add_node(Node {
            iri: iri.to_string(),
            label: snap.label(iri),
            class,
            leader,
        })
    }
}

/// An industry of one zone, before drawing.
#[derive(Debug, Default)]
struct IndustryPlan {
    has_chain: bool,
    leading: bool,
    leaders: BTreeSet<String>,
    members: BTreeSet<String>,
}

/// Whether entities of this class are drawn as the zone's own (located in
/// it) enterprises and institutions.
fn is_organisation(class: NodeClass) -> bool {
    matches!(class, NodeClass::Enterprise | NodeClass::Institute | NodeClass::Project)
}

/// The caption of an industry's cluster.
fn industry_title(label: &str, chain: bool) -> String {
    match (chain, label.ends_with('业')) {
        (true, _) => format!("{label}产业链"),
        (false, true) => label.to_string(),
        (false, false) => format!("{label}产业"),
    }
}

/// Build the industry-chain diagram of the zones matching `filter`.
///
/// One section per zone (every `zg:Zone`, plus any other subject of
/// `zg:hasChain`, such as a city), sorted by label and IRI. In it:
/// - per industry chain of the zone, a cluster `<industry>产业链` with the
///   industry node (zone → industry: 主导产业 when the zone also names it a
///   leading industry, else 产业链), the chain's leaders (industry → leader,
///   龙头) and members (industry → member, 成员), plus, as members, the
///   enterprises, institutes and projects located in the zone that lead or
///   belong to another owner's chain of the same industry (e.g. a city's);
/// - per leading industry without a chain, a cluster with the industry alone;
/// - a 政策 cluster with the policies the zone implements (实施);
/// - a 其他企业与机构 cluster with the enterprises, institutes and projects
///   located in the zone (→ zone, 位于) that are in none of its clusters:
///   the first [`MAX_OTHER_NODES`] by label.
///
/// With an industry filter only the matching industry clusters are drawn
/// (no 政策 or 其他 clusters), and zones without one are left out; zones
/// with nothing to draw are always left out. A filter that matches nothing
/// gives an empty diagram, not an error.
pub fn chain_diagram(store: &Store, filter: &ChainFilter) -> Result<ChainDiagram> {
    let snap = Snapshot::load(store)?;
    Ok(build_chain_diagram(&snap, filter))
}

fn build_chain_diagram(snap: &Snapshot, filter: &ChainFilter) -> ChainDiagram {
    let zone_filter = filter.zone.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let industry_filter = filter.industry.as_deref().map(str::trim).filter(|s| !s.is_empty());

    // Who is in a chain of each industry (any owner's), and the relations
    // by subject or object.
    let mut in_chains: BTreeMap<&String, BTreeSet<&String>> = BTreeMap::new();
    let mut chains_of: BTreeMap<&String, Vec<(&String, &Roles)>> = BTreeMap::new();
    for ((owner, industry), roles) in &snap.chains {
        in_chains
            .entry(industry)
            .or_default()
            .extend(roles.0.iter().chain(&roles.1));
        chains_of.entry(owner).or_default().push((industry, roles));
    }
    let mut located_in: BTreeMap<&String, BTreeSet<&String>> = BTreeMap::new();
    let mut leading: BTreeMap<&String, Vec<&String>> = BTreeMap::new();
    let mut implements: BTreeMap<&String, Vec<&String>> = BTreeMap::new();
    for (s, p, o) in &snap.relations {
        match *p {
            vocab::LOCATED_IN if s != o => {
                located_in.entry(o).or_default().insert(s);
            }
            vocab::LEADING_INDUSTRY => leading.entry(s).or_default().push(o),
            vocab::IMPLEMENTS => implements.entry(s).or_default().push(o),
            _ => {}
        }
    }
    let none = BTreeSet::new();

    let owners: BTreeSet<&String> = snap
        .classes
        .iter()
        .filter(|(_, c)| **c == NodeClass::Zone)
        .map(|(i, _)| i)
        .chain(chains_of.keys().copied())
        .collect();

    let mut diagram = ChainDiagram::default();
    for owner in snap.sorted(owners) {
        if zone_filter.is_some_and(|f| !snap.name_matches(owner, f)) {
            continue;
        }
        let located = located_in.get(owner).unwrap_or(&none);

        let mut industries: BTreeMap<&String, IndustryPlan> = BTreeMap::new();
        for (industry, (leaders, members)) in chains_of.get(owner).into_iter().flatten() {
            let plan = industries.entry(industry).or_default();
            plan.has_chain = true;
            plan.leaders.extend(leaders.iter().filter(|l| *l != owner).cloned());
            plan.members.extend(members.iter().filter(|m| *m != owner).cloned());
            // Organisations of the zone in another chain of this industry.
            for e in in_chains.get(industry).into_iter().flatten() {
                if located.contains(e) && is_organisation(snap.class(e)) {
                    plan.members.insert((*e).clone());
                }
            }
        }
        for industry in leading.get(owner).into_iter().flatten() {
            industries.entry(industry).or_default().leading = true;
        }
        for plan in industries.values_mut() {
            let leaders = &plan.leaders;
            plan.members.retain(|m| !leaders.contains(m));
        }
        if let Some(f) = industry_filter {
            industries.retain(|i, _| snap.name_matches(i, f));
        }

        let (policies, others, other_total) = if industry_filter.is_some() {
            (Vec::new(), Vec::new(), 0)
        } else {
            let policies: Vec<&String> = snap.sorted(implements.get(owner).into_iter().flatten().copied());
            let in_chain: BTreeSet<&String> = industries
                .values()
                .flat_map(|p| p.leaders.iter().chain(&p.members))
                .collect();
            let mut others = snap.sorted(
                located
                    .iter()
                    .copied()
                    .filter(|e| is_organisation(snap.class(e)) && !in_chain.contains(e)),
            );
            let total = others.len();
            others.truncate(MAX_OTHER_NODES);
            (policies, others, total)
        };
        if industries.is_empty() && policies.is_empty() && others.is_empty() {
            continue;
        }

        let zone_class = match snap.class(owner) {
            NodeClass::Other => NodeClass::Zone,
            c => c,
        };
        let zone = diagram.add(snap, owner, zone_class, false);
        let mut section = Section {
            node: zone,
            clusters: Vec::new(),
        };
        for industry in snap.sorted(industries.keys().copied()) {
            let Some(plan) = industries.get(industry) else {
                continue;
            };
            let label = snap.label(industry);
            let ind = diagram.add(snap, industry, NodeClass::Industry, false);
            let link = if plan.leading { LEADING_INDUSTRY } else { HAS_CHAIN };
            diagram.graph.add_edge(zone, ind, Edge { label: link });
            let mut nodes = vec![ind];
            for (set, leader) in [(&plan.leaders, true), (&plan.members, false)] {
                for e in snap.sorted(set) {
                    let n = diagram.add(snap, e, snap.class(e), leader);
                    let label = if leader { LEADER } else { MEMBER };
                    diagram.graph.add_edge(ind, n, Edge { label });
                    nodes.push(n);
                }
            }
            section.clusters.push(Cluster {
                kind: if plan.has_chain {
                    ClusterKind::Chain
                } else {
                    ClusterKind::LeadingIndustry
                },
                title: industry_title(&label, plan.has_chain),
                nodes,
            });
        }
        if !policies.is_empty() {
            let mut nodes = Vec::new();
            for p in policies {
                let n = diagram.add(snap, p, NodeClass::Policy, false);
                diagram.graph.add_edge(zone, n, Edge { label: IMPLEMENTS });
                nodes.push(n);
            }
            section.clusters.push(Cluster {
                kind: ClusterKind::Policies,
                title: "政策".to_string(),
                nodes,
            });
        }
        if !others.is_empty() {
            let mut nodes = Vec::new();
            for e in &others {
                let n = diagram.add(snap, e, snap.class(e), false);
                diagram.graph.add_edge(n, zone, Edge { label: LOCATED_IN });
                nodes.push(n);
            }
            let title = if other_total > others.len() {
                format!("其他企业与机构（前{}个，共{}个）", others.len(), other_total)
            } else {
                "其他企业与机构".to_string()
            };
            section.clusters.push(Cluster {
                kind: ClusterKind::Others,
                title,
                nodes,
            });
        }
        diagram.sections.push(section);
    }
    diagram
}

// ---------------------------------------------------------------------------
// DOT

/// Escape a DOT double-quoted string: quotes, backslashes, line breaks.
struct Escaped<'a>(&'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            match c {
                '"' | '\\' => {
                    f.write_char('\\')?;
                    f.write_char(c)?;
                }
                '\n' => f.write_str("\\n")?,
                '\r' => {}
                c if c.is_control() => f.write_char(' ')?,
                c => f.write_char(c)?,
            }
        }
        Ok(())
    }
}

fn write_header(f: &mut impl fmt::Write) -> fmt::Result {
    writeln!(f, "digraph zonegraph {{")?;
    writeln!(f, "  graph [rankdir=LR, fontname=\"{FONT}\"];")?;
    writeln!(f, "  node [fontname=\"{FONT}\"];")?;
    writeln!(f, "  edge [fontname=\"{FONT}\", fontsize=10];")
}

impl fmt::Display for ChainDiagram {
    /// GraphViz DOT: one `cluster_z{i}` per zone holding the zone node and
    /// one `cluster_z{i}_{j}` per cluster; then every edge, sorted.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let node = |f: &mut fmt::Formatter<'_>, indent: &str, n: NodeIndex| -> fmt::Result {
            let Some(w) = self.graph.node_weight(n) else {
                return Ok(());
            };
            writeln!(
                f,
                "{indent}n{} [label=\"{}\", {}];",
                n.index(),
                Escaped(&w.label),
                w.class.dot_style(w.leader)
            )
        };
        write_header(f)?;
        for (i, section) in self.sections.iter().enumerate() {
            let title = self
                .graph
                .node_weight(section.node)
                .map(|n| n.label.as_str())
                .unwrap_or("");
            writeln!(f, "  subgraph \"cluster_z{i}\" {{")?;
            writeln!(f, "    label=\"{}\"; style=rounded; color=steelblue;", Escaped(title))?;
            node(f, "    ", section.node)?;
            for (j, cluster) in section.clusters.iter().enumerate() {
                writeln!(f, "    subgraph \"cluster_z{i}_{j}\" {{")?;
                writeln!(
                    f,
                    "      label=\"{}\"; style=\"rounded,dashed\"; color=gray50;",
                    Escaped(&cluster.title)
                )?;
                for n in &cluster.nodes {
                    node(f, "      ", *n)?;
                }
                writeln!(f, "    }}")?;
            }
            writeln!(f, "  }}")?;
        }
        let mut edges: Vec<(usize, usize, &str)> = self
            .graph
            .edge_references()
            .map(|e| (e.source().index(), e.target().index(), e.weight().label))
            .collect();
        edges.sort();
        for (s, t, label) in edges {
            writeln!(f, "  n{s} -> n{t} [label=\"{}\"];", Escaped(label))?;
        }
        writeln!(f, "}}")
    }
}

// ---------------------------------------------------------------------------
// SVG

/// Map a GraphViz shape to one layout-rs draws (it knows box, circle,
/// doublecircle and records; anything else would become a circle).
fn layout_shape(shape: &str) -> &'static str {
    match shape {
        "doubleoctagon" | "doublecircle" | "tripleoctagon" => "doublecircle",
        "circle" | "ellipse" | "oval" | "point" => "circle",
        _ => "box",
    }
}

/// Rewrite a parsed DOT graph into what layout-rs handles: clusters become
/// plain scopes (their captions and frames dropped), shapes are mapped by
/// [`layout_shape`], and `penwidth` becomes layout-rs's border width.
fn simplify(graph: &mut layout::gv::parser::ast::Graph, top: bool) {
    use layout::gv::parser::ast::{AttrStmtTarget, Stmt};
    graph
        .list
        .list
        .retain(|s| top || !matches!(s, Stmt::Attribute(a) if matches!(a.target, AttrStmtTarget::Graph)));
    for stmt in &mut graph.list.list {
        match stmt {
            Stmt::SubGraph(g) => {
                g.name = "anonymous".to_string();
                simplify(g, false);
            }
            Stmt::Node(n) => simplify_node_attrs(&mut n.list.list),
            Stmt::Attribute(a) if matches!(a.target, AttrStmtTarget::Node) => simplify_node_attrs(&mut a.list.list),
            _ => {}
        }
    }
}

fn simplify_node_attrs(list: &mut Vec<(String, String)>) {
    let mut width = None;
    for (key, value) in list.iter_mut() {
        match key.as_str() {
            "shape" => *value = layout_shape(value).to_string(),
            "penwidth" => width = Some(value.clone()),
            _ => {}
        }
    }
    list.retain(|(k, _)| k != "width" && k != "height");
    if let Some(w) = width {
        list.push(("width".to_string(), w));
    }
}

/// Render DOT to SVG with layout-rs, in-process (no GraphViz needed).
///
/// layout-rs parses the DOT this module writes, but lays out a flat graph
/// and knows only a few shapes, so the parsed graph is simplified before
/// layout: clusters are flattened (their nodes and edges are kept, their
/// captions and frames dropped — zones, industries and policies remain
/// recognisable by shape and colour), shapes other than `box`, `circle`,
/// `ellipse` and `doublecircle` are drawn as boxes (`doubleoctagon` as a
/// double circle), and `penwidth` sets the border width. The SVG asks for a
/// CJK font. For the full picture with cluster frames, run GraphViz on the
/// DOT (`dot -Tsvg`).
///
/// Errors: [`Error::Output`] when the DOT cannot be parsed or layout-rs
/// fails on it.
pub fn render_svg(dot: &str) -> Result<String> {
    use layout::backends::svg::SVGWriter;
    use layout::gv::{DotParser, GraphBuilder};

    let mut parser = DotParser::new(dot);
    let mut ast = parser
        .process()
        .map_err(|e| Error::Output(format!("layout-rs cannot parse the DOT: {e}")))?;
    simplify(&mut ast, true);
    let has_nodes = ast_has_nodes(&ast);
    let svg = std::panic::catch_unwind(move || {
        let mut builder = GraphBuilder::new();
        builder.visit_graph(&ast);
        let mut graph = builder.get();
        let mut svg = SVGWriter::new();
        if has_nodes {
            graph.do_it(false, false, false, &mut svg);
        }
        svg.finalize()
    })
    .map_err(|_| Error::Output("layout-rs failed to lay out the graph".to_string()))?;
    Ok(tidy_svg(&svg))
}

/// Ask for a CJK font, and sort the font classes (layout-rs writes them
/// in hash-map order) so that the SVG is deterministic.
fn tidy_svg(svg: &str) -> String {
    let svg = svg.replace(
        "font-family: Times, serif;",
        "font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif;",
    );
    let (Some(start), Some(end)) = (svg.find("<style>\n"), svg.find("</style>")) else {
        return svg;
    };
    let body = start + "<style>\n".len();
    if body > end {
        return svg;
    }
    let mut classes: Vec<&str> = svg[body..end].lines().collect();
    classes.sort_unstable();
    let mut out = String::with_capacity(svg.len());
    out.push_str(&svg[..body]);
    for class in classes {
        out.push_str(class);
        out.push('\n');
    }
    out.push_str(&svg[end..]);
    out
}

fn ast_has_nodes(graph: &layout::gv::parser::ast::Graph) -> bool {
    use layout::gv::parser::ast::Stmt;
    graph.list.list.iter().any(|s| match s {
        Stmt::Node(_) | Stmt::Edge(_) => true,
        Stmt::SubGraph(g) => ast_has_nodes(g),
        Stmt::Attribute(_) => false,
    })
}

// ---------------------------------------------------------------------------
// The whole entity graph

/// An entity of the whole graph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityNode {
    /// The entity's IRI (`id` in JSON).
    #[serde(rename = "id")]
    pub iri: String,
    pub label: String,
    #[serde(serialize_with = "class_name")]
    pub class: NodeClass,
}

fn class_name<S: serde::Serializer>(c: &NodeClass, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(c.name())
}

/// A relation between two entities of the whole graph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityEdge {
    /// The subject's IRI.
    pub source: String,
    /// The object's IRI.
    pub target: String,
    /// The `zg:` local name: `locatedIn`, `leadingIndustry`, `listedOn`,
    /// `implements`, `issuedBy`, `cooperatesWith`, or `leader` (a chain
    /// leader → the zone owning the chain).
    pub predicate: &'static str,
    /// For `leader`: the label of the chain's industry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub industry: Option<String>,
}

/// All entities and the relations among them. Nodes are sorted by label
/// and IRI, edges by (source, target) in node order, then predicate and
/// industry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct EntityGraph {
    nodes: Vec<EntityNode>,
    edges: Vec<EntityEdge>,
}

/// The Chinese caption of a relation.
fn relation_caption(predicate: &str) -> &'static str {
    match predicate {
        "locatedIn" => LOCATED_IN,
        "leadingIndustry" => LEADING_INDUSTRY,
        "listedOn" => "上市",
        "implements" => IMPLEMENTS,
        "issuedBy" => "发布",
        "cooperatesWith" => "合作",
        "leader" => LEADER,
        _ => "",
    }
}

/// Read the whole entity graph: every entity typed `zg:Zone`,
/// `zg:Enterprise`, `zg:Institute`, `zg:Project`, `zg:Policy`,
/// `zg:Industry`, `zg:Agency`, `zg:Place` or `zg:Market`; every
/// `zg:locatedIn`, `zg:leadingIndustry`, `zg:listedOn`, `zg:implements`,
/// `zg:issuedBy` and `zg:cooperatesWith` between two of them; and every
/// chain leadership flattened to a `leader` edge from the leader to the
/// chain's owner (the zone), carrying the industry's label. Chains
/// themselves are not nodes, and edges to untyped IRIs are left out.
pub fn entity_graph(store: &Store) -> Result<EntityGraph> {
    let snap = Snapshot::load(store)?;
    Ok(build_entity_graph(&snap))
}

fn build_entity_graph(snap: &Snapshot) -> EntityGraph {
    let nodes: Vec<EntityNode> = snap
        .sorted(snap.classes.keys())
        .into_iter()
        .map(|iri| EntityNode {
            iri: iri.clone(),
            label: snap.label(iri),
            class: snap.class(iri),
        })
        .collect();
    let index: BTreeMap<&str, usize> = nodes.iter().enumerate().map(|(i, n)| (n.iri.as_str(), i)).collect();
    let mut edges: Vec<(usize, usize, &'static str, Option<String>)> = Vec::new();
    for (s, p, o) in &snap.relations {
        if let (Some(&si), Some(&oi)) = (index.get(s.as_str()), index.get(o.as_str())) {
            edges.push((si, oi, p.strip_prefix(vocab::ZG).unwrap_or(p), None));
        }
    }
    for ((owner, industry), (leaders, _)) in &snap.chains {
        let Some(&oi) = index.get(owner.as_str()) else {
            continue;
        };
        for l in leaders {
            if let Some(&li) = index.get(l.as_str()) {
                edges.push((li, oi, "leader", Some(snap.label(industry))));
            }
        }
    }
    edges.sort();
    edges.dedup();
    let edges = edges
        .into_iter()
        .map(|(s, t, predicate, industry)| EntityEdge {
            source: nodes[s].iri.clone(),
            target: nodes[t].iri.clone(),
            predicate,
            industry,
        })
        .collect();
    EntityGraph { nodes, edges }
}

/// Escape text for XML content and attribute values; characters XML 1.0
/// cannot hold are dropped.
fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

impl EntityGraph {
    /// The entities, sorted by label and IRI.
    pub fn nodes(&self) -> &[EntityNode] {
        &self.nodes
    }

    /// The relations, sorted.
    pub fn edges(&self) -> &[EntityEdge] {
        &self.edges
    }

    fn node_ids(&self) -> BTreeMap<&str, usize> {
        self.nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.iri.as_str(), i))
            .collect()
    }

    /// GraphViz DOT: nodes `n{i}` in node order, shaped and coloured by
    /// class, edges labelled in Chinese (a leader edge as `<industry>龙头`).
    pub fn to_dot(&self) -> String {
        let ids = self.node_ids();
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = self.write_dot(&mut out, &ids);
        out
    }

    fn write_dot(&self, out: &mut String, ids: &BTreeMap<&str, usize>) -> fmt::Result {
        write_header(out)?;
        for (i, n) in self.nodes.iter().enumerate() {
            writeln!(
                out,
                "  n{i} [label=\"{}\", {}];",
                Escaped(&n.label),
                n.class.dot_style(false)
            )?;
        }
        for e in &self.edges {
            let (Some(s), Some(t)) = (ids.get(e.source.as_str()), ids.get(e.target.as_str())) else {
                continue;
            };
            let caption = match &e.industry {
                Some(industry) => format!("{industry}{}", relation_caption(e.predicate)),
                None => relation_caption(e.predicate).to_string(),
            };
            writeln!(out, "  n{s} -> n{t} [label=\"{}\"];", Escaped(&caption))?;
        }
        writeln!(out, "}}")
    }

    /// GraphML: nodes `n{i}` with data `label`, `class` and `iri`; edges
    /// `e{i}` with `predicate`, `label` (Chinese caption) and, for leader
    /// edges, `industry`.
    pub fn to_graphml(&self) -> String {
        let ids = self.node_ids();
        let mut out = String::new();
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.push_str(
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
             xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
             xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
        );
        for (id, target, name) in [
            ("label", "node", "label"),
            ("class", "node", "class"),
            ("iri", "node", "iri"),
            ("predicate", "edge", "predicate"),
            ("caption", "edge", "label"),
            ("industry", "edge", "industry"),
        ] {
            let _ = writeln!(
                out,
                "  <key id=\"{id}\" for=\"{target}\" attr.name=\"{name}\" attr.type=\"string\"/>"
            );
        }
        out.push_str("  <graph id=\"zonegraph\" edgedefault=\"directed\">\n");
        for (i, n) in self.nodes.iter().enumerate() {
            let _ = writeln!(
                out,
                "    <node id=\"n{i}\"><data key=\"label\">{}</data><data key=\"class\">{}</data><data key=\"iri\">{}</data></node>",
                xml_escape(&n.label),
                n.class.name(),
                xml_escape(&n.iri)
            );
        }
        for (i, e) in self.edges.iter().enumerate() {
            let (Some(s), Some(t)) = (ids.get(e.source.as_str()), ids.get(e.target.as_str())) else {
                continue;
            };
            let industry = e
                .industry
                .as_deref()
                .map(|ind| format!("<data key=\"industry\">{}</data>", xml_escape(ind)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "    <edge id=\"e{i}\" source=\"n{s}\" target=\"n{t}\"><data key=\"predicate\">{}</data><data key=\"caption\">{}</data>{industry}</edge>",
                e.predicate,
                relation_caption(e.predicate)
            );
        }
        out.push_str("  </graph>\n</graphml>\n");
        out
    }

    /// JSON: `{"nodes":[{"id","label","class"}],"edges":[{"source","target","predicate"[,"industry"]}]}`,
    /// ids being IRIs, pretty-printed.
    pub fn to_json(&self) -> String {
        // Strings and vectors of plain structs always serialize.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::io::RdfFormat;

    /// Two invented zones. 青溪高新区 has a 新材料 chain (leader 蓝河材料,
    /// member 白石科技), a second leading industry without a chain, a policy
    /// with quotes in its name, a research institute and an enterprise
    /// outside any chain; 红岭 has a 集成电路 chain with 蓝河材料 as a member
    /// and 翠屏新材 (located in 青溪) leads 红岭's 新材料 chain.
    const FIXTURE: &str = r#"
@prefix zg: <https://w3id.org/zonegraph/ontology#> .
@prefix id: <https://w3id.org/zonegraph/id/> .
@prefix doc: <https://w3id.org/zonegraph/doc/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .

doc:test-a {
  id:zone-青溪高新区 a zg:Zone ;
    rdfs:label "青溪高新区"@zh , "Qingxi Hi-tech Zone"@en ;
    skos:altLabel "青溪高新技术产业开发区"@zh ;
    zg:leadingIndustry id:industry-新材料 , id:industry-现代服务业 ;
    zg:implements id:policy-青溪英才计划 ;
    zg:hasChain id:chain-青溪高新区-新材料 .
  id:industry-新材料 a zg:Industry ; rdfs:label "新材料"@zh .
  id:industry-现代服务业 a zg:Industry ; rdfs:label "现代服务业"@zh .
  id:chain-青溪高新区-新材料 a zg:IndustryChain ;
    rdfs:label "青溪高新区新材料产业链"@zh ;
    zg:industry id:industry-新材料 ;
    zg:leader id:enterprise-蓝河材料 ;
    zg:member id:enterprise-白石科技 .
  id:enterprise-蓝河材料 a zg:Enterprise ;
    rdfs:label "蓝河材料"@zh ;
    zg:locatedIn id:zone-青溪高新区 ;
    zg:listedOn id:market-科创板 .
  id:enterprise-白石科技 a zg:Enterprise ; rdfs:label "白石科技"@zh .
  id:enterprise-翠屏新材 a zg:Enterprise ; rdfs:label "翠屏新材"@zh ;
    zg:locatedIn id:zone-青溪高新区 .
  id:enterprise-金桥物流 a zg:Enterprise ; rdfs:label "金桥物流"@zh ;
    zg:locatedIn id:zone-青溪高新区 .
  id:institute-青溪材料研究院 a zg:Institute ; rdfs:label "青溪材料研究院"@zh ;
    zg:locatedIn id:zone-青溪高新区 .
  id:policy-青溪英才计划 a zg:Policy ; rdfs:label "\"青溪英才\"计划"@zh ;
    zg:issuedBy id:agency-青溪市科技局 .
  id:agency-青溪市科技局 a zg:Agency ; rdfs:label "青溪市科技局"@zh .
  id:market-科创板 a zg:Market ; rdfs:label "科创板"@zh .
}

doc:test-b {
  id:enterprise-蓝河材料 rdfs:label "蓝河新材料股份有限公司"@zh .
  id:zone-红岭经开区 a zg:Zone ;
    rdfs:label "红岭经开区"@zh ;
    zg:leadingIndustry id:industry-集成电路 ;
    zg:hasChain id:chain-红岭经开区-集成电路 , id:chain-红岭经开区-新材料 .
  id:industry-集成电路 a zg:Industry ; rdfs:label "集成电路"@zh ; skos:altLabel "芯片"@zh .
  id:chain-红岭经开区-集成电路 a zg:IndustryChain ;
    zg:industry id:industry-集成电路 ;
    zg:leader id:enterprise-赤松微电子 ;
    zg:member id:enterprise-蓝河材料 .
  id:chain-红岭经开区-新材料 a zg:IndustryChain ;
    zg:industry id:industry-新材料 ;
    zg:leader id:enterprise-翠屏新材 .
  id:enterprise-赤松微电子 a zg:Enterprise ; rdfs:label "赤松微电子"@zh ;
    zg:locatedIn id:zone-红岭经开区 ;
    zg:cooperatesWith id:institute-青溪材料研究院 .
}
"#;

    fn store() -> Store {
        let store = Store::new().expect("in-memory store");
        store
            .load_from_reader(RdfFormat::TriG, FIXTURE.as_bytes())
            .expect("fixture parses");
        store
    }

    fn diagram(zone: Option<&str>, industry: Option<&str>) -> String {
        let filter = ChainFilter {
            zone: zone.map(str::to_string),
            industry: industry.map(str::to_string),
        };
        chain_diagram(&store(), &filter).expect("diagram").to_string()
    }

    #[test]
    fn exact_dot_for_one_zone() {
        let expected = r#"digraph zonegraph {
  graph [rankdir=LR, fontname="Noto Sans CJK SC"];
  node [fontname="Noto Sans CJK SC"];
  edge [fontname="Noto Sans CJK SC", fontsize=10];
  subgraph "cluster_z0" {
    label="红岭经开区"; style=rounded; color=steelblue;
    n0 [label="红岭经开区", shape=doubleoctagon, style=filled, fillcolor=lightblue];
    subgraph "cluster_z0_0" {
      label="新材料产业链"; style="rounded,dashed"; color=gray50;
      n1 [label="新材料", shape=hexagon, style=filled, fillcolor=orange];
      n2 [label="翠屏新材", shape=box, style="filled,bold", penwidth=2, fillcolor=gold];
    }
    subgraph "cluster_z0_1" {
      label="集成电路产业链"; style="rounded,dashed"; color=gray50;
      n3 [label="集成电路", shape=hexagon, style=filled, fillcolor=orange];
      n4 [label="赤松微电子", shape=box, style="filled,bold", penwidth=2, fillcolor=gold];
      n5 [label="蓝河新材料股份有限公司", shape=box, style=filled, fillcolor=khaki];
    }
  }
  n0 -> n1 [label="产业链"];
  n0 -> n3 [label="主导产业"];
  n1 -> n2 [label="龙头"];
  n3 -> n4 [label="龙头"];
  n3 -> n5 [label="成员"];
}
"#;
        assert_eq!(diagram(Some("红岭"), None), expected);
    }

    #[test]
    fn the_full_diagram_has_every_cluster_and_is_stable() {
        let first = diagram(None, None);
        assert_eq!(first, diagram(None, None));
        // Sorted by label: 红岭经开区 (U+7EA2) before 青溪高新区 (U+9752).
        let red = first.find("label=\"红岭经开区\"; ").expect("红岭 section");
        let green = first.find("label=\"青溪高新区\"; ").expect("青溪 section");
        assert!(red < green);
        for caption in [
            "新材料产业链",
            "现代服务业\"",
            "政策",
            "其他企业与机构",
            "集成电路产业链",
        ] {
            assert!(
                first.contains(&format!("label=\"{caption}")),
                "{caption} missing:\n{first}"
            );
        }
        // The quoted policy name is escaped.
        assert!(first.contains(r#"label="\"青溪英才\"计划", shape=note"#), "{first}");
        // 翠屏新材 is located in 青溪 and leads 红岭's 新材料 chain: it joins
        // 青溪's 新材料 cluster as a member, not the "others" cluster.
        let qingxi = &first[green..];
        assert!(
            qingxi.contains("[label=\"翠屏新材\", shape=box, style=filled, fillcolor=khaki]"),
            "{qingxi}"
        );
        let others = qingxi.find("其他企业与机构").expect("others");
        let cuiping = qingxi.find("翠屏新材").expect("翠屏新材 in 青溪");
        assert!(cuiping < others);
        assert!(qingxi[others..].contains("金桥物流"));
        assert!(qingxi[others..].contains("青溪材料研究院"));
        assert!(!qingxi[others..].contains("蓝河"));
    }

    #[test]
    fn filters_select_zones_and_industries() {
        // Alternative labels match too.
        let by_alt = diagram(Some("高新技术产业开发区"), None);
        assert!(by_alt.contains("青溪高新区") && !by_alt.contains("红岭"));
        let chips = diagram(None, Some("芯片"));
        assert!(chips.contains("集成电路产业链") && !chips.contains("新材料产业链") && !chips.contains("青溪"));
        let materials = diagram(Some("青溪"), Some("新材料"));
        assert!(materials.contains("新材料产业链"));
        assert!(!materials.contains("政策") && !materials.contains("现代服务业") && !materials.contains("红岭"));
        let filter = ChainFilter {
            zone: Some("没有这个园区".into()),
            industry: None,
        };
        let empty = chain_diagram(&store(), &filter).expect("diagram");
        assert!(empty.is_empty());
        assert!(empty.to_string().starts_with("digraph zonegraph {"));
    }

    #[test]
    fn the_graph_matches_the_dot() {
        let filter = ChainFilter {
            zone: Some("红岭".into()),
            industry: None,
        };
        let d = chain_diagram(&store(), &filter).expect("diagram");
        assert_eq!(d.sections().len(), 1);
        assert_eq!(d.graph().node_count(), 6);
        assert_eq!(d.graph().edge_count(), 5);
        let leaders: Vec<&str> = d
            .graph()
            .node_weights()
            .filter(|n| n.leader)
            .map(|n| n.label.as_str())
            .collect();
        assert_eq!(leaders, ["翠屏新材", "赤松微电子"]);
    }

    #[test]
    fn the_others_cluster_is_capped() {
        let mut trig = String::from(
            "@prefix zg: <https://w3id.org/zonegraph/ontology#> .\n\
             @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n\
             <urn:g> { <urn:z> a zg:Zone ; rdfs:label \"大园区\"@zh .\n",
        );
        for i in 0..40 {
            trig.push_str(&format!(
                "<urn:e{i:02}> a zg:Enterprise ; rdfs:label \"企业{i:02}\"@zh ; zg:locatedIn <urn:z> .\n"
            ));
        }
        trig.push_str("}\n");
        let store = Store::new().expect("store");
        store
            .load_from_reader(RdfFormat::TriG, trig.as_bytes())
            .expect("parses");
        let d = chain_diagram(&store, &ChainFilter::default()).expect("diagram");
        let others = &d.sections()[0].clusters[0];
        assert_eq!(others.kind, ClusterKind::Others);
        assert_eq!(others.nodes.len(), MAX_OTHER_NODES);
        assert_eq!(others.title, "其他企业与机构（前30个，共40个）");
        assert_eq!(d.graph()[others.nodes[0]].label, "企业00");
    }

    #[test]
    fn graphviz_accepts_the_dot() {
        let available = std::process::Command::new("which")
            .arg("dot")
            .output()
            .is_ok_and(|o| o.status.success());
        if !available {
            eprintln!("graphviz `dot` not installed: skipped");
            return;
        }
        let whole = entity_graph(&store()).expect("graph").to_dot();
        for dot in [diagram(None, None), whole] {
            use std::io::Write;
            let mut child = std::process::Command::new("dot")
                .arg("-Tsvg")
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("dot runs");
            child
                .stdin
                .take()
                .expect("stdin")
                .write_all(dot.as_bytes())
                .expect("write");
            let out = child.wait_with_output().expect("dot finishes");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success(), "dot failed: {stderr}\n{dot}");
            assert!(!stderr.contains("syntax error"), "{stderr}");
            assert!(String::from_utf8_lossy(&out.stdout).contains("<svg"));
        }
    }

    #[test]
    fn render_svg_lays_out_the_diagram() {
        let dot = diagram(None, None);
        let svg = render_svg(&dot).expect("svg");
        for _ in 0..5 {
            assert_eq!(svg, render_svg(&dot).expect("svg"), "SVG differs between runs");
        }
        assert!(svg.starts_with("<svg") || svg.starts_with("<?xml"), "{svg}");
        assert!(svg.contains("<svg") && svg.trim_end().ends_with("</svg>"));
        assert!(svg.contains("蓝河新材料股份有限公司"));
        assert!(svg.contains("&quot;青溪英才&quot;计划"));
        assert!(svg.contains("Noto Sans CJK SC"));
        let empty = chain_diagram(&Store::new().expect("store"), &ChainFilter::default()).expect("diagram");
        assert!(render_svg(&empty.to_string()).expect("empty svg").contains("<svg"));
        assert!(matches!(render_svg("digraph {"), Err(Error::Output(_))));
        let whole = entity_graph(&store()).expect("graph").to_dot();
        assert!(render_svg(&whole).expect("svg").contains("赤松微电子"));
    }

    #[test]
    fn entity_graph_exports() {
        let g = entity_graph(&store()).expect("graph");
        assert_eq!(g, entity_graph(&store()).expect("graph"));
        let labels: Vec<&str> = g.nodes().iter().map(|n| n.label.as_str()).collect();
        assert_eq!(labels.len(), 14, "{labels:?}");
        let mut sorted = g.nodes().to_vec();
        sorted.sort_by(|a, b| (&a.label, &a.iri).cmp(&(&b.label, &b.iri)));
        assert_eq!(sorted, g.nodes());
        let edge = |s: &str, p: &str, t: &str| {
            g.edges()
                .iter()
                .any(|e| e.source.ends_with(s) && e.predicate == p && e.target.ends_with(t))
        };
        assert!(edge("enterprise-蓝河材料", "locatedIn", "zone-青溪高新区"));
        assert!(edge("enterprise-蓝河材料", "listedOn", "market-科创板"));
        assert!(edge("policy-青溪英才计划", "issuedBy", "agency-青溪市科技局"));
        assert!(edge(
            "enterprise-赤松微电子",
            "cooperatesWith",
            "institute-青溪材料研究院"
        ));
        assert!(edge("zone-青溪高新区", "implements", "policy-青溪英才计划"));
        assert!(edge("zone-红岭经开区", "leadingIndustry", "industry-集成电路"));
        let leaders: Vec<(&str, Option<&str>)> = g
            .edges()
            .iter()
            .filter(|e| e.predicate == "leader")
            .map(|e| (e.source.as_str(), e.industry.as_deref()))
            .collect();
        assert_eq!(leaders.len(), 3, "{leaders:?}");
        assert!(edge("enterprise-蓝河材料", "leader", "zone-青溪高新区"));
        assert!(g
            .edges()
            .iter()
            .any(|e| e.predicate == "leader" && e.industry.as_deref() == Some("集成电路")));

        let json: serde_json::Value = serde_json::from_str(&g.to_json()).expect("valid JSON");
        assert_eq!(json["nodes"].as_array().map(Vec::len), Some(14));
        assert!(json["nodes"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|n| n["label"] == "蓝河新材料股份有限公司"
                && n["class"] == "Enterprise"
                && n["id"] == "https://w3id.org/zonegraph/id/enterprise-蓝河材料"));
        assert!(json["edges"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|e| e["predicate"] == "leader"
                && e["industry"] == "新材料"
                && e["target"] == "https://w3id.org/zonegraph/id/zone-青溪高新区"));
        assert_eq!(g.to_json(), entity_graph(&store()).expect("graph").to_json());

        let xml = g.to_graphml();
        assert!(xml.starts_with("<?xml"));
        assert!(xml.contains("<key id=\"class\" for=\"node\""));
        assert!(xml.contains("<data key=\"label\">&quot;青溪英才&quot;计划</data>"));
        assert!(xml.contains("<data key=\"label\">赤松微电子</data><data key=\"class\">Enterprise</data>"));
        assert!(xml.contains("<data key=\"predicate\">cooperatesWith</data>"));
        assert!(xml.contains("<data key=\"industry\">集成电路</data>"));
        assert_eq!(xml.matches("<node ").count(), 14);
        assert_eq!(xml.matches("<edge ").count(), g.edges().len());

        let dot = g.to_dot();
        assert!(dot.contains("[label=\"新材料龙头\"]"), "{dot}");
        assert!(dot.contains("[label=\"上市\"]"));
    }

    #[test]
    fn escaping_and_names() {
        assert_eq!(Escaped("a\"b\\c\nd").to_string(), "a\\\"b\\\\c\\nd");
        assert_eq!(xml_escape("<a & 'b'>"), "&lt;a &amp; &apos;b&apos;&gt;");
        assert_eq!(
            iri_tail("https://w3id.org/zonegraph/id/industry/%E6%96%B0%E6%9D%90%E6%96%99"),
            "新材料"
        );
        assert_eq!(iri_tail("urn:x#y"), "y");
        assert_eq!(iri_tail("bad%E6"), "bad%E6");
        assert_eq!(industry_title("新材料", false), "新材料产业");
        assert_eq!(industry_title("现代服务业", false), "现代服务业");
    }
}
