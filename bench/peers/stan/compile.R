# Compiles the three models once into bench/peers/stan/cache/*.rds (about a minute each).
suppressMessages(library(rstan))
dir <- commandArgs(trailingOnly = TRUE)[1]
dir.create(file.path(dir, "cache"), showWarnings = FALSE)
for (m in c("eight_schools_nc", "logistic", "reference")) {
  out <- file.path(dir, "cache", paste0(m, ".rds"))
  if (!file.exists(out)) {
    sm <- stan_model(file.path(dir, paste0(m, ".stan")), model_name = m)
    saveRDS(sm, out)
    cat("compiled", m, "\n")
  }
}
