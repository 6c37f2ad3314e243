package org.rencontres;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * Issue 13, point 7: no bad input ever answers 500. Every route the application declares (read
 * from Spring MVC's mappings, so a new route is swept without editing this test), as a visitor and
 * as an organiser of the day, gets a catalogue of bad values in each path variable and in each
 * parameter its handler reads (request parameters, fields of its form record), then no
 * parameter at all and the wrong method (GET for POST and back, DELETE). No answer may be a 5xx or
 * Tomcat's own page, a refusal must be the application's French page, and a refused request (4xx,
 * or a form shown again with its errors) must change nothing in the database (a checksum of the
 * tables before and after).
 *
 * <p>The other parameters of a request are "1": most forms then refuse before the database, so the
 * database's own refusals are tested on chosen forms in {@code ErrorPagesTest}.
 *
 * <p>The organiser works on a new edition of the demo day made for this test, so that what the
 * sweep does accept (an empty POST that publishes, re-plans, deletes) touches no other test's day.
 * Counts are printed at the end ("Bad-input sweep: ..."), for docs/security.md.
 */
@RencontresIntegrationTest
class BadInputSweepTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String COPY = "Z33IN001";

    /** Bad values for a path variable (already %-encoded where needed). */
    private static final Map<String, String> PATH_VALUES = new LinkedHashMap<>();
    /** Bad values for a parameter; the 1 MB one is sent once per route, in its first parameter. */
    private static final Map<String, String> PARAMETER_VALUES = new LinkedHashMap<>();

    static {
        PATH_VALUES.put("negative", "-1");
        PATH_VALUES.put("non-numeric", "abc");
        PATH_VALUES.put("huge number", "99999999999999999999");
        PATH_VALUES.put("emoji", enc("🎉🎉"));
        PATH_VALUES.put("right-to-left", enc("\u202Eمرحبا"));
        PATH_VALUES.put("1 000 characters", "x".repeat(1000));
        PATH_VALUES.put("control character", "a%01b");

        PARAMETER_VALUES.put("NUL", "a\u0000b");
        PARAMETER_VALUES.put("control character", "a\u001Bb\u0085");
        PARAMETER_VALUES.put("25 000 characters", "x".repeat(25_000));
        PARAMETER_VALUES.put("5 000 characters", "y".repeat(5_000));
        PARAMETER_VALUES.put("emoji and right-to-left", "🎉 \u202Eمرحبا\u202C שלום 👩🏽‍💻");
        PARAMETER_VALUES.put("negative", "-1");
        PARAMETER_VALUES.put("non-numeric", "abc");
        PARAMETER_VALUES.put("unknown enum", "NOPE");
        PARAMETER_VALUES.put("huge number", "99999999999999999999");
        PARAMETER_VALUES.put("impossible date", "2026-02-30");
        PARAMETER_VALUES.put("empty", "");
    }

    private static final String ONE_MEGABYTE = "z".repeat(1_000_000);

    /**
     * What background jobs and the rate limits write by themselves, whatever the request (a plan or
     * certificates asked for by an accepted request are made in the background while the sweep goes on; a
     * refused form is counted by the public forms' limits, and a wrong current password on the password
     * page counts as a failed sign-in, on purpose).
     */
    private static final Set<String> NOT_CHECKSUMMED = Set.of("flyway_schema_history", "event_publication",
            "event_publication_archive", "scheduled_tasks", "notification_outbox", "notification_attachment",
            "registration_attempt", "registration_email_attempt", "sign_in_throttle", "networking_plan",
            "networking_seat", "attendance_certificate", "attendance_certificate_job", "survey_invitation",
            "survey_reminder", "survey_respondent",
            // the HTTP sessions (Spring Session JDBC): every request touches its session, as it did in memory
            "spring_session", "spring_session_attributes");

    @LocalServerPort int port;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    record Route(RequestMethod method, String pattern, HandlerMethod handler) {

        boolean streams() {
            return ResponseBodyEmitter.class.isAssignableFrom(handler.getReturnType().getParameterType());
        }

        boolean isAdmin() {
            return pattern.startsWith("/admin");
        }
    }

    private final List<String> serverErrors = new ArrayList<>();
    private final List<String> changedWhenRefused = new ArrayList<>();
    private final List<String> notFrench = new ArrayList<>();
    private int requests;
    private int refusals;
    private String checksumQuery;
    private Map<String, String> ids;
    private String checksum;

    @Test
    void no_bad_value_in_any_route_answers_5xx_nor_changes_anything_when_refused() throws Exception {
        if (!accounts.emailTaken("sweep.input@cnfpt.fr")) {
            accounts.create(new NewAccount("sweep.input@cnfpt.fr", "Balayage des entrées", Role.ORGANISER, null,
                    PASSWORD));
        }
        WebSession organiser = new WebSession(port);
        organiser.signIn("sweep.input@cnfpt.fr", PASSWORD);
        if (jdbc.sql("SELECT count(*) FROM event_day WHERE session_code = 'Z33IN 001'").query(Long.class).single() == 0) {
            HttpResponse<String> copied = organiser.submit("/admin/journees/Z20IN001/dupliquer",
                    "/admin/journees/Z20IN001/dupliquer", Map.of("code", "Z33IN 001", "date", "2031-06-26"));
            assertThat(WebSession.location(copied)).isEqualTo("/admin/journees/" + COPY);
        }
        ids = ids();
        String organiserToken = csrf(organiser, "/admin/journees/" + COPY + "/modifier");
        WebSession visitor = new WebSession(port);
        String visitorToken = csrf(visitor, "/service-formation");
        checksumQuery = checksumQuery();
        checksum = checksum();

        List<Route> routes = routes();
        assertThat(routes).hasSizeGreaterThan(150);
        for (Route route : routes) {
            String path = fill(route.pattern(), ids);
            List<String> parameters = parameters(route.handler());
            // A visitor: every route; the back office's answer is the sign-in page whatever is sent, so two tries each.
            sweep(visitor, visitorToken, route, path, parameters, route.isAdmin());
            sweep(organiser, organiserToken, route, path, parameters, false);
        }
        System.out.printf("Bad-input sweep: %d routes, %d requests, %d refused (4xx or form errors), %d answered 5xx "
                        + "(or Tomcat's page) on %d routes, %d refusals not in French, %d changed the database when refused%n",
                routes.size(), requests, refusals, serverErrors.size(),
                serverErrors.stream().map(e -> e.substring(0, e.indexOf(" ["))).distinct().count(), notFrench.size(),
                changedWhenRefused.size());
        assertThat(serverErrors).as("answers 5xx or Tomcat's own page").isEmpty();
        assertThat(notFrench).as("refusals not answered by the application's French page").isEmpty();
        assertThat(changedWhenRefused).as("refused yet changed the database").isEmpty();
    }

    private void sweep(WebSession session, String token, Route route, String path, List<String> parameters,
                       boolean once) throws Exception {
        String method = route.method().name();
        if (once) {
            Map<String, String> all = new LinkedHashMap<>();
            parameters.forEach(p -> all.put(p, "a\u0000b"));
            send(session, token, route, method, path, all, "NUL in every parameter");
            send(session, token, route, method, path, Map.of(), "no parameter");
            return;
        }
        // Bad values in each path variable.
        Matcher variables = Pattern.compile("\\{([^}:]+)(:[^}]*)?}").matcher(route.pattern());
        while (variables.find()) {
            for (Map.Entry<String, String> bad : PATH_VALUES.entrySet()) {
                String badPath = fill(route.pattern().replace(variables.group(), bad.getValue()), ids);
                send(session, token, route, method, badPath, Map.of(),
                        "{" + variables.group(1) + "} = " + bad.getKey());
            }
        }
        // Bad values in each parameter, the others plausible.
        boolean first = true;
        for (String parameter : parameters) {
            Map<String, String> values = new LinkedHashMap<>(PARAMETER_VALUES);
            if (route.method() != RequestMethod.GET) {
                // Just under the forms' cap: what a handler echoes into a redirect's address must still fit.
                values.put("19 000 characters", "w".repeat(19_000));
                if (first) {
                    values.put("1 MB", ONE_MEGABYTE);
                }
            }
            if (route.method() == RequestMethod.GET) {
                // In an address, a long value meets Tomcat's header limit first (tested in ErrorPagesTest).
                values.remove("25 000 characters");
                values.put("5 000 characters", "y".repeat(2_000));
            }
            first = false;
            for (Map.Entry<String, String> bad : values.entrySet()) {
                Map<String, String> fields = new LinkedHashMap<>();
                parameters.forEach(p -> fields.put(p, "1"));
                fields.put(parameter, bad.getValue());
                send(session, token, route, method, path, fields, parameter + " = " + bad.getKey());
            }
        }
        // Nothing at all, then the wrong method.
        send(session, token, route, method, path, Map.of(), "no parameter");
        send(session, token, route, route.method() == RequestMethod.GET ? "POST" : "GET", path, Map.of(),
                "wrong method");
        send(session, token, route, "DELETE", path, Map.of(), "wrong method");
    }

    private void send(WebSession session, String token, Route route, String method, String path,
                      Map<String, String> fields, String what) throws Exception {
        String form = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .reduce((a, b) -> a + "&" + b).orElse("");
        String label = method + " " + route.pattern() + " [" + what + "]";
        requests++;
        String target = method.equals("GET") && !form.isEmpty() ? path + "?" + form : path;
        String sent = method.equals("GET") ? null : "_csrf=" + enc(token) + (form.isEmpty() ? "" : "&" + form);
        int status;
        String body;
        String contentType;
        if (route.streams() && method.equals("GET")) {
            // An event stream stays open: its status is all there is to read.
            status = session.status(target);
            body = "";
            contentType = "";
        } else {
            HttpResponse<String> response = session.request(method, target, sent, Duration.ofSeconds(60));
            status = response.statusCode();
            body = response.body() == null ? "" : response.body();
            contentType = response.headers().firstValue("Content-Type").orElse("");
        }
        if (status >= 500 || body.contains("HTTP Status") || body.contains("Apache Tomcat")) {
            serverErrors.add(label + " → " + status);
            checksum = checksum();
            return;
        }
        boolean refused = status >= 400 || body.contains("class=\"error-summary\"");
        if (refused) {
            refusals++;
            if (status >= 400 && contentType.startsWith("text/html") && !body.contains("lang=\"fr\"")) {
                notFrench.add(label + " → " + status);
            }
            String after = checksum();
            if (!after.equals(checksum)) {
                changedWhenRefused.add(label + " → " + status + ": " + changed(checksum, after));
                checksum = after;
            }
        } else {
            checksum = checksum();
        }
    }

    // ---- routes and their parameters

    private List<Route> routes() {
        Set<String> seen = new TreeSet<>();
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/error")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    if (seen.add(method + " " + pattern)) {
                        routes.add(new Route(method, pattern, entry.getValue()));
                    }
                }
            }
        }
        // Deleting the day (accepted without parameters on a draft) comes last.
        routes.sort(Comparator.comparing((Route r) -> r.pattern().equals("/admin/journees/{slug}/supprimer"))
                .thenComparing(Route::pattern).thenComparing(Route::method));
        return routes;
    }

    /** The names the handler reads: its request parameters and the components of its form record. */
    private static List<String> parameters(HandlerMethod handler) {
        Set<String> names = new LinkedHashSet<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            Class<?> type = parameter.getParameterType();
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                String name = !param.name().isEmpty() ? param.name() : parameter.getParameterName();
                if (name != null && !Map.class.isAssignableFrom(type) && !MultipartFile.class.isAssignableFrom(type)) {
                    names.add(name);
                }
                continue;
            }
            if (parameter.hasParameterAnnotation(PathVariable.class)
                    || parameter.hasParameterAnnotation(AuthenticationPrincipal.class)
                    || parameter.hasParameterAnnotation(RequestHeader.class)
                    || BeanUtils.isSimpleProperty(type) || Model.class.isAssignableFrom(type)
                    || type.getName().startsWith("jakarta.") || type.getName().startsWith("org.springframework.")
                    || type.getName().startsWith("java.")) {
                continue;
            }
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    names.add(component.getName());
                }
            } else {
                for (var property : BeanUtils.getPropertyDescriptors(type)) {
                    if (property.getWriteMethod() != null) {
                        names.add(property.getName());
                    }
                }
            }
        }
        return new ArrayList<>(names);
    }

    // ---- the day this test works on

    private Map<String, String> ids() {
        Map<String, String> ids = new LinkedHashMap<>();
        long day = jdbc.sql("SELECT id FROM event_day WHERE session_code = 'Z33IN 001'").query(Long.class).optional()
                .orElse(-1L);
        ids.put("day", String.valueOf(day));
        ids.put("slot", first("SELECT min(id) FROM programme_slot WHERE event_day_id = ?", day));
        ids.put("networkingSlot", first("SELECT min(slot_id) FROM networking_session WHERE event_day_id = ?", day));
        ids.put("workshopSlot", first("SELECT min(slot_id) FROM workshop WHERE event_day_id = ?", day));
        ids.put("workshop", first("SELECT min(id) FROM workshop WHERE event_day_id = ?", day));
        ids.put("facilitator", first("SELECT min(f.id) FROM workshop_facilitator f JOIN workshop w ON w.id = f.workshop_id "
                + "WHERE w.event_day_id = ?", day));
        ids.put("table", first("SELECT min(t.id) FROM networking_table t JOIN networking_session s ON s.id = t.session_id "
                + "WHERE s.event_day_id = ?", day));
        ids.put("session", first("SELECT min(id) FROM networking_session WHERE event_day_id = ?", day));
        ids.put("organisation", first("SELECT min(id) FROM organisation WHERE ? > 0", day));
        ids.put("person", first("SELECT min(id) FROM person WHERE ? > 0", day));
        return ids;
    }

    private String first(String sql, long day) {
        Long id = jdbc.sql(sql).param(day).query(Long.class).optional().orElse(null);
        return id == null ? "1" : String.valueOf(id);
    }

    /** The pattern with plausible values: this test's day, its slots, workshops, tables. */
    private static String fill(String pattern, Map<String, String> ids) {
        String slot = pattern.contains("/reseautage/") ? ids.get("networkingSlot")
                : pattern.contains("/ateliers/") || pattern.contains("/ecriture") ? ids.get("workshopSlot") : ids.get("slot");
        String id = pattern.contains("/annuaire/personnes") ? ids.get("person")
                : pattern.contains("/annuaire") ? ids.get("organisation")
                : pattern.contains("/creneaux/") || pattern.contains("/programme") ? ids.get("slot") : "1";
        return pattern.replace("{slug}", COPY)
                .replace("{code}", "Z20IN001")
                .replace("{slotId}", slot)
                .replace("{workshopId}", ids.get("workshop"))
                .replace("{facilitatorId}", ids.get("facilitator"))
                .replace("{tableId}", ids.get("table"))
                .replace("{sessionId}", ids.get("session"))
                .replace("{id}", id)
                .replaceAll("\\{kind:[^}]*}", "lecture")
                .replaceAll("\\{(token|key)}", "inconnu-" + "k".repeat(30))
                .replaceAll("\\{[^}]+}", "1");
    }

    private static String csrf(WebSession session, String page) throws Exception {
        HttpResponse<String> response = session.get(page);
        assertThat(response.statusCode()).as("GET %s", page).isEqualTo(200);
        String token = Jsoup.parse(response.body()).select("input[name=_csrf]").attr("value");
        assertThat(token).as("CSRF token of %s", page).isNotEmpty();
        return token;
    }

    // ---- "nothing changed"

    private String checksumQuery() {
        List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                + "AND table_type = 'BASE TABLE' ORDER BY table_name").query(String.class).list();
        List<String> parts = new ArrayList<>();
        for (String table : tables) {
            if (!NOT_CHECKSUMMED.contains(table)) {
                parts.add("(SELECT '" + table + ":' || count(*) || ':' || coalesce(sum(hashtextextended(t::text, 0)), 0) "
                        + "FROM \"" + table + "\" t)");
            }
        }
        return "SELECT " + String.join(" || ' ' || ", parts);
    }

    private static Set<String> changed(String before, String after) {
        Set<String> tables = new TreeSet<>(List.of(after.split(" ")));
        tables.removeAll(List.of(before.split(" ")));
        return tables;
    }

    private String checksum() {
        return jdbc.sql(checksumQuery).query(String.class).single();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
