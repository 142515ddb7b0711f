"""Where factcheck's segmenter and pysbd disagree, and who is right.

Two inputs:

* hand-written tricky sentences (French mostly, some English) with the expected split,
  written with " || " between sentences: titles (M., Mme, Dr), quotations « … » holding
  several sentences, initials, S.A./U.S./Inc./etc., figures such as 14,3 or 0,3 %, sept. 2025;
* the demo article seeds/meta-ai-talent.fr.txt, paragraph by paragraph (no gold: the
  disagreements are printed for a human to judge).

pysbd runs as the import benchmark runs it: ``Segmenter(language=..., clean=False)``
(French for French items, English for English ones).  Sentences are compared with their
white space trimmed.

    python bench/segment_compare.py            # disagreements only
    python bench/segment_compare.py --all      # every case

Prints a summary as `RESULT {json}` rows (protocol: see bench/run_all.py).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SEED_ARTICLE, result_row  # noqa: E402

from factcheck.analysis.segment import sentences  # noqa: E402

# (language, expected split with " || " between sentences)
TRICKY: list[tuple[str, str]] = [
    ("fr", "M. Dupont a démissionné. || Mme Durand le remplace."),
    ("fr", "Selon M. Macron, « la France investira 109 milliards d’euros. C’est historique ». || "
           "Le chiffre a été repris par toute la presse."),
    ("fr", "« Nous ne lâcherons rien. Jamais ! », a lancé la ministre."),
    ("fr", "Il a dit : « Je viens. » || Puis il est parti."),
    ("fr", "Le PIB a progressé de 0,3 % au 2e trimestre. || L’Insee l’a confirmé vendredi."),
    ("fr", "Le Dr Martin et le Pr Leroy ont publié l’étude (cf. p. 12). || "
           "Elle porte sur 30 000 patients."),
    ("fr", "J.-P. Sartre est mort en 1980. || Son œuvre reste étudiée."),
    ("fr", "La société Acme S.A. a été fondée en 1990. || Elle emploie 2 500 salariés."),
    ("fr", "Le montant atteint 14,3 milliards de dollars… || Un record ?"),
    ("fr", "Le vote est prévu le 1er sept. 2025 à 9 h. || Le Sénat devra ensuite se prononcer."),
    ("fr", "Meta a investi 14,3 Md$ dans Scale AI. || M. Wang prend la tête de l’équipe."),
    ("fr", "Qui paiera ? || Personne ne le sait."),
    ("fr", "L’article 3 (al. 2) prévoit une hausse de 49 %. || Les syndicats s’y opposent."),
    ("fr", "Elle a cité le n° 12 de la revue. || Celle-ci paraît en janvier."),
    ("fr", "M. et Mme Martin sont arrivés à 20 h. || Ils sont repartis à minuit."),
    ("fr", "Il a répondu \"Non. Jamais.\" avant de raccrocher."),
    ("fr", "Le groupe vise 30 000 recrutements d’ici 2030 ; « c’est ambitieux. Très ambitieux », "
           "reconnaît Mme Lefèvre. || Les marchés ont salué l’annonce."),
    ("fr", "Elle a rejoint l’O.N.U. en 2010. || Elle y est restée huit ans."),
    ("fr", "Le contrat prévoit des primes, des stock-options, etc. || Mais rien n’est signé."),
    ("fr", "Selon l’AFP, le P.-D.G. a quitté Paris. || Son successeur n’est pas connu."),
    ("fr", "Mme Lambert a rappelé que le contrat « ne prévoit aucune prime. Aucune ! » || "
           "Fondée en 2012, la société emploie 8 343 personnes."),
    ("fr", "Meta a ensuite recruté l’ancien PDG de GitHub, N. Friedman, après l’échec du rachat."),
    ("fr", "MM. Dupont et Durand ont signé l’accord. || Il entre en vigueur lundi."),
    ("en", "Mr. Smith went to Washington. || He met Sen. Warren on Jan. 5 at the Capitol."),
    ("en", "The U.S. economy grew 2.1% in Q3. || Analysts had expected 1.8%."),
    ("en", "She moved to the U.S. || The move surprised many."),
    ("en", "Apple Inc. reported revenue of $94.9bn. || Shares rose 3%."),
    ("en", "“We’re not selling. Not now,” said Dr. Chen."),
    ("en", "George W. Bush spoke at 10 a.m. || The crowd cheered."),
    ("en", "Meta paid $14.3bn for 49% of Scale AI. || Its founder, 28, joins Meta."),
    ("en", "They said they would, but they didn't. || Today's figures prove it."),
    ("en", "The car is Jim's. || He bought it in May."),
    ("fr", "Il a acheté du pain, des œufs, etc. || J'ai tout payé."),
    ("fr", "Il a joué la Symphonie en ré, Op. 46. || Le public a applaudi."),
    ("en", "The city (pop. 256,000) voted. || It was close."),
    ("fr", "Chacun a le droit de revenir dans son pays. || 1. Toute personne a droit au repos. "
           "|| 2. Nul ne peut être privé de son emploi."),
    ("fr", "Me Dupont plaide pour Mme Durand. || Le juge l'écoute."),
]


_ITEM = re.compile(r"^\d{1,2}\. ")


def norm(parts: list[str]) -> list[str]:
    return [" ".join(p.split()) for p in parts if p.strip()]


def show(label: str, parts: list[str]) -> None:
    print(f"  {label:9} ({len(parts)}):")
    for p in parts:
        print(f"      | {p}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--all", action="store_true", help="show agreements too")
    ap.add_argument("--quick", action="store_true", help="accepted, changes nothing")
    args = ap.parse_args(argv)
    try:
        import pysbd
    except ImportError:
        print("pysbd is not installed: pip install -e '.[bench]'", file=sys.stderr)
        return 2
    seg = {lang: pysbd.Segmenter(language=lang, clean=False) for lang in ("fr", "en")}

    fc_ok = sb_ok = 0
    print(f"# tricky sentences: {len(TRICKY)} with a hand-made expected split")
    for i, (lang, gold_text) in enumerate(TRICKY, 1):
        gold = norm(gold_text.split(" || "))
        text = " ".join(gold)
        # a list item's number is not part of its sentence for factcheck: compare without
        gold = [_ITEM.sub("", g) for g in gold]
        fc = norm(sentences(text, lang=lang))
        sb = [_ITEM.sub("", p) for p in norm(seg[lang].segment(text))]
        fc_ok += fc == gold
        sb_ok += sb == gold
        if args.all or fc != gold or sb != gold:
            verdict = ("both right" if fc == gold and sb == gold else
                       "factcheck right, pysbd wrong" if fc == gold else
                       "pysbd right, factcheck wrong" if sb == gold else "both wrong")
            print(f"\n[{i}] ({lang}) {verdict}")
            show("expected", gold)
            if fc != gold:
                show("factcheck", fc)
            if sb != gold:
                show("pysbd", sb)
    print(f"\n# tricky: factcheck {fc_ok}/{len(TRICKY)} right, pysbd {sb_ok}/{len(TRICKY)} right")

    seed_diffs = 0
    paras = [p for p in SEED_ARTICLE.read_text(encoding="utf-8").split("\n") if p.strip()]
    fc_n = sb_n = 0
    print(f"\n# seed article {SEED_ARTICLE.name}: {len(paras)} paragraphs, no expected split")
    for k, para in enumerate(paras, 1):
        fc = norm(sentences(para))
        sb = norm(seg["fr"].segment(para))
        fc_n += len(fc)
        sb_n += len(sb)
        if fc != sb:
            seed_diffs += 1
            print(f"\n[paragraph {k}] factcheck {len(fc)} sentences, pysbd {len(sb)}")
            show("factcheck", fc)
            show("pysbd", sb)
        elif args.all:
            print(f"\n[paragraph {k}] agree ({len(fc)} sentences)")
    print(f"\n# seed: factcheck {fc_n} sentences, pysbd {sb_n}; "
          f"{seed_diffs} of {len(paras)} paragraphs split differently\n")

    n = len(TRICKY)
    result_row("segment: tricky cases right", fc_ok, f"/{n}", peer=sb_ok, peer_name="pysbd",
               ratio=None, target="> pysbd", ok=fc_ok > sb_ok)
    result_row("segment: seed paragraphs differing", seed_diffs, f"/{len(paras)}",
               target="info", factcheck_sentences=fc_n, pysbd_sentences=sb_n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
