#!/bin/sh
# The README's /trend pictures (issue 19), drawn by `dateline ask` from a store of the Reuters-21578
# corpus (1987) and the sample Xinhua story (2017), both read from ../shared (never copied here).
#
#   sh scripts/trend-pictures.sh [STORE]
#
# STORE is a SQLite store to reuse; without it (or when the file is missing) one is made in a
# temporary folder (the ingest takes a few minutes). The PNGs are written to docs/.
set -eu
cd "$(dirname "$0")/.."
store=${1:-"$(mktemp -d)/reuters.db"}
if [ ! -f "$store" ]; then
  node bin/dateline.js ingest ../shared/corpus/reuters21578.ndjson ../shared/sample/xinhua-2017-09-09-deir-al-zour.txt --db "$store" --json
fi
draw() { # draw FILE COMMAND: the one chart `ask` saves for COMMAND (in a folder of its own), as docs/FILE
  maps=$(mktemp -d)
  DATELINE_MAPS_DIR="$maps" node bin/dateline.js ask "$2" --db "$store"
  cp "$maps"/*.png "docs/$1"
  rm -rf "$maps"
}
draw trend-raqqa-mosul.png '/trend place:Raqqa compare:Mosul'
draw trend-iran-iraq-kuwait.png '/trend place:Iran compare:Iraq,Kuwait from:1987-03 to:1987-04'
