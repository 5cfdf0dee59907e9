package com.minkshop.command.order;

import com.minkshop.api.common.CommandResult;
import com.minkshop.api.common.ErrorCode;
import com.minkshop.api.common.Money;
import com.minkshop.api.order.CancelOrderCommand;
import com.minkshop.api.order.DeliverOrderCommand;
import com.minkshop.api.order.OrderItem;
import com.minkshop.api.order.PlaceOrderCommand;
import com.minkshop.api.order.ProcessPaymentCommand;
import com.minkshop.api.order.RecordPaymentFailureCommand;
import com.minkshop.api.order.ShipOrderCommand;
import com.minkshop.api.order.ShippingAddress;
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
import java.util.List;
import java.util.Map;

import static com.minkshop.command.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@WebMvcTest
@Import(WebTestConfig.class)
class OrderControllerTest {

    private static final String DEMO_ORDER = """
            {"orderId": "ORDER-001", "customerId": "CUST-001", "cartId": "CART-001",
             "items": [{"productId": "PROD-001", "productName": "Super Widget", "quantity": 2,
                        "unitPrice": 29.99}],
             "shippingAddress": {"name": "John Doe", "street": "123 Main St", "city": "New York", "state": "NY",
                                 "postalCode": "10001", "country": "USA"},
             "shippingCost": 5.99, "taxRate": 0.08}""";

    @Autowired
    private MockMvcTester mvc;
    @Autowired
    private StubCommandBus commands;

    @BeforeEach
    void reset() {
        commands.reset();
    }

    @Test
    void placesAnOrderWith201AndPassesTheAmountsOnExactly() {
        commands.answer(PlaceOrderCommand.class, c -> new CommandResult(c.orderId(), 1, Map.of(
                "status", "pending", "subtotal", Money.of("59.98"), "tax", Money.of("4.80"),
                "shippingCost", Money.of("5.99"), "totalAmount", Money.of("70.77"))));

        MvcTestResult result = post("/api/orders", DEMO_ORDER);

        assertThat(result).hasStatus(HttpStatus.CREATED).hasHeader("Location", "/api/orders/ORDER-001");
        assertThat(result).bodyJson().isLenientlyEqualTo("""
                {"aggregateId": "ORDER-001", "version": 1, "data": {"status": "pending"}}""");
        assertThat(result).bodyText().contains("\"tax\":4.80", "\"totalAmount\":70.77", "\"shippingCost\":5.99");
        assertThat(commands.received(PlaceOrderCommand.class)).isEqualTo(new PlaceOrderCommand(
                "ORDER-001", "CUST-001", "CART-001",
                List.of(new OrderItem("PROD-001", "Super Widget", 2, new BigDecimal("29.99"), null)),
                new ShippingAddress("John Doe", "123 Main St", "New York", "NY", "10001", "USA"),
                new BigDecimal("5.99"), new BigDecimal("0.08")));
    }

    @Test
    void reportsAllInvalidFieldsOfAnOrderTogetherByJsonPath() {
        MvcTestResult result = post("/api/orders", """
                {"customerId": "CUST-001", "cartId": "CART-001",
                 "items": [{"productId": "PROD-001", "productName": "Super Widget", "quantity": 0,
                            "unitPrice": 29.99}],
                 "shippingAddress": {"name": "John Doe", "state": "NY", "postalCode": "10001", "country": "USA"},
                 "shippingCost": 5.99, "taxRate": 0.08}""");

        assertProblem(result, ErrorCode.VALIDATION_FAILED);
        assertThat(result).bodyJson().isLenientlyEqualTo("""
                {"detail": "3 fields are invalid",
                 "errors": [
                   {"field": "items[0].quantity", "message": "quantity must be positive"},
                   {"field": "shippingAddress.city", "message": "city is required"},
                   {"field": "shippingAddress.street", "message": "street is required"}]}""");
        assertThat(commands.allReceived()).isEmpty();
    }

    @Test
    void reportsAnEmptyItemAndASubtotalThatDisagreesWithTheLine() {
        MvcTestResult result = post("/api/orders", """
                {"customerId": "CUST-001", "cartId": "CART-001",
                 "items": [{"productId": "PROD-001", "quantity": 2, "unitPrice": 29.99, "subtotal": 59.99}, null],
                 "shippingAddress": {"street": "123 Main St", "city": "New York"},
                 "shippingCost": 0, "taxRate": 0}""");

        assertProblem(result, ErrorCode.VALIDATION_FAILED);
        assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray()
                          .containsExactly("items[0].subtotal", "items[1].productId", "items[1].quantity",
                                           "items[1].unitPrice");
    }

    @Test
    void reportsMissingSections() {
        MvcTestResult result = post("/api/orders", "{\"customerId\": \"CUST-001\", \"cartId\": \"CART-001\"}");

        assertProblem(result, ErrorCode.VALIDATION_FAILED);
        assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray()
                          .containsExactly("items", "shippingAddress", "shippingCost", "taxRate");
    }

    @Test
    void processesAPayment() {
        commands.answer(ProcessPaymentCommand.class,
                        c -> new CommandResult(c.orderId(), 3, Map.of("status", "confirmed")));

        MvcTestResult result = post("/api/orders/ORDER-001/payment", """
                {"paymentId": "PAY-001", "amount": 70.77, "paymentMethod": "credit_card"}""");

        assertThat(result).hasStatus(HttpStatus.OK).bodyJson()
                          .isLenientlyEqualTo("{\"version\": 3, \"data\": {\"status\": \"confirmed\"}}");
        assertThat(commands.received(ProcessPaymentCommand.class)).isEqualTo(
                new ProcessPaymentCommand("ORDER-001", "PAY-001", new BigDecimal("70.77"), "credit_card"));
    }

    @Test
    void rejectsAnInsufficientPaymentWith409() {
        commands.fail(ProcessPaymentCommand.class,
                      new Rejection(ErrorCode.INVALID_PAYMENT_AMOUNT, "payment 70.76 is less than the total 70.77"));

        MvcTestResult result = post("/api/orders/ORDER-001/payment", """
                {"paymentId": "PAY-001", "amount": 70.76, "paymentMethod": "credit_card"}""");

        assertProblem(result, ErrorCode.INVALID_PAYMENT_AMOUNT);
        assertThat(result).bodyJson().extractingPath("$.detail")
                          .isEqualTo("payment 70.76 is less than the total 70.77");
    }

    @Test
    void recordsAPaymentFailure() {
        commands.answer(RecordPaymentFailureCommand.class, c -> new CommandResult(c.orderId(), 2, Map.of()));

        assertThat(post("/api/orders/ORDER-001/payment-failure",
                        "{\"paymentId\": \"PAY-1\", \"reason\": \"declined\"}"))
                .hasStatus(HttpStatus.OK);
        assertThat(commands.received(RecordPaymentFailureCommand.class))
                .isEqualTo(new RecordPaymentFailureCommand("ORDER-001", "PAY-1", "declined"));
    }

    @Test
    void shipsAnOrder() {
        commands.answer(ShipOrderCommand.class, c -> new CommandResult(c.orderId(), 4, Map.of(
                "trackingNumber", c.trackingNumber(), "carrier", c.carrier())));

        MvcTestResult result = post("/api/orders/ORDER-001/shipment",
                                    "{\"trackingNumber\": \"1Z999AA10123456784\", \"carrier\": \"UPS\"}");

        assertThat(result).hasStatus(HttpStatus.OK).bodyJson().isLenientlyEqualTo("""
                {"version": 4, "data": {"trackingNumber": "1Z999AA10123456784", "carrier": "UPS"}}""");
    }

    @Test
    void rejectsShippingAnUnconfirmedOrderWith409() {
        commands.fail(ShipOrderCommand.class, new Rejection(ErrorCode.ORDER_NOT_CONFIRMED, "not confirmed"));

        assertProblem(post("/api/orders/ORDER-001/shipment", "{\"trackingNumber\": \"1Z\", \"carrier\": \"UPS\"}"),
                      ErrorCode.ORDER_NOT_CONFIRMED);
    }

    @Test
    void deliversAnOrder() {
        commands.answer(DeliverOrderCommand.class, c -> new CommandResult(c.orderId(), 5, Map.of()));

        assertThat(post("/api/orders/ORDER-001/delivery", "{\"signedBy\": \"J. Doe\"}")).hasStatus(HttpStatus.OK);
        assertThat(commands.received(DeliverOrderCommand.class))
                .isEqualTo(new DeliverOrderCommand("ORDER-001", "J. Doe"));
    }

    @Test
    void cancelsAnOrderAndRequiresAReason() {
        commands.answer(CancelOrderCommand.class, c -> new CommandResult(c.orderId(), 2, Map.of()));

        assertThat(post("/api/orders/ORDER-001/cancellation",
                        "{\"reason\": \"changed mind\", \"cancelledBy\": \"customer\"}"))
                .hasStatus(HttpStatus.OK);
        assertThat(commands.received(CancelOrderCommand.class))
                .isEqualTo(new CancelOrderCommand("ORDER-001", "changed mind", "customer"));

        MvcTestResult withoutReason = post("/api/orders/ORDER-001/cancellation", "{\"cancelledBy\": \"customer\"}");
        assertProblem(withoutReason, ErrorCode.VALIDATION_FAILED);
        assertThat(withoutReason).bodyJson().extractingPath("$.errors[0].message")
                                 .isEqualTo("cancellation reason is required");
    }

    @Test
    void rejectsCancellingAShippedOrderWith409() {
        commands.fail(CancelOrderCommand.class, new Rejection(ErrorCode.ORDER_ALREADY_SHIPPED, "already shipped"));

        assertProblem(post("/api/orders/ORDER-001/cancellation", "{\"reason\": \"late\"}"),
                      ErrorCode.ORDER_ALREADY_SHIPPED);
    }

    @Test
    void answersCommandsToAnUnknownOrderWith404() {
        commands.fail(ProcessPaymentCommand.class, new AggregateNotFoundException("ORDER-404", "no events"));

        MvcTestResult result = post("/api/orders/ORDER-404/payment", """
                {"paymentId": "PAY-001", "amount": 1, "paymentMethod": "credit_card"}""");

        assertProblem(result, ErrorCode.ORDER_NOT_FOUND);
        assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("order ORDER-404 not found");
    }

    private MvcTestResult post(String uri, String json) {
        return mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }
}
