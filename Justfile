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

# Tokenizer throughput against MeCab (when mecab is installed).
bench-tokenize:
    go test -run '^$' -bench 'Tokeniz|Terms|WriteAll|Viterbi|LoadSystem' -benchmem ./analysis/tokenize/
    @if command -v mecab >/dev/null; then cat ../shared/realdata/aozora/*.txt > /tmp/koe-aozora.txt; ls -l /tmp/koe-aozora.txt; echo "mecab:"; /usr/bin/time -f '%e s, %M KiB' mecab -Owakati /tmp/koe-aozora.txt > /dev/null; echo "koe:"; go build -o /tmp/koe-bin ./cmd/koe && /usr/bin/time -f '%e s, %M KiB' /tmp/koe-bin tokenize --format wakati < /tmp/koe-aozora.txt > /dev/null; fi

# Ingest of a generated 1,000,000-row survey (557 MiB): rows/s and peak memory.
bench-ingest-1m:
    /usr/bin/time -v go test -run '^$' -bench Read1M -benchtime 1x ./ingest/survey/ 2>&1 | grep -E 'Benchmark|Maximum resident|Elapsed'
