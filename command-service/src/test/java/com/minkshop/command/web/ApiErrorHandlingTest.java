package com.minkshop.command.web;

import com.minkshop.api.common.CommandResult;
import com.minkshop.api.common.ErrorCode;
import com.minkshop.api.order.PlaceOrderCommand;
import com.minkshop.api.product.AddStockCommand;
import com.minkshop.api.product.CreateProductCommand;
import com.minkshop.api.product.ReserveStockCommand;
import jakarta.servlet.RequestDispatcher;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.stream.Stream;

import static com.minkshop.command.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error contract shared by all endpoints: every failure is a problem document with a stable code, bad input is
 * a 400 and never a 500, and internals never leak.
 */
@WebMvcTest
@Import(WebTestConfig.class)
class ApiErrorHandlingTest {

    private static final String VALID_PRODUCT = """
            {"sku": "WIDGET-001", "name": "Super Widget", "price": 29.99, "initialStock": 100}""";

    @Autowired
    private MockMvcTester mvc;
    @Autowired
    private StubCommandBus commands;

    @BeforeEach
    void reset() {
        commands.reset();
        commands.answer(CreateProductCommand.class, c -> new CommandResult(c.productId(), 1, Map.of()));
        commands.answer(AddStockCommand.class, c -> new CommandResult(c.productId(), 2, Map.of()));
    }

    static Stream<Arguments> malformedBodies() {
        String product = "\"sku\": \"W-1\", \"name\": \"n\", \"price\": 1";
        return Stream.of(
                Arguments.of("unparsable JSON", "{\"sku\": \"WIDGET-001\",",
                             "The request body is not valid JSON."),
                Arguments.of("unknown field", "{" + product + ", \"colour\": 1}",
                             "Unknown field 'colour'."),
                Arguments.of("text for a number", "{\"sku\": \"W-1\", \"name\": \"n\", \"price\": \"cheap\"}",
                             "Field 'price' must be a number."),
                Arguments.of("object for text", "{\"sku\": {\"code\": 1}, \"name\": \"n\", \"price\": 1}",
                             "Field 'sku' must be a string."),
                Arguments.of("array for text", "{" + product + ", \"description\": [\"a\"]}",
                             "Field 'description' must be a string."),
                Arguments.of("fraction for integer", "{" + product + ", \"initialStock\": 2.5}",
                             "Field 'initialStock' must be an integer."),
                Arguments.of("quoted integer", "{" + product + ", \"initialStock\": \"2\"}",
                             "Field 'initialStock' must be an integer."),
                Arguments.of("integer overflow", "{" + product + ", \"initialStock\": 99999999999}",
                             "Field 'initialStock' is out of range."),
                Arguments.of("array for object", "[1, 2]",
                             "The request body must be a single JSON object."),
                Arguments.of("two objects", "{\"sku\": \"W-1\"} {\"sku\": \"W-2\"}",
                             "The request body must be a single JSON object."),
                Arguments.of("trailing garbage", "{\"sku\": \"W-1\"} }",
                             "The request body is not valid JSON."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void rejectsABodyThatIsNotTheExpectedJsonAsMalformed(String problem, String body, String detail) {
        MvcTestResult result = postJson("/api/products", body);

        assertProblem(result, ErrorCode.MALFORMED_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo(detail);
        assertThat(commands.allReceived()).isEmpty();
    }

    @Test
    void namesTheJsonPathOfANestedTypeError() {
        MvcTestResult result = postJson("/api/orders", """
                {"customerId": "C-1", "cartId": "CART-1", "items": [{"productId": "P-1", "quantity": 1.5}]}""");

        assertProblem(result, ErrorCode.MALFORMED_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.detail")
                          .isEqualTo("Field 'items[0].quantity' must be an integer.");
        assertThat(commands.allReceived()).noneMatch(PlaceOrderCommand.class::isInstance);
    }

    @Test
    void rejectsAMissingBody() {
        MvcTestResult result = mvc.post().uri("/api/products").contentType(MediaType.APPLICATION_JSON).exchange();

        assertProblem(result, ErrorCode.MALFORMED_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("The request body is missing.");
    }

    @Test
    void rejectsBodiesThatAreNotJsonWith415() {
        MvcTestResult result = mvc.post().uri("/api/products").contentType(MediaType.TEXT_PLAIN)
                                  .content("sku=WIDGET-001").exchange();

        assertProblem(result, ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        assertThat(commands.allReceived()).isEmpty();
    }

    @Test
    void rejectsAFormBodyWith415RatherThanTryingToParseIt() {
        MvcTestResult result = mvc.put().uri("/api/carts/CART-001/items/PROD-001")
                                  .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                                  .content("quantity=%zz").exchange();

        assertProblem(result, ErrorCode.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void rejectsAnUnsupportedMethodWith405AndSaysWhichAreAllowed() {
        MvcTestResult result = mvc.get().uri("/api/products").exchange();

        assertProblem(result, ErrorCode.METHOD_NOT_ALLOWED);
        assertThat(result).headers().hasValue(HttpHeaders.ALLOW, "POST");
    }

    @Test
    void rejectsAnUnacceptableResponseTypeWith406BeforeTheCommandRuns() {
        MvcTestResult result = mvc.post().uri("/api/products").contentType(MediaType.APPLICATION_JSON)
                                  .accept(MediaType.APPLICATION_XML).content(VALID_PRODUCT).exchange();

        assertProblem(result, ErrorCode.NOT_ACCEPTABLE);
        assertThat(commands.allReceived()).isEmpty();
    }

    @Test
    void answersUnknownPathsWith404() {
        assertProblem(mvc.get().uri("/api/nothing-here").exchange(), ErrorCode.NOT_FOUND);
        assertProblem(postJson("/api/products/PROD-001/colour", "{}"), ErrorCode.NOT_FOUND);
    }

    @Test
    void validatesIdsTakenFromThePath() {
        MvcTestResult result = postJson("/api/products/{id}/stock", "{\"quantity\": 5}", "bad id!");

        assertProblem(result, ErrorCode.VALIDATION_FAILED);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("productId");
        assertThat(result).bodyJson().extractingPath("$.errors[0].message")
                          .isEqualTo("product ID must be 1-64 characters of letters, digits, '.', '_', ':' or '-'");
        assertThat(commands.allReceived()).isEmpty();
    }

    @Test
    void hidesEverythingAboutAnUnexpectedFailure() {
        commands.fail(ReserveStockCommand.class,
                      new IllegalStateException("secret: connection to db-internal.example:5432 lost"));

        MvcTestResult result = postJson("/api/products/PROD-001/reservations",
                                        "{\"orderId\": \"ORDER-001\", \"quantity\": 1}");

        assertProblem(result, ErrorCode.INTERNAL_ERROR);
        assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo(Problems.INTERNAL_ERROR_DETAIL);
        assertThat(result).bodyText().doesNotContain("secret", "db-internal", "Exception", "com.minkshop", "at ");
    }

    @Test
    void answersAnUnreachableDatabaseWith503AndRetryAfterWithoutRetryingOrShowingInternals() {
        // what the unit of work meets when Hikari has no connection to give within its timeout
        commands.fail(ReserveStockCommand.class, new CannotCreateTransactionException(
                "Could not open JDBC Connection for transaction", new SQLTransientConnectionException(
                        "HikariPool-1 - Connection is not available, request timed out after 3000ms", "08001")));

        MvcTestResult result = postJson("/api/products/PROD-001/reservations",
                                        "{\"orderId\": \"ORDER-001\", \"quantity\": 1}");

        assertProblem(result, ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(result).hasHeader(HttpHeaders.RETRY_AFTER, "5");
        assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo(Problems.SERVICE_UNAVAILABLE_DETAIL);
        assertThat(result).bodyText().doesNotContain("Hikari", "JDBC", "Exception");
        assertThat(commands.allReceived()).hasSize(1);
    }

    @Test
    void reportsAConcurrencyConflictThatOutlastsTheRetriesAs409() {
        commands.fail(ReserveStockCommand.class, new ConcurrencyException("sequence 4 of PROD-001 taken"));

        MvcTestResult result = postJson("/api/products/PROD-001/reservations",
                                        "{\"orderId\": \"ORDER-001\", \"quantity\": 1}");

        assertProblem(result, ErrorCode.CONCURRENT_MODIFICATION);
        // the first attempt plus minkshop.commands.max-retries (8 in application.yml)
        assertThat(commands.allReceived()).hasSize(9);
    }

    @Test
    void answersContainerErrorDispatchesWithProblems() {
        MvcTestResult badRequest = mvc.get().uri("/error")
                                      .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 400)
                                      .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/products")
                                      .exchange();
        MvcTestResult crash = mvc.get().uri("/error")
                                 .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                                 .requestAttr(RequestDispatcher.ERROR_EXCEPTION,
                                              new IllegalStateException("filter exploded"))
                                 .accept(MediaType.TEXT_HTML)
                                 .exchange();

        assertProblem(badRequest, ErrorCode.MALFORMED_REQUEST);
        assertProblem(crash, ErrorCode.INTERNAL_ERROR);
        assertThat(crash).bodyText().doesNotContain("exploded", "Exception");
        assertProblem(mvc.get().uri("/error").exchange(), ErrorCode.NOT_FOUND);
    }

    private MvcTestResult postJson(String uri, String body, Object... uriVariables) {
        return mvc.post().uri(uri, uriVariables).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }
}
