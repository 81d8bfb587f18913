-- 特徴語, distinctive words of each demographic group (schema version 3).
-- The unit is a respondent's analysed free text (their survey answers
-- together: non-answers left out, a group of duplicate comments counted
-- once, as in the network), and a word counts once per respondent.

-- The groups the distinctive words were sought for: every option of each
-- demographic question, with its writers, even when no word qualified.
CREATE TABLE distinctive_groups (
  wave_id     TEXT NOT NULL,    -- wave
  question_id TEXT NOT NULL,    -- demographic question (area, age, sex, …)
  code        TEXT NOT NULL,    -- option code of the group
  label       TEXT NOT NULL,    -- option label
  ord         INTEGER NOT NULL, -- option order (1-based)
  group_size  INTEGER NOT NULL, -- the group's writers (respondents with analysed free text)
  other_size  INTEGER NOT NULL, -- writers in the question's other groups
  min_docs    INTEGER NOT NULL, -- fewest of the group's writers a word needed to be tested (min_cell)
  tests       INTEGER NOT NULL, -- word–group pairs tested for the question: the family p_adj corrects over
  PRIMARY KEY (wave_id, question_id, code)
);

-- Each group's distinctive words, most distinctive first: words its writers
-- use more than the other groups' writers (pct_group > pct_other), ranked
-- by the log-likelihood ratio G² of the 2×2 table (Dunning 1993), at most
-- 10 a group, each used by at least min_docs of the group's writers.
CREATE TABLE distinctive_terms (
  wave_id       TEXT NOT NULL,    -- wave
  question_id   TEXT NOT NULL,    -- demographic question
  code          TEXT NOT NULL,    -- option code of the group
  label         TEXT NOT NULL,    -- option label
  term_rank     INTEGER NOT NULL, -- 1 = the highest g2 in the group (ties by term)
  term          TEXT NOT NULL,    -- base form
  docs_in_group INTEGER NOT NULL, -- the group's writers using the term
  group_size    INTEGER NOT NULL, -- the group's writers
  docs_other    INTEGER NOT NULL, -- the other groups' writers using the term
  other_size    INTEGER NOT NULL, -- the other groups' writers
  pct_group     REAL NOT NULL,    -- 100·docs_in_group/group_size, unrounded
  pct_other     REAL NOT NULL,    -- 100·docs_other/other_size, unrounded
  g2            REAL NOT NULL,    -- log-likelihood ratio G² = 2 Σ O·ln(O/E) of the 2×2 table (group or not × uses the word or not)
  p_value       REAL NOT NULL,    -- P(χ² with 1 df ≥ g2)
  p_adj         REAL,             -- p_value adjusted by Benjamini–Hochberg across the question's tests (distinctive_groups.tests)
  jaccard       REAL NOT NULL,    -- docs_in_group / (group_size + docs_other): KH Coder's 特徴語 measure, an effect size
  PRIMARY KEY (wave_id, question_id, code, term_rank)
);
