#!/usr/bin/env python3
"""izdeu's ratio to each peer engine, from a peers results.jsonl that also
holds the izdeu rows (scripts/bench/peers writes it).

    ratios.py RESULTS.jsonl

Ratio = izdeu / peer: below 1 izdeu is faster (time, latency) or smaller
(size). "izdeu (all)" is compared with each engine's own AND row (xapian:
its "xapian (AND)" variant); sizes are compared as each engine's total on
disk (every engine's index plus what it stores for the corpus).
"""
import json
import sys


def rows(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                out.append(r)
                for v in r.get("variants", []):
                    out.append(dict({k: r.get(k) for k in ("docs", "build_s", "index_bytes", "total_bytes")}, **v))
    return out


def main():
    all_rows = [r for r in rows(sys.argv[1]) if "error" not in r]
    izdeu = next((r for r in all_rows if r["engine"] == "izdeu (all)"), None)
    if izdeu is None:
        sys.exit("no izdeu (all) row")
    peers = [r for r in all_rows if not r["engine"].startswith("izdeu") and r["engine"] != "xapian (OR)"]
    print("| izdeu (all) ÷ | build time | total size | index size | p50 | p99 |")
    print("|---|--:|--:|--:|--:|--:|")
    for p in peers:
        def ratio(key):
            a, b = izdeu.get(key), p.get(key)
            return f"{a / b:.2f}" if isinstance(a, (int, float)) and isinstance(b, (int, float)) and b else "-"
        print(f"| {p['engine']} | {ratio('build_s')} | {ratio('total_bytes')} | {ratio('index_bytes')} "
              f"| {ratio('p50_ms')} | {ratio('p99_ms')} |")


if __name__ == "__main__":
    main()
