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
import com.minkshop.command.web.ApiErrors;
import com.minkshop.command.web.ApiExample;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Products", description = "Catalogue and stock: create, reprice, restock, reserve, release, ship")
// JSON only, so an unacceptable Accept header fails before the command runs, not after it succeeded
@RequestMapping(path = "/api/products", produces = MediaType.APPLICATION_JSON_VALUE)
class ProductController {

    private final CommandGateway commandGateway;

    ProductController(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @Operation(summary = "Create a product",
               description = "productId is generated (UUID) when omitted; initialStock may be 0.")
    @ApiErrors({ErrorCode.PRODUCT_ALREADY_EXISTS})
    @ApiExample(status = 201, request = """
            {"productId": "PROD-001", "sku": "WIDGET-001", "name": "Super Widget",
             "description": "The best widget money can buy", "price": 29.99, "initialStock": 100}""", response = """
            {"aggregateId": "PROD-001", "version": 1, "data": {}}""")
    @PostMapping
    CompletableFuture<ResponseEntity<CommandResult>> create(@RequestBody CreateProductRequest request) {
        String productId = idOrNew(request.productId());
        return created(commandGateway,
                       new CreateProductCommand(productId, request.sku(), request.name(), request.description(),
                                                request.price(), request.initialStock()),
                       "/api/products/{id}", productId,
                       ErrorCode.PRODUCT_ALREADY_EXISTS);
    }

    @Operation(summary = "Change the price",
               description = "The same price again is accepted and changes nothing.")
    @ApiErrors({ErrorCode.PRODUCT_NOT_FOUND, ErrorCode.PRODUCT_DISCONTINUED})
    @ApiExample(request = """
            {"newPrice": 24.99, "reason": "promotion"}""", response = """
            {"aggregateId": "PROD-001", "version": 2, "data": {}}""")
    @PostMapping("/{id}/price")
    CompletableFuture<ResponseEntity<CommandResult>> changePrice(@PathVariable String id,
                                                                 @RequestBody ChangePriceRequest request) {
        return ok(commandGateway, new ChangePriceCommand(id, request.newPrice(), request.reason()));
    }

    @Operation(summary = "Add stock")
    @ApiErrors({ErrorCode.PRODUCT_NOT_FOUND, ErrorCode.PRODUCT_DISCONTINUED, ErrorCode.STOCK_LIMIT_EXCEEDED})
    @ApiExample(request = """
            {"quantity": 50, "reference": "PO-2024-001"}""", response = """
            {"aggregateId": "PROD-001", "version": 2, "data": {}}""")
    @PostMapping("/{id}/stock")
    CompletableFuture<ResponseEntity<CommandResult>> addStock(@PathVariable String id,
                                                              @RequestBody AddStockRequest request) {
        return ok(commandGateway, new AddStockCommand(id, request.quantity(), request.reference()));
    }

    @Operation(summary = "Reserve stock for an order",
               description = "Orders placed through the API have their stock reserved by the order fulfilment saga; "
                           + "this is the manual way.")
    @ApiErrors({ErrorCode.PRODUCT_NOT_FOUND, ErrorCode.PRODUCT_DISCONTINUED, ErrorCode.INSUFFICIENT_STOCK})
    @ApiExample(request = """
            {"orderId": "ORDER-001", "quantity": 2}""", response = """
            {"aggregateId": "PROD-001", "version": 2, "data": {}}""")
    @PostMapping("/{id}/reservations")
    CompletableFuture<ResponseEntity<CommandResult>> reserveStock(@PathVariable String id,
                                                                  @RequestBody ReserveStockRequest request) {
        return ok(commandGateway, new ReserveStockCommand(id, request.orderId(), request.quantity()));
    }

    @Operation(summary = "Release an order's reservation",
               description = "Releases the whole reserved quantity; the body is optional.")
    @ApiErrors({ErrorCode.PRODUCT_NOT_FOUND, ErrorCode.RESERVATION_NOT_FOUND})
    @ApiExample(request = """
            {"reason": "order_cancelled"}""", response = """
            {"aggregateId": "PROD-001", "version": 3, "data": {}}""")
    @PostMapping("/{id}/reservations/{orderId}/release")
    CompletableFuture<ResponseEntity<CommandResult>> releaseStock(@PathVariable String id,
                                                                  @PathVariable String orderId,
                                                                  @RequestBody(required = false)
                                                                  ReasonRequest request) {
        return ok(commandGateway, new ReleaseStockCommand(id, orderId, ReasonRequest.reasonOf(request)));
    }

    @Operation(summary = "Ship an order's reserved stock")
    @ApiErrors({ErrorCode.PRODUCT_NOT_FOUND, ErrorCode.RESERVATION_NOT_FOUND})
    @ApiExample(response = """
            {"aggregateId": "PROD-001", "version": 3, "data": {}}""")
    @PostMapping("/{id}/reservations/{orderId}/shipment")
    CompletableFuture<ResponseEntity<CommandResult>> shipStock(@PathVariable String id,
                                                               @PathVariable String orderId) {
        return ok(commandGateway, new ShipStockCommand(id, orderId));
    }

    @Operation(summary = "Discontinue a product",
               description = "Discontinuing twice is accepted and changes nothing; the body is optional.")
    @ApiErrors({ErrorCode.PRODUCT_NOT_FOUND})
    @ApiExample(request = """
            {"reason": "replaced by WIDGET-002"}""", response = """
            {"aggregateId": "PROD-001", "version": 2, "data": {}}""")
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
