"""Facets against a hand-labelled set of French and English news sentences.

The set is tests/data/facets/sentences.jsonl (format: tests/data/facets/README.md): 190
French and 190 English sentences written for this purpose, each with its gold figures,
names, dates, speaker (and its kind) and hedges.  Of the first 150 of each language, one
in three is held out ("split": "held-out"): the extractor was tuned on the "dev" part
only.  The last 40 of each ("fresh") were written after the tuning and scored once, as
they came.  Every part is reported.

For each facet kind, language and part: precision and recall of factcheck's extractor,
and beside them a plain baseline run in the same process:

  figures   value and unit both right (a value within 0.1 %; the unit the same, None
            included); baseline: every number token, its value read the French or the
            English way, no unit.  Also: value alone, and how often the "approximate"
            flag agrees on the figures found.
  names     the same name once case, accents, punctuation and spacing are folded;
            baseline: every run of capitalised words.
  dates     one text inside the other (case folded); baseline: month names, weekdays
            and four-digit years.
  speaker   the same name (folded); precision over sentences where a speaker is given;
            also how often its kind (person / organisation) is right; baseline: the
            capitalised run next to a speech verb or after "selon" / "according to".
  hedges    the same kind and one text inside the other; baseline: a list of hedge words.

    python bench/facets_quality.py              # the table
    python bench/facets_quality.py --errors dev # and factcheck's mistakes on the dev part

Prints `RESULT {json}` rows (protocol: see bench/run_all.py) for the issue's targets:
figures value+unit precision >= 0.95 and recall >= 0.90, names precision >= 0.90,
speaker precision >= 0.90, in each language.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, result_row  # noqa: E402

from factcheck.analysis.facets import extract, extract_hedges, normalise_name  # noqa: E402

DATA = ROOT / "tests" / "data" / "facets" / "sentences.jsonl"
KINDS = ("figures", "names", "dates", "speaker", "hedges")
TARGETS = {("figures", "precision"): 0.95, ("figures", "recall"): 0.90,
           ("names", "precision"): 0.90, ("speaker", "precision"): 0.90}


def load(path: Path = DATA) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


# ---------------------------------------------------------------- what each side finds

def factcheck(row: dict) -> dict:
    f = extract(row["text"], row["lang"])
    return {
        "figures": [(n["value"], n["unit"], bool(n.get("approximate"))) for n in f["numbers"]],
        "names": list(f["entities"]),
        "dates": [d["text"] for d in f["dates"]],
        "speaker": f["speaker"],
        "speaker_kind": f.get("speaker_kind"),
        "hedges": [(h["text"], h["kind"]) for h in extract_hedges(row["text"])],
    }


_NUMBER = re.compile(r"\d+(?:[ \u00a0\u202f.,]\d+)*")
_CAPS = re.compile(r"[A-ZÀ-ÖØ-Þ][\w’'&.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w’'&.-]*)*")
_DATE_WORDS = re.compile(
    r"\b(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre"
    r"|décembre|january|february|march|april|may|june|july|august|september|october"
    r"|november|december|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday"
    r"|tuesday|wednesday|thursday|friday|saturday|sunday|(?:19|20)\d\d)\b", re.I)
_SPEECH = re.compile(r"\b(?:said|says|told|reported|announced|a\s+déclaré|a\s+indiqué"
                     r"|a\s+annoncé|a\s+affirmé|a\s+précisé|selon|d[’']après|according\s+to)\b",
                     re.I)
_HEDGE_WORDS = re.compile(
    r"\b(?:pourrait|pourraient|aurait|auraient|serait|seraient|devrait|devraient"
    r"|probablement|apparemment|sans\s+doute|could|might|may|reportedly|allegedly"
    r"|apparently|likely|perhaps|sources?)\b", re.I)


def _plain_number(token: str, lang: str) -> float | None:
    t = re.sub(r"[ \u00a0\u202f]", "", token)
    if lang == "fr":
        t = t.replace(".", "").replace(",", ".") if "," in t else t
    else:
        t = t.replace(",", "")
    try:
        return float(t)
    except ValueError:
        return None


def baseline(row: dict) -> dict:
    text, lang = row["text"], row["lang"]
    figures = [(v, None, False) for v in (_plain_number(m.group(), lang)
                                          for m in _NUMBER.finditer(text)) if v is not None]
    names = [m.group() for m in _CAPS.finditer(text)]
    speaker = None
    verb = _SPEECH.search(text)
    if verb:
        after = _CAPS.search(text, verb.end(), verb.end() + 40)
        before = [m for m in _CAPS.finditer(text, 0, verb.start())]
        pick = after if verb.group().lower().startswith(("selon", "d", "acc")) else (
            before[-1] if before else after)
        speaker = pick.group() if pick else None
    return {"figures": figures, "names": names,
            "dates": [m.group() for m in _DATE_WORDS.finditer(text)],
            "speaker": speaker, "speaker_kind": None,
            "hedges": [(m.group(), "any") for m in _HEDGE_WORDS.finditer(text)]}


# ---------------------------------------------------------------- matching

def _same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-3 * max(1.0, abs(a), abs(b))


def _match(gold: list, pred: list, same) -> list[tuple[int, int]]:
    """Pairs (gold index, predicted index), each used once, in order."""
    used: set[int] = set()
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if j not in used and same(g, p):
                used.add(j)
                pairs.append((i, j))
                break
    return pairs


def _fold(s: str) -> str:
    return " ".join(s.lower().replace("’", "'").split())


def _inside(a: str, b: str) -> bool:
    a, b = _fold(a), _fold(b)
    return bool(a) and bool(b) and (a in b or b in a)


def compare(row: dict, got: dict) -> dict:
    """Counts for one sentence: {kind: [right, predicted, gold]} and a few extras."""
    out: dict = {}
    gold_fig = [(f["value"], f["unit"], f["approximate"]) for f in row["figures"]]
    pairs = _match(gold_fig, got["figures"],
                   lambda g, p: _same_value(g[0], p[0]) and g[1] == p[1])
    out["figures"] = [len(pairs), len(got["figures"]), len(gold_fig)]
    out["approx"] = [sum(gold_fig[i][2] == got["figures"][j][2] for i, j in pairs), len(pairs)]
    vpairs = _match(gold_fig, got["figures"], lambda g, p: _same_value(g[0], p[0]))
    out["values"] = [len(vpairs), len(got["figures"]), len(gold_fig)]
    gold_names = [normalise_name(n) for n in row["names"]]
    got_names = [normalise_name(n) for n in got["names"]]
    out["names"] = [len(_match(gold_names, got_names, str.__eq__)), len(got_names),
                    len(gold_names)]
    out["dates"] = [len(_match(row["dates"], got["dates"], _inside)), len(got["dates"]),
                    len(row["dates"])]
    gs, ps = row["speaker"], got["speaker"]
    right = bool(gs and ps and normalise_name(gs) == normalise_name(ps))
    out["speaker"] = [int(right), int(ps is not None), int(gs is not None)]
    out["kind"] = [int(right and got["speaker_kind"] == row["speaker_kind"]), int(right)]
    gold_h = [(h["text"], h["kind"]) for h in row["hedges"]]
    same_h = ((lambda g, p: _inside(g[0], p[0])) if got["hedges"] and got["hedges"][0][1] == "any"
              else (lambda g, p: g[1] == p[1] and _inside(g[0], p[0])))
    out["hedges"] = [len(_match(gold_h, got["hedges"], same_h)), len(got["hedges"]), len(gold_h)]
    return out


def _pr(c: list[int]) -> tuple[float, float]:
    right, pred, gold = c
    return (right / pred if pred else 1.0), (right / gold if gold else 1.0)


def evaluate(rows: list[dict], finder) -> dict:
    """{(lang, split): {kind: [right, predicted, gold]}}, "all" splits included."""
    totals: dict = {}
    for row in rows:
        got = finder(row)
        counts = compare(row, got)
        for split in (row["split"], "all"):
            t = totals.setdefault((row["lang"], split), {})
            for k, c in counts.items():
                acc = t.setdefault(k, [0] * len(c))
                for i, v in enumerate(c):
                    acc[i] += v
    return totals


def show_errors(rows: list[dict], split: str) -> None:
    for row in rows:
        if split != "all" and row["split"] != split:
            continue
        got = factcheck(row)
        c = compare(row, got)
        bad = [k for k in KINDS if c[k][0] != c[k][1] or c[k][0] != c[k][2]]
        if c["kind"][0] != c["kind"][1]:
            bad.append("kind")
        if not bad:
            continue
        print(f"\n[{row['id']}] {row['text']}")
        for k in bad:
            if k == "kind":
                print(f"   kind: gold {row['speaker_kind']} got {got['speaker_kind']}")
                continue
            gold = ([(f["value"], f["unit"], f["approximate"]) for f in row["figures"]]
                    if k == "figures" else row["speaker"] if k == "speaker"
                    else [(h["text"], h["kind"]) for h in row["hedges"]] if k == "hedges"
                    else row[k])
            print(f"   {k}: gold {gold}\n   {' ' * len(k)}  got  {got[k]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="accepted: the run takes seconds")
    ap.add_argument("--errors", choices=("dev", "held-out", "fresh", "all"),
                    help="print factcheck's mistakes on that part")
    args = ap.parse_args(argv)
    rows = load()
    fc, base = evaluate(rows, factcheck), evaluate(rows, baseline)
    splits = ("dev", "held-out", "fresh", "all")
    n = {(lang, split): sum(1 for r in rows if r["lang"] == lang and split in (r["split"], "all"))
         for lang in ("fr", "en") for split in splits}
    print(f"# {DATA.relative_to(ROOT)}: {len(rows)} sentences; "
          "P/R of factcheck, then of the plain baseline")
    print(f"{'lang':4} {'part':8} {'n':>3}  " + "  ".join(f"{k:>17}" for k in KINDS)
          + f"  {'approx ok':>9} {'kind ok':>8}")
    for lang in ("fr", "en"):
        for split in splits:
            if (lang, split) not in fc:
                continue
            t, b = fc[(lang, split)], base[(lang, split)]
            cells = []
            for k in KINDS:
                p, r = _pr(t[k])
                bp, br = _pr(b[k])
                cells.append(f"{p:.2f}/{r:.2f} ({bp:.2f}/{br:.2f})")
            ap_ok = t["approx"][0] / t["approx"][1] if t["approx"][1] else 1.0
            kind_ok = t["kind"][0] / t["kind"][1] if t["kind"][1] else 1.0
            print(f"{lang:4} {split:8} {n[(lang, split)]:3}  " + "  ".join(cells)
                  + f"  {ap_ok:9.2f} {kind_ok:8.2f}")
        vp, vr = _pr(fc[(lang, "all")]["values"])
        print(f"{lang:4} figures by value alone (all): {vp:.2f}/{vr:.2f}")
    print()
    for lang in ("fr", "en"):
        for split in ("held-out", "fresh", "dev"):
            if (lang, split) not in fc:
                continue
            for (kind, which), goal in TARGETS.items():
                p, r = _pr(fc[(lang, split)][kind])
                bp, br = _pr(base[(lang, split)][kind])
                value, peer = (p, bp) if which == "precision" else (r, br)
                label = "figures value+unit" if kind == "figures" else kind
                result_row(f"facets {lang} {label} {which} ({split})", round(value, 3), "",
                           peer=round(peer, 3), peer_name="baseline", ratio=None,
                           target=f">= {goal}", ok=value >= goal)
    if args.errors:
        show_errors(rows, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
