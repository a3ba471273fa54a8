// Logistic regression: intercept + K predictors, normal priors, the fused GLM likelihood
// (bernoulli_logit_glm: one pass over the rows with an analytic gradient, Stan's fastest form).
data {
  int<lower=0> N;
  int<lower=0> K;
  matrix[N, K] X;
  int<lower=0, upper=1> y[N];
}
parameters {
  real alpha;
  vector[K] beta;
}
model {
  alpha ~ normal(0, 2.5);
  beta ~ normal(0, 1);
  y ~ bernoulli_logit_glm(X, alpha, beta);
}
