"""The articles of the fixture news pages: what a reader would call the article.

Each is written for these tests (six of them retell, in our own words, the figures of demo
source pages: their headline and date are those of the demo's sources file). ``body`` items
are paragraphs; an item starting with ``## `` is a sub-heading. Everything a layout wraps
around them (menus, bylines, captions, related links, boxes, comments, footers) is
boilerplate, and nothing of it may become a claim.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    slug: str
    layout: str
    lang: str
    site: str
    title: str
    author: str
    date: str  # YYYY-MM-DD, the first publication
    time: str  # HH:MM, local
    section: str
    standfirst: str | None
    body: list[str]
    caption: str
    updated: str | None = None  # a later modification date, shown on some pages
    demo_source: str | None = None  # the demo source URL this page rebuilds
    tags: list[str] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[str]:
        return [b for b in self.body if not b.startswith("## ")]

    @property
    def headings(self) -> list[str]:
        return [b[3:] for b in self.body if b.startswith("## ")]

    def content(self) -> list[str]:
        """Every piece of text that belongs to the article itself, in the page's order."""
        return [self.title] + ([self.standfirst] if self.standfirst else []) + [
            b[3:] if b.startswith("## ") else b for b in self.body]


ARTICLES: list[Article] = [
    Article(
        slug="inflation-mai", layout="quotidien", lang="fr", site="Le Quotidien du Soir",
        title="L’inflation ralentit à 1,2 % sur un an en mai, au plus bas depuis 2021",
        author="Claire Dumoulin", date="2025-06-13", time="08:47", updated="2025-06-13",
        section="Économie",
        standfirst="La hausse des prix à la consommation a de nouveau reculé le mois dernier, "
                   "portée par la baisse des prix de l’énergie, selon l’estimation définitive "
                   "publiée vendredi par l’Insee.",
        caption="Un rayon de supermarché à Lille, le 4 juin 2025. PHILIPPE HUGUEN / AFP",
        body=[
            "Les prix à la consommation ont augmenté de 1,2 % sur un an en mai, après 1,4 % en "
            "avril, a confirmé vendredi 13 juin l’Institut national de la statistique et des "
            "études économiques (Insee). C’est le rythme le plus faible depuis le printemps "
            "2021.",
            "Sur un mois, les prix ont reculé de 0,1 %. Les prix de l’énergie ont baissé de "
            "6,3 % sur un an, entraînés par les produits pétroliers, tandis que ceux de "
            "l’alimentation ont progressé de 1,4 %.",
            "## Les services restent le principal moteur",
            "Les prix des services, qui pèsent pour près de la moitié du panier des ménages, "
            "ont augmenté de 2,3 % sur un an. Les loyers et les assurances expliquent "
            "l’essentiel de cette hausse, selon l’institut.",
            "« La désinflation est désormais bien installée, mais elle reste fragile », estime "
            "Mathilde Lerouge, économiste chez Ostrum. Elle rappelle que la Banque centrale "
            "européenne a abaissé son principal taux directeur à 2 % au début du mois.",
            "L’indice harmonisé, qui sert de référence à Francfort, s’établit à 0,6 % sur un "
            "an. Il s’agit du taux le plus bas de la zone euro, devant l’Italie et l’Espagne.",
            "Le gouvernement table sur une inflation moyenne de 1,4 % en 2025. Le ministre de "
            "l’économie a salué vendredi « une bonne nouvelle pour le pouvoir d’achat ».",
        ],
    ),
    Article(
        slug="avignon-record", layout="quotidien", lang="fr", site="Le Quotidien du Soir",
        title="Le Festival d’Avignon revendique une fréquentation record de 115 000 billets",
        author="Julien Marchetti", date="2025-07-27", time="17:05", section="Culture",
        standfirst="La 79ᵉ édition s’achève avec un taux de remplissage de 94 %, un niveau "
                   "jamais atteint, selon la direction du festival.",
        caption="La cour d’honneur du Palais des papes, le 5 juillet 2025. CHRISTOPHE SIMON / AFP",
        body=[
            "Le Festival d’Avignon a vendu 115 000 billets pour sa 79ᵉ édition, qui s’est "
            "achevée samedi 26 juillet, a annoncé dimanche sa direction. C’est 8 000 de plus "
            "qu’en 2024.",
            "Le taux de remplissage atteint 94 % sur l’ensemble des 42 spectacles du programme "
            "officiel. La cour d’honneur du Palais des papes a affiché complet pendant dix-neuf "
            "soirs.",
            "Le directeur du festival, Tiago Rodrigues, s’est félicité d’un public « plus jeune "
            "et plus nombreux ». Près d’un spectateur sur trois avait moins de 30 ans, selon une "
            "enquête menée auprès de 3 200 festivaliers.",
            "Le off, qui rassemblait 1 724 spectacles dans 141 lieux, ne publie pas de chiffres "
            "consolidés. Plusieurs compagnies ont toutefois dénoncé la hausse du prix de "
            "location des salles, qui dépasse parfois 20 000 euros pour trois semaines.",
            "L’édition 2026 se tiendra du 4 au 25 juillet. La langue invitée sera l’arabe, "
            "après l’espagnol cette année.",
        ],
    ),
    Article(
        slug="tram-nantes", layout="regional", lang="fr", site="L’Écho de l’Ouest",
        title="Nantes : la fréquentation du tramway bondit de 7,4 % en un an",
        author="Sophie Le Gall", date="2025-03-18", time="06:30", section="Nantes",
        standfirst="Le réseau a transporté 82 millions de voyageurs en 2024. La métropole "
                   "annonce douze rames supplémentaires d’ici à 2027.",
        caption="Une rame de la ligne 1 place du Commerce, à Nantes. Photo : Franck Dubray",
        body=[
            "Les tramways nantais n’ont jamais été aussi fréquentés. Les trois lignes ont "
            "transporté 82 millions de voyageurs en 2024, soit une hausse de 7,4 % par rapport à "
            "2023, selon le bilan présenté lundi par Nantes Métropole.",
            "La ligne 1, qui relie François-Mitterrand à Beaujoire, concentre à elle seule 41 % "
            "des déplacements. Aux heures de pointe, une rame y passe toutes les trois minutes.",
            "Pour absorber la hausse, la métropole a commandé douze rames supplémentaires au "
            "constructeur Alstom, pour un montant de 58 millions d’euros. Les premières doivent "
            "entrer en service à l’automne 2026.",
            "« Nous sommes au maximum de ce que le réseau peut offrir aux heures de pointe », "
            "reconnaît Bertrand Affilé, vice-président chargé des transports. Il promet aussi "
            "l’ouverture de la nouvelle ligne vers l’île de Nantes en 2027.",
            "Les usagers, eux, se plaignent surtout des retards. Une enquête de l’association "
            "Place au vélo et aux transports relève que 14 % des trajets ont subi un retard de "
            "plus de cinq minutes l’an dernier.",
        ],
    ),
    Article(
        slug="canicule-vigilance", layout="radiotele", lang="fr", site="franceinfo régions",
        title="Canicule : seize départements placés en vigilance orange à partir de mardi",
        author="franceinfo avec AFP", date="2025-06-30", time="16:20", section="Météo",
        standfirst="Météo-France prévoit jusqu’à 39 °C dans la vallée du Rhône. Les préfectures "
                   "activent leurs plans canicule.",
        caption="Des passants se rafraîchissent à une fontaine de Lyon, le 29 juin 2025.",
        body=[
            "Seize départements du quart sud-est seront placés en vigilance orange canicule à "
            "partir de mardi midi, a annoncé lundi Météo-France. Les températures maximales "
            "pourraient atteindre 39 °C dans la vallée du Rhône et 37 °C à Lyon.",
            "Les nuits resteront très chaudes, avec des minimales de 22 à 24 °C dans les grandes "
            "villes. L’épisode devrait durer au moins jusqu’à vendredi, selon le prévisionniste.",
            "Dans le Rhône, la préfecture a décidé de réduire de 20 km/h la vitesse maximale sur "
            "les autoroutes et d’instaurer la circulation différenciée. Les événements en plein "
            "air de plus de 5 000 personnes peuvent être reportés.",
            "Le ministère de la santé rappelle les gestes à adopter : boire régulièrement, "
            "éviter les efforts aux heures les plus chaudes et prendre des nouvelles des "
            "personnes âgées. Le numéro Canicule info service, 0 800 06 66 66, est ouvert.",
            "En 2023, les épisodes de chaleur avaient causé environ 5 000 décès en France, selon "
            "Santé publique France.",
        ],
    ),
    Article(
        slug="tv5-altman-100m", layout="agence", lang="fr", site="TV5MONDE Info",
        title="Meta a proposé plus de 100 millions de dollars chacun à des employés d’OpenAI, "
              "selon Altman",
        author="AFP", date="2025-06-18", time="09:41", section="Économie",
        demo_source="https://information.tv5monde.com/economie/meta-propose-plus-de-100-"
                    "millions-de-dollars-chacun-des-employes-dopenai-selon-altman-2779262",
        standfirst=None,
        caption="Le patron d’OpenAI, Sam Altman, à Washington le 8 mai 2025. © AFP / Archives",
        body=[
            "Meta a proposé des primes de plus de 100 millions de dollars à des employés "
            "d’OpenAI pour les attirer, a affirmé mardi le patron de la start-up, Sam Altman, "
            "dans un podcast animé par son frère Jack.",
            "« Ils ont commencé à faire ces offres géantes à beaucoup de gens de notre équipe », "
            "a déclaré Sam Altman. Selon lui, aucun des « meilleurs » chercheurs d’OpenAI n’a "
            "accepté pour l’instant.",
            "Mark Zuckerberg a fait du recrutement de spécialistes de l’intelligence "
            "artificielle une priorité. Meta a investi 14,3 milliards de dollars dans la "
            "start-up Scale AI, dont le fondateur Alexandr Wang rejoint le groupe.",
            "Sollicité par l’AFP, Meta n’a pas répondu dans l’immédiat. Le groupe de Menlo Park "
            "compte consacrer jusqu’à 65 milliards de dollars à ses infrastructures d’IA cette "
            "année.",
            "Sam Altman a estimé que la stratégie de son concurrent ne créerait pas « une bonne "
            "culture ». « Je pense que la mission d’OpenAI attire des gens que l’argent seul ne "
            "convainc pas », a-t-il ajouté.",
        ],
    ),
    Article(
        slug="pote-com-zuckerberg", layout="blogwp", lang="fr",
        site="J’ai un pote dans la com",
        title="Mark Zuckerberg et la course à l’IA : Meta mise gros sur le recrutement",
        author="La rédaction", date="2025-07-03", time="11:15", section="Tech",
        demo_source="https://jai-un-pote-dans-la.com/mark-zuckerberg-et-la-course-a-lia-meta-"
                    "mise-gros-sur-le-recrutement/",
        standfirst=None,
        caption="Mark Zuckerberg lors de la conférence Connect. Crédit : Meta",
        body=[
            "Depuis le début de l’été, Mark Zuckerberg multiplie les coups pour rattraper son "
            "retard dans l’intelligence artificielle. Le patron de Meta a lancé une campagne de "
            "recrutement d’une ampleur rare dans la Silicon Valley.",
            "Premier coup d’éclat : un investissement de 14,3 milliards de dollars pour 49 % de "
            "Scale AI, la start-up d’étiquetage de données fondée par Alexandr Wang. Le jeune "
            "dirigeant, 28 ans, prend la tête d’une nouvelle division baptisée Meta "
            "Superintelligence Labs.",
            "## Des primes à neuf chiffres",
            "Selon Sam Altman, le patron d’OpenAI, Meta aurait proposé jusqu’à 100 millions de "
            "dollars de prime à certains de ses chercheurs. Meta conteste ce chiffre, qui "
            "ne concernerait selon le groupe qu’une poignée de dirigeants.",
            "Meta a aussi recruté Daniel Gross, ancien patron de Safe Superintelligence, et Nat "
            "Friedman, ancien dirigeant de GitHub. Les deux hommes travailleront sous la "
            "direction d’Alexandr Wang.",
            "Pour les communicants, la séquence est un cas d’école : Meta affiche ses "
            "ambitions à coups de chiffres spectaculaires, quitte à alimenter le soupçon d’une "
            "bulle autour des talents de l’IA.",
        ],
    ),
    Article(
        slug="velo-rennes", layout="regional", lang="fr", site="L’Écho de l’Ouest",
        title="Rennes : 3 400 arceaux à vélo de plus d’ici à la fin de l’année",
        author="Yann Kerbrat", date="2025-04-02", time="19:10", section="Rennes",
        standfirst="La ville veut doubler le stationnement sécurisé autour des gares et des "
                    "lycées.",
        caption="Le parking à vélos de la gare de Rennes. Photo : Thomas Brégardis",
        body=[
            "La ville de Rennes va installer 3 400 arceaux à vélo supplémentaires d’ici à "
            "décembre, a annoncé mercredi l’adjointe chargée des mobilités, Valérie Faucheux. "
            "Le budget de l’opération s’élève à 1,8 million d’euros.",
            "Les nouveaux emplacements seront installés en priorité près de la gare, des "
            "stations de métro et de onze lycées. Le parking à vélos de la gare, qui compte "
            "2 000 places, affiche complet chaque matin dès 8 h 30.",
            "Selon les compteurs de la métropole, le trafic cycliste a augmenté de 12 % en 2024. "
            "Le vélo représente désormais 8 % des déplacements des Rennais, contre 5 % en 2018.",
            "L’association Rayons d’action salue une « bonne nouvelle », mais réclame aussi "
            "des consignes fermées contre les vols. Environ 2 500 vols de vélos ont été déclarés "
            "l’an dernier dans la métropole.",
        ],
    ),
    Article(
        slug="water-leaks", layout="broadcaster", lang="en", site="National News",
        title="Water firms told to cut leaks by a fifth by 2030",
        author="Hannah Price", date="2025-05-21", time="07:02", section="Environment",
        standfirst=None,
        caption="About 2.9 billion litres of water are lost to leaks every day. Getty Images",
        body=[
            "Water companies in England must cut leaks by a fifth by 2030 or face fines, the "
            "regulator has said.",
            "Ofwat said the industry lost about 2.9 billion litres a day through leaking pipes "
            "in the year to March, enough to supply 19 million people. The figure has barely "
            "changed since 2017.",
            "Under the new rules, firms that miss their targets will have to return money to "
            "customers through lower bills. Thames Water, which accounts for almost a quarter "
            "of all leaks, faces the steepest cut.",
            "\"Customers are right to be angry when they see water pouring out of broken pipes "
            "while they are told to save it,\" said Ofwat's chief executive, David Black.",
            "Water UK, which represents the companies, said firms planned to invest £104bn over "
            "the next five years, including £6bn on new reservoirs and pipes.",
            "Campaigners said the target was too weak. The group River Action said leaks should "
            "be halved, not cut by 20%.",
        ],
    ),
    Article(
        slug="europe-power", layout="broadsheet", lang="en", site="The Morning Ledger",
        title="Wind and solar overtook gas in Europe's power mix last year, report finds",
        author="Tom Whitaker", date="2025-01-23", time="05:00", section="Energy",
        standfirst="Renewables generated 47% of the EU's electricity in 2024, while coal fell "
                   "below 10% for the first time",
        caption="Wind turbines off the coast of Denmark. Photograph: Reuters",
        body=[
            "Wind and solar farms generated more of the European Union's electricity than gas "
            "plants last year, for the first time, according to an analysis by the thinktank "
            "Ember.",
            "Solar power produced 11% of the bloc's electricity in 2024, ahead of coal at 10%. "
            "Wind supplied 17%, and gas fell for the fifth year in a row to 16%.",
            "\"Europe's energy transition is happening faster than most people realise,\" said "
            "Chris Rosslowe, an analyst at Ember. \"Fossil fuels are being squeezed out of the "
            "power system.\"",
            "## Coal in steep decline",
            "Coal generation has halved since 2019. Spain, Ireland, Finland and Italy have now "
            "closed all but a handful of their coal plants, and Germany's output fell by 17% in "
            "2024.",
            "The report warned that grids were not keeping pace. Connection queues for new "
            "projects now exceed 500 gigawatts in several countries, it said.",
            "The European Commission expects renewables to reach 69% of electricity by 2030.",
        ],
    ),
    Article(
        slug="nbc-sutskever-gross", layout="localtv", lang="en",
        site="NBC10 Philadelphia",
        title="Meta tried to buy Ilya Sutskever's $32 billion AI startup, but is now planning to "
              "hire its CEO",
        author="Jonathan Vanian", date="2025-06-19", time="18:31", updated="2025-06-20",
        section="Money Report",
        demo_source="https://www.nbcphiladelphia.com/news/business/money-report/meta-tried-to-"
                    "buy-ilya-sutskevers-32-billion-ai-startup-but-is-now-planning-to-hire-its-"
                    "ceo/4214552/",
        standfirst=None,
        caption="Daniel Gross speaks at a conference in San Francisco in 2023.",
        body=[
            "Meta tried to acquire Safe Superintelligence earlier this year, but co-founder "
            "Ilya Sutskever rebuffed the approach, according to people familiar with the "
            "matter.",
            "After the talks failed, Mark Zuckerberg moved to recruit Daniel Gross, the "
            "startup's CEO and co-founder. Gross and former GitHub CEO Nat Friedman are joining "
            "Meta to work on products under Alexandr Wang, the people said.",
            "Safe Superintelligence was valued at $32 billion in a funding round in April. "
            "Sutskever, a co-founder of OpenAI, will remain in charge of the company.",
            "Meta is also expected to take a stake in NFDG, the venture fund run by Gross and "
            "Friedman, which has backed companies such as Perplexity.",
            "The hires come days after Meta invested $14.3 billion in Scale AI. A Meta "
            "spokesperson declined to comment.",
        ],
    ),
    Article(
        slug="winbuzzer-nfdg", layout="technews", lang="en", site="WinBuzzer",
        title="Meta Offers to Buy Stake in Venture Firm of New Hires Friedman and Gross",
        author="Markus Kasanmascheff", date="2025-07-03", time="14:22", section="AI",
        demo_source="https://winbuzzer.com/2025/07/03/meta-offers-to-buy-stake-in-venture-firm-"
                    "of-new-hires-friedman-and-gross-xcxwbn/",
        standfirst=None,
        caption="Meta's headquarters in Menlo Park, California.",
        body=[
            "Meta has offered to buy a stake in NFDG, the venture capital firm run by Nat "
            "Friedman and Daniel Gross, as the two join the company's new superintelligence "
            "unit.",
            "The deal would give Meta a minority position in a portfolio that includes "
            "Perplexity, Character.AI and several robotics startups. Its terms were not "
            "disclosed.",
            "Friedman, a former CEO of GitHub, and Gross, who co-founded Safe "
            "Superintelligence, will report to Alexandr Wang. Wang joined Meta as chief AI "
            "officer after the company invested $14.3 billion in Scale AI.",
            "## A costly race for talent",
            "OpenAI CEO Sam Altman has said Meta offered some of his researchers signing "
            "bonuses of up to $100 million. Meta's chief technology officer, Andrew Bosworth, "
            "said those figures were misleading.",
            "Meta plans to spend between $64 billion and $72 billion on capital expenditure "
            "this year, much of it on data centers for AI.",
        ],
    ),
    Article(
        slug="newsletter-desks", layout="newsletter", lang="en", site="The Verification Desk",
        title="Why small newsrooms are building fact-checking desks again",
        author="Ruth Okafor", date="2025-02-11", time="13:00", section="Newsletter",
        standfirst="Three local editors on what it costs, and what it catches",
        caption="The newsroom of the Ashford Courier. Photo: Ruth Okafor",
        body=[
            "When the Ashford Courier hired its first full-time fact-checker in March, the "
            "paper had 14 reporters and a shrinking print run. A year later, its editor says "
            "the desk has paid for itself.",
            "\"We caught 37 errors before publication in the first six months,\" said Maria "
            "Lindqvist, the Courier's editor. \"Two of them would have ended in a correction "
            "on the front page.\"",
            "The Courier is not alone. A survey by the Local News Alliance found that 23% of "
            "newsrooms with fewer than 50 staff now have someone checking facts before "
            "publication, up from 9% in 2021.",
            "The cost is modest by newsroom standards. Most desks run with one person and "
            "spend less than $60,000 a year, according to the survey.",
            "Editors say the hardest part is speed. \"The checker has to work at the pace of "
            "the web,\" Lindqvist said, \"or the story goes out without them.\"",
        ],
    ),
    Article(
        slug="mint-hiring-spree", layout="business", lang="en", site="Mint",
        title="Mark Zuckerberg is spending megabucks on an AI hiring spree",
        author="The Economist", date="2025-06-20", time="09:41", section="Global",
        demo_source="https://www.livemint.com/global/mark-zuckerberg-is-spending-megabucks-on-"
                    "an-ai-hiring-spree-11750394215146.html",
        standfirst="Meta's boss is determined not to lose the race for artificial intelligence",
        caption="Meta's founder has opened his chequebook.",
        body=[
            "Mark Zuckerberg does not like to lose. Having fallen behind OpenAI and Google in "
            "the race to build powerful artificial intelligence, Meta's boss is spending "
            "heavily to catch up.",
            "This month Meta paid $14.3 billion for 49% of Scale AI, a data-labelling firm, and "
            "hired its 28-year-old founder, Alexandr Wang, to lead a new superintelligence team.",
            "Mr Zuckerberg has also courted researchers at rival labs. Sam Altman, OpenAI's "
            "boss, says Meta dangled pay packages worth more than $100 million.",
            "Investors have so far given him the benefit of the doubt. Meta's shares are up by "
            "about 20% this year, even as its capital spending heads towards $70 billion.",
            "Whether money can buy a lead in AI is another matter. Meta's latest Llama models "
            "were received coolly by developers, and several of its senior researchers have "
            "left.",
        ],
    ),
    Article(
        slug="vcpost-scale", layout="newsportal", lang="en", site="VC Post",
        title="Meta Makes Major AI Move With $14.3 Billion Stake in Scale, Hires CEO",
        author="Anna Rodriguez", date="2025-06-13", time="10:48", section="Tech",
        demo_source="https://www.vcpost.com/articles/129343/20250613/meta-makes-major-ai-move-"
                    "143-billion-stake-scale-hires-ceo.htm",
        standfirst=None,
        caption="Alexandr Wang, founder of Scale AI. (Photo : Getty Images)",
        body=[
            "Meta has agreed to invest $14.3 billion in Scale AI for a 49% stake, in one of "
            "the largest deals of the artificial intelligence boom.",
            "As part of the agreement, Scale CEO Alexandr Wang will join Meta to lead a new "
            "team dedicated to building \"superintelligence.\" Wang, 28, founded Scale at 19 "
            "after leaving MIT.",
            "Wang will keep a seat on Scale's board. Jason Droege, the company's chief "
            "strategy officer, becomes interim CEO.",
            "The investment values Scale at more than $29 billion. It is Meta's second-largest "
            "deal after its $19 billion purchase of WhatsApp in 2014.",
            "Scale provides labelled data used to train AI models for clients including "
            "OpenAI and Google. Some of those clients are reviewing their contracts after the "
            "deal, according to reports.",
        ],
    ),
    Article(
        slug="wyoming-altman", layout="technews", lang="en", site="Wyoming Star News",
        title="Meta Disputes Altman’s Claim of $100M Offers Amid Talent Battle with OpenAI",
        author="Staff Writer", date="2025-06-27", time="08:05", section="Business",
        demo_source="https://wyomingstarnews.org/2025/06/27/meta-disputes-altmans-claim-of-"
                    "100m-offers-amid-talent-battle-with-openai/",
        standfirst=None,
        caption="Andrew Bosworth at a Meta event in 2024.",
        body=[
            "Meta's chief technology officer has pushed back on Sam Altman's claim that the "
            "company offered OpenAI employees signing bonuses of $100 million.",
            "In an internal meeting, Andrew Bosworth said Altman was being \"dishonest\" and "
            "that such sums were reserved for a very small number of senior leaders.",
            "Altman told a podcast last week that Meta had made \"giant offers\" to many people "
            "on his team, and that none of his best researchers had accepted.",
            "Meta has hired at least three researchers from OpenAI's Zurich office in recent "
            "weeks, according to reports.",
            "The dispute shows how fierce the competition for AI talent has become. Top "
            "researchers can now command packages worth tens of millions of dollars a year.",
        ],
    ),
    Article(
        slug="storm-power", layout="newsportal", lang="en", site="Coastal Daily",
        title="Storm leaves 210,000 homes without power across the Carolinas",
        author="Derek Mills", date="2025-09-04", time="21:40", section="Weather",
        standfirst=None,
        caption="A fallen tree blocks a road in Wilmington on Wednesday. (Photo: Coastal Daily)",
        body=[
            "More than 210,000 homes and businesses were without power in North and South "
            "Carolina on Wednesday night after a storm brought gusts of up to 70 mph to the "
            "coast.",
            "Duke Energy said crews from six states were helping to restore service, but "
            "warned that some customers could wait until Saturday.",
            "The National Weather Service recorded 5.8 inches of rain in Wilmington in 24 "
            "hours. Several roads were closed because of flooding.",
            "Governor Josh Stein declared a state of emergency in 14 counties. No deaths had "
            "been reported by late Wednesday.",
        ],
    ),
]

BY_SLUG = {a.slug: a for a in ARTICLES}
