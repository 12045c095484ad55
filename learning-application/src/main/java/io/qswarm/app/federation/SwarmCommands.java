package io.qswarm.app.federation;

import java.util.function.Function;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;

/**
 * Sends a command and waits, translating Axon's failures into the federation's own: an unknown aggregate becomes the
 * caller's "not found", an aggregate that exists already a conflict, and a wrapped refusal its cause.
 */
final class SwarmCommands {

    private final CommandGateway commands;

    SwarmCommands(CommandGateway commands) {
        this.commands = commands;
    }

    <R> R send(Object command, Function<Object, RuntimeException> notFound) {
        try {
            return commands.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw notFound.apply(e.getAggregateIdentifier());
        } catch (AggregateStreamCreationException e) {
            throw new FederationConflictException("already-exists", firstSentence(e.getMessage()));
        } catch (CommandExecutionException e) {
            if (e.getCause() instanceof AggregateNotFoundException missing) {
                throw notFound.apply(missing.getAggregateIdentifier());
            }
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static String firstSentence(String message) {
        int end = message == null ? -1 : message.indexOf('.');
        return end < 0 ? String.valueOf(message) : message.substring(0, end);
    }
}
