// Survival functions through Boost.Math's complement() forms, which evaluate the upper tail
// directly (regularized incomplete beta / gamma complements, DiDonato & Morris 1992; Boost.Math
// documentation "Complements are supported too"), so precision holds far into the tail. The
// policy turns Boost's domain and overflow errors into NaN / infinity instead of exceptions:
// an impossible argument is a value the caller shows, not a fault.
#include "kpitree/stats/distributions.hpp"

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/fisher_f.hpp>
#include <boost/math/distributions/non_central_f.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>

namespace kpitree {

namespace {

using namespace boost::math::policies;
using quiet_policy =
    policy<domain_error<ignore_error>, overflow_error<ignore_error>, underflow_error<ignore_error>,
           denorm_error<ignore_error>, evaluation_error<ignore_error>,
           indeterminate_result_error<ignore_error>>;

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

bool valid_df(double df) {
    return std::isfinite(df) && df > 0.0;
}

} // namespace

double f_sf(double x, double df1, double df2) {
    if (std::isnan(x) || !valid_df(df1) || !valid_df(df2))
        return nan;
    if (x <= 0.0)
        return 1.0;
    if (std::isinf(x))
        return 0.0;
    const boost::math::fisher_f_distribution<double, quiet_policy> dist(df1, df2);
    return boost::math::cdf(boost::math::complement(dist, x));
}

double t_sf(double x, double df) {
    if (std::isnan(x) || !valid_df(df))
        return nan;
    if (std::isinf(x))
        return x > 0.0 ? 0.0 : 1.0;
    const boost::math::students_t_distribution<double, quiet_policy> dist(df);
    return boost::math::cdf(boost::math::complement(dist, x));
}

double chi2_sf(double x, double df) {
    if (std::isnan(x) || !valid_df(df))
        return nan;
    if (x <= 0.0)
        return 1.0;
    if (std::isinf(x))
        return 0.0;
    const boost::math::chi_squared_distribution<double, quiet_policy> dist(df);
    return boost::math::cdf(boost::math::complement(dist, x));
}

// GCC 12 reports Boost's fisher_f quantile (fisher_f.hpp, `y` set by ibeta_inv through a
// pointer) as maybe-uninitialized; it is set on every path.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
double f_isf(double alpha, double df1, double df2) {
    if (!(alpha > 0.0 && alpha < 1.0) || !valid_df(df1) || !valid_df(df2))
        return nan;
    const boost::math::fisher_f_distribution<double, quiet_policy> dist(df1, df2);
    return boost::math::quantile(boost::math::complement(dist, alpha));
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

double ncf_sf(double x, double df1, double df2, double lambda) {
    if (std::isnan(x) || !valid_df(df1) || !valid_df(df2) || !(lambda >= 0.0) ||
        !std::isfinite(lambda))
        return nan;
    if (x <= 0.0)
        return 1.0;
    if (std::isinf(x))
        return 0.0;
    if (lambda == 0.0)
        return f_sf(x, df1, df2);
    const boost::math::non_central_f_distribution<double, quiet_policy> dist(df1, df2, lambda);
    return boost::math::cdf(boost::math::complement(dist, x));
}

} // namespace kpitree
