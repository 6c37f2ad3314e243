package org.rencontres.attendance;

import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.registration.AgentSpaceLinks;
import org.rencontres.registration.Registration;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The agent's space offers the attendance certificate once it has been issued. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CertificatesForAgents implements AgentSpaceLinks {

    private final Certificates certificates;
    private final MessageSource messages;

    @Override
    public List<Link> of(Registration registration) {
        return certificates.ofRegistration(registration.id())
                .map(c -> List.of(new Link(messages.getMessage("attendance.certificates.space.link", null,
                        LocaleContextHolder.getLocale()), "/attestations/" + c.code() + ".pdf")))
                .orElse(List.of());
    }
}
