package io.qswarm.app.cli;

import io.qswarm.app.QSwarmApplication;
import io.qswarm.app.runtime.DemoSwarm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Starts the server on the embedded H2 store (or the JDBC URL given). Runs until stopped. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Start the QSwarm server: REST API under /api/v1, projections, metrics. The first start of a"
                + " store shows its admin token once (docs/security.md).")
public class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", description = "HTTP port (default: ${DEFAULT-VALUE})", defaultValue = "8080")
    int port;

    @Option(
            names = "--bind",
            description = "address to listen on (default: ${DEFAULT-VALUE})",
            defaultValue = "127.0.0.1")
    String bind;

    /** {@code --data DIR} (default ./data, also the node's identity and snapshot files) or {@code --store URL}. */
    @Mixin
    StoreOptions storeOptions = new StoreOptions();

    @Option(
            names = "--demo",
            description = "also run a small swarm (Taxi and query-routing agents) learning in the background")
    boolean demo;

    @Option(
            names = "--tls-keystore",
            paramLabel = "FILE",
            description = "serve HTTPS with the key and certificate in this keystore (PKCS#12, or JKS for *.jks);"
                    + " its password comes from $" + TLS_PASSWORD_VARIABLE + " or server.ssl.key-store-password")
    Path tlsKeystore;

    @Option(
            names = "--tls-key-alias",
            paramLabel = "ALIAS",
            description = "the keystore entry to serve (default: the only one)")
    String tlsKeyAlias;

    @Option(
            names = "--no-auth",
            description = "no authentication (qswarm.security.enabled=false), for an experiment on this machine only")
    boolean noAuth;

    @Option(
            names = "--insecure-force",
            description = "start without authentication even on a non-loopback --bind (anyone who reaches it can"
                    + " change everything)")
    boolean insecureForce;

    @Parameters(arity = "0..*", paramLabel = "--key=value", description = "extra Spring properties")
    List<String> extra = new ArrayList<>();

    /** The environment variable holding the keystore's password. */
    static final String TLS_PASSWORD_VARIABLE = "QSWARM_TLS_KEYSTORE_PASSWORD";

    @Override
    public Integer call() throws InterruptedException {
        List<String> args = springArguments(System.getenv());
        ConfigurableApplicationContext context =
                SpringApplication.run(QSwarmApplication.class, args.toArray(String[]::new));
        var closed = new CountDownLatch(1);
        DemoSwarm swarm = demo ? startDemo(context) : null;
        context.addApplicationListener((ContextClosedEvent event) -> {
            if (swarm != null) {
                swarm.stop();
            }
            closed.countDown();
        });
        if (context.isActive()) {
            closed.await();
        }
        return 0;
    }

    /** The Spring properties this command line stands for; extra {@code --key=value} come last and win. */
    List<String> springArguments(Map<String, String> environment) {
        var args = new ArrayList<String>();
        args.add("--server.port=" + port);
        args.add("--server.address=" + bind);
        args.addAll(storeOptions.springArguments(Path.of("./data")));
        if (tlsKeystore != null) {
            if (!Files.isReadable(tlsKeystore)) {
                throw new IllegalArgumentException("--tls-keystore " + tlsKeystore + " is not a readable file");
            }
            args.add("--server.ssl.enabled=true");
            args.add("--server.ssl.key-store=" + tlsKeystore.toAbsolutePath());
            String name = tlsKeystore.getFileName().toString().toLowerCase(Locale.ROOT);
            args.add("--server.ssl.key-store-type=" + (name.endsWith(".jks") ? "JKS" : "PKCS12"));
            if (tlsKeyAlias != null) {
                args.add("--server.ssl.key-alias=" + tlsKeyAlias);
            }
            String password = environment.get(TLS_PASSWORD_VARIABLE);
            if (password != null) {
                args.add("--server.ssl.key-store-password=" + password);
            }
        }
        if (noAuth) {
            args.add("--qswarm.security.enabled=false");
        }
        if (insecureForce) {
            args.add("--qswarm.security.insecure-force=true");
        }
        args.addAll(extra);
        return args;
    }

    private static DemoSwarm startDemo(ConfigurableApplicationContext context) {
        CommandGateway commands = context.getBean(CommandGateway.class);
        var swarm = new DemoSwarm(
                "demo-" + Long.toString(System.currentTimeMillis(), 36), 2, 42, 50, commands::sendAndWait);
        var thread = new Thread(swarm, "qswarm-demo-swarm");
        thread.setDaemon(true);
        thread.start();
        return swarm;
    }
}
