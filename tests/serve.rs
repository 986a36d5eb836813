//! `zonegraph serve`: the real binary on a free loopback port, queried with
//! a real HTTP client (zonegraph's own, `zonegraph::http`), against a store holding the fixture
//! article `qingxi.txt`.
//!
//! - `protocol`: GET and POST queries, content negotiation, the index page;
//! - `same_as_query`: every saved query gives the same bindings through
//!   `serve` as through `zonegraph query`;
//! - `safety`: LOAD of local files, SERVICE to other hosts, updates without
//!   the flag or the token, foreign Host headers: refused; an explosive query
//!   is cancelled by the timeout while a simple one is still answered; the
//!   result-size limit;
//! - `load`: several clients running the saved queries, bounded in count and
//!   time, reporting throughput and p95 latency (a longer run is the ignored
//!   `load::long_run`, see `bench/load.sh`).
//!
//! Run with `cargo test --release --test serve`.

mod support;

mod protocol {
    use super::support::*;

    const ZONES: &str = "SELECT ?zone ?label WHERE { ?zone a zg:Zone ; rdfs:label ?label } ORDER BY ?label";

    #[test]
    fn select_in_every_result_format() {
        let server = Server::start(shared_store(), &[]);
        let q = format!("{PREFIXES}{ZONES}");

        let json = get_query(&server, &q, "application/sparql-results+json");
        assert_eq!(json.status, 200, "{}", json.body);
        assert_eq!(json.content_type, "application/sparql-results+json");
        let rows = bindings(&json.body);
        assert!(
            rows.iter().any(|r| r["label"].contains("青溪高新技术产业开发区")),
            "{rows:?}"
        );

        // No Accept header: JSON.
        let default = get_query(&server, &q, "");
        assert_eq!(default.content_type, "application/sparql-results+json");
        assert_eq!(bindings(&default.body), rows);

        let csv = get_query(&server, &q, "text/csv");
        assert_eq!(csv.status, 200);
        assert!(csv.content_type.starts_with("text/csv"), "{}", csv.content_type);
        let mut lines = csv.body.lines();
        assert_eq!(lines.next().map(str::trim), Some("zone,label"));
        assert_eq!(lines.count(), rows.len(), "one CSV line per row");
        assert!(csv.body.contains("青溪高新技术产业开发区"));

        let xml = get_query(&server, &q, "application/sparql-results+xml");
        assert_eq!(xml.status, 200);
        assert_eq!(xml.content_type, "application/sparql-results+xml");
        assert!(xml.body.contains("<sparql") && xml.body.contains("青溪高新技术产业开发区"));
        assert_eq!(xml.body.matches("<result>").count(), rows.len());

        let tsv = get_query(&server, &q, "text/tab-separated-values");
        assert!(tsv.content_type.starts_with("text/tab-separated-values"));
        assert!(tsv.body.starts_with("?zone\t?label"), "{}", tsv.body);

        // Preferences with q values, and the `format` parameter over Accept.
        let pref = get_query(&server, &q, "text/csv;q=0.2, application/sparql-results+xml;q=0.9");
        assert_eq!(pref.content_type, "application/sparql-results+xml");
        let url = server.url(&format!("/query?query={}&format=csv", enc(&q)));
        let by_param = request("GET", &url, &[("Accept", "application/json")], None);
        assert!(by_param.content_type.starts_with("text/csv"));

        // Nothing acceptable.
        assert_eq!(get_query(&server, &q, "image/png").status, 406);

        // ASK.
        let ask = get_query(&server, &format!("{PREFIXES}ASK {{ ?z a zg:Zone }}"), "");
        assert_eq!(ask.status, 200);
        let v: serde_json::Value = serde_json::from_str(&ask.body).unwrap();
        assert_eq!(v["boolean"], true);
    }

    #[test]
    fn post_queries_and_graph_results() {
        let server = Server::start(shared_store(), &[]);
        let q = format!("{PREFIXES}SELECT ?label WHERE {{ ?z a zg:Zone ; rdfs:label ?label }}");
        let direct = request(
            "POST",
            &server.url("/query"),
            &[
                ("Content-Type", "application/sparql-query"),
                ("Accept", "application/sparql-results+json"),
            ],
            Some(q.as_bytes()),
        );
        assert_eq!(direct.status, 200, "{}", direct.body);
        let form = request(
            "POST",
            &server.url("/query"),
            &[("Content-Type", "application/x-www-form-urlencoded")],
            Some(format!("query={}", enc(&q)).as_bytes()),
        );
        assert_eq!(form.status, 200, "{}", form.body);
        assert_eq!(bindings(&direct.body), bindings(&form.body));
        assert!(!bindings(&form.body).is_empty());

        let wrong = request(
            "POST",
            &server.url("/query"),
            &[("Content-Type", "text/plain")],
            Some(q.as_bytes()),
        );
        assert_eq!(wrong.status, 415);
        assert_eq!(get_query(&server, "SELECT WHERE {", "").status, 400);
        assert_eq!(request("GET", &server.url("/query"), &[], None).status, 400);
        assert_eq!(request("GET", &server.url("/nothing"), &[], None).status, 404);

        let construct = format!("{PREFIXES}CONSTRUCT {{ ?z rdfs:label ?l }} WHERE {{ ?z a zg:Zone ; rdfs:label ?l }}");
        let ttl = get_query(&server, &construct, "text/turtle");
        assert_eq!(ttl.status, 200, "{}", ttl.body);
        assert_eq!(ttl.content_type, "text/turtle");
        assert!(ttl.body.contains("青溪高新技术产业开发区"));
        let nt = get_query(&server, &construct, "application/n-triples");
        assert_eq!(nt.content_type, "application/n-triples");
        assert!(nt.body.lines().all(|l| l.is_empty() || l.trim_end().ends_with('.')));
        let rdfxml = get_query(
            &server,
            &construct,
            "application/sparql-results+xml, application/rdf+xml",
        );
        assert_eq!(rdfxml.content_type, "application/rdf+xml");
        // A results format for a graph is not acceptable.
        let url = server.url(&format!("/query?query={}&format=csv", enc(&construct)));
        assert_eq!(request("GET", &url, &[], None).status, 406);
    }

    #[test]
    fn the_index_page_links_every_saved_query() {
        let server = Server::start(shared_store(), &[]);
        let page = request("GET", &server.url("/"), &[], None);
        assert_eq!(page.status, 200);
        assert!(page.content_type.starts_with("text/html"));
        assert!(page.body.contains("SPARQL"));
        for (name, _) in saved_queries() {
            assert!(page.body.contains(&format!(">{name}</a>")), "{name} not on the page");
        }
        // Follow the first link.
        let href = page
            .body
            .split("href=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .find(|h| h.starts_with("/query?"))
            .unwrap()
            .replace("&amp;", "&");
        let answer = request("GET", &server.url(&href), &[], None);
        assert_eq!(answer.status, 200, "{href}: {}", answer.body);
        assert!(answer.body.contains("rows)"), "{}", answer.body);
    }
}

mod same_as_query {
    use super::support::*;

    #[test]
    fn every_saved_query_gives_the_same_bindings_through_serve() {
        let store = shared_store();
        let server = Server::start(store, &[]);
        let saved = saved_queries();
        assert!(saved.len() >= 10);
        for (name, text) in saved {
            // A parameterised query: the CLI binds `--param`; the endpoint
            // gets the same query text with the value bound.
            let params: Vec<(String, String)> = zonegraph::query::params::declared(&text)
                .into_iter()
                .map(|p| (p.name, "松岭高新区".to_string()))
                .collect();
            let source = zonegraph::query::QuerySource {
                name: name.clone(),
                text: text.clone(),
            };
            let text = zonegraph::query::params::bind(&source, &params).unwrap().text;
            let mut args: Vec<std::ffi::OsString> = ["query", "--store"].iter().map(Into::into).collect();
            args.push(store.as_os_str().to_owned());
            args.extend(["--format", "json", name.as_str()].iter().map(Into::into));
            for (n, v) in &params {
                args.push("--param".into());
                args.push(format!("{n}={v}").into());
            }
            let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
            let cli = success(&zonegraph(&args));
            let http = get_query(&server, &text, "application/sparql-results+json");
            assert_eq!(http.status, 200, "{name}: {}", http.body);
            assert_eq!(bindings(&http.body), bindings(&cli), "{name}: serve and query differ");
        }
    }
}

mod safety {
    use super::support::*;
    use std::time::{Duration, Instant};

    #[test]
    fn load_of_local_files_and_service_to_other_hosts_are_refused() {
        let store = Fixture::new();
        let before = success(&zonegraph(&[
            "dump".as_ref(),
            "--store".as_ref(),
            store.path.as_os_str(),
        ]));
        {
            let server = Server::start(&store.path, &[]);
            let load = post_update(&server, "LOAD <file:///etc/passwd>", None);
            assert_eq!(load.status, 403, "{}", load.body);
            let service = get_query(
                &server,
                "SELECT * WHERE { SERVICE <http://127.0.0.2:9/> { ?s ?p ?o } }",
                "",
            );
            assert_eq!(service.status, 403, "{}", service.body);
            assert!(service.body.contains("SERVICE"), "{}", service.body);
            // Hidden in a FILTER EXISTS, or in a sub-query: still found.
            let hidden = get_query(
                &server,
                "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <http://127.0.0.2:9/> { ?s ?p ?o } } }",
                "",
            );
            assert_eq!(hidden.status, 403, "{}", hidden.body);
            // SILENT: the service is not called and contributes nothing.
            let silent = get_query(
                &server,
                "SELECT (COUNT(*) AS ?n) WHERE { SERVICE SILENT <http://127.0.0.2:9/> { ?s ?p ?o } }",
                "",
            );
            assert_eq!(silent.status, 200, "{}", silent.body);
            // A page on another site cannot reach the endpoint through DNS rebinding.
            let foreign = request("GET", &server.url("/"), &[("Host", "attacker.example:7878")], None);
            assert_eq!(foreign.status, 403, "{}", foreign.body);
        }
        {
            // Even with updates enabled and the right token.
            let server = Server::start(&store.path, &["--enable-update", "--token", "s3cret"]);
            for update in [
                "LOAD <file:///etc/passwd>",
                "LOAD <file:///etc/passwd> INTO GRAPH <http://example.org/g>",
                "LOAD <http://127.0.0.2:9/data.ttl>",
                "INSERT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.2:9/> { ?s ?p ?o } }",
            ] {
                let answer = post_update(&server, update, Some("s3cret"));
                assert_eq!(answer.status, 403, "{update}: {}", answer.body);
            }
        }
        let after = success(&zonegraph(&[
            "dump".as_ref(),
            "--store".as_ref(),
            store.path.as_os_str(),
        ]));
        assert_eq!(before, after, "the store changed");
        // And the command line refuses SERVICE too.
        let out = zonegraph(&[
            "query".as_ref(),
            "--store".as_ref(),
            store.path.as_os_str(),
            "SELECT * WHERE { SERVICE <http://127.0.0.2:9/> { ?s ?p ?o } }".as_ref(),
        ]);
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("--allow-service"));
    }

    #[test]
    fn updates_need_the_flag_and_the_token() {
        let store = Fixture::new();
        let insert = "INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> <http://www.w3.org/2000/01/rdf-schema#label> \"added\" } }";
        let count = "SELECT (COUNT(*) AS ?n) WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> \"added\" }";
        {
            let server = Server::start(&store.path, &[]);
            let answer = post_update(&server, insert, Some("anything"));
            assert_eq!(answer.status, 403, "read-only: {}", answer.body);
        }
        // --enable-update without a token does not start.
        let out = zonegraph(&[
            "serve".as_ref(),
            "--store".as_ref(),
            store.path.as_os_str(),
            "--enable-update".as_ref(),
        ]);
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("token"));
        {
            let server = Server::start_env(&store.path, &["--enable-update"], &[("ZONEGRAPH_TOKEN", "s3cret")]);
            let none = post_update(&server, insert, None);
            assert_eq!(none.status, 401, "{}", none.body);
            let wrong = post_update(&server, insert, Some("guess"));
            assert_eq!(wrong.status, 401, "{}", wrong.body);
            let n = get_query(&server, count, "");
            assert!(n.body.contains("\"0\""), "{}", n.body);
            let right = post_update(&server, insert, Some("s3cret"));
            assert_eq!(right.status, 204, "{}", right.body);
            let n = get_query(&server, count, "");
            assert!(n.body.contains("\"1\""), "{}", n.body);
        }
    }

    #[test]
    fn an_explosive_query_times_out_while_others_are_answered() {
        let server = Server::start(shared_store(), &["--timeout", "2s"]);
        let explosive = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
        let url = server.url(&format!("/query?query={}", enc(explosive)));
        let started = Instant::now();
        let slow = std::thread::spawn(move || {
            let a = request("GET", &url, &[], None);
            (a, started.elapsed())
        });
        std::thread::sleep(Duration::from_millis(300));
        let simple_started = Instant::now();
        let simple = get_query(&server, &format!("{PREFIXES}ASK {{ ?z a zg:Zone }}"), "");
        let simple_took = simple_started.elapsed();
        assert_eq!(simple.status, 200, "{}", simple.body);
        let (slow, slow_took) = slow.join().unwrap();
        assert_eq!(slow.status, 503, "{}", slow.body);
        assert!(slow.body.contains("timeout"), "{}", slow.body);
        assert!(slow_took < Duration::from_secs(15), "the timeout took {slow_took:?}");
        assert!(
            simple_took < slow_took,
            "the simple query ({simple_took:?}) waited for the explosive one ({slow_took:?})"
        );
        eprintln!("explosive query cancelled after {slow_took:?}; a concurrent simple query took {simple_took:?}");
    }

    #[test]
    fn answers_are_bounded_in_rows_and_bytes() {
        let server = Server::start(shared_store(), &["--max-results", "5", "--max-bytes", "100000"]);
        let all = get_query(&server, "SELECT * WHERE { ?s ?p ?o }", "");
        assert_eq!(all.status, 413, "{}", all.body);
        assert!(all.body.contains("limit"), "{}", all.body);
        let five = get_query(&server, "SELECT * WHERE { ?s ?p ?o } LIMIT 5", "");
        assert_eq!(five.status, 200, "{}", five.body);
        assert_eq!(bindings(&five.body).len(), 5);
        let construct = get_query(&server, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "text/turtle");
        assert_eq!(construct.status, 413);

        let server = Server::start(shared_store(), &["--max-bytes", "2000"]);
        let big = request(
            "GET",
            &server.url(&format!("/query?query={}", enc("SELECT * WHERE { ?s ?p ?o }"))),
            &[("Accept", "text/csv"), ("Content-Type", "text/plain")],
            None,
        );
        assert_eq!(big.status, 413, "{}", big.body);
    }
}

mod load {
    use super::support::*;
    use std::time::{Duration, Instant};

    /// `clients` threads each run every saved query `rounds` times (stopping
    /// early at `budget`); returns (requests, errors, elapsed, latencies).
    fn run(
        server: &Server,
        clients: usize,
        rounds: usize,
        budget: Duration,
    ) -> (usize, usize, Duration, Vec<Duration>) {
        let urls: Vec<String> = saved_queries()
            .into_iter()
            .map(|(_, text)| server.url(&format!("/query?query={}", enc(&text))))
            .collect();
        let started = Instant::now();
        let handles: Vec<_> = (0..clients)
            .map(|c| {
                let urls = urls.clone();
                std::thread::spawn(move || {
                    let http = client();
                    let mut latencies = Vec::new();
                    let mut errors = 0;
                    'outer: for round in 0..rounds {
                        for i in 0..urls.len() {
                            if started.elapsed() > budget {
                                break 'outer;
                            }
                            let url = &urls[(i + c + round) % urls.len()];
                            let t = Instant::now();
                            let a = request_with(
                                &http,
                                "GET",
                                url,
                                &[("Accept", "application/sparql-results+json")],
                                None,
                            );
                            latencies.push(t.elapsed());
                            if a.status != 200 {
                                errors += 1;
                                eprintln!("load: {} {}", a.status, a.body);
                            }
                        }
                    }
                    (latencies, errors)
                })
            })
            .collect();
        let mut all = Vec::new();
        let mut errors = 0;
        for h in handles {
            let (l, e) = h.join().unwrap();
            all.extend(l);
            errors += e;
        }
        let elapsed = started.elapsed();
        all.sort();
        (all.len(), errors, elapsed, all)
    }

    fn report(label: &str, (n, errors, elapsed, latencies): &(usize, usize, Duration, Vec<Duration>)) {
        eprintln!(
            "{label}: {n} requests, {errors} errors in {:.2} s: {:.0} requests/s, p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms",
            elapsed.as_secs_f64(),
            *n as f64 / elapsed.as_secs_f64(),
            percentile(latencies, 0.50).as_secs_f64() * 1000.0,
            percentile(latencies, 0.95).as_secs_f64() * 1000.0,
            latencies.last().copied().unwrap_or_default().as_secs_f64() * 1000.0,
        );
    }

    #[test]
    fn saved_queries_from_several_clients() {
        let server = Server::start(shared_store(), &[]);
        let result = run(&server, 4, 5, Duration::from_secs(30));
        report("load (4 clients x 5 rounds of the saved queries)", &result);
        let (n, errors, _, latencies) = &result;
        assert_eq!(*errors, 0, "errors under load");
        assert!(*n >= saved_queries().len() * 4, "the run stopped early: {n} requests");
        assert!(percentile(latencies, 0.95) < Duration::from_secs(5), "p95 too slow");
    }

    /// A longer run: `bench/load.sh` (or set ZONEGRAPH_LOAD_CLIENTS,
    /// ZONEGRAPH_LOAD_ROUNDS, ZONEGRAPH_LOAD_SECONDS, ZONEGRAPH_LOAD_STORE).
    #[test]
    #[ignore = "a longer load run; see bench/load.sh"]
    fn long_run() {
        let env = |k: &str, d: usize| std::env::var(k).ok().and_then(|v| v.parse().ok()).unwrap_or(d);
        let clients = env("ZONEGRAPH_LOAD_CLIENTS", 8);
        let rounds = env("ZONEGRAPH_LOAD_ROUNDS", 200);
        let seconds = env("ZONEGRAPH_LOAD_SECONDS", 60);
        let fixture;
        let store = match std::env::var("ZONEGRAPH_LOAD_STORE") {
            Ok(p) => std::path::PathBuf::from(p),
            Err(_) => {
                fixture = Fixture::new();
                fixture.path.clone()
            }
        };
        let server = Server::start(&store, &[]);
        let result = run(&server, clients, rounds, Duration::from_secs(seconds as u64));
        report(
            &format!("load ({clients} clients, up to {rounds} rounds or {seconds} s)"),
            &result,
        );
        assert_eq!(result.1, 0, "errors under load");
    }
}
