package com.minkshop.query;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * No Docker engine runs here, so {@code docker-compose.yml} is checked by reading it against what the services
 * really do: their {@code application.yml} (port, actuator endpoints, the variables they read) and their Dockerfiles.
 * A port, health path or variable that drifts from the services' configuration fails this test instead of rotting
 * until someone runs {@code docker compose up}.
 */
class ComposeFileTest {

    /** Surefire runs in the module folder; the compose file and the other service live next to it. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** Variables the JVM reads itself, not Spring. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::[^}]*)?}");
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*");
    private static final Pattern HTTP_URL = Pattern.compile("https?://[^\\s\"']+");

    private static Map<String, Object> compose;

    @BeforeAll
    static void readComposeFile() {
        compose = yaml(ROOT.resolve("docker-compose.yml"));
    }

    @Test
    void databaseIsPostgres16WithAHealthCheck() {
        Map<String, Object> postgres = service("postgres");

        assertThat(text(postgres.get("image"))).matches("postgres:16([.-].*)?");
        assertThat(String.join(" ", healthCheckTest(postgres))).contains("pg_isready");
        assertThat(environment(postgres)).containsKeys("POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"command-service", "query-service"})
    void serviceIsBuiltFromItsModuleAndRunsAsAnUnprivilegedUser(String name) throws IOException {
        checkBuild(name, service(name), ServiceConfig.of(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"command-service", "query-service"})
    void publishesTheServersPort(String name) {
        checkPorts(service(name), ServiceConfig.of(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"command-service", "query-service"})
    void healthCheckProbesTheEnabledReadinessEndpoint(String name) {
        checkHealthCheck(service(name), ServiceConfig.of(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"command-service", "query-service"})
    void setsOnlyVariablesTheServiceReads(String name) {
        checkVariablesAreRead(service(name), ServiceConfig.of(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"command-service", "query-service"})
    void pointsTheServiceAtTheComposeDatabase(String name) {
        checkDatabase(service(name), ServiceConfig.of(name));
    }

    @Test
    void servicesStartOnlyWhenWhatTheyNeedIsHealthy() {
        assertThat(dependsOn(service("command-service"))).containsExactly(entry("postgres", "service_healthy"));
        // the command-service's Flyway creates the eventstore schema that the query-service reads
        assertThat(dependsOn(service("query-service")))
                .containsOnly(entry("postgres", "service_healthy"), entry("command-service", "service_healthy"));
    }

    // ------------------------------------------------------------------ the checks reject broken copies

    @Test
    void rejectsAPortTheServerDoesNotListenOn() {
        Map<String, Object> broken = copy(service("query-service"));
        broken.put("ports", List.of("8081:9090"));

        assertThatThrownBy(() -> checkPorts(broken, ServiceConfig.of("query-service")))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void rejectsAHealthCheckOnAnEndpointThatIsNotExposed() {
        Map<String, Object> broken = copy(service("command-service"));
        broken.put("healthcheck", Map.of("test", List.of("CMD", "curl", "-f", "http://localhost:8080/actuator/env")));

        assertThatThrownBy(() -> checkHealthCheck(broken, ServiceConfig.of("command-service")))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void rejectsAVariableTheServiceNeverReads() {
        Map<String, Object> broken = copy(service("command-service"));
        Map<String, Object> environment = new LinkedHashMap<>(environment(broken));
        environment.put("MINKSHOP_DATABASE_URL", "jdbc:postgresql://postgres:5432/minkshop");
        broken.put("environment", environment);

        assertThatThrownBy(() -> checkVariablesAreRead(broken, ServiceConfig.of("command-service")))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void rejectsAMissingDatabaseVariable() {
        Map<String, Object> broken = copy(service("query-service"));
        Map<String, Object> environment = new LinkedHashMap<>(environment(broken));
        environment.remove("MINKSHOP_DB_PASSWORD");
        broken.put("environment", environment);

        assertThatThrownBy(() -> checkDatabase(broken, ServiceConfig.of("query-service")))
                .isInstanceOf(AssertionError.class);
    }

    // ------------------------------------------------------------------ checks

    private static void checkBuild(String name, Map<String, Object> service, ServiceConfig config)
            throws IOException {
        Map<String, Object> build = map(service.get("build"));
        Path context = ROOT.resolve(text(build.get("context"))).normalize();
        Path dockerfile = context.resolve(text(build.get("dockerfile"))).normalize();
        assertThat(dockerfile).as("Dockerfile of " + name).isRegularFile();
        assertThat(text(service.get("image"))).contains(name);

        List<String> lines = Files.readAllLines(dockerfile);
        assertThat(lines).as("builds its own module").anyMatch(line -> line.contains("-pl " + name));
        String user = lines.stream().filter(line -> line.startsWith("USER "))
                           .reduce((first, last) -> last).orElse("USER root").substring(5).trim();
        assertThat(user.split(":")[0]).as("user of " + name).isNotIn("root", "0");
        assertThat(lines).as("exposes the server port")
                         .anyMatch(line -> line.matches("EXPOSE .*\\b" + config.serverPort(service) + "\\b.*"));
    }

    private static void checkPorts(Map<String, Object> service, ServiceConfig config) {
        List<String> containerPorts = list(service.get("ports")).stream()
                                                                .map(port -> text(port).replaceAll("/tcp$", ""))
                                                                .map(port -> port.substring(port.lastIndexOf(':') + 1))
                                                                .toList();
        assertThat(containerPorts).containsExactly(Integer.toString(config.serverPort(service)));
    }

    private static void checkHealthCheck(Map<String, Object> service, ServiceConfig config) {
        Matcher url = HTTP_URL.matcher(String.join(" ", healthCheckTest(service)));
        assertThat(url.find()).as("health check calls an HTTP endpoint").isTrue();
        URI uri = URI.create(url.group());

        assertThat(uri.getHost()).isIn("localhost", "127.0.0.1");
        assertThat(uri.getPort()).isEqualTo(config.managementPort(service));
        assertThat(uri.getPath()).isEqualTo(config.actuatorBasePath() + "/health/readiness");
        assertThat(config.exposedEndpoints()).as("exposed actuator endpoints").containsAnyOf("health", "*");
        assertThat(config.property("management.endpoint.health.probes.enabled")).as("probes enabled")
                                                                                 .isEqualTo("true");
    }

    private static void checkVariablesAreRead(Map<String, Object> service, ServiceConfig config) {
        assertThat(environment(service).keySet())
                .allSatisfy(variable -> assertThat(JVM_VARIABLES.contains(variable) || config.reads(variable))
                        .as(variable + " is read by the service").isTrue());
    }

    private static void checkDatabase(Map<String, Object> service, ServiceConfig config) {
        Map<String, Object> environment = environment(service);
        List<String> required = config.datasourceVariables();
        assertThat(required).as("variables of spring.datasource").isNotEmpty();
        assertThat(environment).containsKeys(required.toArray(String[]::new));

        Matcher url = JDBC_URL.matcher(config.resolve("spring.datasource.url", environment));
        assertThat(url.matches()).as("a PostgreSQL JDBC URL").isTrue();
        String host = url.group(1);
        Map<String, Object> database = service(host);
        Map<String, Object> databaseEnvironment = environment(database);
        assertThat(url.group(2) == null ? "5432" : url.group(2)).isEqualTo("5432");
        assertThat(url.group(3)).isEqualTo(text(databaseEnvironment.get("POSTGRES_DB")));
        assertThat(config.resolve("spring.datasource.username", environment))
                .isEqualTo(text(databaseEnvironment.get("POSTGRES_USER")));
        assertThat(config.resolve("spring.datasource.password", environment))
                .isEqualTo(text(databaseEnvironment.get("POSTGRES_PASSWORD")));
        assertThat(dependsOn(service)).containsEntry(host, "service_healthy");
    }

    // ------------------------------------------------------------------ reading compose

    private static Map<String, Object> service(String name) {
        Map<String, Object> services = map(compose.get("services"));
        assertThat(services).as("compose services").containsKey(name);
        return map(services.get(name));
    }

    private static Map<String, Object> environment(Map<String, Object> service) {
        return service.containsKey("environment") ? map(service.get("environment")) : Map.of();
    }

    private static List<String> healthCheckTest(Map<String, Object> service) {
        assertThat(service).containsKey("healthcheck");
        Object test = map(service.get("healthcheck")).get("test");
        return test instanceof List<?> parts ? parts.stream().map(ComposeFileTest::text).toList() : List.of(text(test));
    }

    private static Map<String, String> dependsOn(Map<String, Object> service) {
        Map<String, String> conditions = new LinkedHashMap<>();
        map(service.get("depends_on")).forEach((name, options) -> conditions.put(name, text(map(options)
                .get("condition"))));
        return conditions;
    }

    /** One service's Spring configuration: its application.yml, flattened to dotted keys. */
    private record ServiceConfig(Map<String, String> properties) {

        static ServiceConfig of(String service) {
            Map<String, String> flat = new LinkedHashMap<>();
            flatten("", yaml(ROOT.resolve(service).resolve("src/main/resources/application.yml")), flat);
            return new ServiceConfig(flat);
        }

        String property(String key) {
            return properties.get(key);
        }

        /** A variable is read if a value names it as a placeholder or it binds to a configured property. */
        boolean reads(String variable) {
            boolean placeholder = properties.values().stream()
                                            .anyMatch(value -> placeholders(value).contains(variable));
            String relaxed = variable.toLowerCase(Locale.ROOT).replace('_', '.');
            boolean bound = properties.keySet().stream()
                                      .anyMatch(key -> key.replace("-", "").toLowerCase(Locale.ROOT).equals(relaxed));
            return placeholder || bound;
        }

        List<String> datasourceVariables() {
            return properties.entrySet().stream().filter(e -> e.getKey().startsWith("spring.datasource."))
                             .flatMap(e -> placeholders(e.getValue()).stream()).toList();
        }

        /** The value the service sees when started with this environment. */
        String resolve(String key, Map<String, Object> environment) {
            String value = properties.get(key);
            assertThat(value).as(key).isNotNull();
            Matcher placeholder = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::([^}]*))?}").matcher(value);
            StringBuilder resolved = new StringBuilder();
            while (placeholder.find()) {
                Object set = environment.get(placeholder.group(1));
                String replacement = set != null ? text(set) : placeholder.group(2);
                assertThat(replacement).as(placeholder.group(1) + " is set or has a default").isNotNull();
                placeholder.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
            }
            return placeholder.appendTail(resolved).toString();
        }

        int serverPort(Map<String, Object> service) {
            Object override = environment(service).get("SERVER_PORT");
            return Integer.parseInt(override != null ? text(override) : resolve("server.port", environment(service)));
        }

        int managementPort(Map<String, Object> service) {
            String port = properties.get("management.server.port");
            return port == null ? serverPort(service) : Integer.parseInt(resolve("management.server.port",
                                                                                 environment(service)));
        }

        String actuatorBasePath() {
            return properties.getOrDefault("management.endpoints.web.base-path", "/actuator");
        }

        List<String> exposedEndpoints() {
            List<String> endpoints = new ArrayList<>();
            properties.forEach((key, value) -> {
                if (key.startsWith("management.endpoints.web.exposure.include")) {
                    Arrays.stream(value.split(",")).map(String::trim).forEach(endpoints::add);
                }
            });
            return endpoints;
        }

        private static List<String> placeholders(String value) {
            List<String> names = new ArrayList<>();
            Matcher matcher = PLACEHOLDER.matcher(value);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names;
        }

        private static void flatten(String prefix, Object value, Map<String, String> flat) {
            if (value instanceof Map<?, ?> children) {
                children.forEach((key, child) -> flatten(prefix.isEmpty() ? key.toString() : prefix + "." + key,
                                                         child, flat));
            } else if (value instanceof List<?> items) {
                for (int i = 0; i < items.size(); i++) {
                    flatten(prefix + "[" + i + "]", items.get(i), flat);
                }
            } else {
                flat.put(prefix, text(value));
            }
        }
    }

    // ------------------------------------------------------------------ YAML plumbing

    private static Map<String, Object> yaml(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return map(new Yaml().load(reader));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).as("a YAML mapping").isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<?> list(Object value) {
        assertThat(value).as("a YAML list").isInstanceOf(List.class);
        return (List<?>) value;
    }

    private static Map<String, Object> copy(Map<String, Object> service) {
        return new LinkedHashMap<>(service);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
