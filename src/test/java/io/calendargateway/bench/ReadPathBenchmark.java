package io.calendargateway.bench;

import io.calendargateway.config.CacheConfig;
import io.calendargateway.exchange.DirectCalendarView;
import io.calendargateway.simulator.ExchangeSimulator;
import io.calendargateway.support.SimulatorResource;
import io.calendargateway.support.TestClock;
import io.calendargateway.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static io.calendargateway.support.Admin.admin;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read-path benchmark (README, "Benchmark"): run with {@code ./mvnw -Pbench test}, never by the suite. The
 * gateway runs as in production (refresh 30 s) against its own simulated Exchange with {@value BenchScenario#ROOMS}
 * rooms; each figure prints one {@code BENCH} line with PASS or MISS against its target. The figures are measured,
 * not asserted: only wrong answers fail the run.
 */
@QuarkusTest
@TestProfile(BenchProfile.class)
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(SimulatorResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadPathBenchmark {

    private static final List<String> REPORT = new ArrayList<>();
    private static final LocalDate TODAY = LocalDate.now(BenchScenario.ZONE);
    private static final List<String> ROOMS = BenchScenario.rooms();
    private static final int CONNECTIONS = 64;
    private static final String SCHEDULES = "cache=\"room_schedule\"";
    private static final String[] CALENDAR_VIEWS = {"operation=\"CalendarView\"", "outcome=\"ok\""};

    private static ExchangeSimulator sim;
    private static HttpLoad load;
    private static String domainKey;
    private static List<String> buildingKeys;

    @Inject
    TrivialResource trivial;

    @Inject
    CacheConfig cache;

    /** Once, before the first figure: REST Assured knows the application's port only from here on. */
    @BeforeEach
    void start() {
        if (sim != null) {
            return;
        }
        sim = ExchangeSimulator.start(BenchScenario.create(TODAY));
        load = new HttpLoad(RestAssured.port, CONNECTIONS);
        admin().body("""
                {"name": "bench", "kind": "EWS", "serviceUrl": "%s",
                 "auth": {"type": "NTLM", "username": "%s", "password": "%s", "domain": "%s"},
                 "access": "IMPERSONATION", "domains": ["%s"], "timeZone": "%s"}
                """.formatted(sim.ewsUrl(), BenchScenario.ACCOUNT, BenchScenario.PASSWORD, BenchScenario.NETBIOS,
                        BenchScenario.DOMAIN, BenchScenario.ZONE.getId()))
                .when().post("/profiles").then().statusCode(201);
        domainKey = deviceKey("all bench rooms", List.of("*@" + BenchScenario.DOMAIN));
        // one key per building of 20 rooms, as an integrator would hand them out
        buildingKeys = IntStream.range(0, ROOMS.size() / 20)
                .mapToObj(b -> deviceKey("building " + b, ROOMS.subList(b * 20, b * 20 + 20))).toList();
        var runtime = Runtime.getRuntime();
        report("BENCH machine: %d cores, Java %s, max heap %d MB, %s", runtime.availableProcessors(),
                System.getProperty("java.version"), runtime.maxMemory() >> 20, Instant.now());
    }

    @AfterAll
    static void stop() throws IOException {
        if (load != null) {
            load.close();
        }
        if (sim != null) {
            sim.close();
        }
        // the machine first, then the figures by letter (b runs first, on a cold cache)
        List<String> summary = REPORT.stream().sorted(Comparator.comparing((String line) ->
                line.startsWith("BENCH machine") ? "" : line.substring(0, "BENCH a".length()))).toList();
        System.out.println("\n---- benchmark summary ----");
        summary.forEach(System.out::println);
        Files.write(Path.of("target", "bench-results.txt"), summary);
    }

    /**
     * (b) 1000 door signs, five per room, each polling today's events at random intervals of 10 to 60 s from a
     * random start; upstream CalendarView calls counted by the simulator.
     */
    @Test
    @Order(1)
    void upstreamCallsWhileAThousandDevicesPoll() throws InterruptedException {
        int devices = 1000;
        Duration run = Duration.ofSeconds(60);
        long refreshSeconds = cache.refresh().toSeconds();
        Random random = new Random(2026);
        int before = sim.calls().count("FindItem");
        int roomListsBefore = sim.calls().count("GetRooms");
        AtomicInteger polls = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        long deadline = System.nanoTime() + run.toNanos();
        for (int d = 0; d < devices; d++) {
            int room = d % ROOMS.size();
            String path = "/rooms/" + ROOMS.get(room) + "/events";
            String key = buildingKeys.get(room / 20);
            Duration first = Duration.ofMillis((long) (random.nextDouble() * pollInterval(random).toMillis()));
            load.later(first, new Runnable() {
                @Override
                public void run() {
                    if (System.nanoTime() >= deadline) {
                        return;
                    }
                    inFlight.incrementAndGet();
                    polls.incrementAndGet();
                    load.send(path, key).onComplete(ar -> {
                        if (ar.failed() || ar.result().status() != 200) {
                            failures.add(path + ": " + (ar.failed() ? ar.cause() : ar.result().status()));
                        }
                        inFlight.decrementAndGet();
                        load.later(pollInterval(random), this);
                    });
                }
            });
        }
        Thread.sleep(run.toMillis());
        while (inFlight.get() > 0) {
            Thread.sleep(50);
        }
        // refreshes the last polls started run in the background: let them reach the simulator
        Thread.sleep(2_000);
        int calls = sim.calls().count("FindItem") - before;
        long refreshes = run.toSeconds() / refreshSeconds;
        double target = ROOMS.size() * refreshes * 1.05;
        report("BENCH b: %d devices polled %d rooms for %d s (%d polls, refresh %d s): %d CalendarView calls "
                        + "upstream (FindItem; GetRooms %d) | target <= %.0f (%d rooms x %d refreshes x 1.05) %s",
                devices, ROOMS.size(), run.toSeconds(), polls.get(), refreshSeconds, calls,
                sim.calls().count("GetRooms") - roomListsBefore, target, ROOMS.size(), refreshes,
                verdict(calls <= target));
        assertThat(failures).as("polls that were not answered 200").isEmpty();
    }

    /** Door signs poll every 10 to 60 seconds. */
    private static Duration pollInterval(Random random) {
        return Duration.ofMillis(10_000 + random.nextInt(50_001));
    }

    /**
     * (a) cached {@code GET /rooms/{mail}/events} over the 200 rooms' today at 64 connections, against
     * {@link TrivialResource} with a body of the same size behind the same device-key check, in rounds that
     * alternate between the two after a warm-up of both. The gateway's clock stands still meanwhile, so no
     * schedule comes due for its background refresh: what is measured is the cached answer alone (refreshes are a
     * cost per room and interval, figure b), not 200 CalendarViews of the in-process simulated Exchange that
     * would land in the events rounds only.
     */
    @Test
    @Order(2)
    void cachedEventsBesideATrivialEndpoint() {
        String key = domainKey;
        int[] lengths = ROOMS.stream().mapToInt(room -> load.get(eventsPath(room), key).bodyLength()).sorted()
                .toArray();
        int size = lengths[lengths.length / 2];
        trivial.bodyOfSize(size);
        var first = load.get("/bench/rooms/" + ROOMS.get(0) + "/trivial", key);
        assertThat(first.status()).as("the trivial endpoint is built into the benchmark").isEqualTo(200);
        assertThat(first.bodyLength()).isEqualTo(size);

        IntFunction<String> events = i -> eventsPath(ROOMS.get(i % ROOMS.size()));
        IntFunction<String> yardstick = i -> "/bench/rooms/" + ROOMS.get(i % ROOMS.size()) + "/trivial";
        TestClock.set(Instant.now());
        int warmUpRounds = 3;
        int rounds = 4;
        int callsBefore = 0;
        HttpLoad.Result eventsResult = null;
        HttpLoad.Result trivialResult = null;
        try {
            for (int round = 0; round < warmUpRounds + rounds; round++) {
                if (round == warmUpRounds) {
                    callsBefore = sim.calls().count("FindItem");
                }
                // which goes first alternates, so a slow spell of the machine does not always hit the same one
                boolean eventsFirst = round % 2 == 0;
                HttpLoad.Result e = eventsFirst ? load.closedLoop(CONNECTIONS, Duration.ofSeconds(5), events, key, -1)
                        : null;
                HttpLoad.Result t = load.closedLoop(CONNECTIONS, Duration.ofSeconds(5), yardstick, key, size);
                if (!eventsFirst) {
                    e = load.closedLoop(CONNECTIONS, Duration.ofSeconds(5), events, key, -1);
                }
                assertThat(e.errors() + t.errors()).as("failed requests").isZero();
                if (round >= warmUpRounds) {
                    eventsResult = eventsResult == null ? e : eventsResult.plus(e);
                    trivialResult = trivialResult == null ? t : trivialResult.plus(t);
                }
            }
        } finally {
            TestClock.reset();
        }
        double ratio = eventsResult.perSecond() / trivialResult.perSecond();
        boolean pass = ratio >= 0.9 && eventsResult.millisAt(0.99) <= 10;
        report("BENCH a: events %.0f req/s p50 %.2f ms p99 %.2f ms | trivial %.0f req/s p50 %.2f ms p99 %.2f ms "
                        + "| ratio %.2f (target >= 0.9, p99 <= 10 ms) %s",
                eventsResult.perSecond(), eventsResult.millisAt(0.5), eventsResult.millisAt(0.99),
                trivialResult.perSecond(), trivialResult.millisAt(0.5), trivialResult.millisAt(0.99), ratio,
                verdict(pass));
        report("BENCH a detail: %d connections, body %d bytes, %d + %d requests in %d rounds of 5 + 5 s after %d "
                        + "warm-up rounds, %d upstream calls meanwhile; CPU per request outside the load generator: "
                        + "events %.0f us, trivial %.0f us; load generator %.0f%% of one core",
                CONNECTIONS, size, eventsResult.requests(), trivialResult.requests(), rounds, warmUpRounds,
                sim.calls().count("FindItem") - callsBefore, eventsResult.serverCpuMicrosPerRequest(),
                trivialResult.serverCpuMicrosPerRequest(),
                100.0 * (eventsResult.clientCpuNanos() + trivialResult.clientCpuNanos())
                        / (eventsResult.elapsedNanos() + trivialResult.elapsedNanos()));
    }

    /**
     * (c) a cold fetch of a 30-event day: the median of gateway requests that each miss the cache (a day not asked
     * before) minus the median of the same CalendarView sent directly with ews-java-api, alternating the two.
     */
    @Test
    @Order(3)
    void gatewayOverheadOnAColdFetch() throws Exception {
        String room = BenchScenario.BUSY_ROOM;
        int samples = 40;
        int warmUp = 10;
        long[] gateway = new long[samples];
        long[] direct = new long[samples];
        double[] before = null;
        try (DirectCalendarView ews = new DirectCalendarView(sim.ewsUrl(), BenchScenario.NETBIOS,
                BenchScenario.ACCOUNT, BenchScenario.PASSWORD)) {
            for (int i = -warmUp; i < samples; i++) {
                if (i == 0) {
                    before = coldFetchTimes();
                }
                // samples on days 1..40 after today, warm-up on days 41..50
                LocalDate day = TODAY.plusDays(i < 0 ? samples - i : i + 1);
                // which goes first alternates, so neither always finds the other's traces (caches, JIT, GC)
                boolean directFirst = i % 2 == 0;
                long directNanos = directFirst ? direct(ews, room, day) : 0;
                int callsBefore = sim.calls().count("FindItem", room);
                HttpLoad.Answer answer = load.get("/rooms/" + room + "/events?from=" + day, domainKey);
                assertThat(answer.status()).isEqualTo(200);
                assertThat(sim.calls().count("FindItem", room) - callsBefore).as("a cache miss").isEqualTo(1);
                if (!directFirst) {
                    directNanos = direct(ews, room, day);
                }
                if (i >= 0) {
                    gateway[i] = answer.nanos();
                    direct[i] = directNanos;
                }
            }
        }
        double[] after = coldFetchTimes();
        double loadMillis = (after[0] - before[0]) * 1e3 / (after[1] - before[1]);
        double upstreamMillis = (after[2] - before[2]) * 1e3 / (after[3] - before[3]);
        double gatewayMedian = median(gateway);
        double directMedian = median(direct);
        double overhead = gatewayMedian - directMedian;
        report("BENCH c: cold fetch of a %d-event day: gateway median %.2f ms - direct CalendarView median %.2f ms "
                        + "= overhead %.2f ms (%d samples) | target <= 5 ms %s",
                BenchScenario.BUSY_EVENTS_PER_DAY, gatewayMedian, directMedian, overhead, samples,
                verdict(overhead <= 5));
        report("BENCH c detail: means: gateway request %.2f ms > its cache load %.2f ms (worker thread: the "
                        + "guarded call, normalization, JSON, ETag) > the guarded call %.2f ms (pooled CalendarView, "
                        + "organizers) vs direct %.2f ms; p10/p90: gateway %.2f/%.2f ms, direct %.2f/%.2f ms",
                mean(gateway), loadMillis, upstreamMillis, mean(direct), quantileMillis(gateway, 0.1),
                quantileMillis(gateway, 0.9), quantileMillis(direct, 0.1), quantileMillis(direct, 0.9));
    }

    /** Cache load seconds and loads, guarded CalendarView seconds and calls, as the gateway's metrics count them. */
    private static double[] coldFetchTimes() {
        return new double[] {metric("cache_load_duration_seconds", SCHEDULES),
                metric("cache_load_total", SCHEDULES, "result=\"success\""),
                metric("gateway_upstream_calls_seconds_sum", CALENDAR_VIEWS),
                metric("gateway_upstream_calls_seconds_count", CALENDAR_VIEWS)};
    }

    /** One CalendarView of the room's day straight to the simulated Exchange; its duration in nanoseconds. */
    private static long direct(DirectCalendarView ews, String room, LocalDate day) throws Exception {
        ZonedDateTime from = day.atStartOfDay(BenchScenario.ZONE);
        long started = System.nanoTime();
        int items = ews.read(room, from.toInstant(), from.plusDays(1).toInstant());
        long nanos = System.nanoTime() - started;
        assertThat(items).isEqualTo(BenchScenario.BUSY_EVENTS_PER_DAY);
        return nanos;
    }

    /**
     * (d) the heap 10,000 cached room-days of 10 events hold: used heap after {@code System.gc()} before and after
     * filling the cache with 200 rooms x 50 days not asked before.
     */
    @Test
    @Order(4)
    void heapHeldByTenThousandCachedRoomDays() {
        int days = 50;
        int windows = ROOMS.size() * days;
        int entriesBefore = cachedWindows();
        int callsBefore = sim.calls().count("FindItem");
        long heapBefore = usedHeapAfterGc();
        HttpLoad.Result fill = load.closedLoop(16, Duration.ofMinutes(5), i -> i >= windows ? null
                : eventsPath(ROOMS.get(i % ROOMS.size())) + "?from=" + TODAY.plusDays(1 + i / ROOMS.size()),
                domainKey, -1);
        long heapAfter = usedHeapAfterGc();
        int entries = cachedWindows() - entriesBefore;
        double megabytes = (heapAfter - heapBefore) / 1024.0 / 1024.0;
        report("BENCH d: %d cached room-days of %d events hold %.1f MB of heap (%.1f KB each; cache +%d windows, "
                        + "%d upstream calls, filled at %.0f windows/s) | target <= 150 MB %s",
                windows, BenchScenario.EVENTS_PER_DAY, megabytes, (heapAfter - heapBefore) / 1024.0 / windows,
                entries, sim.calls().count("FindItem") - callsBefore, fill.perSecond(), verdict(megabytes <= 150));
        assertThat(fill.requests()).isEqualTo(windows);
        assertThat(fill.errors()).isZero();
        assertThat(entries).isEqualTo(windows);
    }

    private static String eventsPath(String room) {
        return "/rooms/" + room + "/events";
    }

    /** The room_schedule cache's size from the metrics endpoint. */
    private static int cachedWindows() {
        return (int) metric("cache_size", SCHEDULES);
    }

    /** The sum of the series of {@code name} in {@code /q/metrics} that carry all these labels. */
    private static double metric(String name, String... labels) {
        String metrics = RestAssured.given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)} ([0-9.E+-]+)$").matcher(metrics);
        double sum = 0;
        boolean found = false;
        while (m.find()) {
            if (Arrays.stream(labels).allMatch(m.group(1)::contains)) {
                sum += Double.parseDouble(m.group(2));
                found = true;
            }
        }
        assertThat(found).as(name + " " + Arrays.toString(labels) + " in /q/metrics").isTrue();
        return sum;
    }

    /**
     * Used heap after full collections, with the simulator's capture of recent exchanges emptied (it keeps the last
     * 5000 request and response bodies, which are not the gateway's).
     */
    private static long usedHeapAfterGc() {
        sim.clearCaptured();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static double quantileMillis(long[] nanos, double q) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static double mean(long[] nanos) {
        return Arrays.stream(nanos).average().orElse(Double.NaN) / 1e6;
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return (n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0) / 1e6;
    }

    private static String deviceKey(String name, List<String> rooms) {
        String list = String.join("\", \"", rooms);
        return admin().body("{\"name\": \"" + name + "\", \"rooms\": [\"" + list + "\"]}")
                .when().post("/devices").then().statusCode(201).extract().path("key");
    }

    private static String verdict(boolean pass) {
        return pass ? "PASS" : "MISS";
    }

    private static void report(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        REPORT.add(line);
        System.out.println(line);
    }
}
