package org.rencontres.networking;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A Server-Sent Events reader over real HTTP (java.net.http): the data of each "etat" event, in order. */
final class SseClient implements AutoCloseable {

    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> status = new CompletableFuture<>();
    private final List<String> seen = new ArrayList<>();
    private volatile Stream<String> lines;
    private final Thread reader;

    SseClient(String url) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").build();
        reader = new Thread(() -> {
            try {
                HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
                status.complete(response.statusCode());
                lines = response.body();
                String[] name = {null};
                lines.forEach(line -> {
                    if (line.startsWith("event:")) {
                        name[0] = line.substring(6).strip();
                    } else if (line.startsWith("data:") && "etat".equals(name[0])) {
                        events.add(line.substring(5));
                    } else if (line.isEmpty()) {
                        name[0] = null;
                    }
                });
            } catch (Exception e) {
                status.completeExceptionally(e);
            }
        }, "sse-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    int status() throws Exception {
        return status.get(30, TimeUnit.SECONDS);
    }

    /** The first event (from now on) whose data matches, waiting 20 s at most. */
    String next(Predicate<String> matching) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String data = events.poll(200, TimeUnit.MILLISECONDS);
            if (data != null) {
                seen.add(data);
                if (matching.test(data)) {
                    return data;
                }
            }
        }
        throw new AssertionError("No matching event in 20 s; seen: " + seen);
    }

    @Override
    public void close() {
        Stream<String> s = lines;
        if (s != null) {
            s.close();
        }
        reader.interrupt();
    }
}
