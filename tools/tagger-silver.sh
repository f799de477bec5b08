#!/bin/sh
# The tagger's silver training text: Dutch text found on this machine, tagged by Frog (a teacher on the
# training machine only; never a dependency of timeline). Output: OUT/*.frog, for
#   python -m timeline.temporal.pos.train --ud ../shared/ud --silver OUT
# Needs: apt-get install frog frogdata debian-faq-nl debian-edu-doc-nl; the news and seeds in ../shared.
# The text stays in OUT: the project ships what the tagger learned, not the sentences.
set -eu
out=${1:?usage: tools/tagger-silver.sh OUT_DIR}
shared=$(cd "$(dirname "$0")/../../shared" && pwd)
mkdir -p "$out/text"
for f in "$shared"/news/*/articles/*.txt "$shared"/seeds/*.txt; do cat "$f"; printf '\n\n'; done > "$out/text/news.txt"
zcat /usr/share/doc/debian/FAQ/debian-faq.nl.txt.gz > "$out/text/faq.txt"
python3 -c 'import sys, lxml.html; print(lxml.html.parse(sys.argv[1]).getroot().body.text_content())' \
    /usr/share/doc/debian-edu-doc/nl/debian-edu-bookworm-manual.html > "$out/text/edu.txt"
for name in news faq edu; do
    frog --skip=mpncla -t "$out/text/$name.txt" -o "$out/$name.frog" 2> "$out/$name.err"
done
