# Independent count of what koe must produce for this study: reads
# survey.csv with Python's csv module, judges every cell against the
# codebook by hand-written rules, and prints the numbers in EXPECTED.md.
# It shares no code with koe.  Run: python3 count.py
import collections, csv, io, unicodedata

def nfkc(s):
    return unicodedata.normalize("NFKC", s).strip()

rows, starts, prev = [], [], 0
rdr = csv.reader(io.open("survey.csv", encoding="utf-8", newline=""))
for rec in rdr:
    starts.append(prev + 1)  # line_num is the last line read so far
    prev = rdr.line_num
    rows.append(rec)
header, data, lines = rows[0], rows[1:], starts[1:]

AREA = ["豊科", "穂高", "明科"]
SETTLE = ["住み続けたい", "どちらともいえない", "移りたい"]
LIKERT = {"満足", "やや満足", "どちらともいえない", "やや不満", "不満"}
CHARM = {"自然", "食べ物", "人", "交通"}
MISSING = {"", "無回答"}

loaded, bad = [], []
for rec, line in zip(data, lines):
    if len(rec) != len(header):
        bad.append((line, rec[0], "%d fields, header has %d" % (len(rec), len(header))))
        continue
    why = []
    if nfkc(rec[1]) not in AREA: why.append("地区")
    if nfkc(rec[2]) not in {"1", "2", "3"}: why.append("年代  (codes 1-3)")
    if nfkc(rec[3]) not in SETTLE: why.append("今後も住み続けたいか")
    if nfkc(rec[4]) not in MISSING | LIKERT: why.append("公共交通の満足度 %r" % rec[4])
    if nfkc(rec[5]) and not set(nfkc(rec[5]).split(";")) <= CHARM: why.append("安曇野の魅力")
    if nfkc(rec[6]) not in MISSING:
        try: float(nfkc(rec[6]))
        except ValueError: why.append("同居人数")
    if why: bad.append((line, rec[0], ", ".join(why)))
    else: loaded.append(rec)

print("rows_read", len(data), "rows_loaded", len(loaded), "rows_quarantined", len(bad))
for b in bad: print("bad line %d (ID %s): %s" % b)
ct = collections.Counter((r[1], r[3]) for r in loaded)
for a in AREA: print(a, [ct[(a, s)] for s in SETTLE])
print("text docs", sum(1 for r in loaded if r[7].strip()))
