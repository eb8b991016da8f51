"""Outlet templates of the demo corpus: each fictional outlet wraps an article in its own
site boilerplate (navigation, related links, newsletter promo, cookie banner, footer), as
real sites do. `generate.py` renders the pages from `articles_*.py` with these."""

import html
import json

E = html.escape


def jsonld(a, o, style):
    authors = [{"@type": "Person", "name": n} for n in a["authors"]]
    art = {
        "@type": "NewsArticle",
        "headline": a["title"],
        "datePublished": a["date"],
        "author": authors if style != "string-author" else ", ".join(a["authors"]),
        "publisher": {"@type": "Organization", "name": o["name"]},
        "inLanguage": a["lang"],
        "mainEntityOfPage": a["url"],
    }
    if a.get("modified"):
        art["dateModified"] = a["modified"]
    if style == "graph":
        data = {
            "@context": "https://schema.org",
            "@graph": [
                {"@type": "WebSite", "name": o["name"], "url": "https://" + o["host"] + "/"},
                art,
            ],
        }
    else:
        data = {"@context": "https://schema.org", **art}
    return '<script type="application/ld+json">' + json.dumps(data, ensure_ascii=False) + "</script>"


def head(a, o, style="plain", extra=""):
    return f"""<!DOCTYPE html>
<html lang="{a['html_lang']}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{E(a['title'])} {o['title_sep']} {E(o['name'])}</title>
<link rel="canonical" href="{a['url']}">
<meta name="description" content="{E(a['desc'])}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="{E(o['name'])}">
<meta property="og:title" content="{E(a['title'])}">
<meta property="og:description" content="{E(a['desc'])}">
<meta property="og:url" content="{a['url']}">
{extra}{jsonld(a, o, style)}
</head>
"""


def paras(a, sub_tag="h2"):
    out = []
    for p in a["body"]:
        if p.startswith("## "):
            out.append(f"<{sub_tag}>{E(p[3:])}</{sub_tag}>")
        else:
            out.append(f"<p>{E(p)}</p>")
    return "\n      ".join(out)


def related_list(a):
    return "\n".join(f'<li><a href="/{i}">{E(t)}</a></li>' for i, t in enumerate(a["related"], 1))


def fmt_byline(a, joiner):
    names = a["authors"]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + f" {joiner} " + names[-1]


# ---------------------------------------------------------------- The Meridian Herald (en, UK)
def meridian(a, o):
    teaser = f'<p class="standfirst">{E(a["teaser"])}</p>' if a.get("teaser") else ""
    return head(a, o, "graph", f'<meta property="article:published_time" content="{a["date"]}">\n') + f"""<body class="article-page">
<div id="cookie-consent" class="consent"><p>We use cookies to improve your experience and to show you relevant advertising. By continuing you agree to our cookie policy.</p><button>Accept all</button> <button>Manage settings</button></div>
<header class="masthead">
  <a class="brand" href="/">The Meridian Herald</a>
  <nav class="primary"><ul><li><a href="/news">News</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/science">Science</a></li><li><a href="/sport">Sport</a></li><li><a href="/culture">Culture</a></li><li><a href="/subscribe">Subscribe</a></li></ul></nav>
</header>
<main>
  <article class="story">
    <p class="kicker">{E(a['section'])}</p>
    <h1 class="headline">{E(a['title'])}</h1>
    {teaser}
    <div class="meta"><span class="byline">By {E(fmt_byline(a, 'and'))}</span> <time datetime="{a['date']}">{a['date_human']}</time></div>
    <div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>
    <div class="story-body">
      {paras(a)}
    </div>
  </article>
  <aside class="related">
    <h2>Read also</h2>
    <ul>
{related_list(a)}
    </ul>
  </aside>
  <section class="newsletter-promo"><h3>The Morning Meridian</h3><p>Sign up to The Morning Meridian, our free daily briefing delivered before breakfast.</p><form><input type="email" placeholder="Your email"><button>Sign up</button></form></section>
</main>
<footer class="site-footer">
  <ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li><li><a href="/contact">Contact</a></li></ul>
  <p>&copy; 2026 The Meridian Herald Ltd. All rights reserved.</p>
</footer>
</body>
</html>
"""


# ---------------------------------------------------------------- Harbour Times (en, US)
def harbour(a, o):
    return head(a, o, "plain", f'<meta name="author" content="{E(", ".join(a["authors"]))}">\n') + f"""<body>
<div class="gdpr-banner" role="dialog"><span>This website uses cookies to personalize content and analyze traffic.</span> <a href="/cookies">Learn more</a> <button>OK</button></div>
<div id="top-bar"><a href="/">HARBOUR TIMES</a> <span class="tagline">News from the waterfront and the world</span></div>
<nav id="menu"><a href="/local">Local</a> | <a href="/nation">Nation</a> | <a href="/world">World</a> | <a href="/money">Money</a> | <a href="/sports">Sports</a> | <a href="/opinion">Opinion</a> | <a href="/eedition">E-Edition</a></nav>
<div class="ad-slot">Advertisement</div>
<div id="content">
  <div class="col-main">
    <article>
      <header>
        <h1>{E(a['title'])}</h1>
        <div class="author-line">by <a rel="author" href="/staff">{E(fmt_byline(a, 'and'))}</a></div>
        <div class="dateline">Published <time datetime="{a['date']}">{a['date_human']}</time></div>
      </header>
      {paras(a, 'h3')}
    </article>
    <div class="more-stories"><h4>More from Harbour Times</h4><ul>
{related_list(a)}
    </ul></div>
  </div>
  <div class="col-side">
    <div class="promo"><strong>Get the Harbour Times Daily</strong><p>The day's top headlines in your inbox every weekday morning. Subscribe to our newsletter.</p><button>Subscribe</button></div>
    <div class="most-read"><h4>Most read</h4><ol><li><a href="/m1">Ferry schedule changes for the winter season</a></li><li><a href="/m2">City council approves new bike lanes</a></li></ol></div>
  </div>
</div>
<footer><p>Harbour Times &middot; 200 Pier Street &middot; <a href="/privacy">Privacy</a> &middot; <a href="/terms">Terms of Service</a></p><p>Copyright &copy; 2026 Harbour Times Media Group. All rights reserved.</p></footer>
</body>
</html>
"""


# ---------------------------------------------------------------- The World Digest (en aggregator)
def digest(a, o):
    credit = f'<p class="credit">{E(a["credit"])}</p>' if a.get("credit") else ""
    return head(a, o, "string-author") + f"""<body>
<div class="cookie-note">We use cookies for analytics. <button>Got it</button></div>
<div class="wrap">
<div class="logo"><a href="/">The World Digest</a> &mdash; <em>World news in your language</em></div>
<ul class="topnav"><li><a href="/">Home</a></li><li><a href="/europe">Europe</a></li><li><a href="/world">World</a></li><li><a href="/tech">Tech</a></li></ul>
<div class="post">
  <h1 class="post-title">{E(a['title'])}</h1>
  <div class="post-date">{a['date'][:10]}</div>
  <article class="post-content">
      {paras(a)}
      {credit}
  </article>
  <div class="tags">Tags: <a href="/t/world">world</a> <a href="/t/europe">europe</a></div>
  <div class="related-posts"><h3>Related posts</h3><ul>
{related_list(a)}
  </ul></div>
  <div class="subscribe-box">Get The World Digest newsletter: the world's press, translated, every evening.</div>
</div>
<div class="footer">&copy; 2026 The World Digest. All rights reserved. <a href="/dmca">DMCA</a> <a href="/privacy">Privacy</a></div>
</div>
</body>
</html>
"""


# ---------------------------------------------------------------- NewsPulse (en, rewrite site)
def pulse(a, o):
    return head(a, o, "plain", f'<meta name="author" content="{E(", ".join(a["authors"]))}">\n<meta property="article:published_time" content="{a["date"]}">\n') + f"""<body class="np">
<header class="np-header"><div class="np-logo"><a href="/">NewsPulse</a></div><nav><a href="/trending">Trending</a><a href="/world">World</a><a href="/tech">Tech</a><a href="/money">Money</a><a href="/videos">Videos</a></nav></header>
<div class="np-layout">
<section class="np-main">
  <article class="np-article">
    <h1>{E(a['title'])}</h1>
    <div class="np-meta">Written by <span class="author">{E(fmt_byline(a, '&'))}</span> &bull; {a['date_human']}</div>
    <div class="np-content">
      {paras(a)}
    </div>
  </article>
  <div class="np-readnext"><h2>Read next</h2>
{related_list(a)}
  </div>
</section>
<aside class="np-side"><div class="np-news-signup">Never miss a story: join 50,000 readers of the NewsPulse newsletter.</div></aside>
</div>
<div class="np-cookies">NewsPulse uses cookies. Continue browsing to accept. <a href="/cookies">Cookie settings</a></div>
<footer class="np-footer">&copy; 2026 NewsPulse Digital. All rights reserved. <a href="/about">About</a> &middot; <a href="/advertise">Advertise</a></footer>
</body>
</html>
"""


# ---------------------------------------------------------------- Le Courrier de Lorval (fr)
def courrier(a, o):
    chapo = f'<p class="chapo">{E(a["teaser"])}</p>' if a.get("teaser") else ""
    return head(a, o, "plain", f'<meta property="article:published_time" content="{a["date"]}">\n<meta property="og:locale" content="fr_FR">\n') + f"""<body>
<div class="bandeau-cookies"><p>Nous utilisons des cookies pour mesurer l'audience et vous proposer des contenus adaptés. <a href="/confidentialite">En savoir plus</a></p><button>Tout accepter</button><button>Paramétrer</button></div>
<header>
  <div class="logo"><a href="/">Le Courrier de Lorval</a></div>
  <nav><a href="/">Accueil</a> <a href="/monde">Monde</a> <a href="/societe">Société</a> <a href="/economie">Économie</a> <a href="/sports">Sports</a> <a href="/culture">Culture</a> <a href="/abonnement">S'abonner</a></nav>
</header>
<main id="contenu">
  <article>
    <div class="rubrique">{E(a['section'])}</div>
    <h1>{E(a['title'])}</h1>
    {chapo}
    <p class="signature">Par {E(fmt_byline(a, 'et'))} &middot; Publié le {a['date_human']}</p>
    <div class="partage"><a href="#">Partager sur Facebook</a> <a href="#">Partager sur X</a> <a href="#">Copier le lien</a></div>
    <div class="corps">
      {paras(a, 'h2')}
    </div>
  </article>
  <section class="a-lire"><h2>Lire aussi</h2><ul>
{related_list(a)}
  </ul></section>
  <div class="newsletter">Recevez chaque matin l'essentiel de l'actualité : inscrivez-vous à la lettre du Courrier.</div>
</main>
<footer>
  <p><a href="/mentions-legales">Mentions légales</a> &middot; <a href="/cgu">CGU</a> &middot; <a href="/contact">Contact</a></p>
  <p>&copy; Le Courrier de Lorval 2026. Tous droits réservés.</p>
</footer>
</body>
</html>
"""


# ---------------------------------------------------------------- Nordstadt Rundschau (de)
def rundschau(a, o):
    credit = f'<p class="quelle">{E(a["credit"])}</p>' if a.get("credit") else ""
    note = f'<p class="hinweis">{E(a["note"])}</p>' if a.get("note") else ""
    lead = f'<p class="vorspann"><strong>{E(a["teaser"])}</strong></p>' if a.get("teaser") else ""
    return head(a, o, "graph") + f"""<body>
<div id="consent-layer"><h3>Datenschutz-Einstellungen</h3><p>Wir verwenden Cookies und ähnliche Technologien, um unser Angebot zu verbessern und Werbung anzuzeigen.</p><button>Alle akzeptieren</button><button>Ablehnen</button></div>
<div class="kopf"><a class="logo" href="/">Nordstadt Rundschau</a>
<ul class="ressorts"><li><a href="/politik">Politik</a></li><li><a href="/wirtschaft">Wirtschaft</a></li><li><a href="/panorama">Panorama</a></li><li><a href="/sport">Sport</a></li><li><a href="/kultur">Kultur</a></li><li><a href="/abo">Abo</a></li></ul></div>
<div class="seite">
  <div class="artikel-kopf">
    <span class="dachzeile">{E(a['section'])}</span>
    <h1>{E(a['title'])}</h1>
  </div>
  <div class="autor">Von {E(fmt_byline(a, 'und'))} | {a['date_human']}</div>
  <article class="artikel">
    {lead}
    {paras(a, 'h2')}
    {credit}
    {note}
  </article>
  <div class="mehr-zum-thema"><h2>Mehr zum Thema</h2><ul>
{related_list(a)}
  </ul></div>
  <div class="nl-box">Der Rundschau-Newsletter: Die wichtigsten Nachrichten des Tages, jeden Abend kostenlos per E-Mail. Jetzt anmelden!</div>
</div>
<footer class="fuss"><a href="/impressum">Impressum</a> | <a href="/datenschutz">Datenschutz</a> | <a href="/agb">AGB</a><br>&copy; 2026 Nordstadt Rundschau Verlag GmbH. Alle Rechte vorbehalten.</footer>
</body>
</html>
"""


# ---------------------------------------------------------------- El Diario del Sur (es)
def diario(a, o):
    credit = f'<p class="fuente">{E(a["credit"])}</p>' if a.get("credit") else ""
    entradilla = f'<h2 class="entradilla">{E(a["teaser"])}</h2>' if a.get("teaser") else ""
    return head(a, o, "plain") + f"""<body>
<div class="aviso-cookies">Utilizamos cookies propias y de terceros para mejorar nuestros servicios. Si continúa navegando, consideramos que acepta su uso. <a href="/politica-cookies">Más información</a> <button>Aceptar</button></div>
<header class="cabecera"><a href="/" class="marca">El Diario del Sur</a>
<nav><a href="/espana">España</a> <a href="/internacional">Internacional</a> <a href="/economia">Economía</a> <a href="/deportes">Deportes</a> <a href="/cultura">Cultura</a> <a href="/suscripcion">Suscríbete</a></nav></header>
<div class="contenedor">
  <article class="noticia">
    <div class="antetitulo">{E(a['section'])}</div>
    <h1 class="titular">{E(a['title'])}</h1>
    {entradilla}
    <div class="firma"><span class="autor">{E(fmt_byline(a, 'y'))}</span> <span class="fecha"><time datetime="{a['date']}">{a['date_human']}</time></span></div>
    <div class="cuerpo">
      {paras(a, 'h3')}
      {credit}
    </div>
  </article>
  <div class="te-puede-interesar"><h3>Te puede interesar</h3><ul>
{related_list(a)}
  </ul></div>
  <div class="boletin">Recibe cada mañana en tu correo las noticias más importantes: suscríbete gratis a nuestro boletín.</div>
</div>
<footer class="pie"><p><a href="/aviso-legal">Aviso legal</a> · <a href="/privacidad">Privacidad</a> · <a href="/contacto">Contacto</a></p><p>© 2026 Ediciones del Sur S.L. Todos los derechos reservados.</p></footer>
</body>
</html>
"""


# ---------------------------------------------------------------- Il Corriere Alpino (it)
def corriere(a, o):
    sommario = f'<p class="sommario">{E(a["teaser"])}</p>' if a.get("teaser") else ""
    return head(a, o, "graph", f'<meta property="article:published_time" content="{a["date"]}">\n') + f"""<body>
<div class="cookie-bar">Questo sito utilizza cookie tecnici e di profilazione. Chiudendo questo banner acconsenti all'uso dei cookie. <a href="/privacy">Informativa</a> <button>Accetta</button></div>
<div class="testata"><a href="/">Il Corriere Alpino</a><div class="menu"><a href="/cronaca">Cronaca</a> <a href="/esteri">Esteri</a> <a href="/economia">Economia</a> <a href="/sport">Sport</a> <a href="/cultura">Cultura</a> <a href="/abbonati">Abbonati</a></div></div>
<div class="pagina">
  <div class="articolo-testata">
    <h1>{E(a['title'])}</h1>
    {sommario}
    <div class="info">di <span class="firma">{E(fmt_byline(a, 'e'))}</span> &mdash; <time datetime="{a['date']}">{a['date_human']}</time></div>
  </div>
  <article>
    {paras(a, 'h3')}
  </article>
  <div class="leggi-anche"><h4>Leggi anche</h4><ul>
{related_list(a)}
  </ul></div>
  <div class="newsletter-box">Iscriviti alla newsletter del Corriere Alpino: ogni mattina le notizie che contano.</div>
</div>
<div class="piede">Il Corriere Alpino &mdash; Editoriale Alpina S.p.A. &mdash; P.IVA 01234567890<br>&copy; 2026 Tutti i diritti riservati. <a href="/privacy">Privacy</a></div>
</body>
</html>
"""


# ---------------------------------------------------------------- Jornal do Atlântico (pt)
def jornal(a, o):
    lead = f'<p class="lead">{E(a["teaser"])}</p>' if a.get("teaser") else ""
    return head(a, o, "plain", f'<meta name="author" content="{E(", ".join(a["authors"]))}">\n') + f"""<body>
<div class="rgpd">Este site utiliza cookies para melhorar a sua experiência de navegação. <button>Aceitar</button> <a href="/cookies">Saber mais</a></div>
<header id="cabecalho"><a href="/" id="logotipo">Jornal do Atlântico</a>
<ul id="menu-principal"><li><a href="/pais">País</a></li><li><a href="/mundo">Mundo</a></li><li><a href="/economia">Economia</a></li><li><a href="/desporto">Desporto</a></li><li><a href="/cultura">Cultura</a></li><li><a href="/assinar">Assinar</a></li></ul></header>
<section id="principal">
  <article class="artigo">
    <h1>{E(a['title'])}</h1>
    {lead}
    <p class="autoria">Por {E(fmt_byline(a, 'e'))}, {a['date_human']}</p>
    <div class="texto">
      {paras(a, 'h2')}
    </div>
  </article>
  <div class="leia-tambem"><h3>Leia também</h3><ul>
{related_list(a)}
  </ul></div>
  <div class="newsletter">Receba a newsletter do Jornal do Atlântico: as principais notícias do dia, todas as manhãs.</div>
</section>
<footer id="rodape"><p><a href="/estatuto">Estatuto editorial</a> | <a href="/privacidade">Privacidade</a> | <a href="/contactos">Contactos</a></p><p>&copy; 2026 Jornal do Atlântico. Todos os direitos reservados.</p></footer>
</body>
</html>
"""


OUTLETS = {
    "meridian": {"name": "The Meridian Herald", "host": "meridianherald.example", "lang": "en", "html_lang": "en-GB", "title_sep": "|", "render": meridian},
    "harbour": {"name": "Harbour Times", "host": "harbourtimes.example", "lang": "en", "html_lang": "en-US", "title_sep": "-", "render": harbour},
    "digest": {"name": "The World Digest", "host": "worlddigest.example", "lang": "en", "html_lang": "en", "title_sep": "–", "render": digest},
    "pulse": {"name": "NewsPulse", "host": "newspulse.example", "lang": "en", "html_lang": "en", "title_sep": "|", "render": pulse},
    "courrier": {"name": "Le Courrier de Lorval", "host": "courrierdelorval.example", "lang": "fr", "html_lang": "fr", "title_sep": "-", "render": courrier},
    "rundschau": {"name": "Nordstadt Rundschau", "host": "nordstadt-rundschau.example", "lang": "de", "html_lang": "de-DE", "title_sep": "|", "render": rundschau},
    "diario": {"name": "El Diario del Sur", "host": "diariodelsur.example", "lang": "es", "html_lang": "es-ES", "title_sep": "|", "render": diario},
    "corriere": {"name": "Il Corriere Alpino", "host": "corrierealpino.example", "lang": "it", "html_lang": "it", "title_sep": "-", "render": corriere},
    "jornal": {"name": "Jornal do Atlântico", "host": "jornaldoatlantico.example", "lang": "pt", "html_lang": "pt-PT", "title_sep": "|", "render": jornal},
}

# The site lines each template wraps around the article: none may reach the extracted text.
BOILERPLATE = [
    "We use cookies", "Accept all", "Sign up to The Morning Meridian", "All rights reserved", "Read also",
    "This website uses cookies", "Get the Harbour Times Daily", "Most read", "Advertisement",
    "We use cookies for analytics", "Get The World Digest newsletter", "Related posts",
    "NewsPulse uses cookies", "Never miss a story", "Read next",
    "Nous utilisons des cookies", "inscrivez-vous à la lettre du Courrier", "Tous droits réservés", "Lire aussi",
    "Wir verwenden Cookies", "Der Rundschau-Newsletter", "Alle Rechte vorbehalten", "Mehr zum Thema",
    "Utilizamos cookies propias", "suscríbete gratis a nuestro boletín", "Todos los derechos reservados", "Te puede interesar",
    "Questo sito utilizza cookie", "Iscriviti alla newsletter del Corriere Alpino", "Tutti i diritti riservati", "Leggi anche",
    "Este site utiliza cookies", "Receba a newsletter do Jornal do Atlântico", "Todos os direitos reservados", "Leia também",
]
