"""The claim pipeline: an article's text in, its claims with facets and scores out."""

from __future__ import annotations

from collections.abc import Iterator

from . import facets, worthiness
from .segment import segment


def build_claims(text: str, lang: str) -> Iterator[dict]:
    """Segment an article and compute each claim's facets and check-worthiness.

    Each claim is a dict: start, end (offsets into ``text``), text, facets,
    checkworthiness and reasons.
    """
    vocab = facets.LowerVocabulary(text)  # the article's lower-case words, looked up lazily
    # an article whose characters all fold plainly has every claim gated, so no claim is
    # looked through again for the characters that do not
    gated = True if facets.plainly_cased(text) else None
    # the gates that only a phrase opens, of those the article holds the words of
    fragment_gates = facets.article_gates(text.lower())
    for start, end in segment(text, lang=lang):
        claim_text = text[start:end]
        # one reading of the claim serves its facets and its score
        sentence = facets.Sentence(claim_text, gated, fragment_gates)
        f = facets.extract(claim_text, lang, vocab, sentence=sentence)
        worth, reasons = worthiness.score(claim_text, f, sentence=sentence, lang=lang)
        yield {"start": start, "end": end, "text": claim_text, "facets": f,
               "checkworthiness": worth, "reasons": reasons}
