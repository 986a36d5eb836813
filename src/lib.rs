//! zonegraph: a knowledge-graph builder for China's high-tech zones and
//! industrial parks. Text in (news, bulletins, reports; simplified or
//! traditional Chinese, bilingual, web scrapes, PDF extractions, GB18030 or
//! Big5), RDF out (an embedded Oxigraph store), with SPARQL and GraphViz
//! diagrams of industry chains on top.
//!
//! The stages, one module each (see ARCHITECTURE.md):
//! [`normalize`] → [`extract`] → [`resolve`] → [`model`] → [`store`], then
//! [`query`], [`export`] and [`link`]. [`pipeline`] runs the first four on
//! one document.

pub mod charfilter;
pub mod data;
pub mod error;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod http;
pub mod link;
pub mod model;
pub mod normalize;
pub mod pipeline;
pub mod push;
pub mod query;
pub mod resolve;
pub mod serve;
#[cfg(feature = "rocksdb")]
pub mod store;
pub mod vocab;

pub use error::{Error, Result};
pub use pipeline::{process, process_to_nquads, Processed};
