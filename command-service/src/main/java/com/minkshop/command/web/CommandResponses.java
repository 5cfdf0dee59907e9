package com.minkshop.command.web;

import com.minkshop.api.common.CommandResult;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The controllers' shared plumbing: send a command and answer with its {@link CommandResult}. Failures complete the
 * future exceptionally and end up in {@link ApiExceptionHandler}.
 */
public final class CommandResponses {

    private CommandResponses() {
    }

    public static CompletableFuture<ResponseEntity<CommandResult>> ok(CommandGateway gateway, Object command) {
        return gateway.<CommandResult>send(command).thenApply(ResponseEntity::ok);
    }

    /** 201 with the new resource's location, e.g. {@code /api/products/{id}}. */
    public static CompletableFuture<ResponseEntity<CommandResult>> created(CommandGateway gateway,
                                                                           Object command,
                                                                           String locationTemplate,
                                                                           String id) {
        return gateway.<CommandResult>send(command).thenApply(result -> ResponseEntity
                .created(UriComponentsBuilder.fromPath(locationTemplate).buildAndExpand(id).encode().toUri())
                .body(result));
    }

    /** Ids are generated at the edge, never in aggregates; only an omitted id is generated, a blank one is invalid. */
    public static String idOrNew(String id) {
        return id != null ? id : UUID.randomUUID().toString();
    }
}
