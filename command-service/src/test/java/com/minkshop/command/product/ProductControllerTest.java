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
import com.minkshop.command.web.Rejection;
import com.minkshop.command.web.StubCommandBus;
import com.minkshop.command.web.WebTestConfig;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import static com.minkshop.command.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@WebMvcTest
@Import(WebTestConfig.class)
class ProductControllerTest {

    @Autowired
    private MockMvcTester mvc;
    @Autowired
    private StubCommandBus commands;

    @BeforeEach
    void reset() {
        commands.reset();
    }

    @Test
    void createsAProductWith201AndItsLocation() {
        commands.answer(CreateProductCommand.class, c -> new CommandResult(c.productId(), 1, Map.of()));

        MvcTestResult result = post("/api/products", """
                {"productId": "PROD-001", "sku": "WIDGET-001", "name": "Super Widget",
                 "description": "The best widget money can buy", "price": 29.99, "initialStock": 100}""");

        assertThat(result).hasStatus(HttpStatus.CREATED)
                          .hasHeader("Location", "/api/products/PROD-001")
                          .hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                          .bodyJson()
                          .isLenientlyEqualTo("{\"aggregateId\": \"PROD-001\", \"version\": 1, \"data\": {}}");
        assertThat(commands.received(CreateProductCommand.class)).isEqualTo(new CreateProductCommand(
                "PROD-001", "WIDGET-001", "Super Widget", "The best widget money can buy",
                new BigDecimal("29.99"), 100));
    }

    @Test
    void generatesTheIdOfANewProductWhenItIsOmitted() {
        commands.answer(CreateProductCommand.class, c -> new CommandResult(c.productId(), 1, Map.of()));

        MvcTestResult result = post("/api/products", """
                {"sku": "WIDGET-001", "name": "Super Widget", "price": 29.99, "initialStock": 0}""");

        String id = commands.received(CreateProductCommand.class).productId();
        assertThat(UUID.fromString(id)).hasToString(id);
        assertThat(result).hasStatus(HttpStatus.CREATED).hasHeader("Location", "/api/products/" + id);
    }

    @Test
    void reportsEveryInvalidFieldOfANewProduct() {
        MvcTestResult result = post("/api/products", """
                {"productId": "", "sku": " ", "price": 0, "initialStock": -1}""");

        assertProblem(result, ErrorCode.VALIDATION_FAILED);
        assertThat(result).bodyJson().isLenientlyEqualTo("""
                {"errors": [
                  {"field": "initialStock", "message": "initial stock cannot be negative"},
                  {"field": "name", "message": "name is required"},
                  {"field": "price", "message": "price must be positive"},
                  {"field": "productId", "message": "product ID is required"},
                  {"field": "sku", "message": "SKU is required"}]}""");
        assertThat(commands.allReceived()).isEmpty();
    }

    @Test
    void rejectsADuplicateProductWith409() {
        commands.fail(CreateProductCommand.class,
                      new Rejection(ErrorCode.PRODUCT_ALREADY_EXISTS, "product PROD-001 already exists"));

        MvcTestResult result = post("/api/products", """
                {"productId": "PROD-001", "sku": "WIDGET-001", "name": "Super Widget", "price": 29.99}""");

        assertProblem(result, ErrorCode.PRODUCT_ALREADY_EXISTS);
        assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("product PROD-001 already exists");
    }

    @Test
    void changesThePrice() {
        commands.answer(ChangePriceCommand.class, c -> new CommandResult(c.productId(), 2, Map.of()));

        MvcTestResult result = post("/api/products/PROD-001/price", """
                {"newPrice": 24.5, "reason": "promotion"}""");

        assertThat(result).hasStatus(HttpStatus.OK).bodyJson().extractingPath("$.version").isEqualTo(2);
        assertThat(commands.received(ChangePriceCommand.class))
                .isEqualTo(new ChangePriceCommand("PROD-001", new BigDecimal("24.5"), "promotion"));
    }

    @Test
    void addsStock() {
        commands.answer(AddStockCommand.class, c -> new CommandResult(c.productId(), 2, Map.of()));

        assertThat(post("/api/products/PROD-001/stock", "{\"quantity\": 50, \"reference\": \"PO-7\"}"))
                .hasStatus(HttpStatus.OK);
        assertThat(commands.received(AddStockCommand.class)).isEqualTo(new AddStockCommand("PROD-001", 50, "PO-7"));
    }

    @Test
    void reservesStock() {
        commands.answer(ReserveStockCommand.class, c -> new CommandResult(c.productId(), 3, Map.of()));

        assertThat(post("/api/products/PROD-001/reservations", "{\"orderId\": \"ORDER-001\", \"quantity\": 2}"))
                .hasStatus(HttpStatus.OK);
        assertThat(commands.received(ReserveStockCommand.class))
                .isEqualTo(new ReserveStockCommand("PROD-001", "ORDER-001", 2));
    }

    @Test
    void rejectsAReservationBeyondTheStockWith409() {
        commands.fail(ReserveStockCommand.class, new Rejection(ErrorCode.INSUFFICIENT_STOCK, "insufficient stock"));

        assertProblem(post("/api/products/PROD-001/reservations", "{\"orderId\": \"O-1\", \"quantity\": 11}"),
                      ErrorCode.INSUFFICIENT_STOCK);
    }

    @Test
    void releasesAReservationWithOrWithoutAReason() {
        commands.answer(ReleaseStockCommand.class, c -> new CommandResult(c.productId(), 4, Map.of()));

        assertThat(post("/api/products/PROD-001/reservations/ORDER-001/release", "{\"reason\": \"timeout\"}"))
                .hasStatus(HttpStatus.OK);
        assertThat(commands.received(ReleaseStockCommand.class))
                .isEqualTo(new ReleaseStockCommand("PROD-001", "ORDER-001", "timeout"));

        commands.reset();
        commands.answer(ReleaseStockCommand.class, c -> new CommandResult(c.productId(), 4, Map.of()));
        assertThat(mvc.post().uri("/api/products/PROD-001/reservations/ORDER-001/release")).hasStatus(HttpStatus.OK);
        assertThat(commands.received(ReleaseStockCommand.class))
                .isEqualTo(new ReleaseStockCommand("PROD-001", "ORDER-001", null));
    }

    @Test
    void shipsAReservation() {
        commands.answer(ShipStockCommand.class, c -> new CommandResult(c.productId(), 4, Map.of()));

        assertThat(mvc.post().uri("/api/products/PROD-001/reservations/ORDER-001/shipment"))
                .hasStatus(HttpStatus.OK);
        assertThat(commands.received(ShipStockCommand.class)).isEqualTo(new ShipStockCommand("PROD-001", "ORDER-001"));
    }

    @Test
    void rejectsShippingAnUnknownReservationWith409() {
        commands.fail(ShipStockCommand.class, new Rejection(ErrorCode.RESERVATION_NOT_FOUND, "no reservation"));

        assertProblem(mvc.post().uri("/api/products/PROD-001/reservations/ORDER-9/shipment").exchange(),
                      ErrorCode.RESERVATION_NOT_FOUND);
    }

    @Test
    void discontinuesAProduct() {
        commands.answer(DiscontinueProductCommand.class, c -> new CommandResult(c.productId(), 5, Map.of()));

        assertThat(post("/api/products/PROD-001/discontinuation", "{\"reason\": \"end of line\"}"))
                .hasStatus(HttpStatus.OK);
        assertThat(commands.received(DiscontinueProductCommand.class))
                .isEqualTo(new DiscontinueProductCommand("PROD-001", "end of line"));
    }

    @Test
    void answersCommandsToAnUnknownProductWith404() {
        commands.fail(AddStockCommand.class, new AggregateNotFoundException("PROD-404", "no events"));

        MvcTestResult result = post("/api/products/PROD-404/stock", "{\"quantity\": 1}");

        assertProblem(result, ErrorCode.PRODUCT_NOT_FOUND);
        assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("product PROD-404 not found");
    }

    private MvcTestResult post(String uri, String json) {
        return mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }
}
