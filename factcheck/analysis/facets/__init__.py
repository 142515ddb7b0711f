"""The checkable facts of a claim: figures, names, dates, attribution, hedges.

Everything here is a pure function of a claim's text (plus the article's language, and
optionally the set of words the article uses in lower case, which tells a
sentence-initial "Cette" from a sentence-initial "Meta").

    reading      the shared reading of a claim (Sentence) and the shortcuts that keep the
                 extractors fast: gates and case-folded twins of the patterns
    figures      "14,3 milliards de dollars" = {"value": 14300000000.0, "unit": "USD"}
    dates        "le 3 juillet 2025", "en septembre", "on Friday", "les 4 et 5 mai"
    names        "Conseil de l’Europe", "Bank of England"; not "Today" nor "I'm"
    attribution  the speaker and its kind; hedges (report, speculation, anonymous)
"""

from __future__ import annotations

from . import attribution, figures, names, reading
from .attribution import extract_attribution, extract_hedges, find_speaker, name_kind
from .dates import _find_dates, extract_dates
from .figures import Figure, _overlaps, extract_figures, parse_number
from .names import (LowerVocabulary, extract_entities, lower_vocabulary, name_number_end,
                    normalise_name)
from .reading import (Gate, Sentence, analyse, article_gates, finditer, folded, plainly_cased,
                      search)

__all__ = [
    "Figure", "Gate", "LowerVocabulary", "Sentence", "analyse", "article_gates", "clear_caches",
    "extract", "extract_attribution", "extract_dates", "extract_entities", "extract_figures",
    "extract_hedges", "extract_many", "find_speaker", "finditer", "folded", "lower_vocabulary",
    "name_kind", "name_number_end", "normalise_name", "parse_number", "plainly_cased", "search",
]


def clear_caches() -> None:
    """Forget what the extractors worked out and kept (names, figures, speakers' kinds):
    the speed bench starts each run from nothing."""
    for module in (attribution, figures, names, reading):
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


def extract(text: str, lang: str = "fr", lower_vocab=frozenset(), *,
            sentence: Sentence | None = None) -> dict:
    """All facets of one claim, JSON-ready (sentence: Sentence(text), if the caller has it).

    Keys: numbers ({"text", "value", "unit"}, and "approximate": true for "près de 30 000",
    "about 15"), entities, dates ({"text",
    "value", "relative"}), attribution, speaker, speaker_kind (person, organisation,
    unknown; None without a speaker), hedges, hedge_kinds (report, speculation, anonymous).
    """
    return extract_many([text], lang, lower_vocab,
                        [analyse(text) if sentence is None else sentence])[0]


def extract_many(texts: list[str], lang: str, lower_vocab, sentences: list[Sentence]
                 ) -> list[dict]:
    """extract(text, lang, lower_vocab, sentence=…) of each of an article's claims.

    Each kind of facet is found in every claim before the next kind: the same few
    patterns and functions run back to back, which keeps them in the processor's caches
    (claim after claim, all of them in turn, they push each other out)."""
    all_dates = list(map(_find_dates, texts, sentences))
    all_figures = [extract_figures(text, lang, masked=[(s, e) for s, e, _ in dates] if dates
                                   else (), sentence=sentence)
                   for text, dates, sentence in zip(texts, all_dates, sentences)]
    all_entities = []
    for text, found, dates in zip(texts, all_figures, all_dates):
        entities = extract_entities(text, lower_vocab, lang)
        if found and entities:  # a name inside a figure ("14 M€") is not a name
            spans = [(f.start, f.end) for f in found]
            entities = [e for e in entities if not _overlaps(spans, e["start"], e["end"])]
        if dates and entities:  # nor one inside a date ("on May 4", "Today")
            spans = [(s, e) for s, e, _ in dates]
            entities = [e for e in entities if not _overlaps(spans, e["start"], e["end"])]
        all_entities.append(entities)
    speakers = [find_speaker(text, entities, sentence=sentence)
                for text, entities, sentence in zip(texts, all_entities, sentences)]
    all_hedges = [extract_hedges(text, sentence=sentence)
                  for text, sentence in zip(texts, sentences)]
    return [{
        "numbers": [f.as_dict() for f in found],
        "entities": [e["text"] for e in entities],
        "dates": [d for _, _, d in dates],
        "attribution": said,
        "speaker": speaker,
        "speaker_kind": kind,
        "hedges": [h["text"] for h in hedges],
        "hedge_kinds": sorted({h["kind"] for h in hedges}) if hedges else [],
    } for found, entities, dates, (said, speaker, kind), hedges
        in zip(all_figures, all_entities, all_dates, speakers, all_hedges)]
