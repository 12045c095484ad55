package io.qswarm.app.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refused bind as Spring Boot's short failure report instead of a stack trace. */
class InsecureBindFailureAnalyzer extends AbstractFailureAnalyzer<BindGuard.InsecureBindException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindGuard.InsecureBindException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Start with authentication on (the default), or with --bind 127.0.0.1, or add --insecure-force if"
                        + " this network is truly yours alone.",
                cause);
    }
}
