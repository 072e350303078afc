#!/bin/sh
# What one analysis stage costs over a folder, counted by cachegrind (deterministic, unlike wall
# time on a shared machine): instructions, mispredicted branches, L1 data misses, and a rough
# estimate in instruction-equivalents, Ir + 40 x mispredicts + 30 x L1 misses (a mispredicted
# branch costs about 15 cycles, an L1 miss that hits L2 about 12, at about 2.5 instructions a
# cycle). Instructions alone mislead: a change can save instructions and cost more time.
#
#     scripts/stage-cost.sh STAGE [DIR]
#
# STAGE is one of examples/stage-times' stages (parse, repeats, entities, quotes, analyze);
# DIR defaults to /tmp/c200 (make it with `cargo run --release --example make-corpus --
# --articles 200 /tmp/c200`). Build first: `cargo build --release --example stage-times`.
# Needs valgrind. The figure is the run with STAGE minus the run with none.
set -eu
stage=$1
dir=${2:-/tmp/c200}
here=$(cd "$(dirname "$0")/.." && pwd)
bin=$here/target/release/examples/stage-times
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
totals() {
    valgrind --tool=cachegrind --cache-sim=yes --branch-sim=yes \
        --cachegrind-out-file="$tmp/$1.out" "$bin" "$dir" 1 "$1" >/dev/null 2>&1
    # Ir I1mr ILmr Dr D1mr DLmr Dw D1mw DLmw Bc Bcm Bi Bim
    cg_annotate "$tmp/$1.out" | grep "PROGRAM TOTALS" | sed 's/([^)]*)//g' | tr -d ,
}
totals none >"$tmp/base"
totals "$stage" >"$tmp/with"
paste "$tmp/base" "$tmp/with" | awk -v stage="$stage" '{
    n = (NF - 4) / 2  # fields per run, "PROGRAM TOTALS" included
    ir = $(n + 3) - $1; d1 = ($(n + 7) - $5) + ($(n + 10) - $8); bcm = ($(n + 13) - $11) + ($(n + 15) - $13)
    printf "%s: %.0fM instructions, %.0fk mispredicted branches, %.0fk L1 data misses, about %.0fM instruction-equivalents\n",
        stage, ir / 1e6, bcm / 1e3, d1 / 1e3, (ir + 40 * bcm + 30 * d1) / 1e6
}'
