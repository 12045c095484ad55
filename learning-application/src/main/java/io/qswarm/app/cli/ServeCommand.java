package io.qswarm.app.cli;

import io.qswarm.app.QSwarmApplication;
import io.qswarm.app.runtime.DemoSwarm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        description = "Start the QSwarm server: REST API under /api/v1, projections, metrics.")
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

    @Parameters(arity = "0..*", paramLabel = "--key=value", description = "extra Spring properties")
    List<String> extra = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        var args = new ArrayList<String>();
        args.add("--server.port=" + port);
        args.add("--server.address=" + bind);
        args.addAll(storeOptions.springArguments(Path.of("./data")));
        args.addAll(extra);
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
