package org.rencontres.writing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes Yjs awareness updates (y-protocols' format: a count, then for each client its id,
 * its clock and its state as JSON, numbers as lib0 variable-length integers), so that the server can
 * check who a presence claims to be and say that a client has left.
 */
final class Awareness {

    record Entry(long clientId, long clock, String json) {
    }

    private Awareness() {
    }

    /** The entries of an update; an IllegalArgumentException when it is not one. */
    static List<Entry> read(byte[] update) {
        int[] at = {0};
        long count = readVarUint(update, at);
        if (count > 1000) {
            throw new IllegalArgumentException("too many entries");
        }
        List<Entry> entries = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            long client = readVarUint(update, at);
            long clock = readVarUint(update, at);
            long length = readVarUint(update, at);
            if (length > update.length - at[0]) {
                throw new IllegalArgumentException("truncated state");
            }
            entries.add(new Entry(client, clock, new String(update, at[0], (int) length, StandardCharsets.UTF_8)));
            at[0] += (int) length;
        }
        if (at[0] != update.length) {
            throw new IllegalArgumentException("trailing bytes");
        }
        return entries;
    }

    /** An update saying that this client has gone (its state null, one clock later). */
    static byte[] removal(long clientId, long lastClock) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeVarUint(out, 1);
        writeVarUint(out, clientId);
        writeVarUint(out, lastClock + 1);
        byte[] json = "null".getBytes(StandardCharsets.UTF_8);
        writeVarUint(out, json.length);
        out.writeBytes(json);
        return out.toByteArray();
    }

    static long readVarUint(byte[] bytes, int[] at) {
        long value = 0;
        int shift = 0;
        while (true) {
            if (at[0] >= bytes.length || shift > 49) {
                throw new IllegalArgumentException("bad variable-length integer");
            }
            int b = bytes[at[0]++] & 0xff;
            value |= (long) (b & 0x7f) << shift;
            if (b < 0x80) {
                return value;
            }
            shift += 7;
        }
    }

    static void writeVarUint(ByteArrayOutputStream out, long value) {
        while (value > 0x7f) {
            out.write((int) (0x80 | (value & 0x7f)));
            value >>>= 7;
        }
        out.write((int) value);
    }
}
