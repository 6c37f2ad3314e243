package org.rencontres.writing;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What running yjs on the server costs (bench/writing-engine.sh runs it; figures in docs/benchmarks.md):
 * the engine's start, rebuilding a 5-page text from its 200 stored updates (HTML for the exports, and a
 * snapshot for compaction), checking one incoming update (decode, then apply on the server's copy), and
 * the memory of the engine and of each open document. A plain main, not a test: no timing is asserted.
 */
public final class WritingEngineBenchmark {

    private static final String[] WORDS = ("les collectivités territoriales coopèrent avec leurs partenaires "
            + "européens pour un développement durable solidaire et partagé entre les territoires").split(" ");

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        long heap0 = usedHeap();
        long t0 = System.nanoTime();
        WritingEngine engine = new WritingEngine(false);
        engine.isOpen(0);   // makes the engine and the first context
        long t1 = System.nanoTime();
        engine.isOpen(1);   // a second context (shard), the engine and the parsed bundle shared
        long t2 = System.nanoTime();
        long heap1 = usedHeap();
        System.out.printf("start: engine + first context %.0f ms, second context %.0f ms, heap +%d MiB%n",
                ms(t1 - t0), ms(t2 - t1), (heap1 - heap0) >> 20);

        List<byte[]> updates = fivePages();
        int bytes = updates.stream().mapToInt(u -> u.length).sum();
        String html = EditorHtml.of(engine.text(updates));
        System.out.printf("document: %d updates, %d bytes stored, %d characters of text, %d of HTML%n",
                updates.size(), bytes, org.jsoup.Jsoup.parse(html).text().length(), html.length());

        double[] text = new double[rounds];
        double[] state = new double[rounds];
        byte[] snapshot = null;
        for (int r = 0; r < rounds; r++) {
            long a = System.nanoTime();
            EditorHtml.of(engine.text(updates));
            long b = System.nanoTime();
            snapshot = engine.state(updates);
            long c = System.nanoTime();
            text[r] = ms(b - a);
            state[r] = ms(c - b);
        }
        double[] fromSnapshot = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long a = System.nanoTime();
            EditorHtml.of(engine.text(List.of(snapshot)));
            fromSnapshot[r] = ms(System.nanoTime() - a);
        }
        System.out.printf("rebuild to HTML from the 200 updates: first %.0f ms, then median %.0f ms (min %.0f, max %.0f)%n",
                text[0], median(text, 1), min(text, 1), max(text, 1));
        System.out.printf("snapshot (compaction) of the 200 updates: first %.0f ms, then median %.0f ms; %d bytes%n",
                state[0], median(state, 1), snapshot.length);
        System.out.printf("rebuild to HTML from that snapshot: first %.0f ms, then median %.0f ms%n",
                fromSnapshot[0], median(fromSnapshot, 1));

        List<Double> check = new ArrayList<>();
        for (int r = 0; r < Math.max(3, rounds / 5); r++) {
            engine.drop(7);
            engine.open(7, List.of());
            for (byte[] u : updates) {
                long a = System.nanoTime();
                try {
                    engine.checkDecodes(7, u);
                    engine.apply(7, u);
                } catch (WritingEngine.MalformedUpdate e) {
                    throw new IllegalStateException(e);
                }
                check.add(ms(System.nanoTime() - a));
            }
        }
        double[] checks = check.stream().mapToDouble(Double::doubleValue).toArray();
        double[] warm = Arrays.copyOfRange(checks, updates.size(), checks.length);
        Arrays.sort(warm);
        System.out.printf("check of one incoming update (decode + apply to the open copy): first pass median %.2f ms; "
                        + "then p50 %.2f ms, p99 %.2f ms (%d updates)%n",
                median(Arrays.copyOf(checks, updates.size()), 0), warm[warm.length / 2],
                warm[(int) (warm.length * 0.99)], warm.length);

        long before = usedHeap();
        int documents = 50;
        for (int d = 0; d < documents; d++) {
            engine.open(1000 + d, updates);
        }
        long after = usedHeap();
        System.out.printf("memory: %d open copies of that document take %d MiB (%.0f KiB each)%n", documents,
                (after - before) >> 20, (after - before) / 1024.0 / documents);
        engine.stop();
        System.out.printf("JVM: %s, %d processors, max heap %d MiB%n", System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    }

    /**
     * A 5-page text (about 15,000 characters) typed in 200 updates, as y-prosemirror stores it: 20
     * sections of a heading and paragraphs, some bold or italic, a list now and then.
     */
    static List<byte[]> fivePages() {
        List<byte[]> updates = new ArrayList<>();
        int w = 0;
        boolean inParagraph = false;
        try (YjsWriter writer = new YjsWriter()) {
            for (int i = 0; updates.size() < 200; i++) {
                if (i % 10 == 0) {
                    updates.add(writer.heading(2, "Partie " + (i / 10 + 1)));
                    inParagraph = false;
                    continue;
                }
                StringBuilder s = new StringBuilder();
                while (s.length() < 70) {
                    s.append(WORDS[w++ % WORDS.length]).append(' ');
                }
                if (i % 3 == 0 && inParagraph) {
                    updates.add(writer.type(s.toString()));
                } else if (i % 7 == 0) {
                    inParagraph = false;
                    updates.add(writer.append("{\"type\":\"bullet_list\",\"content\":[{\"type\":\"list_item\",\"content\":"
                            + "[{\"type\":\"paragraph\",\"content\":[{\"text\":" + YjsWriter.quote(s.toString()) + "}]}]}]}"));
                } else {
                    inParagraph = true;
                    String mark = i % 5 == 0 ? "[\"strong\"]" : i % 4 == 0 ? "[\"em\"]" : "[]";
                    updates.add(writer.append("{\"type\":\"paragraph\",\"content\":[{\"text\":\"" + i + ". \"},"
                            + "{\"text\":" + YjsWriter.quote(s.toString()) + ",\"marks\":" + mark + "}]}"));
                }
            }
        }
        return updates;
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static double median(double[] values, int from) {
        double[] v = Arrays.copyOfRange(values, from, values.length);
        Arrays.sort(v);
        return v.length == 0 ? Double.NaN : v[v.length / 2];
    }

    private static double min(double[] values, int from) {
        return Arrays.stream(values, from, values.length).min().orElse(Double.NaN);
    }

    private static double max(double[] values, int from) {
        return Arrays.stream(values, from, values.length).max().orElse(Double.NaN);
    }
}
