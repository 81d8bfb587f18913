#!/usr/bin/Rscript
## Reference numbers for analysis/stats that the shared oracles do not cover:
## Rao–Scott corrected chi-square (survey::svychisq), goodness of fit, two
## proportions and a few more Fisher tables. Run from this directory:
##   Rscript extra_oracles.R > extra_oracles.json
## Written for R 4.2.2 + r-cran-survey 4.1-1 + r-cran-jsonlite (Debian bookworm).
suppressPackageStartupMessages({ library(survey); library(jsonlite) })

## The 24 respondents of case02_raking_ipf (inputs.sample) with the raked
## weights of its expected.raked_weights, treated here as fixed weights.
d <- data.frame(
  age = c(rep("18-39", 5), rep("40-64", 8), rep("65+", 11)),
  sex = c("男","男","女","女","女","男","男","男","男","女","女","女","女",
          "男","男","男","男","男","女","女","女","女","女","女"),
  district = c("A","B","A","C","B","A","B","C","A","A","B","C","A",
               "A","B","C","A","B","A","B","C","A","C","B"),
  aware = c(0,0,1,0,1,1,0,0,1,1,1,0,1,1,1,0,1,1,0,1,1,1,0,1),
  likert = c(4,2,5,3,4,2,4,1,4,5,3,4,2,4,5,3,4,2,5,4,4,3,5,1),
  w = c(5615.91991426418,5740.14746698856,5208.94180553141,4110.8240574245,5324.16675579135,
        5580.95493059165,5704.40903668235,4404.41161537175,5580.95493059165,5176.51068686125,
        5291.01824111733,4085.22987192277,5176.51068686125,3284.04697929678,3356.6920891805,
        2591.7239685553,3284.04697929678,3356.6920891805,3046.05654335252,3113.43716052971,
        2403.90524336284,3046.05654335252,2403.90524336284,3113.43716052971))
d$lik3 <- ifelse(d$likert >= 4, "top", ifelse(d$likert == 3, "mid", "low"))
d$district <- factor(d$district, levels = c("A", "B", "C"))
d$age <- factor(d$age, levels = c("18-39", "40-64", "65+"))
d$aware <- factor(d$aware, levels = c(1, 0))
d$lik3 <- factor(d$lik3, levels = c("top", "mid", "low"))
des <- svydesign(ids = ~1, weights = ~w, data = d)

rs <- function(f) {
  F <- svychisq(f, des)                       # default statistic = "F"
  C <- svychisq(f, des, statistic = "Chisq")
  tab <- svytable(f, des, Ntotal = nrow(d))
  P <- suppressWarnings(chisq.test(tab, correct = FALSE))
  list(F = unname(F$statistic), ndf = unname(F$parameter[1]), ddf = unname(F$parameter[2]),
       p = F$p.value, chisq_p = C$p.value, chisq_stat = unname(C$statistic),
       pearson_scaled = unname(P$statistic), scaled_table = unclass(as.matrix(tab)))
}

## Unweighted tests on the same 24 (for the weight-1 path of Crosstab).
uw <- function(x, y) { t <- table(x, y); cs <- suppressWarnings(chisq.test(t, correct = FALSE))
  list(chisq = unname(cs$statistic), df = unname(cs$parameter), p = cs$p.value, stdres = unclass(cs$stdres)) }

g <- chisq.test(c(5, 8, 11), p = c(26000, 41000, 33000), rescale.p = TRUE)
pt <- prop.test(c(45, 30), c(120, 110), correct = FALSE)
pt2 <- prop.test(c(62, 48), c(100, 100), correct = FALSE)
fi <- function(m) { f <- fisher.test(m); list(p = f$p.value,
  less = fisher.test(m, alternative = "less")$p.value,
  greater = fisher.test(m, alternative = "greater")$p.value) }

out <- list(
  tool = R.version.string, survey = as.character(packageVersion("survey")),
  rao_scott_district_x_aware = rs(~district + aware),
  rao_scott_age_x_lik3 = rs(~age + lik3),
  unweighted_district_x_aware = uw(d$district, d$aware),
  gof_case02_age = list(observed = c(5, 8, 11), population = c(26000, 41000, 33000),
                        chisq = unname(g$statistic), df = unname(g$parameter), p = g$p.value,
                        expected = unname(g$expected)),
  prop_45_120_vs_30_110 = list(chisq = unname(pt$statistic), p = pt$p.value, ci = as.numeric(pt$conf.int)),
  prop_62_100_vs_48_100 = list(chisq = unname(pt2$statistic), p = pt2$p.value, ci = as.numeric(pt2$conf.int)),
  fisher_3_1_1_3 = fi(matrix(c(3, 1, 1, 3), 2, byrow = TRUE)),
  fisher_10_20_30_5 = fi(matrix(c(10, 20, 30, 5), 2, byrow = TRUE)),
  fisher_0_5_5_0 = fi(matrix(c(0, 5, 5, 0), 2, byrow = TRUE)),
  fisher_120_80_95_105 = fi(matrix(c(120, 80, 95, 105), 2, byrow = TRUE)),
  p_adjust_with_na = list(p = c(0.01, NA, 0.04, 0.03, 0.2),
                          BH = p.adjust(c(0.01, NA, 0.04, 0.03, 0.2), "BH"),
                          holm = p.adjust(c(0.01, NA, 0.04, 0.03, 0.2), "holm"))
)
cat(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null"), "\n")
