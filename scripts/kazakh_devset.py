#!/usr/bin/env python3
"""Draft candidates for tests/data/kazakh/devset.tsv from KazNERD.

Reads the KazNERD IOB2 token files (one "token TAG" per line), counts the
lower-cased word forms, and for each seed lemma below prints the attested forms
that begin with the lemma's stem (with к/қ/п voicing and vowel elision
allowed), as "word<TAB>lemma<TAB>count", sorted. The output is a draft: the
dev set is then curated by hand (wrong prefixes removed, unattested forms
from grammar added). Deterministic: same input, same output.

Usage: scripts/kazakh_devset.py [KAZNERD_DIR] [--entities N]
  --entities N  also list the N most frequent B-/I- tagged tokens (names).
"""
import collections
import pathlib
import sys

SEEDS = [
    # lemma, extra prefixes (alternations/elision)
    ("қазақстан", []), ("алматы", []), ("астана", []), ("ақтөбе", []),
    ("шымкент", []), ("атырау", []), ("қарағанды", []), ("павлодар", []),
    ("президент", []), ("облыс", []), ("аудан", []), ("қала", []),
    ("мектеп", []), ("кітап", ["кітаб"]), ("жүрек", ["жүрег"]),
    ("құлақ", ["құлағ"]), ("халық", ["халқ"]), ("нарық", ["нарқ"]),
    ("мұрын", ["мұрн"]), ("ерін", ["ерн"]), ("орын", ["орн"]), ("ауыз", ["ауз"]),
    ("ауыл", []), ("ел", []), ("жыл", []), ("үкімет", []), ("министр", []),
    ("министрлік", ["министрліг"]), ("әкім", []), ("әкімдік", ["әкімдіг"]),
    ("жарлық", ["жарлығ"]), ("заң", []), ("сайлау", []), ("жұмыс", []),
    ("бала", []), ("адам", []), ("тіл", []), ("мемлекет", []), ("республика", []),
    ("компания", []), ("тоқаев", []), ("назарбаев", []), ("ресей", []),
    ("қытай", []), ("америка", []), ("депутат", []), ("мәжіліс", []),
    ("сенат", []), ("парламент", []), ("университет", []), ("оқушы", []),
    ("мұғалім", []), ("дәрігер", []), ("аурухана", []), ("ақша", []),
    ("баға", []), ("бағдарлама", []), ("жоба", []), ("қаржы", []),
    ("тұрғын", []), ("жер", []), ("су", []), ("үй", []), ("көше", []),
    ("жол", []), ("ұлт", []), ("тарих", []), ("мәдениет", []), ("спорт", []),
    ("команда", []), ("ойыншы", []), ("жеңіс", []), ("сот", []), ("полиция", []),
    ("қылмыс", []), ("денсаулық", ["денсаулығ"]), ("білім", []), ("ғылым", []),
    ("бол", []), ("айт", []), ("кел", []), ("бер", []), ("өт", []),
    ("жаса", []), ("жүргіз", []), ("көрсет", []), ("мәлімде", []),
]


def read_tokens(directory):
    forms = collections.Counter()
    entities = collections.Counter()
    for name in ("IOB2_test.txt", "IOB2_valid.txt"):
        path = pathlib.Path(directory) / name
        with open(path, encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if len(parts) != 2 or not parts[0].isalpha():
                    continue
                word = parts[0].lower()
                forms[word] += 1
                if parts[1] != "O":
                    entities[word] += 1
    return forms, entities


def main(argv):
    directory = "/work/shared/corpus/raw/kaznerd/KazNERD"
    n_entities = 0
    args = list(argv[1:])
    if "--entities" in args:
        i = args.index("--entities")
        n_entities = int(args[i + 1])
        del args[i:i + 2]
    if args:
        directory = args[0]
    forms, entities = read_tokens(directory)
    for lemma, extra in SEEDS:
        prefixes = [lemma] + extra
        if len(lemma) <= 3:  # short roots: only the root plus at most 7 letters
            pass
        hits = sorted(
            (w for w in forms
             if any(w.startswith(p) for p in prefixes) and len(w) <= len(lemma) + 9),
            key=lambda w: (-forms[w], w))
        for word in hits[:40]:
            print(f"{word}\t{lemma}\t{forms[word]}")
    if n_entities:
        print("# most frequent entity tokens")
        for word, count in sorted(entities.items(), key=lambda kv: (-kv[1], kv[0]))[:n_entities]:
            print(f"{word}\t-\t{count}")


if __name__ == "__main__":
    main(sys.argv)
