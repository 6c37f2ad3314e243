import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load driver of bench/registration.sh: JDK HttpClient only, run as a single source file.
 *
 * <pre>
 * java bench/RegistrationBurst.java forms    BASE_URL SLUG REQUESTS CLIENTS VISITORS_FILE
 * java bench/RegistrationBurst.java post     BASE_URL SLUG VISITORS_FILE CLIENTS
 * java bench/RegistrationBurst.java organise BASE_URL SLUG EMAIL PASSWORD SESSIONS ACTION CHUNK STRIDE IDS_FILE
 * </pre>
 *
 * forms: REQUESTS visitors open the public form, CLIENTS at a time: each gets its own cookies (a session
 * cookie, or only the form's CSRF cookie when the form creates no session) and CSRF token, written to
 * VISITORS_FILE; prints how many form pages set a session cookie. post: the burst: every visitor of the file posts its
 * filled form, with a distinct e-mail, from CLIENTS concurrent clients, each POST timed. Both print
 * key=value lines.
 *
 * organise: SESSIONS organisers sign in, then post the bulk ACTION (suivante, confirmer) of the
 * day's queue on chunks of CHUNK ids taken every STRIDE ids (STRIDE < CHUNK: chunks overlap, every id
 * is posted by CHUNK/STRIDE chunks, wrapping round) from a shared, shuffled queue of chunks, all
 * sessions at once.
 */
public class RegistrationBurst {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "forms" -> forms(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]), Path.of(args[5]));
            case "post" -> post(args[1], args[2], Path.of(args[3]), Integer.parseInt(args[4]));
            case "organise" -> organise(args[1], args[2], args[3], args[4], Integer.parseInt(args[5]), args[6],
                    Integer.parseInt(args[7]), Integer.parseInt(args[8]), Path.of(args[9]));
            default -> {
                System.err.println("usage: forms BASE SLUG REQUESTS CLIENTS FILE | post BASE SLUG FILE CLIENTS | organise BASE SLUG EMAIL PASSWORD SESSIONS ACTION CHUNK STRIDE IDS_FILE");
                System.exit(2);
            }
        }
    }

    /** A visitor's form: the value of its Cookie header (pairs joined by ';', no space) and its CSRF token. */
    record Visitor(String cookie, String csrf) {
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static void forms(String base, String slug, int requests, int clients, Path file) throws Exception {
        String formUrl = base + "/journees/" + slug + "/inscription";
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<HttpClient> http = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            http.add(client());
        }
        // Every visitor opens the form: its cookies (a session, or the form's CSRF cookie) and its CSRF token.
        String[] visitors = new String[requests];
        AtomicInteger sessions = new AtomicInteger();
        long[] getNanos = new long[requests];
        AtomicInteger next = new AtomicInteger();
        long t0 = System.nanoTime();
        run(pool, clients, c -> {
            for (int i; (i = next.getAndIncrement()) < requests; ) {
                long s = System.nanoTime();
                HttpResponse<String> r = http.get(c).send(HttpRequest.newBuilder(URI.create(formUrl)).timeout(TIMEOUT)
                        .header("Accept-Language", "fr").GET().build(), HttpResponse.BodyHandlers.ofString());
                getNanos[i] = System.nanoTime() - s;
                Matcher csrf = CSRF.matcher(r.body());
                String cookie = cookies(r);
                if (cookie(r, null) != null) {
                    sessions.incrementAndGet();
                }
                if (r.statusCode() != 200 || !csrf.find() || cookie == null) {
                    throw new IllegalStateException("form page: HTTP " + r.statusCode() + ", csrf or cookie missing");
                }
                visitors[i] = cookie + " " + csrf.group(1);
            }
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        Files.write(file, Arrays.asList(visitors));
        System.out.printf("forms_seconds=%.3f%n", seconds);
        System.out.printf("forms_per_s=%.1f%n", requests / seconds);
        System.out.printf("get_p50_ms=%.2f%n", percentile(getNanos, 50));
        System.out.printf("get_p99_ms=%.2f%n", percentile(getNanos, 99));
        System.out.printf("form_session_cookies=%d%n", sessions.get());
    }

    private static void post(String base, String slug, Path file, int clients) throws Exception {
        String formUrl = base + "/journees/" + slug + "/inscription";
        List<Visitor> visitors = Files.readAllLines(file).stream().map(l -> l.split(" "))
                .map(p -> new Visitor(p[0], p[1])).toList();
        int requests = visitors.size();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<HttpClient> http = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            http.add(client());
        }
        // The burst: every visitor posts its filled form, CLIENTS at a time.
        long[] postNanos = new long[requests];
        int[] status = new int[requests];
        String[] firstOther = new String[1];
        AtomicInteger next = new AtomicInteger();
        String run = Long.toString(System.currentTimeMillis() % 100_000_000, 36);
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t1 = System.nanoTime();
        run(pool, clients, c -> {
            for (int i; (i = next.getAndIncrement()) < requests; ) {
                Map<String, String> form = new LinkedHashMap<>();
                form.put("_csrf", visitors.get(i).csrf());
                form.put("nom", "Agent" + i);
                form.put("prenom", "Camille");
                form.put("courriel", "agent-" + run + "-" + i + "@banc-essai.example.org");
                form.put("telephone", "01 60 79 74 00");
                form.put("fonction", "Chargée de mission, service des ressources humaines");
                form.put("employeur", "Commune de Banc-sur-Essai");
                form.put("responsable", "");
                form.put("repas", "Végétarien");
                form.put("accessibilite", "");
                form.put("consentement", "oui");
                form.put("siteWeb", "");
                long s = System.nanoTime();
                HttpResponse<String> r = http.get(c).send(HttpRequest.newBuilder(URI.create(formUrl)).timeout(TIMEOUT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept-Language", "fr")
                        .header("Cookie", visitors.get(i).cookie().replace(";", "; "))
                        .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build(),
                        HttpResponse.BodyHandlers.ofString());
                postNanos[i] = System.nanoTime() - s;
                status[i] = r.statusCode();
                String location = r.headers().firstValue("Location").orElse("");
                if (r.statusCode() == 302 && !location.contains("/inscription/confirmation")) {
                    status[i] = -302; // redirected elsewhere (sign-in, error): not accepted
                }
                if (status[i] != 302 && firstOther[0] == null) {
                    String text = r.body().replaceAll("(?s)<head.*?</head>", " ").replaceAll("(?s)<[^>]+>", " ")
                            .replaceAll("\\s+", " ").strip();
                    firstOther[0] = "HTTP " + r.statusCode() + " " + location + " "
                            + text.substring(0, Math.min(300, text.length()));
                }
            }
        });
        double burstSeconds = (System.nanoTime() - t1) / 1e9;
        long cpu = os.getProcessCpuTime() - cpu0;
        pool.shutdown();

        Map<Integer, Integer> byStatus = new TreeMap<>();
        for (int s : status) {
            byStatus.merge(s, 1, Integer::sum);
        }
        int accepted = byStatus.getOrDefault(302, 0);
        System.out.printf("burst_seconds=%.3f%n", burstSeconds);
        System.out.printf("registrations_per_s=%.1f%n", accepted / burstSeconds);
        System.out.printf("posts_per_s=%.1f%n", requests / burstSeconds);
        System.out.printf("post_p50_ms=%.2f%n", percentile(postNanos, 50));
        System.out.printf("post_p99_ms=%.2f%n", percentile(postNanos, 99));
        System.out.printf("post_max_ms=%.2f%n", Arrays.stream(postNanos).max().orElse(0) / 1e6);
        System.out.printf("driver_cpu_ms=%.0f%n", cpu / 1e6);
        System.out.printf("accepted=%d%n", accepted);
        System.out.printf("other=%d%n", requests - accepted);
        System.out.printf("statuses=%s%n", byStatus.toString().replace(" ", ""));
        System.out.printf("email_prefix=agent-%s-%n", run);
        if (firstOther[0] != null) {
            System.out.println("first_other=" + firstOther[0].replace('\n', ' '));
        }
    }

    private static void organise(String base, String slug, String email, String password, int sessions,
                                 String action, int chunk, int stride, Path idsFile) throws Exception {
        List<Long> ids = Files.readAllLines(idsFile).stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(Long::valueOf).toList();
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += stride) { // wrapping round: every id in CHUNK/STRIDE chunks
            List<Long> c = new ArrayList<>();
            for (int k = 0; k < Math.min(chunk, ids.size()); k++) {
                c.add(ids.get((from + k) % ids.size()));
            }
            chunks.add(c);
        }
        Collections.shuffle(chunks, new Random(42));
        ConcurrentLinkedQueue<List<Long>> queue = new ConcurrentLinkedQueue<>(chunks);

        List<HttpClient> http = new ArrayList<>();
        List<Visitor> organisers = new ArrayList<>();
        for (int s = 0; s < sessions; s++) {
            HttpClient h = client();
            http.add(h);
            organisers.add(signIn(h, base, email, password));
        }
        String url = base + "/admin/journees/" + slug + "/inscriptions/groupe";
        Map<Integer, Integer> byStatus = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger posted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        long t0 = System.nanoTime();
        run(pool, sessions, s -> {
            for (List<Long> ids_; (ids_ = queue.poll()) != null; ) {
                StringBuilder body = new StringBuilder("_csrf=").append(enc(organisers.get(s).csrf()))
                        .append("&action=").append(enc(action));
                ids_.forEach(id -> body.append("&choix=").append(id));
                HttpResponse<String> r = http.get(s).send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(TIMEOUT).header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", organisers.get(s).cookie())
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                        HttpResponse.BodyHandlers.ofString());
                String location = r.headers().firstValue("Location").orElse("");
                int code = r.statusCode() == 302 && !location.endsWith("/inscriptions") ? -302 : r.statusCode();
                byStatus.merge(code, 1, Integer::sum);
                posted.addAndGet(ids_.size());
            }
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        System.out.printf("%s_posts=%d%n", action, chunks.size());
        System.out.printf("%s_ids_posted=%d%n", action, posted.get());
        System.out.printf("%s_seconds=%.3f%n", action, seconds);
        System.out.printf("%s_acts_per_s=%.1f%n", action, posted.get() / seconds);
        System.out.printf("%s_statuses=%s%n", action, new TreeMap<>(byStatus).toString().replace(" ", ""));
    }

    /** Signs in through the real form; returns the signed-in session and its CSRF token. */
    private static Visitor signIn(HttpClient http, String base, String email, String password) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/connexion")).timeout(TIMEOUT)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        String cookie = cookie(page, null);
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find() || cookie == null) {
            throw new IllegalStateException("sign-in page: no CSRF token or cookie");
        }
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/connexion"))
                .timeout(TIMEOUT).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=" + cookie)
                .POST(HttpRequest.BodyPublishers.ofString(encode(Map.of("_csrf", csrf.group(1), "courriel", email,
                        "motdepasse", password)))).build(), HttpResponse.BodyHandlers.ofString());
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("/connexion")) {
            throw new IllegalStateException("sign-in refused: HTTP " + signedIn.statusCode() + " " + location);
        }
        cookie = cookie(signedIn, cookie); // a new session id after signing in
        // The token of the signed-in session, from any page with a form (the sign-out button).
        HttpResponse<String> admin = http.send(HttpRequest.newBuilder(URI.create(base + "/admin")).timeout(TIMEOUT)
                .header("Cookie", "JSESSIONID=" + cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(admin.body());
        if (admin.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("/admin: HTTP " + admin.statusCode() + ", no CSRF token");
        }
        return new Visitor("JSESSIONID=" + cookie, token.group(1));
    }

    /** Every cookie the answer sets, as a Cookie header's pairs joined by ';' (no space); null when none. */
    private static String cookies(HttpResponse<?> r) {
        List<String> pairs = r.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0].strip()).toList();
        return pairs.isEmpty() ? null : String.join(";", pairs);
    }

    private static String cookie(HttpResponse<?> r, String otherwise) {
        return r.headers().allValues("Set-Cookie").stream().map(SESSION::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).findFirst().orElse(otherwise);
    }

    interface Client {
        void run(int client) throws IOException, InterruptedException;
    }

    private static void run(ExecutorService pool, int clients, Client body) throws Exception {
        List<Future<?>> all = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            all.add(pool.submit(() -> {
                body.run(client);
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
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
