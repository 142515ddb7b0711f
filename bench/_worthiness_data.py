"""The labelled check-worthiness data, read and split the same way by every script.

ClaimBuster (two-class train release): sentences whose id is a multiple of 5 are held out.
CheckThat! 2019 Task 1 (training transcripts): every third transcript in name order, from
the third on, is held out (6 of 19: debates, speeches and a press conference).  The
held-out parts are for `make bench` only; the shipped weights are trained on everything.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _data_dir() -> Path:
    if os.environ.get("CHECKWORTHINESS_DATA"):
        return Path(os.environ["CHECKWORTHINESS_DATA"])
    # shared/ lies beside the checkout (or beside the folder of work trees)
    for base in ROOT.parents:
        if (base / "shared" / "data" / "checkworthiness").is_dir():
            return base / "shared" / "data" / "checkworthiness"
    return ROOT.parent / "shared" / "data" / "checkworthiness"


DATA = _data_dir()


def claimbuster() -> list[dict]:
    """[{"id", "text", "label", "heldout"}] in sentence-id order."""
    rows = json.loads((DATA / "claimbuster" / "train.json").read_text(encoding="utf-8"))
    rows.sort(key=lambda r: r["sentence_id"])
    return [{"id": r["sentence_id"], "text": r["text"], "label": int(r["label"]),
             "heldout": r["sentence_id"] % 5 == 0} for r in rows]


def checkthat() -> dict[str, list[dict]]:
    """{transcript: [{"line", "speaker", "text", "label", "heldout"}]}, names sorted."""
    out: dict[str, list[dict]] = {}
    files = sorted((DATA / "ct2019_task1").glob("*.tsv"))
    for i, path in enumerate(files):
        rows = []
        with open(path, encoding="utf-8", newline="") as f:
            for r in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                if len(r) >= 4:
                    rows.append({"line": int(r[0]), "speaker": r[1], "text": r[2],
                                 "label": int(r[3]), "heldout": i % 3 == 2})
        out[path.stem] = rows
    return out


def available() -> bool:
    return (DATA / "claimbuster" / "train.json").exists() and (DATA / "ct2019_task1").is_dir()


def average_precision(scores: list[float], labels: list[int]) -> float:
    """AP of one transcript ranked by score (ties keep line order), as the task scores it."""
    order = sorted(range(len(scores)), key=lambda i: -scores[i])  # stable: line order
    hits, total = 0, 0.0
    for rank, i in enumerate(order, start=1):
        if labels[i]:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0
