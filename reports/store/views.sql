-- Views for staff (schema version 2): the tables above with the labels
-- joined in, so a query in DB Browser or Excel reads in Japanese.

-- Every closed answer with its question text and option label.
CREATE VIEW v_answers AS
SELECT a.wave_id,                      -- wave
       a.respondent_id,                -- respondent
       a.question_id,                  -- question id
       COALESCE(q.title, q.column_name) AS question, -- question title (CSV header)
       a.code,                         -- option code
       o.label,                        -- option label
       a.value_num                     -- number, or likert score
  FROM answers a
  JOIN questions q ON q.wave_id = a.wave_id AND q.question_id = a.question_id
  LEFT JOIN options o ON o.wave_id = a.wave_id AND o.question_id = a.question_id AND o.code = a.code;

-- Each respondent's demographic answers (one row per demographic question).
CREATE VIEW v_demographics AS
SELECT a.wave_id, a.respondent_id,
       a.question_id,                  -- demographic question id (area, age, …)
       o.label,                        -- the respondent's answer (穂高, 30代, …)
       r.weight                        -- survey weight
  FROM answers a
  JOIN questions q ON q.wave_id = a.wave_id AND q.question_id = a.question_id AND q.is_demographic = 1
  JOIN options o ON o.wave_id = a.wave_id AND o.question_id = a.question_id AND o.code = a.code
  JOIN respondents r ON r.wave_id = a.wave_id AND r.respondent_id = a.respondent_id;

-- 単純集計 with the question text, percentages rounded half-up to 0.1 as the report prints them.
CREATE VIEW v_tallies AS
SELECT t.wave_id, t.question_id, COALESCE(q.title, q.column_name) AS question, t.ord, t.code, t.label,
       t.n, t.weighted_n,
       round(t.pct + 1e-9, 1) AS pct,  -- rounded as printed (the table keeps the exact value)
       t.base_n
  FROM tallies t
  JOIN questions q ON q.wave_id = t.wave_id AND q.question_id = t.question_id;

-- Crosstab cells with both questions' texts and both options' labels
-- (themes and codes, crossed as '@themes' and '@codes', get their labels).
CREATE VIEW v_crosstab_cells AS
SELECT c.crosstab_id, c.wave_id,
       c.row_question, COALESCE(rq.title, rq.column_name) AS row_question_text,
       x.row_code, ro.label AS row_label,
       c.col_question, COALESCE(cq.title, cq.column_name, c.col_question) AS col_question_text,
       x.col_code,
       COALESCE(co.label, th.label, cd.label, x.col_code) AS col_label,
       x.n, x.weighted_n, round(x.row_pct + 1e-9, 1) AS row_pct, x.adj_residual,
       CASE WHEN x.adj_residual >= 1.96 THEN '▲' WHEN x.adj_residual <= -1.96 THEN '▼' ELSE '' END AS mark,
       x.suppressed, c.n AS table_n, c.chi2, c.df, c.p_value, c.cramers_v
  FROM crosstab_cells x
  JOIN crosstabs c ON c.crosstab_id = x.crosstab_id
  LEFT JOIN questions rq ON rq.wave_id = c.wave_id AND rq.question_id = c.row_question
  LEFT JOIN options ro ON ro.wave_id = c.wave_id AND ro.question_id = c.row_question AND ro.code = x.row_code
  LEFT JOIN questions cq ON cq.wave_id = c.wave_id AND cq.question_id = c.col_question
  LEFT JOIN options co ON co.wave_id = c.wave_id AND co.question_id = c.col_question AND co.code = x.col_code
  LEFT JOIN themes th ON c.col_question = '@themes' AND CAST(th.theme_id AS TEXT) = x.col_code
  LEFT JOIN codes cd ON c.col_question = '@codes' AND cd.code_id = x.col_code;

-- Free-text documents with their theme, 大テーマ and the writer's demographics
-- (masked text only, as reports show it).
CREATE VIEW v_doc_themes AS
SELECT d.doc_id, d.wave_id, d.source, d.question_id, d.workshop_id,
       t.theme_id, t.label AS theme, p.label AS parent_theme, dt.weight,
       (SELECT group_concat(label, '・') FROM v_demographics g
         WHERE g.wave_id = d.wave_id AND g.respondent_id = d.respondent_id) AS demographics,
       d.text_masked
  FROM docs d
  JOIN doc_themes dt ON dt.doc_id = d.doc_id
  JOIN themes t ON t.theme_id = dt.theme_id
  LEFT JOIN themes p ON p.theme_id = t.parent_id;

-- How many documents of each theme came from each answer of each demographic question.
CREATE VIEW v_themes_by_demographic AS
SELECT t.wave_id, t.theme_id, t.label AS theme, g.question_id, g.label, COUNT(*) AS n_docs
  FROM doc_themes dt
  JOIN docs d ON d.doc_id = dt.doc_id AND d.source = 'survey'
  JOIN themes t ON t.theme_id = dt.theme_id
  JOIN v_demographics g ON g.wave_id = d.wave_id AND g.respondent_id = d.respondent_id
 GROUP BY t.wave_id, t.theme_id, g.question_id, g.label;

-- Documents with the policy codes they match.
CREATE VIEW v_doc_codes AS
SELECT d.doc_id, d.wave_id, d.source, c.code_id, c.label AS code, c.pillar, d.text_masked
  FROM doc_codes dc
  JOIN docs d ON d.doc_id = dc.doc_id
  JOIN codes c ON c.code_id = dc.code_id;
