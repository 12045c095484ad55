package io.qswarm.app.bandit;

import io.qswarm.intelligence.bandit.LoggedInteractionReader;
import io.qswarm.intelligence.bandit.api.BanditPolicyCreated;
import io.qswarm.intelligence.bandit.api.LoggedInteraction;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;

/**
 * Reads a logged-interaction body — JSON lines ({@code application/x-ndjson}) or CSV ({@code text/csv}), the
 * formats of {@link LoggedInteractionReader} — and checks every tuple against the policy, so a bad line is refused
 * with its line number before anything is stored: a log is taken whole or not at all.
 */
final class LoggedInteractions {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private LoggedInteractions() {}

    /**
     * The tuples of {@code body}, each with an action of the policy and a context of its dimension.
     *
     * @throws IllegalArgumentException naming the line of the first bad tuple, or for an empty log
     * @throws BanditRefusal {@code payload-too-large} when the log holds more than {@code limit} tuples
     */
    static List<LoggedInteraction> read(String body, MediaType type, BanditPolicyCreated policy, int limit) {
        boolean csv = CSV.isCompatibleWith(type);
        List<LoggedInteraction> interactions;
        try {
            interactions = csv
                    ? LoggedInteractionReader.readCsv(new StringReader(body))
                    : LoggedInteractionReader.readJsonLines(new StringReader(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (interactions.isEmpty()) {
            throw new IllegalArgumentException("the log holds no interactions");
        }
        if (interactions.size() > limit) {
            throw BanditRefusal.tooLarge("the log holds " + interactions.size() + " interactions, more than the "
                    + limit + " one request may carry (qswarm.bandit.max-logged-interactions); send it in parts");
        }
        List<Integer> lines = dataLines(body, csv);
        for (int i = 0; i < interactions.size(); i++) {
            LoggedInteraction interaction = interactions.get(i);
            if (interaction.context().size() != policy.dimension()) {
                throw new IllegalArgumentException("line " + lines.get(i) + ": context has "
                        + interaction.context().size() + " features, the policy expects " + policy.dimension());
            }
            if (!policy.actions().contains(interaction.action())) {
                throw new IllegalArgumentException("line " + lines.get(i) + ": action '" + interaction.action()
                        + "' is not one of " + policy.actions());
            }
        }
        return interactions;
    }

    /** The 1-based numbers of the lines holding a tuple: the non-blank lines, after the header for CSV. */
    private static List<Integer> dataLines(String body, boolean csv) {
        var numbers = new ArrayList<Integer>();
        int number = 0;
        boolean header = csv;
        for (String line : (Iterable<String>) body.lines()::iterator) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            if (header) {
                header = false;
            } else {
                numbers.add(number);
            }
        }
        return numbers;
    }
}
