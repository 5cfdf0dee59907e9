package com.minkshop.command.product;

import com.minkshop.api.common.CommandResult;
import com.minkshop.api.common.ErrorCode;
import com.minkshop.api.product.AddStockCommand;
import com.minkshop.api.product.ChangePriceCommand;
import com.minkshop.api.product.CreateProductCommand;
import com.minkshop.api.product.DiscontinueProductCommand;
import com.minkshop.api.product.ReleaseStockCommand;
import com.minkshop.api.product.ReserveStockCommand;
import com.minkshop.api.product.ShipStockCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;

import static com.minkshop.command.web.CommandResponses.created;
import static com.minkshop.command.web.CommandResponses.idOrNew;
import static com.minkshop.command.web.CommandResponses.ok;

@RestController
// JSON only, so an unacceptable Accept header fails before the command runs, not after it succeeded
@RequestMapping(path = "/api/products", produces = MediaType.APPLICATION_JSON_VALUE)
class ProductController {

    private final CommandGateway commandGateway;

    ProductController(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @PostMapping
    CompletableFuture<ResponseEntity<CommandResult>> create(@RequestBody CreateProductRequest request) {
        String productId = idOrNew(request.productId());
        return created(commandGateway,
                       new CreateProductCommand(productId, request.sku(), request.name(), request.description(),
                                                request.price(), request.initialStock()),
                       "/api/products/{id}", productId,
                       ErrorCode.PRODUCT_ALREADY_EXISTS);
    }

    @PostMapping("/{id}/price")
    CompletableFuture<ResponseEntity<CommandResult>> changePrice(@PathVariable String id,
                                                                 @RequestBody ChangePriceRequest request) {
        return ok(commandGateway, new ChangePriceCommand(id, request.newPrice(), request.reason()));
    }

    @PostMapping("/{id}/stock")
    CompletableFuture<ResponseEntity<CommandResult>> addStock(@PathVariable String id,
                                                              @RequestBody AddStockRequest request) {
        return ok(commandGateway, new AddStockCommand(id, request.quantity(), request.reference()));
    }

    @PostMapping("/{id}/reservations")
    CompletableFuture<ResponseEntity<CommandResult>> reserveStock(@PathVariable String id,
                                                                  @RequestBody ReserveStockRequest request) {
        return ok(commandGateway, new ReserveStockCommand(id, request.orderId(), request.quantity()));
    }

    @PostMapping("/{id}/reservations/{orderId}/release")
    CompletableFuture<ResponseEntity<CommandResult>> releaseStock(@PathVariable String id,
                                                                  @PathVariable String orderId,
                                                                  @RequestBody(required = false)
                                                                  ReasonRequest request) {
        return ok(commandGateway, new ReleaseStockCommand(id, orderId, ReasonRequest.reasonOf(request)));
    }

    @PostMapping("/{id}/reservations/{orderId}/shipment")
    CompletableFuture<ResponseEntity<CommandResult>> shipStock(@PathVariable String id,
                                                               @PathVariable String orderId) {
        return ok(commandGateway, new ShipStockCommand(id, orderId));
    }

    @PostMapping("/{id}/discontinuation")
    CompletableFuture<ResponseEntity<CommandResult>> discontinue(@PathVariable String id,
                                                                 @RequestBody(required = false)
                                                                 ReasonRequest request) {
        return ok(commandGateway, new DiscontinueProductCommand(id, ReasonRequest.reasonOf(request)));
    }

    record CreateProductRequest(String productId,
                                String sku,
                                String name,
                                String description,
                                BigDecimal price,
                                int initialStock) {
    }

    record ChangePriceRequest(BigDecimal newPrice, String reason) {
    }

    record AddStockRequest(int quantity, String reference) {
    }

    record ReserveStockRequest(String orderId, int quantity) {
    }

    /** Body of the state changes whose only (optional) input is a reason; the whole body may be omitted. */
    record ReasonRequest(String reason) {

        static String reasonOf(ReasonRequest request) {
            return request == null ? null : request.reason();
        }
    }
}
