package com.minkshop.command.cart;

import com.minkshop.api.cart.AddToCartCommand;
import com.minkshop.api.cart.ChangeItemQuantityCommand;
import com.minkshop.api.cart.CheckoutCartCommand;
import com.minkshop.api.cart.ClearCartCommand;
import com.minkshop.api.cart.CreateCartCommand;
import com.minkshop.api.cart.RemoveFromCartCommand;
import com.minkshop.api.common.CommandResult;
import com.minkshop.api.common.ErrorCode;
import com.minkshop.api.common.Money;
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
class CartControllerTest {

    @Autowired
    private MockMvcTester mvc;
    @Autowired
    private StubCommandBus commands;

    @BeforeEach
    void reset() {
        commands.reset();
    }

    @Test
    void createsACartWith201AndItsLocation() {
        commands.answer(CreateCartCommand.class, c -> new CommandResult(c.cartId(), 1, Map.of()));

        MvcTestResult result = post("/api/carts", "{\"cartId\": \"CART-001\", \"customerId\": \"CUST-001\"}");

        assertThat(result).hasStatus(HttpStatus.CREATED).hasHeader("Location", "/api/carts/CART-001")
                          .bodyJson().isLenientlyEqualTo("{\"aggregateId\": \"CART-001\", \"version\": 1}");
        assertThat(commands.received(CreateCartCommand.class)).isEqualTo(new CreateCartCommand("CART-001", "CUST-001"));
    }

    @Test
    void generatesTheIdOfANewCartWhenItIsOmitted() {
        commands.answer(CreateCartCommand.class, c -> new CommandResult(c.cartId(), 1, Map.of()));

        MvcTestResult result = post("/api/carts", "{\"customerId\": \"CUST-001\"}");

        String id = commands.received(CreateCartCommand.class).cartId();
        assertThat(UUID.fromString(id)).hasToString(id);
        assertThat(result).hasHeader("Location", "/api/carts/" + id);
    }

    @Test
    void rejectsASecondCartWithTheSameIdWith409() {
        commands.fail(CreateCartCommand.class, new Rejection(ErrorCode.CART_ALREADY_EXISTS, "cart exists"));

        assertProblem(post("/api/carts", "{\"cartId\": \"CART-001\", \"customerId\": \"CUST-001\"}"),
                      ErrorCode.CART_ALREADY_EXISTS);
    }

    @Test
    void addsAnItemAndReturnsTheCartTotalsWithCents() {
        commands.answer(AddToCartCommand.class, c -> new CommandResult(
                c.cartId(), 2, Map.of("itemCount", 2, "totalAmount", Money.of("59.98"))));

        MvcTestResult result = post("/api/carts/CART-001/items", """
                {"productId": "PROD-001", "productName": "Super Widget", "quantity": 2, "unitPrice": 29.99}""");

        assertThat(result).hasStatus(HttpStatus.OK)
                          .bodyJson().isLenientlyEqualTo("{\"version\": 2, \"data\": {\"itemCount\": 2}}");
        assertThat(result).bodyText().contains("\"totalAmount\":59.98");
        assertThat(commands.received(AddToCartCommand.class)).isEqualTo(
                new AddToCartCommand("CART-001", "PROD-001", "Super Widget", 2, new BigDecimal("29.99")));
    }

    @Test
    void rejectsAPriceWithMoreThanTwoDecimals() {
        MvcTestResult result = post("/api/carts/CART-001/items", """
                {"productId": "PROD-001", "productName": "Super Widget", "quantity": 1, "unitPrice": 29.999}""");

        assertProblem(result, ErrorCode.VALIDATION_FAILED);
        assertThat(result).bodyJson().isLenientlyEqualTo("""
                {"errors": [{"field": "unitPrice", "message": "price must have at most 2 decimal places"}]}""");
    }

    @Test
    void changesAnItemsQuantity() {
        commands.answer(ChangeItemQuantityCommand.class, c -> new CommandResult(c.cartId(), 3, Map.of()));

        assertThat(put("/api/carts/CART-001/items/PROD-001", "{\"quantity\": 5}")).hasStatus(HttpStatus.OK);
        assertThat(commands.received(ChangeItemQuantityCommand.class))
                .isEqualTo(new ChangeItemQuantityCommand("CART-001", "PROD-001", 5));
    }

    @Test
    void requiresTheNewQuantityBecauseZeroWouldRemoveTheItem() {
        MvcTestResult result = put("/api/carts/CART-001/items/PROD-001", "{}");

        assertProblem(result, ErrorCode.VALIDATION_FAILED);
        assertThat(result).bodyJson().isLenientlyEqualTo("""
                {"errors": [{"field": "quantity", "message": "quantity is required"}]}""");
        assertThat(commands.allReceived()).isEmpty();
    }

    @Test
    void rejectsANegativeQuantity() {
        MvcTestResult result = put("/api/carts/CART-001/items/PROD-001", "{\"quantity\": -1}");

        assertProblem(result, ErrorCode.VALIDATION_FAILED);
        assertThat(result).bodyJson().extractingPath("$.errors[0].message").isEqualTo("quantity cannot be negative");
    }

    @Test
    void rejectsChangingAnItemThatIsNotInTheCartWith409() {
        commands.fail(ChangeItemQuantityCommand.class, new Rejection(ErrorCode.ITEM_NOT_IN_CART, "not in cart"));

        assertProblem(put("/api/carts/CART-001/items/PROD-404", "{\"quantity\": 1}"), ErrorCode.ITEM_NOT_IN_CART);
    }

    @Test
    void removesAnItem() {
        commands.answer(RemoveFromCartCommand.class, c -> new CommandResult(c.cartId(), 4, Map.of()));

        assertThat(mvc.delete().uri("/api/carts/CART-001/items/PROD-001")).hasStatus(HttpStatus.OK);
        assertThat(commands.received(RemoveFromCartCommand.class))
                .isEqualTo(new RemoveFromCartCommand("CART-001", "PROD-001"));
    }

    @Test
    void clearsACartWithoutABody() {
        commands.answer(ClearCartCommand.class, c -> new CommandResult(c.cartId(), 5, Map.of()));

        assertThat(mvc.post().uri("/api/carts/CART-001/clear")).hasStatus(HttpStatus.OK);
        assertThat(commands.received(ClearCartCommand.class)).isEqualTo(new ClearCartCommand("CART-001", null));
    }

    @Test
    void checksOutIntoTheGivenOrder() {
        commands.answer(CheckoutCartCommand.class,
                        c -> new CommandResult(c.cartId(), 3, Map.of("orderId", c.orderId())));

        MvcTestResult result = post("/api/carts/CART-001/checkout", "{\"orderId\": \"ORDER-001\"}");

        assertThat(result).hasStatus(HttpStatus.OK).bodyJson().extractingPath("$.data.orderId").isEqualTo("ORDER-001");
        assertThat(commands.received(CheckoutCartCommand.class))
                .isEqualTo(new CheckoutCartCommand("CART-001", "ORDER-001"));
    }

    @Test
    void namesTheOrderWhenCheckoutOmitsIt() {
        commands.answer(CheckoutCartCommand.class,
                        c -> new CommandResult(c.cartId(), 3, Map.of("orderId", c.orderId())));

        MvcTestResult result = mvc.post().uri("/api/carts/CART-001/checkout").exchange();

        String orderId = commands.received(CheckoutCartCommand.class).orderId();
        assertThat(UUID.fromString(orderId)).hasToString(orderId);
        assertThat(result).bodyJson().extractingPath("$.data.orderId").isEqualTo(orderId);
    }

    @Test
    void rejectsCheckingOutTwiceAndAnEmptyCartWith409() {
        commands.fail(CheckoutCartCommand.class, new Rejection(ErrorCode.CART_ALREADY_CHECKED_OUT, "checked out"));
        assertProblem(post("/api/carts/CART-001/checkout", "{\"orderId\": \"O-2\"}"),
                      ErrorCode.CART_ALREADY_CHECKED_OUT);

        commands.fail(CheckoutCartCommand.class, new Rejection(ErrorCode.CART_EMPTY, "cart is empty"));
        assertProblem(post("/api/carts/CART-002/checkout", "{\"orderId\": \"O-3\"}"), ErrorCode.CART_EMPTY);
    }

    @Test
    void answersCommandsToAnUnknownCartWith404() {
        commands.fail(AddToCartCommand.class, new AggregateNotFoundException("CART-404", "no events"));

        MvcTestResult result = post("/api/carts/CART-404/items", """
                {"productId": "PROD-001", "productName": "Super Widget", "quantity": 1, "unitPrice": 1}""");

        assertProblem(result, ErrorCode.CART_NOT_FOUND);
        assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("cart CART-404 not found");
    }

    private MvcTestResult post(String uri, String json) {
        return mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    private MvcTestResult put(String uri, String json) {
        return mvc.put().uri(uri).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }
}
