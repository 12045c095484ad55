package io.qswarm.infra.storage;

import static io.qswarm.intelligence.fixtures.QTableFixtures.aRoutingTable;
import static io.qswarm.intelligence.fixtures.QTableFixtures.batch;
import static io.qswarm.intelligence.fixtures.QTableFixtures.step;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.SpringApplication;

/**
 * Child process of {@link DurabilityIT}: writes to an H2 file store, prints {@code ACK} once the commands were
 * acknowledged, then waits to be killed without any chance to flush or close.
 */
public final class CrashWriter {

    private CrashWriter() {}

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("axoniq.update-checker.disabled", "true");
        var app = new SpringApplication(StorageTestApplication.class);
        app.setAdditionalProfiles("storage");
        var context = app.run("--spring.datasource.url=jdbc:h2:file:" + args[0] + "/qswarm;WRITE_DELAY="
                + System.getProperty("qswarm.test.write-delay", "0"));
        CommandGateway commands = context.getBean(CommandGateway.class);
        commands.sendAndWait(aRoutingTable());
        commands.sendAndWait(batch("episode-1", step("s0", "direct_answer", 1.0, "s1")));
        System.out.println("ACK");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
