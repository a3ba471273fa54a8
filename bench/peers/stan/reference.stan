// The parax4j reference model (engine/src/main/java/org/parax4j/engine/examples/ReferenceModel.java)
// with offsetDb fixed at 0 and the discrepancy's length scale fixed at 0.15 GHz: resonator
// 20*log10(gain / sqrt((1 - (f/f0)^2)^2 + (f/(q f0))^2)) plus sum_j w_j exp(-((f - c_j)/ell)^2 / 2),
// Gaussian noise sigma; priors as the Java model: gain ~ N(1, 0.05), (f0, q) ~ MVN((2.4, 35),
// sds (0.02, 3), correlation -0.4), q > 0 through exp (Stan's lower=0 transform is the same),
// w ~ N(0, 0.1).
data {
  int<lower=1> N;
  vector[N] f;
  vector[N] y;
  real<lower=0> sigma;
  real<lower=0> ell;
  vector[4] c;
}
transformed data {
  matrix[N, 4] K;
  vector[2] m = [2.4, 35]';
  matrix[2, 2] S = [[0.0004, -0.024], [-0.024, 9]];
  for (i in 1:N)
    for (j in 1:4)
      K[i, j] = exp(-0.5 * square((f[i] - c[j]) / ell));
}
parameters {
  real gain;
  real f0;
  real<lower=0> q;
  vector[4] w;
}
model {
  vector[N] ratio = f / f0;
  vector[N] mu = 20 * (log10(gain) - 0.5 * log10(square(1 - square(ratio)) + square(ratio / q))) + K * w;
  gain ~ normal(1, 0.05);
  [f0, q]' ~ multi_normal(m, S);
  w ~ normal(0, 0.1);
  y ~ normal(mu, sigma);
}
