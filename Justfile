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

# Every benchmark, once each, with allocations.
bench:
    go test -run '^$' -bench . -benchmem -count 1 ./...

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
