//! A small blocking HTTP/1.1 client, HTTP and HTTPS (rustls with the Mozilla
//! roots of `webpki-roots`): enough for SPARQL requests (`link wikidata`,
//! SERVICE calls when allowed, the tests). One request per connection
//! (`Connection: close`), bodies with `Content-Length` or chunked, a timeout
//! on connecting and on each read and write, and a cap on the answer size.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::sync::Arc;
use std::time::Duration;

/// The largest answer read (256 MiB).
pub const MAX_RESPONSE: usize = 256 << 20;

/// An HTTP answer.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    /// Header names lowercased.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    /// The first header of this name.
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers.iter().find(|(k, _)| *k == name).map(|(_, v)| v.as_str())
    }

    /// The body as text (invalid UTF-8 replaced).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// A client: a User-Agent, a timeout, TLS settings.
#[derive(Clone)]
pub struct Client {
    user_agent: String,
    timeout: Duration,
    tls: Arc<rustls::ClientConfig>,
}

fn invalid(message: impl Into<String>) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidInput, message.into())
}

fn bad_answer(message: impl Into<String>) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, message.into())
}

/// The parts of an `http(s)://host[:port]/path?query` URL.
struct Url<'a> {
    tls: bool,
    host: &'a str,
    port: u16,
    authority: &'a str,
    path: &'a str,
}

fn parse_url(url: &str) -> std::io::Result<Url<'_>> {
    let (tls, rest) = if let Some(r) = url.strip_prefix("https://") {
        (true, r)
    } else if let Some(r) = url.strip_prefix("http://") {
        (false, r)
    } else {
        return Err(invalid(format!("{url}: only http:// and https:// URLs are supported")));
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let path = rest[end..].split('#').next().unwrap_or("");
    let path = if path.is_empty() { "/" } else { path };
    if authority.is_empty() || authority.contains('@') {
        return Err(invalid(format!("{url}: no host, or credentials in the URL")));
    }
    let (host, port) = if let Some(h) = authority.strip_prefix('[') {
        let (h, after) = h
            .split_once(']')
            .ok_or_else(|| invalid(format!("{url}: bad IPv6 host")))?;
        (h, after.strip_prefix(':'))
    } else {
        match authority.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (authority, None),
        }
    };
    let port = match port {
        Some(p) => p.parse().map_err(|_| invalid(format!("{url}: bad port")))?,
        None if tls => 443,
        None => 80,
    };
    Ok(Url {
        tls,
        host,
        port,
        authority,
        path,
    })
}

impl Client {
    pub fn new(user_agent: &str, timeout: Duration) -> Client {
        let mut roots = rustls::RootCertStore::empty();
        roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
        let tls = rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
            .with_safe_default_protocol_versions()
            .expect("the ring provider supports the default TLS versions")
            .with_root_certificates(roots)
            .with_no_client_auth();
        Client {
            user_agent: user_agent.to_string(),
            timeout,
            tls: Arc::new(tls),
        }
    }

    /// `GET url`.
    pub fn get(&self, url: &str, headers: &[(&str, &str)]) -> std::io::Result<Response> {
        self.request("GET", url, headers, None)
    }

    /// `POST url` with a body of a content type.
    pub fn post(
        &self,
        url: &str,
        content_type: &str,
        body: &[u8],
        headers: &[(&str, &str)],
    ) -> std::io::Result<Response> {
        let mut all = vec![("Content-Type", content_type)];
        all.extend_from_slice(headers);
        self.request("POST", url, &all, Some(body))
    }

    /// Send one request and read the whole answer.
    pub fn request(
        &self,
        method: &str,
        url: &str,
        headers: &[(&str, &str)],
        body: Option<&[u8]>,
    ) -> std::io::Result<Response> {
        let u = parse_url(url)?;
        let mut last_error = None;
        let mut stream = None;
        for addr in (u.host, u.port).to_socket_addrs()? {
            match TcpStream::connect_timeout(&addr, self.timeout) {
                Ok(s) => {
                    stream = Some(s);
                    break;
                }
                Err(e) => last_error = Some(e),
            }
        }
        let stream = match stream {
            Some(s) => s,
            None => {
                return Err(last_error
                    .unwrap_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, "no address for the host")))
            }
        };
        stream.set_read_timeout(Some(self.timeout))?;
        stream.set_write_timeout(Some(self.timeout))?;
        let _ = stream.set_nodelay(true);
        let given = |name: &str| headers.iter().any(|(k, _)| k.eq_ignore_ascii_case(name));
        let mut head = format!("{method} {} HTTP/1.1\r\nConnection: close\r\n", u.path);
        if !given("host") {
            head.push_str(&format!("Host: {}\r\n", u.authority));
        }
        if !given("user-agent") {
            head.push_str(&format!("User-Agent: {}\r\n", self.user_agent));
        }
        for (k, v) in headers {
            if k.contains(['\r', '\n']) || v.contains(['\r', '\n']) {
                return Err(invalid("header with a line break"));
            }
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        if let Some(b) = body {
            head.push_str(&format!("Content-Length: {}\r\n", b.len()));
        }
        head.push_str("\r\n");
        if u.tls {
            let name = rustls::pki_types::ServerName::try_from(u.host.to_string())
                .map_err(|e| invalid(format!("{}: {e}", u.host)))?;
            let conn = rustls::ClientConnection::new(Arc::clone(&self.tls), name).map_err(std::io::Error::other)?;
            let mut tls = rustls::StreamOwned::new(conn, stream);
            exchange(&mut tls, &head, body)
        } else {
            let mut s = stream;
            exchange(&mut s, &head, body)
        }
    }
}

fn exchange<S: Read + Write>(stream: &mut S, head: &str, body: Option<&[u8]>) -> std::io::Result<Response> {
    stream.write_all(head.as_bytes())?;
    if let Some(b) = body {
        stream.write_all(b)?;
    }
    stream.flush()?;
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let status: u16 = line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| bad_answer(format!("not an HTTP answer: {:?}", line.trim())))?;
    let mut headers = Vec::new();
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Err(bad_answer("the answer ends in its headers"));
        }
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        if let Some((k, v)) = l.split_once(':') {
            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
        if headers.len() > 200 {
            return Err(bad_answer("too many headers"));
        }
    }
    let get = |name: &str| headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    let mut body = Vec::new();
    if get("transfer-encoding").is_some_and(|t| t.to_ascii_lowercase().contains("chunked")) {
        loop {
            line.clear();
            reader.read_line(&mut line)?;
            let size = usize::from_str_radix(line.trim().split(';').next().unwrap_or(""), 16)
                .map_err(|_| bad_answer("bad chunk size"))?;
            if size == 0 {
                // Trailers, up to the empty line.
                loop {
                    line.clear();
                    if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
                        break;
                    }
                }
                break;
            }
            if body.len() + size > MAX_RESPONSE {
                return Err(bad_answer("the answer is too large"));
            }
            let start = body.len();
            body.resize(start + size, 0);
            reader.read_exact(&mut body[start..])?;
            line.clear();
            reader.read_line(&mut line)?;
        }
    } else if let Some(len) = get("content-length").and_then(|v| v.parse::<usize>().ok()) {
        if len > MAX_RESPONSE {
            return Err(bad_answer("the answer is too large"));
        }
        body.resize(len, 0);
        reader.read_exact(&mut body)?;
    } else if status != 204 && status != 304 {
        match reader.take(MAX_RESPONSE as u64 + 1).read_to_end(&mut body) {
            Ok(_) => {}
            // A TLS peer closing without close_notify: what came is the answer.
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {}
            Err(e) => return Err(e),
        }
        if body.len() > MAX_RESPONSE {
            return Err(bad_answer("the answer is too large"));
        }
    }
    Ok(Response { status, headers, body })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        let u = parse_url("https://query.wikidata.org/sparql").unwrap();
        assert!(u.tls && u.host == "query.wikidata.org" && u.port == 443 && u.path == "/sparql");
        let u = parse_url("http://127.0.0.1:7878/query?x=1").unwrap();
        assert!(!u.tls && u.port == 7878 && u.path == "/query?x=1" && u.authority == "127.0.0.1:7878");
        let u = parse_url("http://[::1]:8080").unwrap();
        assert_eq!((u.host, u.port, u.path), ("::1", 8080, "/"));
        assert!(parse_url("file:///etc/passwd").is_err());
        assert!(parse_url("ftp://example.org/").is_err());
    }

    #[test]
    fn chunked_and_sized_bodies() {
        let chunked = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n".to_vec();
        let mut s = Mock(std::io::Cursor::new(chunked), Vec::new());
        let r = exchange(&mut s, "GET / HTTP/1.1\r\n\r\n", None).unwrap();
        assert_eq!((r.status, r.text().as_str()), (200, "abcde"));
        let sized = b"HTTP/1.1 404 Not Found\r\nContent-Length: 4\r\nX-A: b\r\n\r\nnopeEXTRA".to_vec();
        let mut s = Mock(std::io::Cursor::new(sized), Vec::new());
        let r = exchange(&mut s, "GET / HTTP/1.1\r\n\r\n", None).unwrap();
        assert_eq!((r.status, r.text().as_str(), r.header("X-A")), (404, "nope", Some("b")));
    }

    struct Mock(std::io::Cursor<Vec<u8>>, Vec<u8>);
    impl Read for Mock {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            self.0.read(buf)
        }
    }
    impl Write for Mock {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.1.write(buf)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
}
