import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The tutorial's Part 3 demo and Part 4 queries, played through the REST APIs of running services (JDK only, Java 17).
 * Run by {@code ./shop demo}, or by hand:
 *
 * <pre>
 * java demo/ShopDemo.java --command http://127.0.0.1:8080 --query http://127.0.0.1:8081 [--suffix abc]
 * </pre>
 *
 * Every run uses fresh ids (PROD-001-suffix, ...), so it can be repeated on the same database. Each step checks the
 * answer against what the tutorial expects (with the corrected total 70.77); the first mismatch ends the run with
 * exit code 1. Reads wait for the projections with {@code minVersion}, never with sleeps.
 */
public class ShopDemo {

    // Emoji as escapes: the source launcher reads this file in the platform charset, which may not be UTF-8.
    static final String CART_EMOJI = "\uD83D\uDED2";
    static final String MEMO = "\uD83D\uDCDD";
    static final String CHECK = "\u2705";
    static final String CROSS = "\u274C";
    static final String SEARCH = "\uD83D\uDD0D";
    static final String PARTY = "\uD83C\uDF89";

    static final BigDecimal UNIT_PRICE = new BigDecimal("29.99");
    static final BigDecimal CART_TOTAL = new BigDecimal("59.98");
    static final BigDecimal ORDER_TOTAL = new BigDecimal("70.77");
    static final String TRACKING = "1Z999AA10123456784";
    static final Duration READ_DEADLINE = Duration.ofSeconds(60);

    static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
                                                   StandardCharsets.UTF_8);

    static String commandUrl;
    static String queryUrl;
    static HttpClient http;

    public static void main(String[] args) throws Exception {
        String suffix = Long.toString(System.currentTimeMillis(), 36);
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--command" -> commandUrl = args[i + 1].replaceAll("/+$", "");
                case "--query" -> queryUrl = args[i + 1].replaceAll("/+$", "");
                case "--suffix" -> suffix = args[i + 1];
                default -> usage();
            }
        }
        if (commandUrl == null || queryUrl == null) {
            usage();
        }
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            new ShopDemo(suffix).run();
        } catch (DemoFailure failure) {
            OUT.println("   " + CROSS + " " + failure.getMessage());
            OUT.println();
            OUT.println("Demo failed.");
            System.exit(1);
        } catch (IOException failure) {
            OUT.println("   " + CROSS + " cannot reach the services: " + failure);
            System.exit(1);
        }
    }

    static void usage() {
        System.err.println("usage: java demo/ShopDemo.java --command URL --query URL [--suffix S]");
        System.exit(2);
    }

    private final String productId;
    private final String cartId;
    private final String orderId;
    private final String customerId;
    private final String paymentId;

    ShopDemo(String suffix) {
        productId = "PROD-001-" + suffix;
        cartId = "CART-001-" + suffix;
        orderId = "ORDER-001-" + suffix;
        customerId = "CUST-001-" + suffix;
        paymentId = "PAY-001-" + suffix;
    }

    void run() throws IOException, InterruptedException {
        OUT.println(CART_EMOJI + " MinkShop - Event Sourced E-Commerce");
        OUT.println("=====================================");
        OUT.println();
        OUT.println(CHECK + " Services ready: commands " + commandUrl + ", queries " + queryUrl);
        OUT.println();
        OUT.println(MEMO + " Running demo commands...");
        OUT.println();
        runCommands();
        OUT.println();
        OUT.println(SEARCH + " Running queries...");
        OUT.println();
        runQueries();
        OUT.println();
        OUT.println(PARTY + " Demo completed successfully!");
    }

    private void runCommands() throws IOException, InterruptedException {
        OUT.println("1. Creating product...");
        Map<String, Object> result = command(201, "/api/products", """
                {"productId": "%s", "sku": "WIDGET-001", "name": "Super Widget",
                 "description": "The best widget money can buy", "price": 29.99, "initialStock": 100}"""
                .formatted(productId));
        expectVersion(result, 1);
        OUT.printf("   %s Product created: %s (version %d)%n", CHECK, result.get("aggregateId"), version(result));

        OUT.println("2. Creating cart...");
        result = command(201, "/api/carts", """
                {"cartId": "%s", "customerId": "%s"}""".formatted(cartId, customerId));
        expectVersion(result, 1);
        OUT.printf("   %s Cart created: %s%n", CHECK, result.get("aggregateId"));

        OUT.println("3. Adding item to cart...");
        result = command(200, "/api/carts/" + cartId + "/items", """
                {"productId": "%s", "productName": "Super Widget", "quantity": 2, "unitPrice": 29.99}"""
                .formatted(productId));
        expectVersion(result, 2);
        Map<String, Object> data = data(result);
        expect("itemCount", data.get("itemCount"), new BigDecimal(2));
        expect("totalAmount", data.get("totalAmount"), CART_TOTAL);
        OUT.printf("   %s Item added: %s items, total $%s%n", CHECK, data.get("itemCount"),
                   money(data.get("totalAmount")));

        OUT.println("4. Checking out cart...");
        result = command(200, "/api/carts/" + cartId + "/checkout", """
                {"orderId": "%s"}""".formatted(orderId));
        expectVersion(result, 3);
        expect("orderId", data(result).get("orderId"), orderId);
        OUT.printf("   %s Cart checked out, order: %s%n", CHECK, data(result).get("orderId"));

        OUT.println("5. Placing order...");
        result = command(201, "/api/orders", """
                {"orderId": "%s", "customerId": "%s", "cartId": "%s",
                 "items": [{"productId": "%s", "productName": "Super Widget", "quantity": 2, "unitPrice": 29.99}],
                 "shippingAddress": {"name": "John Doe", "street": "123 Main St", "city": "New York",
                                     "state": "NY", "postalCode": "10001", "country": "USA"},
                 "shippingCost": 5.99, "taxRate": 0.08}""".formatted(orderId, customerId, cartId, productId));
        expectVersion(result, 1);
        data = data(result);
        expect("totalAmount", data.get("totalAmount"), ORDER_TOTAL);
        expect("status", data.get("status"), "pending");
        OUT.printf("   %s Order placed: total $%s, status: %s%n", CHECK, money(data.get("totalAmount")),
                   data.get("status"));

        OUT.println("6. Processing payment...");
        result = command(200, "/api/orders/" + orderId + "/payment", """
                {"paymentId": "%s", "amount": 70.77, "paymentMethod": "credit_card"}""".formatted(paymentId));
        expectVersion(result, 3);
        expect("status", data(result).get("status"), "confirmed");
        OUT.printf("   %s Payment processed, status: %s%n", CHECK, data(result).get("status"));

        OUT.println("7. Shipping order...");
        result = command(200, "/api/orders/" + orderId + "/shipment", """
                {"trackingNumber": "%s", "carrier": "UPS"}""".formatted(TRACKING));
        expectVersion(result, 4);
        data = data(result);
        expect("trackingNumber", data.get("trackingNumber"), TRACKING);
        expect("carrier", data.get("carrier"), "UPS");
        OUT.printf("   %s Order shipped: %s via %s%n", CHECK, data.get("trackingNumber"), data.get("carrier"));
    }

    private void runQueries() throws IOException, InterruptedException {
        OUT.println("1. Get product by ID...");
        // version 3 = created, then reserved and shipped by the order fulfilment saga
        Map<String, Object> product = awaitVersion("/api/products/" + productId, 3);
        expect("product name", product.get("name"), "Super Widget");
        expect("product price", product.get("price"), UNIT_PRICE);
        expect("availableStock", product.get("availableStock"), new BigDecimal(98));
        expect("reservedStock", product.get("reservedStock"), BigDecimal.ZERO);
        OUT.printf("   Product: %s - $%s (stock: %s)%n", product.get("name"), money(product.get("price")),
                   product.get("availableStock"));
        OUT.printf("   availableStock %s, reservedStock %s%n", product.get("availableStock"),
                   product.get("reservedStock"));

        OUT.println("2. List available products...");
        Map<String, Object> page = object(get("/api/products?available=true&size=100"), "available products");
        List<Object> items = list(page.get("items"));
        boolean listed = items.stream().map(ShopDemo::asObject).anyMatch(p -> productId.equals(p.get("productId")));
        if (!listed) {
            throw new DemoFailure(productId + " is missing from the available products: " + page);
        }
        OUT.printf("   Found %s available products%n", page.get("totalItems"));
        items.stream().limit(3).map(ShopDemo::asObject)
             .forEach(p -> OUT.printf("   - %s: $%s%n", p.get("name"), money(p.get("price"))));
        if (items.size() > 3) {
            OUT.printf("   ... and %d more%n", toLong(page.get("totalItems")) - 3);
        }

        OUT.println("3. Get customer orders...");
        awaitVersion("/api/orders/" + orderId, 4);
        Map<String, Object> orders = object(get("/api/customers/" + encode(customerId) + "/orders"),
                                            "customer orders");
        expect("customer's order count", orders.get("totalItems"), BigDecimal.ONE);
        Map<String, Object> order = asObject(list(orders.get("items")).get(0));
        expect("orderId", order.get("orderId"), orderId);
        expect("order total", order.get("totalAmount"), ORDER_TOTAL);
        expect("order status", order.get("status"), "shipped");
        OUT.printf("   Customer has %s orders%n", orders.get("totalItems"));
        OUT.printf("   - Order %s: $%s (%s)%n", order.get("orderId"), money(order.get("totalAmount")),
                   order.get("status"));

        OUT.println("4. Dashboard statistics...");
        Map<String, Object> dashboard = awaitDashboardActivity("Order #" + orderId + " shipped via UPS");
        Map<String, Object> byStatus = asObject(dashboard.get("ordersByStatus"));
        expectAtLeast("totalOrders", dashboard.get("totalOrders"), BigDecimal.ONE);
        expectAtLeast("shipped orders", byStatus.get("shipped"), BigDecimal.ONE);
        expectAtLeast("totalRevenue", dashboard.get("totalRevenue"), ORDER_TOTAL);
        expectAtLeast("totalProducts", dashboard.get("totalProducts"), BigDecimal.ONE);
        OUT.printf("   Total Orders: %s%n", dashboard.get("totalOrders"));
        OUT.printf("   Pending: %s, Shipped: %s%n", byStatus.get("pending"), byStatus.get("shipped"));
        OUT.printf("   Total Revenue: $%s%n", money(dashboard.get("totalRevenue")));
        OUT.printf("   Products: %s (low stock: %s)%n", dashboard.get("totalProducts"),
                   dashboard.get("lowStockProducts"));
        OUT.println("   Recent activity:");
        list(dashboard.get("recentActivity")).stream().limit(3).map(ShopDemo::asObject)
                                             .forEach(a -> OUT.printf("   - %s%n", a.get("description")));
    }

    // ------------------------------------------------------------------ reads that wait for the projections

    /** GET with minVersion; a 503 PROJECTION_LAGGING (the server waited 3 s) is asked again until the deadline. */
    private Map<String, Object> awaitVersion(String path, long minVersion) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READ_DEADLINE.toNanos();
        while (true) {
            HttpResponse<String> response = get(path + "?minVersion=" + minVersion);
            if (response.statusCode() == 200) {
                return object(response, path);
            }
            if (response.statusCode() != 503 || System.nanoTime() > deadline) {
                throw new DemoFailure("GET " + path + "?minVersion=" + minVersion + " answered "
                                      + response.statusCode() + ": " + response.body());
            }
        }
    }

    /** The dashboard has no minVersion; it is read again (bounded) until it shows the expected activity. */
    private Map<String, Object> awaitDashboardActivity(String description) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READ_DEADLINE.toNanos();
        long pause = 20;
        while (true) {
            Map<String, Object> dashboard = object(get("/api/dashboard"), "dashboard");
            boolean shown = list(dashboard.get("recentActivity")).stream()
                                                                 .map(ShopDemo::asObject)
                                                                 .anyMatch(a -> description.equals(
                                                                         a.get("description")));
            if (shown) {
                return dashboard;
            }
            if (System.nanoTime() > deadline) {
                throw new DemoFailure("the dashboard never showed \"" + description + "\": " + dashboard);
            }
            Thread.sleep(pause); // a poll interval between bounded re-reads, not a synchronisation
            pause = Math.min(pause * 2, 500);
        }
    }

    // ------------------------------------------------------------------ HTTP

    private Map<String, Object> command(int expectedStatus, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(commandUrl + path))
                                         .timeout(Duration.ofSeconds(30))
                                         .header("Content-Type", "application/json")
                                         .header("Accept", "application/json")
                                         .POST(HttpRequest.BodyPublishers.ofString(json))
                                         .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new DemoFailure("POST " + path + " answered " + response.statusCode() + " (expected "
                                  + expectedStatus + "): " + response.body());
        }
        return object(response, "POST " + path);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(queryUrl + path))
                                         .timeout(Duration.ofSeconds(30))
                                         .header("Accept", "application/json")
                                         .GET()
                                         .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> object(HttpResponse<String> response, String what) {
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw new DemoFailure(what + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return asObject(new Json(response.body()).parse());
        } catch (IllegalArgumentException e) {
            throw new DemoFailure(what + " answered no JSON object (" + e.getMessage() + "): " + response.body());
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ checks

    private static void expectVersion(Map<String, Object> result, long expected) {
        expect("version of " + result.get("aggregateId"), result.get("version"), BigDecimal.valueOf(expected));
    }

    private static long version(Map<String, Object> result) {
        return toLong(result.get("version"));
    }

    private static Map<String, Object> data(Map<String, Object> result) {
        return asObject(result.get("data"));
    }

    /** Numbers compare by value (29.99 equals 29.990), everything else by equality. */
    private static void expect(String what, Object actual, Object expected) {
        boolean same = expected instanceof BigDecimal number && actual instanceof BigDecimal value
                       ? number.compareTo(value) == 0
                       : Objects.equals(expected, actual);
        if (!same) {
            throw new DemoFailure(what + " is " + actual + ", expected " + expected);
        }
    }

    private static void expectAtLeast(String what, Object actual, BigDecimal minimum) {
        if (!(actual instanceof BigDecimal value) || value.compareTo(minimum) < 0) {
            throw new DemoFailure(what + " is " + actual + ", expected at least " + minimum);
        }
    }

    private static String money(Object amount) {
        return amount instanceof BigDecimal value ? String.format(Locale.ROOT, "%.2f", value) : String.valueOf(amount);
    }

    private static long toLong(Object number) {
        if (number instanceof BigDecimal value) {
            return value.longValueExact();
        }
        throw new DemoFailure("expected a number, got " + number);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object value) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new DemoFailure("expected a JSON object, got " + value);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        if (value instanceof List<?> items) {
            return (List<Object>) items;
        }
        throw new DemoFailure("expected a JSON array, got " + value);
    }

    static final class DemoFailure extends RuntimeException {
        DemoFailure(String message) {
            super(message);
        }
    }

    /** Just enough JSON for the API's answers: objects, arrays, strings, BigDecimal numbers, booleans, null. */
    static final class Json {
        private final String text;
        private int pos;

        Json(String text) {
            this.text = text;
        }

        Object parse() {
            Object value = value();
            skipSpace();
            if (pos != text.length()) {
                throw error("trailing characters");
            }
            return value;
        }

        private Object value() {
            skipSpace();
            if (pos >= text.length()) {
                throw error("unexpected end");
            }
            char c = text.charAt(pos);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                default:
                    if (text.startsWith("true", pos)) {
                        pos += 4;
                        return Boolean.TRUE;
                    }
                    if (text.startsWith("false", pos)) {
                        pos += 5;
                        return Boolean.FALSE;
                    }
                    if (text.startsWith("null", pos)) {
                        pos += 4;
                        return null;
                    }
                    return number();
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            pos++;
            skipSpace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            while (true) {
                skipSpace();
                String key = string();
                skipSpace();
                expectChar(':');
                map.put(key, value());
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expectChar('}');
                    return map;
                }
            }
        }

        private List<Object> array() {
            List<Object> items = new ArrayList<>();
            pos++;
            skipSpace();
            if (peek() == ']') {
                pos++;
                return items;
            }
            while (true) {
                items.add(value());
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expectChar(']');
                    return items;
                }
            }
        }

        private String string() {
            expectChar('"');
            StringBuilder out = new StringBuilder();
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escaped = text.charAt(pos++);
                switch (escaped) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> out.append(escaped);
                }
            }
            throw error("unterminated string");
        }

        private BigDecimal number() {
            int start = pos;
            while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            try {
                return new BigDecimal(text.substring(start, pos));
            } catch (NumberFormatException e) {
                throw error("bad value");
            }
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private char peek() {
            if (pos >= text.length()) {
                throw error("unexpected end");
            }
            return text.charAt(pos);
        }

        private void expectChar(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private IllegalArgumentException error(String message) {
            return new IllegalArgumentException(message + " at " + pos);
        }
    }
}
