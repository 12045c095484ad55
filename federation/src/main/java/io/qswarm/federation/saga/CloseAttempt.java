package io.qswarm.federation.saga;

import java.time.Duration;

/** The payload of the round saga's deadlines: how long to wait before asking again to close the round. */
public record CloseAttempt(Duration retryAfter) {}
