"""Who says it, and how sure the claim is.

The speaker is a named person, organisation or publication: the subject of a speech verb
("Sam Altman a déclaré", "Meta said"), the name after an inverted one ("…, a déclaré son
PDG, Paul Hudson", "…, rapporte Les Echos"), or the source after "selon" / "according to"
("selon l’agence Bloomberg" is Bloomberg).  "The company said", "la police", a reason
("citing weak demand") or a calculation ("d’après un autre calcul") name no one.  Each
speaker has a kind: person, organisation (publications included) or unknown.

Hedges are of three kinds: report (aurait, reportedly), speculation (pourrait, could) and
anonymous sourcing (selon plusieurs sources, people familiar with the deal).
"""

from __future__ import annotations

import functools
import re
from operator import itemgetter

from ...text.words import INSTITUTION_HEADS, KNOWN_ORGANISATIONS
from .names import normalise_name
from .reading import Gate, Sentence, analyse, case_twin, finditer, folded

_SPEECH_FR = (
    r"déclaré|affirmé|révélé|annoncé|indiqué|estimé|expliqué|assuré|confié|souligné|précisé"
    r"|reconnu|admis|dit|raconté|confirmé|démenti|nié|écrit|tweeté|rapporté|signalé|prévenu"
    r"|averti|exprimé|dénoncé|accusé|martelé|insisté|ajouté|jugé|qualifié|rappelé|promis"
    r"|constaté|observé|noté"
)
_SPEECH_FR_PRESENT = (
    r"déclare|affirme|révèle|annonce|indique|estime|explique|assure|confie|souligne|précise"
    r"|reconnaît|admet|dit|raconte|confirme|dément|nie|écrit|rapporte|signale|prévient|juge"
    r"|qualifient|estiment|affirment|jugent|disent|assurent|expliquent|considèrent|dénonce"
    r"|déplore|regrette"
)
_SPEECH_EN = (
    r"said|says|told|tells|announced|revealed|claimed|claims|stated|reported|reports|wrote"
    r"|writes|tweeted|confirmed|denied|argued|argues|added|noted|estimated|warned|insisted"
    r"|acknowledged|admitted|explained|testified|alleged|alleges|believes|called|calls"
)
_SPEECH_FR_REFLEXIVE = r"félicité|félicitée|réjoui|réjouie|inquiété|inquiétée|indigné|indignée"
_ATTRIBUTION_PATTERNS = [
    re.compile(r"\b(?:selon|d[’']après|according\s+to|citing|cité\s+par|as\s+reported\s+by)"
               r"\s+(?P<who>[^,.;:«»“”()]{2,80}?)(?=\s*[,.;:«»“”()]|\s*$|\s+(?:qui|que|which|that)\b)",
               re.I),
    re.compile(rf"\b(?:a|ont|avait|avaient|aurait|auraient|ayant|a-t-il|a-t-elle|ont-ils)\s+"
               rf"(?:(?:également|aussi|notamment|déjà|encore|publiquement)\s+)?(?:{_SPEECH_FR})\b"),
    re.compile(rf"\b(?:{_SPEECH_FR_PRESENT})(?:-t)?-(?:il|elle|ils|elles)\b"),
    re.compile(rf"\b(?:{_SPEECH_EN})\b"),
    # "Il estime que", "Amnesty dénonce des…", and inverted: "…, rapporte Les Echos"
    re.compile(rf"(?<=\s)(?:{_SPEECH_FR_PRESENT}|ajoute|note|observe)\b(?=\s+(?:que|qu[’']|d[’']"
               rf"|de|à|des|les|le|la|l[’']|un|une|Les|Le|La|L[’']|[A-ZÀ-ÖØ-Þ]))"),
    re.compile(r"\b(?:estimant|affirmant|assurant|jugeant|expliquant|soulignant)\s+qu", re.I),
    re.compile(rf"\bs[’']est\s+(?:{_SPEECH_FR_REFLEXIVE})\b"),
    # "a appelé à un cessez-le-feu": a call is said
    re.compile(r"\b(?:a|ont|avait|avaient)\s+(?:également\s+|aussi\s+)?appelé"
               r"(?=\s+(?:\w+\s+){0,2}?(?:à|au|aux)\b)"),
]
folded(_ATTRIBUTION_PATTERNS[0])
folded(_ATTRIBUTION_PATTERNS[5])
# the word of each _ATTRIBUTION_PATTERNS that a sentence must hold for it to match
_ATTRIBUTION_GATES = [
    Gate("selon après according citing cité reported"),
    Gate(_SPEECH_FR.split("|")),
    Gate(_SPEECH_FR_PRESENT.split("|")),
    Gate(_SPEECH_EN.split("|")),
    Gate(_SPEECH_FR_PRESENT.split("|") + ["ajoute", "note", "observe"]),
    Gate("estimant affirmant assurant jugeant expliquant soulignant"),
    Gate(_SPEECH_FR_REFLEXIVE.split("|")),
    Gate("appelé"),
]
_ATTRIBUTION_BITS = [gate.bit for gate in _ATTRIBUTION_GATES]
_SPEECH_BITS = 0  # any gate of a speech verb (for the hedges: reported speech)
for _bit in _ATTRIBUTION_BITS[1:]:
    _SPEECH_BITS |= _bit  # (a gate is its bit: see Gate)
_ATTRIBUTION_ANY = _SPEECH_BITS | _ATTRIBUTION_BITS[0]

# "citing" names a source only when a source follows, not a reason ("citing weak demand")
_CITED_SOURCE = re.compile(
    r"\b(?:sources?|officials?|people|persons?|analysts?|reports?|data|figures|documents"
    r"|filings|statements?|a\s+person|a\s+source|insiders?)\b", re.I)
# Between a speaker and its verb: nothing, an apposition (", scientifique en chef chez
# Meta,"), or the people of an organisation ("NASA scientists said")
_SUBJECT_GAP = re.compile(
    r"\s*|\s*,[^;.!?«»“”]{1,120},\s*|\s+(?:also|également|aussi|then|later)\s+"
    r"|\s+(?:scientists|researchers|analysts|officials|economists|experts|executives"
    r"|spokes(?:wo)?man|spokesperson|chercheurs|responsables|analystes|dirigeants)\s*")
_GENERIC_WHO = re.compile(
    r"\b(?:les|des|plusieurs|certains|de\s+nombreux|the|some|several|many)\s+(?:experts|analystes"
    r"|observateurs|sources|spécialistes|responsables|analysts|observers|officials|critics"
    r"|economists|économistes)(?:\s+(?:du|de\s+la|des|in\s+the|of\s+the)\s+\w+)?",
    re.I,
)
_GENERIC_WHO_TWIN = case_twin(_GENERIC_WHO)
_COMMA_GAP = re.compile(r"\s*,\s*")
_ADDED = re.compile(r"\s*(?:that\b|,|\.|;|$|[«“\"])")
# A person's role before the name of a place or a body: the role speaks, unnamed
_ROLE_OF_BEFORE = re.compile(
    r"\b(?:mayor|president|head|chief|minister|governor|leader|director|maire|président"
    r"|présidente|ministre|directeur|directrice|patron|patronne|procureur|procureure|préfet"
    r"|préfète|chef|cheffe)\s+(?:of|de|du|des|d[’']|de\s+la|de\s+l[’'])\s*(?:the\s+)?$",
    re.I)
_ROLE_OF_BEFORE_TWIN = case_twin(_ROLE_OF_BEFORE)
_REMINDED = re.compile(r"\s*(?:que|qu[’']|:|«|,)")
# The agent of a passive is not the speaker: "economists polled by Bloomberg said"
_AGENT_BEFORE = re.compile(r"\b(?:by|par)\s+(?:the\s+|l[’']|le\s+|la\s+|les\s+)?$", re.I)
_AGENT_BEFORE_TWIN = case_twin(_AGENT_BEFORE)
# Nouns that name an organisation before its name: "le syndicat SNES-FSU", "the newspaper"
_ORG_NOUNS = (
    r"(?:agence|groupe|société|entreprise|quotidien|journal|hebdomadaire|magazine|site|ong"
    r"|laboratoire|constructeur|banque|fonds|start-up|cabinet|institut|institution"
    r"|organisation|syndicat|parti|ministère|classement|company|newspaper|agency|bank|group"
    r"|carmaker|firm|broadcaster|daily|chipmaker|startup|fund|union|party|website|ministry"
    r"|think\s+tank|regulator|watchdog)"
)
# After an inverted verb: time words, then the name, after its article or its role
# ("…, a déclaré son PDG, Paul Hudson", "…, a indiqué l’Autorité des marchés financiers")
_INVERTED_GAP = re.compile(
    r"(?:\s+(?:hier|aujourd[’']hui|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|soir"
    r"|matin|également|aussi|encore|on\s+\w+day|yesterday|today))*"
    r"(?:\s*|\s+(?:l[’']|le\s+|la\s+|les\s+|the\s+)(?:" + _ORG_NOUNS + r"\s+)?"
    r"|\s+[^,.;:!?«»“”]{1,60},\s*)", re.I)
# …and after the name, the end of the clause: "…, said Sam Altman." but not "…, said
# Europe must spend more"
_INVERTED_END = re.compile(
    r"\s*(?:(?:hier|aujourd[’']hui|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|soir"
    r"|matin|yesterday|today|on\s+\w+day|lors\s+d|sur\s|dans\s|in\s|at\s|on\s|to\s|à\s)"
    r"[^,.;:!?«»“”]*)?(?:[.,;:!?»”)\"]|$)", re.I)
_CLAUSE_END = ",»”\"—–)"
_TOLD = re.compile(r"told\s+(?:the\s+)?$")

# The kind of a speaker, from the words around it
# The kind of a speaker, from the words right before it (looked up among the last few
# words: cheaper than a pattern searched back from the name)
_ORG_BEFORE = frozenset(tuple(p.split()) for p in """
    the|le|la|les|l’|l'|la direction de|la direction du|la direction d’|les dirigeants de
    les dirigeants du|the management of|the board of|représentant de|représentants de
    website|property website|news site|le classement|the magazine|the newspaper|l’ agence
    le groupe|la société|l’ entreprise|le quotidien|le journal|l’ hebdomadaire|le magazine
    le site|l’ ong|le laboratoire|le constructeur|la banque|le fonds|la start-up|le cabinet
    l’ institut|l’ institution|l’ organisation|le syndicat|le parti|the company|the agency
    the bank|the group|the carmaker|the firm|industry body|the broadcaster|the daily
    the chipmaker|the startup|the fund|the union|the party|spokesman for|spokeswoman for
    spokesperson for|porte-parole de|porte-parole du|porte-parole d’|researchers at
    scientists at|analysts at|economists at|officials at|experts at|researchers from
    chercheurs de|chez""".replace("\n", "|").split("|") if p.strip())
_PERSON_BEFORE = frozenset(tuple(p.split()) for p in """
    m.|m|mme|mlle|mr|mr.|mrs|ms|dr|dr.|pr|me|l’ économiste|le milliardaire|la milliardaire
    le ministre|la ministre|le président|la présidente|le député|la députée|le maire
    la maire|l’ avocat|l’ avocate|le juge|le patron|la patronne|son pdg|sa pdg
    son directeur général|sa directrice générale|son directeur financier
    sa directrice financière|its chief executive|chief executive|the economist
    the billionaire|the minister|the president|founder|fondateur|fondatrice
    """.replace("\n", "|").split("|") if p.strip())


def _before_is(text: str, start: int, phrases: frozenset) -> bool:
    """Whether the words right before text[start] end with one of the phrases, perhaps
    with one word between a phrase of two words or more and the name ("la start-up
    nantaise Lumio"); a comma right before the name is allowed ("son PDG, Paul Hudson")."""
    words = text[max(0, start - 40):start].lower().replace("’", "’ ").replace("'", "' ") \
        .split()[-5:]
    if words and words[-1].endswith(","):
        words[-1] = words[-1][:-1]
    for skip, tail in ((0, words), (1, words[:-1])):
        if skip and (not words or "," in words[-1]):
            break
        for n in (1, 2, 3, 4):
            if n > len(tail) or (skip and n == 1):
                continue
            if tuple(tail[-n:]) in phrases:
                return True
    return False


_PERSON_AFTER = re.compile(
    r"\s*,\s*(?:\d{1,3}\s*,|porte-parole|délégué|déléguée|directeur|directrice|président"
    r"|présidente|préfet|préfète|ministre|maire|avocat|avocate|député|députée|professeur"
    r"|chercheur|chercheuse|économiste|fondateur|fondatrice|a\s+lawyer|a\s+spokes\w+"
    r"|the\s+chief|the\s+head|who\s+led|a\s+professor|an?\s+\w*\s*(?:economist|analyst"
    r"|researcher|scientist|official|executive))", re.I)
_ORG_WORDS = INSTITUTION_HEADS | frozenset("""
    inc corp ltd plc llc sa sas ag gmbh group groupe capital partners labs technologies
    systems motors airlines airways aviation energies times journal post news press herald
    tribune gazette monde figaro echos parisien foundation fondation statistics reserve
    authority autorité international media mobile holdings bourse exchange trust ai
    ministère ministry department bureau agency agence commission
""".split())


@functools.lru_cache(maxsize=256)  # a speaker's kind is asked for more than once
def name_kind(text: str, start: int, end: int) -> str:
    """person, organisation or unknown: what the name at text[start:end] is."""
    name = text[start:end]
    words = name.replace("-", " ").split()
    key = normalise_name(name)
    if key in KNOWN_ORGANISATIONS:
        return "organisation"
    if any(w.isupper() and len(w) > 1 and w.isalpha() for w in words):
        return "organisation"  # NASA, BBC, Scale AI
    if any(w.lower() in _ORG_WORDS for w in words):
        return "organisation"
    if _before_is(text, start, _PERSON_BEFORE) or \
            _PERSON_AFTER.match(text, end):
        return "person"
    if _before_is(text, start, _ORG_BEFORE):
        return "organisation"
    if len(words) >= 2 and all(w[:1].isupper() or w.lower() in ("de", "van", "von", "der", "le",
                                                                  "la", "da", "di", "del")
                               for w in words):
        return "person"
    return "unknown"


def extract_attribution(text: str, entities: list[dict], *, sentence: Sentence | None = None
                        ) -> tuple[str | None, str | None]:
    """Who says it: (the phrase as written, the speaker) or (None, None)."""
    phrase, speaker, _ = find_speaker(text, entities, sentence=sentence)
    return phrase, speaker


def find_speaker(text: str, entities: list[dict], *, sentence: Sentence | None = None
                 ) -> tuple[str | None, str | None, str | None]:
    """(the attribution phrase, the speaker, its kind), each None when there is none."""
    best: tuple[int, str, dict | None] | None = None  # (rank, phrase, speaker entity)
    if sentence is None:
        sentence = analyse(text)
    gates = sentence.gates & _ATTRIBUTION_ANY
    if not gates:
        return None, None, None  # no word of any pattern: most claims
    lowered = sentence.lowered if sentence.gated else None
    for idx, pattern in enumerate(_ATTRIBUTION_PATTERNS):
        if not gates & _ATTRIBUTION_BITS[idx]:
            continue
        for m in finditer(pattern, sentence):
            if idx == 0:  # selon X, according to X
                cand = _source_after(text, m, entities)
            else:
                cand = _speaker_of_verb(text, m, entities, lowered)
            if cand is not None and (best is None or cand[0] < best[0]):
                best = cand
    if best is None:
        return None, None, None
    _, phrase, who = best
    if who is None:
        return phrase, None, None
    return phrase, who["text"], name_kind(text, who["start"], who["end"])


# "de", "of", "by"… right before a name (compiled once: a pattern given to re.search is
# looked up in re's cache, which other code may have filled with its own)
_OF_BEFORE = re.compile(r"\b(?:de|des|du|d[’']|of|by|par|in|at|chez)\s*(?:l[’']|la\s+|le\s+"
                        r"|les\s+|the\s+)?$", re.I)


def _source_after(text: str, m: re.Match, entities: list[dict]):
    """selon X, d’après X, according to X: the named source in X, if any."""
    inside = [e for e in entities if e["start"] >= m.start("who") and e["end"] <= m.end("who")]
    if m.group().lower().startswith("citing") and not inside and \
            not _CITED_SOURCE.search(m.group("who")):
        return None  # "citing weak demand": a reason
    phrase = m.group().strip()
    for e in inside:
        lead = text[m.start("who"):e["start"]]
        # "selon l’agence Bloomberg", "selon le Financial Times": the source itself; "une
        # étude de l’Inserm": the source only if it is an organisation
        if _OF_BEFORE.search(lead) and name_kind(text, e["start"], e["end"]) != "organisation":
            continue
        return (1, phrase, e)
    return (3, phrase, None)


def _speaker_of_verb(text: str, m: re.Match, entities: list[dict], lowered: str | None = None):
    """lowered: the claim lower-cased, when it lines up with it (Sentence.gated): the
    case-insensitive patterns are then tried through their twins on it."""
    if lowered is None:
        lowered, role_of, agent, generic_who = text, _ROLE_OF_BEFORE, _AGENT_BEFORE, _GENERIC_WHO
    else:
        role_of, agent, generic_who = _ROLE_OF_BEFORE_TWIN, _AGENT_BEFORE_TWIN, _GENERIC_WHO_TWIN
    verb_start, verb_end = m.span()
    # inverted: "…, a déclaré Sam Altman", "…, rapporte Les Echos"
    before = text[:verb_start].rstrip()
    if before and before[-1] in _CLAUSE_END:
        for e in entities:
            if verb_end <= e["start"] <= verb_end + 80 and \
                    _INVERTED_GAP.fullmatch(text, verb_end, e["start"]) and \
                    _INVERTED_END.match(text, e["end"]):
                return (0 if name_kind(text, e["start"], e["end"]) == "person" else 1,
                        text[verb_start:e["end"]].strip(), e)
    # "a-t-elle annoncé": the subject of the sentence, when it opens it
    if "-t-" in m.group() or m.group().endswith(("-il", "-elle", "-ils", "-elles")):
        first = entities[0] if entities else None
        if first and first["end"] <= verb_start and first["start"] < 60 and \
                name_kind(text, first["start"], first["end"]) != "unknown":
            return (2, m.group(), first)
        return (3, m.group(), None)
    # the subject before the verb
    if m.group().endswith("rappelé") and not _REMINDED.match(text, verb_end):
        return None  # "a rappelé 12 lots": a recall, not a reminder
    if m.group() == "added" and not _ADDED.match(text, verb_end):
        return None  # "Netflix added 9.3 million subscribers": a gain, not a word
    candidates = []
    for e in entities:
        if e["end"] > verb_start:
            break
        if agent.search(lowered, max(0, e["start"] - 12), e["start"]) or \
                role_of.search(lowered, max(0, e["start"] - 40), e["start"]):
            continue  # "polled by Bloomberg", "the mayor of Valencia": not the speaker
        if _SUBJECT_GAP.fullmatch(text, e["end"], verb_start) or (
                _COMMA_GAP.fullmatch(text, e["end"], verb_start)
                and text[:e["start"]].rstrip().endswith(",")):
            # "Le maire de Grenoble, Éric Piolle, a indiqué": an apposition; not "…à
            # Mayotte, a indiqué la préfecture"
            candidates.append(e)
    if candidates:
        kinds = [name_kind(text, e["start"], e["end"]) for e in candidates]
        people = [e for e, k in zip(candidates, kinds) if k == "person"]
        chosen = people[0] if people else candidates[-1]
        rank = 0 if chosen in people else 1
        return (rank, text[chosen["start"]:verb_end].strip(), chosen)
    # "witnesses told the Associated Press": the publication that was told
    if m.group() == "told":
        for e in entities:
            if e["start"] >= verb_end and _TOLD.fullmatch(text, verb_start, e["start"]) and \
                    name_kind(text, e["start"], e["end"]) == "organisation":
                return (1, text[verb_start:e["end"]], e)
    # "les experts du secteur qualifient": attributed, to no one named
    generic = None
    for g in generic_who.finditer(lowered, 0, verb_start):
        generic = g
    if generic is not None and verb_start - generic.end() < 60:
        return (3, text[generic.start():verb_end], None)
    return (3, m.group(), None)


# ---------------------------------------------------------------- hedges

_HEDGES_REPORT = [
    r"il\s+sembl(?:e|erait)", r"semble-t-il", r"sembl(?:e|erait|ent|eraient)", r"aurai(?:t|ent)",
    r"serai(?:t|ent)", r"apparemment", r"présumée?s?", r"supposée?s?", r"selon\s+des\s+rumeurs",
    r"dit-on", r"à\s+ce\s+qu[’']il\s+para[iî]t", r"reportedly", r"allegedly", r"apparently",
    r"seem(?:s|ed)?\s+to", r"appears?\s+to", r"unconfirmed", r"rumou?red", r"it\s+is\s+believed",
    r"is\s+said\s+to", r"are\s+said\s+to", r"would\s+have",
]
_HEDGES_SPECULATIVE = [
    r"pourrai(?:t|ent)", r"pourrait-(?:il|elle)", r"probablement", r"peut-être",
    r"sans\s+doute", r"vraisemblablement", r"éventuellement",
    r"(?<!\ble\s)(?<!\bdu\s)(?<!\bun\s)(?<!\bau\s)(?<!\bce\s)(?<!\bde\s)risque\s+de",
    r"devrai(?:t|ent)",
    r"could", r"might", r"may", r"would", r"possibly", r"probably", r"perhaps", r"likely",
    r"(?:is|are|was|were)\s+expected\s+to", r"should",
]
_HEDGE_REPORT_RE = folded(re.compile(r"\b(?:" + "|".join(_HEDGES_REPORT) + r")\b", re.I))
_HEDGE_SPEC_RE = folded(re.compile(r"\b(?:" + "|".join(_HEDGES_SPECULATIVE) + r")\b", re.I))
# a word of each alternative of _HEDGES_REPORT and _HEDGES_SPECULATIVE
_HEDGE_REPORT_GATE = Gate(
    "semble semblerait semblent sembleraient aurait auraient serait seraient apparemment"
    " présumé présumée présumés présumées supposé supposée supposés supposées rumeurs dit"
    " paraît parait reportedly allegedly apparently seem seems seemed appear appears"
    " unconfirmed rumored rumoured believed said would")
_HEDGE_SPEC_GATE = Gate(
    "pourrait pourraient probablement peut doute vraisemblablement éventuellement risque"
    " devrait devraient could might may would possibly probably perhaps likely expected"
    " should")
# Anonymous sourcing: a source the reader cannot check
_ANONYMOUS = re.compile(
    r"\b(?:"
    r"selon\s+(?:plusieurs|des|de|certaines)\s+sources(?:\s+(?!proches?\b)[a-zéèêàçî]+)?"
    r"(?:\s+proches?\s+d(?:u|es|e\s+la|e\s+l[’']|e)\s*[a-zéèêàçî]+)?"
    r"|(?:d[’']après\s+)?(?:une|des|plusieurs|de)\s+sources?\s+(?:proches?|informées?"
    r"|bien\s+informées?|concordantes?|syndicales?|gouvernementales?|policières?"
    r"|judiciaires?|diplomatiques?|sécuritaires?|parlementaires?)"
    r"(?:\s+d(?:u|es|e\s+la|e\s+l[’']|e)\s*[a-zéèêàçî]+)?"
    r"|d[’']après\s+(?:plusieurs|des)\s+sources(?:\s+[a-zéèêàçî]+)?"
    r"|de\s+sources?\s+(?:proches?|sûres?|bien\s+informées?|syndicales?|policières?|judiciaires?)"
    r"|(?:un|une|des)\s+proches?\s+d(?:u|es|e\s+la|e\s+l[’']|e)\s*(?:dossier|enquête"
    r"|négociations|discussions|direction|gouvernement|président|ministre)"
    r"|sous\s+couvert\s+d[’']anonymat"
    r"|(?:qui|ayant)\s+(?:a\s+)?(?:requis|demandé|souhaité\s+garder|souhaité\s+conserver)"
    r"\s+l[’']anonymat"
    r"|(?:people|persons|sources|a\s+person|one\s+person|a\s+source|an?\s+official|officials"
    r"|insiders?)\s+(?:familiar\s+with|with\s+(?:direct\s+)?knowledge\s+of|close\s+to)"
    r"\s+(?:the|this|his|her|its|their)\s+\w+"
    r"|according\s+to\s+(?:(?:a|one|two|three|several|multiple|unnamed|anonymous)\s+)?"
    r"(?:sources?|insiders?)"
    r"|(?:several|multiple|two|three|four|unnamed|anonymous)\s+sources"
    r"|sources\s+(?:say|said|told)"
    r"|who\s+(?:asked|spoke|requested)\s+(?:not\s+to\s+be\s+(?:named|identified)"
    r"|on\s+condition\s+of\s+anonymity|anonymity)"
    r"|on\s+(?:the\s+)?condition\s+of\s+anonymity"
    r")\b", re.I)
_ANONYMOUS_TWIN = case_twin(_ANONYMOUS)
_ANONYMOUS_GATE = Gate("source sources familiar anonymat anonymity named identified insider"
                       " insiders knowledge",
                       fragments=("proche du", "proche de", "proches du", "proches de",
                                  "close to"))
# a match of _ANONYMOUS holds one of these
_ANONYMOUS_TRIGGERS = ("source", "familiar", "anonym", "named", "identified", "insider",
                       "knowledge", "proche d", "proches d", "close to")
# The French conditional reports what is not confirmed ("Carrefour envisagerait de céder")
_CONDITIONAL = re.compile(r"[a-zéèêàâîôûç]{2,}r(?:ait|aient)")
# not a conditional ("portrait"), or one of need rather than report ("il faudrait")
_NOT_CONDITIONAL = re.compile(
    r"(?:tr|extr|retr|attr|portr|abstr|distr|soustr)ai(?:t|ts|ent)$|^(?:faudrait|vaudrait)$")
_REPORTED_GATE = Gate("expects expected promised pledged hoped thought knew envisage prévoit")
# Reported speech: after "said … would", "a assuré que … fermerait", the conditional
# is the speaker's future, not a hedge
_REPORTED_BEFORE = re.compile(
    rf"\b(?:{_SPEECH_FR}|{_SPEECH_FR_PRESENT}|{_SPEECH_EN}|expects|expected|promised|pledged"
    r"|hoped|thought|knew|envisage|prévoit)\b[^.;]*$")


def extract_hedges(text: str, *, sentence: Sentence | None = None) -> list[dict]:
    """Each hedge: {"text", "kind" (report, speculation, anonymous), "start"}."""
    out: list[dict] = []
    if sentence is None:
        sentence = analyse(text)
    # (the lower-cased text lines up with the text only when gated: otherwise lower-case
    # the text afresh, one character for one)
    lowered = sentence.lowered if sentence.gated else "".join(
        c.lower() if len(c.lower()) == 1 else c for c in text)
    if sentence.gates & _ANONYMOUS_GATE.bit:
        # searched around the words every match holds, not through the whole claim
        found: dict[int, re.Match] = {}
        # (through the twin on the lower-cased text when it lines up: the hedge's own
        # text is taken from the claim at the match's place)
        anonymous, within = (_ANONYMOUS_TWIN, lowered) if sentence.gated else (_ANONYMOUS, text)
        for trigger in _ANONYMOUS_TRIGGERS:
            i = lowered.find(trigger)
            while i >= 0:
                for m in anonymous.finditer(within, max(0, i - 32), i + 50):
                    found.setdefault(m.start(), m)
                i = lowered.find(trigger, i + 1)
        for start in sorted(found):
            m = found[start]
            if not _inside(out, start):
                out.append({"text": text[start:m.end()], "kind": "anonymous", "start": start})
    for m in finditer(_HEDGE_REPORT_RE, sentence) if sentence.gates & _HEDGE_REPORT_GATE.bit else ():
        if not _inside(out, m.start()):
            out.append({"text": m.group(), "kind": "report", "start": m.start()})
    for m in finditer(_HEDGE_SPEC_RE, sentence) if sentence.gates & _HEDGE_SPEC_GATE.bit else ():
        if _inside(out, m.start()) or m.group() == "May" or (
                m.group()[0].isupper() and m.start() and text[m.start() - 1] not in " «“\"(\n"):
            continue  # "May": the month
        if m.group() == "would" and _reported_before(text, m.start(), sentence):
            continue  # "said it would close three plants": the future, reported
        out.append({"text": m.group(), "kind": "speculation", "start": m.start()})
    i = lowered.find("rait")
    while i >= 0:
        # the word around "rait": a conditional ends there or with "raient"
        end = i + (6 if lowered.startswith("raient", i) else 4)
        start = i
        while start and (text[start - 1].isalpha()):
            start -= 1
        if (end == len(text) or not text[end].isalnum()) and i - start >= 2 and \
                (m := _CONDITIONAL.fullmatch(text, start, end)) is not None:
            word = m.group().lower()
            if not (_inside(out, start) or _NOT_CONDITIONAL.search(word)
                    or _reported_before(text, start, sentence)):
                out.append({"text": m.group(), "kind": "report", "start": start})
        i = lowered.find("rait", i + 4)
    if len(out) > 1:
        out.sort(key=_START)
    return out


_START = itemgetter("start")


def _reported_before(text: str, at: int, sentence: Sentence) -> bool:
    """Whether a speech verb comes before text[at] in its clause ("said it would")."""
    if not (sentence.gates & _SPEECH_BITS or sentence.gates & _REPORTED_GATE.bit):
        return False
    return _REPORTED_BEFORE.search(text, 0, at) is not None


def _inside(hedges: list[dict], at: int) -> bool:
    return any(h["start"] <= at < h["start"] + len(h["text"]) for h in hedges)
