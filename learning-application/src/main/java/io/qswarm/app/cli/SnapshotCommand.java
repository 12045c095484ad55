package io.qswarm.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ./qswarm federate snapshot}: versioned, signed knowledge snapshots of a running server ({@code
 * /api/v1/snapshots}): publish a table as its next version, list the published versions, fetch a registered peer's
 * snapshots (checked against its key) and optionally merge the trusted one into a local table.
 */
@Command(
        name = "snapshot",
        mixinStandardHelpOptions = true,
        description = "Publish, list and fetch versioned, signed knowledge snapshots.",
        subcommands = {SnapshotCommand.Publish.class, SnapshotCommand.ListVersions.class, SnapshotCommand.Fetch.class})
class SnapshotCommand extends CommandGroup {

    @ParentCommand
    FederateCommand parent;

    private static String path(String table) {
        return "/api/v1/snapshots/" + FederateClient.segment(table);
    }

    /** Base of the snapshot subcommands: their parent is this command, whose parent holds the server. */
    abstract static class SnapshotSubcommand extends FederateCommand.Subcommand {

        @ParentCommand
        SnapshotCommand snapshots;

        @Override
        FederateCommand root() {
            return snapshots.parent;
        }
    }

    /** One manifest line in a few words. */
    static String describe(JsonNode line) {
        return line.path("version").asText() + "  " + line.path("created_at").asText() + "  samples "
                + line.path("samples").asLong() + "  entries "
                + line.path("dimensions").path("entries").asLong() + "  "
                + line.path("size").asLong()
                + " B  event " + line.path("source_event_position").asLong() + "  signer "
                + line.path("signer_key_id").asText();
    }

    @Command(
            name = "publish",
            mixinStandardHelpOptions = true,
            description = "Publish a table's current knowledge as its next version.")
    static class Publish extends SnapshotSubcommand {

        @Option(names = "--table", required = true)
        String table;

        @Option(names = "--bump", description = "patch, minor or major (default: the one the version rules require)")
        String bump;

        @Override
        public Integer call() {
            var body = new LinkedHashMap<String, Object>();
            if (bump != null) {
                body.put("bump", bump);
            }
            JsonNode published = client().post(path(table), body);
            JsonNode line = published.path("line");
            print("published " + line.path("version").asText() + " of " + table + " ("
                    + published.path("bump").asText() + ")");
            print("  " + describe(line));
            print("  sha256 " + line.path("sha256").asText());
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The published versions of a table.")
    static class ListVersions extends SnapshotSubcommand {

        @Option(names = "--table", required = true)
        String table;

        @Override
        public Integer call() {
            for (JsonNode line : client().get(path(table))) {
                print(describe(line));
            }
            return 0;
        }
    }

    @Command(
            name = "fetch",
            mixinStandardHelpOptions = true,
            description = "Fetch a peer's snapshots of a table, trust the newest valid one, optionally apply it.")
    static class Fetch extends SnapshotSubcommand {

        @Option(names = "--peer", required = true, description = "a registered peer")
        String peer;

        @Option(names = "--table", required = true, description = "the peer's table")
        String table;

        @Option(names = "--major", description = "the major version to follow (default: the peer's newest)")
        Integer major;

        @Option(names = "--apply", description = "merge the trusted version into a local table")
        boolean apply;

        @Option(names = "--into", description = "that table (default PEER.TABLE, created when missing)")
        String into;

        @Override
        public Integer call() {
            var body = new LinkedHashMap<String, Object>();
            body.put("peer", peer);
            body.put("table", table);
            if (major != null) {
                body.put("major", major);
            }
            body.put("apply", apply);
            if (into != null) {
                body.put("into", into);
            }
            JsonNode fetched = client().post("/api/v1/snapshots/fetch", body);
            JsonNode trusted = fetched.path("trusted");
            String head = "fetched " + table + " from " + peer + " (major "
                    + fetched.path("major").asInt() + ", "
                    + fetched.path("downloaded").size() + " downloaded): ";
            print(head
                    + (trusted.isObject()
                            ? "trusted " + trusted.path("version").asText()
                                    + (fetched.path("changed").asBoolean() ? " (new)" : " (unchanged)")
                            : "no version passes every check"));
            for (JsonNode rejected : fetched.path("rejected")) {
                print("  rejected " + rejected.path("version").asText() + ": "
                        + rejected.path("reason").asText() + " - "
                        + rejected.path("detail").asText());
            }
            if (!fetched.path("ignored").isEmpty()) {
                print("  ignored (other majors) " + fetched.path("ignored"));
            }
            JsonNode applied = fetched.path("applied");
            if (applied.isObject()) {
                JsonNode counts = applied.path("counts");
                print("applied " + applied.path("version").asText() + " to "
                        + applied.path("into").asText()
                        + (applied.path("created").asBoolean() ? " (created)" : "") + ": "
                        + (applied.path("merged").asBoolean()
                                ? "added " + counts.path("added").asInt() + ", updated "
                                        + counts.path("updated").asInt() + ", unchanged "
                                        + counts.path("unchanged").asInt() + ", rejected "
                                        + counts.path("rejected").asInt()
                                : "nothing new, no merge"));
            }
            return trusted.isObject() ? 0 : 1;
        }
    }
}
