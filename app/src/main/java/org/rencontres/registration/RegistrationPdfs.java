package org.rencontres.registration;

import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.document.NamedFile;
import org.rencontres.event.Day;
import org.springframework.stereotype.Service;

/**
 * The PDFs of a registration for the modules above (the evidence pack of a session): its joining
 * instructions once confirmed, and its approval trail with the code that makes it verifiable.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class RegistrationPdfs {

    private final Convocations convocations;
    private final ApprovalTrails trails;

    /** The convocation of a confirmed registration of {@code day}; empty for any other. */
    public Optional<NamedFile> convocation(Day day, Registration r) {
        if (r.state() != RegistrationState.CONFIRMED || r.dayId() != day.id()) {
            return Optional.empty();
        }
        return Optional.of(new NamedFile(Convocations.pdfName(day, r), convocations.pdf(day, r)));
    }

    /** The approval trail of a registration as it stands, every step, who, when and why. */
    public NamedFile approvalTrail(Registration r) {
        ApprovalTrails.Trail trail = trails.current(r);
        return new NamedFile(ApprovalTrails.fileName(trail.day(), r), trails.pdf(trail));
    }
}
