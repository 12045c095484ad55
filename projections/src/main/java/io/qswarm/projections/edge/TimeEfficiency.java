package io.qswarm.projections.edge;

/**
 * How much edge a pattern delivers per unit of clock time. With {@code S} the sum of its realized signals and
 * {@code span = t_last − t_first} the clock time between its first and its latest observation (at least
 * {@code minSpan}, so a pattern seen at one instant is not infinitely efficient):
 *
 * <pre>
 * rate  = |S| / max(span, minSpan)
 * m_time = 0.5 + 0.5·tanh(rate / rate_target)
 * </pre>
 *
 * {@code rate_target} is in reward units per clock unit: the rate at which the multiplier reaches 0.8808.
 */
record TimeEfficiency(double rateTarget, double minSpan) {

    TimeEfficiency {
        Recurrence.positive("time-efficiency rate target", rateTarget);
        Recurrence.positive("time-efficiency minimum span", minSpan);
    }

    double rate(double signalSum, double firstT, double lastT) {
        return Math.abs(signalSum) / Math.max(lastT - firstT, minSpan);
    }

    double multiplier(double signalSum, double firstT, double lastT) {
        return Curve.halfTanh(rate(signalSum, firstT, lastT) / rateTarget);
    }
}
