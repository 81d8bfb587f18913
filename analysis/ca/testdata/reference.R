# Reference values for koe/analysis/ca (ca_test.go), computed with base R
# only, by the formulas of Greenacre (2017), Correspondence Analysis in
# Practice, 3rd ed., ch. 4, 11 and the appendix (A.1–A.9):
#   P = N/n, r = row masses, c = column masses,
#   S = D_r^{-1/2} (P - r c^T) D_c^{-1/2} = U D_sigma V^T,
#   row principal coordinates F = D_r^{-1/2} U D_sigma,
#   column principal coordinates G = D_c^{-1/2} V D_sigma,
#   principal inertias lambda_k = sigma_k^2.
# Signs follow koe's rule: on each dimension the column coordinate of
# largest absolute value is made positive; values within a relative 1e-9 of
# the largest count as tied, and the first of them decides (so rounding
# noise in a symmetric table cannot pick the sign).
#
# Run: Rscript reference.R   (R 4.x; prints the numbers pasted into ca_test.go)
options(digits = 17)
ca_ref <- function(name, N) {
  n <- sum(N); P <- N / n
  r <- rowSums(P); c <- colSums(P)
  S <- diag(1 / sqrt(r)) %*% (P - r %o% c) %*% diag(1 / sqrt(c))
  s <- svd(S)
  K <- min(dim(N)) - 1
  d <- s$d[1:K]
  F <- diag(1 / sqrt(r)) %*% s$u[, 1:K, drop = FALSE] %*% diag(d, K, K)
  G <- diag(1 / sqrt(c)) %*% s$v[, 1:K, drop = FALSE] %*% diag(d, K, K)
  for (k in 1:K) {
    a <- abs(G[, k])
    j <- which(a >= max(a) * (1 - 1e-9))[1]
    if (G[j, k] < 0) { F[, k] <- -F[, k]; G[, k] <- -G[, k] }
  }
  cat("#", name, "\n")
  cat("inertia:", format(d^2, digits = 17), "\n")
  cat("total:", format(sum(d^2), digits = 17), "\n")
  cat("rows dim1:", format(F[, 1], digits = 17), "\n")
  if (K > 1) cat("rows dim2:", format(F[, 2], digits = 17), "\n")
  cat("cols dim1:", format(G[, 1], digits = 17), "\n")
  if (K > 1) cat("cols dim2:", format(G[, 2], digits = 17), "\n")
}

# Greenacre's smoking data (staff group x smoking level), the textbook's
# running example (Greenacre 2017, Exhibit 9.1); also MASS/ca's `smoke`.
smoke <- matrix(c(4, 2, 3, 2,
                  4, 3, 7, 4,
                  25, 10, 12, 4,
                  18, 24, 33, 13,
                  10, 6, 7, 2), nrow = 5, byrow = TRUE)
ca_ref("smoke", smoke)

# A made-up terms x districts table (豊科, 穂高, 三郷, 堀金, 明科).
districts <- matrix(c(30, 12, 8, 5, 4,
                      6, 25, 9, 4, 3,
                      10, 11, 14, 12, 9,
                      3, 4, 5, 18, 2,
                      8, 7, 6, 5, 20,
                      12, 15, 10, 8, 7), nrow = 6, byrow = TRUE)
ca_ref("districts", districts)

# Three terms x two age bands: one dimension only.
two <- matrix(c(10, 2,
                5, 5,
                1, 9), nrow = 3, byrow = TRUE)
ca_ref("two", two)

# Plane contributions of the districts rows, mass·(f1² + f2²)/(λ1 + λ2),
# for TestLabels.
N <- districts; P <- N / sum(N); r <- rowSums(P); c <- colSums(P)
s <- svd(diag(1 / sqrt(r)) %*% (P - r %o% c) %*% diag(1 / sqrt(c)))
F <- diag(1 / sqrt(r)) %*% s$u[, 1:2] %*% diag(s$d[1:2])
cat("# districts plane contributions\n", format(r * rowSums(F^2) / sum(s$d[1:2]^2), digits = 6), "\n")
