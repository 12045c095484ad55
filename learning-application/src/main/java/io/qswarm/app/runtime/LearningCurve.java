package io.qswarm.app.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Returns per episode, averaged over agents, with a moving average and an SVG plot. */
public final class LearningCurve {

    private final List<Double> returns = new ArrayList<>();

    public synchronized void add(double episodeReturn) {
        returns.add(episodeReturn);
    }

    public synchronized List<Double> returns() {
        return List.copyOf(returns);
    }

    /** Moving average over the last {@code window} episodes at each point. */
    public static List<Double> movingAverage(List<Double> values, int window) {
        var averaged = new ArrayList<Double>(values.size());
        double sum = 0;
        for (int i = 0; i < values.size(); i++) {
            sum += values.get(i);
            if (i >= window) {
                sum -= values.get(i - window);
            }
            averaged.add(sum / Math.min(i + 1, window));
        }
        return averaged;
    }

    /** A self-contained SVG line chart of the moving average, with the optimum as a dashed line when known. */
    public static String svg(String title, List<Double> values, int window, Double optimum) {
        List<Double> curve = movingAverage(values, window);
        int width = 800;
        int height = 400;
        int left = 70;
        int right = 20;
        int top = 40;
        int bottom = 50;
        double min = curve.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = curve.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        if (optimum != null) {
            min = Math.min(min, optimum);
            max = Math.max(max, optimum);
        }
        if (max - min < 1e-9) {
            max = min + 1;
        }
        double yMin = min;
        double ySpan = max - min;
        int n = Math.max(curve.size(), 2);
        var svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\""
                        + " font-size=\"12\">%n",
                width,
                height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(
                Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"16\">%s</text>%n", left, escape(title)));
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n"
                        + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                left,
                height - bottom,
                width - right,
                height - bottom,
                left,
                top,
                left,
                height - bottom));
        for (int i = 0; i <= 4; i++) {
            double value = yMin + ySpan * i / 4;
            double y = height - bottom - (height - top - bottom) * i / 4.0;
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.2f</text>%n",
                    left - 6,
                    y + 4,
                    value));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">episode (moving average of %d)</text>%n",
                (left + width - right) / 2,
                height - 12,
                window));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%d</text>%n",
                width - right,
                height - bottom + 16,
                curve.size()));
        if (optimum != null) {
            double y = height - bottom - (optimum - yMin) / ySpan * (height - top - bottom);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"green\" stroke-dasharray=\"6,4\"/>%n"
                            + "<text x=\"%d\" y=\"%.1f\" fill=\"green\">optimum %.3f</text>%n",
                    left,
                    y,
                    width - right,
                    y,
                    left + 6,
                    y - 4,
                    optimum));
        }
        svg.append("<polyline fill=\"none\" stroke=\"steelblue\" stroke-width=\"1.5\" points=\"");
        int step = Math.max(1, curve.size() / 2000);
        for (int i = 0; i < curve.size(); i += step) {
            double x = left + (width - left - right) * (double) i / (n - 1);
            double y = height - bottom - (curve.get(i) - yMin) / ySpan * (height - top - bottom);
            svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        svg.append("\"/>\n</svg>\n");
        return svg.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
