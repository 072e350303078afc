#!/bin/sh
# Whether two builds of lector print the same analysis: for a change meant only to make analysis
# faster. Compares `lector analyze` in each format (standard output and standard error apart,
# since their interleaving is not part of the contract) over every folder or file given:
#
#     scripts/same-analysis.sh OLD_LECTOR NEW_LECTOR DIR_OR_FILE...
#
# e.g. an old build from `git worktree add /tmp/old REV && cargo build --release
# --manifest-path /tmp/old/Cargo.toml --target-dir /tmp/old-target`, and folders from
# `cargo run --release --example make-corpus -- --articles 10000 /tmp/corpus10k` and
# ../shared/corpus. Prints one line per difference; exits 1 if there is any.
set -u
if [ $# -lt 3 ]; then
    echo "usage: $0 OLD_LECTOR NEW_LECTOR DIR_OR_FILE..." >&2
    exit 2
fi
old=$1
new=$2
shift 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for input in "$@"; do
    for format in --jsonl --json --text; do
        flag=$format
        [ "$format" = --text ] && flag=
        "$old" analyze $flag "$input" >"$tmp/old.out" 2>"$tmp/old.err"
        "$new" analyze $flag "$input" >"$tmp/new.out" 2>"$tmp/new.err"
        for stream in out err; do
            if ! cmp -s "$tmp/old.$stream" "$tmp/new.$stream"; then
                echo "different: $input $format std$stream"
                status=1
            fi
        done
    done
done
[ $status = 0 ] && echo "same analysis"
exit $status
