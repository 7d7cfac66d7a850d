#!/usr/bin/env python3
# SPDX-FileCopyrightText: Casegraph developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""csvgen.py N OUT.csv OUT.ftm.json [SEED]: N synthetic entities as one CSV in the shape
`casegraph-cli export --format csv` writes (id, schema, then property columns; cells a row's
schema lacks stay empty), and the same entities as FtM JSON lines for `casegraph-bench raw`.
The mix resembles an ownership register: 40 % companies, 30 % people, 30 % ownerships between
entities written earlier (so no reference dangles). Deterministic for a given seed."""
import csv
import hashlib
import json
import random
import sys

SYLLABLES = "an bel cor dan el fin gar hol in jon kar lum mor nor ost pra quin ros sun tor ul ver win shen hua jin".split()
FORMS = ["Ltd", "LLC", "GmbH", "Holdings", "Group", "Trading", "SA"]
FIRST = ["Wei", "Li", "Anna", "John", "Maria", "Omer", "Sophie", "Marc", "Elena", "Ivan", "Aylin"]
COUNTRIES = ["cn", "us", "gb", "de", "fr", "ru", "ae", "hk", "sg", "cy", "nl", "ch"]
COLUMNS = ["id", "schema", "name", "country", "incorporationDate", "registrationNumber", "birthDate",
           "owner", "asset", "percentage", "startDate"]


def word(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def date(rng):
    return "%04d-%02d-%02d" % (rng.randint(1950, 2023), rng.randint(1, 12), rng.randint(1, 28))


def main():
    n = int(sys.argv[1])
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 7)
    parties = []
    with open(sys.argv[2], "w", newline="", encoding="utf-8") as c, open(sys.argv[3], "w", encoding="utf-8") as f:
        out = csv.writer(c, lineterminator="\r\n")
        out.writerow(COLUMNS)
        for i in range(n):
            eid = hashlib.sha1(b"bench-%d" % i).hexdigest()
            roll = rng.random()
            if roll < 0.3 and len(parties) > 2:
                props = {"owner": rng.choice(parties), "asset": rng.choice(parties),
                         "percentage": str(rng.randint(1, 100)), "startDate": date(rng)}
                schema = "Ownership"
            elif roll < 0.6:
                props = {"name": rng.choice(FIRST) + " " + word(rng), "country": rng.choice(COUNTRIES),
                         "birthDate": date(rng)[:4]}
                schema = "Person"
                parties.append(eid)
            else:
                props = {"name": word(rng) + " " + word(rng) + " " + rng.choice(FORMS), "country": rng.choice(COUNTRIES),
                         "incorporationDate": date(rng), "registrationNumber": "%08d" % rng.randint(0, 99999999)}
                schema = "Company"
                parties.append(eid)
            out.writerow([eid, schema] + [props.get(col, "") for col in COLUMNS[2:]])
            f.write(json.dumps({"id": eid, "schema": schema, "properties": {k: [v] for k, v in props.items()}},
                               ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
