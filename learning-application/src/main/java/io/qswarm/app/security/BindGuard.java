package io.qswarm.app.security;

import java.net.InetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.AbstractConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Checks where the server is about to listen, before it binds: without authentication only on a loopback address
 * (unless forced), and with one warning line when it listens beyond this machine without TLS.
 */
final class BindGuard implements WebServerFactoryCustomizer<AbstractConfigurableWebServerFactory>, Ordered {

    /** What to do about an address. */
    enum Verdict {
        START,
        WARN_WITHOUT_TLS,
        WARN_WITHOUT_AUTHENTICATION,
        REFUSE
    }

    /** Thrown instead of starting a server that anyone on the network could change; the message says what to do. */
    static final class InsecureBindException extends IllegalStateException {
        InsecureBindException(String message) {
            super(message);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(BindGuard.class);

    private final AuthProperties properties;

    BindGuard(AuthProperties properties) {
        this.properties = properties;
    }

    static Verdict verdict(boolean loopback, boolean authentication, boolean tls, boolean insecureForce) {
        if (loopback) {
            return authentication ? Verdict.START : Verdict.WARN_WITHOUT_AUTHENTICATION;
        }
        if (!authentication) {
            return insecureForce ? Verdict.WARN_WITHOUT_AUTHENTICATION : Verdict.REFUSE;
        }
        return tls ? Verdict.START : Verdict.WARN_WITHOUT_TLS;
    }

    @Override
    public void customize(AbstractConfigurableWebServerFactory factory) {
        InetAddress address = factory.getAddress();
        boolean loopback = address != null && address.isLoopbackAddress();
        boolean tls = factory.getSsl() != null && factory.getSsl().isEnabled();
        String where = address == null ? "every address (0.0.0.0)" : address.getHostAddress();
        switch (verdict(loopback, properties.enabled(), tls, properties.insecureForce())) {
            case START -> {}
            case WARN_WITHOUT_TLS -> log.warn(
                    "listening on {} without TLS: tokens and data cross the network in clear; serve with"
                            + " --tls-keystore (docs/security.md#tls) or behind a proxy that terminates TLS",
                    where);
            case WARN_WITHOUT_AUTHENTICATION -> log.warn(
                    "authentication is OFF (qswarm.security.enabled=false): whoever reaches {} can change every"
                            + " table, peer and token",
                    where);
            case REFUSE -> throw new InsecureBindException("refusing to listen on " + where
                    + " with authentication off (qswarm.security.enabled=false): anyone who reaches it could change"
                    + " every table and register peers. Turn authentication on, listen on 127.0.0.1 (--bind), or"
                    + " force it with --insecure-force (qswarm.security.insecure-force=true)");
        }
    }

    @Override
    public int getOrder() {
        // after Spring Boot's customizer has applied server.address and server.ssl
        return Ordered.LOWEST_PRECEDENCE;
    }
}
