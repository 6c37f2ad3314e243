package org.rencontres.registration;

import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * For the welcome desk: the registration a convocation's QR code stands for, when its signature is
 * right (the code is {@code RENCONTRES:<session code>:<registration id>:<signature>}).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CheckInCodes {

    private final Convocations convocations;
    private final Registrations registrations;

    /** The registration of a scanned code, or empty for a made-up, altered or unknown one. */
    public Optional<Registration> registrationOf(String code) {
        return convocations.registrationOf(code).flatMap(registrations::find);
    }
}
