package org.rencontres.event;

import java.util.Optional;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files offered with a day, for other modules: registration serves the documents reserved to
 * participants from the agent's space.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class DayFiles {

    /** A stored file of a day. */
    public record File(String fileName, String contentType, byte[] content) {
    }

    private final StoredFiles files;
    private final Days days;

    /**
     * Offers a file with the day, as the organisers' upload does (its content checked the same way):
     * for instance the final text of a collective-writing workshop.
     *
     * @throws IllegalArgumentException when the content is not an accepted kind of file
     */
    @Transactional
    public void addResourceFile(long dayId, String fileName, byte[] content, String title, String description,
                                Resource.Visibility visibility) {
        UUID id;
        try {
            id = files.store(dayId, fileName, content);
        } catch (StoredFiles.Refused e) {
            throw new IllegalArgumentException("File refused: " + e.getMessage(), e);
        }
        days.addResource(dayId, new Resource(Resource.Kind.DOCUMENT, title, description, null, id.toString(), visibility));
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
