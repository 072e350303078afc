#!/bin/sh
# First frame of the reader on a corpus folder, next to `less` opening the same corpus
# concatenated into one file and `wc -w` reading it, in the same run (median of RUNS each):
#
#     scripts/first-frame-vs-less.sh LECTOR CORPUS_DIR CONCATENATED_FILE [RUNS]
#
# Make the corpus and its concatenation with
#     cargo run --release --example make-corpus -- --articles 100000 /tmp/corpus100k
#     find /tmp/corpus100k -name '*.txt' | sort | xargs cat > /tmp/corpus100k-all.txt
set -eu
lector=$1 corpus=$2 all=$3 runs=${4:-5}
here=$(dirname "$0")
count=$(find "$corpus" -name '*.txt' | wc -l)
# The reader's status line shows "1/COUNT" once its first frame is drawn; less shows the file
# name in its first prompt.
python3 "$here/time-to-first-screen.py" --runs "$runs" "1/$count" -- "$lector $corpus"
python3 "$here/time-to-first-screen.py" --runs "$runs" "$(basename "$all")" -- "less $all"
i=0
while [ "$i" -lt "$runs" ]; do
    /usr/bin/time -f %e wc -w "$all" 2>&1 >/dev/null
    i=$((i + 1))
done | sort -n | awk -v runs="$runs" -v all="$all" \
    '{ t[NR] = $1 } END { printf "%.3f s median, %.3f-%.3f s over %d runs: wc -w %s\n", t[int((NR + 1) / 2)], t[1], t[NR], runs, all }'
