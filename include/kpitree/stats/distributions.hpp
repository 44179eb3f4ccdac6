// Upper-tail probabilities (survival functions, P[X > x]) of the F, Student t and chi-square
// distributions, accurate in the far tail: they are computed directly, never as 1 - cdf, so a
// p-value of 1e-15 is returned as such rather than as 0 or rounding noise.
#pragma once

namespace kpitree {

// P[F > x] for F with (df1, df2) degrees of freedom. df1, df2 > 0 (non-integer allowed).
// x <= 0 gives 1; x = +inf gives 0. Invalid degrees of freedom or a NaN argument give NaN.
double f_sf(double x, double df1, double df2);

// P[T > x] for Student's t with df > 0 degrees of freedom (x may be negative; -inf gives 1).
// Invalid df or NaN x give NaN.
double t_sf(double x, double df);

// P[X > x] for chi-square with df > 0 degrees of freedom. x <= 0 gives 1; +inf gives 0.
// Invalid df or NaN x give NaN.
double chi2_sf(double x, double df);

// The upper alpha quantile of F(df1, df2): x with P[F > x] = alpha, alpha in (0, 1).
// Invalid arguments give NaN.
double f_isf(double alpha, double df1, double df2);

// P[F' > x] for the noncentral F with (df1, df2) degrees of freedom and noncentrality
// lambda >= 0 (lambda 0 is f_sf): the power of an F-test whose critical value is x.
// Invalid arguments give NaN.
double ncf_sf(double x, double df1, double df2, double lambda);

} // namespace kpitree
