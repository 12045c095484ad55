package io.qswarm.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ./qswarm federate}: swarms, rounds and peers of a running server, through its REST API ({@code --server},
 * default {@code $QSWARM_SERVER} or http://127.0.0.1:8080). Rounds run inside the server (saga, deadlines, transport),
 * so this command never opens the store itself.
 */
@Command(
        name = "federate",
        mixinStandardHelpOptions = true,
        description =
                "Form swarms, start and follow rounds, register peers and exchange snapshots on a running server.",
        subcommands = {
            FederateCommand.Form.class,
            FederateCommand.Join.class,
            FederateCommand.Leave.class,
            FederateCommand.StartRound.class,
            FederateCommand.Status.class,
            FederateCommand.ListSwarms.class,
            FederateCommand.Identity.class,
            FederateCommand.Peers.class,
            SnapshotCommand.class
        })
public class FederateCommand extends ServerCommandGroup {

    /** Base of the subcommands: the client of the server their root command names, and the output. */
    abstract static class Subcommand extends CommandOutput {

        abstract FederateCommand root();

        FederateClient client() {
            return root().client();
        }
    }

    @Command(name = "form", mixinStandardHelpOptions = true, description = "Form a swarm of tables.")
    static class Form extends Subcommand {

        @ParentCommand
        FederateCommand parent;

        @Option(names = "--swarm", required = true, description = "swarm id")
        String swarm;

        @Option(names = "--member", required = true, description = "a member table (repeat for each)")
        List<String> members = new ArrayList<>();

        @Option(names = "--remote", description = "TABLE=PEER: a member hosted by a registered peer (repeatable)")
        Map<String, String> remote = new LinkedHashMap<>();

        @Option(
                names = "--topology",
                defaultValue = "full-mesh",
                description = "full-mesh, ring, hub:TABLE or gossip:K (default ${DEFAULT-VALUE})")
        String topology;

        @Option(
                names = "--strategy",
                defaultValue = "mean",
                description =
                        "mean, max, min, median, trimmed-mean:BETA, krum:F, multi-krum:F,M (default ${DEFAULT-VALUE})")
        String strategy;

        @Option(
                names = "--table-merge",
                description = "how each table merges the round's aggregate: mean (visit-weighted, the default for "
                        + "all but max/min) or learning-rate (the new experiences as steps of the table's α)")
        String tableMerge;

        @Option(
                names = "--quorum",
                defaultValue = "50%",
                description = "N participants or P% (default ${DEFAULT-VALUE})")
        String quorum;

        @Option(names = "--timeout", defaultValue = "30s", description = "round timeout (default ${DEFAULT-VALUE})")
        String timeout;

        @Option(
                names = "--sync",
                defaultValue = "episodes:1",
                description = "episodes:N, updates:N or interval:DURATION (default ${DEFAULT-VALUE})")
        String sync;

        @Override
        FederateCommand root() {
            return parent;
        }

        @Override
        public Integer call() {
            var body = new LinkedHashMap<String, Object>();
            body.put("swarmId", swarm);
            body.put("members", members);
            if (!remote.isEmpty()) {
                body.put("remote", remote);
            }
            body.put("topology", FederateSpecs.topology(topology));
            Map<String, Object> aggregation = FederateSpecs.aggregation(strategy);
            if (tableMerge != null) {
                aggregation.put("tableMerge", FederateSpecs.tableMerge(tableMerge));
            }
            body.put("aggregation", aggregation);
            body.put("quorum", FederateSpecs.quorum(quorum));
            body.put("roundTimeout", FederateSpecs.duration(timeout).toString());
            body.put("syncPeriod", FederateSpecs.sync(sync));
            client().post("/api/v1/swarms", body);
            print("formed swarm " + swarm + " of " + members.size() + " members"
                    + (remote.isEmpty() ? "" : " (" + remote.size() + " remote)"));
            return 0;
        }
    }

    @Command(name = "join", mixinStandardHelpOptions = true, description = "Add a table to a swarm.")
    static class Join extends Subcommand {

        @ParentCommand
        FederateCommand parent;

        @Option(names = "--swarm", required = true)
        String swarm;

        @Option(names = "--table", required = true)
        String table;

        @Option(names = "--peer", description = "the registered peer that hosts the table, if it is remote")
        String peer;

        @Override
        FederateCommand root() {
            return parent;
        }

        @Override
        public Integer call() {
            var body = new LinkedHashMap<String, Object>();
            body.put("tableId", table);
            if (peer != null) {
                body.put("peer", peer);
            }
            client().post("/api/v1/swarms/" + FederateClient.segment(swarm) + "/members", body);
            print(table + " joined " + swarm + (peer == null ? "" : " (hosted by " + peer + ")"));
            return 0;
        }
    }

    @Command(name = "leave", mixinStandardHelpOptions = true, description = "Remove a table from a swarm.")
    static class Leave extends Subcommand {

        @ParentCommand
        FederateCommand parent;

        @Option(names = "--swarm", required = true)
        String swarm;

        @Option(names = "--table", required = true)
        String table;

        @Override
        FederateCommand root() {
            return parent;
        }

        @Override
        public Integer call() {
            client().delete("/api/v1/swarms/" + FederateClient.segment(swarm) + "/members/"
                    + FederateClient.segment(table));
            print(table + " left " + swarm);
            return 0;
        }
    }

    @Command(name = "start-round", mixinStandardHelpOptions = true, description = "Start a swarm's next round.")
    static class StartRound extends Subcommand {

        @ParentCommand
        FederateCommand parent;

        @Option(names = "--swarm", required = true)
        String swarm;

        @Option(names = "--seed", description = "gossip seed (default: drawn from the server's seeded generator)")
        Long seed;

        @Option(names = "--full-sync", description = "ask every participant for all of its knowledge")
        boolean fullSync;

        @Override
        FederateCommand root() {
            return parent;
        }

        @Override
        public Integer call() {
            var body = new LinkedHashMap<String, Object>();
            if (seed != null) {
                body.put("seed", seed);
            }
            body.put("fullSync", fullSync);
            JsonNode started = client().post("/api/v1/swarms/" + FederateClient.segment(swarm) + "/rounds", body);
            print("started round " + started.path("id").asText());
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "A swarm and its latest rounds.")
    static class Status extends Subcommand {

        @ParentCommand
        FederateCommand parent;

        @Option(names = "--swarm", required = true)
        String swarm;

        @Option(names = "--rounds", defaultValue = "10", description = "rounds to show (default ${DEFAULT-VALUE})")
        int rounds;

        @Override
        FederateCommand root() {
            return parent;
        }

        @Override
        public Integer call() {
            String base = "/api/v1/swarms/" + FederateClient.segment(swarm);
            JsonNode view = client().get(base);
            print("swarm " + view.path("swarmId").asText() + ": "
                    + view.path("members").size() + " members " + view.path("members") + ", remote "
                    + view.path("remoteMembers"));
            print("  topology " + view.path("topology").path("kind").asText() + ", strategy "
                    + view.path("aggregation").path("strategy").asText() + ", timeout "
                    + view.path("roundTimeout").asText() + ", sync " + view.path("syncPeriod"));
            print("  rounds started " + view.path("roundsStarted").asLong() + ", open "
                    + (view.path("openRound").isNull()
                            ? "none"
                            : view.path("openRound").asText()));
            for (JsonNode round : client().get(base + "/rounds?size=" + Math.max(1, rounds))) {
                JsonNode outcome = round.path("outcome");
                print("  " + round.path("roundId").asText() + "  "
                        + round.path("status").asText()
                        + "  contributions " + round.path("contributions").asInt() + "/"
                        + round.path("requiredContributions").asInt()
                        + (outcome.isMissingNode() || outcome.isNull()
                                ? ""
                                : "  merged " + outcome.path("merged") + "  stragglers " + outcome.path("stragglers"))
                        + (round.path("reason").isTextual()
                                ? "  (" + round.path("reason").asText() + ")"
                                : ""));
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The swarms of the server.")
    static class ListSwarms extends Subcommand {

        @ParentCommand
        FederateCommand parent;

        @Override
        FederateCommand root() {
            return parent;
        }

        @Override
        public Integer call() {
            for (JsonNode swarm : client().get("/api/v1/swarms")) {
                print(swarm.path("swarmId").asText() + "  members "
                        + swarm.path("members").size() + "  rounds "
                        + swarm.path("roundsStarted").asLong());
            }
            return 0;
        }
    }

    @Command(
            name = "identity",
            mixinStandardHelpOptions = true,
            description = "This server's peer id and public key, to register it on another deployment.")
    static class Identity extends Subcommand {

        @ParentCommand
        FederateCommand parent;

        @Override
        FederateCommand root() {
            return parent;
        }

        @Override
        public Integer call() {
            JsonNode identity = client().get("/api/v1/federation/identity");
            print("peer id     " + identity.path("peerId").asText());
            print("public key  " + identity.path("publicKey").asText());
            print("key id      " + identity.path("keyId").asText());
            return 0;
        }
    }

    @Command(
            name = "peers",
            mixinStandardHelpOptions = true,
            description = "The peers this server trusts.",
            subcommands = {Peers.Add.class, Peers.ListPeers.class, Peers.Rotate.class, Peers.Remove.class})
    static class Peers extends CommandGroup {

        @ParentCommand
        FederateCommand parent;

        @Command(name = "add", mixinStandardHelpOptions = true, description = "Register (trust) a peer.")
        static class Add extends Subcommand {

            @ParentCommand
            Peers peers;

            @Option(names = "--id", required = true, description = "the peer's id (its `federate identity`)")
            String id;

            @Option(
                    names = "--url",
                    required = true,
                    description = "where the peer listens, e.g. http://127.0.0.1:8081")
            String url;

            @Option(names = "--key", required = true, description = "the peer's public key (base64)")
            String key;

            @Option(
                    names = "--credential",
                    description = "the peer token the peer issued to this deployment (on its side: token create"
                            + " --role peer --scope <this deployment's peer id>); sent with every request to it")
            String credential;

            @Override
            FederateCommand root() {
                return peers.parent;
            }

            @Override
            public Integer call() {
                var body = new LinkedHashMap<String, Object>();
                body.put("peerId", id);
                body.put("baseUrl", url);
                body.put("publicKey", key);
                if (credential != null) {
                    body.put("credential", credential);
                }
                JsonNode added = client().post("/api/v1/federation/peers", body);
                print("registered peer " + id + " at " + url + " ("
                        + added.path("keyId").asText() + (credential == null ? ", no credential" : "") + ")");
                return 0;
            }
        }

        @Command(
                name = "rotate",
                mixinStandardHelpOptions = true,
                description = "Take a registered peer's new key (and optionally a new URL or credential); logged.")
        static class Rotate extends Subcommand {

            @ParentCommand
            Peers peers;

            @Option(names = "--id", required = true, description = "the registered peer")
            String id;

            @Option(names = "--key", required = true, description = "the peer's new public key (base64)")
            String key;

            @Option(names = "--url", description = "a new URL (default: the registered one)")
            String url;

            @Option(names = "--credential", description = "a new credential the peer issued to this deployment")
            String credential;

            @Override
            FederateCommand root() {
                return peers.parent;
            }

            @Override
            public Integer call() {
                String path = "/api/v1/federation/peers/" + FederateClient.segment(id);
                var body = new LinkedHashMap<String, Object>();
                body.put(
                        "baseUrl",
                        url != null
                                ? url
                                : client().get(path)
                                        .path("peer")
                                        .path("baseUrl")
                                        .asText());
                body.put("publicKey", key);
                if (credential != null) {
                    body.put("credential", credential);
                }
                body.put("rotate", true);
                JsonNode rotated = client().put(path, body);
                print("peer " + id + " now has key " + rotated.path("keyId").asText());
                return 0;
            }
        }

        @Command(name = "list", mixinStandardHelpOptions = true, description = "The registered peers.")
        static class ListPeers extends Subcommand {

            @ParentCommand
            Peers peers;

            @Override
            FederateCommand root() {
                return peers.parent;
            }

            @Override
            public Integer call() {
                for (JsonNode peer : client().get("/api/v1/federation/peers")) {
                    print(peer.path("peer").path("id").asText() + "  "
                            + peer.path("peer").path("baseUrl").asText() + "  "
                            + peer.path("keyId").asText() + "  tables " + peer.path("tables"));
                }
                return 0;
            }
        }

        @Command(name = "remove", mixinStandardHelpOptions = true, description = "Stop trusting a peer.")
        static class Remove extends Subcommand {

            @ParentCommand
            Peers peers;

            @Parameters(index = "0", paramLabel = "PEER")
            String id;

            @Override
            FederateCommand root() {
                return peers.parent;
            }

            @Override
            public Integer call() {
                client().delete("/api/v1/federation/peers/" + FederateClient.segment(id));
                print("removed peer " + id);
                return 0;
            }
        }
    }
}
