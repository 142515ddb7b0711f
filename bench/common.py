"""Shared helpers for the factcheck benchmarks.

* ``median_time``     – run a callable several times, return the median (and every timing).
* ``generate_corpus`` – realistic, varied French and English news articles, deterministic
                        for a given seed: variants of the demo article plus sentences built
                        from hand-written templates (names, figures in many notations,
                        dates, « quotations », abbreviations such as M., Mme, Dr., U.S.).
* ``machine_info``    – cores, CPU, Python, platform and date, as a dict and one line.
* ``result_row``      – print one result as a readable row *and* as a machine-readable
                        ``RESULT {json}`` line (the protocol ``bench/run_all.py`` collects;
                        see the top of run_all.py).

Run ``python bench/common.py`` to see a sample of the generated corpus.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
SEED_ARTICLE = ROOT / "seeds" / "meta-ai-talent.fr.txt"

if str(ROOT) not in sys.path:  # `python bench/x.py` from a checkout without an install
    sys.path.insert(0, str(ROOT))

RESULT_PREFIX = "RESULT "


# ------------------------------------------------------------------ timing

def median_time(fn: Callable[[], Any], repeats: int = 5, warmup: int = 1,
                setup: Callable[[], Any] | None = None) -> tuple[float, list[float], Any]:
    """Median wall time of ``fn()`` in seconds over ``repeats`` runs.

    ``setup`` (untimed) runs before each call, warm-up runs included; when it returns
    something other than None, that value is passed to ``fn``.  Returns
    (median seconds, every timing, the last return value of fn).
    """
    timings: list[float] = []
    result = None
    for i in range(warmup + repeats):
        arg = setup() if setup else None
        t0 = time.perf_counter()
        result = fn(arg) if arg is not None else fn()
        dt = time.perf_counter() - t0
        if i >= warmup:
            timings.append(dt)
    return statistics.median(timings), timings, result


def interleaved_medians(stages: dict[str, Callable[[], Any]], repeats: int = 3,
                        setups: dict[str, Callable[[], Any]] | None = None,
                        ) -> dict[str, tuple[float, list[float], Any]]:
    """Time several stages round-robin (A B C, A B C, …) so that drift in the machine's
    speed hits them alike; returns {stage: (median s, timings, last result)}.
    ``setups[stage]`` runs untimed before each call; a non-None value is passed to fn."""
    setups = setups or {}
    timings: dict[str, list[float]] = {k: [] for k in stages}
    last: dict[str, Any] = {}
    for _ in range(repeats):
        for name, fn in stages.items():
            arg = setups[name]() if name in setups else None
            t0 = time.perf_counter()
            last[name] = fn(arg) if arg is not None else fn()
            timings[name].append(time.perf_counter() - t0)
    return {k: (statistics.median(v), v, last[k]) for k, v in timings.items()}


def quick_requested(argv: list[str] | None = None) -> bool:
    """--quick on the command line, or BENCH_QUICK set to anything but 0/empty."""
    argv = sys.argv[1:] if argv is None else argv
    return "--quick" in argv or os.environ.get("BENCH_QUICK", "") not in ("", "0")


# ------------------------------------------------------------------ machine

def machine_info() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count()
    return {
        "date": _dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "cores": os.cpu_count(),
        "usable_cores": usable,
        "cpu": cpu,
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "platform": platform.platform(terse=True),
    }


def machine_line(info: dict | None = None) -> str:
    i = info or machine_info()
    return (f"{i['date']} | {i['cpu']} | {i['usable_cores']}/{i['cores']} cores | "
            f"{i['python']} | {i['platform']}")


# ------------------------------------------------------------------ results

COLUMNS = ("name", "measured", "peer/floor", "ratio", "target", "ok")


def fmt_num(x: float | None, unit: str = "") -> str:
    if x is None:
        return "-"
    if isinstance(x, bool):
        return str(x)
    if isinstance(x, int):
        return f"{x} {unit}".strip()
    ax = abs(x)
    s = (f"{x:.0f}" if ax >= 1000 else f"{x:.1f}" if ax >= 100 else f"{x:.2f}" if ax >= 1
         else f"{x:.3f}" if ax >= 0.01 else f"{x:.2g}")
    return f"{s} {unit}".strip()


def format_row(r: dict) -> list[str]:
    """The six table cells of a result dict (as printed by ``result_row``)."""
    unit = r.get("unit") or ""
    peer = "-"
    if r.get("peer") is not None:
        peer = fmt_num(r["peer"], r.get("peer_unit") or unit)
        if r.get("peer_name"):
            peer = f"{r['peer_name']} {peer}"
    ratio = "-" if r.get("ratio") is None else f"{r['ratio']:.2f}x"
    ok = r.get("ok")
    okc = "-" if ok is None else ("yes" if ok else "NO")
    return [str(r.get("name", "?")), fmt_num(r.get("measured"), unit), peer, ratio,
            str(r.get("target") or "-"), okc]


def print_table(rows: list[list[str]], header: tuple[str, ...] = COLUMNS,
                file=None) -> None:
    file = file or sys.stdout
    widths = [max(len(str(c)) for c in col) for col in zip(header, *rows)]
    line = lambda cells: " | ".join(str(c).ljust(w) for c, w in zip(cells, widths)).rstrip()
    print(line(header), file=file)
    print("-+-".join("-" * w for w in widths), file=file)
    for r in rows:
        print(line(r), file=file)


def result_row(name: str, measured: float | None, unit: str = "", *,
               peer: float | None = None, peer_name: str | None = None,
               peer_unit: str | None = None, ratio: float | None = None, target: str | None = None,
               ok: bool | None = None, higher_is_better: bool = True,
               min_ratio: float | None = None, **extra: Any) -> dict:
    """Print one result: a readable row, then ``RESULT {json}`` for run_all.py.

    ``ratio`` defaults to measured/peer (peer/measured when lower is better, e.g.
    seconds).  With ``min_ratio``, ``ok`` is ratio >= min_ratio and ``target`` defaults
    to ">= {min_ratio}x".  Extra keyword arguments go into the JSON as they are.
    """
    if ratio is None and peer not in (None, 0) and measured is not None:
        ratio = measured / peer if higher_is_better else (peer / measured if measured else None)
    if min_ratio is not None:
        target = target or f">= {min_ratio:g}x {peer_name or 'peer'}"
        if ok is None and ratio is not None:
            ok = ratio >= min_ratio
    r = {"name": name, "measured": measured, "unit": unit, "peer": peer,
         "peer_name": peer_name, "peer_unit": peer_unit or unit, "ratio": ratio, "target": target, "ok": ok,
         "script": Path(sys.argv[0]).name}
    r.update(extra)
    print("  " + " | ".join(format_row(r)))
    print(RESULT_PREFIX + json.dumps(r, ensure_ascii=False, default=str), flush=True)
    return r


# ------------------------------------------------------------------ corpus

NBSP, NNBSP = "\u00a0", "\u202f"

FR_FIRST = ["Marie", "Jean", "Sophie", "Nicolas", "Camille", "Thomas", "Claire", "Julien",
            "Nathalie", "Pierre-Yves", "Amélie", "François", "Léa", "Étienne", "Inès", "Karim",
            "Fatou", "Hélène", "Benoît", "Aurélie"]
FR_LAST = ["Dupont", "Martin", "Lefèvre", "Moreau", "Girard", "Benali", "Rousseau", "Fontaine",
           "Chevalier", "Durand", "Lambert", "Mercier", "Bonnet", "Diallo", "Leclerc",
           "de La Tour", "Nguyen", "Perrin", "Masson", "Garnier"]
EN_FIRST = ["Sarah", "James", "Emily", "Michael", "Priya", "David", "Laura", "Kevin", "Hannah",
            "Robert", "Aisha", "Daniel", "Megan", "Carlos", "Olivia", "Ethan"]
EN_LAST = ["Johnson", "Smith", "Patel", "O'Brien", "Williams", "Chen", "Garcia", "Miller",
           "Thompson", "Nakamura", "Brown", "Davis", "McAllister", "Okafor", "Reyes", "Walsh"]
COMPANIES = ["Meta", "OpenAI", "Google", "Anthropic", "Microsoft", "Nvidia", "Mistral AI",
             "Scale AI", "Apple", "Amazon", "Hugging Face", "Safe Superintelligence",
             "TotalEnergies", "LVMH", "BNP Paribas", "Airbus", "Renault", "Capgemini",
             "Orange", "Dassault Systèmes", "Thales", "Ubisoft", "Tesla", "Samsung"]
FR_PLACES = ["Paris", "Lyon", "Marseille", "Bruxelles", "Genève", "Montréal", "Toulouse",
             "Bordeaux", "Lille", "Nantes", "Strasbourg", "Dakar"]
EN_PLACES = ["New York", "London", "San Francisco", "Washington", "Seattle", "Boston",
             "Toronto", "Chicago", "Austin", "Dublin", "Singapore"]
FR_INSTIT = ["l’Insee", "la Banque de France", "Bercy", "l’Élysée", "la Commission européenne",
             "l’Arcep", "la CNIL", "le Sénat", "l’Assemblée nationale", "Bpifrance",
             "l’OCDE", "le FMI"]
EN_INSTIT = ["the Federal Reserve", "the SEC", "the U.S. Department of Justice",
             "the European Commission", "the Bank of England", "Congress", "the IMF",
             "the White House", "the FTC", "the OECD"]
FR_TITLES = ["M.", "Mme", "Dr", "Pr", "Me", "M."]
EN_TITLES = ["Mr.", "Ms.", "Dr.", "Prof.", "Sen.", "Gov.", "Mrs."]
FR_ROLES = ["PDG", "directrice financière", "ministre de l’Économie", "porte-parole",
            "économiste en chef", "cofondateur", "analyste", "députée", "président du directoire",
            "chercheuse"]
EN_ROLES = ["chief executive", "CFO", "spokeswoman", "chief economist", "co-founder",
            "analyst", "senator", "head of research", "chairman", "general counsel"]
FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
EN_MONTHS_ABBR = ["Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
FR_VERBS = ["a investi", "a racheté", "a recruté", "a levé", "a dépensé", "a perdu", "a signé",
            "a annoncé", "a cédé", "a acquis"]
EN_VERBS = ["invested", "acquired", "raised", "spent", "lost", "paid", "announced", "sold",
            "hired", "offered"]
FR_SAY = ["a déclaré", "a affirmé", "a expliqué", "a estimé", "a assuré", "a reconnu",
          "a indiqué", "a précisé"]
EN_SAY = ["said", "told reporters", "wrote in a memo", "said in a statement", "argued",
          "acknowledged", "told investors"]
FR_HEDGE = ["Selon plusieurs sources,", "D’après nos informations,", "Il semblerait que",
            "Selon un proche du dossier,", "D’après Les Échos,", "Selon Reuters,"]
EN_HEDGE = ["According to people familiar with the matter,", "Reportedly,",
            "According to Bloomberg,", "Sources say", "It is understood that"]
FR_OPINION = ["Cette stratégie agressive marque un tournant historique pour le secteur.",
              "Pour beaucoup d’observateurs, c’est une course sans précédent.",
              "Reste à savoir si ce pari colossal paiera.",
              "Le contraste est saisissant.",
              "Les critiques, elles, ne désarment pas.",
              "Est-ce vraiment raisonnable ?",
              "Rien n’est joué pour autant…"]
EN_OPINION = ["The strategy marks a dramatic shift for the industry.",
              "Whether the bet pays off remains to be seen.",
              "Critics are not convinced.",
              "Is it sustainable?",
              "The race is far from over...",
              "It is, by any measure, a stunning turnaround."]


def _fr_num(rng: random.Random, lo: float, hi: float, decimals: int) -> str:
    """A French decimal: comma, thin/no-break space as thousands separator."""
    x = rng.uniform(lo, hi)
    s = f"{x:,.{decimals}f}"
    sep = rng.choice([" ", NBSP, NNBSP])
    return s.replace(",", "\x00").replace(".", ",").replace("\x00", sep)


def _en_num(rng: random.Random, lo: float, hi: float, decimals: int) -> str:
    return f"{rng.uniform(lo, hi):,.{decimals}f}"


def fr_pct(rng: random.Random) -> str:
    return f"{_fr_num(rng, 0, 60, rng.choice([0, 1]))}{rng.choice([' ', NBSP, NNBSP])}%"


def en_pct(rng: random.Random) -> str:
    return rng.choice([f"{_en_num(rng, 0, 60, 1)}%", f"{rng.randrange(1, 60)} per cent"])


def fr_figure(rng: random.Random) -> str:
    sp = rng.choice([" ", NBSP, NNBSP])
    k = rng.randrange(12)
    if k == 0:
        return f"{_fr_num(rng, 1, 99, 1)} milliards de dollars"
    if k == 1:
        return f"{_fr_num(rng, 1, 9, 1)} millions d’euros"
    if k == 2:
        return f"{_fr_num(rng, 1000, 99000, 0)}{sp}€"
    if k == 3:
        return f"{_fr_num(rng, 1, 99, 0)}{sp}%"
    if k == 4:
        return f"{_fr_num(rng, 0, 9, 1)}{sp}%"
    if k == 5:
        return f"{_fr_num(rng, 2, 900, 0)}{sp}M€"
    if k == 6:
        return f"{_fr_num(rng, 1, 30, 1)}{sp}Md€"
    if k == 7:
        return f"{_fr_num(rng, 1000, 90000, 0)} salariés"
    if k == 8:
        return rng.choice(["un tiers", "la moitié", "deux tiers", "un quart", "trois fois plus"])
    if k == 9:
        return f"{rng.randrange(2, 900)} millions de dollars"
    if k == 10:
        return f"+{_fr_num(rng, 0, 20, 1)}{sp}%"
    return f"{rng.randrange(18, 80)} ans"


def en_figure(rng: random.Random) -> str:
    k = rng.randrange(11)
    if k == 0:
        return f"${_en_num(rng, 1, 99, 1)}bn"
    if k == 1:
        return f"${_en_num(rng, 1, 99, 1)} billion"
    if k == 2:
        return f"£{_en_num(rng, 1, 900, 0)}m"
    if k == 3:
        return f"{_en_num(rng, 1, 99, 0)}%"
    if k == 4:
        return f"{_en_num(rng, 1000, 99000, 0)} employees"
    if k == 5:
        return f"€{_en_num(rng, 1, 9, 2)} billion"
    if k == 6:
        return f"{_en_num(rng, 2, 900, 0)} million dollars"
    if k == 7:
        return rng.choice(["a third", "half", "two-thirds", "a quarter", "three times as much"])
    if k == 8:
        return f"${_en_num(rng, 10000, 900000, 0)}"
    if k == 9:
        return f"{_en_num(rng, 0, 9, 1)} percentage points"
    return f"{rng.randrange(2, 99)} per cent"


def fr_date(rng: random.Random) -> str:
    k = rng.randrange(7)
    d, m, y = rng.randrange(1, 29), rng.randrange(12), rng.randrange(2015, 2026)
    if k == 0:
        return f"le {'1er' if d == 1 else d} {FR_MONTHS[m]} {y}"
    if k == 1:
        return f"en {FR_MONTHS[m]} {y}"
    if k == 2:
        return f"le {d:02d}/{m + 1:02d}/{y}"
    if k == 3:
        return f"en {y}"
    if k == 4:
        return rng.choice(["hier", "la semaine dernière", "l’an dernier", "il y a trois ans",
                           "ces dernières semaines", "depuis janvier"])
    if k == 5:
        return f"au {rng.choice(['premier', 'deuxième', 'troisième', 'dernier'])} trimestre {y}"
    return f"d’ici à {y + rng.randrange(1, 6)}"


def en_date(rng: random.Random) -> str:
    k = rng.randrange(7)
    d, m, y = rng.randrange(1, 29), rng.randrange(12), rng.randrange(2015, 2026)
    if k == 0:
        return f"on {EN_MONTHS[m]} {d}, {y}"
    if k == 1:
        return f"on {d} {EN_MONTHS[m]} {y}"
    if k == 2:
        return f"in {rng.choice(EN_MONTHS_ABBR)} {y}"
    if k == 3:
        return f"in {y}"
    if k == 4:
        return rng.choice(["last year", "yesterday", "last week", "three years ago",
                           "in recent weeks", "since January"])
    if k == 5:
        return f"in the {rng.choice(['first', 'second', 'third', 'fourth'])} quarter of {y}"
    return f"by {y + rng.randrange(1, 6)}"


def _fr_person(rng: random.Random, title: bool = True) -> str:
    name = f"{rng.choice(FR_FIRST)} {rng.choice(FR_LAST)}"
    if title and rng.random() < 0.35:
        return f"{rng.choice(FR_TITLES)} {rng.choice(FR_LAST)}"
    if rng.random() < 0.1:
        return f"{rng.choice(FR_FIRST)[0]}. {rng.choice(FR_LAST)}"  # initiale
    return name


def _en_person(rng: random.Random, title: bool = True) -> str:
    if title and rng.random() < 0.3:
        return f"{rng.choice(EN_TITLES)} {rng.choice(EN_LAST)}"
    if rng.random() < 0.15:
        return f"{rng.choice(EN_FIRST)} {rng.choice('ABCDHJKLMRW')}. {rng.choice(EN_LAST)}"
    return f"{rng.choice(EN_FIRST)} {rng.choice(EN_LAST)}"


def fr_sentence(rng: random.Random) -> str:
    p, c, c2 = _fr_person(rng), rng.choice(COMPANIES), rng.choice(COMPANIES)
    f, f2, d = fr_figure(rng), fr_figure(rng), fr_date(rng)
    role, place, inst = rng.choice(FR_ROLES), rng.choice(FR_PLACES), rng.choice(FR_INSTIT)
    verb, say, hedge = rng.choice(FR_VERBS), rng.choice(FR_SAY), rng.choice(FR_HEDGE)
    k = rng.randrange(18)
    if k == 0:
        return f"{c} {verb} {f} {d}, selon {inst}."
    if k == 1:
        return f"« Nous avons {rng.choice(['doublé', 'triplé', 'réduit'])} nos effectifs. C’est un choix assumé », {say} {p}, {role} de {c}."
    if k == 2:
        return f"{hedge} {c} aurait proposé {f} à {p} pour rejoindre ses équipes à {place}."
    if k == 3:
        return f"Le chiffre d’affaires a progressé de {fr_pct(rng)} {d}, à {f2}."
    if k == 4:
        return f"{p} ({role}) {say} que la société comptait {f} fin {rng.randrange(2015, 2026)}."
    if k == 5:
        return f"D’après le rapport (p. {rng.randrange(2, 300)}), {inst} estime le coût à {f}."
    if k == 6:
        return f"La participation de {c} dans {c2}, soit {fr_pct(rng)} du capital, vaut environ {f2}."
    if k == 7:
        return f"{p}, {rng.randrange(25, 75)} ans, a quitté {c} {d} pour fonder sa propre start-up, {c2} S.A., basée à {place}."
    if k == 8:
        return f"Interrogé par l’AFP, M. {rng.choice(FR_LAST)} n’a pas souhaité commenter."
    if k == 9:
        return f"Le texte, adopté {d} par {inst}, prévoit {f} d’aides, de crédits d’impôt, etc. Il doit encore être examiné en commission."
    if k == 10:
        return f"Mme {rng.choice(FR_LAST)} a rappelé que l’article n° {rng.randrange(2, 99)} du contrat « ne prévoit aucune prime. Aucune ! »"
    if k == 11:
        return f"Les investissements dans l’IA ont atteint {f} {d}, contre {f2} un an plus tôt."
    if k == 12:
        return f"Le groupe a supprimé {_fr_num(rng, 100, 9000, 0)} postes, soit {fr_pct(rng)} de ses effectifs."
    if k == 13:
        return rng.choice(FR_OPINION)
    if k == 14:
        return f"Pourquoi {c} paierait-il {f} pour une entreprise qui perd de l’argent ? La question divise."
    if k == 15:
        return f"Fondée en {rng.randrange(1950, 2024)} par {_fr_person(rng, False)} et {_fr_person(rng, False)}, {c2} emploie {_fr_num(rng, 100, 90000, 0)} personnes dans {rng.randrange(2, 60)} pays."
    if k == 16:
        return f"Le Dr {rng.choice(FR_LAST)}, de l’université Paris-Saclay, juge que « rien ne prouve que ces modèles raisonnent vraiment »."
    return f"{c} pourrait investir jusqu’à {f} d’ici à {rng.randrange(2026, 2031)}, selon une source proche du dossier."


def en_sentence(rng: random.Random) -> str:
    p, c, c2 = _en_person(rng), rng.choice(COMPANIES), rng.choice(COMPANIES)
    f, f2, d = en_figure(rng), en_figure(rng), en_date(rng)
    role, place, inst = rng.choice(EN_ROLES), rng.choice(EN_PLACES), rng.choice(EN_INSTIT)
    verb, say, hedge = rng.choice(EN_VERBS), rng.choice(EN_SAY), rng.choice(EN_HEDGE)
    k = rng.randrange(17)
    if k == 0:
        return f"{c} {verb} {f} {d}, according to {inst}."
    if k == 1:
        return f"“We have {rng.choice(['doubled', 'tripled', 'cut'])} our headcount. It was a deliberate choice,” {p}, {c}'s {role}, {say}."
    if k == 2:
        return f"{hedge} {c} offered {p} {f} to join its team in {place}."
    if k == 3:
        return f"Revenue rose {en_pct(rng)} {d} to {f2}, the company said."
    if k == 4:
        return f"{p}, {role} at {c} Inc., {say} the group had {f} at the end of {rng.randrange(2015, 2026)}."
    if k == 5:
        return f"The U.S. economy grew {en_pct(rng)} {d}, e.g. faster than {inst} had forecast."
    if k == 6:
        return f"{c}'s stake in {c2} Corp. — about {en_pct(rng)} of the company — is worth roughly {f2}."
    if k == 7:
        return f"{p}, {rng.randrange(25, 75)}, left {c} {d} to start {c2} Ltd. in {place}."
    if k == 8:
        return f"Mr. {rng.choice(EN_LAST)} declined to comment when reached at 9 a.m. on Monday."
    if k == 9:
        return f"The bill, passed {d} by {inst}, provides {f} in grants, tax credits, etc. It still faces a vote in the Senate."
    if k == 10:
        return f"Dr. {rng.choice(EN_LAST)} said the deal was \"not about money. It's about talent.\""
    if k == 11:
        return f"AI investment reached {f} {d}, up from {f2} a year earlier."
    if k == 12:
        return f"The company cut {_en_num(rng, 100, 9000, 0)} jobs, or {en_pct(rng)} of its workforce."
    if k == 13:
        return rng.choice(EN_OPINION)
    if k == 14:
        return f"Why would {c} pay {f} for a loss-making start-up? Analysts are split."
    if k == 15:
        return f"Founded in {rng.randrange(1950, 2024)} by {_en_person(rng, False)} and {_en_person(rng, False)}, {c2} employs {_en_num(rng, 100, 90000, 0)} people at No. {rng.randrange(2, 99)} Main St. in {place}."
    return f"{c} could spend as much as {f} {en_date(rng)}, a person familiar with the plans said."


def _seed_variant(rng: random.Random, seed_text: str) -> str:
    """The demo article with its actors, figures and places swapped for others."""
    t = seed_text
    swaps = {
        "Mark Zuckerberg": _fr_person(rng, False), "Zuckerberg": rng.choice(FR_LAST),
        "Meta": rng.choice(COMPANIES), "Scale AI": rng.choice(COMPANIES),
        "Alexandr Wang": _fr_person(rng, False), "Daniel Gross": _fr_person(rng, False),
        "Nat Friedman": _fr_person(rng, False), "Sam Altman": _fr_person(rng, False),
        "Yann LeCun": _fr_person(rng, False), "LeCun": rng.choice(FR_LAST),
        "14,3 milliards de dollars": fr_figure(rng), "49 %": f"{rng.randrange(5, 95)} %",
        "28 ans": f"{rng.randrange(22, 70)} ans", "100 millions de dollars": fr_figure(rng),
    }
    for old, new in swaps.items():
        t = t.replace(old, new)
    paras = [p for p in t.split("\n") if p.strip()]
    # drop or shuffle a paragraph now and then, add a fresh one
    if len(paras) > 3 and rng.random() < 0.5:
        paras.pop(rng.randrange(1, len(paras)))
    paras.insert(rng.randrange(1, len(paras) + 1),
                 " ".join(fr_sentence(rng) for _ in range(rng.randrange(2, 6))))
    return "\n".join(paras)


def generate_article(rng: random.Random, lang: str, seed_text: str | None = None) -> str:
    """One article: a title line and 4-10 paragraphs of 1-6 sentences."""
    if lang == "fr" and seed_text and rng.random() < 0.25:
        body = _seed_variant(rng, seed_text)
    else:
        sent = fr_sentence if lang == "fr" else en_sentence
        paras = []
        for _ in range(rng.randrange(4, 11)):
            paras.append(" ".join(sent(rng) for _ in range(rng.randrange(1, 7))))
            if rng.random() < 0.1:  # a list, as in Markdown-ish copy
                paras.append("\n".join(f"- {sent(rng)}" for _ in range(rng.randrange(2, 4))))
        body = ("\n\n" if rng.random() < 0.5 else "\n").join(paras)
    c = rng.choice(COMPANIES)
    title = (f"{c} : {rng.choice(['la grande offensive', 'le pari risqué', 'les comptes', 'la riposte'])}"
             if lang == "fr" else
             f"{c}: {rng.choice(['the big push', 'a risky bet', 'the numbers', 'the fightback'])}")
    return f"{title} ({rng.randrange(10**6)})\n\n{body}\n"


def generate_corpus(target_bytes: int, seed: int = 20250701, fr_share: float = 0.6,
                    ) -> list[tuple[str, str, str]]:
    """Distinct articles totalling about target_bytes of UTF-8: [(name, lang, text)]."""
    rng = random.Random(seed)
    seed_text = SEED_ARTICLE.read_text(encoding="utf-8") if SEED_ARTICLE.exists() else None
    out: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    total = 0
    while total < target_bytes:
        lang = "fr" if rng.random() < fr_share else "en"
        text = generate_article(rng, lang, seed_text)
        if text in seen:
            continue
        seen.add(text)
        out.append((f"article-{len(out):05d}.{lang}.txt", lang, text))
        total += len(text.encode("utf-8"))
    return out


def corpus_bytes(corpus: list[tuple[str, str, str]]) -> int:
    return sum(len(t.encode("utf-8")) for _, _, t in corpus)


if __name__ == "__main__":
    print(machine_line())
    corpus = generate_corpus(40_000, seed=int(sys.argv[1]) if len(sys.argv) > 1 else 1)
    print(f"{len(corpus)} articles, {corpus_bytes(corpus)} bytes\n")
    for name, lang, text in corpus[:3]:
        print(f"=== {name}\n{text}")
