#!/usr/bin/env python3
"""check-list.py JSON REPO DIR: validate `adr-log list --format json` against
the repository independently: schema adr-log/1, field types, statuses from
the SPEC vocabulary, and every ADR-named file (a plain regex over `git
ls-tree`, not adr-log's code) present exactly once."""
import json
import re
import subprocess
import sys

STATUSES = {None, "unknown", "draft", "proposed", "pending", "accepted",
            "implemented", "rejected", "deprecated", "superseded", "amended",
            "withdrawn"}
doc = json.load(open(sys.argv[1], encoding="utf-8"))
repo, folder = sys.argv[2], sys.argv[3]
assert doc["schema"] == "adr-log/1", doc["schema"]
assert re.fullmatch(r"[0-9a-f]{40}", doc["head"]), doc["head"]
assert doc["truncated"] is False
for key in ("adrs", "events", "unknown_references"):
    assert isinstance(doc[key], list), key
paths = {}
for a in doc["adrs"]:
    for k in ("id", "path", "title"):
        assert isinstance(a[k], str) and a[k], (k, a)
    assert a["status"] in STATUSES, a
    assert (a["status"] is None) == (a["status_raw"] is None), a
    assert a["history"] == [] and a["references"] == [] and a["edits"] == [], a
    assert a["path"] not in paths, "listed twice: " + a["path"]
    paths[a["path"]] = a

if folder == "-":
    folder = subprocess.run(["git", "-C", repo, "show", "HEAD:.adr-dir"],
                            capture_output=True, text=True).stdout.strip()
folder = "" if folder == "." else folder.strip("./") if folder.startswith("./") else folder
files = subprocess.run(["git", "-C", repo, "ls-tree", "-r", "--name-only", "HEAD",
                        "--", folder or "."], capture_output=True, text=True,
                       check=True).stdout.split("\n")
name_id = re.compile(r"^(?:adr[-_]?)?\d+(?:[-_.]|$)", re.I)
excluded = re.compile(r"^(readme|index|template)\.|^_|^0000-template", re.I)
missing = []
for f in files:
    base = f.rsplit("/", 1)[-1]
    if not re.search(r"\.(md|markdown|rst)$", base) or excluded.search(base):
        continue
    stem = re.sub(r"\.(md|markdown|rst)$", "", base)
    if name_id.match(stem) and f not in paths:
        missing.append(f)
assert not missing, "numbered files not listed: %s" % missing[:10]
print("%s: %d ADRs ok" % (repo, len(doc["adrs"])))
