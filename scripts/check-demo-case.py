#!/usr/bin/env python3
# SPDX-FileCopyrightText: Casegraph developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Validate resources/demo/demo-case.json against resources/schema/schemata.json.

Usage: scripts/check-demo-case.py [demo-case.json [schemata.json]]

Checks (every problem is printed with the key of the source/entity it belongs to;
the exit status is 1 if there is any problem):
  - file format: formatVersion, caseTitle, sources, entities; keys kebab-case and unique
  - sources: the article file exists next to the case file (articles/<file>)
  - every schema exists and is not abstract
  - every property exists on the schema (following "extends"), values are lists of strings
  - date values are YYYY, YYYY-MM or YYYY-MM-DD (and a valid calendar date)
  - number values parse as plain decimal numbers; country values are lowercase alpha-2
  - entity-typed values are "@key" references that resolve (and fit the property's range);
    non-entity values do not look like references
  - claims: source is a source key; start/end are code-point offsets with
    text[start:end] == quote; stance is supports/contradicts; property/value, when given,
    name a property of the entity and one of its values
  - every entity of an edge schema, and every entity with a date-typed value, has at least
    one claim, and every date value has a claim with that property and value
Any other entity without a claim is reported as a warning (not an error).
"""
import datetime
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, ".."))
DEFAULT_CASE = os.path.join(ROOT, "resources", "demo", "demo-case.json")
DEFAULT_SCHEMA = os.path.join(ROOT, "resources", "schema", "schemata.json")

KEY_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
NUMBER_RE = re.compile(r"^-?\d+(?:\.\d+)?$")
COUNTRY_RE = re.compile(r"^[a-z]{2}$")
STANCES = {"supports", "contradicts"}


class Schemata:
    def __init__(self, path):
        with open(path, encoding="utf-8") as fh:
            self.schemata = json.load(fh)["schemata"]
        self._props = {}

    def exists(self, name):
        return name in self.schemata

    def abstract(self, name):
        return bool(self.schemata[name].get("abstract"))

    def ancestors(self, name, seen=None):
        """name and every schema it extends, transitively."""
        seen = set() if seen is None else seen
        if name in seen or name not in self.schemata:
            return seen
        seen.add(name)
        for parent in self.schemata[name].get("extends", []):
            self.ancestors(parent, seen)
        return seen

    def is_a(self, name, other):
        return other in self.ancestors(name)

    def properties(self, name):
        if name not in self._props:
            props = {}
            # Parents first so that a schema's own definition wins.
            order = []

            def walk(n, seen):
                if n in seen or n not in self.schemata:
                    return
                seen.add(n)
                for p in self.schemata[n].get("extends", []):
                    walk(p, seen)
                order.append(n)

            walk(name, set())
            for n in order:
                props.update(self.schemata[n].get("properties", {}))
            self._props[name] = props
        return self._props[name]

    def is_edge(self, name):
        return any(self.schemata[n].get("edge") for n in self.ancestors(name))


def valid_date(value):
    m = DATE_RE.match(value)
    if not m:
        return False
    year, month, day = m.group(1), m.group(2), m.group(3)
    try:
        datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return False
    return True


def main(argv):
    case_path = argv[1] if len(argv) > 1 else DEFAULT_CASE
    schema_path = argv[2] if len(argv) > 2 else DEFAULT_SCHEMA
    problems = []
    warnings = []

    def problem(key, msg):
        problems.append(f"{key}: {msg}")

    def warn(key, msg):
        warnings.append(f"{key}: {msg}")

    schemata = Schemata(schema_path)
    with open(case_path, encoding="utf-8") as fh:
        case = json.load(fh)

    if case.get("formatVersion") != 1:
        problem("<case>", f"formatVersion must be 1, got {case.get('formatVersion')!r}")
    if not isinstance(case.get("caseTitle"), str) or not case.get("caseTitle"):
        problem("<case>", "caseTitle missing")
    sources = case.get("sources")
    entities = case.get("entities")
    if not isinstance(sources, list) or not isinstance(entities, list):
        problem("<case>", "sources and entities must be lists")
        sources = sources if isinstance(sources, list) else []
        entities = entities if isinstance(entities, list) else []

    articles_dir = os.path.join(os.path.dirname(os.path.abspath(case_path)), "articles")
    texts = {}
    records = []  # (kind, record)
    by_key = {}
    for kind, items in (("source", sources), ("entity", entities)):
        for rec in items:
            key = rec.get("key") if isinstance(rec, dict) else None
            if not isinstance(key, str) or not key:
                problem("<case>", f"{kind} without a key: {str(rec)[:80]}")
                continue
            if not KEY_RE.match(key):
                problem(key, "key is not kebab-case")
            if key in by_key:
                problem(key, "duplicate key")
                continue
            by_key[key] = rec
            records.append((kind, rec))

    for kind, rec in records:
        if kind != "source":
            continue
        key = rec["key"]
        fn = rec.get("file")
        if not isinstance(fn, str) or not fn:
            problem(key, "source without a file")
            continue
        path = os.path.join(articles_dir, fn)
        try:
            with open(path, encoding="utf-8", newline="") as fh:
                texts[key] = fh.read()
        except OSError as exc:
            problem(key, f"cannot read article {path}: {exc}")

    source_keys = {rec["key"] for kind, rec in records if kind == "source"}
    for kind, rec in records:
        key = rec["key"]
        schema = rec.get("schema")
        if not isinstance(schema, str) or not schemata.exists(schema):
            problem(key, f"unknown schema {schema!r}")
            continue
        if schemata.abstract(schema):
            problem(key, f"schema {schema} is abstract")
        if kind == "source" and not schemata.is_a(schema, "Document"):
            problem(key, f"source schema {schema} is not a Document")
        props_def = schemata.properties(schema)
        props = rec.get("properties")
        if not isinstance(props, dict):
            problem(key, "properties must be an object")
            props = {}

        date_values = []  # (prop, value)
        for prop, values in props.items():
            pdef = props_def.get(prop)
            if pdef is None:
                problem(key, f"property {prop!r} does not exist on {schema}")
                continue
            if not isinstance(values, list) or not values:
                problem(key, f"property {prop!r} must be a non-empty list")
                continue
            ptype = pdef.get("type")
            for v in values:
                if not isinstance(v, str) or not v.strip():
                    problem(key, f"property {prop!r}: values must be non-empty strings, got {v!r}")
                    continue
                if ptype == "entity":
                    if not v.startswith("@"):
                        problem(key, f"property {prop!r}: entity value {v!r} is not an @key reference")
                        continue
                    target = by_key.get(v[1:])
                    if target is None:
                        problem(key, f"property {prop!r}: reference {v!r} does not resolve")
                        continue
                    rng = pdef.get("range")
                    tschema = target.get("schema")
                    if rng and schemata.exists(tschema or "") and not schemata.is_a(tschema, rng):
                        problem(key, f"property {prop!r}: {v} is a {tschema}, expected {rng}")
                elif v.startswith("@"):
                    problem(key, f"property {prop!r} ({ptype}) holds what looks like a reference: {v!r}")
                if ptype == "date":
                    if not valid_date(v):
                        problem(key, f"property {prop!r}: {v!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
                    date_values.append((prop, v))
                elif ptype == "number":
                    if not NUMBER_RE.match(v):
                        problem(key, f"property {prop!r}: {v!r} is not a plain decimal number")
                elif ptype == "country":
                    if not COUNTRY_RE.match(v):
                        problem(key, f"property {prop!r}: {v!r} is not a lowercase alpha-2 country code")

        claims = rec.get("claims", [])
        if not isinstance(claims, list):
            problem(key, "claims must be a list")
            claims = []
        claimed = set()
        for i, c in enumerate(claims):
            where = f"claim {i}"
            if not isinstance(c, dict):
                problem(key, f"{where}: not an object")
                continue
            src = c.get("source")
            if src not in source_keys:
                problem(key, f"{where}: source {src!r} is not a source key")
                continue
            if src not in texts:
                continue  # unreadable article, already reported
            text = texts[src]
            start, end, quote = c.get("start"), c.get("end"), c.get("quote")
            if not (isinstance(start, int) and isinstance(end, int) and not isinstance(start, bool)
                    and not isinstance(end, bool)):
                problem(key, f"{where}: start/end must be integers")
            elif not (0 <= start < end <= len(text)):
                problem(key, f"{where}: bad offsets {start}..{end} (text has {len(text)} code points)")
            elif not isinstance(quote, str) or text[start:end] != quote:
                problem(key, f"{where}: quote does not match {src}[{start}:{end}] = {text[start:end][:60]!r}")
            if c.get("stance") not in STANCES:
                problem(key, f"{where}: stance must be supports or contradicts, got {c.get('stance')!r}")
            has_p, has_v = "property" in c, "value" in c
            if has_p != has_v:
                problem(key, f"{where}: property and value must be given together")
            elif has_p:
                p, v = c["property"], c["value"]
                if p not in props_def:
                    problem(key, f"{where}: property {p!r} does not exist on {schema}")
                elif v not in props.get(p, []):
                    problem(key, f"{where}: value {v!r} is not among the entity's {p!r} values")
                else:
                    claimed.add((p, v))

        if schemata.is_edge(schema) and not claims:
            problem(key, f"{schema} is an edge schema but has no claim")
        if date_values and not claims:
            problem(key, "has date values but no claim")
        for p, v in date_values:
            if (p, v) not in claimed:
                problem(key, f"date {p}={v!r} has no claim with that property and value")
        if not claims and kind == "entity" and not schemata.is_edge(schema) and not date_values:
            warn(key, "no claim")

    for w in warnings:
        print("warning:", w)
    for p in problems:
        print("error:", p)
    if problems:
        print(f"{len(problems)} problem(s) in {case_path}")
        return 1
    print(f"OK: {len(sources)} sources, {len(entities)} entities, "
          f"{sum(len(r.get('claims', [])) for _, r in records)} claims, {len(warnings)} warning(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
