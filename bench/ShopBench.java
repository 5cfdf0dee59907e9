import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MinkShop benchmark client (JDK 17 only, one file), started by {@code bench/bench.sh} ({@code ./shop bench}).
 * It measures the workloads of issue 6 against baselines taken in the same run, interleaved, three rounds, medians:
 *
 * <pre>
 * B0  pgbench: one event row per transaction at 32 clients (tx/s, and p50/p99 of a 10 % sample) and 100 rows per
 *     transaction at 8 clients, into a copy of domain_event_entry made from the command-service's Flyway DDL; a
 *     trivial HTTP GET (req/s, 32 connections)
 * B1  POST /api/carts (one new aggregate, one event) at 32 connections: commands/s, p50, p99, errors
 * B2  POST /api/carts/{id}/items over 1,000 existing carts at 32 connections: commands/s, p50, p99, errors
 * B3  at half B1's rate: command response → GET ?minVersion answered (lag), p50, p99, max, growth over the run
 * B4  rebuild of all read models from N seeded events (200,000 quick, 1,000,000 full): events/s
 * B5  add-item latency on a cart with 10,000 events vs on a fresh cart (single client, alternating)
 * </pre>
 * <p>
 * Options: {@code --mode quick|full --command URL --query URL --pg-bin DIR --pg-port P --db NAME --db-user U
 * --migration V1__event_store.sql --out DIR [--config NAME] [--service-pids A,B] [--phase-seconds S]
 * [--warmup-seconds S] [--replay-events N] [--only b3|b4] [--lag-rates R1,R2,...]}, or {@code --self-test} to check
 * the arithmetic ({@code --only} runs one measurement alone, for diagnosis). Every loop is bounded
 * by time and count; all traffic stays on loopback. Exit status: 0 every target met, 1 a target missed, 2 failure.
 */
public class ShopBench {

    // ------------------------------------------------------------------ settings

    static String mode = "full";
    static String config = "tuned";
    static String commandUrl;
    static String queryUrl;
    static String pgBin;
    static String pgPort;
    static String db;
    static String dbUser = "minkshop";
    static Path migration;
    static Path outDir;
    static long[] servicePids = new long[0];
    static int phaseSec;
    static int warmSec;
    static int initialWarmSec;
    static int jitWarmSec;
    static int lagSec;
    static int replayEvents;
    static int b5Ops;
    static int replayBudgetSec;
    static String only = "all";
    static String wrk; // wrk binary: the load generator of B0 HTTP, B1 and B2 when present (--wrk)
    static Path wrkScripts;
    static String lastStatus = "";
    static double[] lagRates = {25, 50, 100, 150};
    static double resetSec;
    static int statusTimeouts;
    static final int ROUNDS = 3;
    static final int CLIENTS = 32;
    /** Connections of the JIT warm-up: few enough that the compiler threads get a good share of the CPU. */
    static final int JIT_WARM_CLIENTS = 4;
    static final int EV100_CLIENTS = 8;
    static final int UPDATE_CARTS = 1000;
    static final int LONG_STREAM = 10_000;
    static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    static final long MAX_OPS_PER_THREAD = 5_000_000; // a hard bound on every measurement loop
    // the throughput targets, as ratios to the same round's baseline (B1, B2: pgbench ev1; B4: ev100 rows)
    static final double B1_TARGET = 0.35;
    static final double B2_TARGET = 0.25;
    static final double B4_TARGET = 0.25;
    static HttpClient http;
    static Path work;

    public static void main(String[] args) {
        try {
            if (args.length == 1 && args[0].equals("--self-test")) {
                selfTest();
                System.out.println("ShopBench self-test passed");
                return;
            }
            parse(args);
            int status;
            try {
                status = run();
            } finally {
                removeWork();
            }
            System.exit(status);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(2);
        }
    }

    /** The SQL scripts and pgbench logs of a run; each run makes its own folder, so nothing is kept. */
    static void removeWork() throws IOException {
        if (work == null) return;
        try (var paths = Files.walk(work)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    static void parse(String[] args) {
        Integer phase = null, warm = null, replay = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--mode" -> mode = v;
                case "--config" -> config = v;
                case "--command" -> commandUrl = strip(v);
                case "--query" -> queryUrl = strip(v);
                case "--pg-bin" -> pgBin = v;
                case "--pg-port" -> pgPort = v;
                case "--db" -> db = v;
                case "--db-user" -> dbUser = v;
                case "--migration" -> migration = Path.of(v);
                case "--out" -> outDir = Path.of(v);
                case "--service-pids" -> servicePids = Arrays.stream(v.split(",")).mapToLong(Long::parseLong).toArray();
                case "--phase-seconds" -> phase = Math.min(60, Integer.parseInt(v));
                case "--warmup-seconds" -> warm = Math.min(60, Integer.parseInt(v));
                case "--only" -> only = v;
                case "--wrk" -> wrk = v.isBlank() ? null : v;
                case "--wrk-scripts" -> wrkScripts = Path.of(v);
                case "--lag-rates" -> lagRates = Arrays.stream(v.split(",")).mapToDouble(Double::parseDouble).toArray();
                case "--replay-events" -> replay = Math.min(5_000_000, Integer.parseInt(v));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        boolean quick = mode.equals("quick");
        phaseSec = phase != null ? phase : quick ? 5 : 15;
        warmSec = warm != null ? warm : quick ? 2 : 5;
        initialWarmSec = quick ? 5 : 15;
        // at JIT_WARM_CLIENTS connections the command path was compiled for good after about 80 s (lab, profiled);
        // the quick run cannot afford that and reads lower
        jitWarmSec = quick ? 36 : 120;
        lagSec = quick ? 10 : 30;
        replayEvents = replay != null ? replay : quick ? 200_000 : 1_000_000;
        b5Ops = quick ? 60 : 200;
        replayBudgetSec = quick ? 60 : 240;
        if (wrk != null && wrkScripts == null) throw new IllegalArgumentException("--wrk needs --wrk-scripts");
        if (commandUrl == null || queryUrl == null || pgBin == null || pgPort == null || db == null
            || migration == null || outDir == null) {
            throw new IllegalArgumentException("missing options; run it through ./shop bench");
        }
        for (String u : List.of(commandUrl, queryUrl)) {
            String host = URI.create(u).getHost();
            if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
                throw new IllegalArgumentException("loopback only: " + u);
            }
        }
    }

    // ------------------------------------------------------------------ the run

    static int run() throws Exception {
        http = HttpClient.newBuilder()
                         .version(HttpClient.Version.HTTP_1_1)
                         .connectTimeout(Duration.ofSeconds(5))
                         .executor(Executors.newFixedThreadPool(4, daemon("http-client")))
                         .build();
        work = Files.createTempDirectory("shopbench");
        long started = System.nanoTime();
        log("run %s (%s, %s configuration): %d s phases after %d s warm-up, %d rounds, %d CPUs", RUN, mode, config,
            phaseSec, warmSec, ROUNDS, Runtime.getRuntime().availableProcessors());

        setUpBaselineTables();
        if (only.equals("b4")) { // diagnosis of the replay alone: baseline, rebuild, the processors' last status
            double base = runPgbench("ev100.sql", EV100_CLIENTS, phaseSec) * 100;
            Replay replay = runReplay();
            log("B4 alone: %.0f events/s, ratio %.3f to %.0f rows/s; %d status requests timed out; last status %s",
                replay.eventsPerSec(), replay.eventsPerSec() / base, base, statusTimeouts, lastStatus);
            return replay.eventsPerSec() / base >= B4_TARGET ? 0 : 1;
        }
        List<String> products = createProducts(20);
        if (only.equals("b3")) { // diagnosis of the lag alone: B3 at each of --lag-rates, after a short warm-up
            // long enough for the JIT to compile the command and projection paths, as in the full run
            runPhase(8, 45, 0, (t, n) -> post(commandUrl + "/api/carts", createCartBody("w-" + RUN + "-" + t + "-" + n)));
            boolean met = true;
            for (double rate : lagRates) {
                drainProjections();
                LagResult lag = wrk != null ? runLagPaced(rate) : runLag(rate);
                met &= lag.lag.pct(.5) <= 50 && lag.lag.pct(.99) <= 150;
            }
            return met ? 0 : 1;
        }

        log("initial warm-up %d s (create cart, add item, get product; c=8)", initialWarmSec);
        runPhase(8, initialWarmSec, 0, (t, n) -> {
            String cart = "w-" + RUN + "-" + t + "-" + n;
            int s = post(commandUrl + "/api/carts", createCartBody(cart));
            if (s / 100 != 2) return s;
            s = post(commandUrl + "/api/carts/" + cart + "/items", addItemBody(n));
            if (s / 100 != 2) return s;
            return get(queryUrl + "/api/products/" + products.get((int) (n % products.size())));
        });
        if (wrk != null) {
            // A service that has run for a while is what is measured, so the warm-up drives the measured paths
            // until the JIT has compiled them. Its one C2 compiler thread is one runnable thread among the
            // request threads and PostgreSQL's backends: at 32 connections it still took 15-40 % of the
            // command-service's CPU after five minutes of load; at 4 it was done in about 80 s.
            log("warm-up with wrk: create cart %d s, add item %d s (c=%d)", jitWarmSec, jitWarmSec / 2,
                JIT_WARM_CLIENTS);
            runWrk("warm-up create cart", "create-cart.lua", commandUrl, JIT_WARM_CLIENTS, 0, jitWarmSec,
                   "ww-" + RUN);
        }
        runPgbench("ev1.sql", CLIENTS, Math.min(3, phaseSec)); // warms PostgreSQL's side of the baseline too
        // One client: every commit waits for the disk's sync, so this tells a host whose disk sets the baseline from
        // one whose CPU does; the same service reads very differently against the two (docs/benchmarks.md, 08:04)
        double oneClient = runPgbench("ev1.sql", 1, Math.min(3, phaseSec));

        String[] carts = new String[UPDATE_CARTS];
        for (int i = 0; i < UPDATE_CARTS; i++) carts[i] = "b2-" + RUN + "-" + i;
        Result setup = runFixed(16, UPDATE_CARTS / 16 + 1, (t, n) -> {
            int i = (int) (t * (UPDATE_CARTS / 16 + 1) + n);
            return i >= UPDATE_CARTS ? 200 : post(commandUrl + "/api/carts", createCartBody(carts[i]));
        });
        if (setup.errors > 0) throw new IllegalStateException("B2 setup: " + setup.errors + " errors " + setup.statuses);
        if (wrk != null) {
            runWrk("warm-up add item", "add-item.lua", commandUrl, JIT_WARM_CLIENTS, 0, jitWarmSec / 2,
                   "b2-" + RUN, String.valueOf(UPDATE_CARTS));
        }

        // ---- interleaved rounds: baseline, system, baseline, system, ...
        List<Double> ev1 = new ArrayList<>(), ev100 = new ArrayList<>(), ping = new ArrayList<>();
        List<Result> ev1Latency = new ArrayList<>();
        List<Result> b1 = new ArrayList<>(), b2 = new ArrayList<>();
        List<String> cpu = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            log("---- round %d of %d", round, ROUNDS);
            Pgbench base = runPgbench("ev1.sql", CLIENTS, phaseSec, true);
            ev1.add(base.perSecond());
            ev1Latency.add(base.latencies());
            int r = round;
            CpuSample c0 = CpuSample.take();
            Result create = wrk != null
                    ? runWrk("B1 create cart", "create-cart.lua", commandUrl, CLIENTS, warmSec, phaseSec,
                             "b1-" + RUN + "-" + r)
                    : runWorkload("B1 create cart", CLIENTS, (t, n) ->
                            post(commandUrl + "/api/carts", createCartBody("b1-" + RUN + "-" + r + "-" + t + "-" + n)));
            cpu.add("B1 round " + r + ": " + c0.describe(CpuSample.take(), create.count()));
            b1.add(create);
            ev100.add(runPgbench("ev100.sql", EV100_CLIENTS, phaseSec) * 100);
            c0 = CpuSample.take();
            Result update = wrk != null
                    ? runWrk("B2 add item", "add-item.lua", commandUrl, CLIENTS, warmSec, phaseSec, "b2-" + RUN,
                             String.valueOf(UPDATE_CARTS))
                    : runWorkload("B2 add item", CLIENTS, (t, n) -> post(
                            commandUrl + "/api/carts/" + carts[ThreadLocalRandom.current().nextInt(UPDATE_CARTS)]
                            + "/items", addItemBody(n)));
            cpu.add("B2 round " + r + ": " + c0.describe(CpuSample.take(), update.count()));
            b2.add(update);
            Result p = wrk != null
                    ? runWrk("B0 HTTP GET (trivial)", "get.lua", commandUrl + "/actuator/health/liveness", CLIENTS,
                             warmSec, phaseSec)
                    : runWorkload("B0 HTTP GET (trivial)", CLIENTS, (t, n) ->
                            get(commandUrl + "/actuator/health/liveness"));
            ping.add(p.errors == 0 ? p.opsPerSec() : Double.NaN);
        }
        double drain = drainProjections();

        // ---- B3: lag at half of B1's rate
        double b1Rate = Stats.median(b1.stream().mapToDouble(Result::opsPerSec).toArray());
        double lagRate = Math.max(5, b1Rate / 2);
        LagResult lag = wrk != null ? runLagPaced(lagRate) : runLag(lagRate);
        drainProjections();

        // ---- B5: long stream vs fresh aggregate
        LongStream b5 = runLongStream();

        // ---- B4: replay, with the 100-rows baseline right before and after it
        double ev100Before = runPgbench("ev100.sql", EV100_CLIENTS, phaseSec) * 100;
        Replay replay = runReplay();
        // a rebuild still running in the background would depress this baseline, so it is only taken after a full one
        double ev100After = replay.completed ? runPgbench("ev100.sql", EV100_CLIENTS, phaseSec) * 100 : Double.NaN;

        // ---- report
        Report report = new Report();
        double ev1Median = Stats.median(ev1);
        double ev100Median = Stats.median(List.of(ev100Before, ev100After, Stats.median(ev100)));
        double pingMedian = Stats.median(ping);
        report.row("B0 pgbench 1 event/tx, 32 clients", ev1Median, "tx/s", null, null, null, null);
        report.row("B0 pgbench 100 events/tx, 8 clients", ev100Median, "rows/s", null, null, null, null);
        double ev1p50 = Stats.median(ev1Latency.stream().mapToDouble(x -> x.pct(.5)).toArray());
        double ev1p99 = Stats.median(ev1Latency.stream().mapToDouble(x -> x.pct(.99)).toArray());
        report.row("B0 pgbench 1 event/tx p50", ev1p50, "ms", null, null, null, null);
        report.row("B0 pgbench 1 event/tx p99", ev1p99, "ms", null, null, null, null);
        report.row("B0 HTTP trivial GET, 32 connections", pingMedian, "req/s", null, null, null, null);
        double[] b1Ratios = Stats.ratios(b1.stream().mapToDouble(Result::opsPerSec).toArray(), toArray(ev1));
        report.row("B1 create cart, 32 connections", b1Rate, "cmds/s", ev1Median, Stats.median(b1Ratios),
                   ">= " + B1_TARGET, Stats.median(b1Ratios) >= B1_TARGET);
        double b1p99 = Stats.median(b1.stream().mapToDouble(x -> x.pct(.99)).toArray());
        report.row("B1 p50", Stats.median(b1.stream().mapToDouble(x -> x.pct(.5)).toArray()), "ms",
                   null, null, null, null);
        report.row("B1 p99", b1p99, "ms", ev1p99, b1p99 / ev1p99, "<= 50 ms", b1p99 <= 50);
        long b1Errors = b1.stream().mapToLong(x -> x.errors).sum();
        report.row("B1 errors (all rounds)", b1Errors, "", null, null, "0", b1Errors == 0);
        double b2Rate = Stats.median(b2.stream().mapToDouble(Result::opsPerSec).toArray());
        double[] b2Ratios = Stats.ratios(b2.stream().mapToDouble(Result::opsPerSec).toArray(), toArray(ev1));
        report.row("B2 add item, 1,000 carts, 32 conns", b2Rate, "cmds/s", ev1Median, Stats.median(b2Ratios),
                   ">= " + B2_TARGET, Stats.median(b2Ratios) >= B2_TARGET);
        double b2p99 = Stats.median(b2.stream().mapToDouble(x -> x.pct(.99)).toArray());
        report.row("B2 p50", Stats.median(b2.stream().mapToDouble(x -> x.pct(.5)).toArray()), "ms",
                   null, null, null, null);
        report.row("B2 p99", b2p99, "ms", ev1p99, b2p99 / ev1p99, "<= 50 ms", b2p99 <= 50);
        long b2Errors = b2.stream().mapToLong(x -> x.errors).sum();
        report.row("B2 errors (all rounds)", b2Errors, "", null, null, "0", b2Errors == 0);
        report.row(String.format(Locale.ROOT, "B3 load (target %.0f cmds/s)", lag.targetRate), lag.commands.opsPerSec(),
                   "cmds/s", null, null, null, null);
        report.row("B3 lag p50", lag.lag.pct(.5), "ms", null, null, "<= 50 ms", lag.lag.pct(.5) <= 50);
        report.row("B3 lag p99", lag.lag.pct(.99), "ms", null, null, "<= 150 ms", lag.lag.pct(.99) <= 150);
        report.row("B3 lag max", lag.lag.max(), "ms", null, null, null, null);
        report.row("B3 lag growth (p50 last third - first third)", lag.growthMs, "ms", null, null, "no growth",
                   !lag.grows);
        report.row("B3 errors (commands + reads)", lag.commands.errors + lag.lag.errors, "", null, null, "0",
                   lag.commands.errors + lag.lag.errors == 0);
        report.row(String.format(Locale.ROOT, "B4 replay of %,d events", replay.events), replay.eventsPerSec(),
                   "events/s", ev100Median, replay.eventsPerSec() / ev100Median, ">= " + B4_TARGET,
                   replay.eventsPerSec() / ev100Median >= B4_TARGET);
        report.row("B5 add item p50, fresh cart", b5.fresh.pct(.5), "ms", null, null, null, null);
        report.row("B5 add item p50, cart with 10,000 events", b5.longer.pct(.5), "ms", b5.fresh.pct(.5),
                   b5.longer.pct(.5) / b5.fresh.pct(.5), "<= 2.0",
                   b5.longer.errors == 0 && b5.longer.pct(.5) / b5.fresh.pct(.5) <= 2.0);
        report.row("B5 p99 long / fresh", b5.longer.pct(.99), "ms", b5.fresh.pct(.99),
                   b5.longer.pct(.99) / b5.fresh.pct(.99), null, null);

        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "rounds: pgbench ev1 %s tx/s; B1 %s cmds/s; B2 %s cmds/s; ev100 %s rows/s"
                                             + " (+ %.0f before and %.0f after B4); HTTP %s req/s",
                                list(ev1), list(b1.stream().map(Result::opsPerSec).toList()),
                                list(b2.stream().map(Result::opsPerSec).toList()), list(ev100), ev100Before,
                                ev100After, list(ping)));
        notes.add(String.format(Locale.ROOT, "pgbench ev1 p99 per round %s ms; B1 p99 %s ms; B2 p99 %s ms",
                                list(ev1Latency.stream().map(x -> x.pct(.99)).toList()),
                                list(b1.stream().map(x -> x.pct(.99)).toList()),
                                list(b2.stream().map(x -> x.pct(.99)).toList())));
        notes.add(String.format(Locale.ROOT, "B1 ratios per round %s, B2 %s (ratio = median of per-round ratios)",
                                list(b1Ratios), list(b2Ratios)));
        double[] floors = Stats.floors(toArray(ping), toArray(ev1));
        double[] b1OfFloor = Stats.ratios(b1.stream().mapToDouble(Result::opsPerSec).toArray(), floors);
        double[] b2OfFloor = Stats.ratios(b2.stream().mapToDouble(Result::opsPerSec).toArray(), floors);
        double pgbenchOfFloor = Stats.median(Stats.ratios(toArray(ev1), floors));
        notes.add(String.format(Locale.ROOT, "floor: a trivial GET plus a one-event transaction per command fit %s/s"
                                             + " (per round, 1 / (1/GET + 1/pgbench)); B1 %.2f of it, B2 %.2f; B1's"
                                             + " target is %.2f of it, B2's %.2f",
                                list(floors), Stats.median(b1OfFloor), Stats.median(b2OfFloor),
                                pgbenchOfFloor * B1_TARGET, pgbenchOfFloor * B2_TARGET));
        notes.add(String.format(Locale.ROOT, "B1/B2 statuses: %s / %s", b1.stream().map(x -> x.statuses).toList(),
                                b2.stream().map(x -> x.statuses).toList()));
        notes.add(String.format(Locale.ROOT, "host: pgbench ev1 at 1 client %.0f tx/s (%.2f ms per transaction: one"
                                             + " round trip and the disk's sync)", oneClient, 1000 / oneClient));
        notes.addAll(cpu);
        notes.add(String.format(Locale.ROOT, "projection backlog after the rounds drained in %.1f s", drain));
        notes.add(String.format(Locale.ROOT, "B3: %d commands, lag measured on %d, %d started >100 ms late; lag = GET "
                                             + "?minVersion answered - POST answered (includes one local HTTP round trip)",
                                lag.commands.count(), lag.lag.count(), lag.late));
        notes.add(String.format(Locale.ROOT, "B4: seeded %,d events in %.1f s; rebuild %s: %,d of %,d events in "
                                             + "%.1f s (only cart events; every processor reads all of them)",
                                replay.seeded, replay.seedSeconds,
                                replay.completed ? "completed" : "stopped at the time budget", replay.replayed,
                                replay.events, replay.seconds));
        notes.add(String.format(Locale.ROOT, "B4: stopping and resetting the processors took %.1f s (not counted)",
                                resetSec));
        notes.add("B4 last processor status: " + lastStatus
                  + (statusTimeouts > 0 ? " (" + statusTimeouts + " status requests unanswered within 10 s)" : ""));
        notes.add(String.format(Locale.ROOT, "B5: %d commands each, alternating; snapshot present: %s; "
                                             + "first load of the long cart %.1f ms", b5.fresh.count(), b5.snapshot,
                                b5.firstLoadMs));
        notes.add(String.format(Locale.ROOT, "whole run %.0f s", (System.nanoTime() - started) / 1e9));
        String table = report.table(notes);
        System.out.print(table);
        Path json = report.writeJson(notes);
        log("saved %s", json);
        return report.allPassed() ? 0 : 1;
    }

    static double[] toArray(List<Double> l) {
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static String list(List<Double> l) {
        return list(toArray(l));
    }

    static String list(double[] l) {
        StringBuilder sb = new StringBuilder("[");
        for (double v : l) sb.append(sb.length() > 1 ? ", " : "").append(fmt(v));
        return sb.append(']').toString();
    }

    // ------------------------------------------------------------------ HTTP operations

    static String createCartBody(String id) {
        return "{\"cartId\":\"" + id + "\",\"customerId\":\"CUST-BENCH\"}";
    }

    static String addItemBody(long n) {
        return "{\"productId\":\"PROD-" + (n % 5) + "\",\"productName\":\"Bench Widget\",\"quantity\":1,"
               + "\"unitPrice\":9.99}";
    }

    static int post(String url, String json) throws IOException, InterruptedException {
        return postFull(url, json).statusCode();
    }

    static HttpResponse<String> postFull(String url, String json) throws IOException, InterruptedException {
        return postFull(url, json, Duration.ofSeconds(10));
    }

    static HttpResponse<String> postFull(String url, String json, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                                     .header("Content-Type", "application/json").header("Accept", "application/json")
                                     .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    static int get(String url) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build();
        return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String getBody(String url) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build();
        return http.send(req, HttpResponse.BodyHandlers.ofString()).body();
    }

    static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");

    static long versionOf(String body) {
        Matcher m = VERSION.matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : 1;
    }

    static List<String> createProducts(int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "PB-" + RUN + "-" + i;
            int s = post(commandUrl + "/api/products", "{\"productId\":\"" + id + "\",\"sku\":\"SKU-" + id
                    + "\",\"name\":\"Bench product " + i + "\",\"description\":\"benchmark\",\"price\":19.99,"
                    + "\"initialStock\":1000}");
            if (s / 100 != 2) throw new IllegalStateException("creating product " + id + ": HTTP " + s);
            ids.add(id);
        }
        return ids;
    }

    /**
     * Appends a marker cart and waits (server-side, {@code minVersion}, at most 60 requests of ≤ 3 s) until the
     * query-service shows it, i.e. until the cart projection processed everything appended before it.
     *
     * @return seconds it took
     */
    static double drainProjections() throws Exception {
        long t0 = System.nanoTime();
        String id = "drain-" + RUN + "-" + t0;
        if (post(commandUrl + "/api/carts", createCartBody(id)) / 100 != 2) return Double.NaN;
        for (int i = 0; i < 60; i++) {
            if (get(queryUrl + "/api/carts/" + id + "?minVersion=1") / 100 == 2) break;
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    // ------------------------------------------------------------------ load runners

    interface Op {
        /** @return the HTTP status (anything not 2xx counts as an error) */
        int call(int thread, long n) throws Exception;
    }

    static Result runWorkload(String name, int c, Op op) throws Exception {
        Result r = runPhase(c, warmSec, phaseSec, op);
        log("%-22s c=%-3d %8.1f ops/s  p50 %7.2f ms  p99 %7.2f ms  errors %d %s", name, c, r.opsPerSec(),
            r.pct(0.50), r.pct(0.99), r.errors, r.errors > 0 ? r.statuses : "");
        return r;
    }

    static final Pattern WRK_RESULT = Pattern.compile("RESULT requests=(\\d+) duration_us=(\\d+) non2xx=(\\d+) "
                                                       + "socket_errors=(\\d+) p50_us=(\\d+) p99_us=(\\d+) max_us=(\\d+)");

    /**
     * Closed loop with wrk (2 threads, c connections): warm-up for warm seconds (a separate run, not recorded), then
     * measures; the Lua script prints one RESULT line (see bench/wrk/). wrk takes far less CPU per request than a
     * JDK client, which shares the same two cores with the services and PostgreSQL. The first script argument is
     * an id prefix; the warm-up gets its own, so a create never meets an id of the warm-up.
     */
    static Result runWrk(String name, String script, String url, int c, int warm, int measure, String... args)
            throws Exception {
        if (warm > 0) {
            String[] warmArgs = args.clone();
            if (script.equals("create-cart.lua")) warmArgs[0] = args[0] + "-warm";
            wrkOnce(script, url, c, warm, warmArgs);
        }
        Result r = wrkOnce(script, url, c, measure, args);
        log("%-22s c=%-3d %8.1f ops/s  p50 %7.2f ms  p99 %7.2f ms  errors %d %s (wrk)", name, c, r.opsPerSec(),
            r.pct(0.50), r.pct(0.99), r.errors, r.errors > 0 ? r.statuses : "");
        return r;
    }

    static Result wrkOnce(String script, String url, int c, int seconds, String... args) throws Exception {
        return wrkResult(exec(wrkCommand(script, url, c, seconds, args), seconds + 60));
    }

    static List<String> wrkCommand(String script, String url, int c, int seconds, String... args) {
        List<String> cmd = new ArrayList<>(List.of(wrk, "-t2", "-c" + c, "-d" + seconds + "s", "--timeout", "10s",
                                                   "-s", wrkScripts.resolve(script).toString(), url));
        if (args.length > 0) {
            cmd.add("--");
            cmd.addAll(List.of(args));
        }
        return cmd;
    }

    static Result wrkResult(String out) {
        Matcher m = WRK_RESULT.matcher(out);
        if (!m.find()) throw new IllegalStateException("wrk output not understood:\n" + out);
        return Result.fromWrk(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)) * 1000,
                              Long.parseLong(m.group(3)), Long.parseLong(m.group(4)), Long.parseLong(m.group(5)) * 1000,
                              Long.parseLong(m.group(6)) * 1000, Long.parseLong(m.group(7)) * 1000);
    }

    /** Runs op on c threads (closed loop): warm-up for warm seconds (not recorded), then measures. */
    static Result runPhase(int c, int warm, int measure, Op op) throws Exception {
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
                while (System.nanoTime() < bounds[2] && n < 2 * MAX_OPS_PER_THREAD) {
                    callOnce(op, thread, n++, recs[thread]);
                }
                return null;
            }));
        }
        ready.await();
        bounds[0] = System.nanoTime();
        bounds[1] = bounds[0] + TimeUnit.SECONDS.toNanos(warm);
        bounds[2] = bounds[1] + TimeUnit.SECONDS.toNanos(measure);
        go.countDown(); // happens-before: bounds are visible to the workers
        for (Future<?> f : fs) f.get();
        long end = System.nanoTime();
        pool.shutdown();
        return Result.merge(c, recs, Math.max(end, bounds[2]) - bounds[1]);
    }

    /** Runs exactly perThread operations on each of c threads (setup work). */
    static Result runFixed(int c, int perThread, Op op) throws Exception {
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
        return Result.merge(c, recs, System.nanoTime() - start);
    }

    static void callOnce(Op op, int thread, long n, Recorder rec) {
        long t0 = System.nanoTime();
        int status;
        try {
            status = op.call(thread, n);
        } catch (Exception e) {
            status = -1;
        }
        if (rec != null) rec.add(System.nanoTime() - t0, status);
    }

    // ------------------------------------------------------------------ B3 lag

    record LagResult(Result commands, Result lag, double targetRate, long late, double growthMs, boolean grows) {
    }

    static final int PROBE_THREADS = 4;
    static final long PROBE_INTERVAL_MS = 200; // per probe thread: ~20 probes/s in all

    /**
     * Each of the 32 connections sends, waits for the answer, pauses: rate = 32 / (pause + latency). A short run
     * at the pause that ignores the latency measures the latency at that load, and the pause is shortened by it.
     */
    static long pauseFor(double rate) throws Exception {
        long naive = Math.round(CLIENTS * 1000.0 / rate);
        String prefix = "b3c-" + RUN + "-" + (long) rate;
        Result probe = wrkOnce("create-cart.lua", commandUrl, CLIENTS, Math.max(3, warmSec), prefix,
                               String.valueOf(naive));
        double latencyMs = CLIENTS * 1000.0 / Math.max(1, probe.opsPerSec()) - naive;
        long pause = Math.max(1, Math.round(naive - Math.max(0, latencyMs)));
        log("B3 pacing: %d ms pause gave %.1f cmds/s (latency ~%.1f ms); %d ms for %.0f/s", naive,
            probe.opsPerSec(), latencyMs, pause, rate);
        return pause;
    }

    /**
     * The load comes from wrk: 32 connections creating carts, each pausing after every answer as
     * {@link #pauseFor} calibrated for {@code rate} (the achieved rate is reported). Beside it,
     * {@value #PROBE_THREADS} probe threads create a cart every {@value #PROBE_INTERVAL_MS} ms each and ask the
     * query-service for it at the returned version: the lag is measured on those, by a client whose own work stays
     * small next to the load (a JDK client following every command queued its own answers and inflated the lag).
     */
    static LagResult runLagPaced(double rate) throws Exception {
        int seconds = warmSec + lagSec;
        long pauseMs = pauseFor(rate);
        List<String> cmd = wrkCommand("create-cart.lua", commandUrl, CLIENTS, seconds, "b3-" + RUN + "-" + (long) rate,
                                      String.valueOf(pauseMs));
        Process load = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            ExecutorService pool = Executors.newFixedThreadPool(PROBE_THREADS, daemon("probe"));
            Recorder[] lag = new Recorder[PROBE_THREADS];
            long[][] timeline = new long[PROBE_THREADS][];
            int[] filled = new int[PROBE_THREADS];
            long measureFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmSec);
            long end = measureFrom + TimeUnit.SECONDS.toNanos(lagSec);
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < PROBE_THREADS; t++) {
                int thread = t;
                lag[t] = new Recorder();
                timeline[t] = new long[1024];
                fs.add(pool.submit(() -> {
                    for (long n = 0; n < MAX_OPS_PER_THREAD && System.nanoTime() < end; n++) {
                        long next = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PROBE_INTERVAL_MS);
                        String id = "b3p-" + RUN + "-" + (long) rate + "-" + thread + "-" + n;
                        boolean measured = System.nanoTime() >= measureFrom;
                        HttpResponse<String> resp = postFull(commandUrl + "/api/carts", createCartBody(id));
                        if (resp.statusCode() / 100 == 2) {
                            long t1 = System.nanoTime();
                            int status = get(queryUrl + "/api/carts/" + id + "?minVersion=" + versionOf(resp.body()));
                            long took = System.nanoTime() - t1;
                            if (measured) {
                                lag[thread].add(took, status);
                                addSample(timeline, filled, thread, t1 - measureFrom, took);
                            }
                        } else if (measured) {
                            lag[thread].add(0, resp.statusCode());
                        }
                        long now = System.nanoTime();
                        if (next > now) LockSupport.parkNanos(next - now); // pacing of the probe only
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) f.get();
            pool.shutdown();
            String out = new String(load.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!load.waitFor(60, TimeUnit.SECONDS)) throw new IllegalStateException("wrk did not end");
            // the whole wrk run, warm-up included: the rate is steady from the start in a closed loop
            Result c = wrkResult(out);
            Result l = Result.merge(PROBE_THREADS, lag, end - measureFrom);
            LagResult r = withGrowth(c, l, rate, 0, timeline, filled, end - measureFrom);
            log("B3 load %.1f cmds/s by wrk (target %.0f/s, pause %d ms), %d probes: lag p50 %.1f ms p99 %.1f ms "
                + "max %.1f ms, growth %.1f ms, errors %d/%d", c.opsPerSec(), rate, pauseMs, l.count(), l.pct(.5),
                l.pct(.99), l.max(), r.growthMs(), c.errors, l.errors);
            return r;
        } finally {
            load.destroy();
        }
    }

    /**
     * Open loop: commands start on a fixed schedule at {@code rate}/s (so a slow response cannot slow the load down);
     * after the response of every command up to 100/s (a sample above that, evenly spread) the same thread asks the
     * query-service for that cart at the returned version. Sampling keeps the client's own CPU, which the services
     * share, from growing with the rate; every command is still projected.
     */
    static LagResult runLag(double rate) throws Exception {
        long probeEvery = Math.max(1, Math.round(rate / 100));
        // enough threads for each scheduled command to start on time even when command + lag take ~1.5 s
        int threads = (int) Math.min(256, Math.max(16, Math.ceil(rate * 1.5)));
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemon("lag"));
        long interval = (long) (1e9 / rate);
        AtomicLong slot = new AtomicLong();
        Recorder[] cmd = new Recorder[threads];
        Recorder[] lag = new Recorder[threads];
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmSec);
        long end = measureFrom + TimeUnit.SECONDS.toNanos(lagSec);
        AtomicLong late = new AtomicLong();
        // lag samples with their start time, for the growth check
        long[][] timeline = new long[threads][];
        int[] filled = new int[threads];
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            cmd[t] = new Recorder();
            lag[t] = new Recorder();
            timeline[t] = new long[1024];
            fs.add(pool.submit(() -> {
                for (int guard = 0; guard < MAX_OPS_PER_THREAD; guard++) {
                    long s = slot.getAndIncrement();
                    long due = start + s * interval;
                    if (due >= end) break;
                    long now = System.nanoTime();
                    if (due > now) {
                        LockSupport.parkNanos(due - now); // rate pacing of the load generator only
                    } else if (now - due > TimeUnit.MILLISECONDS.toNanos(100) && due >= measureFrom) {
                        late.incrementAndGet();
                    }
                    boolean measured = due >= measureFrom;
                    String id = "b3-" + RUN + "-" + (long) rate + "-" + s;
                    long t0 = System.nanoTime();
                    long version;
                    try {
                        HttpResponse<String> resp = postFull(commandUrl + "/api/carts", createCartBody(id));
                        if (measured) cmd[thread].add(System.nanoTime() - t0, resp.statusCode());
                        if (resp.statusCode() / 100 != 2 || s % probeEvery != 0) continue;
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
                    long took = System.nanoTime() - t1;
                    if (measured) {
                        lag[thread].add(took, status);
                        addSample(timeline, filled, thread, t1 - measureFrom, took);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : fs) f.get();
        pool.shutdown();
        long elapsed = Math.max(System.nanoTime(), end) - measureFrom;
        Result c = Result.merge(threads, cmd, elapsed);
        Result l = Result.merge(threads, lag, elapsed);
        LagResult r = withGrowth(c, l, rate, late.get(), timeline, filled, end - measureFrom);
        log("B3 commands %.1f/s (target %.0f/s, %d late), lag of every %d. command p50 %.1f ms p99 %.1f ms max %.1f ms, "
            + "growth %.1f ms, errors %d/%d", c.opsPerSec(), rate, late.get(), probeEvery, l.pct(.5), l.pct(.99),
            l.max(), r.growthMs(), c.errors, l.errors);
        return r;
    }

    static void addSample(long[][] timeline, int[] filled, int thread, long at, long took) {
        if (filled[thread] + 2 > timeline[thread].length) {
            timeline[thread] = Arrays.copyOf(timeline[thread], timeline[thread].length * 2);
        }
        timeline[thread][filled[thread]++] = at;
        timeline[thread][filled[thread]++] = took;
    }

    /**
     * timeline[thread] holds pairs (start of the sample since the measurement began, lag), both in nanoseconds;
     * growth = median lag of the last third of the span minus that of the first third.
     */
    static LagResult withGrowth(Result commands, Result lag, double rate, long late, long[][] timeline, int[] filled,
                                long span) {
        List<Double> first = new ArrayList<>(), last = new ArrayList<>();
        long third = span / 3;
        for (int t = 0; t < timeline.length; t++) {
            for (int i = 0; i < filled[t]; i += 2) {
                if (timeline[t][i] < third) first.add(timeline[t][i + 1] / 1e6);
                if (timeline[t][i] >= 2 * third) last.add(timeline[t][i + 1] / 1e6);
            }
        }
        double growth = first.isEmpty() || last.isEmpty() ? Double.NaN : Stats.median(last) - Stats.median(first);
        boolean grows = Stats.grows(first.isEmpty() ? Double.NaN : Stats.median(first),
                                    last.isEmpty() ? Double.NaN : Stats.median(last));
        return new LagResult(commands, lag, rate, late, growth, grows);
    }

    // ------------------------------------------------------------------ B5 long stream

    record LongStream(Result fresh, Result longer, boolean snapshot, double firstLoadMs) {
    }

    /**
     * Seeds a cart with 10,000 events in the stored format (created, item added, then quantity changes 1→2→3…),
     * loads it once (which asks for a snapshot), and measures single-client add-item latency alternating between it
     * and fresh carts.
     */
    static LongStream runLongStream() throws Exception {
        String tpl = "b5tpl-" + RUN, longCart = "b5long-" + RUN;
        requireOk(post(commandUrl + "/api/carts", createCartBody(tpl)), "B5 template");
        requireOk(post(commandUrl + "/api/carts/" + tpl + "/items", addItemBody(0)), "B5 template");
        requireOk(post(commandUrl + "/api/carts/" + tpl + "/items", addItemBody(0)), "B5 template");
        long t0 = System.nanoTime();
        // seq 0 created, seq 1 item added (quantity 1), seq 2..9999: quantity k-1 -> k
        psql("""
             INSERT INTO eventstore.domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_revision, payload_type, time_stamp)
             SELECT '%2$s', s.n, t.type, gen_random_uuid()::text, t.meta_data,
                    convert_to(regexp_replace(regexp_replace(replace(convert_from(t.payload, 'UTF8'), '%1$s', '%2$s'),
                        '"oldQuantity":\\d+', '"oldQuantity":' || (s.n - 1)),
                        '"newQuantity":\\d+', '"newQuantity":' || s.n), 'UTF8'),
                    t.payload_revision, t.payload_type, t.time_stamp
             FROM generate_series(0, %3$d) AS s(n)
             JOIN eventstore.domain_event_entry t
               ON t.aggregate_identifier = '%1$s' AND t.sequence_number = LEAST(s.n, 2)
             ORDER BY s.n;
             """.formatted(tpl, longCart, LONG_STREAM - 1));
        log("B5: seeded %s with %,d events in %.1f s", longCart, LONG_STREAM, (System.nanoTime() - t0) / 1e9);
        long l0 = System.nanoTime();
        // without snapshots this replays all 10,000 events, which can take long on a busy machine
        requireOk(postFull(commandUrl + "/api/carts/" + longCart + "/items", addItemBody(0), Duration.ofSeconds(120))
                          .statusCode(), "B5 first load");
        double firstLoad = (System.nanoTime() - l0) / 1e6;
        boolean snapshot = false;
        for (int i = 0; i < 150 && !snapshot; i++) { // the snapshot is taken after commit on its own thread
            snapshot = !"0".equals(psql("SELECT count(*) FROM eventstore.snapshot_event_entry WHERE "
                                        + "aggregate_identifier = '" + longCart + "'").trim());
            if (!snapshot) Thread.sleep(100); // bounded wait for an asynchronous side effect we cannot subscribe to
        }
        Recorder fresh = new Recorder(), longer = new Recorder();
        int perRound = Math.max(1, b5Ops / 10);
        // without snapshots every long-stream command replays 10,000 events; the budget keeps the run bounded
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(mode.equals("quick") ? 60 : 180);
        for (int round = 0; round < 10 && System.nanoTime() < deadline; round++) {
            String freshCart = "b5fresh-" + RUN + "-" + round;
            requireOk(post(commandUrl + "/api/carts", createCartBody(freshCart)), "B5 fresh cart");
            for (int i = 0; i < perRound; i++) {
                callOnce((t, n) -> post(commandUrl + "/api/carts/" + freshCart + "/items", addItemBody(0)), 0, i,
                         fresh);
                callOnce((t, n) -> post(commandUrl + "/api/carts/" + longCart + "/items", addItemBody(0)), 0, i,
                         longer);
            }
        }
        Result f = Result.merge(1, new Recorder[]{fresh}, 1), l = Result.merge(1, new Recorder[]{longer}, 1);
        log("B5 fresh p50 %.2f ms p99 %.2f ms; long p50 %.2f ms p99 %.2f ms (snapshot %s, first load %.0f ms)",
            f.pct(.5), f.pct(.99), l.pct(.5), l.pct(.99), snapshot, firstLoad);
        return new LongStream(f, l, snapshot, firstLoad);
    }

    static void requireOk(int status, String what) {
        if (status / 100 != 2) throw new IllegalStateException(what + ": HTTP " + status);
    }

    // ------------------------------------------------------------------ B4 replay

    /** events/s = events every processor replayed (all of them, or the slowest's position at the budget) / time */
    record Replay(long seeded, double seedSeconds, long events, long replayed, double seconds, boolean completed) {
        double eventsPerSec() {
            return replayed / seconds;
        }
    }

    static final Pattern HEAD = Pattern.compile("\"head\"\\s*:\\s*(-?\\d+)");
    static final Pattern POSITION = Pattern.compile("\"position\"\\s*:\\s*(-?\\d+)");
    static final Pattern CAUGHT_UP = Pattern.compile("\"caughtUp\"\\s*:\\s*(true|false)");

    /**
     * Seeds carts in the stored format (copies of a template cart's three events: created, item added, quantity
     * changed) in chunks of 100,000 rows, then rebuilds every read model and waits until all processors reached the
     * head. A first, unmeasured rebuild over a fifth of the events warms the replay's code up: the first rebuild in a
     * fresh JVM runs largely interpreted while the JIT compiles the projection and persistence code, which a
     * service that has run for a while has long done.
     */
    static Replay runReplay() throws Exception {
        String tpl = "b4tpl-" + RUN;
        requireOk(post(commandUrl + "/api/carts", createCartBody(tpl)), "B4 template");
        requireOk(post(commandUrl + "/api/carts/" + tpl + "/items", addItemBody(0)), "B4 template");
        requireOk(post(commandUrl + "/api/carts/" + tpl + "/items", addItemBody(0)), "B4 template");
        long before = storedEvents();
        long t0 = System.nanoTime();
        long seededCarts = seedCarts(tpl, 0, replayEvents / 5 - before);
        double warmSeedSec = (System.nanoTime() - t0) / 1e9;
        RebuildProgress warm = rebuild(storedEvents());
        log("B4: warm-up rebuild of %,d events %s after %.1f s", warm.events, warm.done ? "caught up" : "stopped",
            warm.seconds);
        long t1 = System.nanoTime();
        seedCarts(tpl, seededCarts, replayEvents - storedEvents());
        double seedSec = warmSeedSec + (System.nanoTime() - t1) / 1e9;
        long events = storedEvents();
        log("B4: seeded %,d events in %.1f s; %,d events in the store; rebuilding", events - before, seedSec, events);
        RebuildProgress run = rebuild(events);
        log("B4: rebuild %s after %.1f s: %,d events = %.0f events/s", run.done ? "caught up" : "still running (budget)",
            run.seconds, run.replayed, run.replayed / run.seconds);
        return new Replay(events - before, seedSec, events, run.replayed, run.seconds, run.done);
    }

    static long storedEvents() throws Exception {
        return Long.parseLong(psql("SELECT count(*) FROM eventstore.domain_event_entry").trim());
    }

    /** Adds copies of the template cart numbered from {@code firstCart} until about {@code events} were added. */
    static long seedCarts(String tpl, long firstCart, long events) throws Exception {
        long carts = Math.max(0, (events + 2) / 3);
        for (long from = 0; from < carts; from += 33_334) { // ~100,000 events per statement
            long to = Math.min(carts, from + 33_334) - 1;
            psql("""
                 INSERT INTO eventstore.domain_event_entry (aggregate_identifier, sequence_number, type,
                        event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                 SELECT 'b4-%2$s-' || g, t.sequence_number, t.type, gen_random_uuid()::text, t.meta_data,
                        convert_to(replace(convert_from(t.payload, 'UTF8'), '%1$s', 'b4-%2$s-' || g), 'UTF8'),
                        t.payload_revision, t.payload_type, t.time_stamp
                 FROM generate_series(%3$d, %4$d) AS g
                 CROSS JOIN (SELECT * FROM eventstore.domain_event_entry WHERE aggregate_identifier = '%1$s') t
                 ORDER BY g, t.sequence_number;
                 """.formatted(tpl, RUN, firstCart + from, firstCart + to));
        }
        return firstCart + carts;
    }

    record RebuildProgress(long events, long replayed, double seconds, boolean done) {
    }

    /** Rebuilds every read model and follows it until all processors reached the head or the budget ran out. */
    static RebuildProgress rebuild(long events) throws Exception {
        // the reset waits for each processor to finish the batch it is handling (here: live events of the seeding)
        long s0 = System.nanoTime();
        HttpResponse<String> resp;
        try {
            resp = postFull(queryUrl + "/admin/projections/rebuild", "{}", Duration.ofSeconds(300));
        } catch (IOException staleConnection) {
            // the server closes keep-alive connections left idle while seeding; a rebuild may safely run twice
            resp = postFull(queryUrl + "/admin/projections/rebuild", "{}", Duration.ofSeconds(300));
        }
        requireOk(resp.statusCode(), "rebuild");
        resetSec = (System.nanoTime() - s0) / 1e9;
        long r0 = System.nanoTime();
        // bounded by a time budget: a slow rebuild is measured by its progress instead of waited for
        long deadline = r0 + TimeUnit.SECONDS.toNanos(replayBudgetSec);
        boolean done = false;
        long slowest = 0;
        int polls = 0;
        while (!done && System.nanoTime() < deadline && polls++ < 100_000) {
            Thread.sleep(200); // progress polling of a background rebuild; the deadline bounds it
            String body;
            try {
                body = getBody(queryUrl + "/admin/projections");
            } catch (IOException slowAnswer) {
                // a service busy replaying may answer late; the deadline still bounds the rebuild
                statusTimeouts++;
                continue;
            }
            lastStatus = body;
            Matcher m = CAUGHT_UP.matcher(body);
            int n = 0;
            boolean all = true;
            while (m.find()) {
                n++;
                all &= m.group(1).equals("true");
            }
            Matcher p = POSITION.matcher(body);
            long min = Long.MAX_VALUE;
            while (p.find()) min = Math.min(min, Long.parseLong(p.group(1)));
            slowest = min == Long.MAX_VALUE ? 0 : Math.max(0, min);
            Matcher h = HEAD.matcher(body);
            done = n > 0 && all && h.find() && Long.parseLong(h.group(1)) > 0;
        }
        double sec = (System.nanoTime() - r0) / 1e9;
        // global_index has no gaps here beyond rolled-back commands, so the slowest processor's position is the
        // number of events every read model has replayed so far
        long replayed = done ? events : Math.min(events, slowest);
        return new RebuildProgress(events, replayed, sec, done);
    }

    // ------------------------------------------------------------------ pgbench baseline

    /**
     * The baseline table is the command-service's own event table: the sequence and table statements are read from
     * its Flyway migration and run in a schema of their own, so columns, defaults, keys and indexes match exactly.
     */
    static void setUpBaselineTables() throws Exception {
        String ddl = Files.readString(migration);
        Matcher seq = Pattern.compile("CREATE SEQUENCE domain_event_entry_seq[^;]*;").matcher(ddl);
        Matcher table = Pattern.compile("CREATE TABLE domain_event_entry \\((?:[^;])*?\\);", Pattern.DOTALL)
                               .matcher(ddl);
        if (!seq.find() || !table.find()) {
            throw new IllegalStateException("domain_event_entry DDL not found in " + migration);
        }
        String tableDdl = table.group().replaceAll("--[^\\n]*", "");
        psql("DROP SCHEMA IF EXISTS bench_baseline CASCADE; CREATE SCHEMA bench_baseline;\n"
             + "SET search_path = bench_baseline;\n" + seq.group() + "\n" + tableDdl + "\n");
        String columns = "INSERT INTO bench_baseline.domain_event_entry (aggregate_identifier, sequence_number, type,"
                         + " event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) ";
        String values = "gen_random_uuid()::text, 0, 'Cart', gen_random_uuid()::text,"
                        + " convert_to('{\"traceId\":\"' || gen_random_uuid() || '\"}', 'UTF8'),"
                        + " convert_to('{\"cartId\":\"' || gen_random_uuid() || '\",\"customerId\":\"CUST-BENCH\","
                        + "\"createdAt\":\"' || now() || '\"}', 'UTF8'), NULL,"
                        + " 'com.minkshop.api.cart.CartCreatedEvent', now()::text";
        Files.writeString(work.resolve("ev1.sql"), columns + "VALUES (" + values + ");\n");
        Files.writeString(work.resolve("ev100.sql"), columns + "SELECT " + values
                                                     + " FROM generate_series(1, 100);\n");
    }

    /** @return transactions per second */
    static double runPgbench(String script, int clients, int seconds) throws Exception {
        return runPgbench(script, clients, seconds, false).perSecond();
    }

    /** Transactions per second, and with {@code latencies} a sample of the transactions' latencies. */
    record Pgbench(double perSecond, Result latencies) {
    }

    /**
     * With {@code latencies}, pgbench logs every tenth transaction (one buffered line each: too little work to
     * lower the baseline) so that the commands' tail can be set beside the database's own at the same load.
     */
    static Pgbench runPgbench(String script, int clients, int seconds, boolean latencies) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(pgBin + "/pgbench", "-h", "127.0.0.1", "-p", pgPort, "-U", dbUser,
                                                   "-n", "-M", "prepared", "-T", String.valueOf(seconds), "-c",
                                                   String.valueOf(clients), "-j", "2"));
        Path logs = null;
        if (latencies) {
            logs = Files.createTempDirectory(work, "pgbench-log");
            cmd.addAll(List.of("-l", "--sampling-rate=0.1", "--log-prefix=" + logs.resolve("tx")));
        }
        cmd.addAll(List.of("-f", work.resolve(script).toString(), db));
        String out = exec(cmd, seconds + 120);
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(out);
        if (!tps.find()) throw new IllegalStateException("pgbench output not understood:\n" + out);
        double v = Double.parseDouble(tps.group(1));
        Result lat = null;
        if (logs != null) {
            List<String> lines = new ArrayList<>();
            try (var files = Files.list(logs)) {
                for (Path f : files.sorted().toList()) lines.addAll(Files.readAllLines(f));
            }
            lat = pgbenchLatencies(lines, (long) (seconds * 1e9));
            log("pgbench %-9s c=%-3d %9.1f tx/s  p50 %7.2f ms  p99 %7.2f ms (%d sampled)", script, clients, v,
                lat.pct(.5), lat.pct(.99), lat.count());
        } else {
            log("pgbench %-9s c=%-3d %9.1f tx/s", script, clients, v);
        }
        return new Pgbench(v, lat);
    }

    /**
     * pgbench's per-transaction log: {@code client transaction latency_us script epoch_s epoch_us}; a transaction
     * that was skipped or failed has a word instead of a latency and is left out.
     */
    static Result pgbenchLatencies(List<String> lines, long elapsedNanos) {
        Recorder rec = new Recorder();
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 3 && f[2].chars().allMatch(Character::isDigit)) {
                rec.add(Long.parseLong(f[2]) * 1_000, 200);
            }
        }
        return Result.merge(1, new Recorder[]{rec}, elapsedNanos);
    }

    static String psql(String sql) throws Exception {
        Path file = Files.createTempFile(work, "q", ".sql");
        Files.writeString(file, sql);
        return exec(List.of(pgBin + "/psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p",
                            pgPort, "-U", dbUser, "-d", db, "-f", file.toString()), 600);
    }

    static String exec(List<String> cmd, int timeoutSec) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", System.getenv().getOrDefault("MINKSHOP_DB_PASSWORD", "minkshop"));
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes(); // ends with the process; the wait below is a safety net
        if (!p.waitFor(timeoutSec, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + cmd);
        }
        String s = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) throw new IllegalStateException("failed (exit " + p.exitValue() + "): " + cmd + "\n" + s);
        return s;
    }

    // ------------------------------------------------------------------ CPU accounting (where does the time go)

    /** Machine-wide busy time from /proc/stat and the two services' own CPU time, sampled around a phase. */
    record CpuSample(long nanos, long busyTicks, long totalTicks, long[] serviceTicks) {
        static CpuSample take() {
            long busy = 0, total = 0;
            long[] svc = new long[servicePids.length];
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                for (int i = 1; i < f.length && i <= 8; i++) {
                    long v = Long.parseLong(f[i]);
                    total += v;
                    if (i != 4 && i != 5) busy += v; // idle, iowait
                }
                for (int i = 0; i < servicePids.length; i++) {
                    String stat = Files.readString(Path.of("/proc/" + servicePids[i] + "/stat"));
                    String[] s = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    svc[i] = Long.parseLong(s[11]) + Long.parseLong(s[12]); // utime + stime
                }
            } catch (Exception e) {
                return new CpuSample(System.nanoTime(), -1, -1, svc);
            }
            return new CpuSample(System.nanoTime(), busy, total, svc);
        }

        String describe(CpuSample end, long ops) {
            if (busyTicks < 0 || end.busyTicks < 0) return "CPU accounting unavailable";
            double sec = (end.nanos - nanos) / 1e9;
            double busyPct = 100.0 * (end.busyTicks - busyTicks) / Math.max(1, end.totalTicks - totalTicks);
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "machine %.0f%% busy", busyPct));
            String[] names = {"command-service", "query-service"};
            for (int i = 0; i < serviceTicks.length && i < names.length; i++) {
                double cpuSec = (end.serviceTicks[i] - serviceTicks[i]) / 100.0; // USER_HZ
                sb.append(String.format(Locale.ROOT, ", %s %.2f cores (%.2f ms CPU/op)", names[i], cpuSec / sec,
                                        ops == 0 ? Double.NaN : cpuSec * 1000 / ops));
            }
            return sb.toString();
        }
    }

    // ------------------------------------------------------------------ recording and arithmetic

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
        long[] sorted;
        long count;
        long errors;
        Map<Double, Long> knownPercentiles; // wrk reports percentiles, not every latency
        long elapsedNanos;
        Map<Integer, Long> statuses = new LinkedHashMap<>();

        static Result merge(int c, Recorder[] recs, long elapsedNanos) {
            Result r = new Result();
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
            r.count = total;
            return r;
        }

        /** A wrk run: responses (errors included), non-2xx responses, socket errors; times in nanoseconds. */
        static Result fromWrk(long responses, long elapsedNanos, long non2xx, long socketErrors, long p50, long p99,
                              long max) {
            Result r = new Result();
            r.sorted = new long[0];
            r.count = responses + socketErrors;
            r.errors = non2xx + socketErrors;
            r.elapsedNanos = elapsedNanos;
            if (non2xx > 0) r.statuses.put(-2, non2xx); // wrk counts them, it does not tell which status
            if (socketErrors > 0) r.statuses.put(-1, socketErrors);
            r.knownPercentiles = Map.of(0.5, p50, 0.99, p99, 1.0, max);
            return r;
        }

        long count() {
            return count;
        }

        /** successful operations per second */
        double opsPerSec() {
            return (count() - errors) / (elapsedNanos / 1e9);
        }

        /** in milliseconds */
        double pct(double p) {
            if (knownPercentiles != null) {
                Long v = knownPercentiles.get(p);
                return v == null ? Double.NaN : v / 1e6;
            }
            return Stats.percentile(sorted, p) / 1e6;
        }

        double max() {
            return pct(1.0);
        }
    }

    /** The arithmetic behind every figure; checked by {@code --self-test} before each run. */
    static final class Stats {
        /** nearest-rank percentile of an ascending array; NaN when empty */
        static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) return Double.NaN;
            int idx = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(idx, sorted.length - 1))];
        }

        /** median ignoring NaN (mean of the two middle values for an even count); NaN when nothing is left */
        static double median(double[] values) {
            double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
            if (v.length == 0) return Double.NaN;
            return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        }

        static double median(List<Double> values) {
            return median(toArray(values));
        }

        /** element-wise system / baseline of interleaved rounds; NaN where the baseline is missing or zero */
        static double[] ratios(double[] system, double[] baseline) {
            double[] r = new double[Math.min(system.length, baseline.length)];
            for (int i = 0; i < r.length; i++) {
                r[i] = baseline[i] > 0 ? system[i] / baseline[i] : Double.NaN;
            }
            return r;
        }

        /**
         * Per round, the rate at which the machine could answer a trivial HTTP request and commit a one-event
         * transaction for each one: both baselines saturate it, so their costs per operation add up.
         */
        static double[] floors(double[] httpPerSec, double[] txPerSec) {
            double[] f = new double[Math.min(httpPerSec.length, txPerSec.length)];
            for (int i = 0; i < f.length; i++) {
                f[i] = httpPerSec[i] > 0 && txPerSec[i] > 0 ? 1 / (1 / httpPerSec[i] + 1 / txPerSec[i]) : Double.NaN;
            }
            return f;
        }

        /** lag "grows" when the last third's median exceeds the first third's by more than 25 ms and by half */
        static boolean grows(double firstMedian, double lastMedian) {
            if (Double.isNaN(firstMedian) || Double.isNaN(lastMedian)) return true;
            return lastMedian - firstMedian > 25 && lastMedian > 1.5 * firstMedian;
        }
    }

    static void selfTest() {
        check(Stats.median(new double[]{3, 1, 2}) == 2, "median of odd count");
        check(Stats.median(new double[]{4, 1, 3, 2}) == 2.5, "median of even count");
        check(Stats.median(new double[]{Double.NaN, 5, 1}) == 3, "median ignores NaN");
        check(Double.isNaN(Stats.median(new double[0])), "median of nothing");
        long[] hundred = new long[100];
        for (int i = 0; i < 100; i++) hundred[i] = i + 1;
        check(Stats.percentile(hundred, .5) == 50, "p50 of 1..100");
        check(Stats.percentile(hundred, .99) == 99, "p99 of 1..100");
        check(Stats.percentile(hundred, 1) == 100, "p100 of 1..100");
        check(Stats.percentile(new long[]{7}, .99) == 7, "percentile of one value");
        double[] r = Stats.ratios(new double[]{100, 200, 50}, new double[]{1000, 0, 100});
        check(r[0] == 0.1 && Double.isNaN(r[1]) && r[2] == 0.5, "ratios per round");
        check(Stats.median(r) == 0.3, "median ratio skips a missing baseline");
        double[] floors = Stats.floors(new double[]{40_000, 0, 30_000}, new double[]{10_000, 5_000, 30_000});
        check(Math.abs(floors[0] - 8_000) < 1e-6 && Double.isNaN(floors[1]) && Math.abs(floors[2] - 15_000) < 1e-6,
              "HTTP + transaction floor");
        check(!Stats.grows(30, 40) && Stats.grows(30, 80) && !Stats.grows(100, 130), "growth rule");
        Recorder rec = new Recorder();
        rec.add(1_000_000, 200);
        rec.add(3_000_000, 500);
        Result res = Result.merge(1, new Recorder[]{rec}, 1_000_000_000L);
        check(res.opsPerSec() == 1 && res.errors == 1 && res.pct(1) == 3, "only 2xx count as throughput");
        Result w = Result.fromWrk(1000, 2_000_000_000L, 10, 0, 5_000_000, 40_000_000, 90_000_000);
        check(w.opsPerSec() == 495 && w.errors == 10 && w.pct(.99) == 40 && w.max() == 90, "wrk figures");
        Result pg = pgbenchLatencies(List.of("0 1 2500 0 1764000000 120", "1 1 1500 0 1764000000 130",
                                             "0 2 skipped 0 1764000000 140", "", "1 2 500 0 1764000000 150"),
                                     1_000_000_000L);
        check(pg.count() == 3 && pg.pct(.5) == 1.5 && pg.pct(1) == 2.5, "pgbench latency log");
    }

    static void check(boolean ok, String what) {
        if (!ok) throw new AssertionError("self-test failed: " + what);
    }

    // ------------------------------------------------------------------ report

    static final class Report {
        record Row(String metric, double value, String unit, Double baseline, Double ratio, String target,
                   Boolean pass) {
        }

        final List<Row> rows = new ArrayList<>();

        void row(String metric, double value, String unit, Double baseline, Double ratio, String target,
                 Boolean pass) {
            rows.add(new Row(metric, value, unit, baseline, ratio, target, pass));
        }

        boolean allPassed() {
            return rows.stream().allMatch(r -> r.pass() == null || r.pass());
        }

        String table(List<String> notes) {
            StringBuilder sb = new StringBuilder();
            String line = "-".repeat(112) + "\n";
            sb.append(String.format(Locale.ROOT, "%nMinkShop benchmark %s, %s run, %s configuration, %d CPUs%n", RUN,
                                    mode, config, Runtime.getRuntime().availableProcessors()));
            sb.append(line).append(String.format(Locale.ROOT, "%-46s %12s %-8s %10s %7s %-10s %s%n", "metric",
                                                 "value", "unit", "baseline", "ratio", "target", "result"));
            sb.append(line);
            for (Row r : rows) {
                sb.append(String.format(Locale.ROOT, "%-46s %12s %-8s %10s %7s %-10s %s%n", r.metric(),
                                        fmt(r.value()), r.unit(), r.baseline() == null ? "" : fmt(r.baseline()),
                                        r.ratio() == null ? "" : String.format(Locale.ROOT, "%.3f", r.ratio()),
                                        r.target() == null ? "" : r.target(),
                                        r.pass() == null ? "" : r.pass() ? "pass" : "FAIL"));
            }
            sb.append(line);
            for (String n : notes) sb.append("  ").append(n).append('\n');
            sb.append(allPassed() ? "all targets met\n" : "targets missed: " + rows.stream()
                    .filter(r -> r.pass() != null && !r.pass()).map(Row::metric).toList() + "\n");
            return sb.toString();
        }

        Path writeJson(List<String> notes) throws IOException {
            Files.createDirectories(outDir);
            String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
                                            .format(Instant.now());
            StringBuilder sb = new StringBuilder("{\n");
            sb.append("  \"run\": ").append(q(RUN)).append(",\n  \"time\": ").append(q(Instant.now().toString()))
              .append(",\n  \"mode\": ").append(q(mode)).append(",\n  \"configuration\": ").append(q(config))
              .append(",\n  \"cpus\": ").append(Runtime.getRuntime().availableProcessors())
              .append(",\n  \"passed\": ").append(allPassed()).append(",\n  \"rows\": [\n");
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                sb.append("    {\"metric\": ").append(q(r.metric())).append(", \"value\": ").append(num(r.value()))
                  .append(", \"unit\": ").append(q(r.unit())).append(", \"baseline\": ").append(num(r.baseline()))
                  .append(", \"ratio\": ").append(num(r.ratio())).append(", \"target\": ")
                  .append(r.target() == null ? "null" : q(r.target())).append(", \"pass\": ").append(r.pass())
                  .append(i + 1 < rows.size() ? "},\n" : "}\n");
            }
            sb.append("  ],\n  \"notes\": [\n");
            for (int i = 0; i < notes.size(); i++) {
                sb.append("    ").append(q(notes.get(i))).append(i + 1 < notes.size() ? ",\n" : "\n");
            }
            sb.append("  ]\n}\n");
            Path file = outDir.resolve("bench-" + stamp + "-" + mode + "-" + config + ".json");
            Files.writeString(file, sb.toString());
            Files.writeString(outDir.resolve("latest-" + config + ".json"), sb.toString());
            return file;
        }

        static String num(Double v) {
            return v == null || v.isNaN() || v.isInfinite() ? "null" : String.format(Locale.ROOT, "%.3f", v);
        }

        static String q(String s) {
            StringBuilder sb = new StringBuilder("\"");
            for (char ch : s.toCharArray()) {
                switch (ch) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    default -> {
                        if (ch < 0x20) sb.append(String.format("\\u%04x", (int) ch));
                        else sb.append(ch);
                    }
                }
            }
            return sb.append('"').toString();
        }
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) return "-";
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
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
