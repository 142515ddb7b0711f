"""What the check-worthiness model reads in a claim, as named features.

Two kinds, kept apart because only one of them crosses languages:

* **shared** features hold in French as in English: the facets the desk extracts (figures
  and their units, named actors, dates, attribution, hedges), the claim's length and
  punctuation, and *cues*: small bilingual word lists for the same idea in both languages
  (a comparison, "plus de" / "more than"; a first-person view, "je pense" / "I think"; a
  promise, "nous allons" / "we will"…).  Weights learned on English data carry to French
  through them.
* **lexical** features are English word n-grams (numbers folded to "0", so "14.3" and
  "200" are one word) and the letter n-grams inside each word: the wording of checkable
  claims in the training data.  They are learned and used on English text only.

The trainer (bench/train_worthiness.py) and the scorer (worthiness.py) both read claims
through this module, so the model sees at run time exactly what it was trained on.
"""

from __future__ import annotations

import math
import re
from itertools import compress, repeat
from operator import or_

# ---------------------------------------------------------------- words

# A number, with its French or English separators ("14,3", "30 000", "1,500.25"), is one
# word "0"; the rest are runs of letters (an apostrophe splits: "l’État" → "l", "état").
_NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f\u2009 ]\d+)*")
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_]+|0")
# The UTF-8 bytes of ASCII characters other than a-z and 0, to a space; every other byte
# (those of the characters beyond ASCII) as it is.
_ASCII_GAPS = bytes(c if 0x61 <= c <= 0x7A or c == 0x30 or c >= 0x80 else 0x20
                    for c in range(256))


# ASCII characters other than a-z and 0, to a space (for str.translate on ASCII text)
_ASCII_GAPS_STR = str.maketrans({c: " " for c in map(chr, range(128))
                                 if not ("a" <= c <= "z" or c == "0")})
# Punctuation beyond ASCII that news text uses most: each splits words as a space does, so
# it is replaced by one before the split (a run that holds any other goes through _WORD).
_SPLITTERS = ("’", "«", "»", "—", "€")


def words(lowered: str, digits: bool | None = None) -> list[str]:
    """The words of a lower-cased claim, numbers folded to "0": _WORD.findall, faster.

    Splitting at the ASCII gaps finds the runs (of the UTF-8 bytes beyond ASCII); only a
    run holding something beyond ASCII that is not a letter (a dash, a digit of another
    script) goes through the pattern.  digits: whether lowered holds a digit, if known."""
    if digits or (digits is None and _DIGIT.search(lowered)):
        lowered = _NUMBER.sub(" 0 ", lowered)
    if lowered.isascii():
        return lowered.translate(_ASCII_GAPS_STR).split()
    for c in _SPLITTERS:
        if c in lowered:
            lowered = lowered.replace(c, " ")
    runs = lowered.encode("utf-8", "surrogatepass").translate(_ASCII_GAPS).decode(
        "utf-8", "surrogatepass").split()
    if "".join(runs).isalnum():
        # (past the folding, the only decimal digit left is the "0" of a number alone,
        # and no other character of a run is one the pattern would split at)
        return runs
    out: list[str] = []
    for run in runs:
        if run.isalpha() or run == "0":
            out.append(run)
        else:
            out.extend(_WORD.findall(run))
    return out


# ---------------------------------------------------------------- cues

# Each cue: the phrase an editor reads in a reason, then its words in French and English
# (whole words, lower case, as `words` splits them: "d’après" is "d après").  A cue fires
# once per claim however many of its phrases it holds; the reason quotes the first.
CUES: dict[str, tuple[str, str]] = {
    "first_person_view": ("opinion in the first person", """
        je pense | je crois | je suis convaincu | à mon avis | selon moi | à mon sens |
        nous pensons | nous croyons | j estime |
        i think | i believe | i feel | i m convinced | in my view | in my opinion |
        i m sure | we believe | we think | i hope | i want | i d like | i guess
    """),
    "obligation": ("opinion, what ought to be", """
        il faut | il faudrait | nous devons | on doit | je veux | nous voulons | il est temps |
        we must | we need | we have to | we ve got to | you have to | should | ought to |
        need to | let s | it s time
    """),
    "promise": ("a promise or a plan", """
        nous allons | je vais | on va | vous allez | va falloir | nous ferons | je ferai |
        will | ll | going to | gonna | we re going | i m going | plan to | intend to
    """),
    "judgement": ("a judgement", """
        formidable | terrible | catastrophique | désastreux | désastreuse | honteux | honteuse |
        scandaleux | scandaleuse | magnifique | merveilleux | fantastique | ridicule | absurde |
        lamentable | pathétique | injuste | inacceptable | agressif | agressive | agressives |
        great | terrible | horrible | wonderful | fantastic | amazing | beautiful | ridiculous |
        absurd | shameful | disgrace | disgraceful | disaster | disastrous | pathetic | unfair |
        unacceptable | outrageous | aggressive | sad | nasty | stupid | crazy
    """),
    "magnitude": ("a word of size", """
        énorme | énormes | colossal | colossale | colossaux | considérable | considérables |
        massif | massive | massifs | spectaculaire | spectaculaires | historique | historiques |
        sans précédent | inédit | inédite | inédits | inédites | gigantesque | record |
        huge | enormous | massive | tremendous | unprecedented | historic | spectacular |
        dramatic | staggering | record | giant | colossal | sweeping
    """),
    "abstraction": ("a characterisation, nothing to count", """
        stratégie | changement | approche | vision | tendance | course | compétition |
        concurrence | défi | défis | enjeu | enjeux | avenir | progrès | ambition | talents |
        vedettes | géants | frénésie | révolution | transformation | dynamique | fondamental |
        fondamentale | fondamentales | fondamentaux | mutation |
        strategy | change | shift | approach | vision | trend | race | competition |
        challenge | challenges | stakes | future | progress | ambition | talent | stars |
        giants | frenzy | revolution | transformation | momentum | fundamental |
        fundamentally | paradigm
    """),
    "interpretation": ("a reading of events, not an event", """
        marque un changement | marque un tournant | marque une rupture | marque une étape |
        témoigne de | témoignent de | illustre | illustrent | reflète | reflètent |
        symbolise | symbolisent | incarne | incarnent | signe de | signe que |
        désormais | de plus en plus | increasingly |
        marks a shift | marks a change | marks a turning point | marks a new | signals a |
        reflects | reflect | illustrates | illustrate | underscores | underscore |
        symbolizes | symbolises | embodies | testament to | a sign of | a sign that
    """),
    "reported_view": ("a view, not a fact", """
        estime | estimant | estiment | juge | jugeant | jugent | pense | pensent | croit |
        croient | scepticisme | sceptique | doute | doutes | convaincu | considère |
        considèrent | soupçonne | craint | espère |
        believes | believe | thinks | feels | doubts | doubt | skeptical | sceptical |
        skepticism | argues | convinced | considers | suspects | fears | hopes | view | views
    """),
    "feeling": ("feelings or values", """
        fier | fière | honoré | heureux | heureuse | triste | espoir | rêve | cœur | âme |
        peur | colère | respect | dignité | liberté | valeurs | dieu | bénisse |
        proud | honored | honoured | happy | sad | hope | dream | heart | soul | fear |
        angry | respect | dignity | freedom | values | god | bless | love
    """),
    "courtesy": ("courtesy or procedure", """
        merci | bonsoir | bonjour | bienvenue | mesdames et messieurs | applaudissements |
        rires | s il vous plaît | excusez moi | permettez moi | allez y |
        thank you | thanks | good evening | good morning | good night | welcome |
        ladies and gentlemen | applause | laughter | crosstalk | please | excuse me |
        go ahead | all right | okay | ok | yes | no | well | sir | folks
    """),
    "comparison": ("a comparison or a trend", """
        plus de | moins de | plus que | moins que | davantage | hausse | baisse | augmenté |
        augmentation | diminué | diminution | progressé | progression | recul | reculé |
        chuté | chute | doublé | triplé | record | le plus | la plus | les plus | depuis |
        jamais | premier | première | deuxième | dernier |
        more than | less than | fewer than | over | under | up | down | increase | increased |
        decrease | decreased | rise | rose | risen | fall | fell | fallen | grew | grown |
        doubled | tripled | cut | higher | lower | highest | lowest | largest | biggest |
        smallest | most | least | record | since | ever | never | first | second | last |
        times | than
    """),
    "statistic": ("the wording of a statistic", """
        pour cent | pourcent | taux | moyenne | majorité | moitié | tiers | quart | millions |
        milliards | milliers | billions | nombre | chiffre | chiffres | part | total |
        percent | per cent | rate | average | majority | half | third | quarter | million |
        millions | billion | billions | trillion | trillions | thousands | hundreds | number |
        numbers | share | total | per | each | every | year | years | month | months
    """),
    "policy": ("a policy subject", """
        emploi | emplois | chômage | impôt | impôts | taxe | taxes | fiscal | déficit | dette |
        budget | économie | croissance | salaire | salaires | revenu | revenus | dépenses |
        commerce | exportations | importations | santé | assurance | retraite | retraites |
        criminalité | crime | immigration | immigrés | migrants | frontière | police | armée |
        militaire | soldats | guerre | terrorisme | terroristes | pétrole | énergie | climat |
        émissions | charbon | nucléaire | école | écoles | éducation | étudiants | pauvreté |
        inflation | prix | usines | banques | subventions | médicaments |
        job | jobs | unemployment | unemployed | tax | taxes | deficit | debt | budget |
        economy | economic | growth | wage | wages | income | spending | trade | exports |
        imports | tariffs | health | insurance | medicare | medicaid | obamacare | retirement |
        pension | security | crime | immigration | immigrants | illegal | border | wall |
        police | military | troops | soldiers | war | terrorism | terrorists | isis | oil |
        energy | climate | emissions | coal | nuclear | school | schools | education |
        students | poverty | inflation | prices | factories | manufacturing |
        banks | subsidies | drugs | deaths | died | killed | abortion | guns
    """),
    "lawmaking": ("law-making or a vote", """
        loi | lois | projet de loi | législation | vote | voté | votes | parlement |
        assemblée | sénat | sénateur | député | députés | gouvernement | administration |
        règlement | réglementation | décret | traité | accord | signé | adopté | approuvé |
        law | laws | bill | bills | legislation | vote | voted | votes | voting | congress |
        senate | senator | house | government | administration | regulation | regulations |
        executive order | treaty | agreement | deal | signed | passed | approved | vetoed
    """),
    "event": ("a verifiable event", """
        investi | acquis | racheté | recruté | embauché | payé | déboursé | dépensé | vendu |
        licencié | levé | nommé | quitté | rejoint | lancé | publié | élu | proposé | tenté |
        fondé | créé | cofondé | annoncé | pris | suivi | suivie | conclu | obtenu | perdu |
        gagné | refusé | rejeté | condamné | arrêté | tué | blessé | rachat | acquisition |
        participation | prise de participation | investissement | prime | primes | recrutement |
        démission |
        licenciement | faillite | cofondateur | fondateur |
        paid | acquired | bought | invested | hired | recruited | poached | raised | spent |
        sold | appointed | joined | left | launched | founded | offered | took | won | lost |
        elected | rejected | arrested | created | built | closed | opened | sent | gave |
        stake | acquisition | bonus | bonuses
    """),
    "you": ("addressing someone", """
        vous | votre | vos | tu | ton | ta | tes | toi |
        you | your | yours | yourself
    """),
    "boilerplate": ("page furniture, not a claim", """
        lire aussi | lire la suite | lire plus | à lire aussi | voir aussi | en savoir plus |
        tous droits réservés | droits réservés | abonnez vous | s abonner | abonnez |
        inscrivez vous | newsletter | lettre d information | cliquez ici | suivez nous |
        partagez | partager cet article | publicité | mentions légales | politique de
        confidentialité | cookies |
        read more | read also | see also | all rights reserved | rights reserved |
        subscribe | subscribe to | sign up | newsletter | click here | follow us |
        share this | advertisement | terms of use | privacy policy | cookie | cookies |
        copyright
    """),
}

# Page furniture never appears in the training data (debate transcripts), so no weight
# can be learned for it: its weight is set here, strong enough to sink a short line that
# holds it or a line that opens with one of its phrases of several words ("Read more: Meta
# paid $14.3bn" is a link, not a claim).  A longer claim that only mentions a newsletter
# or an advertisement keeps its score.
BOILERPLATE_WEIGHT = -8.0
_FURNITURE_LINE = 12  # words

_PHRASES: dict[tuple[str, ...], str] = {}  # (words…) -> cue
for _cue, (_label, _text) in CUES.items():
    for _phrase in _text.split("|"):
        _key = tuple(words(_phrase.strip().lower()))
        if _key:
            _PHRASES.setdefault(_key, _cue)
# first word -> [(words…, cue, the phrase as quoted)], longest first
_FIRST: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
for _key, _cue in sorted(_PHRASES.items(), key=lambda kv: -len(kv[0])):
    _FIRST.setdefault(_key[0], []).append((_key, _cue, " ".join(_key)))
del _cue, _label, _text, _phrase, _key


# French "de" with no article makes the noun after it a modifier of the one before.
_BARE_DE = frozenset(("de", "d"))


def cues(tokens: list[str]) -> dict[str, list[str]]:
    """{cue: its phrases in the claim, each once, in order} (a word in one phrase at most)."""
    found: dict[str, list[str]] = {}
    first = _FIRST
    n = len(tokens)
    taken_to = 0  # the words before this are in a phrase found
    # only where a phrase may open (compress picks those places without a loop in Python)
    for i in compress(range(n), map(first.__contains__, tokens)):
        if i < taken_to:
            continue
        for key, cue, phrase in first[tokens[i]]:
            size = len(key)
            # (the second word compared first: it rules most phrases out)
            if size == 1 or (i + 1 < n and tokens[i + 1] == key[1] and (
                    size == 2 or tuple(tokens[i:i + size]) == key)):
                if cue == "boilerplate" and n > _FURNITURE_LINE and not (i == 0 and size > 1):
                    continue
                if cue == "event" and i and tokens[i - 1] in _BARE_DE:
                    # "une stratégie de recrutement": a kind of strategy, not a recruitment
                    continue
                said = found.get(cue)
                if said is None:
                    found[cue] = [phrase]
                elif phrase not in said:
                    said.append(phrase)
                taken_to = i + size
                break
    return found


# French past: an auxiliary, perhaps one word, then a participle; English past: -ed words
# (regular verbs; the irregular ones that matter are in the "event" cue).
_AUXILIARIES = frozenset("a ont avait avaient aurait auraient ayant été".split())
_PARTICIPLE_ENDINGS = ("é", "és", "ée", "ées", "i", "is", "ie", "ies", "it", "ite", "ites", "u",
                       "us", "ue", "ues")
_NOT_PAST_ED = frozenset("need indeed speed feed seed bed red shed united hundred".split())
_ED = repeat("ed")


def past_tense(tokens: list[str]) -> str | None:
    """A past-tense verb as written ("a investi", "voted"), or None."""
    # only the words ending in "ed" and the auxiliaries can open one: picked out in C
    opening = map(or_, map(str.endswith, tokens, _ED), map(_AUXILIARIES.__contains__, tokens))
    for i in compress(range(len(tokens)), opening):
        w = tokens[i]
        if len(w) > 4 and w.endswith("ed") and w not in _NOT_PAST_ED:
            return w
        if w in _AUXILIARIES:
            for nxt in tokens[i + 1:i + 3]:
                if len(nxt) > 3 and nxt.endswith(_PARTICIPLE_ENDINGS):
                    return f"{w} {nxt}"
    return None


# ---------------------------------------------------------------- shared features

# The features of each cue: "cue_x" when found, "cue_x_2" when two of its phrases are;
# page furniture has none, being not learned (see BOILERPLATE_WEIGHT).
_CUE_FEATURES = {cue: ("", "") if cue == "boilerplate" else (f"cue_{cue}", f"cue_{cue}_2")
                 for cue in CUES}
# Figures by the family of their unit (facets.py: ISO currency codes, "%", "people"…).
_UNIT_FEATURES = {None: "figure_bare", "%": "figure_percent", "years": "figure_years"}
_UNIT_FEATURES.update(dict.fromkeys("USD EUR GBP CHF JPY CNY CAD AUD".split(), "figure_money"))
_HEDGE_FEATURES = {"report": "hedge_report", "speculation": "hedge_speculation"}
_CLOSING = " \t\n\"'”»)\u00a0\u202f"


def shared(text: str, tokens: list[str], facets: dict, found: dict[str, list[str]],
           past: str | None | bool = False) -> dict[str, float]:
    """The features that hold in French as in English, {name: value}.  past:
    past_tense(tokens), if the caller has it (False: not worked out)."""
    x: dict[str, float] = {}
    numbers = facets.get("numbers")
    if numbers:
        x["figure"] = 1.0
        if len(numbers) > 1:
            x["figures_2"] = 1.0
        for n in numbers:
            x[_UNIT_FEATURES.get(n.get("unit"), "figure_unit")] = 1.0
    entities = facets.get("entities")
    if entities:
        x["names"] = 1.0
        if len(entities) > 1:
            # the more actors, the more there is to check: log2 of their count
            x["names_more"] = math.log2(len(entities))
    dates = facets.get("dates")
    if dates:
        x["date" if any(not d.get("relative") for d in dates) else "date_relative"] = 1.0
    if not (numbers or entities or dates):
        # a linear model adds its facts up; this says what none of them being there is worth
        x["no_facts"] = 1.0
    if facets.get("attribution"):
        x["attributed"] = 1.0
        if facets.get("speaker"):
            x["speaker"] = 1.0
    kinds = facets.get("hedge_kinds")
    if kinds:
        for kind in kinds:
            x[_HEDGE_FEATURES.get(kind) or "hedge_" + kind] = 1.0
    for cue, said in found.items():
        one, more = _CUE_FEATURES[cue]
        if one:
            x[one] = 1.0
            if len(said) > 1:
                x[more] = 1.0
    if (past_tense(tokens) if past is False else past):
        x["past"] = 1.0
    end = text[-1:]
    if end in _CLOSING and end:  # (most claims end on their terminator: no copy made)
        end = text.rstrip(_CLOSING)[-1:]
    if end == "?":
        x["question"] = 1.0
    elif end == "!":
        x["exclamation"] = 1.0
    if not PRONOUN_WORDS.isdisjoint(tokens):
        for w in PRONOUN_WORDS.intersection(tokens):
            x[_PRONOUNS[w]] = 1.0
    # word counts: 13 to 25 words, the usual length of a claim, has no feature of its own
    n = len(tokens)
    if n <= 12:
        x["short_1_3" if n <= 3 else "short_4_6" if n <= 6 else "short_7_12"] = 1.0
    elif n > 25:
        x["long_26_up"] = 1.0
    return x


_PRONOUNS = dict.fromkeys("je j moi me mon ma mes i my mine".split(), "first_person_singular")
_PRONOUNS.update(dict.fromkeys("nous notre nos we us our ours".split(), "first_person_plural"))
PRONOUN_WORDS = frozenset(_PRONOUNS)


# ---------------------------------------------------------------- lexical features

CHAR_SIZES = (3, 4, 5)


def word_grams(word: str) -> list[str]:
    """The letter n-grams of one word, with its edges marked: "<tax>" → "<ta", "tax"…"""
    padded = f"<{word}>"
    out = []
    for size in CHAR_SIZES:
        out.extend(padded[i:i + size] for i in range(len(padded) - size + 1))
    return out


def lexical(tokens: list[str]) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    """Word, word-pair and letter n-gram counts, each scaled by 1/sqrt(its total count)."""
    unigrams: dict[str, float] = {}
    for w in tokens:
        unigrams[w] = unigrams.get(w, 0.0) + 1.0
    bigrams: dict[str, float] = {}
    for a, b in zip(tokens, tokens[1:]):
        k = a + " " + b
        bigrams[k] = bigrams.get(k, 0.0) + 1.0
    chars: dict[str, float] = {}
    for w in tokens:
        for g in word_grams(w):
            chars[g] = chars.get(g, 0.0) + 1.0
    return _scaled(unigrams), _scaled(bigrams), _scaled(chars)


def _scaled(counts: dict[str, float]) -> dict[str, float]:
    total = sum(counts.values())
    if not total:
        return counts
    k = total ** -0.5
    return {f: c * k for f, c in counts.items()}
