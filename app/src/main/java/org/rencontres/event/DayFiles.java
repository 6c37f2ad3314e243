package org.rencontres.event;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * The files offered with a day, for other modules: registration serves the documents reserved to
 * participants from the agent's space.
 */
@Service
public class DayFiles {

    /** A stored file of a day. */
    public record File(String fileName, String contentType, byte[] content) {
    }

    private final StoredFiles files;

    DayFiles(StoredFiles files) {
        this.files = files;
    }

    /** The stored file {@code fileId} of one of the day's resources, public or reserved. */
    public Optional<File> resourceFile(Day day, String fileId) {
        if (day.resources().stream().noneMatch(r -> fileId.equals(r.storedFile()))) {
            return Optional.empty();
        }
        UUID id;
        try {
            id = UUID.fromString(fileId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return files.find(day.id(), id).map(f -> new File(f.fileName(), f.contentType(), f.content()));
    }
}
