package com.minkshop.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.minkshop.api.common.ErrorCode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The OpenAPI description ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}). Controllers carry only a
 * summary, their business error codes ({@link ApiErrors}) and an example ({@link ApiExample}); this class adds what
 * every command endpoint shares: the {@code Idempotency-Key} header, the success status, and one problem+json
 * response per status listing each possible {@code code} with an example.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String PROBLEM_SCHEMA = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String JSON = "application/json";

    /** Codes any command endpoint can answer, whatever its aggregate does. */
    private static final List<ErrorCode> COMMON = List.of(
            ErrorCode.VALIDATION_FAILED, ErrorCode.NOT_ACCEPTABLE, ErrorCode.CONCURRENT_MODIFICATION,
            ErrorCode.INVALID_IDEMPOTENCY_KEY, ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS, ErrorCode.IDEMPOTENCY_KEY_REUSED,
            ErrorCode.INTERNAL_ERROR, ErrorCode.SERVICE_UNAVAILABLE);
    /** Codes about the request body, for endpoints that take one. */
    private static final List<ErrorCode> BODY = List.of(
            ErrorCode.MALFORMED_REQUEST, ErrorCode.UNSUPPORTED_MEDIA_TYPE, ErrorCode.PAYLOAD_TOO_LARGE);

    @Bean
    OpenAPI commandApi() {
        return new OpenAPI()
                .info(new Info().title("MinkShop command API")
                                .version("v1")
                                .description("Changes the shop: every endpoint sends one command to an aggregate "
                                             + "and answers with its id and new version. Errors are RFC 9457 "
                                             + "problem documents with a stable `code`."))
                .components(new Components().addSchemas(PROBLEM_SCHEMA, problemSchema()));
    }

    @Bean
    OperationCustomizer commandOperations() {
        return (operation, handler) -> {
            // createProduct and createCart rather than springdoc's create and create_1
            if (handler.getMethod().getName().equals("create")) {
                operation.setOperationId("create" + handler.getBeanType().getSimpleName().replace("Controller", ""));
            }
            ApiExample example = handler.getMethodAnnotation(ApiExample.class);
            if (example != null) {
                applyExample(operation, example);
            }
            addIdempotencyKey(operation);
            addErrors(operation, errorCodes(handler));
            return operation;
        };
    }

    private static Set<ErrorCode> errorCodes(HandlerMethod handler) {
        Set<ErrorCode> codes = new LinkedHashSet<>(COMMON);
        if (Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(RequestBody.class))) {
            codes.addAll(BODY);
        }
        ApiErrors errors = handler.getMethodAnnotation(ApiErrors.class);
        if (errors != null) {
            codes.addAll(List.of(errors.value()));
        }
        return codes;
    }

    private static void applyExample(Operation operation, ApiExample example) {
        if (!example.request().isEmpty() && operation.getRequestBody() != null) {
            Object request = json(example.request());
            operation.getRequestBody().getContent().values().forEach(media -> media.setExample(request));
        }
        ApiResponses responses = operation.getResponses();
        ApiResponse success = responses.remove("200");
        if (success == null) {
            success = new ApiResponse().content(new Content().addMediaType(JSON, new MediaType()));
        }
        success.getContent().values().forEach(media -> media.setExample(json(example.response())));
        if (example.status() == 201) {
            success.description("Created; `Location` is the new resource's path")
                   .addHeaderObject("Location", new Header().description("e.g. /api/orders/ORDER-001")
                                                            .schema(new StringSchema()));
        } else {
            success.description("OK");
        }
        responses.addApiResponse(String.valueOf(example.status()), success);
    }

    private static void addIdempotencyKey(Operation operation) {
        operation.addParametersItem(new HeaderParameter()
                .name("Idempotency-Key")
                .required(false)
                .description("Makes a retry safe: a repeat with the same key, method, path and body is answered "
                             + "with the first outcome (and `Idempotent-Replayed: true`) without running again. "
                             + "A token or quoted string of 1-255 visible ASCII characters; kept 24 h.")
                .example("8e03978e-40d5-43e8-bc93-6894a57f9324")
                .schema(new StringSchema().maxLength(255)));
        operation.getResponses().values().forEach(response -> response.addHeaderObject(
                "Idempotent-Replayed", new Header().description("`true` when this is a stored outcome replayed")
                                                   .schema(new BooleanSchema())));
    }

    private static void addErrors(Operation operation, Set<ErrorCode> codes) {
        Map<Integer, List<ErrorCode>> byStatus = codes.stream().collect(
                Collectors.groupingBy(ErrorCode::httpStatus, TreeMap::new, Collectors.toList()));
        byStatus.forEach((status, statusCodes) -> {
            MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA));
            statusCodes.forEach(code -> media.addExamples(code.name(), new Example().summary(code.title())
                                                                                     .value(problem(code))));
            String description = statusCodes.stream().map(code -> "`" + code.name() + "`")
                                            .collect(Collectors.joining(", ", "Problem document; `code` is one of ",
                                                                        ""));
            ApiResponse response = new ApiResponse().description(description)
                                                    .content(new Content().addMediaType(PROBLEM_JSON, media));
            if (status == HttpStatus.SERVICE_UNAVAILABLE.value()) {
                response.addHeaderObject("Retry-After", new Header().description("seconds to wait before retrying")
                                                                    .schema(new IntegerSchema()));
            }
            operation.getResponses().addApiResponse(String.valueOf(status), response);
        });
    }

    private static Map<String, Object> problem(ErrorCode code) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", code.title());
        problem.put("status", code.httpStatus());
        problem.put("detail", ExampleDetails.of(code));
        problem.put("code", code.name());
        if (code == ErrorCode.VALIDATION_FAILED) {
            problem.put("errors", List.of(Map.of("field", "price", "message", "price must be positive")));
        }
        return problem;
    }

    private static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("JSON path of the field, e.g. items[0].quantity"))
                .addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem details with the shop's stable error code")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().description("the request path"))
                .addProperty("code", new StringSchema()._enum(Arrays.stream(ErrorCode.values()).map(Enum::name)
                                                                   .toList())
                                                       .description("what clients switch on"))
                .addProperty("correlationId", new StringSchema().description("the request's X-Correlation-Id"))
                .addProperty("errors", new ArraySchema().items(fieldError)
                                                        .description("every invalid field (VALIDATION_FAILED only)"));
    }

    private static Object json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Invalid example JSON: " + text, e);
        }
    }
}
