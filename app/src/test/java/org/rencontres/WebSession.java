package org.rencontres;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** A visitor with cookies, over real HTTP: follows no redirect, sends forms with their CSRF token. */
public class WebSession {

    private final String base;
    private final CookieManager cookies;
    private final HttpClient http;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public WebSession(int port) {
        this(port, new CookieManager());
    }

    private WebSession(int port, CookieManager cookies) {
        this.base = "http://localhost:" + port;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * The same visitor (the same cookies) talking to another instance on {@code port}, as a load balancer
     * without sticky sessions would send them.
     */
    public WebSession sameVisitorOn(int port) {
        return new WebSession(port, cookies);
    }

    /**
     * Sends this header with every GET and form post from now on: as a proxy in front would, for instance
     * {@code X-Forwarded-For} (another client address) or {@code X-Forwarded-Proto: https}.
     */
    public WebSession withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        headers.forEach(builder::header);
        return builder;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public Document page(String path) throws Exception {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " gave " + response.statusCode());
        }
        return Jsoup.parse(response.body(), base + path);
    }

    /** Posts a form as a browser would, with the CSRF token of the page the form is on. */
    public HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) throws Exception {
        Document page = page(formPage);
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", page.select("input[name=_csrf]").attr("value"));
        return post(action, all);
    }

    public HttpResponse<String> post(String action, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(request(action)
                        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> signIn(String email, String password) throws Exception {
        return submit("/connexion", "/connexion", Map.of("courriel", email, "motdepasse", password));
    }

    public String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").map(l -> l.replaceFirst("^https?://[^/]+", "")).orElse(null);
    }

    /** Posts a form as htmx does (HX-Request), with the CSRF token of the page the form is on. */
    public HttpResponse<String> submitWithHtmx(String formPage, String action, Map<String, String> fields)
            throws Exception {
        Document page = page(formPage);
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", page.select("input[name=_csrf]").attr("value"));
        String body = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(base + action))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("HX-Request", "true")
                        // as htmx does on our pages (static/js/htmx-errors.js), so that a refusal is a page
                        .header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends a file as a browser's multipart form would, with the page's CSRF token; the action is
     * taken from the page's first multipart form (it may carry the token in its address too).
     */
    public HttpResponse<String> upload(String formPage, String field, String fileName, byte[] content) throws Exception {
        Document page = page(formPage);
        org.jsoup.nodes.Element form = page.selectFirst("form[enctype=multipart/form-data]");
        if (form == null) {
            throw new AssertionError("No multipart form on " + formPage);
        }
        String boundary = "----rencontres" + Long.toHexString(System.nanoTime());
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        String csrf = form.select("input[name=_csrf]").attr("value");
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String action = form.attr("action");
        return http.send(HttpRequest.newBuilder(URI.create(action.startsWith("http") ? action : base + action))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a multipart form (fields and one file) with the CSRF token of the page the form is on. */
    public HttpResponse<String> uploadForm(String formPage, String action, Map<String, String> fields, String fileField,
                                           String fileName, String contentType, byte[] content) throws Exception {
        String csrf = page(formPage).select("input[name=_csrf]").attr("value");
        String boundary = "----rencontres" + Long.toHexString(System.nanoTime());
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        for (Map.Entry<String, String> field : all.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(base + action))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Any method, with a form body or none, answered within {@code timeout}. */
    public HttpResponse<String> request(String method, String path, String formBody, java.time.Duration timeout)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Accept", "text/html");
        if (formBody == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(formBody));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The status of a GET whose body may never end (an event stream): the body is not read. */
    public int status(String path) throws Exception {
        HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(java.time.Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response.statusCode();
    }

    public HttpResponse<byte[]> getBytes(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
