package com.minkshop.query.web;

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
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
 * The OpenAPI description ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}). Controllers carry a
 * summary, their own error codes ({@link ApiErrors}) and an example ({@link ApiExample}); this class adds the codes
 * every endpoint shares and one problem+json response per status, listing each possible {@code code} with an
 * example.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String PROBLEM_SCHEMA = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    private static final List<ErrorCode> COMMON = List.of(
            ErrorCode.VALIDATION_FAILED, ErrorCode.MALFORMED_REQUEST, ErrorCode.NOT_ACCEPTABLE,
            ErrorCode.INTERNAL_ERROR, ErrorCode.SERVICE_UNAVAILABLE);

    @Bean
    OpenAPI queryApi() {
        return new OpenAPI()
                .info(new Info().title("MinkShop query API")
                                .version("v1")
                                .description("Reads the shop's views, kept up to date from the event store. "
                                             + "Single-resource reads take `minVersion` (the `version` a command "
                                             + "returned) to read your own writes. Errors are RFC 9457 problem "
                                             + "documents with a stable `code`."))
                .components(new Components().addSchemas(PROBLEM_SCHEMA, problemSchema()));
    }

    @Bean
    OperationCustomizer queryOperations() {
        return (operation, handler) -> {
            operation.setOperationId(operationId(handler));
            ApiExample example = handler.getMethodAnnotation(ApiExample.class);
            ApiResponse success = operation.getResponses().remove("200");
            if (example != null) {
                Object body = json(example.page()
                                           ? "{\"items\": [" + example.value() + "], \"page\": 0, \"size\": 20, "
                                             + "\"totalItems\": 1}"
                                           : example.value());
                success.getContent().values().forEach(media -> media.setExample(body));
            }
            MediaType stream = success.getContent().get(org.springframework.http.MediaType.TEXT_EVENT_STREAM_VALUE);
            if (stream != null) {
                stream.schema(new StringSchema()).example("event: dashboard\ndata: {\"type\": \"order_placed\", "
                                                          + "\"message\": \"New order #ORDER-001 for $70.77\", "
                                                          + "\"stats\": {...}, \"time\": \"2026-01-04T10:00:03Z\"}");
            }
            int status = example == null ? 200 : example.status();
            operation.getResponses().addApiResponse(String.valueOf(status),
                                                    success.description(status == 202 ? "Accepted" : "OK"));
            if (handler.getBeanType().getPackageName().endsWith(".admin")) {
                operation.addParametersItem(new HeaderParameter()
                        .name(AdminAccessFilter.TOKEN_HEADER)
                        .required(false)
                        .description("Needed unless the client is on the loopback interface; without it the "
                                     + "endpoint answers 404 NOT_FOUND (minkshop.query.admin.token)")
                        .schema(new StringSchema()));
            }
            Set<ErrorCode> codes = new LinkedHashSet<>(COMMON);
            ApiErrors errors = handler.getMethodAnnotation(ApiErrors.class);
            if (errors != null) {
                codes.addAll(List.of(errors.value()));
            }
            addErrors(operation, codes);
            return operation;
        };
    }

    /** list, find, ... are per feature: listProducts, findOrder instead of springdoc's list_1, find_2. */
    private static String operationId(HandlerMethod handler) {
        String name = handler.getMethod().getName();
        if (!List.of("list", "find").contains(name)) {
            return name;
        }
        String feature = handler.getBeanType().getSimpleName().replace("QueryController", "");
        return name + feature + (name.equals("list") ? "s" : "");
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
            if (status == 503) {
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
        problem.put("detail", detail(code));
        problem.put("code", code.name());
        if (code == ErrorCode.VALIDATION_FAILED) {
            problem.put("errors", List.of(Map.of("field", "size", "message", "size must be at most 100")));
        }
        return problem;
    }

    private static String detail(ErrorCode code) {
        return switch (code) {
            case VALIDATION_FAILED -> "The request has invalid parameters";
            case MALFORMED_REQUEST -> "Parameter 'minVersion' has the wrong type";
            case NOT_ACCEPTABLE -> "This resource is available as application/json only";
            case PRODUCT_NOT_FOUND -> "Product [PROD-001] not found";
            case CART_NOT_FOUND -> "Cart [CART-001] not found";
            case ORDER_NOT_FOUND -> "Order [ORDER-001] not found";
            case NOT_FOUND -> "No such resource";
            case PROJECTION_LAGGING -> "The view did not catch up in time; retry shortly";
            case SERVICE_UNAVAILABLE -> "The service cannot reach its database right now; retry shortly";
            default -> "An unexpected error occurred";
        };
    }

    private static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the parameter, e.g. size"))
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
                                                        .description("every invalid parameter (VALIDATION_FAILED)"));
    }

    private static Object json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Invalid example JSON: " + text, e);
        }
    }
}
