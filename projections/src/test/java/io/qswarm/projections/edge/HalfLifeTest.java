package io.qswarm.projections.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qswarm.projections.edge.api.HalfLifeStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Theil–Sen decay fit and the half-life multiplier. */
class HalfLifeTest {

    private final HalfLife halfLife = new HalfLife(10, 4);

    private static List<EdgePoint> points(double... tAndEdge) {
        var out = new ArrayList<EdgePoint>();
        for (int i = 0; i < tAndEdge.length; i += 2) {
            out.add(new EdgePoint(tAndEdge[i], tAndEdge[i + 1]));
        }
        return out;
    }

    @Test
    void anEdgeHalvingEveryTenUnitsHasAHalfLifeOfTen() {
        // 8, 4, 2, 1 at t = 0, 10, 20, 30: every pairwise slope of ln(edge) is −ln2/10, λ = ln2/10 = 0.0693147
        var fit = halfLife.fit(points(0, 8, 10, 4, 20, 2, 30, 1), 1.0);

        assertThat(fit.status()).isEqualTo(HalfLifeStatus.DECAYING);
        assertThat(fit.decayRate()).isCloseTo(Math.log(2) / 10, within(1e-12));
        assertThat(fit.halfLife()).isCloseTo(10.0, within(1e-9));
        assertThat(fit.edgeAtBirth()).isCloseTo(8.0, within(1e-9));
        assertThat(fit.points()).isEqualTo(4);
        // 0.5 + 0.5·tanh(10/10)
        assertThat(halfLife.multiplier(fit)).isCloseTo(0.8807970779778823, within(1e-9));
    }

    @Test
    void theMedianSlopeIgnoresAnOutlier() {
        // y = ln(edge) = 0, −1, −2, −3 at t = 0..3, then an outlier y = +2 at t = 4 (the curve says −4).
        // Slopes: the 6 pairs among the first four are −1; with t = 4: (2−0)/4 = 0.5, (2+1)/3 = 1, (2+2)/2 = 2,
        // (2+3)/1 = 5. Sorted: −1 ×6, 0.5, 1, 2, 5 → median of 10 = (−1 + −1)/2 = −1, so λ = 1.
        // Intercepts y + λ·t: 0, 0, 0, 0, 6 → median 0 → edge₀ = e⁰ = 1.
        var fit = halfLife.fit(points(0, 1, 1, Math.exp(-1), 2, Math.exp(-2), 3, Math.exp(-3), 4, Math.exp(2)), 0.5);

        assertThat(fit.decayRate()).isCloseTo(1.0, within(1e-12));
        assertThat(fit.halfLife()).isCloseTo(Math.log(2), within(1e-12));
        assertThat(fit.edgeAtBirth()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void gapsNeedNoFillingBecauseSlopesUseRealTimeDifferences() {
        // 8 at t=0, 4 at t=10, then nothing until 1 at t=30 and 0.5 at t=40
        var fit = halfLife.fit(points(0, 8, 10, 4, 30, 1, 40, 0.5), 3.0);

        assertThat(fit.halfLife()).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void aNegativeEdgeDecaysByItsMagnitudeAndKeepsItsSign() {
        var fit = halfLife.fit(points(0, -8, 10, -4, 20, -2, 30, -1), -1.5);

        assertThat(fit.halfLife()).isCloseTo(10.0, within(1e-9));
        assertThat(fit.edgeAtBirth()).isCloseTo(-8.0, within(1e-9));
    }

    @Test
    void zerosAndPointsOfTheOtherSignAreLeftOut() {
        // the current edge is positive: −3 (a flip) and 0 do not take part; the four others halve every 10
        var fit = halfLife.fit(points(0, 8, 5, -3, 10, 4, 15, 0, 20, 2, 30, 1), 1.0);

        assertThat(fit.points()).isEqualTo(4);
        assertThat(fit.halfLife()).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void anEdgeThatHoldsOrGrowsHasAnInfiniteHalfLifeAndMultiplierOne() {
        // 1, 2, 4, 8: λ = −ln2/10 ≤ 0
        var fit = halfLife.fit(points(0, 1, 10, 2, 20, 4, 30, 8), 8.0);

        assertThat(fit.status()).isEqualTo(HalfLifeStatus.NOT_DECAYING);
        assertThat(fit.halfLife()).isNull();
        assertThat(fit.decayRate()).isCloseTo(-Math.log(2) / 10, within(1e-12));
        assertThat(halfLife.multiplier(fit)).isEqualTo(1.0);
        var flat = halfLife.fit(points(0, 3, 1, 3, 2, 3, 3, 3), 3.0);
        assertThat(flat.status()).isEqualTo(HalfLifeStatus.NOT_DECAYING);
        assertThat(flat.decayRate()).isZero();
    }

    @Test
    void tooFewUsablePointsOrAZeroEdgeLeaveTheHalfLifeUnknownWithMultiplierOneHalf() {
        var fewPoints = halfLife.fit(points(0, 8, 10, 4, 20, 2), 1.0);
        var zeroEdge = halfLife.fit(points(0, 8, 10, 4, 20, 2, 30, 1), 0.0);
        var oneInstant = halfLife.fit(points(5, 8, 5, 4, 5, 2, 5, 1), 1.0);

        assertThat(fewPoints.status()).isEqualTo(HalfLifeStatus.UNKNOWN);
        assertThat(fewPoints.points()).isEqualTo(3);
        assertThat(zeroEdge.status()).isEqualTo(HalfLifeStatus.UNKNOWN);
        assertThat(oneInstant.status()).isEqualTo(HalfLifeStatus.UNKNOWN);
        assertThat(halfLife.multiplier(fewPoints)).isEqualTo(0.5);
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(HalfLife.median(new double[] {4, 1, 3, 2}, 4)).isEqualTo(2.5);
        assertThat(HalfLife.median(new double[] {5, 1, 3}, 3)).isEqualTo(3);
        assertThat(HalfLife.median(new double[] {7, 7, 7, 7, 99}, 4)).isEqualTo(7); // only the first four count
    }

    @Test
    void quickselectAgreesWithSortingOnAnyInput() {
        var random = new java.util.SplittableRandom(7);
        for (int trial = 0; trial < 500; trial++) {
            int n = 1 + random.nextInt(60);
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = random.nextInt(10) - 5 + (random.nextBoolean() ? 0.5 : 0); // many ties
            }
            double[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            double expected = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;

            assertThat(HalfLife.median(values, n)).isEqualTo(expected);
        }
    }
}
