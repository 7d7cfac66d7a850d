#!/usr/bin/env python3
# SPDX-FileCopyrightText: Casegraph developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Feeds mutated copies of real public files to `casegraph-cli import` and reports every run that
crashed, hung, took over 20 s or failed without saying why.

Seeds: the small files under ../shared/testdata and tests/fixtures. Mutations: byte flips, cuts,
repeated or spliced pieces, deep nesting, XML entities, long lines, and (for JSON and JSON lines)
values swapped for odd ones (huge numbers, empty strings, wrong types, bad dates). A third of the
runs are --lenient, a third force a --format. Each run imports into a fresh copy of the demo case.

    scripts/fuzz-import.py [--cli build/bin/casegraph-cli] [--runs 2000] [--seed 1] [--out DIR]
                           [--command import|list-load|csv]

`--command list-load` loads the mutants as sanctions list versions (`casegraph-cli list-load`)
instead, from the sanctions samples only; `--command csv` imports mutated CSV fixtures with the
fixtures' column mapping (itself mutated in a third of the runs).

Inputs that misbehaved are kept in DIR (default /tmp/casegraph-fuzz/found) for a test case.
"""
import argparse
import glob
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FORMATS = ['ftm', 'ocds', 'bods', 'csl', 'gexf', 'graphml', 'html', 'pdf', 'text', 'csv']
ODD = [None, True, False, 0, -1, 1e308, -1e308, 2 ** 70, "", " ", "x" * 100000, "\u202e\u0000",
       "2019-13-45", "9999-99", "0000-00-00", "-0-", [], {}, [[[[[]]]]], {"a": {"b": {}}},
       "\U0001F600" * 50, "1/2/3", "NaN", "Infinity", "==cmd", "../../etc/passwd", 3.5, "100%",
       "-5", "1e999"]


def seeds(sanctions_only=False):
    found = []
    for pattern in [os.path.join(ROOT, '..', 'shared', 'testdata', '**', '*'),
                    os.path.join(ROOT, 'tests', 'fixtures', '**', '*')]:
        for f in glob.glob(pattern, recursive=True):
            if (os.path.isfile(f) and os.path.getsize(f) < 300_000 and '/schema/' not in f
                    and not f.endswith(('.md', '.yaml', '.yml'))
                    and (not sanctions_only or '/sanctions/' in f or 'sanction' in os.path.basename(f).lower())):
                found.append(f)
    return sorted(found)


def odd_json(value):
    if isinstance(value, dict):
        keys = list(value)
        if keys and random.random() < 0.15:
            value[random.choice(keys)] = random.choice(ODD)
        if keys and random.random() < 0.1:
            del value[random.choice(keys)]
        for k in list(value)[:50]:
            if random.random() < 0.2:
                value[k] = odd_json(value[k])
        return value
    if isinstance(value, list):
        if value and random.random() < 0.2:
            value.append(random.choice(value))
        if random.random() < 0.1:
            value.insert(0, random.choice(ODD))
        return [odd_json(x) if random.random() < 0.3 else x for x in value]
    return random.choice(ODD) if random.random() < 0.2 else value


def mutate_json(data, ext):
    try:
        text = data.decode('utf-8')
    except UnicodeDecodeError:
        return None
    if ext == '.json':
        try:
            return json.dumps(odd_json(json.loads(text)), ensure_ascii=random.random() < 0.5).encode()
        except ValueError:
            pass
    lines, changed = [], False
    for line in text.split('\n'):
        try:
            value = json.loads(line)
        except ValueError:
            lines.append(line)
            continue
        if random.random() < 0.3:
            value, changed = odd_json(value), True
        lines.append(json.dumps(value, ensure_ascii=False))
    return '\n'.join(lines).encode() if changed else None


def mutate_bytes(data, corpus):
    data = bytearray(data) or bytearray(b'{')
    n = len(data)
    i = random.randrange(n)
    kind = random.randrange(9)
    if kind == 0:
        for _ in range(random.randint(1, 20)):
            data[random.randrange(n)] = random.randrange(256)
    elif kind == 1:
        del data[i:]
    elif kind == 2:
        del data[i:i + random.randint(1, 2000)]
    elif kind == 3:
        data[i:i] = data[i:i + random.randint(1, 500)] * random.randint(2, 50)
    elif kind == 4:
        piece = random.choice([b'[', b'{"a":', b'<a>', b'"', b'\\', b'\x00', b'\xff\xfe', b'\r\n', b'&lt;',
                               b'<!DOCTYPE x [<!ENTITY a "aaaa">]>', b'&a;'])
        data[i:i] = piece * random.randint(1, 20000)
    elif kind == 5:
        other = open(random.choice(corpus), 'rb').read()
        data = data[:i] + bytearray(other[random.randrange(len(other) + 1):])
    elif kind == 6:
        data[i:i] = os.urandom(random.randint(1, 3000))
    elif kind == 7:
        data[i:i] = random.choice([b'-1', b'1e999', b'99999999999999999999999', b'null', b'""', b'[]', b'NaN'])
    else:
        data[i:i] = b'x' * random.randint(100_000, 3_000_000)
    return bytes(data)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--cli', default=os.path.join(ROOT, 'build', 'bin', 'casegraph-cli'))
    parser.add_argument('--runs', type=int, default=2000)
    parser.add_argument('--seed', type=int, default=1)
    parser.add_argument('--out', default='/tmp/casegraph-fuzz')
    parser.add_argument('--command', choices=['import', 'list-load', 'csv'], default='import')
    args = parser.parse_args()
    random.seed(args.seed)
    csv_dir = os.path.join(ROOT, 'tests', 'fixtures', 'csv')
    mapping = os.path.join(csv_dir, 'owners.mapping.json')
    if args.command == 'csv':
        # Mostly the file the mapping is for, so that most runs get past the header.
        corpus = [os.path.join(csv_dir, 'owners.csv')] * 6 + sorted(glob.glob(os.path.join(csv_dir, '*.csv')))
    else:
        corpus = seeds(args.command == 'list-load')
    if not corpus:
        sys.exit('no seed files: ../shared/testdata and tests/fixtures are missing')
    found_dir = os.path.join(args.out, 'found')
    os.makedirs(found_dir, exist_ok=True)
    # A copy of the program, so that a rebuild during the run does not pull it away.
    cli = os.path.join(args.out, 'casegraph-cli')
    shutil.copy(args.cli, cli)
    base = os.path.join(args.out, 'demo.casegraph')
    if not os.path.exists(base):
        subprocess.run([cli, 'demo', base], check=True, capture_output=True)
    outcomes, bad = {}, 0
    for run in range(args.runs):
        seed = random.choice(corpus)
        ext = os.path.splitext(seed)[1] or '.txt'
        data = open(seed, 'rb').read()
        smart = mutate_json(data, ext) if random.random() < 0.6 else None
        if smart is not None:
            data = smart
        else:
            for _ in range(random.randint(1, 3)):
                data = mutate_bytes(data, corpus)
        given = os.path.join(args.out, 'input' + ext)
        open(given, 'wb').write(data)
        case = os.path.join(args.out, 'case.casegraph')
        for suffix in ['', '-wal', '-shm']:
            if os.path.exists(case + suffix):
                os.remove(case + suffix)
        shutil.copy(base, case)
        command = [cli, 'import' if args.command == 'csv' else args.command, case, given]
        if args.command == 'csv':
            used = mapping
            if random.random() < 0.3:
                used = os.path.join(args.out, 'mapping.json')
                with open(mapping, 'rb') as source:
                    odd = mutate_json(source.read(), '.json')
                open(used, 'wb').write(odd if odd is not None else b'{')
            command += ['--format', 'csv', '--mapping', used]
        if args.command == 'import' and random.random() < 0.3:
            command.append('--lenient')
        if args.command == 'import' and random.random() < 0.3:
            command += ['--format', random.choice(FORMATS)]
        started = time.time()
        try:
            done = subprocess.run(command, capture_output=True, timeout=60)
            code, err = done.returncode, done.stderr.decode('utf-8', 'replace')
        except subprocess.TimeoutExpired:
            code, err = 'timeout', ''
        seconds = time.time() - started
        outcomes[str(code)] = outcomes.get(str(code), 0) + 1
        crashed = code == 'timeout' or code < 0 or code >= 128
        if crashed or seconds > 20 or (code != 0 and not err.strip()):
            bad += 1
            kept = os.path.join(found_dir, hashlib.sha1(data).hexdigest()[:12] + ext)
            open(kept, 'wb').write(data)
            print(f'BAD exit {code} after {seconds:.1f} s from {seed}: {kept}\n    {err.strip()[-300:]}', flush=True)
        if run % 100 == 0:
            print(f'{run} runs, exit codes {outcomes}', flush=True)
    print(f'{args.runs} runs, exit codes {outcomes}, {bad} misbehaved')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
