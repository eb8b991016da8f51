#!/usr/bin/env python3
"""Renders the demo corpus: pages/NNN-outlet-slug.html from the article texts in
articles_*.py and the outlet templates in outlets.py. Run from anywhere:
    python3 crates/cli/demo/generate.py
The pages are committed; edit the texts here and re-run to change them."""

import datetime
import os
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from outlets import OUTLETS  # noqa: E402
import articles_stories  # noqa: E402
import articles_other  # noqa: E402

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
    "pt": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
}


def human(date, lang, key):
    d = datetime.datetime.fromisoformat(date)
    m = MONTHS[lang][d.month - 1]
    hm = f"{d.hour:02d}:{d.minute:02d}"
    if key == "meridian":
        return f"{d.day} {m} {d.year}, {hm}"
    if key == "harbour":
        h = d.hour % 12 or 12
        return f"{m} {d.day}, {d.year} {h}:{d.minute:02d} {'a.m.' if d.hour < 12 else 'p.m.'}"
    if key == "pulse":
        return f"{m[:3]} {d.day}, {d.year}"
    if lang == "fr":
        return f"{d.day} {m} {d.year} à {d.hour}h{d.minute:02d}"
    if lang == "de":
        return f"{d.day}. {m} {d.year}, {hm} Uhr"
    if lang == "es":
        return f"{d.day} de {m} de {d.year} - {hm}"
    if lang == "it":
        return f"{d.day} {m} {d.year}, ore {hm}"
    if lang == "pt":
        return f"{d.day} de {m} de {d.year}, {hm}"
    return date


def url_for(a, o, key):
    d = datetime.datetime.fromisoformat(a["date"])
    host = "https://" + ("www." if key in ("meridian", "courrier", "diario") else "") + o["host"]
    sec = a.get("path", a["section"].lower().split()[0])
    if key in ("meridian", "harbour"):
        return f"{host}/{sec}/{d:%Y/%m/%d}/{a['slug']}"
    if key == "courrier":
        return f"{host}/{sec}/{a['slug']}_{d:%Y%m%d}.html"
    if key == "rundschau":
        return f"{host}/{sec}/{a['slug']}-{zlib.crc32(a['slug'].encode()) % 900000 + 100000}.html"
    if key == "diario":
        return f"{host}/{sec}/{d:%Y-%m-%d}/{a['slug']}.html"
    return f"{host}/{sec}/{a['slug']}"


def main():
    arts = articles_stories.ARTICLES + articles_other.ARTICLES
    arts.sort(key=lambda a: (datetime.datetime.fromisoformat(a["date"]), a["outlet"]))
    out_dir = os.path.join(HERE, "pages")
    for f in os.listdir(out_dir):
        if f.endswith(".html"):
            os.remove(os.path.join(out_dir, f))
    for n, a in enumerate(arts, 1):
        key = a["outlet"]
        o = OUTLETS[key]
        a = dict(a)
        a["lang"] = a.get("lang", o["lang"])
        a["html_lang"] = o["html_lang"]
        a["url"] = url_for(a, o, key)
        a["date_human"] = human(a["date"], a["lang"], key)
        a.setdefault("desc", a.get("teaser") or a["body"][0][:150])
        a.setdefault("related", [])
        name = f"{n:03d}-{key}-{a['slug']}.html"[:90]
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as fh:
            fh.write(o["render"](a, o))
    print(f"{len(arts)} pages written to {out_dir}")


if __name__ == "__main__":
    main()
