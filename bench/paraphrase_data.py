"""The labelled sentence pairs of ../shared/data/paraphrase, split once for training and checking.

Each set is cut in two by a hash of its name and row number (no random generator, so the cut
is the same on every machine and Python): ``train`` is what ``bench/train_dupes.py`` fits the
pair scorer's weights on, ``held`` is what ``bench/dupes_quality.py`` reports on.  STS-B comes
with its own two files: train.csv trains, dev.csv is held out.  The PAWS-X rows are cut the
same way in English, in French and across the two (sentence1 of the English file against
sentence2 of the French one, as the README says), so no held-out row was seen in any form.

This is a helper module for the scripts of bench/ (no ``__main__``); the data never goes into
the package, only the weights learned from it.
"""

from __future__ import annotations

import csv
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("PARAPHRASE_DATA", ROOT.parent / "shared" / "data" / "paraphrase"))
if not DATA.exists():  # a worktree sits one level deeper than the main checkout
    DATA = ROOT.parent.parent / "shared" / "data" / "paraphrase"
HELD_PERCENT = 35
STSB_POSITIVE = 4.0  # "mostly equivalent" and above (the README's cut)
csv.field_size_limit(10**7)


@dataclass(frozen=True)
class Pair:
    a: str
    b: str
    label: int          # 1: the same meaning
    lang_a: str
    lang_b: str
    set: str            # mrpc | pawsx_en | pawsx_fr | pawsx_cross | stsb | claimmatch
    row: int


def held_out(name: str, row: int) -> bool:
    """Whether this row of this set is kept for checking (never trained on)."""
    digest = hashlib.sha256(f"{name}:{row}".encode()).digest()
    return int.from_bytes(digest[:4], "big") % 100 < HELD_PERCENT


def _rows(path: Path, header: bool) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows[1:] if header else rows


def mrpc() -> list[Pair]:
    out = []
    for i, r in enumerate(_rows(DATA / "mrpc_train.tsv", True)):
        if len(r) >= 5 and r[0] in ("0", "1"):
            out.append(Pair(r[3], r[4], int(r[0]), "en", "en", "mrpc", i))
    return out


def _paws(lang: str) -> list[tuple[str, str, str]]:
    return [(r[0], r[1], r[2].strip()) if len(r) >= 3 else ("", "", "NS")
            for r in _rows(DATA / f"pawsx_dev_{lang}.half_a.tsv", False)]


def pawsx() -> dict[str, list[Pair]]:
    en, fr = _paws("en"), _paws("fr")
    out: dict[str, list[Pair]] = {"pawsx_en": [], "pawsx_fr": [], "pawsx_cross": []}
    for i, (e, f) in enumerate(zip(en, fr)):
        if e[2] in ("0", "1") and e[0] and e[1]:
            out["pawsx_en"].append(Pair(e[0], e[1], int(e[2]), "en", "en", "pawsx_en", i))
        if f[2] in ("0", "1") and f[0] and f[1]:
            out["pawsx_fr"].append(Pair(f[0], f[1], int(f[2]), "fr", "fr", "pawsx_fr", i))
        if e[2] == f[2] and e[2] in ("0", "1") and e[0] and f[1]:
            out["pawsx_cross"].append(Pair(e[0], f[1], int(e[2]), "en", "fr", "pawsx_cross", i))
    return out


def stsb(which: str) -> list[Pair]:
    out = []
    for i, r in enumerate(_rows(DATA / f"stsb_{which}.csv", False)):
        if len(r) >= 7:
            try:
                score = float(r[4])
            except ValueError:
                continue
            out.append(Pair(r[5], r[6], int(score >= STSB_POSITIVE), "en", "en", "stsb", i))
    return out


def claimmatch() -> list[Pair]:
    out = []
    with open(DATA / "claimmatch.half_a.tsv", encoding="utf-8", newline="") as f:
        for i, r in enumerate(csv.DictReader(f, delimiter="\t")):
            if r.get("label") in ("0", "1") and r.get("claim1") and r.get("claim2"):
                out.append(Pair(r["claim1"], r["claim2"], int(r["label"]), "en", "en",
                                "claimmatch", i))
    return out


def load() -> dict[str, dict[str, list[Pair]]]:
    """{set: {"train": [...], "held": [...]}} for every set."""
    sets: dict[str, list[Pair]] = {"mrpc": mrpc(), **pawsx(), "claimmatch": claimmatch()}
    out = {}
    for name, pairs in sets.items():
        # the PAWS-X sets are cut by row, the same way in each language
        key = "pawsx" if name.startswith("pawsx") else name
        out[name] = {"train": [p for p in pairs if not held_out(key, p.row)],
                     "held": [p for p in pairs if held_out(key, p.row)]}
    out["stsb"] = {"train": stsb("train"), "held": stsb("dev")}
    return out


def available() -> bool:
    return (DATA / "mrpc_train.tsv").exists()
