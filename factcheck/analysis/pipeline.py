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
    spans = segment(text, lang=lang)
    # claims go through each step in batches (see facets.extract_many)
    for at in range(0, len(spans), _BATCH):
        batch = spans[at:at + _BATCH]
        texts = [text[start:end] for start, end in batch]
        # one reading of each claim serves its facets and its score
        sentences = [facets.Sentence(t, gated, fragment_gates) for t in texts]
        found = facets.extract_many(texts, lang, vocab, sentences)
        scored = worthiness.score_many(texts, found, sentences, lang)
        for (start, end), claim_text, f, (worth, reasons) in zip(batch, texts, found, scored):
            yield {"start": start, "end": end, "text": claim_text, "facets": f,
                   "checkworthiness": worth, "reasons": reasons}


_BATCH = 64  # claims
