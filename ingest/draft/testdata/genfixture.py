# Writes fixture.csv: a small, clean, made-up survey export (UTF-8) with one
# column for each rule of ingest/draft. Seeded, so each run writes the same
# bytes:  cd ingest/draft/testdata && python3 genfixture.py
import random, csv
random.seed(7)
hdr=["回答者ID","タイムスタンプ","お名前","メールアドレス","お住まいの地区","年代","性別",
"問1 安曇野市は住みやすいと思いますか","問2 防災対策の満足度","問3 公共交通の重要度",
"問4 安曇野市の魅力（あてはまるものすべて）","問5_広報あづみの","問5_ホームページ","問5_SNS","問5_その他",
"問6 同居している家族の人数","問7 1年間の習い事の費用（円）","問8 図書館の利用頻度","問9 市への意見","備考","備考","電話番号"]
areas=["豊科","穂高","三郷","堀金","明科"]
ages=["18～29歳","30代","40代","50代","60代","70歳以上"]
agree=["そう思う","ややそう思う","どちらともいえない","あまりそう思わない","そう思わない"]
sat=["満足","やや満足","どちらともいえない","やや不満","不満"]
imp=["重要","やや重要","あまり重要でない","重要でない"]
charm=["北アルプスの眺め","水がきれい","食べ物がおいしい","人が温かい"]
opinions=["駅前に本屋がほしいです。","バスの本数を増やしてほしい。","子どもが遊べる公園を増やしてください","わさび田の景観を守ってほしいです。",
"除雪をもっと早くしてほしい","図書館の開館時間を延ばしてほしいです。","高齢者の通院の足が心配です。","",""," ","特になし"]
wishes=["駅前に","子ども向けに","高齢者のために","観光客のために","通学路に","地区ごとに","冬の間も使える"]
places=["本屋","公園","バスの便","休める場所","歩道","図書館の分室","集会所"]
asks=["がほしいです。","を増やしてほしい。","を整えてください。","があると助かります","をお願いします。"]
notes=["郵送で回答","代筆","","","","web回答"]
rows=[]
for i in range(1,41):
    r=[str(i), f"2026/07/{1+i%20:02d} {9+i%8}:{(i*7)%60:02d}:00",
       random.choice(["山田 太郎","鈴木花子",""]), random.choice(["taro@example.jp",""]),
       areas[i%5], ages[(i*5)%6], ["男性","女性","女性","男性","無回答"][i%5] if i%9 else "女性",
       agree[(i*7)%5], sat[(i*3)%5] if i%11 else "", imp[(i*5)%4]]
    k=i%6
    if k==0: c=""
    elif k<=4: c=charm[k-1]
    else: c=", ".join(sorted(random.sample(charm,2),key=charm.index))
    if i in (7,19,23): c=", ".join(charm[:3])
    r.append(c)
    r += ["○" if (i+j)%3==0 else "" for j in range(3)]
    r.append("○" if i%10==0 else ("市の窓口で聞いた" if i%13==0 else ""))
    r.append(["１","2","３","4","5","2","3"][i%7] if i%12 else "")
    r.append(["12,000","3,500","０","120000","48,000"][i%5])
    r.append(str(1+i%4))
    if i%4==3: r.append("")
    elif i%10==5: r.append("特になし")
    else: r.append(f"{wishes[i%len(wishes)]}{places[i%len(places)]}{asks[(i//2)%len(asks)]}")
    r.append(notes[i%6]); r.append(notes[(i+3)%6] if i%4==0 else "")
    r.append("0263-12-3456" if i%8==0 else "")
    rows.append(r)
with open("fixture.csv","w",encoding="utf-8",newline="") as f:
    w=csv.writer(f,lineterminator="\n")
    w.writerow(hdr); w.writerows(rows)
