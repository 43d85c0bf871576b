#!/usr/bin/env python3
"""izdeu as one more engine of ../shared/bench/peers: builds the index with
izdeu-indexer and times in-process searches with izdeu_search_bench, under the
peers' protocol (common.py: build time = the whole load + index step; one
untimed warm-up pass, then timed passes of one query at a time; sizes are
allocated disk blocks). Prints one JSON line in the peers' results format.

    izdeu_adapter.py CORPUS.jsonl QUERIES.txt WORKDIR [--bin DIR] [--indexer-args "..."]

Rows: "izdeu (all)" -- every query word required, as sqlite/postgres/sphinx
run -- and the variant "izdeu (auto)", the API's default match mode, on the
same index. index_bytes = everything but the stored documents
(docdata.glass), as the peers' Xapian adapter counts; total_bytes = the
whole index directory. Env BENCH_TIMED_PASSES=R repeats the timed pass.
Python 3 standard library only.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time


def dir_bytes(path, skip=()):
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            if name in skip:
                continue
            try:
                total += os.lstat(os.path.join(root, name)).st_blocks * 512
            except FileNotFoundError:
                pass
    return total


def search(binary, index, queries, out, match):
    passes = os.environ.get("BENCH_TIMED_PASSES", "1")
    run = subprocess.run([binary, "--index", index, "--queries", queries, "--out", out,
                          "--match", match, "--passes", passes],
                         check=True, capture_output=True, text=True)
    return json.loads(run.stdout.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("queries")
    ap.add_argument("workdir")
    ap.add_argument("--bin", default=os.path.join(os.path.dirname(__file__), "..", "..", "build", "release"))
    ap.add_argument("--indexer-args", default="")
    a = ap.parse_args()
    indexer = os.path.join(a.bin, "indexer", "izdeu-indexer")
    searcher = os.path.join(a.bin, "tests", "bench", "izdeu_search_bench")
    os.makedirs(a.workdir, exist_ok=True)
    index = os.path.join(a.workdir, "index")
    shutil.rmtree(index, ignore_errors=True)
    loadavg_start = [round(x, 2) for x in os.getloadavg()]

    time_file = os.path.join(a.workdir, "time.txt")
    started = time.perf_counter()
    build = subprocess.run(["/usr/bin/time", "-v", "-o", time_file, indexer, "--quiet", "--index", index,
                            *a.indexer_args.split(), a.corpus], capture_output=True, text=True)
    build_s = time.perf_counter() - started
    if build.returncode != 0:
        sys.exit(f"izdeu-indexer failed ({build.returncode}): {build.stderr or build.stdout}")
    print(build.stdout, file=sys.stderr, end="")
    with open(time_file) as f:
        rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", f.read()).group(1))
    docs = int(re.search(r"holds (\d+) articles", build.stdout).group(1))
    merged = re.search(r"merged in ([0-9.]+) s", build.stdout)

    result = {
        "engine": "izdeu (all)",
        "version": subprocess.run(["git", "describe", "--always", "--dirty"], capture_output=True, text=True,
                                  cwd=os.path.dirname(os.path.abspath(__file__))).stdout.strip() or "-",
        "docs": docs,
        "build_s": round(build_s, 2),
        "build_detail": {"indexer_output": build.stdout.strip().splitlines(), "peak_rss_mb": round(rss_kb / 1024),
                         "merge_s": float(merged.group(1)) if merged else None},
        "index_bytes": dir_bytes(index, skip=("docdata.glass",)),
        "total_bytes": dir_bytes(index),
        "size_detail": {name: dir_bytes(os.path.join(index, name)) if os.path.isdir(os.path.join(index, name))
                        else os.lstat(os.path.join(index, name)).st_blocks * 512
                        for name in sorted(os.listdir(index))},
        "settings": {"indexer_args": a.indexer_args, "search": "corpus::Searcher in process, top 10 with "
                     "snippets, no facets"},
        "loadavg_start": loadavg_start,
    }
    result.update(search(searcher, index, a.queries, os.path.join(a.workdir, "match_all"), "all"))
    auto = search(searcher, index, a.queries, os.path.join(a.workdir, "match_auto"), "auto")
    result["variants"] = [dict(auto, engine="izdeu (auto)")]
    result["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(result, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
