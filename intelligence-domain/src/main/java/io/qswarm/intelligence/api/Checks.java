package io.qswarm.intelligence.api;

import java.util.regex.Pattern;

/**
 * Argument checks shared by the message records. Every failure is an {@link IllegalArgumentException} whose message
 * names the field and the reason, so a remote caller can act on it.
 */
public final class Checks {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");

    private Checks() {}

    public static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number, was " + value);
        }
        return value;
    }

    public static double inRange(String field, double value, double min, double max) {
        finite(field, value);
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be in [" + min + ", " + max + "], was " + value);
        }
        return value;
    }

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    public static String identifier(String field, String value) {
        required(field, value);
        if (!IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be 1-128 characters of letters, digits and ._:@- "
                    + "starting with a letter or digit, was '" + abbreviate(value) + "'");
        }
        return value;
    }

    public static String text(String field, String value, int maxLength) {
        required(field, value);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(
                    field + " must be at most " + maxLength + " characters, was " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(field + " must not contain control characters");
            }
        }
        return value;
    }

    static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
