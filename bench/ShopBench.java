import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MinkShop HTTP benchmark (JDK only, Java 17). Run by {@code ./shop bench}, or by hand against running services:
 *
 * <pre>
 * java bench/ShopBench.java --command http://127.0.0.1:PORT --query http://127.0.0.1:PORT \
 *      [--pgbench /usr/lib/postgresql/15/bin/pgbench --db-url jdbc:postgresql://127.0.0.1:5432/minkshop_bench] \
 *      [--warmup 5] [--duration 10] [--initial-warmup 10] [--concurrency 1,8,32] [--pgbench-seconds 10]
 * </pre>
 *
 * Workloads (perf-reliability.md A.6): P3 create cart, P4 add item to an existing cart, P7 command → view lag at
 * half the P3 c=32 rate, P8 GET product by id, plus two same-run baselines: pgbench with a one-row insert into a copy
 * of eventstore.domain_event_entry (c=8, c=32; run before and after the command workloads, interleaved), and a
 * trivial Spring GET (command-service /actuator/health/liveness) for P8. Every loop is bounded by time and count.
 */
public class ShopBench {

    // ------------------------------------------------------------------ settings

    static String commandUrl;
    static String queryUrl;
    static String dbUrl;
    static String pgbench;
    static int warmupSec = 5;
    static int durationSec = 10;
    static int initialWarmupSec = 10;
    static int pgbenchSec = 10;
    static int[] concurrencies = {1, 8, 32};
    static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    static final long MAX_OPS_PER_THREAD = 5_000_000; // a hard bound on every measurement loop
    static HttpClient http;

    public static void main(String[] args) throws Exception {
        for (int i = 0; i + 1 < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--command" -> commandUrl = strip(v);
                case "--query" -> queryUrl = strip(v);
                case "--db-url" -> dbUrl = v.isBlank() ? null : v;
                case "--pgbench" -> pgbench = v.isBlank() ? null : v;
                case "--warmup" -> warmupSec = Integer.parseInt(v);
                case "--duration" -> durationSec = Math.min(20, Integer.parseInt(v));
                case "--initial-warmup" -> initialWarmupSec = Integer.parseInt(v);
                case "--pgbench-seconds" -> pgbenchSec = Math.min(20, Integer.parseInt(v));
                case "--concurrency" -> concurrencies = Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (commandUrl == null || queryUrl == null) {
            System.err.println("usage: java bench/ShopBench.java --command URL --query URL [--pgbench PATH --db-url JDBC_URL]"
                               + " [--warmup S] [--duration S] [--initial-warmup S] [--concurrency 1,8,32] [--pgbench-seconds S]");
            System.exit(2);
        }
        for (String u : List.of(commandUrl, queryUrl)) {
            String host = URI.create(u).getHost();
            if (!host.equals("127.0.0.1") && !host.equals("localhost")) throw new IllegalArgumentException("loopback only: " + u);
        }
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4, daemon("http-client")))
                .build();

        log("run %s: command-service %s, query-service %s, warm-up %ds + measured %ds per workload, %d CPU(s)",
            RUN, commandUrl, queryUrl, warmupSec, durationSec, Runtime.getRuntime().availableProcessors());

        Baseline pg = Baseline.create();
        List<Row> rows = new ArrayList<>();

        // JIT/connection-pool warm-up of both services with a mix of all operations (not recorded)
        log("initial warm-up %ds (mixed create cart / add item / get product, c=8)", initialWarmupSec);
        List<String> products = createProducts(100);
        runPhase("warm-up", 8, initialWarmupSec, 0, (t, n) -> {
            String cart = "w-" + RUN + "-" + t + "-" + n;
            int s = post(commandUrl + "/api/carts", createCartBody(cart));
            if (s / 100 != 2) return s;
            s = post(commandUrl + "/api/carts/" + cart + "/items", addItemBody(n));
            if (s / 100 != 2) return s;
            return get(queryUrl + "/api/products/" + products.get((int) (n % products.size())));
        });

        // ---- baseline round 1
        pg.run(8);
        pg.run(32);

        // ---- P3: create cart, 1 event per command
        Result p3max = null;
        for (int c : concurrencies) {
            Result r = runWorkload("P3 create cart", c, (t, n) ->
                    post(commandUrl + "/api/carts", createCartBody("b3-" + RUN + "-" + c + "-" + t + "-" + n)));
            rows.add(new Row(r, pg.key(c), "ev1", c == 32 ? "≥0.35, p99≤50ms" : ""));
            if (p3max == null || c >= p3max.concurrency) p3max = r;
        }

        // ---- P4: add item to an existing cart (load + append); each client owns its carts (no conflicts)
        for (int c : concurrencies) {
            if (c == 1) continue;
            int cartsPerClient = 20;
            String[][] carts = new String[c][cartsPerClient];
            runFixed("P4 setup", c, cartsPerClient, (t, n) -> {
                String id = "b4-" + RUN + "-" + c + "-" + t + "-" + n;
                carts[t][(int) n] = id;
                return post(commandUrl + "/api/carts", createCartBody(id));
            });
            Result r = runWorkload("P4 add item", c, (t, n) ->
                    post(commandUrl + "/api/carts/" + carts[t][(int) (n % cartsPerClient)] + "/items", addItemBody(n)));
            rows.add(new Row(r, pg.key(c), "ev1", c == 32 ? "≥0.25" : ""));
        }

        // the command workloads leave a projection backlog; let it drain so it does not compete with what follows
        drainProjections("after P3/P4");

        // ---- baseline round 2 (interleaved: the ratio uses the mean of both rounds)
        pg.run(8);
        pg.run(32);

        // ---- P7: command response → view visible (GET ?minVersion=1 answered), paced at 50% of P3's top rate
        double rate = p3max == null ? 100 : Math.max(10, p3max.opsPerSec() / 2);
        // enough threads that each scheduled command can start on time even with ~1.5 s of command + lag per operation
        LagResult lag = runLag(rate, (int) Math.min(128, Math.max(32, Math.ceil(rate * 1.5))));
        rows.add(new Row(lag.commands, null, null, ""));
        rows.add(new Row(lag.lag, null, null, "p50≤100ms, p99≤250ms"));
        drainProjections("after P7");

        // ---- P8: GET product by id, with a trivial Spring GET as the same-run HTTP baseline
        Map<Integer, Double> ping = new LinkedHashMap<>();
        for (int c : concurrencies) {
            if (c == 1) continue;
            Result b = runWorkload("HTTP ping (liveness)", c, (t, n) -> get(commandUrl + "/actuator/health/liveness"));
            rows.add(new Row(b, null, null, "baseline"));
            ping.put(c, b.errors == 0 ? b.opsPerSec() : null);
            Result r = runWorkload("P8 GET product", c, (t, n) ->
                    get(queryUrl + "/api/products/" + products.get((int) ((n * 31 + t) % products.size()))));
            rows.add(new Row(r, ping.get(c) == null ? null : "ping c=" + c, "ping", c == 32 ? "≥0.35" : ""));
        }

        printTable(rows, pg, ping, lag);
    }

    // ------------------------------------------------------------------ HTTP operations

    static String createCartBody(String id) {
        return "{\"cartId\":\"" + id + "\",\"customerId\":\"CUST-BENCH\"}";
    }

    static String addItemBody(long n) {
        return "{\"productId\":\"PROD-" + (n % 5) + "\",\"productName\":\"Bench Widget\",\"quantity\":1,\"unitPrice\":9.99}";
    }

    static int post(String url, String json) throws IOException, InterruptedException {
        return postFull(url, json).statusCode();
    }

    static HttpResponse<String> postFull(String url, String json) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    static int get(String url) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build();
        return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");

    static long versionOf(String body) {
        Matcher m = VERSION.matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : 1;
    }

    static final List<String> notes = new ArrayList<>();

    /**
     * Appends a marker cart and a marker product and waits until the query-service shows both, i.e. until the cart and
     * product projections have processed everything appended before them. The wait is server-side (minVersion), at most
     * 40 requests of ≤ 3 s each.
     */
    static void drainProjections(String label) throws Exception {
        long t0 = System.nanoTime();
        String id = "drain-" + RUN + "-" + notes.size();
        int sc = post(commandUrl + "/api/carts", createCartBody(id));
        int sp = post(commandUrl + "/api/products", "{\"productId\":\"" + id + "\",\"sku\":\"SKU-" + id
                + "\",\"name\":\"Drain marker\",\"description\":\"benchmark\",\"price\":1.00,\"initialStock\":1}");
        boolean cart = sc / 100 != 2, product = sp / 100 != 2; // a failed marker is not waited for
        for (int i = 0; i < 40 && !(cart && product); i++) {
            if (!cart) cart = get(queryUrl + "/api/carts/" + id + "?minVersion=1") / 100 == 2;
            if (!product) product = get(queryUrl + "/api/products/" + id + "?minVersion=1") / 100 == 2;
        }
        String note = String.format(Locale.ROOT, "projection backlog %s: drained in %.1f s%s", label,
                                    (System.nanoTime() - t0) / 1e9, cart && product ? "" : " (NOT drained after 40 tries)");
        notes.add(note);
        log("%s", note);
    }

    static List<String> createProducts(int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) ids.add("PB-" + RUN + "-" + i);
        Result r = runFixed("product setup", 4, count / 4, (t, n) -> {
            String id = ids.get((int) (t * (count / 4) + n));
            int s = post(commandUrl + "/api/products", "{\"productId\":\"" + id + "\",\"sku\":\"SKU-" + id
                    + "\",\"name\":\"Bench product " + n + "\",\"description\":\"benchmark\",\"price\":19.99,\"initialStock\":1000}");
            if (s / 100 != 2) return s;
            return get(queryUrl + "/api/products/" + id + "?minVersion=1"); // waits (bounded, server-side) until projected
        });
        if (r.errors > 0) throw new IllegalStateException("product setup failed: " + r.errors + " errors, statuses " + r.statuses);
        return ids;
    }

    // ------------------------------------------------------------------ load runners

    interface Op {
        /** @return the HTTP status (anything not 2xx counts as an error) */
        int call(int thread, long n) throws Exception;
    }

    static Result runWorkload(String name, int c, Op op) throws Exception {
        Result r = runPhase(name, c, warmupSec, durationSec, op);
        log("%-22s c=%-3d %8.1f ops/s  p50 %7.2f ms  p99 %7.2f ms  errors %d %s", name, c, r.opsPerSec(),
            r.pct(0.50), r.pct(0.99), r.errors, r.errors > 0 ? r.statuses : "");
        return r;
    }

    /** Runs op on c threads: warm-up for warmSec (not recorded), then measures for measureSec. */
    static Result runPhase(String name, int c, int warmSec, int measureSec, Op op) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(c, daemon("bench"));
        CountDownLatch ready = new CountDownLatch(c);
        CountDownLatch go = new CountDownLatch(1);
        Recorder[] recs = new Recorder[c];
        long[] bounds = new long[3];
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < c; t++) {
            int thread = t;
            recs[t] = new Recorder();
            fs.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                long n = 0;
                while (System.nanoTime() < bounds[1] && n < MAX_OPS_PER_THREAD) callOnce(op, thread, n++, null);
                while (System.nanoTime() < bounds[2] && n < 2 * MAX_OPS_PER_THREAD) callOnce(op, thread, n++, recs[thread]);
                return null;
            }));
        }
        ready.await();
        bounds[0] = System.nanoTime();
        bounds[1] = bounds[0] + TimeUnit.SECONDS.toNanos(warmSec);
        bounds[2] = bounds[1] + TimeUnit.SECONDS.toNanos(measureSec);
        go.countDown(); // happens-before: bounds are visible to the workers
        for (Future<?> f : fs) f.get();
        long end = System.nanoTime();
        pool.shutdown();
        return Result.merge(name, c, recs, Math.max(end, bounds[2]) - bounds[1]);
    }

    /** Runs exactly perThread operations on each of c threads (setup work). */
    static Result runFixed(String name, int c, int perThread, Op op) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(c, daemon("setup"));
        Recorder[] recs = new Recorder[c];
        List<Future<?>> fs = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < c; t++) {
            int thread = t;
            recs[t] = new Recorder();
            fs.add(pool.submit(() -> {
                for (long n = 0; n < perThread; n++) callOnce(op, thread, n, recs[thread]);
                return null;
            }));
        }
        for (Future<?> f : fs) f.get();
        pool.shutdown();
        Result r = Result.merge(name, c, recs, System.nanoTime() - start);
        if (r.errors > 0) log("%s: %d errors %s", name, r.errors, r.statuses);
        return r;
    }

    static void callOnce(Op op, int thread, long n, Recorder rec) {
        long t0 = System.nanoTime();
        int status;
        try {
            status = op.call(thread, n);
        } catch (Exception e) {
            status = -1; // connection error / timeout
        }
        if (rec != null) rec.add(System.nanoTime() - t0, status);
    }

    /**
     * P7: an open-loop schedule of create-cart commands at `rate`/s on `threads` threads; after each command's response
     * the same thread asks the query-service for the cart with minVersion = the returned version (the server answers as
     * soon as the projection reaches it, no client polling). lag = GET answered − POST answered.
     */
    static LagResult runLag(double rate, int threads) throws Exception {
        log("P7: paced create cart at %.0f/s (50%% of P3 top rate), %d threads, warm-up %ds + %ds", rate, threads,
            warmupSec, durationSec);
        long interval = (long) (1e9 / rate);
        AtomicLong slot = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemon("lag"));
        Recorder[] cmd = new Recorder[threads];
        Recorder[] lag = new Recorder[threads];
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSec);
        long end = measureFrom + TimeUnit.SECONDS.toNanos(durationSec);
        AtomicLong late = new AtomicLong();
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            cmd[t] = new Recorder();
            lag[t] = new Recorder();
            fs.add(pool.submit(() -> {
                for (int guard = 0; guard < MAX_OPS_PER_THREAD; guard++) {
                    long s = slot.getAndIncrement();
                    long due = start + s * interval;
                    if (due >= end) break;
                    long now = System.nanoTime();
                    if (due > now) LockSupport.parkNanos(due - now); // rate pacing of the load generator only
                    else if (now - due > TimeUnit.MILLISECONDS.toNanos(100) && due >= measureFrom) late.incrementAndGet();
                    boolean measured = due >= measureFrom;
                    String id = "b7-" + RUN + "-" + s;
                    long t0 = System.nanoTime();
                    long version;
                    try {
                        HttpResponse<String> resp = postFull(commandUrl + "/api/carts", createCartBody(id));
                        if (measured) cmd[thread].add(System.nanoTime() - t0, resp.statusCode());
                        if (resp.statusCode() / 100 != 2) continue;
                        version = versionOf(resp.body());
                    } catch (Exception e) {
                        if (measured) cmd[thread].add(System.nanoTime() - t0, -1);
                        continue;
                    }
                    long t1 = System.nanoTime();
                    int status;
                    try {
                        status = get(queryUrl + "/api/carts/" + id + "?minVersion=" + version);
                    } catch (Exception e) {
                        status = -1;
                    }
                    if (measured) lag[thread].add(System.nanoTime() - t1, status);
                }
                return null;
            }));
        }
        for (Future<?> f : fs) f.get();
        pool.shutdown();
        long elapsed = Math.max(System.nanoTime(), end) - measureFrom;
        Result c = Result.merge("P7 load: create cart", threads, cmd, elapsed);
        Result l = Result.merge("P7 lag cmd→view", threads, lag, elapsed);
        log("P7 commands %.1f/s (target %.0f/s, %d started >100 ms late), lag p50 %.1f ms p95 %.1f ms p99 %.1f ms max %.1f ms, errors %d %s",
            c.opsPerSec(), rate, late.get(), l.pct(.5), l.pct(.95), l.pct(.99), l.max(), l.errors, l.errors > 0 ? l.statuses : "");
        return new LagResult(c, l, rate, late.get());
    }

    record LagResult(Result commands, Result lag, double targetRate, long late) {
    }

    // ------------------------------------------------------------------ recording

    static final class Recorder {
        long[] lat = new long[4096];
        int n;
        long errors;
        final Map<Integer, Long> statuses = new LinkedHashMap<>();

        void add(long nanos, int status) {
            if (n == lat.length) lat = Arrays.copyOf(lat, n * 2);
            lat[n++] = nanos;
            if (status / 100 != 2) {
                errors++;
                statuses.merge(status, 1L, Long::sum);
            }
        }
    }

    static final class Result {
        String name;
        int concurrency;
        long[] sorted;
        long errors;
        long elapsedNanos;
        Map<Integer, Long> statuses = new LinkedHashMap<>();

        static Result merge(String name, int c, Recorder[] recs, long elapsedNanos) {
            Result r = new Result();
            r.name = name;
            r.concurrency = c;
            r.elapsedNanos = elapsedNanos;
            int total = 0;
            for (Recorder rec : recs) total += rec.n;
            r.sorted = new long[total];
            int i = 0;
            for (Recorder rec : recs) {
                System.arraycopy(rec.lat, 0, r.sorted, i, rec.n);
                i += rec.n;
                r.errors += rec.errors;
                rec.statuses.forEach((k, v) -> r.statuses.merge(k, v, Long::sum));
            }
            Arrays.sort(r.sorted);
            return r;
        }

        long count() {
            return sorted.length;
        }

        double opsPerSec() {
            return (count() - errors) / (elapsedNanos / 1e9); // successful operations only
        }

        double pct(double p) {
            if (sorted.length == 0) return Double.NaN;
            int idx = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(idx, sorted.length - 1))] / 1e6;
        }

        double max() {
            return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6;
        }
    }

    record Row(Result r, String baselineKey, String baselineKind, String target) {
    }

    // ------------------------------------------------------------------ pgbench baseline

    static final class Baseline {
        final String[] conn; // host, port, db, user
        final Path dir;
        final Map<Integer, List<double[]>> runs = new LinkedHashMap<>(); // c -> [tps, avg latency ms]
        final boolean enabled;

        Baseline(String[] conn, Path dir, boolean enabled) {
            this.conn = conn;
            this.dir = dir;
            this.enabled = enabled;
        }

        static Baseline create() throws Exception {
            if (pgbench == null || !Files.isExecutable(Path.of(pgbench))) {
                log("pgbench not found (%s): skipping the PostgreSQL baseline; ratios will be blank", pgbench);
                return new Baseline(null, null, false);
            }
            if (dbUrl == null) {
                log("no --db-url: skipping the PostgreSQL baseline");
                return new Baseline(null, null, false);
            }
            Matcher m = Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]+).*").matcher(dbUrl);
            if (!m.matches()) {
                log("cannot parse %s: skipping the PostgreSQL baseline", dbUrl);
                return new Baseline(null, null, false);
            }
            String user = System.getenv().getOrDefault("MINKSHOP_DB_USERNAME", "minkshop");
            String[] conn = {m.group(1), m.group(2) == null ? "5432" : m.group(2), m.group(3), user};
            Path dir = Files.createTempDirectory("shopbench");
            // The baseline table copies the real event table (columns, PK, both unique constraints) from the schema
            // Flyway created, with its own sequence, in a separate schema.
            Files.writeString(dir.resolve("setup.sql"), String.join("\n",
                    "CREATE SCHEMA IF NOT EXISTS bench_baseline;",
                    "CREATE SEQUENCE IF NOT EXISTS bench_baseline.ev_seq;",
                    "CREATE TABLE IF NOT EXISTS bench_baseline.ev (LIKE eventstore.domain_event_entry INCLUDING ALL EXCLUDING DEFAULTS);",
                    "ALTER TABLE bench_baseline.ev ALTER COLUMN global_index SET DEFAULT nextval('bench_baseline.ev_seq');",
                    "TRUNCATE bench_baseline.ev;", ""));
            Files.writeString(dir.resolve("ev1.sql"),
                    "INSERT INTO bench_baseline.ev(event_identifier, aggregate_identifier, sequence_number, type, payload_type,"
                    + " payload, meta_data, time_stamp) VALUES (gen_random_uuid()::text, gen_random_uuid()::text, 0, 'Cart',"
                    + " 'com.minkshop.api.cart.CartCreatedEvent', convert_to(repeat('x',300),'UTF8'), convert_to('{}','UTF8'),"
                    + " now()::text);\n");
            Baseline b = new Baseline(conn, dir, true);
            if (b.pgbench(List.of("-n", "-M", "simple", "-t", "1", "-c", "1", "-f", dir.resolve("setup.sql").toString()), 60) == null) {
                log("creating the baseline table failed: skipping the PostgreSQL baseline");
                return new Baseline(null, null, false);
            }
            return b;
        }

        String key(int c) {
            return enabled && (c == 8 || c == 32) ? "pgbench ev1 c=" + c : null;
        }

        void run(int c) throws Exception {
            if (!enabled) return;
            pgbench(List.of("-n", "-M", "simple", "-t", "1", "-c", "1", "-f", dir.resolve("setup.sql").toString()), 60);
            String out = pgbench(List.of("-n", "-M", "prepared", "-T", String.valueOf(pgbenchSec), "-c", String.valueOf(c),
                                         "-j", "2", "-f", dir.resolve("ev1.sql").toString()), pgbenchSec + 120);
            if (out == null) return;
            Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(out);
            Matcher lat = Pattern.compile("latency average = ([0-9.]+) ms").matcher(out);
            Matcher failed = Pattern.compile("number of failed transactions: (\\d+)").matcher(out);
            if (!tps.find()) {
                log("pgbench output not understood:\n%s", out);
                return;
            }
            double[] v = {Double.parseDouble(tps.group(1)), lat.find() ? Double.parseDouble(lat.group(1)) : Double.NaN,
                          failed.find() ? Double.parseDouble(failed.group(1)) : 0};
            runs.computeIfAbsent(c, k -> new ArrayList<>()).add(v);
            log("pgbench ev1 c=%-3d %8.1f tx/s  latency avg %.2f ms", c, v[0], v[1]);
        }

        Double mean(int c) {
            List<double[]> l = runs.get(c);
            return l == null || l.isEmpty() ? null : l.stream().mapToDouble(x -> x[0]).average().orElse(Double.NaN);
        }

        String pgbench(List<String> args, int timeoutSec) throws Exception {
            List<String> cmd = new ArrayList<>(List.of(pgbench, "-h", conn[0], "-p", conn[1], "-U", conn[3]));
            cmd.addAll(args);
            cmd.add(conn[2]);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("PGPASSWORD", System.getenv().getOrDefault("MINKSHOP_DB_PASSWORD", "minkshop"));
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes(); // pgbench -T ends by itself; the wait below is a safety net
            if (!p.waitFor(timeoutSec, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                log("pgbench timed out");
                return null;
            }
            String s = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                log("pgbench failed (exit %d):\n%s", p.exitValue(), s);
                return null;
            }
            return s;
        }
    }

    // ------------------------------------------------------------------ report

    static void printTable(List<Row> rows, Baseline pg, Map<Integer, Double> ping, LagResult lag) {
        StringBuilder sb = new StringBuilder();
        String line = "-".repeat(118) + "\n";
        sb.append("\nMinkShop benchmark, run ").append(RUN).append(" (").append(Runtime.getRuntime().availableProcessors())
          .append(" CPUs; warm-up ").append(warmupSec).append(" s + measured ").append(durationSec).append(" s per workload)\n");
        sb.append(line);
        sb.append(String.format(Locale.ROOT, "%-24s %5s %10s %9s %9s %8s  %-18s %10s %7s  %s%n", "workload", "conc",
                                "ops/s", "p50 ms", "p99 ms", "errors", "baseline", "base ops/s", "ratio", "A.6 target"));
        sb.append(line);
        if (pg.enabled) {
            for (var e : pg.runs.entrySet()) {
                int i = 1;
                for (double[] v : e.getValue()) {
                    sb.append(String.format(Locale.ROOT, "%-24s %5d %10.1f %9s %9s %8.0f  %-18s %10s %7s  %s%n",
                                            "pgbench ev1 (round " + i++ + ")", e.getKey(), v[0], "avg " + fmt(v[1]), "-",
                                            v[2], "", "", "", "baseline"));
                }
            }
        }
        for (Row row : rows) {
            Result r = row.r();
            Double base = null;
            if ("ev1".equals(row.baselineKind())) base = pg.mean(r.concurrency);
            if ("ping".equals(row.baselineKind())) base = ping.get(r.concurrency);
            String ratio = base == null || base == 0 ? "-" : String.format(Locale.ROOT, "%.2f", r.opsPerSec() / base);
            String baseName = base == null ? "-" : row.baselineKey() + ("ev1".equals(row.baselineKind()) ? " (mean)" : "");
            sb.append(String.format(Locale.ROOT, "%-24s %5d %10.1f %9s %9s %8d  %-18s %10s %7s  %s%n", r.name,
                                    r.concurrency, r.opsPerSec(), fmt(r.pct(.5)), fmt(r.pct(.99)), r.errors, baseName,
                                    base == null ? "-" : String.format(Locale.ROOT, "%.1f", base), ratio, row.target()));
        }
        sb.append(line);
        Result l = lag.lag();
        sb.append(String.format(Locale.ROOT,
                "P7 lag (command response → GET ?minVersion answered) at %.0f cmds/s target (%.1f achieved, %d late starts): "
                + "p50 %s ms, p95 %s ms, p99 %s ms, max %s ms, n=%d, non-2xx %d %s%n",
                lag.targetRate(), lag.commands().opsPerSec(), lag.late(), fmt(l.pct(.5)), fmt(l.pct(.95)), fmt(l.pct(.99)),
                fmt(l.max()), l.count(), l.errors, l.errors > 0 ? l.statuses : ""));
        for (Row row : rows) {
            if (row.r().errors > 0) sb.append("non-2xx in ").append(row.r().name).append(" c=").append(row.r().concurrency)
                                      .append(": ").append(row.r().statuses).append(" (-1 = connection error/timeout)\n");
        }
        for (String n : notes) sb.append(n).append('\n');
        sb.append("ops/s counts 2xx responses only. ev1 ratios divide by the mean of the two interleaved pgbench rounds at the same\n"
                  + "concurrency; P8 divides by a trivial Spring GET (/actuator/health/liveness) measured just before it.\n");
        System.out.print(sb);
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "-" : v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    // ------------------------------------------------------------------ misc

    static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    static void log(String fmt, Object... args) {
        System.err.printf(Locale.ROOT, "[bench] " + fmt + "%n", args);
    }
}
