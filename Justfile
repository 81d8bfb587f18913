# koe tasks. `just check` runs what CI runs (plus -race).

default: test

# Run the whole pipeline on the embedded sample study; writes koe-demo/.
demo:
    go run ./cmd/koe demo

# The test command from README.md.
test:
    go test ./...

# gofmt + vet + tests with the race detector (what .ci/run checks, and more).
check:
    test -z "$(gofmt -l $(git ls-files '*.go'))" || (gofmt -l $(git ls-files '*.go'); exit 1)
    go vet ./...
    go test -race ./...

# A stage benchmark each for ingest, tokenize, themes, crosstabs and report,
# plus whole `koe run`s of generated 10k and 100k studies. The raw `go test`
# lines are kept in bench.txt (benchstat reads them).
# The fixed benchmark set, printed as one table to compare between commits.
bench:
    #!/usr/bin/env bash
    set -euo pipefail
    out=${BENCH_OUT:-bench.txt}
    : > "$out"
    run() { go test -run '^$' -bench "$1" -benchmem -count 1 -benchtime "${3:-1x}" "$2" | tee -a "$out" | grep -E '^Benchmark' || true; }
    run '^BenchmarkRead$' ./ingest/survey/ 3x
    run '^BenchmarkTermsAllSurvey$' ./analysis/tokenize/ 3x
    run '^BenchmarkFind100k$' ./analysis/themes/ 2x
    run '^BenchmarkCrosstab100k$' ./analysis/stats/ 20x
    run '^BenchmarkLoadRenderLarge$' ./reports/report/ 2x
    run '^BenchmarkRun(10k|100k)$' ./cmd/koe/ 1x
    echo
    echo "| benchmark | time/op | MB/s | other |"
    echo "|---|---|---|---|"
    awk '/^Benchmark/ {
        name=$1; sub(/-[0-9]+$/, "", name); t=""; mbs=""; other=""
        for (i = 3; i < NF; i += 2) {
            v=$i; u=$(i+1)
            if (u == "ns/op") t = sprintf("%.3f s", v/1e9)
            else if (u == "MB/s") mbs = v
            else if (u == "B/op") other = other sprintf("%.0f MB alloc; ", v/1e6)
            else if (u != "allocs/op") other = other v " " u "; "
        }
        sub(/; $/, "", other)
        printf "| %s | %s | %s | %s |\n", name, t, mbs, other
    }' "$out"

# Every benchmark in the tree, once each, with allocations.
bench-all:
    go test -run '^$' -bench . -benchmem -count 1 ./...

# The study is about 650 MB of CSV and a few GB of database, in /tmp.
# A whole `koe run` on a generated 1,000,000-respondent study: wall time, peak memory, stage times.
bench-1m:
    #!/usr/bin/env bash
    set -euo pipefail
    go build -o /tmp/koe-bench ./cmd/koe
    dir=$(mktemp -d /tmp/koe-1m-XXXX)
    trap 'rm -rf "$dir"' EXIT
    /usr/bin/time -f 'koe gen: %e s, %M KiB max RSS' /tmp/koe-bench gen --out "$dir/study" --respondents 1000000 > /dev/null
    /usr/bin/time -f 'koe run: %e s wall, %U s user, %M KiB max RSS' /tmp/koe-bench -v run "$dir/study" 2>&1 | grep -E '^koe|^done|KiB'

# The three Aozora texts repeated three times (3.1 MB) are tokenized by koe and
# by MeCab (when installed), whole process against whole process.
# Tokenizer throughput: koe against MeCab on 3.1 MB of Aozora text.
bench-tokenize:
    go test -run '^$' -bench 'Tokeniz|Terms|WriteAll|Viterbi|LoadSystem' -benchmem ./analysis/tokenize/
    go build -o /tmp/koe-bin ./cmd/koe
    for i in 1 2 3; do cat ../shared/realdata/aozora/bocchan.txt ../shared/realdata/aozora/gingatetsudono_yoru.txt ../shared/realdata/aozora/kokoro.txt; done > /tmp/koe-aozora3.txt
    @ls -l /tmp/koe-aozora3.txt
    @echo "koe wakati:";  /usr/bin/time -f '%e s, %M KiB' /tmp/koe-bin tokenize --format wakati < /tmp/koe-aozora3.txt > /dev/null
    @echo "koe mecab:";   /usr/bin/time -f '%e s, %M KiB' /tmp/koe-bin tokenize --format mecab < /tmp/koe-aozora3.txt > /dev/null
    @if command -v mecab >/dev/null; then echo "mecab -Owakati:"; /usr/bin/time -f '%e s, %M KiB' mecab -Owakati /tmp/koe-aozora3.txt > /dev/null; echo "mecab:"; /usr/bin/time -f '%e s, %M KiB' mecab /tmp/koe-aozora3.txt > /dev/null; else echo "mecab is not installed (apt-get install mecab mecab-ipadic-utf8)"; fi

# Themes: time at 100,000 and 1,000,000 answers, then quality on the labelled sets.
bench-themes:
    go test -run '^$' -bench 'Find100k|Find1MKanji' -benchtime 1x -benchmem ./analysis/themes/
    go test -run TestEvalTable -v -table ./analysis/themeeval/

# Ingest of a generated 1,000,000-row survey (557 MiB): rows/s and peak memory.
bench-ingest-1m:
    /usr/bin/time -v go test -run '^$' -bench Read1M -benchtime 1x ./ingest/survey/ 2>&1 | grep -E 'Benchmark|Maximum resident|Elapsed'
