-- koe database schema (tables: PRAGMA user_version 1; views.sql adds version 2, keyness.sql version 3).
-- Every table and column has a comment; `koe help schema` prints this file.
-- Codes are option codes as written in the codebook; for options given as
-- plain labels the code is the label itself (code = '穂高').

-- One row per pipeline stage run (ingest, analyze, report).
CREATE TABLE runs (
  run_id        INTEGER PRIMARY KEY, -- increasing run number
  stage         TEXT NOT NULL,       -- 'ingest', 'analyze' or 'report'
  started_at    TEXT NOT NULL,       -- UTC, RFC 3339 (the only wall-clock time koe stores)
  finished_at   TEXT,                -- UTC, RFC 3339; NULL while running or after a crash
  koe_version   TEXT NOT NULL,       -- version of the koe binary
  config_sha256 TEXT NOT NULL,       -- SHA-256 of koe.toml as read
  seed          INTEGER NOT NULL     -- seed of every random step
);

-- One row per survey wave, in the order of koe.toml.
CREATE TABLE waves (
  wave_id          TEXT PRIMARY KEY, -- id from koe.toml, e.g. 'R8'
  ord              INTEGER NOT NULL, -- position in koe.toml (waves compare in this order)
  label            TEXT NOT NULL,    -- label from koe.toml
  source_path      TEXT,             -- survey file, relative to the study directory
  source_sha256    TEXT,             -- SHA-256 of the survey file's bytes
  encoding         TEXT,             -- encoding the file was read as
  fieldwork        TEXT,             -- survey period (koe.toml fieldwork), as printed
  distributed      INTEGER,          -- questionnaires sent out (koe.toml distributed); 回収率 = rows_read / distributed
  rows_read        INTEGER NOT NULL, -- data rows read (header rows excluded)
  rows_loaded      INTEGER NOT NULL, -- rows loaded as respondents
  rows_quarantined INTEGER NOT NULL  -- rows set aside in quarantine; rows_read = rows_loaded + rows_quarantined
);

-- Questions of each wave's codebook.
CREATE TABLE questions (
  wave_id        TEXT NOT NULL,    -- wave
  question_id    TEXT NOT NULL,    -- id from the codebook
  ord            INTEGER NOT NULL, -- position in the codebook
  column_name    TEXT NOT NULL,    -- header text (or '#N' for a column number; '; '-joined for 0/1 columns)
  title          TEXT,             -- what reports call the question: codebook title, else the header (the shared part of 0/1 columns' headers)
  kind           TEXT NOT NULL,    -- single, multi, likert, number or text
  is_demographic INTEGER NOT NULL, -- 1 when crossed with every other question
  field          TEXT,             -- policy field of a satisfaction/importance pair (codebook field), or NULL
  measure        TEXT,             -- 'satisfaction' or 'importance' (codebook measure), or NULL
  PRIMARY KEY (wave_id, question_id)
);

-- Answer options of single, multi and likert questions.
CREATE TABLE options (
  wave_id     TEXT NOT NULL,    -- wave
  question_id TEXT NOT NULL,    -- question
  code        TEXT NOT NULL,    -- code stored in answers.code
  label       TEXT NOT NULL,    -- label printed in the report
  ord         INTEGER NOT NULL, -- position in the codebook (1-based)
  score       REAL,             -- likert score (e.g. 2 … -2), NULL otherwise
  PRIMARY KEY (wave_id, question_id, code)
);

-- Loaded respondents (quarantined rows are not here).
CREATE TABLE respondents (
  wave_id       TEXT NOT NULL,  -- wave
  respondent_id TEXT NOT NULL,  -- id_column value, or the data row number
  line          INTEGER,        -- physical line in the survey file
  weight        REAL NOT NULL,  -- survey weight (1.0 when unweighted)
  PRIMARY KEY (wave_id, respondent_id)
);

-- Closed answers: one row per chosen option of a multi question, one per
-- single/likert answer, one per number answer. No row = 無回答 (no answer).
CREATE TABLE answers (
  wave_id       TEXT NOT NULL, -- wave
  respondent_id TEXT NOT NULL, -- respondent
  question_id   TEXT NOT NULL, -- question
  code          TEXT,          -- option code (NULL for number questions)
  value_num     REAL           -- number, or the option's score for likert
);
CREATE INDEX answers_r ON answers (wave_id, respondent_id);

-- Input rows that were not loaded, with where and why.
CREATE TABLE quarantine (
  wave_id     TEXT NOT NULL,  -- wave
  source_path TEXT NOT NULL,  -- file, relative to the study directory
  line        INTEGER NOT NULL, -- 1-based physical line
  col         INTEGER,        -- 1-based column (NULL when the whole row is at fault)
  column_name TEXT,           -- header of the faulty column
  reason      TEXT NOT NULL,  -- why the row was set aside
  raw         TEXT            -- the raw cell or row
);

-- Workshops (transcripts and sticky-note files).
CREATE TABLE workshops (
  wave_id     TEXT NOT NULL, -- wave
  workshop_id TEXT NOT NULL, -- id from front matter, or the file name
  title       TEXT,          -- title from front matter
  date        TEXT,          -- date from front matter
  area        TEXT,          -- district from front matter
  source_path TEXT NOT NULL, -- file, relative to the study directory
  kind        TEXT NOT NULL, -- 'transcript' or 'notes'
  skipped     INTEGER NOT NULL DEFAULT 0, -- empty notes or utterances read but not loaded
  frames      INTEGER NOT NULL DEFAULT 0, -- whiteboard rows that are not notes (frame titles, shapes), dropped
  PRIMARY KEY (wave_id, workshop_id)
);

-- What privacy masking replaced in each wave's free text, by kind.
CREATE TABLE masking (
  wave_id TEXT NOT NULL,    -- wave
  kind    TEXT NOT NULL,    -- 氏名, 電話番号, メール, 郵便番号, 住所 or 番号
  n       INTEGER NOT NULL, -- replacements made
  docs    INTEGER NOT NULL, -- documents with at least one
  PRIMARY KEY (wave_id, kind)
);

-- Free-text documents: survey answers, workshop utterances, sticky notes.
CREATE TABLE docs (
  doc_id        INTEGER PRIMARY KEY, -- document number
  wave_id       TEXT NOT NULL,       -- wave
  source        TEXT NOT NULL,       -- 'survey' or 'workshop'
  respondent_id TEXT,                -- survey docs: respondent
  question_id   TEXT,                -- survey docs: question
  workshop_id   TEXT,                -- workshop docs: workshop
  grp           TEXT,                -- workshop docs: group
  speaker       TEXT,                -- workshop docs: pseudonym (参加者1 …)
  line          INTEGER,             -- physical line in the source file
  text          TEXT NOT NULL,       -- the text as written (staff only; never in reports)
  text_masked   TEXT,                -- text with names, phones, e-mails, addresses masked (what reports show)
  dup_of        INTEGER,             -- doc_id of the first of its group of (near-)identical documents; NULL when it stands alone
  group_size    INTEGER,             -- documents in that group (1 when alone): how many comments one voice stood for
  non_answer    INTEGER NOT NULL DEFAULT 0 -- 1 for 特になし-type non-answers: kept out of themes
);
CREATE INDEX docs_wave ON docs (wave_id, source, question_id);

-- Content words of each document (base forms), counted.
CREATE TABLE doc_terms (
  doc_id INTEGER NOT NULL, -- document
  term   TEXT NOT NULL,    -- base form (or joined compound noun)
  pos    TEXT NOT NULL,    -- part of speech (IPA tag, e.g. 名詞)
  n      INTEGER NOT NULL  -- occurrences in the document
);
CREATE INDEX doc_terms_doc ON doc_terms (doc_id);

-- Themes found in each wave's free text.
CREATE TABLE themes (
  wave_id   TEXT NOT NULL,    -- wave
  theme_id  INTEGER NOT NULL, -- theme number (unique across waves)
  parent_id INTEGER,          -- broader theme (大テーマ), NULL for top level
  label     TEXT NOT NULL,    -- label from distinctive words
  n_docs    INTEGER NOT NULL, -- documents whose primary theme this is (a group of duplicates counts once unless [themes] duplicates = "each")
  top_terms TEXT NOT NULL,    -- distinctive words, '、'-separated
  PRIMARY KEY (theme_id)
);

-- Documents' themes; every analysed document has its primary theme here.
CREATE TABLE doc_themes (
  doc_id   INTEGER NOT NULL, -- document
  theme_id INTEGER NOT NULL, -- theme
  weight   REAL NOT NULL     -- membership (cosine similarity to the theme centre)
);
CREATE INDEX doc_themes_theme ON doc_themes (theme_id);

-- Coding rules: the plan's policy areas and other codes.
CREATE TABLE codes (
  code_id TEXT PRIMARY KEY, -- code name
  label   TEXT NOT NULL,    -- label printed in the report
  pillar  TEXT              -- 地方創生2.0 pillar or plan area the code belongs to
);

-- Documents that match each code.
CREATE TABLE doc_codes (
  doc_id  INTEGER NOT NULL, -- document
  code_id TEXT NOT NULL     -- code
);

-- Cross tabulations: a question (rows) by a demographic (columns).
CREATE TABLE crosstabs (
  crosstab_id  INTEGER PRIMARY KEY, -- table number
  wave_id      TEXT NOT NULL,       -- wave
  row_question TEXT NOT NULL,       -- question in the rows (a demographic)
  col_question TEXT NOT NULL,       -- question in the columns
  weighted     INTEGER NOT NULL,    -- 1 when cells use respondents.weight
  n            INTEGER NOT NULL,    -- respondents who answered both
  chi2         REAL,                -- Pearson's chi-squared
  df           INTEGER,             -- degrees of freedom
  p_value      REAL,                -- p-value of chi2
  cramers_v    REAL,                -- Cramér's V
  p_adj        REAL,                -- p_value adjusted by Benjamini–Hochberg across its family: the wave's tables with the same row question
  small_expected INTEGER NOT NULL DEFAULT 0, -- 1 when some expected count is below 1 or over 20% are below 5: the χ² p is only approximate
  fisher_p     REAL,                -- Fisher's exact test, two-sided (unweighted 2×2 tables, and small r×c tables with small expected counts)
  notes        TEXT                 -- what was dropped or why a test is missing, in Japanese
);

-- Cells of each cross tabulation.
CREATE TABLE crosstab_cells (
  crosstab_id  INTEGER NOT NULL, -- table
  row_code     TEXT NOT NULL,    -- row option code
  col_code     TEXT NOT NULL,    -- column option code
  n            INTEGER NOT NULL, -- respondents in the cell (raw count)
  weighted_n   REAL NOT NULL,    -- sum of weights in the cell
  row_pct      REAL NOT NULL,    -- percent of the row (unrounded)
  adj_residual REAL,             -- adjusted standardized residual
  suppressed   INTEGER NOT NULL  -- 1 when hidden in published tables (min_cell)
);
CREATE INDEX crosstab_cells_t ON crosstab_cells (crosstab_id);

-- 単純集計: one row per option of each closed question, plus a 無回答 row.
-- Percentages are of base_n (all loaded respondents of the wave); for multi
-- questions the percentages add up to more than 100 (M.T.).
CREATE TABLE tallies (
  wave_id     TEXT NOT NULL,    -- wave
  question_id TEXT NOT NULL,    -- question
  code        TEXT NOT NULL,    -- option code; '' for the 無回答 row
  label       TEXT NOT NULL,    -- option label, or '無回答'
  ord         INTEGER NOT NULL, -- option order; the 無回答 row comes last
  n           INTEGER NOT NULL, -- respondents choosing it
  weighted_n  REAL NOT NULL,    -- sum of their weights
  pct         REAL NOT NULL,    -- 100·n/base_n, unrounded (weighted when the study is weighted)
  base_n      INTEGER NOT NULL, -- respondents in the base
  moe_pct     REAL,             -- 95% margin of error of pct in points: 1.96·√(p(1−p)/n), n the effective base; NULL for 無回答
  ci_low_pct  REAL,             -- 95% Wilson score interval of pct, lower bound (%), on the effective base; NULL for 無回答
  ci_high_pct REAL              -- upper bound (%)
);

-- Summaries of likert and number questions.
CREATE TABLE question_stats (
  wave_id     TEXT NOT NULL, -- wave
  question_id TEXT NOT NULL, -- question
  n           INTEGER NOT NULL, -- respondents with an answer
  mean        REAL,          -- (weighted) mean score or value
  sd          REAL,          -- standard deviation
  se          REAL,          -- standard error of the mean
  ci_low      REAL,          -- 95% confidence interval of the mean, lower
  ci_high     REAL,          -- 95% confidence interval of the mean, upper
  top2_pct    REAL,          -- likert: % in the two most favourable options
  bottom2_pct REAL,          -- likert: % in the two least favourable options
  PRIMARY KEY (wave_id, question_id)
);

-- Who answered against who lives in the city: the sample's composition by
-- each weighting variable, before and after weighting, against population.csv.
CREATE TABLE representativeness (
  wave_id        TEXT NOT NULL,    -- wave
  question_id    TEXT NOT NULL,    -- demographic question (a [weighting] by variable)
  code           TEXT NOT NULL,    -- option code
  label          TEXT NOT NULL,    -- option label
  ord            INTEGER NOT NULL, -- option order
  population     REAL NOT NULL,    -- population count (population.csv)
  population_pct REAL NOT NULL,    -- its share of the population, %
  sample_n       INTEGER NOT NULL, -- respondents with this answer
  sample_pct     REAL NOT NULL,    -- their share of respondents who answered, %
  weighted_pct   REAL NOT NULL     -- their weighted share, %
);

-- Goodness of fit of the sample to the population, per weighting variable.
CREATE TABLE representativeness_tests (
  wave_id     TEXT NOT NULL, -- wave
  question_id TEXT NOT NULL, -- demographic question
  n           INTEGER NOT NULL, -- respondents who answered it
  chi2        REAL,          -- χ² goodness-of-fit statistic (unweighted sample vs population shares)
  df          INTEGER,       -- categories − 1
  p_value     REAL,          -- p-value
  PRIMARY KEY (wave_id, question_id)
);

-- Weighting of each wave: design effect and effective sample size.
CREATE TABLE weighting (
  wave_id    TEXT PRIMARY KEY, -- wave
  method     TEXT NOT NULL,    -- 'raking' (iterative proportional fitting)
  variables  TEXT NOT NULL,    -- raking variables, ', '-separated
  iterations INTEGER NOT NULL, -- sweeps until convergence
  max_error  REAL NOT NULL,    -- largest |achieved − population share| at the end
  deff       REAL NOT NULL,    -- Kish design effect n·Σw²/(Σw)²
  n_eff      REAL NOT NULL,    -- effective sample size (Σw)²/Σw²
  min_weight REAL NOT NULL,    -- smallest weight (mean 1)
  max_weight REAL NOT NULL,    -- largest weight (mean 1)
  notes      TEXT              -- what the analyst should know, in Japanese
);

-- 標本誤差: the 95% margin of error (in points) by base n and answer share p,
-- as Japanese survey reports print it: 1.96·√(p(1−p)/n).
CREATE TABLE margin_of_error (
  wave_id TEXT NOT NULL,    -- wave
  n       INTEGER NOT NULL, -- base (the wave's respondents, then typical subgroup sizes)
  p_pct   REAL NOT NULL,    -- answer share, % (10 means 10% or 90%)
  moe_pct REAL NOT NULL     -- margin of error, ± points
);

-- 満足度・重要度 (CS) analysis per policy field: mean scores, 偏差値 and quadrant.
CREATE TABLE cs_fields (
  wave_id          TEXT NOT NULL, -- wave
  field            TEXT NOT NULL, -- policy field (codebook field)
  sat_question     TEXT NOT NULL, -- satisfaction question
  imp_question     TEXT NOT NULL, -- importance question
  sat_n            INTEGER NOT NULL, -- respondents answering satisfaction
  imp_n            INTEGER NOT NULL, -- respondents answering importance
  sat_score        REAL NOT NULL, -- mean satisfaction score (codebook scores, e.g. +2 … −2)
  imp_score        REAL NOT NULL, -- mean importance score
  sat_hensachi     REAL NOT NULL, -- 偏差値 of sat_score among the wave's fields: 50 + 10·(x − mean)/SD (population SD)
  imp_hensachi     REAL NOT NULL, -- 偏差値 of imp_score
  quadrant         TEXT NOT NULL, -- 重点改善 (imp ≥ 50, sat < 50), 重点維持, 改善, 維持
  PRIMARY KEY (wave_id, field)
);

-- 前回調査との比較: each option's share in a wave against the previous wave.
CREATE TABLE wave_changes (
  question_id TEXT NOT NULL, -- question (same id and options in both waves)
  code        TEXT NOT NULL, -- option code
  label       TEXT NOT NULL, -- option label
  wave_from   TEXT NOT NULL, -- earlier wave
  wave_to     TEXT NOT NULL, -- later wave
  n_from      REAL NOT NULL, -- effective base of the earlier wave
  pct_from    REAL NOT NULL, -- share in the earlier wave, %
  n_to        REAL NOT NULL, -- effective base of the later wave
  pct_to      REAL NOT NULL, -- share in the later wave, %
  diff_pct    REAL NOT NULL, -- pct_to − pct_from, points
  ci_low      REAL,          -- 95% confidence interval of the difference, lower (points)
  ci_high     REAL,          -- upper
  p_value     REAL           -- two-proportion z-test p-value
);

-- 共起ネットワーク: the terms drawn in each wave's co-occurrence network of
-- survey free text (non-answers left out; a group of duplicate comments
-- counts once).
CREATE TABLE cooc_nodes (
  wave_id   TEXT NOT NULL,    -- wave
  term      TEXT NOT NULL,    -- base form
  freq      INTEGER NOT NULL, -- documents containing the term
  community INTEGER NOT NULL, -- Louvain community, 1 = the one with the most terms (nodes of one colour)
  x         REAL NOT NULL,    -- position in [0,1], left to right
  y         REAL NOT NULL,    -- position in [0,1], top to bottom
  PRIMARY KEY (wave_id, term)
);

-- Edges of the co-occurrence network: the strongest pairs of terms.
CREATE TABLE cooc_edges (
  wave_id TEXT NOT NULL, -- wave
  a       TEXT NOT NULL, -- one term (a < b)
  b       TEXT NOT NULL, -- the other term
  both_n  INTEGER NOT NULL, -- documents containing both terms
  jaccard REAL NOT NULL, -- Jaccard coefficient of the two terms' documents: both / either
  PRIMARY KEY (wave_id, a, b)
);

-- 対応分析: correspondence analysis of free-text terms (used in at least 5
-- documents) by the options of each demographic question; one row per
-- term and per option, in principal coordinates.
CREATE TABLE ca_points (
  wave_id      TEXT NOT NULL,    -- wave
  question_id  TEXT NOT NULL,    -- demographic question whose options are the columns
  kind         TEXT NOT NULL,    -- 'term' (row of the table) or 'group' (an option of the question)
  ord          INTEGER NOT NULL, -- order within the kind: options in codebook order, terms by frequency
  label        TEXT NOT NULL,    -- the term, or the option label
  mass         REAL NOT NULL,    -- share of the table's documents
  dim1         REAL NOT NULL,    -- principal coordinate on dimension 1
  dim2         REAL NOT NULL,    -- principal coordinate on dimension 2 (0 when the table has one dimension)
  contribution REAL NOT NULL,    -- share of the inertia of dimensions 1–2 the point accounts for
  labelled     INTEGER NOT NULL, -- 1 when a chart should print its label (the 30 most distinctive terms; every option)
  PRIMARY KEY (wave_id, question_id, kind, ord)
);

-- The documents a correspondence analysis counts: the network's documents
-- (co-occurrence network) written by respondents who answered its question.
CREATE TABLE ca_bases (
  wave_id     TEXT NOT NULL,    -- wave
  question_id TEXT NOT NULL,    -- demographic question
  n_docs      INTEGER NOT NULL, -- documents
  PRIMARY KEY (wave_id, question_id)
);

-- Inertia (variance) each dimension of a correspondence analysis explains.
CREATE TABLE ca_inertia (
  wave_id     TEXT NOT NULL,    -- wave
  question_id TEXT NOT NULL,    -- demographic question
  dim         INTEGER NOT NULL, -- dimension, 1 … min(terms, options) − 1
  inertia     REAL NOT NULL,    -- principal inertia (squared singular value)
  inertia_pct REAL NOT NULL,    -- percent of the total inertia
  PRIMARY KEY (wave_id, question_id, dim)
);

-- How firm the themes are: the same documents clustered again with other
-- seeds at the same number of themes, compared with the run the report
-- shows by the adjusted Rand index (1 = the same partition, 0 = chance).
CREATE TABLE theme_stability (
  wave_id    TEXT NOT NULL,    -- wave
  seed       INTEGER NOT NULL, -- the study's seed (the themes reported)
  other_seed INTEGER NOT NULL, -- the seed of the comparison run
  docs       INTEGER NOT NULL, -- documents compared
  ari        REAL NOT NULL     -- adjusted Rand index between the two partitions
);
