"""The running stories of the demo corpus, one module each."""

import importlib

ARTICLES = []
for name in ("articles_kestria", "articles_dam", "articles_strike", "articles_fire"):
    try:
        ARTICLES += importlib.import_module(name).ARTICLES
    except ModuleNotFoundError as e:
        if e.name != name:
            raise
