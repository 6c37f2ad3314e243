import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load driver of bench/two-instances.sh: the mixed load of a training day through nginx, run as a single
 * source file (JDK HttpClient; the PostgreSQL JDBC driver on the class path for the organiser's queue).
 *
 * <pre>
 * java -cp postgresql.jar bench/MixedLoad.java BASE JDBC_URL DB_USER OUT_DIR SECONDS DAY_SLUG DEMO_SLUG SLOT_ID EMAIL PASSWORD KILL_PID
 * </pre>
 *
 * For SECONDS, at once: visitors reading the demo day's page and the feeds; agents registering through the
 * public form of DAY_SLUG (a fresh form each, its session and CSRF token; an answer lost to a failed instance is
 * posted again once, with the same e-mail address, as a person would); an organiser moving the day's requests
 * on and confirming them (bulk actions); two welcome desks sending walk-in check-ins as static/js/checkin.js
 * does (a batch of keyed check-ins, the same batch sent again until it is answered); conductor screens
 * following the live rotation of slot SLOT_ID (server-sent events, reconnecting as EventSource does, after the
 * 2 s the stream asks for); and the organiser pausing and resuming that rotation every 3 s, each a new event on
 * every screen. At SECONDS/2 the driver kills the process KILL_PID (SIGKILL: an application instance, whatever
 * it is doing) and goes on; it records what it saw: key=value
 * lines on stdout, accepted e-mail addresses (OUT_DIR/accepted.txt) and answered check-in keys
 * (OUT_DIR/checked-in.txt) for the script's SQL checks, and per-stream event times (seconds since the start).
 */
public class MixedLoad {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int VISITORS = 4;
    private static final int REGISTRANTS = 4;
    private static final int DESKS = 2;
    private static final int SCREENS = 20;

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    private static volatile long t0 = System.nanoTime();
    private static final Map<String, AtomicInteger> COUNTS = new ConcurrentHashMap<>();
    private static volatile boolean running = true;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbcUrl = args[1];
        String dbUser = args[2];
        Path out = Path.of(args[3]);
        int seconds = Integer.parseInt(args[4]);
        String daySlug = args[5];
        String demoSlug = args[6];
        long slotId = Long.parseLong(args[7]);
        Organiser organiser = signIn(base, args[8], args[9]);
        Organiser second = signIn(base, args[8], args[9]);
        long victim = Long.parseLong(args[10]);
        length = seconds;

        t0 = System.nanoTime(); // times from here: the sign-ins above are not part of the load
        Files.writeString(out.resolve("started"), ""); // the script starts the co-writing editors now
        Queue<String> accepted = new ConcurrentLinkedQueue<>();
        Queue<String> checkedIn = new ConcurrentLinkedQueue<>();
        List<Screen> screens = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < VISITORS; i++) {
            threads.add(thread("visitor-" + i, () -> visitor(base, demoSlug)));
        }
        AtomicInteger serial = new AtomicInteger();
        String run = Long.toString(System.currentTimeMillis() % 100_000_000, 36);
        for (int i = 0; i < REGISTRANTS; i++) {
            threads.add(thread("registrant-" + i, () -> registrant(base, daySlug, run, serial, accepted)));
        }
        for (int i = 0; i < DESKS; i++) {
            int desk = i;
            threads.add(thread("desk-" + i, () -> desk(base, daySlug, organiser, desk, checkedIn)));
        }
        String live = base + "/admin/journees/" + demoSlug + "/reseautage/" + slotId + "/direct";
        for (int i = 0; i < SCREENS; i++) {
            Screen screen = new Screen(live + "/flux", organiser);
            screens.add(screen);
            threads.add(thread("screen-" + i, screen::follow));
        }
        threads.add(thread("conductor", () -> conductor(live, organiser)));
        // Two organisers on the same queue at once (their posts overlap: the capacity must hold).
        threads.add(thread("queue-1", () -> queue(base, daySlug, organiser, jdbcUrl, dbUser)));
        threads.add(thread("queue-2", () -> queue(base, daySlug, second, jdbcUrl, dbUser)));

        Thread.sleep(seconds * 500L);
        double killedAt = now();
        boolean killed = ProcessHandle.of(victim).map(ProcessHandle::destroyForcibly).orElse(false);
        Thread.sleep(seconds * 500L);
        running = false;
        screens.forEach(Screen::close);
        for (Thread t : threads) {
            t.join(40_000);
        }
        Files.write(out.resolve("accepted.txt"), accepted);
        Files.write(out.resolve("checked-in.txt"), checkedIn);
        List<String> streams = new ArrayList<>();
        for (Screen s : screens) {
            streams.add(s.connects.get() + " " + String.join(" ", s.events));
        }
        Files.write(out.resolve("streams.txt"), streams);
        new TreeMap<>(COUNTS).forEach((k, v) -> System.out.println(k + "=" + v.get()));
        printLatencies();
        System.out.printf("killed_at=%.1f%n", killedAt);
        System.out.println("killed=" + killed);
        System.out.printf("ended_at=%.1f%n", now());
        System.out.println("accepted=" + accepted.size());
        System.out.println("checked_in=" + checkedIn.size());
    }

    private static Thread thread(String name, Body body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Exception e) {
                count("thread_failed");
                System.err.println(name + ": " + e);
            }
        }, name);
        t.start();
        return t;
    }

    interface Body {
        void run() throws Exception;
    }

    /** Counts an outcome. */
    private static void count(String what) {
        COUNTS.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    private static double now() {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Each answer by kind, status and tenth of the run (t0..t9): the script compares before and after the kill. */
    private static void answered(String kind, int status) {
        count(kind + "_" + status);
        count(kind + "_ok_t" + (status / 100 == 2 || status / 100 == 3 ? tenth() : "x"));
    }

    /** The same, and the answer's time (from {@code since}, System.nanoTime()) kept for the latencies before and after. */
    private static void answered(String kind, int status, long since) {
        answered(kind, status);
        int tenth = tenth();
        String window = tenth >= 2 && tenth <= 4 ? "before" : tenth >= 6 && tenth <= 8 ? "after" : null;
        if (window != null) {
            LATENCIES.computeIfAbsent(kind + "_" + window, k -> new ConcurrentLinkedQueue<>())
                    .add((System.nanoTime() - since) / 1e6);
        }
    }

    private static final Map<String, Queue<Double>> LATENCIES = new ConcurrentHashMap<>();

    /** lat_KIND_WINDOW=count p50 p99 max (ms) for every kind and window (20–50 % and 60–90 % of the run). */
    private static void printLatencies() {
        new TreeMap<>(LATENCIES).forEach((k, q) -> {
            double[] v = q.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            if (v.length > 0) {
                System.out.printf("lat_%s=%d %.1f %.1f %.1f%n", k, v.length, v[(int) (v.length * 0.5)],
                        v[Math.min(v.length - 1, (int) (v.length * 0.99))], v[v.length - 1]);
            }
        });
    }

    private static volatile double length = 120;

    private static int tenth() {
        return (int) Math.min(9, now() * 10 / Math.max(1, length));
    }

    private static void visitor(String base, String slug) throws Exception {
        String[] pages = {"/journees/" + slug, "/journees/" + slug, "/journees.ics", "/journees.atom"};
        Random random = new Random();
        while (running) {
            String page = pages[random.nextInt(pages.length)];
            long since = System.nanoTime();
            answered("visit", status(HttpRequest.newBuilder(URI.create(base + page)).GET()), since);
            Thread.sleep(20);
        }
    }

    private static int status(HttpRequest.Builder request) throws InterruptedException {
        try {
            HttpRequest built = request.build();
            if (built.timeout().isEmpty()) {
                built = request.timeout(TIMEOUT).build();
            }
            return HTTP.send(built, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        }
    }

    /** One agent after another: opens the form, posts it; an answer lost (5xx, connection) means once more. */
    private static void registrant(String base, String slug, String run, AtomicInteger serial, Queue<String> accepted)
            throws Exception {
        String url = base + "/journees/" + slug + "/inscription";
        while (running) {
            int n = serial.incrementAndGet();
            String email = "agent-" + run + "-" + n + "@deux-instances.example.org";
            for (int attempt = 1; attempt <= 2; attempt++) {
                int status;
                String location = "";
                long since = System.nanoTime();
                try {
                    HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                            .header("Accept-Language", "fr").GET().build(), HttpResponse.BodyHandlers.ofString());
                    Matcher csrf = CSRF.matcher(form.body());
                    String cookie = cookie(form, null);
                    if (form.statusCode() != 200 || !csrf.find() || cookie == null) {
                        answered("form", form.statusCode(), since);
                        Thread.sleep(500);
                        continue;
                    }
                    answered("form", 200, since);
                    since = System.nanoTime();
                    String body = encode(Map.ofEntries(Map.entry("_csrf", csrf.group(1)), Map.entry("nom", "Agent" + n),
                            Map.entry("prenom", "Camille"), Map.entry("courriel", email),
                            Map.entry("telephone", "01 60 79 74 00"), Map.entry("fonction", "Chargée de mission"),
                            Map.entry("employeur", "Commune de Deux-Instances"), Map.entry("responsable", ""),
                            Map.entry("repas", ""), Map.entry("accessibilite", ""), Map.entry("consentement", "oui"),
                            Map.entry("siteWeb", "")));
                    HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                            .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "fr")
                            .header("Cookie", "JSESSIONID=" + cookie).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    status = r.statusCode();
                    location = r.headers().firstValue("Location").orElse("");
                } catch (IOException e) {
                    status = 0;
                }
                answered("register", status, since);
                if (status == 302 && location.endsWith("/inscription/confirmation")) {
                    accepted.add(email);
                    if (attempt == 2) {
                        count("register_accepted_on_second_try");
                    }
                    break;
                }
                if (status != 0 && status < 500) {
                    count(attempt == 2 ? "register_refused_on_second_try" : "register_refused");
                    break;
                }
                count("register_lost_answer");
                Thread.sleep(300);
            }
            Thread.sleep(200);
        }
    }

    /** A welcome desk: batches of walk-in check-ins, each batch sent until an instance answers it. */
    private static void desk(String base, String slug, Organiser organiser, int desk, Queue<String> checkedIn)
            throws Exception {
        String url = base + "/admin/journees/" + slug + "/accueil/synchronisation";
        Random random = new Random();
        int n = 0;
        while (running) {
            List<String> keys = new ArrayList<>();
            StringBuilder json = new StringBuilder("[");
            int size = 1 + random.nextInt(3);
            for (int i = 0; i < size; i++) {
                String key = UUID.randomUUID().toString();
                keys.add(key);
                n++;
                json.append(i == 0 ? "" : ",").append("{\"cle\":\"").append(key)
                        .append("\",\"type\":\"sans-inscription\",\"demi\":\"matin\",\"nom\":\"Accueil").append(desk)
                        .append("\",\"prenom\":\"Visiteur").append(n).append("\",\"organisation\":\"Commune de Deux-Instances\"}");
            }
            json.append(']');
            while (true) {
                int status;
                String body = "";
                long since = System.nanoTime();
                try {
                    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                            .header("Content-Type", "application/json").header("Accept", "application/json")
                            .header("Cookie", "JSESSIONID=" + organiser.cookie()).header("X-CSRF-TOKEN", organiser.csrf())
                            .POST(HttpRequest.BodyPublishers.ofString(json.toString())).build(),
                            HttpResponse.BodyHandlers.ofString());
                    status = r.statusCode();
                    body = r.body();
                } catch (IOException e) {
                    status = 0;
                }
                answered("checkin", status, since);
                if (status == 200) {
                    for (String key : keys) {
                        Matcher m = Pattern.compile("\"cle\":\"" + key + "\",\"status\":\"([A-Z_]+)\",\"recorded\":(true|false)")
                                .matcher(body);
                        if (m.find() && (m.group(2).equals("true") || m.group(1).equals("REPLAYED"))) {
                            checkedIn.add(key);
                            count("checkin_" + m.group(1));
                        } else {
                            count("checkin_unexpected_answer");
                        }
                    }
                    break;
                }
                count("checkin_batch_sent_again");
                if (!running) {
                    break;
                }
                Thread.sleep(1000);
            }
            Thread.sleep(150);
        }
    }

    /** The organiser on a phone: pause, resume, every 3 s; each is an event on every screen. */
    private static void conductor(String live, Organiser organiser) throws Exception {
        answered("control", post(live + "/commandes/demarrer", organiser, ""));
        boolean pause = true;
        while (running) {
            Thread.sleep(3000);
            answered("control", post(live + "/commandes/" + (pause ? "pause" : "reprise"), organiser, ""));
            pause = !pause;
        }
    }

    /** An organiser's queue: every 2 s, the requests sent on, then those awaiting the organiser confirmed. */
    private static void queue(String base, String slug, Organiser organiser, String jdbcUrl, String user) throws Exception {
        String url = base + "/admin/journees/" + slug + "/inscriptions/groupe";
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, "")) {
            while (running) {
                Thread.sleep(2000);
                for (String[] step : new String[][] {{"AWAITING_TRAINING_SERVICE", "suivante"}, {"AWAITING_ORGANISER", "confirmer"}}) {
                    StringBuilder ids = new StringBuilder();
                    try (PreparedStatement q = db.prepareStatement("SELECT r.id FROM registration r JOIN event_day d"
                            + " ON d.id = r.event_day_id WHERE replace(d.session_code, ' ', '') = ? AND r.state = ? ORDER BY r.id LIMIT 50")) {
                        q.setString(1, slug);
                        q.setString(2, step[0]);
                        try (ResultSet rs = q.executeQuery()) {
                            while (rs.next()) {
                                ids.append("&choix=").append(rs.getLong(1));
                            }
                        }
                    }
                    if (!ids.isEmpty()) {
                        answered("organise", post(url, organiser, "&action=" + step[1] + ids));
                    }
                }
            }
        }
    }

    private static int post(String url, Organiser organiser, String form) throws InterruptedException {
        return status(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(90)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=" + organiser.cookie())
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(organiser.csrf()) + form)));
    }

    /** A conductor screen: an EventSource, reconnecting 2 s after its stream ends, with the last event's id. */
    static final class Screen {
        final String url;
        final Organiser organiser;
        final AtomicInteger connects = new AtomicInteger();
        final Queue<String> events = new ConcurrentLinkedQueue<>();
        volatile InputStream current;
        String lastId;

        Screen(String url, Organiser organiser) {
            this.url = url;
            this.organiser = organiser;
        }

        void follow() throws Exception {
            while (running) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream")
                        .header("Cookie", "JSESSIONID=" + organiser.cookie());
                if (lastId != null) {
                    request.header("Last-Event-ID", lastId);
                }
                try {
                    HttpResponse<InputStream> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                    connects.incrementAndGet();
                    current = r.body();
                    if (r.statusCode() == 200) {
                        try (BufferedReader lines = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                            for (String line; (line = lines.readLine()) != null; ) {
                                if (line.startsWith("id:")) {
                                    lastId = line.substring(3).strip();
                                } else if (line.startsWith("data:")) {
                                    events.add(String.format("%.1f", now()));
                                }
                            }
                        }
                    } else {
                        count("stream_status_" + r.statusCode());
                        r.body().close();
                    }
                } catch (IOException e) {
                    if (running) {
                        count("stream_error");
                    }
                }
                if (running) {
                    count("stream_reconnect");
                    Thread.sleep(2000);
                }
            }
        }

        void close() {
            InputStream in = current;
            if (in != null) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // closing at the end
                }
            }
        }
    }

    record Organiser(String cookie, String csrf) {
    }

    /** Signs in through the real form; the signed-in session and its CSRF token. */
    private static Organiser signIn(String base, String email, String password) throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/connexion")).timeout(TIMEOUT)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        String cookie = cookie(page, null);
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find() || cookie == null) {
            throw new IllegalStateException("sign-in page: no CSRF token or cookie");
        }
        HttpResponse<String> signedIn = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/connexion"))
                .timeout(TIMEOUT).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=" + cookie)
                .POST(HttpRequest.BodyPublishers.ofString(encode(Map.of("_csrf", csrf.group(1), "courriel", email,
                        "motdepasse", password)))).build(), HttpResponse.BodyHandlers.ofString());
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("/connexion")) {
            throw new IllegalStateException("sign-in refused: HTTP " + signedIn.statusCode() + " " + location);
        }
        cookie = cookie(signedIn, cookie);
        HttpResponse<String> admin = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/admin")).timeout(TIMEOUT)
                .header("Cookie", "JSESSIONID=" + cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(admin.body());
        if (admin.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("/admin: HTTP " + admin.statusCode() + ", no CSRF token");
        }
        return new Organiser(cookie, token.group(1));
    }

    private static String cookie(HttpResponse<?> r, String otherwise) {
        return r.headers().allValues("Set-Cookie").stream().map(SESSION::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).findFirst().orElse(otherwise);
    }

    private static String encode(Map<String, String> form) {
        StringBuilder b = new StringBuilder();
        form.forEach((k, v) -> b.append(b.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        return b.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
