#!/usr/bin/env python3
# SPDX-FileCopyrightText: Casegraph developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Regenerate resources/schema/schemata.json from FollowTheMoney's schema YAML.

Usage: scripts/gen-schemata.py ../shared/testdata/ftm/schema > resources/schema/schemata.json

Only the facts that define the interchange format are carried over (schema and property
names, types, ranges, inheritance, edge ends); Casegraph's own extensions (Supply) are
added from resources/schema/extensions.json.
"""
import json
import os
import sys

import yaml


def main(folder: str, extensions: str) -> None:
    out = {}
    for fn in sorted(os.listdir(folder)):
        if not fn.endswith((".yaml", ".yml")):
            continue
        with open(os.path.join(folder, fn), encoding="utf-8") as fh:
            doc = yaml.safe_load(fh)
        for name, body in doc.items():
            body = body or {}
            props = {}
            for pname, p in (body.get("properties") or {}).items():
                p = p or {}
                entry = {"label": p.get("label", pname), "type": p.get("type", "string")}
                if p.get("range"):
                    entry["range"] = p["range"]
                if p.get("reverse"):
                    entry["reverse"] = p["reverse"].get("name")
                if p.get("hidden"):
                    entry["hidden"] = True
                props[pname] = entry
            schema = {
                "label": body.get("label", name),
                "plural": body.get("plural", body.get("label", name)),
                "extends": body.get("extends", []),
                "abstract": bool(body.get("abstract", False)),
                "matchable": bool(body.get("matchable", False)),
                "featured": body.get("featured", []),
                "caption": body.get("caption", []),
                "properties": props,
            }
            edge = body.get("edge")
            if edge:
                schema["edge"] = {k: edge[k] for k in ("source", "target", "label", "directed") if k in edge}
            out[name] = schema
    with open(extensions, encoding="utf-8") as fh:
        out.update(json.load(fh))
    json.dump({"version": "ftm-c70a89f+casegraph-1", "schemata": out}, sys.stdout, indent=1, ensure_ascii=False, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    main(sys.argv[1], os.path.join(here, "..", "resources", "schema", "extensions.json"))
