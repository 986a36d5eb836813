#!/usr/bin/env python3
"""Compare zonegraph's place recognition with the PyPI package cpca.

For each sentence of tests/fixtures/places/sentences.txt (or the file given),
run `zonegraph extract` and cpca on it and print the administrative
divisions (province, city, county level) each finds, and where they differ.

zonegraph's places are the zg:Place entities of the sentence with a GB/T 2260
code, each with its ancestors (read from data/gazetteers/divisions.tsv), plus
the divisions zones lie in by their names (zg:inDivision, shown apart as
"via zone"). cpca finds one province/city/district per text (its
`transform`), inferring the levels above.

Usage:
    pip install cpca
    cargo build --release
    python3 scripts/compare_places_cpca.py [--bin target/release/zonegraph] [SENTENCES]

Exit code 0 when the comparison ran (differences are expected and are the
point of the report), 2 when cpca or zonegraph cannot run.
"""

import argparse
import collections
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ZG = "https://w3id.org/zonegraph/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
PLACE_IRI = re.compile(r"^https://w3id\.org/zonegraph/id/place-(\d{6})-")
QUAD = re.compile(r'^<([^>]*)> <([^>]*)> (<[^>]*>|"(?:[^"\\]|\\.)*"(?:@[\w-]+|\^\^<[^>]*>)?) <([^>]*)> \.$')


def divisions():
    """code -> (name, parent code)"""
    table = {}
    path = os.path.join(ROOT, "data", "gazetteers", "divisions.tsv")
    with open(path, encoding="utf-8") as f:
        rows = [l.rstrip("\n").split("\t") for l in f if l.strip() and not l.startswith("#")]
    header = rows[0]
    for r in rows[1:]:
        row = dict(zip(header, r + [""] * (len(header) - len(r))))
        table[row["code"]] = (row["name"], row["parent"])
    return table


def chain(code, table):
    out = []
    while code in table and len(out) < 5:
        name, parent = table[code]
        out.append(name)
        code = parent
    return out


def zonegraph_places(binary, sentences, table):
    """For each sentence: (places named, divisions via zones), as sets of names."""
    with tempfile.TemporaryDirectory() as d:
        paths = []
        for i, s in enumerate(sentences):
            p = os.path.join(d, f"s{i:03d}.txt")
            with open(p, "w", encoding="utf-8") as f:
                f.write(s + "\n")
            paths.append(p)
        out = subprocess.run([binary, "extract", "--format", "nquads", d], capture_output=True, text=True)
        if out.returncode not in (0, 1):
            sys.exit(f"zonegraph extract failed: {out.stderr}")
    graph_of_source = {}
    typed = collections.defaultdict(set)  # graph -> entity IRIs typed Place / Zone
    zones = collections.defaultdict(set)
    in_division = collections.defaultdict(set)  # zone -> codes
    for line in out.stdout.splitlines():
        m = QUAD.match(line.strip())
        if not m:
            continue
        s, p, o, g = m.groups()
        if p == ZG + "sourcePath":
            graph_of_source[o.strip('"')] = g
        elif p == RDF_TYPE and o == f"<{ZG}Place>":
            typed[g].add(s)
        elif p == RDF_TYPE and o == f"<{ZG}Zone>":
            zones[g].add(s)
        elif p == ZG + "inDivision":
            pm = PLACE_IRI.match(o.strip("<>"))
            if pm:
                in_division[s].add(pm.group(1))
    results = []
    for i, _ in enumerate(sentences):
        g = graph_of_source.get(paths[i])
        named, via_zone = set(), set()
        for iri in typed.get(g, ()):
            pm = PLACE_IRI.match(iri)
            if pm:
                named.update(chain(pm.group(1), table))
        for z in zones.get(g, ()):
            for code in in_division.get(z, ()):
                via_zone.update(chain(code, table))
        results.append((named, via_zone - named))
    return results


def cpca_places(sentences):
    import cpca  # noqa: PLC0415 (optional dependency)

    df = cpca.transform(sentences)
    out = []
    for _, row in df.iterrows():
        names = {row.get(k) for k in ("省", "市", "区")}
        out.append({n for n in names if isinstance(n, str) and n})
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sentences", nargs="?", default=os.path.join(ROOT, "tests", "fixtures", "places", "sentences.txt"))
    ap.add_argument("--bin", default=os.environ.get("ZONEGRAPH_BIN", os.path.join(ROOT, "target", "release", "zonegraph")))
    args = ap.parse_args()
    try:
        import cpca  # noqa: F401
    except ImportError:
        print("cpca is not installed: pip install cpca", file=sys.stderr)
        return 2
    if not os.path.exists(args.bin):
        print(f"{args.bin}: no zonegraph binary (cargo build --release)", file=sys.stderr)
        return 2
    with open(args.sentences, encoding="utf-8") as f:
        sentences = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    table = divisions()
    zg = zonegraph_places(args.bin, sentences, table)
    cp = cpca_places(sentences)
    same = 0
    only_zg = only_cp = 0
    for s, (named, via_zone), c in zip(sentences, zg, cp):
        ours = named | via_zone
        if ours == c:
            same += 1
            status = "same"
        else:
            status = "DIFFERENT"
            only_zg += bool(ours - c)
            only_cp += bool(c - ours)
        print(f"[{status}] {s}")
        print(f"    zonegraph: {' '.join(sorted(named)) or '-'}" + (f" | via zone: {' '.join(sorted(via_zone))}" if via_zone else ""))
        print(f"    cpca:      {' '.join(sorted(c)) or '-'}")
        if ours != c:
            if ours - c:
                print(f"    only zonegraph: {' '.join(sorted(ours - c))}")
            if c - ours:
                print(f"    only cpca:      {' '.join(sorted(c - ours))}")
    print(
        f"\n{len(sentences)} sentences compared: {same} the same, {len(sentences) - same} different "
        f"({only_zg} with divisions only zonegraph found, {only_cp} with divisions only cpca found)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
