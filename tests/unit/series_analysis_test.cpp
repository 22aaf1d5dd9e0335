// The numerics behind the time-series analysis kernels (functions/kernels/series_analysis.cpp):
// percentiles, period scores and detection, decomposition and Tukey's outlier scores.
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "huntdb/functions/kernels/series_analysis.h"

namespace huntdb::functions::series {
namespace {

Series full(std::vector<double> v) {
  Series s;
  s.present.assign(v.size(), true);
  s.values = std::move(v);
  return s;
}

// The series-periods-detect-function example: a month of traffic in 12h bins, weekly period 14.
const std::vector<double> kTraffic = {
    80,  139, 87,  110, 68,  54,  50,  51,  53,  133, 86,  141, 97,  156, 94,  149, 95,  140, 77,  61,
    50,  54,  47,  133, 72,  152, 94,  148, 105, 162, 101, 160, 87,  63,  53,  55,  54,  151, 103, 189,
    108, 183, 113, 175, 113, 178, 90,  71,  62,  62,  65,  165, 109, 181, 115, 182, 121, 178, 114, 170};

TEST(SeriesAnalysis, PercentileInterpolatesBetweenRanks) {
  std::vector<double> v = {4, 1, 3, 2};
  EXPECT_DOUBLE_EQ(percentile(v, 0), 1);
  EXPECT_DOUBLE_EQ(percentile(v, 100), 4);
  EXPECT_DOUBLE_EQ(percentile(v, 50), 2.5);
  EXPECT_DOUBLE_EQ(percentile(v, 25), 1.75);
  EXPECT_DOUBLE_EQ(median({5, 1, 9}), 5);
  std::vector<double> empty;
  EXPECT_TRUE(std::isnan(percentile(empty, 50)));
}

TEST(SeriesAnalysis, PeriodScoreOfTheDocumentedExample) {
  // Documented: 0.84 for 14 bins, 0 for 10.
  EXPECT_NEAR(period_score(kTraffic, 14), 0.84, 0.005);
  EXPECT_EQ(period_score(kTraffic, 10), 0);
  // Outside [4, n/2]: 0.
  EXPECT_EQ(period_score(kTraffic, 3), 0);
  EXPECT_EQ(period_score(kTraffic, 31), 0);
  // A fractional period lies between its neighbouring lags.
  double s = period_score(kTraffic, 13.5);
  EXPECT_GE(s, 0);
  EXPECT_LE(s, period_score(kTraffic, 14));
}

TEST(SeriesAnalysis, PerfectPeriodScoresByRepetitions) {
  // A pure period p repeated n/p times scores sqrt((n - p) / n): more repetitions, higher score.
  std::vector<double> x;
  for (int i = 0; i < 40; ++i) x.push_back(i % 5 == 0 ? 10 : i % 5);
  EXPECT_NEAR(period_score(x, 5), std::sqrt(35.0 / 40.0), 1e-12);
  EXPECT_NEAR(period_score(x, 10), std::sqrt(30.0 / 40.0), 1e-12);
}

TEST(SeriesAnalysis, DetectPeriodsFindsTheWeeklyPeriodOnly) {
  std::vector<Period> p = detect_periods(kTraffic, 0, 50, 2);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].period, 14);
  EXPECT_NEAR(p[0].score, 0.84, 0.005);
  // The range bounds the search.
  EXPECT_TRUE(detect_periods(kTraffic, 15, 50, 2).empty() || detect_periods(kTraffic, 15, 50, 2)[0].period >= 15);
  EXPECT_TRUE(detect_periods(kTraffic, 0, 50, 0).empty());
}

TEST(SeriesAnalysis, DetectPeriodsNeedsMoreThanTwoRepetitions) {
  // The series-seasonal-function example with two repetitions of 6 points has no period.
  EXPECT_TRUE(detect_periods({1, 3, 5, 2, 4, 6, 1, 3, 5, 2, 4, 6}, 0, 6, 1).empty());
  std::vector<Period> p = detect_periods({8, 12, 14, 12, 10, 10, 12, 14, 12, 10, 10, 12, 14, 12, 10, 10, 12, 14, 12, 10}, 0, 10, 1);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].period, 5);
  EXPECT_TRUE(detect_periods({1, 2, 3}, 0, 10, 1).empty());
  EXPECT_TRUE(detect_periods(std::vector<double>(20, 7.0), 0, 10, 1).empty());
}

TEST(SeriesAnalysis, DetectPeriodsIgnoresNoisePeaks) {
  // A period of 24 under uniform noise twice its amplitude: the periodogram's noise peaks would
  // climb to multiples of 24 that score about as well; only the true peak is significant.
  std::vector<double> x;
  uint64_t state = 12345;
  for (int t = 0; t < 2000; ++t) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    double noise = static_cast<double>(state >> 11) / static_cast<double>(1ULL << 53) * 2;
    x.push_back(std::sin(t * 2 * 3.141592653589793 / 24) + noise);
  }
  std::vector<Period> p = detect_periods(x, 0, 1000, 3);
  ASSERT_FALSE(p.empty());
  EXPECT_EQ(p[0].period, 24);
  for (const Period& q : p) EXPECT_EQ(std::fmod(q.period, 24.0), 0);
}

TEST(SeriesAnalysis, DecomposeSeasonalThenLinearTrend) {
  // Period 3 plus a line of slope 2 per cycle fitted after the phase medians: the documented
  // order (seasonal first, then the trend of the deseasonalized series) leaves a staircase of
  // cycle levels that the line then fits exactly in the middle.
  Series s = full({1, 2, 3, 3, 4, 5, 5, 6, 7});
  Decomposition d = decompose(s, {.seasonality = 3, .trend = Trend::LineFit});
  EXPECT_EQ(d.seasonal, (std::vector<double>{3, 4, 5, 3, 4, 5, 3, 4, 5}));
  for (size_t i = 0; i < s.size(); ++i) {
    EXPECT_NEAR(d.baseline[i], d.seasonal[i] + d.trend[i], 1e-12);
    EXPECT_NEAR(d.residual[i], s.values[i] - d.baseline[i], 1e-12);
  }
  // Deseasonalized: -2 x3, 0 x3, 2 x3; its least-squares line has slope 0.6 through 0 at i = 4.
  EXPECT_NEAR(d.trend[4], 0, 1e-12);
  EXPECT_NEAR(d.trend[5] - d.trend[4], 0.6, 1e-12);
}

TEST(SeriesAnalysis, DecomposeLearnsWithoutTestPoints) {
  Series s = full({2, 4, 6, 8, 10, 12, 0, 0});
  Decomposition d = decompose(s, {.seasonality = 0, .trend = Trend::LineFit, .test_points = 2});
  EXPECT_NEAR(d.baseline[6], 14, 1e-12);
  EXPECT_NEAR(d.baseline[7], 16, 1e-12);
  EXPECT_NEAR(d.residual[7], -16, 1e-12);
  // Without seasonality and trend, baseline 0 and residual x.
  Decomposition none = decompose(s, {.seasonality = 0, .trend = Trend::None});
  EXPECT_EQ(none.baseline, std::vector<double>(8, 0.0));
  EXPECT_EQ(none.residual, s.values);
}

TEST(SeriesAnalysis, DecomposeSkipsMissingPoints) {
  Series s = full({1, 100, 3});
  s.present[1] = false;
  Decomposition d = decompose(s, {.seasonality = 0, .trend = Trend::Average});
  EXPECT_EQ(d.trend, (std::vector<double>{2, 2, 2}));
  EXPECT_FALSE(d.present[1]);
}

TEST(SeriesAnalysis, CustomRangesAreBroughtToTheInterquartileScale) {
  EXPECT_EQ(interquartile_equivalent(25, 75), 1);
  // Normal quantiles: z(0.75) = 0.6744897501960817, z(0.9) = 1.2815515655446004.
  EXPECT_NEAR(normal_quantile(0.75), 0.6744897501960817, 1e-12);
  EXPECT_NEAR(normal_quantile(0.1), -1.2815515655446004, 1e-12);
  EXPECT_NEAR(normal_quantile(0.02), -2.053748910631823, 1e-12);
  EXPECT_NEAR(interquartile_equivalent(10, 90), 0.6744897501960817 / 1.2815515655446004, 1e-12);
}

TEST(SeriesAnalysis, OutlierScoresAreDistancesInRanges) {
  Series s = full({1, 2, 3, 4, 50, 2, 3, 4, 1, -40, 2, 3});
  double ctukey_range = 3 * interquartile_equivalent(10, 90);  // percentiles 1 and 4
  std::vector<double> c = outlier_scores(s, 10, 90, std::nullopt, 0);
  EXPECT_NEAR(c[4], (50 - 4) / ctukey_range, 1e-12);
  EXPECT_NEAR(c[9], (-40 - 1) / ctukey_range, 1e-12);
  EXPECT_EQ(c[0], 0);
  std::vector<double> t = outlier_scores(s, 25, 75, std::nullopt, 0);
  EXPECT_NEAR(t[4], (50 - 3.25) / 1.5, 1e-12);
  EXPECT_NEAR(t[0], (1 - 1.75) / 1.5, 1e-12);
  // An ignored value scores 0 and is not learnt from; test points are scored, not learnt.
  std::vector<double> i = outlier_scores(s, 10, 90, 50.0, 0);
  EXPECT_EQ(i[4], 0);
  std::vector<double> tp = outlier_scores(full({1, 2, 3, 2, 1, 2, 3, 2, 30}), 25, 75, std::nullopt, 1);
  EXPECT_NEAR(tp[8], (30 - 2.25) / 0.5, 1e-12);  // percentiles 1.75 and 2.25
  // Constant: no spread, no outlier.
  EXPECT_EQ(outlier_scores(full({3, 3, 3}), 10, 90, std::nullopt, 0), std::vector<double>(3, 0.0));
}

}  // namespace
}  // namespace huntdb::functions::series
