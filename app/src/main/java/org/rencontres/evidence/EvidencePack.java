package org.rencontres.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.rencontres.shared.Secrets;

/**
 * A ZIP being written to its reader: each file goes out as it is added, its SHA-256 noted for the
 * manifest; what could not be included is noted too. Nothing is kept but the list of names and digests.
 */
final class EvidencePack {

    /** A file of the pack: its path in the ZIP, its size in bytes, its SHA-256 in hexadecimal. */
    record Entry(String path, long size, String sha256) {
    }

    private final ZipOutputStream zip;
    private final List<Entry> entries = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();

    EvidencePack(OutputStream out) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    }

    void add(String path, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(path));
        zip.write(content);
        zip.closeEntry();
        entries.add(new Entry(path, content.length, Secrets.sha256Hex(content)));
    }

    /** Says in the manifest that something is not in the pack, and why. */
    void missing(String why) {
        missing.add(why);
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    List<String> missingParts() {
        return List.copyOf(missing);
    }

    /** Writes the manifest last (it lists the digests of all the others) and ends the ZIP. */
    void finish(String manifestPath, String manifest) throws IOException {
        zip.putNextEntry(new ZipEntry(manifestPath));
        zip.write(manifest.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
    }
}
