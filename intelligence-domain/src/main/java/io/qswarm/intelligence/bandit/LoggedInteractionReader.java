package io.qswarm.intelligence.bandit;

import io.qswarm.intelligence.bandit.api.LoggedInteraction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads logged (context, action, reward, propensity) tuples for a warm start or an off-policy evaluation.
 *
 * <ul>
 *   <li><b>JSON lines</b> ({@code .jsonl}, {@code .ndjson}): one object per line,
 *       {@code {"context":[0.1,-0.4],"action":"a3","reward":0.7,"propensity":0.1}}; the action may be a string or a
 *       number; other members are ignored.
 *   <li><b>CSV</b> ({@code .csv}): a header naming {@code action}, {@code reward} and {@code propensity}, and either
 *       one {@code context} column of {@code ;}-separated numbers or one column per feature (every other column, in
 *       header order). Fields may be double-quoted ({@code ""} escapes a quote).
 * </ul>
 *
 * Blank lines are skipped. Any malformed line fails the whole read with an {@link IllegalArgumentException} naming
 * the line and the reason: a log is imported whole or not at all.
 */
public final class LoggedInteractionReader {

    private LoggedInteractionReader() {}

    /** Reads a {@code .jsonl}/{@code .ndjson} or {@code .csv} file (UTF-8), chosen by its extension. */
    public static List<LoggedInteraction> read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
                return readJsonLines(reader);
            }
            if (name.endsWith(".csv")) {
                return readCsv(reader);
            }
        }
        throw new IllegalArgumentException(
                file.getFileName() + ": unknown log format, expected a .jsonl, .ndjson or .csv file");
    }

    public static List<LoggedInteraction> readJsonLines(Reader reader) throws IOException {
        var out = new ArrayList<LoggedInteraction>();
        var lines = new BufferedReader(reader);
        int lineNumber = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                Object parsed = new Json(line).document();
                if (!(parsed instanceof Map<?, ?> object)) {
                    throw new IllegalArgumentException("expected a JSON object");
                }
                out.add(interaction(object));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + lineNumber + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    public static List<LoggedInteraction> readCsv(Reader reader) throws IOException {
        var out = new ArrayList<LoggedInteraction>();
        var lines = new BufferedReader(reader);
        int lineNumber = 0;
        String headerLine;
        do {
            headerLine = lines.readLine();
            lineNumber++;
        } while (headerLine != null && headerLine.isBlank());
        if (headerLine == null) {
            return out;
        }
        int headerNumber = lineNumber;
        List<String> header;
        try {
            header = csvFields(headerLine.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line " + headerNumber + ": " + e.getMessage(), e);
        }
        int action = column(header, "action", headerNumber);
        int reward = column(header, "reward", headerNumber);
        int propensity = column(header, "propensity", headerNumber);
        int context = header.indexOf("context");
        var features = new ArrayList<Integer>();
        if (context < 0) {
            for (int i = 0; i < header.size(); i++) {
                if (i != action && i != reward && i != propensity) {
                    features.add(i);
                }
            }
            if (features.isEmpty()) {
                throw new IllegalArgumentException(
                        "line " + headerNumber + ": no context column: name one 'context' or add features");
            }
        }
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                List<String> fields = csvFields(line.strip());
                if (fields.size() != header.size()) {
                    throw new IllegalArgumentException("expected " + header.size() + " fields, found " + fields.size());
                }
                var x = new ArrayList<Double>();
                if (context >= 0) {
                    for (String value : fields.get(context).split(";")) {
                        x.add(number("context", value));
                    }
                } else {
                    for (int i : features) {
                        x.add(number(header.get(i), fields.get(i)));
                    }
                }
                out.add(new LoggedInteraction(
                        x,
                        fields.get(action).strip(),
                        number("reward", fields.get(reward)),
                        number("propensity", fields.get(propensity))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + lineNumber + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static LoggedInteraction interaction(Map<?, ?> object) {
        Object context = object.get("context");
        if (!(context instanceof List<?> values)) {
            throw new IllegalArgumentException("'context' must be an array of numbers");
        }
        var x = new ArrayList<Double>(values.size());
        for (Object value : values) {
            if (!(value instanceof Double number)) {
                throw new IllegalArgumentException("'context' must be an array of numbers");
            }
            x.add(number);
        }
        Object action = object.get("action");
        String actionName;
        if (action instanceof String text) {
            actionName = text;
        } else if (action instanceof Double number && number == Math.rint(number)) {
            actionName = Long.toString(number.longValue());
        } else {
            throw new IllegalArgumentException("'action' must be a string or an integer");
        }
        return new LoggedInteraction(x, actionName, numberMember(object, "reward"), numberMember(object, "propensity"));
    }

    private static double numberMember(Map<?, ?> object, String name) {
        if (!(object.get(name) instanceof Double number)) {
            throw new IllegalArgumentException("'" + name + "' must be a number");
        }
        return number;
    }

    private static double number(String field, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " '" + text.strip() + "' is not a number");
        }
    }

    private static int column(List<String> header, String name, int lineNumber) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(
                    "line " + lineNumber + ": the header has no '" + name + "' column: " + header);
        }
        return index;
    }

    /** The fields of one CSV line: comma-separated, optionally double-quoted with {@code ""} for a quote. */
    static List<String> csvFields(String line) {
        var fields = new ArrayList<String>();
        var field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quoted field");
        }
        fields.add(field.toString().strip());
        return fields;
    }

    /** A strict parser for one JSON document: objects, arrays, strings, numbers, true, false, null. */
    private static final class Json {
        private final String text;
        private int at;

        Json(String text) {
            this.text = text;
        }

        Object document() {
            Object value = value();
            space();
            if (at != text.length()) {
                throw error("unexpected '" + text.charAt(at) + "' after the JSON value");
            }
            return value;
        }

        private Object value() {
            space();
            if (at >= text.length()) {
                throw error("unexpected end of line");
            }
            char c = text.charAt(at);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object() {
            var object = new LinkedHashMap<String, Object>();
            at++;
            space();
            if (peek('}')) {
                at++;
                return object;
            }
            while (true) {
                space();
                if (!peek('"')) {
                    throw error("expected a member name");
                }
                String name = string();
                space();
                expect(':');
                object.put(name, value());
                space();
                if (peek(',')) {
                    at++;
                } else {
                    expect('}');
                    return object;
                }
            }
        }

        private List<Object> array() {
            var array = new ArrayList<Object>();
            at++;
            space();
            if (peek(']')) {
                at++;
                return array;
            }
            while (true) {
                array.add(value());
                space();
                if (peek(',')) {
                    at++;
                } else {
                    expect(']');
                    return array;
                }
            }
        }

        private String string() {
            var out = new StringBuilder();
            at++;
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (at >= text.length()) {
                    break;
                }
                char escaped = text.charAt(at++);
                switch (escaped) {
                    case '"', '\\', '/' -> out.append(escaped);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (at + 4 > text.length()) {
                            throw error("truncated \\u escape");
                        }
                        try {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        } catch (NumberFormatException e) {
                            throw error("bad \\u escape");
                        }
                        at += 4;
                    }
                    default -> throw error("bad escape \\" + escaped);
                }
            }
            throw error("unterminated string");
        }

        private Double number() {
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            if (start == at) {
                throw error("unexpected '" + text.charAt(at) + "'");
            }
            String token = text.substring(start, at);
            if (!token.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
                throw error("'" + token + "' is not a JSON number");
            }
            return Double.parseDouble(token);
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, at)) {
                throw error("unexpected '" + text.charAt(at) + "'");
            }
            at += word.length();
            return value;
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private boolean peek(char c) {
            return at < text.length() && text.charAt(at) == c;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw error("expected '" + c + "'");
            }
            at++;
        }

        private IllegalArgumentException error(String reason) {
            return new IllegalArgumentException("malformed JSON at column " + (at + 1) + ": " + reason);
        }
    }
}
