//! Parameters of queries: `zonegraph query zone-profile --param zone=NAME`.
//!
//! In: a query and (name, value) pairs. Out: the query with each value in
//! place, or an error naming the query and the parameter.
//!
//! A parameter is a one-variable, one-row `VALUES` block of the query, such
//! as `VALUES ?zone { "嘉兴高新技术产业开发区"@zh }`: the value written there
//! is an example (the query stays valid SPARQL that any tool runs), and
//! binding the parameter replaces it with the user's value as the same kind
//! of term: a literal with the same language tag or datatype, or an IRI.
//! A `VALUES` block rather than a variable bound from outside the query
//! because the value must reach into sub-selects, whose variables are their
//! own: there Oxigraph looks the term up in its indexes instead of scanning.
//! (Blocks inside `FILTER EXISTS` are not looked at.)
//!
//! A saved query declares its parameters in its header comment, one line
//! each: `# Parameter ?zone [name]: a zone's name, any of its labels.`
//! Declared parameters are required: a profile of the example zone is not
//! what someone who forgot the parameter wants. `[name]` after the variable
//! says the value is an entity's name: a zone's name is looked up under every
//! ending of its family ([`crate::resolve::zone_name_variants`]: 松岭高新区
//! also finds 松岭高新技术产业开发区), any other name as it is, and a name
//! without Chinese characters also as an English label. Without it the value
//! is taken as it is.

use super::QuerySource;
use crate::error::{Error, Result};
use oxigraph::model::{Literal, NamedNode, Variable};
use spargebra::algebra::GraphPattern;
use spargebra::term::GroundTerm;

/// A parameter a query declares in its header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parameter {
    /// The variable's name, without `?`: what `--param NAME=…` gives.
    pub name: String,
    /// How a value is looked up (`name`), if not as it is.
    pub kind: Option<String>,
    /// What the value is.
    pub description: String,
}

/// The parameters a query's header comment declares (`# Parameter ?name: …`).
pub fn declared(text: &str) -> Vec<Parameter> {
    text.lines()
        .map(str::trim)
        .take_while(|l| l.starts_with('#') || l.is_empty())
        .filter_map(|l| l.strip_prefix('#')?.trim().strip_prefix("Parameter ?"))
        .filter_map(|rest| {
            let (head, description) = rest.split_once(':')?;
            let (name, kind) = match head.split_once('[') {
                Some((name, kind)) => (
                    name.trim(),
                    Some(kind.trim_end().trim_end_matches(']').trim().to_string()),
                ),
                None => (head.trim(), None),
            };
            (!name.is_empty()).then(|| Parameter {
                name: name.to_string(),
                kind,
                description: description.trim().trim_end_matches('.').to_string(),
            })
        })
        .collect()
}

/// Split `NAME=VALUE` (the command line's `--param`).
pub fn parse_assignment(arg: &str) -> std::result::Result<(String, String), String> {
    let (name, value) = arg
        .split_once('=')
        .ok_or_else(|| format!("`{arg}`: expected NAME=VALUE, e.g. zone=嘉兴高新区"))?;
    let name = name.trim().trim_start_matches('?');
    if name.is_empty() {
        return Err(format!("`{arg}`: the parameter has no name"));
    }
    Ok((name.to_string(), value.trim().to_string()))
}

/// The query with the given parameter values in place. Fails when a
/// declared parameter has no value, a value is empty or not a valid term
/// of its kind, or the query has no parameter of that name.
pub fn bind(query: &QuerySource, values: &[(String, String)]) -> Result<QuerySource> {
    let error = |message: String| Error::QueryParameter {
        query: query.name.clone(),
        message,
    };
    let declared = declared(&query.text);
    if let Some(missing) = declared.iter().find(|p| !values.iter().any(|(n, _)| *n == p.name)) {
        return Err(error(format!(
            "needs --param {}=VALUE ({})",
            missing.name,
            if missing.description.is_empty() {
                "see the query's header"
            } else {
                &missing.description
            }
        )));
    }
    if values.is_empty() {
        return Ok(query.clone());
    }
    let mut parsed = spargebra::SparqlParser::new()
        .parse_query(&query.text)
        .map_err(|e| Error::QuerySyntax {
            query: query.name.clone(),
            message: e.to_string(),
        })?;
    let pattern = match &mut parsed {
        spargebra::Query::Select { pattern, .. }
        | spargebra::Query::Construct { pattern, .. }
        | spargebra::Query::Describe { pattern, .. }
        | spargebra::Query::Ask { pattern, .. } => pattern,
    };
    for (name, value) in values {
        if value.trim().is_empty() {
            return Err(error(format!("--param {name}: the value is empty")));
        }
        let variable = Variable::new(name.as_str()).map_err(|e| error(format!("--param {name}: {e}")))?;
        let kind = declared
            .iter()
            .find(|p| p.name == *name)
            .and_then(|p| p.kind.as_deref());
        let english = kind.is_some() && !value.chars().any(is_han);
        let lookups = match kind {
            // A zone's name also by the other endings of its family; any
            // other name is left as it is by zone_name_variants.
            Some("name") if !english => crate::resolve::zone_name_variants(value),
            Some("name") => vec![value.trim().to_string()],
            Some(other) => {
                return Err(error(format!(
                    "--param {name}: unknown kind [{other}] in the query's header"
                )))
            }
            None => vec![value.trim().to_string()],
        };
        let mut found = 0;
        replace(pattern, &variable, &lookups, english, &mut found)
            .map_err(|m| error(format!("--param {name}: {m}")))?;
        if found == 0 {
            let known: Vec<String> = declared.iter().map(|p| p.name.clone()).collect();
            return Err(error(if known.is_empty() {
                format!("has no parameter `{name}` (no one-variable VALUES block binds ?{name})")
            } else {
                format!("has no parameter `{name}`; its parameters: {}", known.join(", "))
            }));
        }
    }
    Ok(QuerySource {
        name: query.name.clone(),
        text: parsed.to_string(),
    })
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{2ffff}')
}

/// The user's value as the same kind of term as the example it replaces.
fn term_like(example: Option<&GroundTerm>, value: &str) -> std::result::Result<GroundTerm, String> {
    Ok(match example {
        Some(GroundTerm::NamedNode(_)) => {
            let iri = value.trim_start_matches('<').trim_end_matches('>');
            GroundTerm::NamedNode(NamedNode::new(iri).map_err(|e| format!("`{value}` is not an IRI: {e}"))?)
        }
        Some(GroundTerm::Literal(l)) => GroundTerm::Literal(match l.language() {
            Some(lang) => Literal::new_language_tagged_literal(value, lang).map_err(|e| e.to_string())?,
            None => Literal::new_typed_literal(value, l.datatype().into_owned()),
        }),
        _ => GroundTerm::Literal(Literal::new_simple_literal(value)),
    })
}

/// Replace the example of `variable`'s VALUES block with one row per
/// value (and per value an English-tagged literal too when `english`).
fn replace(
    pattern: &mut GraphPattern,
    variable: &Variable,
    values: &[String],
    english: bool,
    found: &mut usize,
) -> std::result::Result<(), String> {
    match pattern {
        GraphPattern::Values { variables, bindings }
            if variables.len() == 1 && variables[0] == *variable && bindings.len() == 1 =>
        {
            let example = bindings[0][0].take();
            let mut rows = Vec::new();
            for v in values {
                rows.push(vec![Some(term_like(example.as_ref(), v)?)]);
                if english {
                    let en = Literal::new_language_tagged_literal(v.as_str(), "en").map_err(|e| e.to_string())?;
                    rows.push(vec![Some(GroundTerm::Literal(en))]);
                }
            }
            *bindings = rows;
            *found += 1;
        }
        GraphPattern::Join { left, right }
        | GraphPattern::LeftJoin { left, right, .. }
        | GraphPattern::Union { left, right }
        | GraphPattern::Minus { left, right } => {
            replace(left, variable, values, english, found)?;
            replace(right, variable, values, english, found)?;
        }
        GraphPattern::Filter { inner, .. }
        | GraphPattern::Graph { inner, .. }
        | GraphPattern::Extend { inner, .. }
        | GraphPattern::OrderBy { inner, .. }
        | GraphPattern::Project { inner, .. }
        | GraphPattern::Distinct { inner }
        | GraphPattern::Reduced { inner }
        | GraphPattern::Slice { inner, .. }
        | GraphPattern::Group { inner, .. }
        | GraphPattern::Service { inner, .. } => replace(inner, variable, values, english, found)?,
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(text: &str) -> QuerySource {
        QuerySource {
            name: "test".into(),
            text: text.into(),
        }
    }

    const PROFILE: &str = "# A test.\n# Parameter ?zone [name]: a zone's name.\n\
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n\
        SELECT ?z WHERE { { SELECT DISTINCT ?z WHERE { VALUES ?zone { \"示例高新区\"@zh } ?z rdfs:label ?zone } } }";

    #[test]
    fn declared_parameters_are_read_from_the_header() {
        assert_eq!(
            declared(PROFILE),
            vec![Parameter {
                name: "zone".into(),
                kind: Some("name".into()),
                description: "a zone's name".into()
            }]
        );
        assert!(declared("SELECT * WHERE { ?s ?p ?o } # Parameter ?x: not a header").is_empty());
    }

    #[test]
    fn the_value_reaches_into_sub_selects_with_the_example_language() {
        let bound = bind(&source(PROFILE), &[("zone".into(), "松岭高新区".into())]).unwrap();
        assert!(bound.text.contains("\"松岭高新区\"@zh"), "{}", bound.text);
        assert!(!bound.text.contains("示例高新区"), "{}", bound.text);
        // A zone is looked up by every name of its family of endings.
        assert!(bound.text.contains("\"松岭高新技术产业开发区\"@zh"), "{}", bound.text);
        assert!(bound.text.contains("\"松岭国家高新区\"@zh"), "{}", bound.text);
        assert!(!bound.text.contains("松岭经开区"), "another family: {}", bound.text);
        assert!(!bound.text.contains("@en"), "{}", bound.text);
        let english = bind(&source(PROFILE), &[("zone".into(), "Songling Hi-Tech Zone".into())]).unwrap();
        assert!(
            english.text.contains("\"Songling Hi-Tech Zone\"@en"),
            "{}",
            english.text
        );
        assert!(
            english.text.contains("\"Songling Hi-Tech Zone\"@zh"),
            "{}",
            english.text
        );
    }

    #[test]
    fn iris_and_typed_literals_keep_their_kind() {
        let q = "SELECT * WHERE { VALUES ?e { <http://example.org/a> } VALUES ?n { 3 } ?e ?p ?n }";
        let bound = bind(
            &source(q),
            &[("e".into(), "<http://example.org/b>".into()), ("n".into(), "7".into())],
        )
        .unwrap();
        assert!(bound.text.contains("<http://example.org/b>"), "{}", bound.text);
        assert!(
            bound.text.contains("\"7\"^^<http://www.w3.org/2001/XMLSchema#integer>"),
            "{}",
            bound.text
        );
        let bad = bind(&source(q), &[("e".into(), "not an iri".into())]).unwrap_err();
        assert!(bad.to_string().contains("not an IRI"), "{bad}");
    }

    #[test]
    fn missing_unknown_and_empty_parameters_are_named() {
        let missing = bind(&source(PROFILE), &[]).unwrap_err().to_string();
        assert!(
            missing.contains("needs --param zone=VALUE (a zone's name)"),
            "{missing}"
        );
        let unknown = bind(
            &source(PROFILE),
            &[("zone".into(), "x".into()), ("year".into(), "2020".into())],
        )
        .unwrap_err()
        .to_string();
        assert!(
            unknown.contains("no parameter `year`; its parameters: zone"),
            "{unknown}"
        );
        let empty = bind(&source(PROFILE), &[("zone".into(), " ".into())]);
        assert!(empty.is_err());
        assert!(parse_assignment("zone").is_err());
        assert_eq!(
            parse_assignment("?zone = 嘉兴高新区").unwrap(),
            ("zone".into(), "嘉兴高新区".into())
        );
    }

    #[test]
    fn a_query_without_parameters_is_unchanged() {
        let q = source("SELECT * WHERE { ?s ?p ?o }");
        assert_eq!(bind(&q, &[]).unwrap().text, q.text);
    }
}
