-- Fixture for the CSV exports: one small wave, counts invented and kept
-- self-consistent so every expected number can be worked out by hand.
-- Labels carry formula-injection payloads; quarantine.raw carries a
-- secret that must never reach a CSV.
INSERT INTO runs (run_id, stage, started_at, finished_at, koe_version, config_sha256, seed)
  VALUES (1,'analyze','2026-05-01T09:00:00Z','2026-05-01T09:00:05Z','v0.3.0','ab',1);
INSERT INTO waves (wave_id, ord, label, source_path, source_sha256, encoding, rows_read, rows_loaded, rows_quarantined)
  VALUES ('R8',1,'令和8年度 市民意識調査','r8/survey.csv','3a7b','cp932',23,20,3);
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM s WHERE i<20)
  INSERT INTO respondents (wave_id, respondent_id, line, weight) SELECT 'R8', CAST(i AS TEXT), i+1, 1.0 FROM s;

INSERT INTO questions (wave_id, question_id, ord, column_name, kind, is_demographic) VALUES
  ('R8','area',1,'お住まいの地区','single',1),
  ('R8','live',2,'問1 住み続けたいですか','single',0),
  ('R8','info_source',3,'問9_広報あづみの; 問9_市ホームページ','multi',0),
  ('R8','sat_kotsu',4,'問5(2) 公共交通の満足度','likert',0),
  ('R8','市の印象',5,'=問6 市の印象','single',0),
  ('R8','free',6,'問20 自由意見','text',0);
INSERT INTO options (wave_id, question_id, code, label, ord, score) VALUES
  ('R8','area','豊科','豊科',1,NULL), ('R8','area','穂高','穂高',2,NULL), ('R8','area','明科','明科',3,NULL),
  ('R8','live','1','住み続けたい',1,NULL), ('R8','live','2','移りたい',2,NULL),
  ('R8','info_source','広報','広報あづみの',1,NULL), ('R8','info_source','HP','市ホームページ',2,NULL),
  ('R8','sat_kotsu','満足','満足',1,2), ('R8','sat_kotsu','不満','不満',2,-2),
  ('R8','市の印象','a','=HYPERLINK("http://evil.example","押す")',1,NULL),
  ('R8','市の印象','b','+1',2,NULL),
  ('R8','市の印象','c','-2',3,NULL),
  ('R8','市の印象','d','@SUM(A1:A9)',4,NULL),
  ('R8','市の印象','e',char(9) || 'tab',5,NULL),
  ('R8','市の印象','f',char(13) || 'cr',6,NULL);

-- 単純集計 over all 20 respondents. area: 8 + 7 + 4 + 1 無回答; live: 12 + 7 + 1.
INSERT INTO tallies (wave_id, question_id, code, label, ord, n, weighted_n, pct, base_n) VALUES
  ('R8','area','豊科','豊科',1,8,8,40.0,20), ('R8','area','穂高','穂高',2,7,7,35.0,20),
  ('R8','area','明科','明科',3,4,4,20.0,20), ('R8','area','','無回答',4,1,1,5.0,20),
  ('R8','live','1','住み続けたい',1,12,12,60.0,20), ('R8','live','2','移りたい',2,7,7,35.0,20),
  ('R8','live','','無回答',3,1,1,5.0,20),
  ('R8','info_source','広報','広報あづみの',1,13,13,65.0,20), ('R8','info_source','HP','市ホームページ',2,9,9,45.0,20),
  ('R8','info_source','','無回答',3,2,2,10.0,20),
  ('R8','sat_kotsu','満足','満足',1,5,5,25.0,20), ('R8','sat_kotsu','不満','不満',2,14,14,70.0,20),
  ('R8','sat_kotsu','','無回答',3,1,1,5.0,20),
  ('R8','市の印象','a','=HYPERLINK("http://evil.example","押す")',1,3,3,15.0,20),
  ('R8','市の印象','b','+1',2,3,3,15.0,20), ('R8','市の印象','c','-2',3,3,3,15.0,20),
  ('R8','市の印象','d','@SUM(A1:A9)',4,3,3,15.0,20), ('R8','市の印象','e',char(9) || 'tab',5,3,3,15.0,20),
  ('R8','市の印象','f',char(13) || 'cr',6,5,5,25.0,20);
-- sat_kotsu: 5 × (+2) + 14 × (−2) over 19 = −18/19 = −0.947… → −0.95.
INSERT INTO question_stats (wave_id, question_id, n, mean, sd, se, ci_low, ci_high, top2_pct, bottom2_pct)
  VALUES ('R8','sat_kotsu',19,-0.9473684210526315,1.8,0.41,-1.81,-0.08,26.315789473684212,73.68421052631579);

-- live × area, 19 answered both. 豊科 8: 7 + 1; 穂高 7: 4 + 3; 明科 4: 1 + 3.
-- Row %: 7/8 = 87.5, 1/8 = 12.5, 4/7 = 57.142…, 3/7 = 42.857…, 1/4 = 25, 3/4 = 75.
-- Cells under min_cell are suppressed as the analysis decided (flag set).
INSERT INTO crosstabs (crosstab_id, wave_id, row_question, col_question, weighted, n, chi2, df, p_value, cramers_v)
  VALUES (1,'R8','area','live',0,19,4.60,2,0.1003,0.492);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES
  (1,'豊科','1',7,7,87.5,2.05,0), (1,'豊科','2',1,1,12.5,-2.05,1),
  (1,'穂高','1',4,4,57.142857142857146,-0.3,0), (1,'穂高','2',3,3,42.857142857142854,0.3,1),
  (1,'明科','1',1,1,25.0,-2.1,1), (1,'明科','2',3,3,75.0,2.1,1);
-- themes × area with a hostile theme label.
INSERT INTO crosstabs (crosstab_id, wave_id, row_question, col_question, weighted, n, chi2, df, p_value, cramers_v)
  VALUES (2,'R8','area','@themes',0,6,NULL,NULL,NULL,NULL);
INSERT INTO crosstab_cells (crosstab_id, row_code, col_code, n, weighted_n, row_pct, adj_residual, suppressed) VALUES
  (2,'豊科','1',3,3,75.0,NULL,0), (2,'豊科','2',1,1,25.0,NULL,0), (2,'穂高','1',1,1,50.0,NULL,0), (2,'穂高','2',1,1,50.0,NULL,0);

INSERT INTO themes (wave_id, theme_id, parent_id, label, n_docs, top_terms) VALUES
  ('R8',1,NULL,'=cmd|'' /C calc''!A0',4,'バス、本数'),
  ('R8',2,NULL,'自然・景観',2,'-北アルプス、水'),
  ('R8',3,1,'デマンド交通',1,'予約');
INSERT INTO docs (doc_id, wave_id, source, respondent_id, question_id, text, text_masked) VALUES
  (1,'R8','survey','1','free','バス','バス'), (2,'R8','survey','2','free','バス','バス'),
  (3,'R8','survey','3','free','バス','バス'), (4,'R8','survey','4','free','予約','予約'),
  (5,'R8','survey','5','free','山','山'), (6,'R8','survey','6','free','水','水');
INSERT INTO doc_themes (doc_id, theme_id, weight) VALUES (1,1,0.9),(2,1,0.8),(3,1,0.7),(4,3,0.9),(5,2,0.9),(6,2,0.8);
INSERT INTO codes (code_id, label, pillar) VALUES ('kotsu','公共交通','暮らし'), ('kankyo','+自然環境','環境');
INSERT INTO doc_codes (doc_id, code_id) VALUES (1,'kotsu'),(2,'kotsu'),(3,'kotsu'),(4,'kotsu'),(5,'kankyo');

INSERT INTO quarantine (wave_id, source_path, line, col, column_name, reason, raw) VALUES
  ('R8','r8/survey.csv',18,3,'年代','"45歳" is not one of the options of age','秘密の住所 安曇野市穂高1-2-3'),
  ('R8','r8/survey.csv',9,NULL,NULL,'=the row has 16 cells but the header has 43','山田花子,090-1234-5678'),
  ('R8','r8/survey.csv',12,7,'問5(2)','-"たくさん" is not a number','たくさん');

-- Distinctive words by area: 6 writers in 豊科 and 穂高, none in 明科.
-- g2, p_value: R, 2·Σ O·ln(O/E) and pchisq(g2, 1, lower.tail = FALSE) on
-- (5 of 6 against 1 of 6) and (5 of 6 against 0 of 6); p_adj:
-- p.adjust(c(0.0158…, 0.000964…), "BH"). 豊科's バス has one other writer
-- (fewer than min_docs): its other share is x. 穂高's word is a formula.
-- 駅 (3 writers, below min_docs) must never be written.
INSERT INTO distinctive_groups (wave_id, question_id, code, label, ord, group_size, other_size, min_docs, tests) VALUES
  ('R8','area','豊科','豊科',1,6,6,5,2), ('R8','area','穂高','穂高',2,6,6,5,2), ('R8','area','明科','明科',3,0,12,5,2);
INSERT INTO distinctive_terms (wave_id, question_id, code, label, term_rank, term, docs_in_group, group_size, docs_other, other_size, pct_group, pct_other, g2, p_value, p_adj, jaccard) VALUES
  ('R8','area','豊科','豊科',1,'バス',5,6,1,6,83.333333333333329,16.666666666666668,5.8220633206473744,0.015826368796540199,0.0158263687965401988,0.7142857142857143),
  ('R8','area','豊科','豊科',2,'駅',3,6,0,6,50,0,4.1,0.04,0.04,0.5),
  ('R8','area','穂高','穂高',1,'=SUM(1,2)',5,6,0,6,83.333333333333329,0,10.893903877400959,0.0009648126673914108,0.0019296253347828216,0.83333333333333337);
