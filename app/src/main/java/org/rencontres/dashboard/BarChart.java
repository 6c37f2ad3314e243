package org.rencontres.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart drawn as SVG on the server.
 *
 * @param id the chart's element id (its title is {@code id + "-titre"})
 * @param label what the chart shows with every number, for its accessible name
 */
record BarChart(String id, String label, List<Bar> bars) {

    /** Left margin for the labels and width of the drawing, in SVG units. */
    static final int LABEL_WIDTH = 260;
    static final int BAR_WIDTH = 360;
    static final int ROW = 28;

    /** One bar: its label, its value, and its length in SVG units. */
    public record Bar(String label, long value, int length, int y) {
    }

    static BarChart of(String id, String title, List<Bar> rows) {
        long max = rows.stream().mapToLong(Bar::value).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        StringBuilder label = new StringBuilder(title).append(" : ");
        for (int i = 0; i < rows.size(); i++) {
            Bar b = rows.get(i);
            int length = max == 0 ? 0 : (int) Math.round(BAR_WIDTH * (double) b.value() / max);
            bars.add(new Bar(b.label(), b.value(), b.value() > 0 ? Math.max(length, 2) : 0, i * ROW));
            label.append(i == 0 ? "" : ", ").append(b.label()).append(" ").append(b.value());
        }
        if (rows.isEmpty()) {
            label.append("—");
        }
        return new BarChart(id, label.toString(), List.copyOf(bars));
    }

    static Bar bar(String label, long value) {
        return new Bar(label, value, 0, 0);
    }

    public int height() {
        return Math.max(bars.size(), 1) * ROW + 4;
    }

    public String viewBox() {
        return "0 0 " + (LABEL_WIDTH + BAR_WIDTH + 60) + " " + height();
    }

    public int barX() {
        return LABEL_WIDTH;
    }

    public int labelX() {
        return LABEL_WIDTH - 8;
    }
}
