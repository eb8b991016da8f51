#!/usr/bin/env python3
"""Which of a page's own title candidates the WCXB ground truth title equals.

usage: title_candidates.py PAGES_JSONL [BENCH_DIR]
  PAGES_JSONL: `storyline eval extraction --no-peer --pages-out FILE`'s output
  BENCH_DIR:   ../shared/bench/extraction (default)

For the article pages, prints how often the truth equals (after the bench's title
normalisation: NFKC, lower case, word tokens) the <title>, its part before a site-name
separator, og:title, twitter:title, the JSON-LD headline and the first <h1>; then, where
the first <h1> and the <title>'s first part disagree, which one the truth follows, split
by simple page features; and how many of storyline's misses fall in each case.
"""
import collections, gzip, html, json, re, sys, unicodedata

def norm(s):
    return ' '.join(re.findall(r'\w+', unicodedata.normalize('NFKC', s or '').lower()))

def text(s):
    return ' '.join(html.unescape(re.sub(r'<[^>]+>', ' ', s)).split())

def meta(raw, name):
    m = (re.search(r'<meta[^>]+(?:property|name)=["\']' + name + r'["\'][^>]*content=["\']([^"\']*)', raw, re.I)
         or re.search(r'<meta[^>]+content=["\']([^"\']*)["\'][^>]*(?:property|name)=["\']' + name, raw, re.I))
    return html.unescape(m.group(1)) if m else None

pages_path = sys.argv[1]
bench = sys.argv[2] if len(sys.argv) > 2 else '../shared/bench/extraction'
truth = {}
for line in open(f'{bench}/truth.jsonl'):
    d = json.loads(line)
    truth[d['id']] = d
ok = {}
for line in open(pages_path):
    p = json.loads(line)
    if p['page_type'] == 'article' and truth[p['id']].get('title'):
        ok[p['id']] = p['storyline']['title_ok']

equal = collections.Counter()
split = collections.defaultdict(collections.Counter)
for i, right in ok.items():
    raw = gzip.open(f'{bench}/html/{i}.html.gz').read().decode('utf-8', 'replace')
    key = norm(truth[i]['title'])
    m = re.search(r'<title\b[^>]*>(.*?)</title>', raw, re.S | re.I)
    title = text(m.group(1)) if m else ''
    first = re.split(r'\s+[|\-–—:·»]\s+', title)[0] if title else ''
    h1s = [text(x) for x in re.findall(r'<h1\b[^>]*>(.*?)</h1>', raw, re.S | re.I)]
    m = re.search(r'"headline"\s*:\s*"((?:[^"\\]|\\.)*)"', raw)
    try:
        ld = json.loads('"' + m.group(1) + '"') if m else None
    except ValueError:
        ld = None
    cands = {'<title>': title, '<title> first part': first, 'og:title': meta(raw, 'og:title'),
             'twitter:title': meta(raw, 'twitter:title'), 'JSON-LD headline': ld,
             'first <h1>': h1s[0] if h1s else None}
    hit = {k for k, v in cands.items() if v and norm(v) == key}
    for k in hit:
        equal[k] += 1
    equal['any of them'] += bool(hit)
    equal['storyline right'] += right
    h, tp = norm(cands['first <h1>']), norm(first)
    if h and tp and h != tp:
        og = norm(cands['og:title'])
        feature = ('og:title = <h1>' if og == h else 'og:title = <title>' if og in (tp, norm(title)) else 'og:title other/none',
                   f'{min(len(h1s), 2)} <h1>', '<h1> inside <title>' if h in norm(title) else '<h1> not inside <title>')
        follows = '<h1>' if key == h else '<title> first part' if key == tp else 'neither'
        split[feature][follows] += 1
        split[feature]['storyline misses'] += not right
print(f'{len(ok)} article pages with a title; the truth equals:')
for k, v in equal.most_common():
    print(f'  {k:22} {v:4}  {v / len(ok):.3f}')
print('where the first <h1> and the <title> first part disagree, the truth follows:')
for k, v in sorted(split.items(), key=lambda kv: -sum(c for n, c in kv[1].items() if n != 'storyline misses')):
    print('  ' + ', '.join(k) + ': ' + ', '.join(f'{n} {c}' for n, c in v.items()))
