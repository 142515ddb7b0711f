"""Sentence boundaries on Universal Dependencies development treebanks: factcheck and pysbd.

Each treebank (../shared/data/ud/, README there) gives gold sentences.  Paragraphs are
rebuilt as the README says: the sentences of one paragraph joined with a single space
(``# newpar``); the French treebanks have no paragraph markers, so every GROUP
consecutive sentences make one paragraph.  Each paragraph is segmented by factcheck
(``segment``) and by pysbd (``Segmenter(language=..., clean=False)``), and the boundaries
inside the paragraph (where one gold sentence ends and the next begins; a paragraph's
own end is given to both and left out) are compared:

    precision = right boundaries / boundaries proposed, recall = right / gold, F1.

A boundary is the offset where a sentence ends, white space left out.

    python bench/segment_ud.py                 # every treebank, both segmenters
    python bench/segment_ud.py --show 20       # and 20 of factcheck's errors per treebank
    python bench/segment_ud.py --only en_ewt

Prints `RESULT {json}` rows (protocol: see bench/run_all.py): factcheck's F1 per treebank
with pysbd's beside it; the target is at least pysbd's.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, result_row  # noqa: E402

from factcheck.analysis.segment import segment  # noqa: E402

UD_DIR = ROOT.parent.parent / "shared" / "data" / "ud"
if not UD_DIR.is_dir():
    UD_DIR = Path("/work/shared/data/ud")
TREEBANKS = [("en_ewt", "en"), ("en_gum", "en"), ("fr_gsd", "fr"), ("fr_sequoia", "fr")]
GROUP = 5  # sentences per paragraph where the treebank marks none


def paragraphs(path: Path, group: int = GROUP) -> list[list[str]]:
    """The gold sentences of the file, paragraph by paragraph."""
    lines = path.read_text(encoding="utf-8").splitlines()
    marked = any(line.startswith("# newpar") for line in lines)
    out: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.startswith(("# newpar", "# newdoc")) and marked:
            if current:
                out.append(current)
            current = []
        elif line.startswith("# text = "):
            text = " ".join(line[len("# text = "):].split())
            if text:
                current.append(text)
                if not marked and len(current) >= group:
                    out.append(current)
                    current = []
    if current:
        out.append(current)
    return out


def gold_boundaries(sents: list[str]) -> tuple[str, set[int]]:
    text = " ".join(sents)
    ends, pos = set(), 0
    for s in sents[:-1]:
        pos += len(s)
        ends.add(pos)
        pos += 1
    return text, ends


def _ends_of(text: str, parts: list[str]) -> set[int]:
    """Where each part (in order, as found in text) ends, the last one left out."""
    ends, pos = [], 0
    for p in parts:
        p = p.strip()
        if not p:
            continue
        i = text.find(p, pos)
        if i < 0:
            continue
        pos = i + len(p)
        ends.append(pos)
    return {e for e in ends if e < len(text.rstrip())}


def factcheck_ends(text: str, lang: str) -> set[int]:
    return {e for _, e in segment(text, lang=lang)} - {len(text)}


def score(pred: int, gold: int, right: int) -> tuple[float, float, float]:
    p = right / pred if pred else 1.0
    r = right / gold if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(name: str, lang: str, sbd, show: int, group: int = GROUP) -> dict:
    paras = paragraphs(UD_DIR / f"{name}-ud-dev.sentences.conllu", group)
    counts = {"factcheck": [0, 0, 0], "pysbd": [0, 0, 0]}
    shown = 0
    for sents in paras:
        text, gold = gold_boundaries(sents)
        fc = factcheck_ends(text, lang)
        sb = _ends_of(text, sbd.segment(text)) if sbd else set()
        for key, pred in (("factcheck", fc), ("pysbd", sb)):
            c = counts[key]
            c[0] += len(pred)
            c[1] += len(gold)
            c[2] += len(pred & gold)
        if show and shown < show and fc != gold:
            shown += 1
            for at in sorted(fc ^ gold):
                kind = "missed" if at in gold else "extra "
                print(f"  {name} {kind} | {text[max(0, at - 60):at]}‖{text[at:at + 40]}")
    fc_p, fc_r, fc_f = score(*counts["factcheck"])
    sb_p, sb_r, sb_f = score(*counts["pysbd"])
    return {"name": name, "paragraphs": len(paras), "gold": counts["factcheck"][1],
            "factcheck": (fc_p, fc_r, fc_f), "pysbd": (sb_p, sb_r, sb_f)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="accepted: the run takes seconds")
    ap.add_argument("--show", type=int, default=0, help="print factcheck's errors")
    ap.add_argument("--only", help="one treebank, e.g. en_ewt")
    ap.add_argument("--group", type=int, default=GROUP,
                    help="sentences per paragraph where the treebank marks none")
    args = ap.parse_args(argv)
    try:
        import pysbd
    except ImportError:
        print("pysbd is not installed: pip install -e '.[bench]'", file=sys.stderr)
        return 2
    if not UD_DIR.is_dir():
        print(f"no UD data in {UD_DIR}", file=sys.stderr)
        return 2
    print(f"# UD development treebanks in {UD_DIR}: boundaries inside paragraphs")
    print(f"{'treebank':12} {'gold':>6}  {'factcheck P/R/F1':>22}  {'pysbd P/R/F1':>22}")
    rows = []
    for name, lang in TREEBANKS:
        if args.only and args.only != name:
            continue
        sbd = pysbd.Segmenter(language=lang, clean=False)
        r = evaluate(name, lang, sbd, args.show, args.group)
        rows.append(r)
        fc, sb = r["factcheck"], r["pysbd"]
        print(f"{name:12} {r['gold']:6}  {fc[0]:.3f} {fc[1]:.3f} {fc[2]:.3f}        "
              f"{sb[0]:.3f} {sb[1]:.3f} {sb[2]:.3f}")
    for r in rows:
        fc, sb = r["factcheck"], r["pysbd"]
        result_row(f"segment: UD {r['name']} dev boundary F1", round(fc[2], 3), "F1",
                   peer=round(sb[2], 3), peer_name="pysbd", target=">= pysbd",
                   ok=fc[2] >= sb[2], precision=round(fc[0], 3), recall=round(fc[1], 3),
                   peer_precision=round(sb[0], 3), peer_recall=round(sb[1], 3))
    return 0


if __name__ == "__main__":
    sys.exit(main())
