#!/usr/bin/env python3
# SPDX-FileCopyrightText: Casegraph developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a synthetic OCDS 1.1 release package of about the given size, for the OCDS import
memory and speed measurement (bench/ocdsmem.sh). Deterministic: the same size gives the same
file. Parties are drawn from a pool, so the same party recurs across releases and merges.

    python3 bench/ocdsgen.py OUT.json [--mb 100] [--pretty]
"""
import argparse
import json
import random


def release(rng, n, parties):
    ocid = "ocds-b3nch0-%07d" % n
    buyer = rng.choice(parties[:500])
    bidders = rng.sample(parties[500:], 4)
    winner = bidders[0]
    amount = round(rng.uniform(1_000, 5_000_000), 2)
    return {
        "ocid": ocid,
        "id": "%s-%d" % (ocid, 1),
        "date": "2019-%02d-%02dT%02d:00:00+02:00" % (rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23)),
        "tag": ["award", "contract"],
        "initiationType": "tender",
        "language": "en",
        "parties": [
            {
                "id": p["id"],
                "name": p["name"],
                "identifier": {"scheme": "XX-BENCH", "id": p["id"][9:], "legalName": p["name"]},
                "address": {"streetAddress": "%d Example Street" % rng.randint(1, 999),
                            "locality": "Sample City", "postalCode": "%05d" % rng.randint(0, 99999),
                            "countryName": "Netherlands"},
                "contactPoint": {"email": "office@%s.example" % p["id"].lower(), "telephone": "+31 20 000 0000"},
                "roles": roles,
            }
            for p, roles in [(buyer, ["buyer", "procuringEntity"])] + [(b, ["tenderer"]) for b in bidders[1:]]
            + [(winner, ["tenderer", "supplier"])]
        ],
        "buyer": {"id": buyer["id"], "name": buyer["name"]},
        "tender": {
            "id": "%s-tender" % ocid,
            "title": "Supply of example goods, lot %d" % n,
            "description": "Synthetic tender %d for the import benchmark. " % n + "Lorem ipsum dolor sit amet. " * 8,
            "status": "complete",
            "value": {"amount": amount * 1.1, "currency": "EUR"},
            "procurementMethod": "open",
            "procurementMethodDetails": "Open procedure",
            "mainProcurementCategory": "goods",
            "tenderPeriod": {"startDate": "2019-01-01T09:00:00Z", "endDate": "2019-02-01T09:00:00Z"},
            "tenderers": [{"id": b["id"], "name": b["name"]} for b in bidders],
            "items": [{"id": str(i), "description": "Item %d" % i,
                       "classification": {"scheme": "CPV", "id": "%08d" % rng.randint(0, 99999999)}}
                      for i in range(3)],
        },
        "awards": [{
            "id": "%s-award-1" % ocid,
            "title": "Award of lot %d" % n,
            "status": "active",
            "date": "2019-03-01T10:30:00.000Z",
            "value": {"amount": amount, "currency": "EUR"},
            "suppliers": [{"id": winner["id"], "name": winner["name"]}],
            "contractPeriod": {"startDate": "2019-04-01", "endDate": "2020-03-31"},
        }],
        "contracts": [{
            "id": "%s-contract-1" % ocid,
            "awardID": "%s-award-1" % ocid,
            "title": "Contract for lot %d" % n,
            "status": "active",
            "value": {"amount": amount, "currency": "EUR"},
            "dateSigned": "2019-03-15T12:00:00Z",
        }],
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--mb", type=float, default=100)
    ap.add_argument("--pretty", action="store_true")
    args = ap.parse_args()
    rng = random.Random(20240501)
    parties = [{"id": "XX-BENCH-%06d" % i, "name": "Example Party %d B.V." % i} for i in range(20_000)]
    limit = int(args.mb * 1024 * 1024)
    indent = 1 if args.pretty else None
    written = 0
    n = 0
    with open(args.out, "w", encoding="utf-8") as f:
        head = '{"uri":"https://example.org/bench.json","version":"1.1","publishedDate":"2024-05-01T00:00:00Z",' \
               '"publisher":{"name":"Casegraph benchmark"},"releases":[\n'
        f.write(head)
        written += len(head)
        while written < limit:
            text = ("," if n else "") + json.dumps(release(rng, n, parties), indent=indent, ensure_ascii=False) + "\n"
            f.write(text)
            written += len(text.encode("utf-8"))
            n += 1
        f.write("]}\n")
    print("%s: %d releases, %.1f MB" % (args.out, n, written / 1024 / 1024))


if __name__ == "__main__":
    main()
