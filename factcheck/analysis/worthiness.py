"""How check-worthy a claim is, in [0, 1], with the reasons in plain words.

A transparent additive score rather than a model: an editor can read why a
claim ranks where it does.  Checkable material raises it (figures, named
actors, an attribution, a concrete event, a date); what cannot be checked
lowers it (opinion and vague characterisation, speculation about the future,
questions, fragments).
"""

from __future__ import annotations

import functools
import re

from .facets import Gate, Sentence, analyse, finditer, folded, search

# An event is a past participle after an auxiliary (a investi, ont été rachetés… "a levé
# des fonds" allows one word between), or a noun or an English verb of the kind.
_EVENT_PARTICIPLES = """
    investi acquis racheté recruté embauché payé déboursé dépensé vendu signé licencié levé
    nommé quitté rejoint lancé publié élu voté proposé tenté fondé créé cofondé augmenté
    baissé chuté progressé doublé triplé annoncé pris suivi suivie suivis suivies conclu
    obtenu perdu gagné refusé rejeté approuvé adopté condamné arrêté tué blessé
""".split()
_EVENT_NOUNS = """
    recrutement rachat acquisition participation investissement prime primes cofondateur
    fondateur démission licenciement faillite
""".split()
_EVENT_VERBS_EN = """
    paid acquired bought invested hired recruited poached signed raised spent sold appointed
    joined left launched founded offered took rose fell increased decreased doubled grew won
    lost elected voted approved rejected killed arrested stake
""".split()
_EVENT = re.compile(
    r"\b(?:a|ont|avait|aurait|ait|aient|ayant|a\s+été|ont\s+été)\s+(?:\w+\s+)?"
    r"(?:" + "|".join(_EVENT_PARTICIPLES) + r")\b"
    r"|\b(?:" + "|".join(_EVENT_NOUNS) + r")\b"
    r"|\b(?:" + "|".join(_EVENT_VERBS_EN) + r")\b",
    re.IGNORECASE,
)
folded(_EVENT)
# Every match ends in one of these words (the auxiliaries alone are not enough).
_EVENT_GATE = Gate(_EVENT_PARTICIPLES + _EVENT_NOUNS + _EVENT_VERBS_EN)
_OPINION = re.compile(
    r"\b(?:agressi(?:f|ve|ves|fs)|fondamenta(?:l|le|les|ux)|spectaculaires?|colossa(?:l|le|les|ux)"
    r"|frénésie|stratégie|changement|inédite?s?|incroyables?|remarquables?|énormes?"
    r"|considérables?|historiques?|révolution\w*|de\s+plus\s+en\s+plus|pionnier|reconnu"
    r"|sans\s+précédent|désormais|vedettes?|géants?|raid|course|vise|visent|marque"
    r"|aggressive|fundamental|spectacular|massive|huge|unprecedented|remarkable|shift"
    r"|strategy|increasingly|frenzy|landmark|stunning|dramatic|race|giants?"
    r"|je\s+pense|à\s+mon\s+avis|il\s+faut|nous\s+devons|i\s+think|we\s+must|should)\b",
    re.IGNORECASE,
)
folded(_OPINION)
# a word of each alternative of _OPINION ("pense" for "je pense"…), or a fragment of it
_OPINION_GATE = Gate(
    """
    agressif agressive agressives agressifs fondamental fondamentale fondamentales
    fondamentaux spectaculaire spectaculaires colossal colossale colossales colossaux
    frénésie stratégie changement inédit inédite inédits inédites incroyable incroyables
    remarquable remarquables énorme énormes considérable considérables historique historiques
    pionnier reconnu précédent désormais vedette vedettes géant géants raid course vise visent
    marque aggressive fundamental spectacular massive huge unprecedented remarkable shift
    strategy increasingly frenzy landmark stunning dramatic race giant giants pense avis faut
    devons think must should
    """, fragments=("révolution", "de plus en plus"))
_FIRST_PERSON_VIEW = folded(re.compile(r"\b(?:selon\s+moi|à\s+mon\s+sens|in\s+my\s+view)\b", re.I))
_FIRST_PERSON_GATE = Gate("moi sens view")


def _list(items: list[str], limit: int = 4) -> str:
    shown = ", ".join(items[:limit])
    return shown + ("…" if len(items) > limit else "")


def score(text: str, facets: dict, *, sentence: Sentence | None = None
          ) -> tuple[float, list[str]]:
    """Return (check-worthiness in [0, 1], reasons), each reason signed + or −
    (sentence: facets.Sentence(text), if the caller has it)."""
    reasons: list[str] = []
    if sentence is None:
        sentence = analyse(text)
    total = 0.15
    numbers = facets.get("numbers") or []
    entities = facets.get("entities") or []
    # words, counted only up to 6: only a shorter claim's count is ever shown
    words = len(text.split(None, 5))

    if numbers:
        with_unit = [n for n in numbers if n.get("unit")]
        gain = 0.30 + min(0.15, 0.08 * (len(numbers) - 1)) + (0.05 if with_unit else 0.0)
        total += gain
        reasons.append(f"+ {len(numbers)} figure{'s' if len(numbers) > 1 else ''}: "
                       f"{_list([n['text'] for n in numbers])}")
    if entities:
        total += min(0.25, 0.08 * len(entities))
        reasons.append(f"+ {len(entities)} named actor{'s' if len(entities) > 1 else ''}: "
                       f"{_list(entities)}")
    event = search(_EVENT, sentence) if sentence.gates & _EVENT_GATE.bit else None
    if event:
        total += 0.12
        reasons.append(f"+ a verifiable event: «{event.group().strip()}»")
    if facets.get("attribution"):
        total += 0.08
        reasons.append(f"+ attributed: {facets['attribution'][:80]}")
    dates = facets.get("dates") or []
    if dates and any(not d.get("relative") for d in dates):
        total += 0.05
        reasons.append(f"+ dated: {_list([d['text'] for d in dates if not d.get('relative')])}")
    elif dates:
        total += 0.02
        reasons.append(f"+ relative time: {dates[0]['text']}")
    hedges = facets.get("hedges") or []
    kinds = facets.get("hedge_kinds") or []
    if "report" in kinds:
        reasons.append("• unconfirmed report (" + _list(hedges, 2) + "): worth checking")
    if "speculation" in kinds and not numbers:
        total -= 0.15
        reasons.append("− speculation: " + _list(hedges, 3))
    opinion = sorted({m.group().lower() for m in finditer(_OPINION, sentence)}) if (
        sentence.gates & _OPINION_GATE.bit) else []
    if opinion or (sentence.gates & _FIRST_PERSON_GATE.bit
                   and search(_FIRST_PERSON_VIEW, sentence)):
        total -= min(0.3, 0.07 * max(1, len(opinion)))
        reasons.append("− opinion or characterisation: " + _list(opinion or ["first person"]))
    if not numbers and not entities:
        total -= 0.1
        reasons.append("− nothing concrete to check: no figure, no name")
    if text.rstrip().endswith("?"):
        total -= 0.25
        reasons.append("− a question, not an assertion")
    if words < 6:
        total -= 0.2
        reasons.append(f"− very short ({words} words)")
    return _rounded(total), reasons


@functools.lru_cache(maxsize=1024)
def _rounded(total: float) -> float:
    """The score as shown: in [0, 1], three decimals (the totals are a few sums of the same
    steps, so they are worked out once; round() was 2% of an import)."""
    return round(min(1.0, max(0.0, total)), 3)
