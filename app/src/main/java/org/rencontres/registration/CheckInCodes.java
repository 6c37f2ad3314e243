package org.rencontres.registration;

import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * For the welcome desk: the registration a convocation's QR code stands for, when its signature is
 * right (the code is {@code RENCONTRES:<session code>:<registration id>:<signature>}).
 */
@Service
public class CheckInCodes {

    private final Convocations convocations;
    private final Registrations registrations;

    CheckInCodes(Convocations convocations, Registrations registrations) {
        this.convocations = convocations;
        this.registrations = registrations;
    }

    /** The registration of a scanned code, or empty for a made-up, altered or unknown one. */
    public Optional<Registration> registrationOf(String code) {
        return convocations.registrationOf(code).flatMap(registrations::find);
    }
}
