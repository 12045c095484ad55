package io.qswarm.app.security;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * The first start of a store: makes its first admin token and shows it once on the console, with what a newcomer
 * needs to get in (the CLI variable, a curl line, a one-time browser login link). Nothing of the secret goes to the
 * log; only that the token was made, and its id.
 */
final class FirstStart implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private final ApiTokens tokens;
    private final AuthProperties properties;
    private final PrintStream console;

    FirstStart(ApiTokens tokens, AuthProperties properties) {
        this(tokens, properties, System.out);
    }

    FirstStart(ApiTokens tokens, AuthProperties properties, PrintStream console) {
        this.tokens = tokens;
        this.properties = properties;
        this.console = console;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!properties.enabled() || !(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        tokens.bootstrap().ifPresent(admin -> {
            log.info(
                    "first start: made the first admin token {} (shown once on the console)",
                    admin.token().id());
            String base = baseUrl(web.getEnvironment(), web.getWebServer().getPort());
            ApiTokens.Issued code = tokens.loginCode(admin.token(), properties.loginCodeTtl());
            show(admin.credential(), base, code.credential());
        });
    }

    private void show(String token, String base, String code) {
        String rule = "=".repeat(100);
        console.println();
        console.println(rule);
        console.println(
                "QSwarm: first start of this store. The admin token, shown this once (keep it like a password):");
        console.println();
        console.println("    " + token);
        console.println();
        console.println("  CLI      export QSWARM_TOKEN=" + token);
        console.println("  curl     curl -H 'Authorization: Bearer " + token + "' " + base + "/api/v1/tables");
        console.println("  browser  " + base + "/login?code=" + code);
        console.println(
                "           (one use, valid " + minutes(properties) + " minutes; later: ./qswarm token login-link)");
        console.println("  more     ./qswarm token create --role operator|auditor|viewer|agent|peer --name NAME");
        console.println("  lost it? stop the server, then: ./qswarm token create --role admin --name me --data DIR");
        console.println(rule);
        console.println();
        console.flush();
    }

    private static long minutes(AuthProperties properties) {
        return Math.max(1, properties.loginCodeTtl().toMinutes());
    }

    /** How this machine reaches the server: its address, or 127.0.0.1 when it listens on every address. */
    static String baseUrl(Environment environment, int port) {
        boolean tls = environment.getProperty("server.ssl.enabled", Boolean.class, false)
                || environment.getProperty("server.ssl.key-store") != null
                || environment.getProperty("server.ssl.bundle") != null;
        String address = environment.getProperty("server.address", "127.0.0.1");
        String host = address;
        try {
            InetAddress resolved = InetAddress.getByName(address);
            if (resolved.isAnyLocalAddress()) {
                host = "127.0.0.1";
            } else if (resolved.getHostAddress().contains(":")) {
                host = "[" + resolved.getHostAddress() + "]";
            }
        } catch (UnknownHostException e) {
            // a name the JVM cannot resolve: show it as configured
        }
        return (tls ? "https" : "http") + "://" + host + ":" + port;
    }
}
