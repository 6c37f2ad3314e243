package org.rencontres.privacy;

import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.registration.AgentSpaceLinks;
import org.rencontres.registration.Registration;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Every agent's space offers « Mes données personnelles », under the space's own address. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PersonDataSpaceLinks implements AgentSpaceLinks {

    private final MessageSource messages;

    @Override
    public List<Link> of(Registration registration) {
        return List.of();
    }

    @Override
    public List<Link> of(Registration registration, String token) {
        return List.of(new Link(messages.getMessage("privacy.rights.space.link", null, LocaleContextHolder.getLocale()),
                "/inscription/espace/" + token + "/donnees"));
    }
}
