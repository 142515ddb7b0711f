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

# ---------------------------------------------------------------- names (facets)

# Common words that open a news sentence with a capital and are not names ("Today, …",
# "Shares fell", "Âgé de 61 ans"), lower-cased; the function words above are left out.
SENTENCE_OPENERS = frozenset("""
    today yesterday tomorrow tonight last earlier later meanwhile overall instead again
    nearly almost about around roughly some several many few most more less fewer each every
    both either neither another such much other others thousands hundreds millions dozens
    tens apparently allegedly reportedly perhaps maybe probably possibly likely indeed
    officially separately elsewhere together initially eventually finally currently
    recently previously similarly likewise otherwise consequently therefore thus hence
    nevertheless nonetheless moreover furthermore additionally unlike like amid among
    following including starting beginning asked speaking asked founded based located
    shares stocks prices sales profits revenue revenues earnings inflation unemployment
    growth exports imports output demand supply housing gold oil gas rents rates wages
    investors analysts experts economists researchers scientists doctors officials
    authorities police prosecutors lawyers witnesses critics supporters opponents
    protesters campaigners activists organisers organizers residents voters workers
    employees customers users consumers families children parents students teachers
    patients women men people rescue rescuers firefighters soldiers troops lawmakers
    legislators regulators sources insiders heavy strong weak high low new old big small
    large major key top senior former local national global federal public private
    each section chapter article clause figure table page step between among within
    without against toward towards across beyond above below behind along outside inside
    throughout upon via per
    environ près presque plusieurs quelques certains certaines nombreux nombreuses
    désormais ensuite enfin ainsi alors pourtant cependant toutefois néanmoins également
    notamment surtout seulement parfois souvent toujours jamais déjà encore bientôt
    longtemps autrefois auparavant actuellement récemment face outre hormis sauf durant
    grâce faute afin lorsque puisque quoique bien mieux pire très fort assez trop tant
    autant jeune vieux ancien ancienne nouveau nouvelle nouveaux nouvelles premier première
    premiers premières dernier dernière derniers dernières grand grande grands grandes
    petit petite haut haute seul seule seuls seules plein pleine certes bref interrogé
    interrogée contacté contactée âgé âgée âgés âgées né née nés nées élu élue nommé nommée
    arrivé arrivée rubrique chapitre paragraphe alinéa sources témoins experts analystes
    habitants salariés policiers gendarmes pompiers élèves étudiants enseignants médecins
    patients familles enfants parents électeurs députés sénateurs ministres maires
""".split())

# Names of a nationality or a people, which are not names ("les Français", "American
# adults", "Le Néerlandais"), lower-cased: a run made only of them is dropped.
DEMONYMS = frozenset("""
    français française françaises anglais anglaise anglaises néerlandais néerlandaise
    néerlandaises japonais japonaise japonaises chinois chinoise chinoises danois danoise
    suédois suédoise finlandais finlandaise irlandais irlandaise écossais écossaise
    portugais portugaise polonais polonaise sénégalais sénégalaise congolais congolaise
    libanais libanaise taïwanais québécois québécoise hongrois hongroise pakistanais
    camerounais islandais soudanais marocains marocain marocaine marocaines
    américain américaine américains américaines mexicain mexicaine mexicains africain
    africaine africains africaines cubain cubains sud-africain sud-africains allemand
    allemande allemands allemandes flamand flamands italien italienne italiens italiennes
    canadien canadienne canadiens canadiennes indien indienne indiens israélien israélienne
    israéliens palestinien palestinienne palestiniens iranien iranienne iraniens syrien
    syrienne syriens ukrainien ukrainienne ukrainiens brésilien brésilienne brésiliens
    australien australienne australiens norvégien norvégienne norvégiens européen
    européenne européens européennes coréen coréenne coréens vietnamien vietnamiens
    algérien algérienne algériens tunisien tunisienne tunisiens égyptien égyptienne
    égyptiens chilien chiliens colombien colombiens péruvien autrichien autrichienne
    autrichiens estonien lituanien irakien irakiens jordanien libyen libyens éthiopien
    ivoirien ivoirienne ivoiriens malien maliens nigérien nigérian ghanéen parisien
    parisienne parisiens russe russes belge belges suisse suisses britannique britanniques
    turc turque turcs turques grec grecque grecs grecques espagnol espagnole espagnols
    espagnoles tchèque tchèques slovaque bulgare bulgares serbe serbes croate croates
    roumain roumaine roumains argentin argentine argentins kényan kényane kényans saoudien
    saoudiens afghan afghans asiatique asiatiques arabe arabes
    american americans british briton britons english french german germans chinese
    japanese italian italians spanish spaniard spaniards russian russians ukrainian
    ukrainians european europeans canadian canadians indian indians israeli israelis
    palestinian palestinians iranian iranians turkish greek greeks polish brazilian
    brazilians mexican mexicans australian australians dutch belgian belgians swiss
    swedish swede swedes norwegian norwegians danish dane danes finnish finn finns irish
    scottish scot scots welsh korean koreans vietnamese pakistani pakistanis afghan afghans
    iraqi iraqis syrian syrians saudi saudis egyptian egyptians nigerian nigerians kenyan
    kenyans argentine argentinian argentinians chilean chileans colombian colombians
    venezuelan venezuelans cuban cubans portuguese austrian austrians hungarian hungarians
    czech romanian romanians bulgarian serbian croatian african africans asian asians arab
    arabs
""".split())

# Titles before a name, lower-cased: dropped from the name ("Prime Minister Keir Starmer",
# "Governor Kathy Hochul").  Those in TITLES_IF_MORE are dropped only when two words
# or more remain ("General Motors" stays a name).
TITLES = frozenset("""
    president prime minister chancellor governor senator sen rep representative congressman
    congresswoman secretary mayor judge dr prof professor sir dame lord lady pope king queen
    prince princess archbishop bishop cardinal ambassador commissioner chairman chairwoman
    detective inspector sergeant lieutenant colonel admiral mgr me
""".split())
TITLES_IF_MORE = frozenset("""
    general chief executive financial operating officer director deputy vice captain coach
    premier première
""".split())

# Words at the head of an institution's name, lower-cased: "Banque", "Bureau", "Conseil".
# A name goes on after them through "de", "of", "des"…, and in French through the
# lower-case words of the name ("Banque centrale européenne", "Cour des comptes").
INSTITUTION_HEADS = frozenset("""
    banque conseil cour commission assemblée agence organisation centre bureau office
    institut fédération confédération union parti parlement sénat ministère tribunal
    autorité fondation fonds caisse direction chambre musée université école collège
    académie société compagnie groupe syndicat association comité conférence observatoire
    service mission délégation secrétariat préfecture mairie région département église
    théâtre opéra bibliothèque palais château tour golfe mer lac mont île cap place rue gare
    port stade nations olympique haute haut journal parc
    bank council court commission assembly agency organization centre center bureau office
    institute federation union party parliament senate ministry department tribunal
    authority foundation fund board chamber museum university college academy society
    company group association committee conference observatory service administration
    reserve exchange corporation house church cathedral theatre theater library palace
    castle tower gulf sea lake mount isle island cape square street station port stadium
    school hospital trust republic kingdom states commonwealth statistics park
""".split())
# Lower-case words of a French institution's name after its head.
INSTITUTION_ADJECTIVES = frozenset("""
    national nationale nationaux nationales européen européenne européens européennes
    international internationale internationaux internationales mondial mondiale régional
    régionale régionaux général générale généraux central centrale fédéral fédérale
    constitutionnel constitutionnelle supérieur supérieure français française royal royale
    municipal municipale départemental départementale populaire social sociale économique
    militaire public publique administratif administrative civil civile pénal pénale
    nucléaire unies unis olympique spatial spatiale atomique scientifique technique
    islamique financier financiers financière financières monétaire sanitaire judiciaire
    parlementaire permanent permanente local locale territorial territoriale médical
    médicale agricole industriel industrielle indépendant indépendante suprême provisoire
    consultatif consultative autonome interministériel interministérielle statistique
    démocrate républicain républicaine socialiste communiste écologiste officiel officielle
""".split())
# Words that are never a name alone, capitalised inside a French sentence: "une quinzaine
# d'États", "le Premier ministre".
NEVER_ALONE = frozenset("état états premier première etat etats".split())

# Publications whose name holds its article, folded with normalise_name.
PUBLICATIONS_WITH_ARTICLE = frozenset("""
    lemonde lefigaro lesechos leparisien latribune lepoint lexpress lobs lacroix letemps
    lapresse ledevoir lequipe lhumanite lesoir lalibre lejournaldudimanche lecanardenchaine
    lesinrockuptibles lemondediplomatique leprogres laprovence ladepeche
""".split())

# Organisations and publications a speaker's kind can be told from, folded with
# normalise_name.  Anything else is judged on its words and what stands around it.
KNOWN_ORGANISATIONS = frozenset("""
    reuters bloomberg bloombergnews afp ap associatedpress insee inserm eurostat ifop elabe
    ipsos odoxa oxfam amnesty amnestyinternational google apple meta microsoft amazon tesla
    nvidia openai boeing airbus renault sanofi michelin carrefour lvmh totalenergies
    ubisoft stellantis bercy kremlin elysee matignon beauvau nasa esa nature science
    spotify uber disney intel pfizer shell ford volkswagen starbucks ryanair hsbc
    meteofrance unesco otan nato onu fmi imf ocde oecd bce ecb fed sncf ratp edf engie
    orange vinci bouygues danone loreal hermes kering safran thales dassault
    dassaultaviation bnpparibas axa lemonde lefigaro lesechos leparisien liberation
    mediapart lapresse ledevoir franceinter franceinfo bfmtv tf1 cnn bbc cnbc nytimes
    newyorktimes financialtimes wallstreetjournal washingtonpost guardian economist politico
    axios techcrunch theverge wired theinformation artnewspaper x twitter facebook
    instagram tiktok youtube alphabet waymo spacex samsung sony toyota huawei alibaba
    tencent byd netflix paypal visa mastercard ibm oracle salesforce anthropic mistral
    ministry whitehouse pentagon downingstreet
""".split())
