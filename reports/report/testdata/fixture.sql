-- Fixture for the report tests: one small wave of the Azumino survey.
-- Counts are invented; percentages, χ², p, V and adjusted residuals were
-- computed from them (Pearson χ², Haberman's adjusted residual) so the
-- tables are self-consistent. docs.text carries 【未マスク】 so tests can
-- prove the unmasked text never reaches the report.
INSERT INTO runs (run_id, stage, started_at, finished_at, koe_version, config_sha256, seed) VALUES (1,'ingest','2026-05-01T09:00:00Z','2026-05-01T09:00:05Z','v0.3.0','9f2c4e1a0b7d3c5e8f6a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6',1), (2,'analyze','2026-05-01T09:00:06Z','2026-05-01T09:00:30Z','v0.3.0','9f2c4e1a0b7d3c5e8f6a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6',1);
INSERT INTO waves (wave_id, ord, label, source_path, source_sha256, encoding, rows_read, rows_loaded, rows_quarantined) VALUES ('R8',1,'令和8年度 市民意識調査','r8/survey.csv','3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b','cp932',206,203,3);
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM s WHERE i<203) INSERT INTO respondents SELECT 'R8', CAST(i AS TEXT), i+1, 1.0 FROM s;
INSERT INTO questions (wave_id, question_id, ord, column_name, kind, is_demographic) VALUES ('R8','area',1,'お住まいの地区','single',1);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R8','area','豊科','豊科',1,NULL);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n) VALUES ('R8','area','豊科','豊科',1,61,61,30.049261083743843,203);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R8','area','穂高','穂高',2,NULL);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n) VALUES ('R8','area','穂高','穂高',2,55,55,27.0935960591133,203);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R8','area','三郷','三郷',3,NULL);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n) VALUES ('R8','area','三郷','三郷',3,40,40,19.704433497536947,203);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R8','area','堀金','堀金',4,NULL);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n) VALUES ('R8','area','堀金','堀金',4,25,25,12.31527093596059,203);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R8','area','明科','明科',5,NULL);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n) VALUES ('R8','area','明科','明科',5,20,20,9.852216748768473,203);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n) VALUES ('R8','area','','無回答',6,2,2,0.9852216748768473,203);
INSERT INTO questions (wave_id, question_id, ord, column_name, kind, is_demographic) VALUES ('R8','age',2,'年代','single',1);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R8','age','18〜39歳','18〜39歳',1,NULL);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n) VALUES ('R8','age','18〜39歳','18〜39歳',1,49,49,24.137931034482758,203);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R8','age','40〜64歳','40〜64歳',2,NULL);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n) VALUES ('R8','age','40〜64歳','40〜64歳',2,81,81,39.90147783251231,203);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R8','age','65歳以上','65歳以上',3,NULL);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n) VALUES ('R8','age','65歳以上','65歳以上',3,71,71,34.97536945812808,203);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n) VALUES ('R8','age','','無回答',4,2,2,0.9852216748768473,203);
INSERT INTO questions (wave_id, question_id, ord, column_name, kind, is_demographic) VALUES ('R8','sex',3,'性別','single',1);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R8','sex','男性','男性',1,NULL);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n) VALUES ('R8','sex','男性','男性',1,95,95,46.79802955665025,203);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R8','sex','女性','女性',2,NULL);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n) VALUES ('R8','sex','女性','女性',2,104,104,51.23152709359606,203);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n) VALUES ('R8','sex','','無回答',3,4,4,1.9704433497536946,203);
INSERT INTO questions (wave_id, question_id, ord, column_name, kind, is_demographic) VALUES ('R8','live',4,'問1 今後も安曇野市に住み続けたいと思いますか','single',0);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R8','live','住み続けたい','住み続けたい',1,NULL);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n) VALUES ('R8','live','住み続けたい','住み続けたい',1,131,131,64.5320197044335,203);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R8','live','どちらともいえない','どちらともいえない',2,NULL);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n) VALUES ('R8','live','どちらともいえない','どちらともいえない',2,51,51,25.123152709359605,203);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R8','live','市外へ移りたい','市外へ移りたい',3,NULL);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n) VALUES ('R8','live','市外へ移りたい','市外へ移りたい',3,17,17,8.374384236453203,203);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n) VALUES ('R8','live','','無回答',4,4,4,1.9704433497536946,203);
INSERT INTO questions (wave_id, question_id, ord, column_name, kind, is_demographic) VALUES ('R8','reasons',5,'問2 住み続けたい理由（あてはまるものすべて）','multi',0);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R8','reasons','自然が豊か','自然が豊か',1,NULL);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n) VALUES ('R8','reasons','自然が豊か','自然が豊か',1,152,152,74.8768472906404,203);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R8','reasons','交通が便利','交通が便利',2,NULL);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n) VALUES ('R8','reasons','交通が便利','交通が便利',2,23,23,11.330049261083744,203);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R8','reasons','子育てしやすい','子育てしやすい',3,NULL);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n) VALUES ('R8','reasons','子育てしやすい','子育てしやすい',3,61,61,30.049261083743843,203);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R8','reasons','その他','その他',4,NULL);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n) VALUES ('R8','reasons','その他','その他',4,9,9,4.433497536945813,203);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n) VALUES ('R8','reasons','','無回答',5,12,12,5.911330049261084,203);
INSERT INTO questions (wave_id, question_id, ord, column_name, kind, is_demographic) VALUES ('R8','sat_bosai',6,'問5(1) 防災対策の満足度','likert',0);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R8','sat_bosai','満足','満足',1,2);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n) VALUES ('R8','sat_bosai','満足','満足',1,19,19,9.35960591133005,203);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R8','sat_bosai','やや満足','やや満足',2,1);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n) VALUES ('R8','sat_bosai','やや満足','やや満足',2,62,62,30.541871921182267,203);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R8','sat_bosai','どちらともいえない','どちらともいえない',3,0);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n) VALUES ('R8','sat_bosai','どちらともいえない','どちらともいえない',3,77,77,37.93103448275862,203);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R8','sat_bosai','やや不満','やや不満',4,-1);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n) VALUES ('R8','sat_bosai','やや不満','やや不満',4,29,29,14.285714285714286,203);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R8','sat_bosai','不満','不満',5,-2);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n) VALUES ('R8','sat_bosai','不満','不満',5,9,9,4.433497536945813,203);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n) VALUES ('R8','sat_bosai','','無回答',6,7,7,3.4482758620689653,203);
INSERT INTO question_stats (wave_id, question_id, n, mean, sd, se, ci_low, ci_high, top2_pct, bottom2_pct) VALUES ('R8','sat_bosai',196,0.27040816326530615,0.9836310736036472,0.07025936240026051,0.13269981296079555,0.4081165135698167,41.326530612244895,19.387755102040817);
INSERT INTO questions (wave_id, question_id, ord, column_name, kind, is_demographic) VALUES ('R8','sat_kotsu',7,'問5(2) 公共交通の満足度','likert',0);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R8','sat_kotsu','満足','満足',1,2);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n) VALUES ('R8','sat_kotsu','満足','満足',1,5,5,2.4630541871921183,203);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R8','sat_kotsu','やや満足','やや満足',2,1);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n) VALUES ('R8','sat_kotsu','やや満足','やや満足',2,24,24,11.822660098522167,203);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R8','sat_kotsu','どちらともいえない','どちらともいえない',3,0);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n) VALUES ('R8','sat_kotsu','どちらともいえない','どちらともいえない',3,52,52,25.61576354679803,203);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R8','sat_kotsu','やや不満','やや不満',4,-1);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n) VALUES ('R8','sat_kotsu','やや不満','やや不満',4,70,70,34.48275862068966,203);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R8','sat_kotsu','不満','不満',5,-2);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n) VALUES ('R8','sat_kotsu','不満','不満',5,45,45,22.167487684729064,203);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n) VALUES ('R8','sat_kotsu','','無回答',6,7,7,3.4482758620689653,203);
INSERT INTO question_stats (wave_id, question_id, n, mean, sd, se, ci_low, ci_high, top2_pct, bottom2_pct) VALUES ('R8','sat_kotsu',196,-0.6428571428571429,1.04513525072485,0.07465251790891785,-0.7891760779586219,-0.49653820775566393,14.795918367346939,58.673469387755105);
INSERT INTO questions (wave_id, question_id, ord, column_name, kind, is_demographic) VALUES ('R8','years',8,'問3 安曇野市に住んでいる年数','number',0);
INSERT INTO questions (wave_id, question_id, ord, column_name, kind, is_demographic) VALUES ('R8','free_future',9,'問20 10年後の安曇野市に望むこと','text',0);
INSERT INTO question_stats (wave_id, question_id, n, mean, sd, se, ci_low, ci_high, top2_pct, bottom2_pct) VALUES ('R8','years',195,21.46,14.18,1.0155,19.47,23.45,NULL,NULL);
INSERT INTO crosstabs (crosstab_id, wave_id, row_question, col_question, weighted, n, chi2, df, p_value, cramers_v) VALUES (1,'R8','area','live',0,196,26.44253911900066,8,0.0008819251504188497,0.2597218838223421);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (1,'豊科','住み続けたい',44,44,73.33333333333333,1.3786896778623006,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (1,'豊科','どちらともいえない',14,14,23.333333333333332,-0.46436715215556995,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (1,'豊科','市外へ移りたい',2,2,3.3333333333333335,-1.640344429531357,1);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (1,'穂高','住み続けたい',38,38,70.37037037037037,0.7387323345822812,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (1,'穂高','どちらともいえない',13,13,24.074074074074073,-0.2844259003109004,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (1,'穂高','市外へ移りたい',3,3,5.555555555555555,-0.8222423124898263,1);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (1,'三郷','住み続けたい',27,27,69.23076923076923,0.42880045398499367,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (1,'三郷','どちらともいえない',10,10,25.641025641025642,0.02094037601964436,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (1,'三郷','市外へ移りたい',2,2,5.128205128205129,-0.7734596227656005,1);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (1,'堀金','住み続けたい',15,15,62.5,-0.42343529226944165,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (1,'堀金','どちらともいえない',7,7,29.166666666666668,0.4386571455296278,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (1,'堀金','市外へ移りたい',2,2,8.333333333333334,0.032482686039399467,1);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (1,'明科','住み続けたい',6,6,31.57894736842105,-3.3725254404323133,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (1,'明科','どちらともいえない',6,6,31.57894736842105,0.6385745575018297,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (1,'明科','市外へ移りたい',7,7,36.8421052631579,4.804405006197353,0);
INSERT INTO crosstabs (crosstab_id, wave_id, row_question, col_question, weighted, n, chi2, df, p_value, cramers_v) VALUES (2,'R8','age','sat_kotsu',0,191,10.93477702341508,8,0.20542228359412318,0.1691894522182878);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (2,'18〜39歳','満足',2,2,4.25531914893617,0.8097712789030944,1);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (2,'18〜39歳','やや満足',9,9,19.148936170212767,1.7242039212924878,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (2,'18〜39歳','どちらともいえない',16,16,34.04255319148936,1.4125266526177773,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (2,'18〜39歳','やや不満',14,14,29.78723404255319,-0.9588485140245856,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (2,'18〜39歳','不満',6,6,12.76595744680851,-2.008295434077358,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (2,'40〜64歳','満足',2,2,2.5316455696202533,-0.06263196028547896,1);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (2,'40〜64歳','やや満足',9,9,11.39240506329114,-0.23163364614893897,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (2,'40〜64歳','どちらともいえない',21,21,26.582278481012658,0.10674054186578473,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (2,'40〜64歳','やや不満',29,29,36.70886075949367,0.26828944416826966,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (2,'40〜64歳','不満',18,18,22.78481012658228,-0.21207882257795949,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (2,'65歳以上','満足',1,1,1.5384615384615385,-0.6710240051104772,1);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (2,'65歳以上','やや満足',5,5,7.6923076923076925,-1.326630365402418,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (2,'65歳以上','どちらともいえない',13,13,20.0,-1.3950042739943331,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (2,'65歳以上','やや不満',25,25,38.46153846153846,0.5927834550650214,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (2,'65歳以上','不満',21,21,32.30769230769231,2.0460765276108606,0);
INSERT INTO crosstabs (crosstab_id, wave_id, row_question, col_question, weighted, n, chi2, df, p_value, cramers_v) VALUES (3,'R8','area','sat_kotsu',0,195,12.349186882094953,16,0.719613015311416,0.12582643154155135);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (3,'豊科','満足',2,2,3.389830508474576,0.4804892197843913,1);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (3,'豊科','やや満足',9,9,15.254237288135593,0.8249314627245042,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (3,'豊科','どちらともいえない',18,18,30.508474576271187,0.79905086223058,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (3,'豊科','やや不満',20,20,33.898305084745765,-0.285896038838098,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (3,'豊科','不満',10,10,16.949152542372882,-1.337701075538742,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (3,'穂高','満足',2,2,3.7037037037037037,0.6230606342387847,1);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (3,'穂高','やや満足',8,8,14.814814814814815,0.6594944123152388,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (3,'穂高','どちらともいえない',16,16,29.62962962962963,0.5790229436819601,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (3,'穂高','やや不満',19,19,35.18518518518518,-0.03604295140046334,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (3,'穂高','不満',9,9,16.666666666666668,-1.3148092653519443,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (3,'三郷','満足',1,1,2.5641025641025643,0.0,1);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (3,'三郷','やや満足',4,4,10.256410256410257,-0.43595696981716403,1);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (3,'三郷','どちらともいえない',10,10,25.641025641025642,-0.16193756890782407,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (3,'三郷','やや不満',15,15,38.46153846153846,0.4492920587293602,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (3,'三郷','不満',9,9,23.076923076923077,0.0,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (3,'堀金','満足',0,0,0.0,-0.8486587103472158,1);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (3,'堀金','やや満足',2,2,8.333333333333334,-0.6328822242059025,1);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (3,'堀金','どちらともいえない',5,5,20.833333333333332,-0.6900913537750086,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (3,'堀金','やや不満',8,8,33.333333333333336,-0.22442696931319903,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (3,'堀金','不満',9,9,37.5,1.7908759985284475,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (3,'明科','満足',0,0,0.0,-0.7442964951733098,1);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (3,'明科','やや満足',1,1,5.2631578947368425,-0.983832132119286,1);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (3,'明科','どちらともいえない',3,3,15.789473684210526,-1.1285466784677731,1);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (3,'明科','やや不満',7,7,36.8421052631579,0.13985181698546897,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (3,'明科','不満',8,8,42.10526315789474,2.0721510100888976,0);
INSERT INTO crosstabs (crosstab_id, wave_id, row_question, col_question, weighted, n, chi2, df, p_value, cramers_v) VALUES (4,'R8','area','@themes',0,15,7.558333333333333,8,0.47775639299296735,0.5019406782125199);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (4,'豊科','1',3,3,50.0,1.118033988749895,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (4,'豊科','2',1,1,16.666666666666668,-0.2635231383473649,1);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (4,'豊科','3',1,1,16.666666666666668,0.31008683647302104,1);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (4,'豊科','4',0,0,0.0,-1.5811388300841898,1);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (4,'豊科','5',1,1,16.666666666666668,0.31008683647302104,1);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (4,'穂高','1',1,1,20.0,-0.7745966692414833,1);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (4,'穂高','2',2,2,40.0,1.369306393762915,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (4,'穂高','3',1,1,20.0,0.5370861555295747,1);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (4,'穂高','4',1,1,20.0,0.0,1);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (4,'穂高','5',0,0,0.0,-1.0741723110591492,1);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (4,'三郷','1',1,1,25.0,-0.4128614119223851,1);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (4,'三郷','2',0,0,0.0,-1.1677484162422844,1);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (4,'三郷','3',0,0,0.0,-0.916057224828689,1);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (4,'三郷','4',2,2,50.0,1.7516226243634265,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (4,'三郷','5',1,1,25.0,0.801550071725103,1);
INSERT INTO crosstabs (crosstab_id, wave_id, row_question, col_question, weighted, n, chi2, df, p_value, cramers_v) VALUES (5,'R8','sex','reasons',0,199,NULL,NULL,NULL,NULL);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (5,'男性','自然が豊か',70,70,73.6842105263158,NULL,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (5,'男性','交通が便利',12,12,12.631578947368421,NULL,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (5,'男性','子育てしやすい',25,25,26.31578947368421,NULL,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (5,'男性','その他',4,4,4.2105263157894735,NULL,1);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (5,'女性','自然が豊か',80,80,76.92307692307692,NULL,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (5,'女性','交通が便利',11,11,10.576923076923077,NULL,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (5,'女性','子育てしやすい',36,36,34.61538461538461,NULL,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (5,'女性','その他',5,5,4.8076923076923075,NULL,0);
INSERT INTO themes (wave_id, theme_id, parent_id, label, n_docs, top_terms) VALUES ('R8',1,NULL,'自然・景観',6,'北アルプス、景観、わさび、水');
INSERT INTO themes (wave_id, theme_id, parent_id, label, n_docs, top_terms) VALUES ('R8',2,NULL,'公共交通',7,'バス、本数、駅、車');
INSERT INTO themes (wave_id, theme_id, parent_id, label, n_docs, top_terms) VALUES ('R8',3,NULL,'子育て',4,'子ども、公園、保育園');
INSERT INTO themes (wave_id, theme_id, parent_id, label, n_docs, top_terms) VALUES ('R8',4,NULL,'防災',3,'避難所、防災、川');
INSERT INTO themes (wave_id, theme_id, parent_id, label, n_docs, top_terms) VALUES ('R8',5,2,'デマンド交通',3,'デマンド、予約、高齢者');
INSERT INTO docs (doc_id, wave_id, source, respondent_id, question_id, workshop_id, grp, speaker, line, text, text_masked) VALUES (1,'R8','survey','12','free_future',NULL,NULL,NULL,2,'【未マスク】北アルプスの眺めと、わさび田の水のきれいさをずっと残してほしい。','北アルプスの眺めと、わさび田の水のきれいさをずっと残してほしい。');
INSERT INTO doc_themes (doc_id, theme_id, weight) VALUES (1,1,0.91);
INSERT INTO docs (doc_id, wave_id, source, respondent_id, question_id, workshop_id, grp, speaker, line, text, text_masked) VALUES (2,'R8','survey','15','free_future',NULL,NULL,NULL,3,'【未マスク】山田花子です。安曇野の田園風景を守ってください。','〈氏名〉です。安曇野の田園風景を守ってください。');
INSERT INTO doc_themes (doc_id, theme_id, weight) VALUES (2,1,0.88);
INSERT INTO docs (doc_id, wave_id, source, respondent_id, question_id, workshop_id, grp, speaker, line, text, text_masked) VALUES (3,'R8','survey','31','free_future',NULL,NULL,NULL,4,'【未マスク】景観を壊す大きな看板を減らしてほしい','景観を壊す大きな看板を減らしてほしい');
INSERT INTO doc_themes (doc_id, theme_id, weight) VALUES (3,1,0.74);
INSERT INTO docs (doc_id, wave_id, source, respondent_id, question_id, workshop_id, grp, speaker, line, text, text_masked) VALUES (4,'R8','survey','44','free_future',NULL,NULL,NULL,5,'【未マスク】穂高駅から病院へ行くバスの本数が少なく、車がないと暮らせない。','穂高駅から病院へ行くバスの本数が少なく、車がないと暮らせない。');
INSERT INTO doc_themes (doc_id, theme_id, weight) VALUES (4,2,0.93);
INSERT INTO docs (doc_id, wave_id, source, respondent_id, question_id, workshop_id, grp, speaker, line, text, text_masked) VALUES (5,'R8','survey','52','free_future',NULL,NULL,NULL,6,'【未マスク】電話 090-1234-5678 まで連絡ください。駅までのバスを増やして','電話 〈電話番号〉 まで連絡ください。駅までのバスを増やして');
INSERT INTO doc_themes (doc_id, theme_id, weight) VALUES (5,2,0.81);
INSERT INTO docs (doc_id, wave_id, source, respondent_id, question_id, workshop_id, grp, speaker, line, text, text_masked) VALUES (6,'R8','survey','60','free_future',NULL,NULL,NULL,7,'【未マスク】デマンド交通の予約がとりにくい。','デマンド交通の予約がとりにくい。');
INSERT INTO doc_themes (doc_id, theme_id, weight) VALUES (6,5,0.86);
INSERT INTO doc_themes (doc_id, theme_id, weight) VALUES (6,2,0.76);
INSERT INTO docs (doc_id, wave_id, source, respondent_id, question_id, workshop_id, grp, speaker, line, text, text_masked) VALUES (7,'R8','survey','77','free_future',NULL,NULL,NULL,8,'【未マスク】高齢者が使いやすいデマンド交通にしてほしい','高齢者が使いやすいデマンド交通にしてほしい');
INSERT INTO doc_themes (doc_id, theme_id, weight) VALUES (7,5,0.79);
INSERT INTO doc_themes (doc_id, theme_id, weight) VALUES (7,2,0.6900000000000001);
INSERT INTO docs (doc_id, wave_id, source, respondent_id, question_id, workshop_id, grp, speaker, line, text, text_masked) VALUES (8,'R8','survey','81','free_future',NULL,NULL,NULL,9,'【未マスク】子どもを遊ばせる公園がもう少し欲しいです。','子どもを遊ばせる公園がもう少し欲しいです。');
INSERT INTO doc_themes (doc_id, theme_id, weight) VALUES (8,3,0.9);
INSERT INTO docs (doc_id, wave_id, source, respondent_id, question_id, workshop_id, grp, speaker, line, text, text_masked) VALUES (9,'R8','survey','90','free_future',NULL,NULL,NULL,10,'【未マスク】保育園の送迎が大変です','保育園の送迎が大変です');
INSERT INTO doc_themes (doc_id, theme_id, weight) VALUES (9,3,0.7);
INSERT INTO docs (doc_id, wave_id, source, respondent_id, question_id, workshop_id, grp, speaker, line, text, text_masked) VALUES (10,'R8','survey','102','free_future',NULL,NULL,NULL,11,'【未マスク】大雨のとき川があふれないか心配','大雨のとき川があふれないか心配');
INSERT INTO doc_themes (doc_id, theme_id, weight) VALUES (10,4,0.85);
INSERT INTO docs (doc_id, wave_id, source, respondent_id, question_id, workshop_id, grp, speaker, line, text, text_masked) VALUES (11,'R8','survey','140','free_future',NULL,NULL,NULL,12,'【未マスク】避難所の場所を知らせてほしい','避難所の場所を知らせてほしい');
INSERT INTO doc_themes (doc_id, theme_id, weight) VALUES (11,4,0.8);
INSERT INTO docs (doc_id, wave_id, source, respondent_id, question_id, workshop_id, grp, speaker, line, text, text_masked) VALUES (12,'R8','survey','150','free_future',NULL,NULL,NULL,13,'【未マスク】水がおいしい','水がおいしい');
INSERT INTO doc_themes (doc_id, theme_id, weight) VALUES (12,1,0.6);
INSERT INTO docs (doc_id, wave_id, source, respondent_id, question_id, workshop_id, grp, speaker, line, text, text_masked) VALUES (13,'R8','workshop',NULL,NULL,'ws-r8-hotaka','グループA','参加者1',14,'【未マスク】北アルプスの眺めと、わさび田の水のきれいさです。','北アルプスの眺めと、わさび田の水のきれいさです。');
INSERT INTO doc_themes (doc_id, theme_id, weight) VALUES (13,1,0.89);
INSERT INTO docs (doc_id, wave_id, source, respondent_id, question_id, workshop_id, grp, speaker, line, text, text_masked) VALUES (14,'R8','workshop',NULL,NULL,'ws-r8-hotaka','グループA','参加者2',15,'【未マスク】子どもを遊ばせる公園がもう少し欲しいです。','子どもを遊ばせる公園がもう少し欲しいです。');
INSERT INTO doc_themes (doc_id, theme_id, weight) VALUES (14,3,0.95);
INSERT INTO docs (doc_id, wave_id, source, respondent_id, question_id, workshop_id, grp, speaker, line, text, text_masked) VALUES (15,'R8','workshop',NULL,NULL,'ws-r8-hotaka','グループA','参加者1',16,'【未マスク】鈴木さんの言う通り、バスが少ない。','〈氏名〉さんの言う通り、バスが少ない。');
INSERT INTO doc_themes (doc_id, theme_id, weight) VALUES (15,2,0.77);
INSERT INTO docs (doc_id, wave_id, source, respondent_id, question_id, workshop_id, grp, speaker, line, text, text_masked) VALUES (16,'R8','workshop',NULL,NULL,'ws-r8-hotaka','グループB','参加者3',17,'【未マスク】田んぼの景色が好きです','田んぼの景色が好きです');
INSERT INTO doc_themes (doc_id, theme_id, weight) VALUES (16,1,0.72);
INSERT INTO docs (doc_id, wave_id, source, respondent_id, question_id, workshop_id, grp, speaker, line, text, text_masked) VALUES (17,'R8','workshop',NULL,NULL,'ws-r8-hotaka','グループB','参加者4',18,'【未マスク】デマンド交通をもっと知ってもらいたい','デマンド交通をもっと知ってもらいたい');
INSERT INTO doc_themes (doc_id, theme_id, weight) VALUES (17,5,0.83);
INSERT INTO doc_themes (doc_id, theme_id, weight) VALUES (17,2,0.73);
INSERT INTO docs (doc_id, wave_id, source, respondent_id, question_id, workshop_id, grp, speaker, line, text, text_masked) VALUES (18,'R8','workshop',NULL,NULL,'ws-r8-akashina',NULL,'参加者1',19,'【未マスク】明科駅前に集まれる場所がほしい','明科駅前に集まれる場所がほしい');
INSERT INTO doc_themes (doc_id, theme_id, weight) VALUES (18,2,0.55);
INSERT INTO docs (doc_id, wave_id, source, respondent_id, question_id, workshop_id, grp, speaker, line, text, text_masked) VALUES (19,'R8','workshop',NULL,NULL,'ws-r8-akashina',NULL,'参加者2',20,'【未マスク】犀川の堤防が心配','犀川の堤防が心配');
INSERT INTO doc_themes (doc_id, theme_id, weight) VALUES (19,4,0.66);
INSERT INTO docs (doc_id, wave_id, source, respondent_id, question_id, workshop_id, grp, speaker, line, text, text_masked) VALUES (20,'R8','workshop',NULL,NULL,'ws-r8-akashina',NULL,'参加者3',21,'【未マスク】子育て世代が住みやすいまちに','子育て世代が住みやすいまちに');
INSERT INTO doc_themes (doc_id, theme_id, weight) VALUES (20,3,0.71);
INSERT INTO workshops (wave_id, workshop_id, title, date, area, source_path, kind) VALUES ('R8','ws-r8-hotaka','穂高地域ワークショップ「10年後の安曇野」','2026-07-12','穂高','r8/workshops/hotaka.txt','transcript');
INSERT INTO workshops (wave_id, workshop_id, title, date, area, source_path, kind) VALUES ('R8','ws-r8-akashina','明科地域 付箋ワーク','2026-07-19','明科','r8/workshops/akashina.csv','notes');
INSERT INTO codes (code_id, label, pillar) VALUES ('kotsu','公共交通','暮らし・交通'),('kankyo','自然環境・景観','環境'),('kosodate','子育て支援','子ども・教育'),('bosai','防災','安全・安心');
INSERT INTO doc_codes (doc_id, code_id) VALUES (10,'bosai');
INSERT INTO doc_codes (doc_id, code_id) VALUES (11,'bosai');
INSERT INTO doc_codes (doc_id, code_id) VALUES (19,'bosai');
INSERT INTO doc_codes (doc_id, code_id) VALUES (1,'kankyo');
INSERT INTO doc_codes (doc_id, code_id) VALUES (2,'kankyo');
INSERT INTO doc_codes (doc_id, code_id) VALUES (3,'kankyo');
INSERT INTO doc_codes (doc_id, code_id) VALUES (12,'kankyo');
INSERT INTO doc_codes (doc_id, code_id) VALUES (13,'kankyo');
INSERT INTO doc_codes (doc_id, code_id) VALUES (16,'kankyo');
INSERT INTO doc_codes (doc_id, code_id) VALUES (8,'kosodate');
INSERT INTO doc_codes (doc_id, code_id) VALUES (9,'kosodate');
INSERT INTO doc_codes (doc_id, code_id) VALUES (14,'kosodate');
INSERT INTO doc_codes (doc_id, code_id) VALUES (20,'kosodate');
INSERT INTO doc_codes (doc_id, code_id) VALUES (4,'kotsu');
INSERT INTO doc_codes (doc_id, code_id) VALUES (5,'kotsu');
INSERT INTO doc_codes (doc_id, code_id) VALUES (6,'kotsu');
INSERT INTO doc_codes (doc_id, code_id) VALUES (7,'kotsu');
INSERT INTO doc_codes (doc_id, code_id) VALUES (15,'kotsu');
INSERT INTO doc_codes (doc_id, code_id) VALUES (17,'kotsu');
INSERT INTO doc_codes (doc_id, code_id) VALUES (18,'kotsu');
INSERT INTO quarantine (wave_id, source_path, line, col, column_name, reason, raw) VALUES ('R8','r8/survey.csv',18,5,'お住まいの地区','「安曇野」は選択肢にありません（豊科・穂高・三郷・堀金・明科）','安曇野');
INSERT INTO quarantine (wave_id, source_path, line, col, column_name, reason, raw) VALUES ('R8','r8/survey.csv',97,5,'お住まいの地区','「安曇野」は選択肢にありません（豊科・穂高・三郷・堀金・明科）','安曇野');
INSERT INTO quarantine (wave_id, source_path, line, col, column_name, reason, raw) VALUES ('R8','r8/survey.csv',150,NULL,NULL,'列の数が見出しと違います（見出し 12 列、この行 9 列）','1,豊科,40代');

-- Second half: the tables the analysis adds for weighting, margins of error,
-- CS analysis, wave comparison and policy codes. Figures computed with the
-- formulas named beside them from the counts given here (see each comment).
-- R8 is weighted: respondents alternate 0.8 (odd ids) and 1.2 (even ids), so
-- Σw = 202.8, Σw² = 210.72 and Kish's deff = n·Σw²/(Σw)² = 1.040078, n_eff = (Σw)²/Σw² = 195.177677.
-- (The tallies above keep their unweighted figures; only the layout is exercised.)
UPDATE respondents SET weight = CASE WHEN CAST(respondent_id AS INTEGER) % 2 = 1 THEN 0.8 ELSE 1.2 END WHERE wave_id = 'R8';
INSERT INTO weighting (wave_id, method, variables, iterations, max_error, deff, n_eff, min_weight, max_weight, notes) VALUES ('R8','raking','area, age, sex',5,3.1e-11,1.040077961789383,195.17767653758608,0.8,1.2,'sexが無回答の4人は、sexの補正では重みを変えていない。');
-- Representativeness: population counts as in the demo's population.csv (area, sex)
-- and invented age bands; sample n from the tallies above; χ² goodness of fit
-- Σ(O−E)²/E with E = n·population share, p from the χ² survival function
-- (df 1: erfc(√(x/2)); df 2, 4: e^(−x/2)·Σ (x/2)^k/k!).
INSERT INTO representativeness (wave_id, question_id, code, label, ord, population, population_pct, sample_n, sample_pct, weighted_pct) VALUES ('R8','area','豊科','豊科',1,27083.0,28.25030249926983,61,30.34825870646766,28.25030249926983);
INSERT INTO representativeness (wave_id, question_id, code, label, ord, population, population_pct, sample_n, sample_pct, weighted_pct) VALUES ('R8','area','穂高','穂高',2,33266.0,34.69979555221763,55,27.36318407960199,34.69979555221763);
INSERT INTO representativeness (wave_id, question_id, code, label, ord, population, population_pct, sample_n, sample_pct, weighted_pct) VALUES ('R8','area','三郷','三郷',3,18071.0,18.849876914090206,40,19.90049751243781,18.849876914090206);
INSERT INTO representativeness (wave_id, question_id, code, label, ord, population, population_pct, sample_n, sample_pct, weighted_pct) VALUES ('R8','area','堀金','堀金',4,8724.0,9.100012517211166,25,12.437810945273633,9.100012517211166);
INSERT INTO representativeness (wave_id, question_id, code, label, ord, population, population_pct, sample_n, sample_pct, weighted_pct) VALUES ('R8','area','明科','明科',5,8724.0,9.100012517211166,20,9.950248756218905,9.100012517211166);
INSERT INTO representativeness_tests (wave_id, question_id, n, chi2, df, p_value) VALUES ('R8','area',201,6.169208188251178,4,0.18686304922957253);
INSERT INTO representativeness (wave_id, question_id, code, label, ord, population, population_pct, sample_n, sample_pct, weighted_pct) VALUES ('R8','age','18〜39歳','18〜39歳',1,36000.0,37.55163349605708,49,24.378109452736318,37.55163349605708);
INSERT INTO representativeness (wave_id, question_id, code, label, ord, population, population_pct, sample_n, sample_pct, weighted_pct) VALUES ('R8','age','40〜64歳','40〜64歳',2,32000.0,33.37922977427296,81,40.298507462686565,33.37922977427296);
INSERT INTO representativeness (wave_id, question_id, code, label, ord, population, population_pct, sample_n, sample_pct, weighted_pct) VALUES ('R8','age','65歳以上','65歳以上',3,27868.0,29.069136729669964,71,35.32338308457712,29.069136729669964);
INSERT INTO representativeness_tests (wave_id, question_id, n, chi2, df, p_value) VALUES ('R8','age',201,14.87669215436025,2,0.0005882573256267942);
INSERT INTO representativeness (wave_id, question_id, code, label, ord, population, population_pct, sample_n, sample_pct, weighted_pct) VALUES ('R8','sex','男性','男性',1,46561.0,48.5678224224976,95,47.73869346733668,48.5678224224976);
INSERT INTO representativeness (wave_id, question_id, code, label, ord, population, population_pct, sample_n, sample_pct, weighted_pct) VALUES ('R8','sex','女性','女性',2,49307.0,51.4321775775024,104,52.26130653266332,51.4321775775024);
INSERT INTO representativeness_tests (wave_id, question_id, n, chi2, df, p_value) VALUES ('R8','sex',199,0.054766337221343164,1,0.8149678317364546);
-- 標本誤差 1.96·√(p(1−p)/n)·100 points: R8 on n_eff rounded (195), R7 on its 150 respondents.
INSERT INTO margin_of_error (wave_id, n, p_pct, moe_pct) VALUES ('R8',195,10.0,4.210755459351866);
INSERT INTO margin_of_error (wave_id, n, p_pct, moe_pct) VALUES ('R8',195,20.0,5.614340612469154);
INSERT INTO margin_of_error (wave_id, n, p_pct, moe_pct) VALUES ('R8',195,30.0,6.432035208476155);
INSERT INTO margin_of_error (wave_id, n, p_pct, moe_pct) VALUES ('R8',195,40.0,6.8761348713671095);
INSERT INTO margin_of_error (wave_id, n, p_pct, moe_pct) VALUES ('R8',195,50.0,7.017925765586441);
INSERT INTO margin_of_error (wave_id, n, p_pct, moe_pct) VALUES ('R8',100,10.0,5.880000000000001);
INSERT INTO margin_of_error (wave_id, n, p_pct, moe_pct) VALUES ('R8',100,20.0,7.84);
INSERT INTO margin_of_error (wave_id, n, p_pct, moe_pct) VALUES ('R8',100,30.0,8.981848362113446);
INSERT INTO margin_of_error (wave_id, n, p_pct, moe_pct) VALUES ('R8',100,40.0,9.601999791710057);
INSERT INTO margin_of_error (wave_id, n, p_pct, moe_pct) VALUES ('R8',100,50.0,9.8);
INSERT INTO margin_of_error (wave_id, n, p_pct, moe_pct) VALUES ('R8',50,10.0,8.3155757467538);
INSERT INTO margin_of_error (wave_id, n, p_pct, moe_pct) VALUES ('R8',50,20.0,11.087434329005067);
INSERT INTO margin_of_error (wave_id, n, p_pct, moe_pct) VALUES ('R8',50,30.0,12.702251768879405);
INSERT INTO margin_of_error (wave_id, n, p_pct, moe_pct) VALUES ('R8',50,40.0,13.579278331339998);
INSERT INTO margin_of_error (wave_id, n, p_pct, moe_pct) VALUES ('R8',50,50.0,13.859292911256333);
INSERT INTO margin_of_error (wave_id, n, p_pct, moe_pct) VALUES ('R7',150,10.0,4.800999895855029);
INSERT INTO margin_of_error (wave_id, n, p_pct, moe_pct) VALUES ('R7',150,20.0,6.401333194473373);
INSERT INTO margin_of_error (wave_id, n, p_pct, moe_pct) VALUES ('R7',150,30.0,7.333648478076926);
INSERT INTO margin_of_error (wave_id, n, p_pct, moe_pct) VALUES ('R7',150,40.0,7.84);
INSERT INTO margin_of_error (wave_id, n, p_pct, moe_pct) VALUES ('R7',150,50.0,8.001666493091715);
INSERT INTO margin_of_error (wave_id, n, p_pct, moe_pct) VALUES ('R7',100,10.0,5.880000000000001);
INSERT INTO margin_of_error (wave_id, n, p_pct, moe_pct) VALUES ('R7',100,20.0,7.84);
INSERT INTO margin_of_error (wave_id, n, p_pct, moe_pct) VALUES ('R7',100,30.0,8.981848362113446);
INSERT INTO margin_of_error (wave_id, n, p_pct, moe_pct) VALUES ('R7',100,40.0,9.601999791710057);
INSERT INTO margin_of_error (wave_id, n, p_pct, moe_pct) VALUES ('R7',100,50.0,9.8);
INSERT INTO margin_of_error (wave_id, n, p_pct, moe_pct) VALUES ('R7',50,10.0,8.3155757467538);
INSERT INTO margin_of_error (wave_id, n, p_pct, moe_pct) VALUES ('R7',50,20.0,11.087434329005067);
INSERT INTO margin_of_error (wave_id, n, p_pct, moe_pct) VALUES ('R7',50,30.0,12.702251768879405);
INSERT INTO margin_of_error (wave_id, n, p_pct, moe_pct) VALUES ('R7',50,40.0,13.579278331339998);
INSERT INTO margin_of_error (wave_id, n, p_pct, moe_pct) VALUES ('R7',50,50.0,13.859292911256333);
-- tallies.moe_pct of R8: 1.96·√(p(1−p)/n_eff)·100 with n_eff = 195.177677.
UPDATE tallies SET moe_pct = 6.432118713173625 WHERE wave_id = 'R8' AND question_id = 'area' AND code = '豊科';
UPDATE tallies SET moe_pct = 6.2352972783909495 WHERE wave_id = 'R8' AND question_id = 'area' AND code = '穂高';
UPDATE tallies SET moe_pct = 5.580444065901462 WHERE wave_id = 'R8' AND question_id = 'area' AND code = '三郷';
UPDATE tallies SET moe_pct = 4.610255207631788 WHERE wave_id = 'R8' AND question_id = 'area' AND code = '堀金';
UPDATE tallies SET moe_pct = 4.181051377666461 WHERE wave_id = 'R8' AND question_id = 'area' AND code = '明科';
UPDATE tallies SET moe_pct = 6.003484062185572 WHERE wave_id = 'R8' AND question_id = 'age' AND code = '18〜39歳';
UPDATE tallies SET moe_pct = 6.870168460907916 WHERE wave_id = 'R8' AND question_id = 'age' AND code = '40〜64歳';
UPDATE tallies SET moe_pct = 6.6905389222315925 WHERE wave_id = 'R8' AND question_id = 'age' AND code = '65歳以上';
UPDATE tallies SET moe_pct = 7.000332072310092 WHERE wave_id = 'R8' AND question_id = 'sex' AND code = '男性';
UPDATE tallies SET moe_pct = 7.012602602449794 WHERE wave_id = 'R8' AND question_id = 'sex' AND code = '女性';
UPDATE tallies SET moe_pct = 6.711921331880297 WHERE wave_id = 'R8' AND question_id = 'live' AND code = '住み続けたい';
UPDATE tallies SET moe_pct = 6.084877557736159 WHERE wave_id = 'R8' AND question_id = 'live' AND code = 'どちらともいえない';
UPDATE tallies SET moe_pct = 3.8862066839553733 WHERE wave_id = 'R8' AND question_id = 'live' AND code = '市外へ移りたい';
UPDATE tallies SET moe_pct = 6.084877557736158 WHERE wave_id = 'R8' AND question_id = 'reasons' AND code = '自然が豊か';
UPDATE tallies SET moe_pct = 4.446774762265079 WHERE wave_id = 'R8' AND question_id = 'reasons' AND code = '交通が便利';
UPDATE tallies SET moe_pct = 6.432118713173625 WHERE wave_id = 'R8' AND question_id = 'reasons' AND code = '子育てしやすい';
UPDATE tallies SET moe_pct = 2.8877997952953516 WHERE wave_id = 'R8' AND question_id = 'reasons' AND code = 'その他';
UPDATE tallies SET moe_pct = 4.086304007508416 WHERE wave_id = 'R8' AND question_id = 'sat_bosai' AND code = '満足';
UPDATE tallies SET moe_pct = 6.461753141960018 WHERE wave_id = 'R8' AND question_id = 'sat_bosai' AND code = 'やや満足';
UPDATE tallies SET moe_pct = 6.807311069349793 WHERE wave_id = 'R8' AND question_id = 'sat_bosai' AND code = 'どちらともいえない';
UPDATE tallies SET moe_pct = 4.90928883929956 WHERE wave_id = 'R8' AND question_id = 'sat_bosai' AND code = 'やや不満';
UPDATE tallies SET moe_pct = 2.8877997952953516 WHERE wave_id = 'R8' AND question_id = 'sat_bosai' AND code = '不満';
UPDATE tallies SET moe_pct = 2.174515756436132 WHERE wave_id = 'R8' AND question_id = 'sat_kotsu' AND code = '満足';
UPDATE tallies SET moe_pct = 4.529779874839145 WHERE wave_id = 'R8' AND question_id = 'sat_kotsu' AND code = 'やや満足';
UPDATE tallies SET moe_pct = 6.123998942825755 WHERE wave_id = 'R8' AND question_id = 'sat_kotsu' AND code = 'どちらともいえない';
UPDATE tallies SET moe_pct = 6.668371736133208 WHERE wave_id = 'R8' AND question_id = 'sat_kotsu' AND code = 'やや不満';
UPDATE tallies SET moe_pct = 5.827466182766284 WHERE wave_id = 'R8' AND question_id = 'sat_kotsu' AND code = '不満';
-- R8 importance questions; the satisfaction questions above become their pairs.
-- question_stats: mean, sample SD (n − 1), SE = SD/√n, 95% CI mean ± 1.96·SE, top-2/bottom-2 % of those answering.
UPDATE questions SET field = '防災対策', measure = 'satisfaction' WHERE wave_id = 'R8' AND question_id = 'sat_bosai';
UPDATE questions SET field = '公共交通', measure = 'satisfaction' WHERE wave_id = 'R8' AND question_id = 'sat_kotsu';
INSERT INTO questions (wave_id, question_id, ord, column_name, kind, is_demographic, field, measure) VALUES ('R8','imp_bosai',10,'問6(1) 防災対策の重要度','likert',0,'防災対策','importance');
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R8','imp_bosai','重要','重要',1,2);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R8','imp_bosai','重要','重要',1,110,110,54.1871921182266,203,6.990090176448825);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R8','imp_bosai','やや重要','やや重要',2,1);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R8','imp_bosai','やや重要','やや重要',2,60,60,29.55665024630542,203,6.401601053635309);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R8','imp_bosai','どちらともいえない','どちらともいえない',3,0);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R8','imp_bosai','どちらともいえない','どちらともいえない',3,22,22,10.83743842364532,203,4.36109542373883);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R8','imp_bosai','あまり重要でない','あまり重要でない',4,-1);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R8','imp_bosai','あまり重要でない','あまり重要でない',4,4,4,1.9704433497536946,203,1.9498513139095488);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R8','imp_bosai','重要でない','重要でない',5,-2);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R8','imp_bosai','重要でない','重要でない',5,2,2,0.9852216748768473,203,1.3856641727132115);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R8','imp_bosai','','無回答',6,5,5,2.4630541871921183,203,NULL);
INSERT INTO question_stats (wave_id, question_id, n, mean, sd, se, ci_low, ci_high, top2_pct, bottom2_pct) VALUES ('R8','imp_bosai',198,1.3737373737373737,0.8380041382675104,0.05955436086253308,1.257010826446809,1.4904639210279385,85.85858585858585,3.0303030303030303);
INSERT INTO questions (wave_id, question_id, ord, column_name, kind, is_demographic, field, measure) VALUES ('R8','imp_kotsu',11,'問6(2) 公共交通の重要度','likert',0,'公共交通','importance');
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R8','imp_kotsu','重要','重要',1,2);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R8','imp_kotsu','重要','重要',1,100,100,49.26108374384236,203,7.013964669589462);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R8','imp_kotsu','やや重要','やや重要',2,1);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R8','imp_kotsu','やや重要','やや重要',2,62,62,30.541871921182267,203,6.461753141960018);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R8','imp_kotsu','どちらともいえない','どちらともいえない',3,0);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R8','imp_kotsu','どちらともいえない','どちらともいえない',3,28,28,13.793103448275861,203,4.837745321469508);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R8','imp_kotsu','あまり重要でない','あまり重要でない',4,-1);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R8','imp_kotsu','あまり重要でない','あまり重要でない',4,5,5,2.4630541871921183,203,2.174515756436132);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R8','imp_kotsu','重要でない','重要でない',5,-2);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R8','imp_kotsu','重要でない','重要でない',5,2,2,0.9852216748768473,203,1.3856641727132115);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R8','imp_kotsu','','無回答',6,6,6,2.955665024630542,203,NULL);
INSERT INTO question_stats (wave_id, question_id, n, mean, sd, se, ci_low, ci_high, top2_pct, bottom2_pct) VALUES ('R8','imp_kotsu',197,1.284263959390863,0.8750545705260488,0.06234505672841821,1.162067648203163,1.4064602705785627,82.23350253807106,3.553299492385787);
-- R7: an earlier, smaller, unweighted wave (150 respondents, no free text),
-- so the report compares two waves.
INSERT INTO waves (wave_id, ord, label, source_path, source_sha256, encoding, rows_read, rows_loaded, rows_quarantined) VALUES ('R7',0,'令和7年度 市民意識調査','r7/survey.csv','5be0c1a7d9e24f3b8c6a0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a','utf-8',150,150,0);
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM s WHERE i<150) INSERT INTO respondents SELECT 'R7', CAST(i AS TEXT), i+1, 1.0 FROM s;
INSERT INTO questions (wave_id, question_id, ord, column_name, kind, is_demographic) VALUES ('R7','area',1,'お住まいの地区','single',1);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R7','area','豊科','豊科',1,NULL);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R7','area','豊科','豊科',1,45,45,30.0,150,NULL);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R7','area','穂高','穂高',2,NULL);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R7','area','穂高','穂高',2,42,42,28.0,150,NULL);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R7','area','三郷','三郷',3,NULL);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R7','area','三郷','三郷',3,30,30,20.0,150,NULL);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R7','area','堀金','堀金',4,NULL);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R7','area','堀金','堀金',4,18,18,12.0,150,NULL);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R7','area','明科','明科',5,NULL);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R7','area','明科','明科',5,13,13,8.666666666666666,150,NULL);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R7','area','','無回答',6,2,2,1.3333333333333333,150,NULL);
INSERT INTO questions (wave_id, question_id, ord, column_name, kind, is_demographic) VALUES ('R7','live',2,'問1 今後も安曇野市に住み続けたいと思いますか','single',0);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R7','live','住み続けたい','住み続けたい',1,NULL);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R7','live','住み続けたい','住み続けたい',1,95,95,63.333333333333336,150,7.711916704637003);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R7','live','どちらともいえない','どちらともいえない',2,NULL);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R7','live','どちらともいえない','どちらともいえない',2,38,38,25.333333333333332,150,6.960172326517125);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R7','live','市外へ移りたい','市外へ移りたい',3,NULL);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R7','live','市外へ移りたい','市外へ移りたい',3,12,12,8.0,150,4.34159540568518);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R7','live','','無回答',4,5,5,3.3333333333333335,150,NULL);
INSERT INTO questions (wave_id, question_id, ord, column_name, kind, is_demographic, field, measure) VALUES ('R7','sat_bosai',3,'問5(1) 防災対策の満足度','likert',0,'防災対策','satisfaction');
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R7','sat_bosai','満足','満足',1,2);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R7','sat_bosai','満足','満足',1,13,13,8.666666666666666,150,4.502473262717001);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R7','sat_bosai','やや満足','やや満足',2,1);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R7','sat_bosai','やや満足','やや満足',2,44,44,29.333333333333332,150,7.286155801955539);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R7','sat_bosai','どちらともいえない','どちらともいえない',3,0);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R7','sat_bosai','どちらともいえない','どちらともいえない',3,58,58,38.666666666666664,150,7.793402261837561);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R7','sat_bosai','やや不満','やや不満',4,-1);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R7','sat_bosai','やや不満','やや不満',4,22,22,14.666666666666666,150,5.661552097097416);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R7','sat_bosai','不満','不満',5,-2);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R7','sat_bosai','不満','不満',5,8,8,5.333333333333333,150,3.5959061496425395);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R7','sat_bosai','','無回答',6,5,5,3.3333333333333335,150,NULL);
INSERT INTO question_stats (wave_id, question_id, n, mean, sd, se, ci_low, ci_high, top2_pct, bottom2_pct) VALUES ('R7','sat_bosai',145,0.2206896551724138,0.99630543563347,0.08273866298307095,0.058521875725594724,0.38285743461923283,39.310344827586206,20.689655172413794);
INSERT INTO questions (wave_id, question_id, ord, column_name, kind, is_demographic, field, measure) VALUES ('R7','sat_kotsu',4,'問5(2) 公共交通の満足度','likert',0,'公共交通','satisfaction');
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R7','sat_kotsu','満足','満足',1,2);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R7','sat_kotsu','満足','満足',1,3,3,2.0,150,2.24046661806568);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R7','sat_kotsu','やや満足','やや満足',2,1);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R7','sat_kotsu','やや満足','やや満足',2,12,12,8.0,150,4.34159540568518);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R7','sat_kotsu','どちらともいえない','どちらともいえない',3,0);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R7','sat_kotsu','どちらともいえない','どちらともいえない',3,25,25,16.666666666666668,150,5.9640900706118085);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R7','sat_kotsu','やや不満','やや不満',4,-1);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R7','sat_kotsu','やや不満','やや不満',4,35,35,23.333333333333332,150,6.768651050027401);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R7','sat_kotsu','不満','不満',5,-2);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R7','sat_kotsu','不満','不満',5,70,70,46.666666666666664,150,7.983865210767509);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R7','sat_kotsu','','無回答',6,5,5,3.3333333333333335,150,NULL);
INSERT INTO question_stats (wave_id, question_id, n, mean, sd, se, ci_low, ci_high, top2_pct, bottom2_pct) VALUES ('R7','sat_kotsu',145,-1.0827586206896551,1.0833554374402798,0.08996777215438641,-1.2590954541122525,-0.9064217872670578,10.344827586206897,72.41379310344827);
INSERT INTO questions (wave_id, question_id, ord, column_name, kind, is_demographic, field, measure) VALUES ('R7','imp_bosai',5,'問6(1) 防災対策の重要度','likert',0,'防災対策','importance');
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R7','imp_bosai','重要','重要',1,2);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R7','imp_bosai','重要','重要',1,80,80,53.333333333333336,150,7.983865210767507);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R7','imp_bosai','やや重要','やや重要',2,1);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R7','imp_bosai','やや重要','やや重要',2,45,45,30.0,150,7.333648478076926);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R7','imp_bosai','どちらともいえない','どちらともいえない',3,0);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R7','imp_bosai','どちらともいえない','どちらともいえない',3,18,18,12.0,150,5.200467671277266);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R7','imp_bosai','あまり重要でない','あまり重要でない',4,-1);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R7','imp_bosai','あまり重要でない','あまり重要でない',4,4,4,2.6666666666666665,150,2.5782534427039585);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R7','imp_bosai','重要でない','重要でない',5,-2);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R7','imp_bosai','重要でない','重要でない',5,1,1,0.6666666666666666,150,1.3023038275530248);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R7','imp_bosai','','無回答',6,2,2,1.3333333333333333,150,NULL);
INSERT INTO question_stats (wave_id, question_id, n, mean, sd, se, ci_low, ci_high, top2_pct, bottom2_pct) VALUES ('R7','imp_bosai',148,1.3445945945945945,0.8468656724542961,0.06961192946757835,1.208155212838141,1.481033976351048,84.45945945945945,3.3783783783783785);
INSERT INTO questions (wave_id, question_id, ord, column_name, kind, is_demographic, field, measure) VALUES ('R7','imp_kotsu',6,'問6(2) 公共交通の重要度','likert',0,'公共交通','importance');
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R7','imp_kotsu','重要','重要',1,2);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R7','imp_kotsu','重要','重要',1,50,50,33.333333333333336,150,7.54404351741111);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R7','imp_kotsu','やや重要','やや重要',2,1);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R7','imp_kotsu','やや重要','やや重要',2,55,55,36.666666666666664,150,7.711916704637003);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R7','imp_kotsu','どちらともいえない','どちらともいえない',3,0);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R7','imp_kotsu','どちらともいえない','どちらともいえない',3,30,30,20.0,150,6.401333194473373);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R7','imp_kotsu','あまり重要でない','あまり重要でない',4,-1);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R7','imp_kotsu','あまり重要でない','あまり重要でない',4,8,8,5.333333333333333,150,3.5959061496425395);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES ('R7','imp_kotsu','重要でない','重要でない',5,-2);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R7','imp_kotsu','重要でない','重要でない',5,3,3,2.0,150,2.24046661806568);
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n, moe_pct) VALUES ('R7','imp_kotsu','','無回答',6,4,4,2.6666666666666665,150,NULL);
INSERT INTO question_stats (wave_id, question_id, n, mean, sd, se, ci_low, ci_high, top2_pct, bottom2_pct) VALUES ('R7','imp_kotsu',146,0.9657534246575342,0.9784885146306282,0.08098028566380922,0.8070320647564682,1.1244747845586003,71.91780821917808,7.534246575342466);
-- CS: 偏差値 50 + 10·(x − mean)/SD over the wave's fields (population SD);
-- 重点改善 when importance ≥ 50 and satisfaction < 50. R8's last three fields have
-- no questions in this fixture (the report only reads cs_fields for them).
INSERT INTO cs_fields (wave_id, field, sat_question, imp_question, sat_n, imp_n, sat_score, imp_score, sat_hensachi, imp_hensachi, quadrant) VALUES ('R8','防災対策','sat_bosai','imp_bosai',196,198,0.27040816326530615,1.3737373737373737,58.364253249929696,56.09613073553497,'重点維持');
INSERT INTO cs_fields (wave_id, field, sat_question, imp_question, sat_n, imp_n, sat_score, imp_score, sat_hensachi, imp_hensachi, quadrant) VALUES ('R8','公共交通','sat_kotsu','imp_kotsu',196,197,-0.6428571428571429,1.284263959390863,34.99677085922212,53.10145469252285,'重点改善');
INSERT INTO cs_fields (wave_id, field, sat_question, imp_question, sat_n, imp_n, sat_score, imp_score, sat_hensachi, imp_hensachi, quadrant) VALUES ('R8','子育て支援','sat_kosodate','imp_kosodate',190,188,0.26,1.21,58.09794227743225,50.6158392538882,'重点維持');
INSERT INTO cs_fields (wave_id, field, sat_question, imp_question, sat_n, imp_n, sat_score, imp_score, sat_hensachi, imp_hensachi, quadrant) VALUES ('R8','医療・福祉','sat_iryo','imp_iryo',192,190,0.24,1.47,57.58620746753519,59.318041767002825,'重点維持');
INSERT INTO cs_fields (wave_id, field, sat_question, imp_question, sat_n, imp_n, sat_score, imp_score, sat_hensachi, imp_hensachi, quadrant) VALUES ('R8','行政のデジタル化','sat_digital','imp_digital',191,189,-0.41,0.62,40.954826145880745,30.868533551051158,'改善');
INSERT INTO cs_fields (wave_id, field, sat_question, imp_question, sat_n, imp_n, sat_score, imp_score, sat_hensachi, imp_hensachi, quadrant) VALUES ('R7','防災対策','sat_bosai','imp_bosai',145,148,0.2206896551724138,1.3445945945945945,60.0,60.0,'重点維持');
INSERT INTO cs_fields (wave_id, field, sat_question, imp_question, sat_n, imp_n, sat_score, imp_score, sat_hensachi, imp_hensachi, quadrant) VALUES ('R7','公共交通','sat_kotsu','imp_kotsu',145,146,-1.0827586206896551,0.9657534246575342,40.0,40.0,'改善');
-- wave_changes R7 → R8: shares of base_n; two-proportion test on effective bases
-- (R7 150, R8 n_eff): Wald 95%% interval with unpooled variance, pooled z for p
-- (as analysis/stats.TwoProportions). The area rows are there to be left out:
-- weighting makes demographic shares match in every wave.
INSERT INTO wave_changes (question_id, code, label, wave_from, wave_to, n_from, pct_from, n_to, pct_to, diff_pct, ci_low, ci_high, p_value) VALUES ('area','豊科','豊科','R7','R8',150.0,30.0,195.17767653758608,30.049261083743843,0.049261083743845635,-9.70545834535089,9.803980512838582,0.9921031927353791);
INSERT INTO wave_changes (question_id, code, label, wave_from, wave_to, n_from, pct_from, n_to, pct_to, diff_pct, ci_low, ci_high, p_value) VALUES ('area','穂高','穂高','R7','R8',150.0,28.000000000000004,195.17767653758608,27.093596059113302,-0.906403940886702,-10.42008020981185,8.607272328038446,0.8516790115588648);
INSERT INTO wave_changes (question_id, code, label, wave_from, wave_to, n_from, pct_from, n_to, pct_to, diff_pct, ci_low, ci_high, p_value) VALUES ('area','三郷','三郷','R7','R8',150.0,20.0,195.17767653758608,19.704433497536947,-0.2955665024630544,-8.787823130669807,8.196690125743698,0.9455739992724869);
INSERT INTO wave_changes (question_id, code, label, wave_from, wave_to, n_from, pct_from, n_to, pct_to, diff_pct, ci_low, ci_high, p_value) VALUES ('area','堀金','堀金','R7','R8',150.0,12.0,195.17767653758608,12.31527093596059,0.3152709359605918,-6.634500073180358,7.265041945101541,0.9292544136560709);
INSERT INTO wave_changes (question_id, code, label, wave_from, wave_to, n_from, pct_from, n_to, pct_to, diff_pct, ci_low, ci_high, p_value) VALUES ('area','明科','明科','R7','R8',150.0,8.666666666666668,195.17767653758608,9.852216748768473,1.1855500821018063,-4.958834028951807,7.32993419315542,0.7074621463717266);
INSERT INTO wave_changes (question_id, code, label, wave_from, wave_to, n_from, pct_from, n_to, pct_to, diff_pct, ci_low, ci_high, p_value) VALUES ('live','住み続けたい','住み続けたい','R7','R8',150.0,63.33333333333333,195.17767653758608,64.5320197044335,1.198686371100166,-9.024989446559989,11.42236218876032,0.8180896283082415);
INSERT INTO wave_changes (question_id, code, label, wave_from, wave_to, n_from, pct_from, n_to, pct_to, diff_pct, ci_low, ci_high, p_value) VALUES ('live','どちらともいえない','どちらともいえない','R7','R8',150.0,25.333333333333336,195.17767653758608,25.12315270935961,-0.21018062397372694,-9.455164869901676,9.034803621954222,0.9644455087026468);
INSERT INTO wave_changes (question_id, code, label, wave_from, wave_to, n_from, pct_from, n_to, pct_to, diff_pct, ci_low, ci_high, p_value) VALUES ('live','市外へ移りたい','市外へ移りたい','R7','R8',150.0,8.0,195.17767653758608,8.374384236453201,0.3743842364532013,-5.4524547914491555,6.2012232643555585,0.9000583493167387);
INSERT INTO wave_changes (question_id, code, label, wave_from, wave_to, n_from, pct_from, n_to, pct_to, diff_pct, ci_low, ci_high, p_value) VALUES ('sat_bosai','満足','満足','R7','R8',150.0,8.666666666666668,195.17767653758608,9.35960591133005,0.692939244663382,-5.387368800432756,6.773247289759521,0.8240459987650124);
INSERT INTO wave_changes (question_id, code, label, wave_from, wave_to, n_from, pct_from, n_to, pct_to, diff_pct, ci_low, ci_high, p_value) VALUES ('sat_bosai','やや満足','やや満足','R7','R8',150.0,29.333333333333332,195.17767653758608,30.541871921182267,1.208538587848934,-8.530163586363013,10.947240762060883,0.808128911928184);
INSERT INTO wave_changes (question_id, code, label, wave_from, wave_to, n_from, pct_from, n_to, pct_to, diff_pct, ci_low, ci_high, p_value) VALUES ('sat_bosai','どちらともいえない','どちらともいえない','R7','R8',150.0,38.666666666666664,195.17767653758608,37.93103448275862,-0.7356321839080471,-11.083414690788787,9.612150322972694,0.8891336756887018);
INSERT INTO wave_changes (question_id, code, label, wave_from, wave_to, n_from, pct_from, n_to, pct_to, diff_pct, ci_low, ci_high, p_value) VALUES ('sat_bosai','やや不満','やや不満','R7','R8',150.0,14.666666666666666,195.17767653758608,14.285714285714285,-0.3809523809523818,-7.874568934781339,7.112664172876575,0.920517733137288);
INSERT INTO wave_changes (question_id, code, label, wave_from, wave_to, n_from, pct_from, n_to, pct_to, diff_pct, ci_low, ci_high, p_value) VALUES ('sat_bosai','不満','不満','R7','R8',150.0,5.333333333333334,195.17767653758608,4.433497536945813,-0.8998357963875208,-5.511769088917337,3.7120974961422957,0.6989529586625263);
INSERT INTO wave_changes (question_id, code, label, wave_from, wave_to, n_from, pct_from, n_to, pct_to, diff_pct, ci_low, ci_high, p_value) VALUES ('sat_kotsu','満足','満足','R7','R8',150.0,2.0,195.17767653758608,2.4630541871921183,0.4630541871921183,-2.659158080040151,3.5852664544243877,0.7742503193460213);
INSERT INTO wave_changes (question_id, code, label, wave_from, wave_to, n_from, pct_from, n_to, pct_to, diff_pct, ci_low, ci_high, p_value) VALUES ('sat_kotsu','やや満足','やや満足','R7','R8',150.0,8.0,195.17767653758608,11.822660098522167,3.822660098522167,-2.451760701931402,10.097080898975735,0.24394390789208464);
INSERT INTO wave_changes (question_id, code, label, wave_from, wave_to, n_from, pct_from, n_to, pct_to, diff_pct, ci_low, ci_high, p_value) VALUES ('sat_kotsu','どちらともいえない','どちらともいえない','R7','R8',150.0,16.666666666666664,195.17767653758608,25.615763546798032,8.949096880131366,0.4007793016776187,17.497414458585116,0.04565770284134188);
INSERT INTO wave_changes (question_id, code, label, wave_from, wave_to, n_from, pct_from, n_to, pct_to, diff_pct, ci_low, ci_high, p_value) VALUES ('sat_kotsu','やや不満','やや不満','R7','R8',150.0,23.333333333333332,195.17767653758608,34.48275862068966,11.149425287356324,1.6477507692359907,20.651099805476658,0.02454209168551911);
INSERT INTO wave_changes (question_id, code, label, wave_from, wave_to, n_from, pct_from, n_to, pct_to, diff_pct, ci_low, ci_high, p_value) VALUES ('sat_kotsu','不満','不満','R7','R8',150.0,46.666666666666664,195.17767653758608,22.167487684729064,-24.499178981937604,-34.383584164597224,-14.614773799277984,1.5450255246259928e-06);
INSERT INTO wave_changes (question_id, code, label, wave_from, wave_to, n_from, pct_from, n_to, pct_to, diff_pct, ci_low, ci_high, p_value) VALUES ('imp_bosai','重要','重要','R7','R8',150.0,53.333333333333336,195.17767653758608,54.187192118226605,0.8538587848932688,-9.757619169594978,11.465336739381515,0.8746667800876573);
INSERT INTO wave_changes (question_id, code, label, wave_from, wave_to, n_from, pct_from, n_to, pct_to, diff_pct, ci_low, ci_high, p_value) VALUES ('imp_bosai','やや重要','やや重要','R7','R8',150.0,30.0,195.17767653758608,29.55665024630542,-0.4433497536945774,-10.17797332371025,9.291273816321095,0.9288319548056484);
INSERT INTO wave_changes (question_id, code, label, wave_from, wave_to, n_from, pct_from, n_to, pct_to, diff_pct, ci_low, ci_high, p_value) VALUES ('imp_bosai','どちらともいえない','どちらともいえない','R7','R8',150.0,12.0,195.17767653758608,10.83743842364532,-1.1625615763546788,-7.949609336239368,5.62448618353001,0.735642137823241);
INSERT INTO wave_changes (question_id, code, label, wave_from, wave_to, n_from, pct_from, n_to, pct_to, diff_pct, ci_low, ci_high, p_value) VALUES ('imp_bosai','あまり重要でない','あまり重要でない','R7','R8',150.0,2.666666666666667,195.17767653758608,1.9704433497536946,-0.6962233169129722,-3.928762715152321,2.5363160813263765,0.6670421425582981);
INSERT INTO wave_changes (question_id, code, label, wave_from, wave_to, n_from, pct_from, n_to, pct_to, diff_pct, ci_low, ci_high, p_value) VALUES ('imp_bosai','重要でない','重要でない','R7','R8',150.0,0.6666666666666667,195.17767653758608,0.9852216748768473,0.31855500821018057,-1.5830391805693937,2.2201491969897553,0.7488385127647057);
INSERT INTO wave_changes (question_id, code, label, wave_from, wave_to, n_from, pct_from, n_to, pct_to, diff_pct, ci_low, ci_high, p_value) VALUES ('imp_kotsu','重要','重要','R7','R8',150.0,33.33333333333333,195.17767653758608,49.26108374384236,15.927750410509034,5.626862440103675,26.228638380914393,0.002989602387737078);
INSERT INTO wave_changes (question_id, code, label, wave_from, wave_to, n_from, pct_from, n_to, pct_to, diff_pct, ci_low, ci_high, p_value) VALUES ('imp_kotsu','やや重要','やや重要','R7','R8',150.0,36.666666666666664,195.17767653758608,30.541871921182267,-6.1247947454843965,-16.186003068886183,3.93641357791739,0.23101857749684945);
INSERT INTO wave_changes (question_id, code, label, wave_from, wave_to, n_from, pct_from, n_to, pct_to, diff_pct, ci_low, ci_high, p_value) VALUES ('imp_kotsu','どちらともいえない','どちらともいえない','R7','R8',150.0,20.0,195.17767653758608,13.793103448275861,-6.206896551724139,-14.230664149434508,1.8168710459862278,0.1234655419311794);
INSERT INTO wave_changes (question_id, code, label, wave_from, wave_to, n_from, pct_from, n_to, pct_to, diff_pct, ci_low, ci_high, p_value) VALUES ('imp_kotsu','あまり重要でない','あまり重要でない','R7','R8',150.0,5.333333333333334,195.17767653758608,2.4630541871921183,-2.870279146141215,-7.072547558799555,1.331989266517124,0.1619598317073969);
INSERT INTO wave_changes (question_id, code, label, wave_from, wave_to, n_from, pct_from, n_to, pct_to, diff_pct, ci_low, ci_high, p_value) VALUES ('imp_kotsu','重要でない','重要でない','R7','R8',150.0,2.0,195.17767653758608,0.9852216748768473,-1.0147783251231528,-3.649119963219407,1.619563312973101,0.4305768029332417);
-- Policy codes under the pillars of 地方創生2.0, a city's own heading (環境) and none (その他).
UPDATE codes SET pillar = '安心して働き、暮らせる地方の生活環境の創生' WHERE code_id IN ('kotsu', 'kosodate', 'bosai');
UPDATE codes SET pillar = '環境' WHERE code_id = 'kankyo';
INSERT INTO codes (code_id, label, pillar) VALUES ('chiiki','地域活力','稼ぐ力を高め、付加価値創出型の新しい地方経済の創生'),('gyosei','行財政',NULL);
INSERT INTO doc_codes (doc_id, code_id) VALUES (18,'chiiki'),(16,'chiiki'),(9,'gyosei');
-- Codes × area (crosstab 6, documents): row % of the group's 14/16/12 documents;
-- Haberman's adjusted residual on the mentions table (row sums [15, 19, 15], column sums [16, 17, 9, 7]);
-- cells under 5 are suppressed (min_cell).
INSERT INTO crosstabs (crosstab_id, wave_id, row_question, col_question, weighted, n, chi2, df, p_value, cramers_v) VALUES (6,'R8','area','@codes',0,42,NULL,NULL,NULL,NULL);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (6,'豊科','kotsu',3,3,21.428571428571427,-1.2545238992955627,1);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (6,'豊科','kankyo',6,6,42.857142857142854,0.5182963007424632,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (6,'豊科','kosodate',4,4,28.571428571428573,0.9965326597999334,1);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (6,'豊科','bosai',2,2,14.285714285714286,-0.12654276706088272,1);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (6,'穂高','kotsu',4,4,25.0,-1.3780577136683922,1);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (6,'穂高','kankyo',10,10,62.5,2.0993151187966643,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (6,'穂高','kosodate',3,3,18.75,-0.3708690599782123,1);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (6,'穂高','bosai',2,2,12.5,-0.5984873720496733,1);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (6,'明科','kotsu',9,9,75.0,2.7113903629936353,0);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (6,'明科','kankyo',1,1,8.333333333333334,-2.737667639819164,1);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (6,'明科','kosodate',2,2,16.666666666666668,-0.6044542362720909,1);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES (6,'明科','bosai',3,3,25.0,0.7592566023652967,1);
-- Code shares among respondents who wrote free text (question_id '@codes'):
-- R7 had no free text in this fixture, so its writers are invented (80, of
-- whom 8 and 30 wrote on 公共交通 and 自然環境・景観); R8: 12 writers, 6 and 3.
-- Same test as above, unweighted: 公共交通 +40.0 points (p < 0.001), 自然環境・景観 −12.5 (p = 0.40).
INSERT INTO wave_changes (question_id, code, label, wave_from, wave_to, n_from, pct_from, n_to, pct_to, diff_pct, ci_low, ci_high, p_value) VALUES ('@codes','kotsu','公共交通','R7','R8',80.0,10.0,12.0,50.0,40.0,10.9560448056169,69.04395519438312,0.00032152174727029064);
INSERT INTO wave_changes (question_id, code, label, wave_from, wave_to, n_from, pct_from, n_to, pct_to, diff_pct, ci_low, ci_high, p_value) VALUES ('@codes','kankyo','自然環境・景観','R7','R8',80.0,37.5,12.0,25.0,-12.5,-39.19825602918663,14.198256029186629,0.3998482082163019);
-- Third part: what the analysis records about the free text and the word
-- maps. Duplicates: doc 14 (a workshop voice) repeats doc 8, and docs 21–25
-- are one 32-character template comment sent five times, a possible
-- campaign; docs 26–27 are 特になし. The themes count a group once
-- ([themes] duplicates default), so 子育て holds docs 8, 9, 20 (3) and
-- 公共交通 gains the campaign as one (8): 20 themed units of 25 themed docs.
UPDATE docs SET dup_of = 8, group_size = 2 WHERE doc_id IN (8, 14);
UPDATE docs SET group_size = 1 WHERE doc_id BETWEEN 1 AND 20 AND group_size IS NULL;
UPDATE themes SET n_docs = 3 WHERE theme_id = 3;
UPDATE themes SET n_docs = 8 WHERE theme_id = 2;
WITH RECURSIVE s(i) AS (SELECT 21 UNION ALL SELECT i+1 FROM s WHERE i<25)
INSERT INTO docs (doc_id, wave_id, source, respondent_id, question_id, line, text, text_masked, dup_of, group_size, non_answer)
SELECT i, 'R8', 'survey', CAST(139 + i AS TEXT), 'free_future', 100 + i,
  '【未マスク】駅前の再開発より先に、路線バスの本数を今の倍に増やしてください。お願いします。',
  '駅前の再開発より先に、路線バスの本数を今の倍に増やしてください。お願いします。', 21, 5, 0 FROM s;
INSERT INTO doc_themes SELECT doc_id, 2, 0.84 FROM docs WHERE doc_id BETWEEN 21 AND 25;
INSERT INTO doc_codes SELECT doc_id, 'kotsu' FROM docs WHERE doc_id BETWEEN 21 AND 25;
INSERT INTO docs (doc_id, wave_id, source, respondent_id, question_id, line, text, text_masked, dup_of, group_size, non_answer) VALUES
  (26,'R8','survey','170','free_future',126,'【未マスク】特になし','特になし',26,2,1),
  (27,'R8','survey','171','free_future',127,'【未マスク】特になし。','特になし。',26,2,1);
-- Content words of the survey documents (the network and the
-- correspondence analysis are built from docs 1–12 and 21: survey, not a
-- non-answer, a group once, with words).
INSERT INTO doc_terms (doc_id, term, pos, n) VALUES (1,'北アルプス','名詞',1),(1,'わさび','名詞',1),(2,'田園','名詞',1),(3,'景観','名詞',1),
  (4,'バス','名詞',1),(4,'駅','名詞',1),(5,'バス','名詞',1),(5,'駅','名詞',1),(6,'デマンド交通','名詞',1),
  (7,'デマンド交通','名詞',1),(8,'公園','名詞',1),(9,'保育園','名詞',1),(10,'川','名詞',1),(11,'避難所','名詞',1),(12,'水','名詞',1);
INSERT INTO doc_terms SELECT doc_id, 'バス', '名詞', 1 FROM docs WHERE doc_id BETWEEN 21 AND 25;
-- Demographic answers (v_demographics), matching the tallies: respondents
-- 1–61 豊科, 62–116 穂高, 117–156 三郷, 157–181 堀金, 182–201 明科;
-- 1–49 18〜39歳, 50–130 40〜64歳, 131–201 65歳以上; 1–95 男性, 96–199 女性.
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM s WHERE i<201)
INSERT INTO answers (wave_id, respondent_id, question_id, code) SELECT 'R8', CAST(i AS TEXT), 'area',
  CASE WHEN i <= 61 THEN '豊科' WHEN i <= 116 THEN '穂高' WHEN i <= 156 THEN '三郷' WHEN i <= 181 THEN '堀金' ELSE '明科' END FROM s;
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM s WHERE i<201)
INSERT INTO answers (wave_id, respondent_id, question_id, code) SELECT 'R8', CAST(i AS TEXT), 'age',
  CASE WHEN i <= 49 THEN '18〜39歳' WHEN i <= 130 THEN '40〜64歳' ELSE '65歳以上' END FROM s;
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM s WHERE i<199)
INSERT INTO answers (wave_id, respondent_id, question_id, code) SELECT 'R8', CAST(i AS TEXT), 'sex',
  CASE WHEN i <= 95 THEN '男性' ELSE '女性' END FROM s;
-- Privacy masking: R8 replaced two names (docs 2 and 15) and a phone number
-- (doc 5); R7 had nothing to mask.
INSERT INTO masking (wave_id, kind, n, docs) VALUES ('R8','氏名',2,2),('R8','電話番号',1,1),('R8','メール',0,0),('R8','郵便番号',0,0),('R8','住所',0,0),('R8','番号',0,0),
  ('R7','氏名',0,0),('R7','電話番号',0,0),('R7','メール',0,0),('R7','郵便番号',0,0),('R7','住所',0,0),('R7','番号',0,0);
-- Benjamini–Hochberg within each family (wave, row question): area has
-- p = 0.000882, 0.4778, 0.7196 (tables 1, 4, 3) → p·3/1 = 0.002646,
-- min(p·3/2 = 0.7166, 0.7196) = 0.7166, 0.7196; age has table 2 alone.
UPDATE crosstabs SET p_adj = 0.002645775451256549 WHERE crosstab_id = 1;
UPDATE crosstabs SET p_adj = 0.20542228359412318 WHERE crosstab_id = 2;
UPDATE crosstabs SET p_adj = 0.719613015311416 WHERE crosstab_id = 3;
UPDATE crosstabs SET p_adj = 0.716634589489451 WHERE crosstab_id = 4;
-- Co-occurrence network of R8 (invented positions): freq = documents with
-- the term, jaccard = both / (freq a + freq b − both), e.g. バス–駅 3/(5+3−3) = 0.6.
INSERT INTO cooc_nodes (wave_id, term, freq, community, x, y) VALUES ('R8','バス',5,1,0.2,0.3),('R8','駅',3,1,0.35,0.15),('R8','本数',2,1,0.3,0.5),
  ('R8','景観',2,2,0.7,0.3),('R8','北アルプス',2,2,0.88,0.15),('R8','水',3,2,0.8,0.5),
  ('R8','公園',2,3,0.5,0.85),('R8','子ども',2,3,0.68,0.9);
INSERT INTO cooc_edges (wave_id, a, b, both_n, jaccard) VALUES ('R8','バス','駅',3,0.6),('R8','バス','本数',2,0.4),('R8','本数','駅',1,0.25),
  ('R8','北アルプス','景観',1,0.3333333333333333),('R8','北アルプス','水',2,0.6666666666666666),('R8','景観','水',1,0.25),
  ('R8','公園','子ども',2,1.0),('R8','景観','駅',1,0.25);
-- Correspondence analysis of R8 (invented coordinates): terms by area
-- (two dimensions) and by sex (two groups, so one dimension, dim2 = 0).
INSERT INTO ca_points (wave_id, question_id, kind, ord, label, mass, dim1, dim2, contribution, labelled) VALUES
  ('R8','area','group',1,'豊科',0.30,-0.30,0.20,0.25,1),('R8','area','group',2,'穂高',0.27,0.10,-0.35,0.20,1),
  ('R8','area','group',3,'三郷',0.20,-0.05,0.05,0.01,1),('R8','area','group',4,'堀金',0.12,0.25,0.30,0.14,1),
  ('R8','area','group',5,'明科',0.11,0.60,-0.10,0.40,1),
  ('R8','area','term',1,'バス',0.30,0.45,-0.20,0.21,1),('R8','area','term',2,'駅',0.12,0.50,-0.05,0.12,1),
  ('R8','area','term',3,'景観',0.10,-0.40,0.25,0.18,1),('R8','area','term',4,'公園',0.10,0.05,-0.50,0.15,1),
  ('R8','area','term',5,'避難所',0.10,0.30,0.40,0.09,1),('R8','area','term',6,'水',0.10,-0.10,0.02,0.01,0),
  ('R8','area','term',7,'デマンド交通',0.10,0.55,-0.12,0.10,1),('R8','area','term',8,'田園',0.08,-0.42,0.22,0.02,0),
  ('R8','sex','group',1,'男性',0.48,-0.15,0,0.5,1),('R8','sex','group',2,'女性',0.52,0.14,0,0.5,1),
  ('R8','sex','term',1,'公園',0.40,0.40,0,0.35,1),('R8','sex','term',2,'バス',0.45,-0.30,0,0.25,1),
  ('R8','sex','term',3,'景観',0.15,-0.05,0,0.02,0);
INSERT INTO ca_inertia (wave_id, question_id, dim, inertia, inertia_pct) VALUES ('R8','area',1,0.12,45.2),('R8','area',2,0.08,30.1),('R8','area',3,0.04,15.0),('R8','area',4,0.026,9.7),
  ('R8','sex',1,0.05,100.0);
-- Distinctive words (特徴語) of R8. Group sizes are invented (120 writers
-- by area, 118 by age); g2, p_value, jaccard and the shares were computed
-- from the counts in R (2·Σ O·ln(O/E), pchisq(g2, 1, lower.tail = FALSE)),
-- and p_adj with p.adjust(…, "BH") over each question's rows shown here.
-- 三郷 and 堀金 have no word; sex has none at all (no table). 常念岳 has 3
-- writers in 明科, below min_cell: the analysis never writes such a row,
-- and the report must not show it if one is there. 明科's 駅 has 4 other
-- writers (fewer than min_cell), so its other share prints as x.
INSERT INTO distinctive_groups (wave_id, question_id, code, label, ord, group_size, other_size, min_docs, tests) VALUES
  ('R8','area','豊科','豊科',1,36,84,5,14), ('R8','area','穂高','穂高',2,32,88,5,14), ('R8','area','三郷','三郷',3,24,96,5,14),
  ('R8','area','堀金','堀金',4,16,104,5,14), ('R8','area','明科','明科',5,12,108,5,14),
  ('R8','age','18〜39歳','18〜39歳',1,30,88,5,9), ('R8','age','40〜64歳','40〜64歳',2,38,80,5,9), ('R8','age','65歳以上','65歳以上',3,50,68,5,9),
  ('R8','sex','男性','男性',1,55,63,5,4), ('R8','sex','女性','女性',2,63,55,5,4);
INSERT INTO distinctive_terms (wave_id, question_id, code, label, term_rank, term, docs_in_group, group_size, docs_other, other_size, pct_group, pct_other, g2, p_value, p_adj, jaccard) VALUES
  ('R8','area','豊科','豊科',1,'バス',15,36,12,84,41.666666666666664,14.285714285714286,10.15786515310911,0.0014368691213750729,0.0019158254951667638,0.3125),
  ('R8','area','穂高','穂高',1,'景観',10,32,8,88,31.25,9.0909090909090917,8.084699968436226,0.0044640520901049066,0.0044640520901049066,0.25),
  ('R8','area','明科','明科',1,'デマンド交通',5,12,0,108,41.666666666666664,0,25.268611236005903,4.98759682856232e-07,1.995038731424928e-06,0.41666666666666669),
  ('R8','area','明科','明科',2,'駅',6,12,4,108,50,3.7037037037037037,17.988420451573074,2.2225282404272244e-05,4.4450564808544488e-05,0.375),
  ('R8','area','明科','明科',3,'常念岳',3,12,0,108,25,0,14.9,0.0001,0.0002,0.25),
  ('R8','age','18〜39歳','18〜39歳',1,'子育て',9,30,6,88,30,6.8181818181818183,9.4258264761418431,0.0021395065153240996,0.0042790130306481992,0.25),
  ('R8','age','65歳以上','65歳以上',1,'除雪',8,50,5,68,16,7.3529411764705879,2.170533352406343,0.14067743617987358,0.14067743617987358,0.14545454545454545);
