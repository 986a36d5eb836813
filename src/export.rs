//! Placeholder until the export module lands.
use crate::error::{Error, Result};
use oxigraph::store::Store;
pub struct ChainFilter {
    pub zone: Option<String>,
    pub industry: Option<String>,
}
pub struct ChainDiagram;
impl std::fmt::Display for ChainDiagram {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("digraph {}")
    }
}
pub fn chain_diagram(_s: &Store, _f: &ChainFilter) -> Result<ChainDiagram> {
    Ok(ChainDiagram)
}
pub fn render_svg(_d: &str) -> Result<String> {
    Err(Error::Output("todo".into()))
}
pub struct EntityGraph;
impl EntityGraph {
    pub fn to_dot(&self) -> String {
        String::new()
    }
    pub fn to_graphml(&self) -> String {
        String::new()
    }
    pub fn to_json(&self) -> String {
        String::new()
    }
}
pub fn entity_graph(_s: &Store) -> Result<EntityGraph> {
    Ok(EntityGraph)
}
