//! The vocabulary zonegraph writes: every IRI in one place.
//!
//! Class and property IRIs of the `zg:` ontology (declared in
//! `ontology/zonegraph.ttl`, checked by a test), plus the namespaces of
//! entity, document and evidence IRIs. Nothing else in the crate spells an
//! IRI as a string literal.

/// The ontology namespace (`zg:`).
pub const ZG: &str = "https://w3id.org/zonegraph/ontology#";
/// Entity IRIs: `id:{kind}/{key}`.
pub const ID: &str = "https://w3id.org/zonegraph/id/";
/// Document IRIs (each also names the graph of what the document says).
pub const DOC: &str = "https://w3id.org/zonegraph/doc/";

pub const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
pub const RDF_STATEMENT: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement";
pub const RDF_SUBJECT: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject";
pub const RDF_PREDICATE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate";
pub const RDF_OBJECT: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#object";
pub const RDFS_LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
pub const SKOS_ALT_LABEL: &str = "http://www.w3.org/2004/02/skos/core#altLabel";
pub const XSD_DECIMAL: &str = "http://www.w3.org/2001/XMLSchema#decimal";
pub const XSD_INTEGER: &str = "http://www.w3.org/2001/XMLSchema#integer";
pub const XSD_GYEAR: &str = "http://www.w3.org/2001/XMLSchema#gYear";
pub const XSD_GYEAR_MONTH: &str = "http://www.w3.org/2001/XMLSchema#gYearMonth";
pub const XSD_DATE: &str = "http://www.w3.org/2001/XMLSchema#date";
pub const OWL_SAME_AS: &str = "http://www.w3.org/2002/07/owl#sameAs";
pub const VOID: &str = "http://rdfs.org/ns/void#";
pub const DCTERMS: &str = "http://purl.org/dc/terms/";
pub const XSD_DATE_TIME: &str = "http://www.w3.org/2001/XMLSchema#dateTime";

/// Declares `zg:` terms as constants holding their full IRI.
macro_rules! zg_terms {
    ($( $(#[$doc:meta])* $name:ident = $local:literal ;)*) => {
        $( $(#[$doc])* pub const $name: &str = concat!("https://w3id.org/zonegraph/ontology#", $local); )*
        /// Every `zg:` class and property the program writes.
        pub const ALL_TERMS: &[&str] = &[$($name),*];
    };
}

zg_terms! {
    ZONE = "Zone";
    ENTERPRISE = "Enterprise";
    INSTITUTE = "Institute";
    POLICY = "Policy";
    INDUSTRY = "Industry";
    AGENCY = "Agency";
    PROJECT = "Project";
    PLACE = "Place";
    MARKET = "Market";
    INDUSTRY_CHAIN = "IndustryChain";
    OBSERVATION = "Observation";
    DOCUMENT = "Document";
    EVIDENCE = "Evidence";
    LOCATED_IN = "locatedIn";
    LEADING_INDUSTRY = "leadingIndustry";
    LISTED_ON = "listedOn";
    IMPLEMENTS = "implements";
    ISSUED_BY = "issuedBy";
    COOPERATES_WITH = "cooperatesWith";
    HAS_CHAIN = "hasChain";
    INDUSTRY_PROP = "industry";
    LEADER = "leader";
    MEMBER = "member";
    SUBJECT = "subject";
    EVIDENCE_PROP = "evidence";
    IN_DOCUMENT = "inDocument";
    MENTIONED_IN = "mentionedIn";
    PART_OF = "partOf";
    FORMER_NAME = "formerName";
    RENAMED_ON = "renamedOn";
    VALUE = "value";
    UNIT = "unit";
    METRIC = "metric";
    YEAR = "year";
    QUALIFIER = "qualifier";
    DATE = "date";
    SOURCE_PATH = "sourcePath";
    TITLE = "title";
    PUBLISHED = "published";
    CONTENT_HASH = "contentHash";
    TEXT = "text";
    CHAR_START = "charStart";
    CHAR_END = "charEnd";
    LEVEL = "level";
    DIVISION_CODE = "divisionCode";
    IN_DIVISION = "inDivision";
    LINK_SCORE = "linkScore";
    LINK_METHOD = "linkMethod";
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::io::{RdfFormat, RdfParser};
    use std::collections::HashSet;

    /// Every class and property the program writes is declared in the ontology.
    #[test]
    fn every_written_term_is_declared_in_the_ontology() {
        const OWL: &str = "http://www.w3.org/2002/07/owl#";
        let mut declared = HashSet::new();
        for quad in RdfParser::from_format(RdfFormat::Turtle).for_slice(crate::data::ONTOLOGY.as_bytes()) {
            let q = quad.expect("ontology/zonegraph.ttl parses");
            if q.predicate.as_str() == RDF_TYPE && q.object.to_string().starts_with(&format!("<{OWL}")) {
                declared.insert(q.subject.to_string().trim_matches(['<', '>']).to_string());
            }
        }
        let missing: Vec<&&str> = ALL_TERMS.iter().filter(|t| !declared.contains(**t)).collect();
        assert!(
            missing.is_empty(),
            "not declared in ontology/zonegraph.ttl: {missing:?}"
        );
    }
}
