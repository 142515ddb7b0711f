"""Word lists, one home each, named by what they are for.

Each list was shaped for its use and is kept apart on purpose: the names grammar needs
words that never start a name (with their accents), the duplicate matcher folded function
words, the source ranker the words that say nothing about a source, and the archive's BM25
the list it was tuned with on CheckThat! (changing it moves the archive's figures).
"""

from __future__ import annotations

from .normalise import fold

# Function words and titles, French and English, that never start a name ("Selon", "The").
FUNCTION_WORDS = frozenset("""
    le la les l un une des du de d il elle ils elles on nous vous je tu ce cette ces cet c mais
    et ou donc or ni car selon pour dans en au aux sur sous avec sans par depuis après avant
    alors puis enfin ainsi cependant pourtant toutefois quant son sa ses leur leurs notre nos
    votre vos mon ma mes si lorsque quand tout tous toute toutes plus moins qu que qui quoi dont
    où aucun aucune chaque même outre parmi malgré entre vers chez contre pendant comme tandis
    certains certaines plusieurs beaucoup très aussi déjà encore jamais toujours ici là oui non
    ceci cela ça celui celle ceux celles voici voilà désormais notamment également
    the a an in on at it he she they we i you this that these those but and or so yet as if let
    when while after before since its his her their our there here what who why how meanwhile
    however still also then now for with by from to some many most all no not one two three
    according despite although though because whether which where under over into about
    lundi mardi mercredi jeudi vendredi samedi dimanche monday tuesday wednesday thursday
    friday saturday sunday
    pdg ceo cto cfo coo dg dga président présidente ia ai llm llms pib gdp tva vat ong ngo
    mr mrs ms m mme mlle dr pr st
""".split())

MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre")
MONTHS_EN = ("january", "february", "march", "april", "may", "june", "july", "august",
             "september", "october", "november", "december")

# Words the duplicate matcher leaves out before comparing two claims, folded (case, accents).
MATCH_STOP_WORDS = frozenset(fold(w) for w in FUNCTION_WORDS.union(MONTHS_FR, MONTHS_EN, """
a ai as au aux avait avaient avoir ayant c ca ce cela ces cet cette d dans de des du elle en
est et etait etaient ete etre eu fait faire il ils j l la le les leur lui m ma me meme n ne
nos notre on ont ou par pas peu plus pour qu que qui s sa se ses si son sont sur t ta te tres
un une y vers lors ainsi alors aussi autre autres bien car deja dont doit doivent entre fois
ici jusqu mais moins peut peuvent pourrait seront sera serait soit tant tel telle tels toute
toutes tout tous
am an and are at be been being but by can could did do does done for from had has have he her
his how i if in into is it its itself just may might more much must no nor not of off on once
only or other our out over own same shall she should so some such than that the their them
then there these they this those through to too under until up upon very was we were what
when where which while who whom why will with would you your also about after again against
all any because before between both during each few further here most nearly per said says
selon according
""".split()))

# Words that say nothing about which source bears on a claim, folded.
SOURCE_STOP_WORDS = frozenset("""
a au aux avec ce ces cet cette dans de des du elle elles en est et etre eux il ils je la le les
leur leurs lui mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se
ses son sur ta te tes toi ton tu un une vos votre vous ete etait sont ont avait avoir fait faire
plus moins tres tout tous toute toutes aussi alors ainsi apres avant depuis encore entre comme
selon sans sous chez leurs dont cela ceci celle celui ceux autres autre deja meme notamment
egalement afin quant lors ayant
the and for that with from this these those their there which while were was been being have
has had not but are its into over under about after before also than then them they what when
where whom will would could should says said said according more most some such only other
only just like very much many made make takes take gives give
""".split())

# The archive's BM25 stop words: English and French function words, and the noise of tweets.
BM25_STOP_WORDS = frozenset("""
a about above after again against all am an and any are aren as at be because been before being
below between both but by can cannot could couldn did didn do does doesn doing don down during
each few for from further had hadn has hasn have haven having he her here hers herself him
himself his how i if in into is isn it its itself just let me more most mustn my myself no nor
not of off on once only or other ought our ours ourselves out over own same shan she should
shouldn so some such than that the their theirs them themselves then there these they this those
through to too under until up very was wasn we were weren what when where which while who whom
why will with won would wouldn you your yours yourself yourselves also get got s t ll ve re d m
amp rt via pic twitter com www http https html le la les un une des du de d l et est en au aux
ce cette ces qui que qu dans pour par sur pas plus ne se sa son ses il elle ils elles on nous
vous leur leurs ou mais avec été être a
""".split())
