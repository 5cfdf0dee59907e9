package com.minkshop.command.web;

import com.minkshop.api.common.CommandResult;
import com.minkshop.api.common.ErrorCode;
import com.minkshop.command.idempotency.IdempotentRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriUtils;

import java.net.URI;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The controllers' shared plumbing: send a command and answer with its {@link CommandResult}. Failures complete the
 * future exceptionally and end up in {@link ApiExceptionHandler}.
 */
public final class CommandResponses {

    private CommandResponses() {
    }

    public static CompletableFuture<ResponseEntity<CommandResult>> ok(CommandGateway gateway, Object command) {
        return gateway.<CommandResult>send(withIdempotencyKey(command, HttpStatus.OK, null))
                      .thenApply(ResponseEntity::ok);
    }

    /**
     * 201 with the new resource's location, e.g. {@code /api/products/{id}}. Creations do not look for an existing
     * aggregate first: an id already taken, by this type or another, fails on the event store's unique key at
     * commit, and is answered as {@code idTaken} (e.g. {@code CART_ALREADY_EXISTS}), not as a concurrency conflict.
     */
    public static CompletableFuture<ResponseEntity<CommandResult>> created(CommandGateway gateway,
                                                                           Object command,
                                                                           String locationTemplate,
                                                                           String id,
                                                                           ErrorCode idTaken) {
        // a plain replace: parsing the template for every created resource cost about 1 % of the service's CPU
        URI location = URI.create(locationTemplate.replace("{id}", UriUtils.encodePathSegment(id, UTF_8)));
        return gateway.<CommandResult>send(withIdempotencyKey(command, HttpStatus.CREATED, location))
                      .exceptionallyCompose(failure -> CompletableFuture.failedFuture(
                              streamAlreadyExists(failure) ? new IdTakenException(idTaken, id) : failure))
                      .thenApply(result -> ResponseEntity.created(location).body(result));
    }

    /** A request with an idempotency key hands it to the command, whose transaction then stores the response. */
    private static Object withIdempotencyKey(Object command, HttpStatus successStatus, URI location) {
        return IdempotentRequest.current()
                                .<Object>map(request -> GenericCommandMessage.asCommandMessage(command).andMetaData(
                                        request.commandMetaData(successStatus.value(),
                                                                location == null ? null : location.toASCIIString())))
                                .orElse(command);
    }

    private static boolean streamAlreadyExists(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return false;
    }

    /** Ids are generated at the edge, never in aggregates; only an omitted id is generated, a blank one is invalid. */
    public static String idOrNew(String id) {
        return id != null ? id : UUID.randomUUID().toString();
    }
}
