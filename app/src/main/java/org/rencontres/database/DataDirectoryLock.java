package org.rencontres.database;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * This instance's claim on the embedded cluster's data directory: an exclusive OS lock on the file
 * {@code <data directory>.lock} beside it, held for as long as the application runs. The operating
 * system frees it when the process dies, however it dies, while an orphaned PostgreSQL server does
 * not inherit it (record locks are not passed on to child processes): a free lock therefore means
 * that no live instance uses the directory. The file also says which process holds it, for
 * operators.
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
final class DataDirectoryLock implements Closeable {

    /**
     * Locks this JVM already holds. A second channel on the same file must not even be opened: closing
     * it would release the lock taken through the first (POSIX record locks belong to the process).
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    /** @throws DataDirectoryInUseException when another live process (or this one) already holds it */
    static DataDirectoryLock acquire(Path dataDirectory) throws IOException {
        Path absolute = dataDirectory.toAbsolutePath().normalize();
        Path file = absolute.resolveSibling(absolute.getFileName() + ".lock");
        Files.createDirectories(file.getParent());
        if (!HELD.add(file)) {
            throw new DataDirectoryInUseException(absolute, file, "this process");
        }
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                channel.close();
                throw new DataDirectoryInUseException(absolute, file, "this process");
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw new DataDirectoryInUseException(absolute, file, holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
                    0);
            channel.force(false);
            return new DataDirectoryLock(file, channel, lock);
        } catch (IOException | RuntimeException e) {
            HELD.remove(file);
            throw e;
        }
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            channel.read(buffer, 0);
            String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
            return pid.matches("\\d+") ? "process " + pid : "another process";
        } catch (IOException e) {
            return "another process";
        }
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            HELD.remove(file);
        }
    }

    /** Another live instance works on this data directory: this one must not start a server there. */
    static final class DataDirectoryInUseException extends IllegalStateException {

        DataDirectoryInUseException(Path dataDirectory, Path lockFile, String holder) {
            super("The embedded PostgreSQL's data directory " + dataDirectory + " is in use by another running"
                    + " instance (" + holder + " holds " + lockFile + "). Stop that instance first, or give this one"
                    + " its own directory (rencontres.data-dir); several instances on one database need an external"
                    + " PostgreSQL (spring.datasource.url).");
        }
    }
}
