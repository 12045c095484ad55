package io.qswarm.projections.edge.api;

/**
 * The fit {@code edge(t) = edge₀·e^(−λ·(t − t₀))} of a pattern's edge history, {@code t₀} its first usable point.
 *
 * @param halfLife {@code ln 2 / λ} in clock units; null when unknown or infinite (see {@code status})
 * @param decayRate {@code λ} per clock unit; null when unknown
 * @param edgeAtBirth the fitted {@code edge₀}, signed like the edge; null when unknown
 * @param points how many history points the fit used
 */
public record HalfLifeEstimate(
        HalfLifeStatus status, Double halfLife, Double decayRate, Double edgeAtBirth, int points) {

    public static HalfLifeEstimate unknown(int points) {
        return new HalfLifeEstimate(HalfLifeStatus.UNKNOWN, null, null, null, points);
    }
}
