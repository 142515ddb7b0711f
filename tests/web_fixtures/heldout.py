"""Three more pages, in layouts the extraction rules were not written against: written after
those rules were fixed, to see how far they carry (the bench reports them apart).

A wire service's page (its "Reporting by … Editing by …" trailer, trust-principles line and
inline sign-up), a French weekly's (pull quote, "À LIRE AUSSI" inside a paragraph, a
"this article appeared in" line, partner content) and a local news network's (its
"Don't miss local news" box, replies and abuse links).
"""

from __future__ import annotations

from .articles import Article
from .pages import COOKIE_EN, COOKIE_FR, body_html, e, en_date, fr_date, iso_time, json_ld

HELD_OUT: list[Article] = [
    Article(
        slug="wire-copper", layout="wire", lang="en", site="Global Wire",
        title="Copper hits record high as Chilean mine output falls",
        author="Lucia Herrera", date="2025-10-08", time="11:52", section="Commodities",
        standfirst=None, caption="A worker at a copper mine near Antofagasta, Chile. REUTERS",
        body=[
            "Copper prices rose to a record $11,200 a metric ton on Wednesday after Chile's "
            "state miner Codelco said output at its largest mine fell by 12% in September.",
            "Benchmark three-month copper on the London Metal Exchange was up 2.1% at $11,185 "
            "by 1050 GMT, having earlier touched its highest since trading began in 1978.",
            "Chile, the world's biggest producer, accounts for about a quarter of global mined "
            "supply. Codelco blamed an accident at its El Teniente mine in July.",
            "\"The market was already tight, and this tips it into deficit,\" said Ewa "
            "Manthey, commodities strategist at ING.",
            "Stocks of copper in LME-registered warehouses have fallen by 40% since March to "
            "138,000 tons.",
        ],
    ),
    Article(
        slug="hebdo-logement", layout="hebdo", lang="fr", site="L’Hebdo national",
        title="Logement : les mises en chantier au plus bas depuis 1992",
        author="Agnès Poirier", date="2025-02-27", time="07:00", section="Économie",
        standfirst="Seulement 259 000 logements ont été mis en chantier en 2024, un recul de "
                   "12 % sur un an. Les promoteurs réclament un plan d’urgence.",
        caption="Un chantier à Bordeaux, en janvier 2025. © Ugo Amez / SIPA",
        body=[
            "La construction de logements neufs a touché un plancher historique. Selon le "
            "ministère du logement, 259 000 logements ont été mis en chantier en 2024, soit "
            "12 % de moins qu’en 2023 et le plus bas niveau depuis 1992.",
            "Les permis de construire ont également reculé, de 6 %, à 332 000. La Fédération "
            "des promoteurs immobiliers estime que 30 000 emplois ont été supprimés dans le "
            "secteur en deux ans.",
            "« Nous vivons la pire crise depuis trente ans », affirme Pascal Boulanger, "
            "président de la fédération. Il demande le rétablissement du prêt à taux zéro "
            "sur tout le territoire.",
            "Le gouvernement a promis de publier un plan pour le logement avant l’été. La "
            "ministre chargée du logement évoque un objectif de 400 000 logements par an d’ici "
            "à 2030.",
            "La hausse des taux d’intérêt, passés de 1 % à plus de 4 % en deux ans, explique "
            "l’essentiel du recul, selon la Banque de France.",
        ],
    ),
    Article(
        slug="local-library", layout="localnet", lang="en", site="Maplewood Patchwork",
        title="Maplewood Library To Extend Weekend Hours Starting In March",
        author="Kim Alvarez", date="2025-02-14", time="15:30", section="Community",
        standfirst="The board voted 5-0 on Thursday.", caption="The Maplewood Public Library on Baker Street. (Kim Alvarez)",
        body=[
            "The Maplewood Public Library will open on Sundays from March 2, the library board "
            "decided on Thursday.",
            "The branch on Baker Street will open from noon to 5 p.m., adding 260 hours a year. "
            "The change will cost about $48,000, paid for by a state grant.",
            "Library director Samuel Ortiz said visits had risen by 18% last year, to 212,000. "
            "\"Weekends are when families can come,\" he said.",
            "The board also approved a plan to replace the roof of the children's wing, which "
            "was damaged in a storm in October.",
        ],
    ),
]


def wire(a: Article) -> str:
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{e(a.title)} | {e(a.site)}</title>
<meta property="og:title" content="{e(a.title)}"><meta property="og:site_name" content="{e(a.site)}">
{json_ld(a, offset='+00:00')}</head><body>
<header><nav><a>World</a> <a>Business</a> <a>Markets</a> <a>Sustainability</a> <a>Legal</a>
<a>Breakingviews</a></nav><a>My News</a> <a>Sign In</a> <a>Register</a></header>
<main><article><header><nav aria-label="Tags"><a>Commodities</a></nav>
<h1 data-testid="Heading">{e(a.title)}</h1>
<div class="article-info"><p>By <a>{e(a.author)}</a></p><time datetime="{iso_time(a, '+00:00')}">
{en_date(a.date)} 11:52 AM GMT+0 Updated 3 hours ago</time></div></header>
<figure><img src="/c.jpg" alt=""><figcaption>{e(a.caption)} Purchase Licensing Rights, opens new
tab</figcaption></figure>
<div class="article-body__content">
{body_html(a, between={2: '<div data-testid="promo-box"><p>Get a look at the day ahead in '
                          'U.S. and global markets with our Morning Bid newsletter. Sign up here.'
                          '</p></div>'})}
<p class="sign-off">Reporting by {e(a.author)} in Santiago; Editing by Mark Potter</p>
</div>
<div class="trust"><p>Our Standards: The {e(a.site)} Trust Principles.</p><a>opens new tab</a>
</div>
<div class="related-coverage"><h2>Read Next</h2><ul><li>Gold slips as dollar firms</li>
<li>Lithium prices extend slide</li></ul></div></article></main>
<footer><p>All quotes delayed a minimum of 15 minutes.</p><p>© 2025 {e(a.site)}. All rights
reserved</p></footer>{COOKIE_EN}</body></html>"""


def hebdo(a: Article) -> str:
    quote = a.paragraphs[2].split(" », ")[0] + " »"
    inline = ('<p><strong>À LIRE AUSSI</strong> <a href="/x">Immobilier : les prix baissent '
              'dans neuf grandes villes sur dix</a></p>')
    return f"""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>{e(a.title)} - {e(a.site)}</title>
<meta property="og:title" content="{e(a.title)}"><meta property="og:site_name" content="{e(a.site)}">
<meta name="description" content="{e(a.standfirst or '')}">
{json_ld(a, offset='+01:00')}</head><body>
<header><div class="logo">{e(a.site)}</div><nav><a>Politique</a> <a>Monde</a> <a>Économie</a>
<a>Société</a> <a>Culture</a> <a>Le magazine</a></nav><a class="btn">Abonnez-vous</a></header>
<main><article class="article-page">
<h1 class="article-page__title">{e(a.title)}</h1>
<p class="article-page__chapo">{e(a.standfirst or '')}</p>
<div class="article-page__author">Par {e(a.author)}<br>Publié le {fr_date(a.date)} à 7h00</div>
<figure><img src="/chantier.jpg" alt=""><figcaption>{e(a.caption)}</figcaption></figure>
<div class="article-page__body">
{body_html(a, between={1: inline, 3: f'<blockquote class="pull-quote"><p>{e(quote)}</p>'
                                     '</blockquote>'})}
<p class="article-page__issue"><em>Cet article est paru dans le numéro 3812 de {e(a.site)}.
</em></p></div>
<section class="partner"><p>Contenu partenaire</p><p>Assurance emprunteur : comment économiser
jusqu’à 15 000 euros</p></section>
<section class="most-shared"><h3>Les plus partagés</h3><ol><li>Retraites : ce qui change au
1er mars</li></ol></section></article></main>
<footer><p>© {e(a.site)} 2025 - Tous droits réservés</p><a>Mentions légales</a></footer>
{COOKIE_FR}</body></html>"""


CTA = ("<aside class=\"cta\"><p>Don't miss local news you care about! Subscribe to get the "
       "Maplewood newsletter.</p></aside>")


def localnet(a: Article) -> str:
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{e(a.title)} | {e(a.site)}</title>
<meta property="og:title" content="{e(a.title)}"><meta property="og:site_name" content="{e(a.site)}">
{json_ld(a, offset='-05:00')}</head><body>
<header><a>{e(a.site)}</a><nav><a>News Feed</a> <a>Neighbor Posts</a> <a>Classifieds</a>
<a>Events</a></nav><a>Log in</a></header>
<main><article>
<p class="category">{e(a.section)}</p><h1>{e(a.title)}</h1>
<p class="lede-summary">{e(a.standfirst or '')}</p>
<div class="byline">By {e(a.author)}, Patch Staff <time datetime="{iso_time(a, '-05:00')}">Feb
14, 2025 3:30 pm ET</time></div>
<div class="actions"><button>Reply</button> <button>Share</button></div>
<figure><img src="/lib.jpg" alt=""><figcaption>{e(a.caption)}</figcaption></figure>
<section class="article-body">
{body_html(a, between={2: CTA})}
</section>
<p><em>Thank you for supporting local journalism.</em></p>
<div class="comments"><p>3 replies</p><p>Great news for working parents!</p><a>Report abuse</a>
</div></article>
<aside><h2>More from {e(a.site)}</h2><ul><li>Snow emergency lifted</li></ul></aside></main>
<footer><p>Get more local news delivered straight to your inbox. Sign up for free newsletters
and alerts.</p><p>© 2025 {e(a.site)}. All rights reserved.</p></footer></body></html>"""


HELD_OUT_LAYOUTS = {"wire": wire, "hebdo": hebdo, "localnet": localnet}


def held_out_pages() -> dict[str, tuple[Article, bytes]]:
    return {a.slug: (a, HELD_OUT_LAYOUTS[a.layout](a).encode("utf-8")) for a in HELD_OUT}

# Strings of their wrapping that must never reach the imported text.
HELD_OUT_BOILERPLATE = {
    "wire": ["Morning Bid newsletter", "Reporting by", "Editing by", "Trust Principles",
             "Read Next", "Purchase Licensing Rights", "Updated 3 hours ago", "Sign In"],
    "hebdo": ["À LIRE AUSSI", "Immobilier : les prix baissent", "Cet article est paru",
              "Contenu partenaire", "Assurance emprunteur", "Les plus partagés", "Abonnez-vous",
              "SIPA", "Publié le"],
    "localnet": ["Don't miss local news", "Thank you for supporting", "Report abuse",
                 "3 replies", "Sign up for free", "Patch Staff", "Reply"],
}
