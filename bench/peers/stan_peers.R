#!/usr/bin/env Rscript
# Stan peer of NutsPeerBench (issue 19; not run in CI). Debian's r-cran-rstan (Stan 2.21): see
# /work/shared/PEERS.md or the README's Bayesian section for the install and the BH include link.
# The same models (bench/peers/stan/*.stan), data files (written by NutsPeerBench), warm-up and draw
# counts (4 chains x (1000 + 1000)), diagonal metric, chains one after the other (cores = 1).
# Figures: sampling time (warm-up + draws, get_elapsed_time), minimum bulk ESS over the sampled
# parameters (monitor(): Bulk_ESS, the same rank-normalised estimator as parax4j's Diagnostics),
# gradient evaluations (sum of n_leapfrog__, warm-up included). Writes bench/results/nuts-stan.json
# and bench/results/nuts-peers.md with the ratios against bench/results/nuts-parax4j.json.
#
# Run from the repository root:
#   Rscript bench/peers/stan/compile.R bench/peers/stan     # once, about a minute per model
#   Rscript bench/peers/stan_peers.R [data dir, default bench/target/nuts-data]
suppressMessages({library(rstan); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
data_dir <- if (length(args) > 0) args[1] else "bench/target/nuts-data"
cache <- "bench/peers/stan/cache"
if (!file.exists(file.path(cache, "reference.rds"))) system("Rscript bench/peers/stan/compile.R bench/peers/stan")

run <- function(name, data, pars, init = "random") {
  sm <- readRDS(file.path(cache, paste0(name, ".rds")))
  fit <- sampling(sm, data = data, chains = 4, iter = 2000, warmup = 1000, cores = 1, seed = 1,
                  refresh = 0, init = init)
  seconds <- sum(get_elapsed_time(fit))
  mon <- monitor(fit, print = FALSE, warmup = 1000)
  rows <- grepl(paste0("^(", paste(pars, collapse = "|"), ")(\\[|$)"), rownames(mon))
  ess <- min(mon[rows, "Bulk_ESS"])
  sp <- get_sampler_params(fit, inc_warmup = TRUE)
  grads <- sum(sapply(sp, function(s) sum(s[, "n_leapfrog__"])))
  div <- sum(sapply(get_sampler_params(fit, inc_warmup = FALSE), function(s) sum(s[, "divergent__"])))
  cat(sprintf("%s: %.2f s, min bulk ESS %.0f over %d parameters, %d gradients, %d divergences\n", name, seconds, ess,
              sum(rows), grads, div))
  list(model = name, seconds = seconds, gradients = grads, min_bulk_ess = ess, ess_per_second = ess / seconds,
       gradients_per_second = grads / seconds, divergences = div)
}

schools <- list(J = 8, y = c(28, 8, -3, 7, -1, 1, 18, 12), sigma = c(15, 10, 16, 11, 9, 11, 10, 18))
lg <- as.matrix(read.csv(file.path(data_dir, "logistic.csv"), header = FALSE))
logistic <- list(N = nrow(lg), K = ncol(lg) - 1, X = lg[, -1], y = as.integer(lg[, 1]))
rf <- as.matrix(read.csv(file.path(data_dir, "reference.csv"), header = FALSE))
reference <- list(N = nrow(rf), f = rf[, 1], y = rf[, 2], sigma = 0.1, ell = 0.15, c = c(1.95, 2.25, 2.55, 2.85))
start <- read.csv(file.path(data_dir, "reference-init.csv"))
init_ref <- function() list(gain = start$resonator_gain, f0 = start$resonator_f0, q = start$resonator_q,
                            w = c(start$discrepancy_weights_0, start$discrepancy_weights_1,
                                  start$discrepancy_weights_2, start$discrepancy_weights_3))

stan <- list(run("eight_schools_nc", schools, c("mu", "tau", "theta_tilde")),
             run("logistic", logistic, c("alpha", "beta")),
             run("reference", reference, c("gain", "f0", "q", "w"), init = init_ref))
write(toJSON(stan, auto_unbox = TRUE, digits = 8, pretty = TRUE), "bench/results/nuts-stan.json")
parax <- fromJSON("bench/results/nuts-parax4j.json")
load <- readLines("/proc/loadavg")
md <- c("# NUTS: parax4j against Stan 2.21 (rstan), one session", "",
        sprintf("4 chains x (1000 warm-up + 1000 draws), diagonal metric, one thread; load average at the end: %s", load), "",
        "| model | parax4j s | Stan s | parax4j min bulk ESS/s | Stan min bulk ESS/s | ratio (ESS/s) | parax4j grad/s | Stan grad/s | ratio (grad/s) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for (s in stan) {
  p <- parax[parax$model == s$model, ]
  md <- c(md, sprintf("| %s | %.2f | %.2f | %.0f | %.0f | %.2f | %.0f | %.0f | %.2f |", s$model, p$seconds, s$seconds,
                      p$ess_per_second, s$ess_per_second, p$ess_per_second / s$ess_per_second,
                      p$gradients_per_second, s$gradients_per_second, p$gradients_per_second / s$gradients_per_second))
}
writeLines(md, "bench/results/nuts-peers.md")
cat(md, sep = "\n")
