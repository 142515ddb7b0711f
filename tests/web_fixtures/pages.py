"""News pages for the web tests and the extraction bench, shaped like real ones.

Twelve site layouts (a Paris daily, a regional paper, a public broadcaster, a wire portal, a
WordPress blog, a British broadcaster, a broadsheet, a local TV site, a tech-news theme, a
newsletter platform, a business paper, a news portal) wrap the articles of ``articles.py``
in what such sites put around and inside an article: menus, cookie banners, bylines,
figure captions, "read also" links between paragraphs, share buttons, newsletter boxes,
related and most-read lists, comments, author boxes and footers, with their metadata in
JSON-LD, Open Graph or ``<time>`` tags.

``page_html(article)`` is the page's HTML; ``BOILERPLATE[layout]`` lists strings of the
wrapping that must never reach the imported text. ``python tests/web_fixtures/pages.py DIR``
writes every page to DIR, to look at them in a browser.
"""

from __future__ import annotations

import html
import json
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from articles import ARTICLES, Article  # noqa: E402
else:
    from .articles import ARTICLES, Article

MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def e(text: str) -> str:
    return html.escape(text, quote=True)


def fr_date(iso: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{'1er' if d == 1 else d} {MOIS[m - 1]} {y}"


def en_date(iso: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{MONTHS[m - 1]} {d}, {y}"


def uk_date(iso: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{d} {MONTHS[m - 1]} {y}"


def iso_time(a: Article, offset: str = "+02:00") -> str:
    return f"{a.date}T{a.time}:00{offset}"


def json_ld(a: Article, publisher: str | None = None, kind: str = "NewsArticle",
            offset: str = "+02:00") -> str:
    data = {
        "@context": "https://schema.org", "@type": kind, "headline": a.title,
        "datePublished": iso_time(a, offset),
        "dateModified": f"{a.updated or a.date}T{a.time}:00{offset}",
        "author": [{"@type": "Person", "name": a.author}],
        "publisher": {"@type": "Organization", "name": publisher or a.site,
                      "logo": {"@type": "ImageObject", "url": "https://cdn.example/logo.png"}},
        "image": ["https://cdn.example/img/lead.jpg"], "inLanguage": a.lang,
        "articleSection": a.section,
    }
    return ('<script type="application/ld+json">' + json.dumps(data, ensure_ascii=False)
            + "</script>")


def body_html(a: Article, p_class: str = "", between: dict[int, str] | None = None,
              h2_class: str = "") -> str:
    """The article's paragraphs and sub-headings, with layout pieces slotted in between."""
    out = []
    between = between or {}
    n = 0
    for item in a.body:
        if item.startswith("## "):
            out.append(f'<h2 class="{h2_class}">{e(item[3:])}</h2>')
            continue
        text = e(item)
        # a link inside a paragraph, as articles have: its words stay in the text
        words = text.split(" ")
        if len(words) > 8:
            words[3] = f'<a href="/tag/{n}">{words[3]}</a>'
            words[6] = f"<em>{words[6]}</em>"
        out.append(f'<p class="{p_class}">{" ".join(words)}</p>')
        n += 1
        if n in between:
            out.append(between[n])
    return "\n".join(out)


COOKIE_FR = """<div id="didomi-host" class="didomi-popup" role="dialog" aria-label="Consentement">
<div class="didomi-popup-container"><p class="didomi-notice-text">Nous et nos partenaires
utilisons des cookies pour stocker et accéder à des informations sur votre terminal, afin de
mesurer l’audience et de vous proposer des publicités personnalisées.</p>
<button>Accepter et fermer</button> <button>Paramétrer les cookies</button>
<a href="/cookies">Continuer sans accepter</a></div></div>"""

COOKIE_EN = """<div class="cookie-banner" id="consent" role="region" aria-label="Cookie consent">
<h2>We value your privacy</h2><p>We use cookies and similar technologies to improve your
experience, measure audiences and show you personalised advertising. You can change your
choices at any time in Privacy settings.</p><button>Accept all cookies</button>
<button>Manage preferences</button></div>"""


# ---------------------------------------------------------------- layouts

def quotidien(a: Article) -> str:
    lire = ('<section class="catcher" data-format="lire-aussi"><span class="catcher__title">'
            'Lire aussi |</span> <a class="catcher__desc" href="/economie/article/x.html">'
            'Les salaires ont progressé plus vite que les prix en 2024</a></section>')
    pub = ('<div class="dfp__inread dfp-slot" aria-hidden="true"><p class="dfp__label">'
           'Publicité</p></div>')
    return f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>{e(a.title)}</title>
<meta property="og:title" content="{e(a.title)}">
<meta property="og:site_name" content="{e(a.site)}">
<meta property="og:type" content="article">
<meta name="description" content="{e(a.standfirst or '')}">
{json_ld(a)}
<script>window.dataLayer=window.dataLayer||[];dataLayer.push({{"section":"{e(a.section)}"}});</script>
<style>.catcher{{border-left:3px solid #000}}</style>
</head><body class="article">
{COOKIE_FR}
<header class="Header"><a class="Header__logo" href="/">{e(a.site)}</a>
<nav class="Nav"><ul><li><a href="/international/">International</a></li>
<li><a href="/politique/">Politique</a></li><li><a href="/economie/">Économie</a></li>
<li><a href="/culture/">Culture</a></li><li><a href="/sport/">Sport</a></li>
<li><a href="/idees/">Idées</a></li></ul></nav>
<a class="Header__subscribe" href="/abonnement">S’abonner</a> <a href="/login">Se connecter</a>
</header>
<main><article class="article__content">
<p class="article__kicker">{e(a.section)}</p>
<h1 class="article__title">{e(a.title)}</h1>
<p class="article__desc">{e(a.standfirst or '')}</p>
<p class="article__status">Article réservé aux abonnés</p>
<figure class="article__media"><img src="/img/lead.jpg" alt="">
<figcaption class="article__legend">{e(a.caption)}</figcaption></figure>
<section class="meta meta__publisher">
<span class="meta__author">Par <a href="/signataires/x/">{e(a.author)}</a></span>
<span class="meta__date">Publié le {fr_date(a.date)} à {a.time.replace(':', 'h')}, modifié le
{fr_date(a.updated or a.date)} à 12h30</span>
<span class="meta__reading-time">Temps de lecture 3 min.</span></section>
<section class="article__share"><button>Partager</button><button>Offrir l’article</button>
<button>Ajouter à vos sélections</button></section>
<div class="article__content">
{body_html(a, "article__paragraph", {2: lire, 4: pub})}
</div>
<footer class="article__footer-single"><p>{e(a.author)}</p>
<p class="article__siblings">Contribuer</p><a href="/reutiliser">Réutiliser ce contenu</a>
</footer>
</article>
<aside class="aside__iso"><h3>Les plus lus</h3><ol>
<li><a href="/a">La réforme des retraites devant le Conseil constitutionnel</a></li>
<li><a href="/b">Les dix films à voir cette semaine</a></li>
<li><a href="/c">Le prix du gazole repasse sous 1,60 euro le litre</a></li></ol></aside>
<section class="services"><h3>Services {e(a.site)}</h3><ul><li>Mots croisés</li>
<li>Codes promo</li><li>Cours d’anglais</li></ul></section>
</main>
<div class="paywall" hidden><p>Lecture du journal en cours sur un autre appareil.</p>
<p>Vous pouvez lire le journal sur un seul appareil à la fois (ordinateur, téléphone ou
tablette).</p></div>
<footer class="Footer"><p>© {e(a.site)} 2025 - Reproduction interdite de tous les articles du
site sans autorisation.</p><ul><li><a href="/cgv">Conditions générales</a></li>
<li><a href="/mentions">Mentions légales</a></li><li><a href="/charte">Charte du groupe</a></li>
<li><a href="/cookies">Gestion des cookies</a></li></ul></footer>
<script src="/js/app.bundle.js"></script>
</body></html>"""


def regional(a: Article) -> str:
    return f"""<!DOCTYPE html>
<html lang="fr-FR"><head><meta charset="UTF-8">
<title>{e(a.title)} | {e(a.site)}</title>
<meta property="og:site_name" content="{e(a.site)}">
<meta property="og:title" content="{e(a.title)}">
<meta property="article:published_time" content="{iso_time(a, '+01:00')}">
<meta name="author" content="{e(a.author)}">
{json_ld(a, offset='+01:00')}
</head><body>
<div class="bandeau-alerte">Alerte info : coupure d’électricité dans le centre-ville ce soir
</div>
<header id="header"><div class="logo"><a href="/">{e(a.site)}</a></div>
<nav><a href="/bretagne">Bretagne</a> <a href="/pays-de-la-loire">Pays de la Loire</a>
<a href="/normandie">Normandie</a> <a href="/faits-divers">Faits divers</a>
<a href="/sport">Sport</a> <a href="/meteo">Météo</a> <a href="/annonces">Annonces</a></nav>
<form class="search"><input placeholder="Rechercher"><button>OK</button></form></header>
<nav class="breadcrumb"><a href="/">Accueil</a> › <a href="/pays-de-la-loire">Pays de la Loire
</a> › <span>{e(a.section)}</span></nav>
<div id="content"><article class="ofr-article">
<h1 class="ofr-title">{e(a.title)}</h1>
<p class="ofr-chapo"><strong>{e(a.standfirst or '')}</strong></p>
<div class="ofr-byline"><span>{e(a.author)}.</span>
<time datetime="{iso_time(a, '+01:00')}">Publié le {fr_date(a.date)} à {a.time}</time></div>
<div class="ofr-share"><a>Facebook</a> <a>Twitter</a> <a>WhatsApp</a> <a>Copier le lien</a>
</div>
<figure><img src="/photo.jpg" alt=""><figcaption>{e(a.caption)}</figcaption></figure>
<div class="ofr-body">
{body_html(a, between={3: '<div class="newsletter-inline"><p class="nl-title">La newsletter'
                          ' Nantes et sa région</p><p>Recevez chaque matin l’essentiel de '
                          'l’actualité de votre ville.</p><input placeholder="Votre e-mail">'
                          '<button>Je m’inscris</button></div>'})}
</div>
<div class="ofr-tags"><span>Tags :</span> <a>Transports</a> <a>Municipales 2026</a></div>
</article>
<section class="a-lire"><h2>À lire aussi</h2><ul>
<li><a href="/x">Travaux : la circulation coupée rue de Strasbourg jusqu’en juin</a></li>
<li><a href="/y">Le marché de Talensac rouvre après six mois de chantier</a></li></ul></section>
<section id="comments" class="comments"><h2>3 commentaires</h2>
<div class="comment"><p class="comment-author">Loïc44</p><p>Les rames sont bondées tous les
matins, il était temps de réagir.</p></div>
<div class="comment"><p class="comment-author">Anne-Marie</p><p>Et toujours rien pour les
quartiers nord, comme d’habitude.</p></div>
<div class="comment"><p class="comment-author">Pierrot</p><p>Encore des millions dépensés
alors que les bus sont en retard.</p></div>
<p>Vous devez être connecté pour commenter. <a href="/login">Se connecter</a></p></section>
</div>
<footer id="footer"><ul><li>Qui sommes-nous ?</li><li>Nous contacter</li><li>Publicité</li>
<li>Données personnelles</li></ul><p>© {e(a.site)} 2025. Tous droits réservés.</p></footer>
{COOKIE_FR}
</body></html>"""


def radiotele(a: Article) -> str:
    return f"""<!doctype html>
<html lang="fr"><head><meta charset="utf-8">
<title>{e(a.title)}</title>
<meta property="og:site_name" content="{e(a.site)}">
{json_ld(a)}
<script>var tc_vars = {{"page_type": "article"}};</script>
</head><body>
<a class="skip" href="#main">Aller au contenu principal</a>
<header class="header"><a href="/" class="logo">{e(a.site)}</a>
<nav><a href="/en-direct">Direct TV</a> <a href="/replay">Replay</a> <a href="/radio">Radio</a>
<a href="/politique">Politique</a> <a href="/monde">Monde</a> <a href="/meteo">Météo</a></nav>
</header>
<main id="main"><article class="c-article">
<div class="c-breadcrumb">France / {e(a.section)}</div>
<h1 class="c-title">{e(a.title)}</h1>
<p class="c-chapo">{e(a.standfirst or '')}</p>
<div class="c-signature">Article rédigé par <span class="c-signature__name">{e(a.author)}
</span> - France Télévisions<p class="c-signature__time">Publié le
<time datetime="{iso_time(a)}">{fr_date(a.date)} {a.time.replace(':', 'h')}</time></p>
<p class="c-reading-time">Temps de lecture : 2 min</p></div>
<div class="c-video"><p>Lecture en cours</p><p>Canicule : les bons réflexes à adopter
(FRANCEINFO)</p></div>
<figure class="c-cover"><img src="/cover.jpg" alt=""><figcaption>{e(a.caption)}
(JEAN-PHILIPPE KSIAZEK / AFP)</figcaption></figure>
<div class="c-body">
{body_html(a, between={2: '<div class="c-read-also"><span>À lire aussi</span> <a href="/z">'
                          'Canicule : comment protéger ses animaux de compagnie</a></div>'})}
</div>
<div class="c-share">Partager : <a>Facebook</a> <a>X</a> <a>LinkedIn</a> <a>E-mail</a></div>
<div class="c-comments"><button>Voir les commentaires</button></div>
</article>
<aside class="c-most-read"><h2>Les plus lus</h2><ol><li>Orages : cinq départements en
vigilance jaune</li><li>Tour de France : le parcours de la 4ᵉ étape</li></ol></aside>
</main>
<footer><p>franceinfo, l’info en continu</p><ul><li>Plan du site</li><li>Accessibilité :
partiellement conforme</li><li>Gestion des cookies</li></ul></footer>
{COOKIE_FR}
</body></html>"""


def agence(a: Article) -> str:
    d = a.date.split("-")
    return f"""<!DOCTYPE html>
<html lang="fr" dir="ltr"><head><meta charset="utf-8">
<title>{e(a.title)} | {e(a.site)}</title>
<meta property="og:title" content="{e(a.title)}">
<meta property="og:site_name" content="{e(a.site)}">
<meta property="article:published_time" content="{iso_time(a)}">
<meta name="twitter:card" content="summary_large_image">
</head><body>
<div class="region-top"><ul class="menu"><li><a href="/">Accueil</a></li><li><a>Info</a></li>
<li><a>Afrique</a></li><li><a>Économie</a></li><li><a>Culture</a></li><li><a>Apprendre le
français</a></li><li><a>Programmes TV</a></li></ul>
<a class="direct" href="/direct">Regarder TV5MONDE en direct</a></div>
<main><div class="node node--type-article">
<div class="field--name-field-rubrique">{e(a.section)}</div>
<h1 class="page-title"><span>{e(a.title)}</span></h1>
<div class="article-source">Par {e(a.author)}</div>
<div class="article-date">Mis à jour le {d[2]}.{d[1]}.{d[0]} à {a.time}</div>
<div class="image-wrapper"><img src="/img.jpg" alt=""><div class="image-caption">
{e(a.caption)}</div></div>
<div class="field--name-body">
{body_html(a)}
</div>
<div class="share"><span>Partager</span><a>Facebook</a><a>X</a><a>WhatsApp</a></div>
<div class="tags"><span>Dans la même rubrique</span><ul><li><a>Intelligence artificielle :
l’Europe adopte un code de conduite</a></li><li><a>Nvidia dépasse 4 000 milliards de
dollars en Bourse</a></li></ul></div>
</div></main>
<footer class="footer"><p>TV5MONDE, la chaîne culturelle francophone</p><p>© 2025 TV5MONDE -
Tous droits réservés</p><ul><li>Mentions légales</li><li>Contact</li></ul></footer>
<div class="cookie-consent"><p>Ce site utilise des cookies pour améliorer votre expérience de
navigation et réaliser des statistiques de visites.</p><button>J’accepte</button>
<button>Je refuse</button></div>
</body></html>"""


def blogwp(a: Article) -> str:
    return f"""<!DOCTYPE html>
<html lang="fr-FR"><head><meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(a.title)} &#8211; {e(a.site)}</title>
<meta property="og:locale" content="fr_FR">
<meta property="og:type" content="article">
<meta property="og:title" content="{e(a.title)}">
<meta property="og:site_name" content="{e(a.site)}">
<meta property="article:published_time" content="{iso_time(a)}">
<link rel="stylesheet" href="/wp-content/themes/astra/style.css">
<script src="/wp-includes/js/jquery/jquery.min.js"></script>
</head><body class="post-template-default single single-post">
<div id="page" class="site"><a class="skip-link screen-reader-text" href="#content">Aller au
contenu</a>
<header id="masthead" class="site-header"><p class="site-title"><a href="/">{e(a.site)}</a></p>
<p class="site-description">Le blog des communicants curieux</p>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">
<li><a href="/">Accueil</a></li><li><a href="/category/tech/">Tech</a></li>
<li><a href="/category/marques/">Marques</a></li><li><a href="/category/medias/">Médias</a>
</li><li><a href="/contact/">Contact</a></li></ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area">
<main id="main" class="site-main">
<article id="post-4182" class="post-4182 post type-post status-publish">
<header class="entry-header"><h1 class="entry-title">{e(a.title)}</h1>
<div class="entry-meta"><span class="posted-on">Publié le <a href="#" rel="bookmark"><time
class="entry-date published" datetime="{iso_time(a)}">{fr_date(a.date)}</time><time
class="updated" datetime="2025-07-05T09:00:00+02:00">5 juillet 2025</time></a></span>
<span class="byline"> par <span class="author vcard"><a class="url fn n" href="/author/red/">
{e(a.author)}</a></span></span></div></header>
<div class="post-thumbnail"><img src="/wp-content/uploads/2025/07/zuck.jpg" alt="">
<p class="wp-caption-text">{e(a.caption)}</p></div>
<div class="entry-content">
{body_html(a)}
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Partager :</h3><ul>
<li><a>Facebook</a></li><li><a>X</a></li><li><a>LinkedIn</a></li></ul></div>
<div class="sharedaddy sd-block sd-like"><h3 class="sd-title">J’aime ça :</h3>
<p>J’aime chargement…</p></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline">
Articles similaires</h3><p><a>Pourquoi les marques quittent X</a></p>
<p><a>TikTok, nouvel eldorado des annonceurs</a></p></div>
</div>
<footer class="entry-footer"><span class="cat-links">Publié dans <a>Tech</a></span>
<span class="tags-links">Étiquettes : <a>IA</a>, <a>Meta</a>, <a>Zuckerberg</a></span>
</footer></article>
<nav class="navigation post-navigation"><div class="nav-previous"><a>Article précédent :
Les podcasts de marque ont-ils un avenir ?</a></div></nav>
<div id="comments" class="comments-area"><div id="respond" class="comment-respond">
<h3 id="reply-title" class="comment-reply-title">Laisser un commentaire</h3>
<form><p class="comment-notes">Votre adresse e-mail ne sera pas publiée. Les champs
obligatoires sont indiqués avec *</p><textarea></textarea><p class="form-submit"><input
type="submit" value="Publier le commentaire"></p></form></div></div>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget widget_search"><form>
<input placeholder="Rechercher…"></form></section>
<section class="widget widget_recent_entries"><h2 class="widget-title">Articles récents</h2>
<ul><li><a>Le retour du print dans les campagnes B2B</a></li><li><a>Influenceurs : ce que
change la loi de 2023</a></li></ul></section>
<section class="widget"><h2 class="widget-title">Newsletter</h2><p>Recevez nos articles
chaque vendredi dans votre boîte mail.</p></section>
<section class="widget widget_archive"><h2 class="widget-title">Archives</h2><ul>
<li>juillet 2025</li><li>juin 2025</li></ul></section></aside></div>
<footer id="colophon" class="site-footer"><div class="site-info">© 2025 {e(a.site)}.
Fièrement propulsé par WordPress</div></footer></div>
<script src="/wp-content/plugins/jetpack/sharing.js"></script>
</body></html>"""


def broadcaster(a: Article) -> str:
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>{e(a.title)} - {e(a.site)}</title>
<meta property="og:title" content="{e(a.title)}">
<meta property="og:site_name" content="{e(a.site)}">
<meta name="description" content="{e(a.paragraphs[0])}">
{json_ld(a, offset='+01:00')}
</head><body>
<a href="#main-content" class="skip">Skip to content</a>
<header><nav aria-label="Main"><ul><li><a>Home</a></li><li><a>News</a></li><li><a>Sport</a>
</li><li><a>Weather</a></li><li><a>iPlayer</a></li><li><a>Sounds</a></li></ul></nav>
<a href="/account">Sign in</a><nav aria-label="News"><a>UK</a> <a>World</a> <a>Business</a>
<a>Politics</a> <a>Tech</a> <a>Science</a> <a>Health</a></nav></header>
<main id="main-content"><article>
<header><h1 id="main-heading">{e(a.title)}</h1></header>
<div data-component="byline-block"><time datetime="{a.date}T{a.time}:00.000Z">{uk_date(a.date)}
</time><div><span>{e(a.author)}</span><span>Environment correspondent</span></div>
<div><a>Share</a><a>Save</a></div></div>
<div data-component="image-block"><figure><img src="/i.jpg" alt="Water gushing from a burst
main"><span>Image source, Getty Images</span><figcaption><span>Image caption, </span>
{e(a.caption)}</figcaption></figure></div>
<div data-component="text-block">
{body_html(a, between={3: '<div data-component="links-block"><p>Read more:</p><ul><li><a>'
                          'How much water does your home use?</a></li><li><a>Hosepipe bans: '
                          'what are the rules?</a></li></ul></div>'})}
</div>
<div data-component="tag-list"><h2>Related topics</h2><ul><li><a>Water</a></li>
<li><a>Ofwat</a></li><li><a>Thames Water</a></li></ul></div>
</article>
<section data-component="related"><h2>More on this story</h2><ul>
<li><a>Thames Water fined £123m over sewage spills</a><span>Published 20 May</span></li>
<li><a>Reservoir plans approved in Lincolnshire</a><span>Published 2 April</span></li></ul>
</section>
<section><h2>Top stories</h2><ul><li>Live: Prime minister faces MPs</li><li>Storm warnings
issued for Scotland</li></ul></section></main>
<footer><ul><li>Terms of Use</li><li>About the {e(a.site)}</li><li>Privacy Policy</li>
<li>Cookies</li><li>Accessibility Help</li><li>Contact the {e(a.site)}</li></ul>
<p>Copyright 2025 {e(a.site)}. All rights reserved. The {e(a.site)} is not responsible for the
content of external sites. Read about our approach to external linking.</p></footer>
{COOKIE_EN}
</body></html>"""


def broadsheet(a: Article) -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{e(a.title)} | {e(a.section)} | {e(a.site)}</title>
<meta property="og:title" content="{e(a.title)}">
<meta property="og:site_name" content="{e(a.site)}">
<meta property="article:published_time" content="{a.date}T{a.time}:00.000Z">
<meta property="article:author" content="https://example.org/profile/x">
{json_ld(a, offset='+00:00')}
</head><body>
<div class="top-bar"><a>Print subscriptions</a> <a>Sign in</a> <a>Search jobs</a></div>
<header><a href="/" class="logo">{e(a.site)}</a><nav><ul><li>News</li><li>Opinion</li>
<li>Sport</li><li>Culture</li><li>Lifestyle</li></ul></nav></header>
<main><article>
<div class="series">{e(a.section)}</div>
<h1>{e(a.title)}</h1>
<div class="standfirst"><p>{e(a.standfirst or '')}</p></div>
<figure><img src="/turbines.jpg" alt=""><figcaption>{e(a.caption)}</figcaption></figure>
<address><a rel="author">{e(a.author)}</a> Energy correspondent</address>
<details class="dateline"><summary>Thu {uk_date(a.date)} {a.time} GMT</summary>
<p>Last modified on Thu {uk_date(a.date)} 11.42 GMT</p></details>
<div class="article-body-commercial-selector">
{body_html(a, between={2: '<aside class="rich-link"><p>Explainer</p><a>What is the EU '
                          'emissions trading system?</a></aside>'})}
</div>
<div class="contributions-epic"><h2>We have a small favour to ask …</h2><p>Millions of
readers rely on our fearless journalism. Unlike many others, we have no billionaire owner,
which means we can report without fear. If you can, please support us today. It takes less
than a minute.</p><a>Support us</a> <a>Remind me in August</a></div>
<div class="submeta"><h2>Explore more on these topics</h2><ul><li>Energy</li><li>Renewable
energy</li><li>Wind power</li><li>Solar power</li></ul><a>Share</a> <a>Reuse this content</a>
</div></article>
<section id="comments"><h2>Comments (212)</h2><p>Sign in or create your account to join
the discussion.</p><div class="comment"><span>GreenVolt</span><p>Great news, but the grid
is the real bottleneck here.</p></div></section>
<section class="most-viewed"><h2>Most viewed</h2><ol><li>Live: markets fall as tariffs bite
</li><li>The best rainy-day walks in Britain</li></ol></section></main>
<footer><ul><li>About us</li><li>Contact us</li><li>Complaints &amp; corrections</li>
<li>Privacy policy</li><li>Cookie policy</li></ul><p>© 2025 {e(a.site)} Media Limited or
its affiliated companies. All rights reserved.</p></footer>
{COOKIE_EN}
</body></html>"""


def localtv(a: Article) -> str:
    return f"""<!DOCTYPE html>
<html lang="en-US"><head><meta charset="utf-8">
<title>{e(a.title)} – {e(a.site)}</title>
<meta property="og:title" content="{e(a.title)}">
<meta property="og:site_name" content="{e(a.site)}">
{json_ld(a, offset='-04:00')}
</head><body>
<header class="site-header"><div class="site-header__logo">{e(a.site)}</div>
<nav><a>Local</a> <a>Weather</a> <a>Investigations</a> <a>Sports</a> <a>Entertainment</a>
<a>Watch Live</a> <a>Newsletters</a></nav>
<div class="weather-widget">72° Philadelphia, PA</div></header>
<main><article class="article">
<div class="article-header"><div class="article-header__label">Money Report</div>
<h1 class="article-headline">{e(a.title)}</h1>
<div class="article-byline">By <span class="author">{e(a.author)}, CNBC</span> •
<time datetime="{iso_time(a, '-04:00')}">Published {en_date(a.date)} • Updated on
{en_date(a.updated or a.date)} at 8:03 am</time></div></div>
<div class="article-share"><a>Copy Link</a> <a>Email</a> <a>Facebook</a> <a>X</a>
<a>Bluesky</a> <a>Flipboard</a></div>
<figure class="article-featured-media"><img src="/gross.jpg" alt=""><figcaption
class="caption">{e(a.caption)} <span class="credit">Photo by Getty Images</span></figcaption>
</figure>
<div class="article-content">
<div class="key-points"><h2>What to know</h2><ul><li>Sources say Meta tried to buy SSI.
</li><li>The company is now hiring its CEO.</li></ul></div>
{body_html(a, between={1: '<div class="ad-slot"><p>Advertisement</p></div>',
                          3: '<div class="newsletter-signup"><p>Get Philly local news, '
                             'weather forecasts, sports and entertainment stories to your inbox. '
                             'Sign up for our newsletters.</p></div>'})}
<p class="copyright">Copyright CNBC</p>
</div></article>
<aside class="trending"><h2>Trending Stories</h2><ul><li>SEPTA fare hike takes effect
Sunday</li><li>Heat advisory issued for Philadelphia</li></ul></aside></main>
<footer class="site-footer"><ul><li>Submit a Consumer Tip</li><li>Careers</li><li>Send Feedback
</li><li>Terms of Service</li><li>Privacy Policy</li><li>Do Not Sell or Share My Personal
Information</li></ul><p>Copyright © 2025 NBCUniversal Media, LLC. All rights reserved</p>
</footer>
{COOKIE_EN}
</body></html>"""


def technews(a: Article) -> str:
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": a.site, "url": "https://example.org/"},
        {"@type": "NewsArticle", "headline": a.title, "datePublished": iso_time(a, "+00:00"),
         "dateModified": iso_time(a, "+00:00"), "author": {"@type": "Person", "name": a.author},
         "publisher": {"@type": "Organization", "name": a.site}, "inLanguage": "en-US"},
        {"@type": "BreadcrumbList", "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "Home"},
            {"@type": "ListItem", "position": 2, "name": a.section}]}]}
    y, m, d = a.date.split("-")
    return f"""<!DOCTYPE html>
<html lang="en-US"><head><meta charset="UTF-8">
<title>{e(a.title)} - {e(a.site)}</title>
<meta property="og:site_name" content="{e(a.site)}">
<meta property="og:title" content="{e(a.title)}">
<script type="application/ld+json" class="yoast-schema-graph">{json.dumps(graph)}</script>
<script async src="https://pagead.example/adsbygoogle.js"></script>
</head><body class="single">
<div class="td-header-top"><span>{d}/{m}/{y}</span> <a>About</a> <a>Contact</a>
<a>Advertise</a></div>
<header class="td-header"><div class="td-logo">{e(a.site)}</div><nav class="td-menu">
<a>News</a> <a>AI</a> <a>Windows</a> <a>Gaming</a> <a>Security</a> <a>Deals</a></nav></header>
<div class="td-container"><div class="td-main-content">
<article class="post type-post"><div class="td-post-header">
<ul class="td-category"><li><a>{e(a.section)}</a></li></ul>
<h1 class="entry-title">{e(a.title)}</h1>
<div class="td-module-meta-info"><div class="td-post-author-name">By <a>{e(a.author)}</a>
</div><span class="td-post-date"><time class="entry-date updated td-module-date"
datetime="{iso_time(a, '+00:00')}">{en_date(a.date)} {a.time} pm CEST</time></span>
<div class="td-post-views">1,482 views</div></div></div>
<div class="td-post-featured-image"><figure><img src="/hq.jpg" alt=""><figcaption
class="wp-caption-text">{e(a.caption)}</figcaption></figure></div>
<div class="td-post-content tagdiv-type">
<div class="ez-toc-container"><p class="ez-toc-title">Table of Contents</p><ul><li>A costly
race for talent</li></ul></div>
{body_html(a, between={2: '<p><strong>Related:</strong> <a>Meta Hires OpenAI Researchers '
                          'for Superintelligence Team</a></p>',
                          4: '<div class="code-block"><ins class="adsbygoogle"></ins><p>ADVERTISEMENT'
                             '</p></div>'})}
</div>
<footer><div class="td-post-source-tags"><ul class="td-tags"><li><span>TAGS</span></li>
<li><a>Artificial Intelligence</a></li><li><a>Meta</a></li><li><a>OpenAI</a></li></ul></div>
<div class="td-post-sharing"><span>Share</span><a>Facebook</a><a>Twitter</a><a>Reddit</a></div>
<div class="author-box-wrap"><img src="/author.jpg" alt=""><div class="desc"><div
class="td-author-name">{e(a.author)}</div><p>Markus has been covering the tech industry for
more than 15 years. He holds a Master’s degree in International Economics and is the founder
and managing editor of the site.</p></div></div></footer></article>
<div class="td_block_related_posts"><h4>Related Posts</h4><div><a>Microsoft Unveils New
Copilot Features for Windows 11</a></div><div><a>Google Gemini 2.5 Now Available to All
Users</a></div></div>
<div id="comments" class="comments"><h4 class="block-title">Leave a Reply</h4><form><p>Your
email address will not be published.</p><textarea></textarea><input type="submit"
value="Post Comment"></form></div></div>
<aside class="td-sidebar"><h4>Recent News</h4><ul><li>Windows 11 24H2 update fixes printer bug
</li><li>Nvidia unveils new AI chips</li></ul><h4>Newsletter</h4><p>Subscribe to get the
latest tech news.</p></aside></div>
<footer class="td-footer"><p>© 2025 {e(a.site)}. All Rights Reserved.</p><p>Copyright notice:
no part of this site may be reproduced without permission.</p></footer>
{COOKIE_EN}
</body></html>"""


def newsletter(a: Article) -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{e(a.title)} - by {e(a.author)}</title>
<meta property="og:title" content="{e(a.title)}">
<meta property="og:site_name" content="{e(a.site)}">
<meta name="author" content="{e(a.author)}">
{json_ld(a, kind='NewsArticle', offset='+00:00')}
<script>window._preloads = JSON.parse("{{\\"isEmbed\\":false}}")</script>
</head><body>
<div class="topbar"><a class="navbar-title" href="/">{e(a.site)}</a>
<button>Subscribe</button> <a>Sign in</a></div>
<div class="main"><article class="typography newsletter-post post">
<div class="post-header"><h1 class="post-title">{e(a.title)}</h1>
<h3 class="subtitle">{e(a.standfirst or '')}</h3>
<div class="post-meta"><a class="author">{e(a.author)}</a><div class="pencraft">
{en_date(a.date).replace(', 2025', '')}, 2025</div><div class="post-ufi"><a>142</a><a>18</a>
<a>Share</a></div></div></div>
<div class="available-content"><div class="body markup">
{body_html(a, between={2: '<div class="subscription-widget-wrap"><p class="cta-caption">'
                          'Thanks for reading The Verification Desk! Subscribe for free to '
                          'receive new posts and support my work.</p><input placeholder="Type '
                          'your email…"><button>Subscribe</button></div>'})}
<div class="captioned-image-container"><figure><img src="/n.jpg" alt=""><figcaption
class="image-caption">{e(a.caption)}</figcaption></figure></div>
<p class="button-wrapper"><a class="button"><span>Share</span></a></p>
</div></div></article>
<div class="post-footer"><div class="like-button">142 Likes</div><div>18 Restacks</div></div>
<div class="comments-section"><h4>Discussion about this post</h4><div class="comment"><a>Ben
Harlow</a><p>We did the same at our paper and it changed how reporters write.</p></div></div>
<div class="footer-wrap"><p>© 2025 {e(a.author)}</p><p>Privacy ∙ Terms ∙ Collection notice</p>
<a>Start writing</a> <a>Get the app</a><p>Substack is the home for great culture</p></div>
</div></body></html>"""


def business(a: Article) -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{e(a.title)} | {e(a.site)}</title>
<meta property="og:title" content="{e(a.title)} | {e(a.site)}">
<meta property="og:site_name" content="{e(a.site)}">
<meta name="description" content="{e(a.standfirst or '')}">
{json_ld(a, offset='+05:30')}
</head><body>
<header><div class="logo">{e(a.site)}</div><nav><a>Latest</a> <a>Markets</a>
<a>Premium</a> <a>Companies</a> <a>Money</a> <a>Technology</a> <a>Opinion</a></nav>
<a>Subscribe</a> <a>Login</a><div class="ticker">Sensex 82,408.17 +0.49% Nifty 25,112.40</div>
</header>
<main><div class="storyPage"><div class="breadcrumb">Home / Global / {e(a.title)}</div>
<h1 class="headline">{e(a.title)}</h1>
<h2 class="summary">{e(a.standfirst or '')}</h2>
<div class="storyPage_authorDesc"><span>{e(a.author)}</span><span class="pubtime">Published
{a.date[8:]} Jun 2025, 09:41 AM IST</span></div>
<figure><img src="/zuck.jpg" alt=""><figcaption>{e(a.caption)} (REUTERS)</figcaption></figure>
<div class="storyPage_storyContent">
{body_html(a, between={1: '<div class="also-read"><p>Also Read | <a>Meta’s AI chief Yann '
                          'LeCun on the limits of large language models</a></p></div>',
                          3: '<div class="adHolder"><p>Advertisement</p></div>'})}
<p class="storyPage_ht">© 2025, The Economist Newspaper Limited. All rights reserved. From The
Economist, published under licence. The original content can be found on www.economist.com
</p>
<p class="catchAll">Catch all the Business News, Market News, Breaking News Events and Latest
News Updates on Live Mint. Download The Mint News App to get Daily Market Updates.</p>
</div>
<div class="topics"><p>Topics You May Be Interested In</p><ul><li>Meta</li><li>OpenAI</li>
</ul></div></div>
<aside class="trending"><h2>Trending Stocks</h2><ul><li>Tata Motors 1,012.35</li>
<li>Reliance 2,934.80</li></ul></aside></main>
<footer><p>Copyright © HT Digital Streams Ltd All Right Reserved</p><ul><li>About Us</li>
<li>Contact Us</li><li>Terms of Use</li></ul></footer>
{COOKIE_EN}
</body></html>"""


def newsportal(a: Article) -> str:
    y, m, d = a.date.split("-")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{e(a.title)} : {e(a.section)} : {e(a.site)}</title>
<meta property="og:title" content="{e(a.title)}">
<meta property="og:site_name" content="{e(a.site)}">
<meta itemprop="datePublished" content="{iso_time(a, '-04:00')}">
{json_ld(a, offset='-04:00')}
</head><body>
<div id="top"><ul class="gnb"><li>Home</li><li>Business</li><li>Tech</li><li>Economy</li>
<li>Entertainment</li><li>Opinion</li></ul><form><input placeholder="Search"></form></div>
<div id="wrap"><div class="at-contL"><article itemscope itemtype="https://schema.org/NewsArticle">
<div class="at-tit"><h1 itemprop="headline">{e(a.title)}</h1></div>
<div class="byline"><span itemprop="author">By {e(a.author)}</span> <time>{m}/{d}/{y}
{a.time} AM EDT</time></div>
<div class="share"><a>f</a> <a>t</a> <a>in</a> <a>Comment</a></div>
<div class="at-img"><img src="/w.jpg" alt=""><p class="at-caption">{e(a.caption)}</p></div>
<div class="at-body" itemprop="articleBody">
{body_html(a, between={2: '<p class="related"><strong>READ MORE : </strong><a>Nvidia Tops $4 '
                          'Trillion as AI Rally Continues</a></p>'})}
</div>
<div class="at-tag"><span>TagsMeta, Scale AI, Alexandr Wang</span></div>
<div class="copyright">© 2025 {e(a.site)} All rights reserved. Do not reproduce without
permission.</div>
</article>
<div class="rel-news"><h3>Most Popular</h3><ul><li>Tesla Shares Slide After Delivery Report
</li><li>Fed Holds Rates Steady, Signals Two Cuts</li></ul></div></div>
<div class="at-contR"><h3>Latest Stories</h3><ul><li>Apple Plans Cheaper MacBook</li><li>Oil
Prices Rise on Supply Concerns</li></ul><div class="ad"><p>ADVERTISEMENT</p></div></div></div>
<footer><p>© Copyright 2025 {e(a.site)}. All rights reserved.</p><ul><li>About Us</li>
<li>Privacy Policy</li><li>Terms&amp;Conditions</li></ul></footer>
{COOKIE_EN}
</body></html>"""


LAYOUTS = {f.__name__: f for f in (quotidien, regional, radiotele, agence, blogwp, broadcaster,
                                   broadsheet, localtv, technews, newsletter, business,
                                   newsportal)}

# Strings of each layout's wrapping that must never reach the imported text.
_COMMON_FR = ["Accepter et fermer", "Nous et nos partenaires"]
_COMMON_EN = ["Accept all cookies", "We value your privacy"]
BOILERPLATE: dict[str, list[str]] = {
    "quotidien": _COMMON_FR + ["Lire aussi", "Les salaires ont progressé plus vite", "Publicité",
                               "Les plus lus", "Reproduction interdite", "Par ", "Publié le",
                               "Temps de lecture", "Article réservé aux abonnés", "AFP",
                               "Mots croisés", "Lecture du journal", "S’abonner"],
    "regional": _COMMON_FR + ["Recevez chaque matin", "Je m’inscris", "À lire aussi",
                              "Travaux : la circulation", "commentaires", "Loïc44",
                              "Tous droits réservés", "Alerte info", "Photo :", "Accueil",
                              "Tags :", "Copier le lien"],
    "radiotele": _COMMON_FR + ["Article rédigé par", "Temps de lecture", "Lecture en cours",
                               "À lire aussi", "Partager", "Voir les commentaires",
                               "Les plus lus", "Plan du site", "KSIAZEK"],
    "agence": ["Mis à jour le", "Regarder TV5MONDE", "Partager", "Dans la même rubrique",
               "Tous droits réservés", "J’accepte", "© AFP", "Apprendre le"],
    "blogwp": ["Aller au contenu", "Le blog des communicants", "Partager :", "J’aime",
               "Articles similaires", "Laisser un commentaire", "Étiquettes", "Articles récents",
               "Fièrement propulsé", "Crédit : Meta", "Article précédent"],
    "broadcaster": _COMMON_EN + ["Skip to content", "Sign in", "Image source", "Image caption",
                                 "Getty Images", "Read more:", "How much water", "Related topics",
                                 "More on this story", "Top stories", "external linking",
                                 "Environment correspondent"],
    "broadsheet": _COMMON_EN + ["Photograph: Reuters", "Energy correspondent", "Explainer",
                                "emissions trading system", "small favour", "Support us",
                                "Explore more on these topics", "Comments (212)", "GreenVolt",
                                "Most viewed", "All rights reserved", "Last modified"],
    "localtv": _COMMON_EN + ["What to know", "Advertisement", "Sign up for our newsletters",
                             "Copyright CNBC", "Trending Stories", "Photo by Getty Images",
                             "Published June", "Copy Link", "All rights reserved"],
    "technews": _COMMON_EN + ["Table of Contents", "Related:", "ADVERTISEMENT", "TAGS",
                              "covering the tech industry", "Related Posts", "Leave a Reply",
                              "Recent News", "All Rights Reserved", "views"],
    "newsletter": ["Thanks for reading", "Subscribe for free", "Discussion about this post",
                   "Ben Harlow", "Collection notice", "Start writing", "Likes", "Restacks",
                   "Photo: Ruth Okafor"],
    "business": _COMMON_EN + ["Also Read", "Yann LeCun", "Advertisement",
                              "Catch all the Business News", "The Economist Newspaper Limited",
                              "Topics You May Be Interested In", "Trending Stocks", "(REUTERS)",
                              "Sensex"],
    "newsportal": _COMMON_EN + ["READ MORE", "Nvidia Tops", "Most Popular", "Latest Stories",
                                "All rights reserved", "ADVERTISEMENT", "(Photo", "Tags"],
}


def page_html(a: Article) -> str:
    return LAYOUTS[a.layout](a)


def pages() -> dict[str, tuple[Article, bytes]]:
    """Every fixture page: slug → (article, the page's bytes as a server sends them)."""
    return {a.slug: (a, page_html(a).encode("utf-8")) for a in ARTICLES}


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "web-pages")
    out.mkdir(parents=True, exist_ok=True)
    for slug, (_a, data) in pages().items():
        (out / f"{slug}.html").write_bytes(data)
    print(f"{len(ARTICLES)} pages written to {out}")
