#!/usr/bin/env bash
# The archive numbers of BENCHMARKS.md: `annotate --jsonl` with 1 and 2 jobs, peak RSS on a
# 1 GB input, and Spark local[2] against the bare CLI. Reads the 10kGNAD articles from
# ../shared (never copied into the repository); writes its inputs under target/archives-bench.
#
#   benches/archives.sh [ROUNDS] [scaling]   (default 5 rounds of 1 job then 2 jobs, back to
#                                             back; `scaling` stops after them)
#
# Needs `cargo build --release`, /usr/bin/time (Debian: time) and, for the Spark row, the
# virtualenv that `cargo xtask test spark` makes (target/spark-venv).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
articles=../shared/data/articles/10kgnad-test.jsonl
cli=target/release/textmarker
work=target/archives-bench
[ -r "$articles" ] || { echo "skipped: $articles is missing"; exit 0; }
[ -x "$cli" ] || { echo "run cargo build --release first"; exit 1; }
mkdir -p "$work"

# The articles 20 times (57 MB): long enough to time, short enough to repeat.
repeated=$work/articles-x20.jsonl
[ -s "$repeated" ] || for _ in $(seq 20); do cat "$articles"; done > "$repeated"
bytes=$(stat -c %s "$repeated")
lines=$(wc -l < "$repeated")

# One run: wall seconds, CPU seconds (user + system) and peak RSS in kB.
measure() {
    /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$cli" annotate --jsonl --quiet "$@" > /dev/null
    awk '{ printf "%s %.2f %s", $1, $2 + $3, $4 }' "$work/time"
}

# The ceiling the machine allows at that moment: two independent one-job processes, each on
# half the lines (the articles 10 times). On a shared machine it is well below 2×.
half=$work/articles-x10.jsonl
[ -s "$half" ] || for _ in $(seq 10); do cat "$articles"; done > "$half"
two_processes() {
    local start
    start=$(date +%s.%N)
    "$cli" annotate --jsonl --quiet --jobs 1 "$half" > /dev/null &
    "$cli" annotate --jsonl --quiet --jobs 1 "$half" > /dev/null
    wait
    awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f", e - s }'
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "input: $repeated, $lines lines, $bytes bytes"
printf '%-6s %-12s %8s %8s %10s %8s %8s\n' round jobs wall_s cpu_s lines/s MB/s rss_MB
for round in $(seq "$rounds"); do
    for jobs in 1 2; do
        read -r wall cpu rss <<< "$(measure --jobs "$jobs" "$repeated")"
        awk -v r="$round" -v j="$jobs" -v w="$wall" -v c="$cpu" -v m="$rss" -v b="$bytes" -v l="$lines" \
            'BEGIN { printf "%-6s %-12s %8.2f %8.2f %10.0f %8.1f %8.1f\n", r, j, w, c, l / w, b / w / 1e6, m / 1024 }'
    done
    printf '%-6s %-12s %8s\n' "$round" "2 processes" "$(two_processes)"
done

if [ "${2:-}" = scaling ]; then
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    exit 0
fi

# Peak memory on 1 GB: the articles repeated to 1 GB, every core.
big=$work/articles-1gb.jsonl
[ -s "$big" ] || for _ in $(seq 370); do cat "$articles"; done > "$big"
read -r wall cpu rss <<< "$(measure "$big")"
echo "1 GB input ($(stat -c %s "$big") bytes), default jobs: ${wall} s wall, ${cpu} s CPU, peak RSS $((rss / 1024)) MB"

# Spark local[2] against the bare CLI with 2 jobs, on the articles 20 times.
venv=target/spark-venv
if [ -x "$venv/bin/spark-submit" ]; then
    read -r wall _ _ <<< "$(measure --jobs 2 "$repeated")"
    rm -rf "$work/spark-out"
    start=$(date +%s.%N)
    PYSPARK_PYTHON=$venv/bin/python "$venv/bin/spark-submit" --master 'local[2]' \
        examples/spark/annotate.py --binary "$cli" "$repeated" "$work/spark-out" 2> "$work/spark.log"
    spark=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
    echo "Spark local[2]: $spark s, bare CLI --jobs 2: $wall s"
else
    echo "skipped Spark: run cargo xtask test spark once to install it"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
