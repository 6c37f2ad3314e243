package org.rencontres.daypage;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.rencontres.directory.Directory;
import org.rencontres.directory.Organisation;
import org.rencontres.event.Day;
import org.rencontres.event.DayChanged;
import org.rencontres.event.Days;
import org.rencontres.event.PublicInfo;
import org.rencontres.event.PublicInformation;
import org.rencontres.event.SessionCode;
import org.rencontres.networking.NetworkingSessions;
import org.rencontres.programme.Programme;
import org.rencontres.programme.ProgrammeChanged;
import org.rencontres.programme.Programmes;
import org.rencontres.registration.RegistrationWindows;
import org.rencontres.workshops.Facilitator;
import org.rencontres.workshops.Workshop;
import org.rencontres.workshops.Workshops;
import org.rencontres.web.PublicCaching;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/** Assembles the public page of a day from the event, programme, networking, workshops and directory modules. */
@Service
class DayPages {

    private final Days days;
    private final Programmes programmes;
    private final NetworkingSessions networking;
    private final Workshops workshops;
    private final Directory directory;
    private final DayJsonLd jsonLd;
    private final RegistrationWindows registrationWindows;
    private final PublicInformation publicInformation;
    private final Cache<String, Optional<DayPage>> cache;
    /** The answers kept by web for visitors who are not signed in: emptied with the page models. */
    private final PublicCaching publicAnswers;

    DayPages(Days days, Programmes programmes, NetworkingSessions networking, Workshops workshops,
             Directory directory, DayJsonLd jsonLd, RegistrationWindows registrationWindows,
             PublicInformation publicInformation, PublicCaching publicAnswers, @Value("${rencontres.public-pages.cache-ttl:30s}") Duration cacheTtl) {
        this.cache = Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(cacheTtl).build();
        this.publicAnswers = publicAnswers;
        this.days = days;
        this.programmes = programmes;
        this.networking = networking;
        this.workshops = workshops;
        this.directory = directory;
        this.jsonLd = jsonLd;
        this.registrationWindows = registrationWindows;
        this.publicInformation = publicInformation;
    }

    /**
     * The public page of a day, from a short-lived cache: a page is read far more often than it
     * changes. A change made on this instance empties the cache at once ({@link DayChanged});
     * other instances show it when their entry expires ({@code rencontres.public-pages.cache-ttl}).
     */
    Optional<DayPage> publicPage(String slug, String pageUrl) {
        return cache.get(SessionCode.slugOf(slug) + " " + pageUrl, key -> load(slug, pageUrl));
    }

    @Transactional(readOnly = true)
    Optional<DayPage> load(String slug, String pageUrl) {
        return days.findPublic(slug).map(day -> assemble(day, pageUrl));
    }

    // After commit: emptied earlier, the cache could be filled again with what is being replaced.
    @TransactionalEventListener(fallbackExecution = true)
    void on(DayChanged change) {
        cache.invalidateAll();
        publicAnswers.forgetAll();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ProgrammeChanged change) {
        cache.invalidateAll();
        publicAnswers.forgetAll();
    }

    private DayPage assemble(Day day, String pageUrl) {
        Map<Long, Organisation> organisations = directory.organisations(day.organisationIds());
        Organisation organiser = day.organiserId() == null ? null : organisations.get(day.organiserId());
        List<DayPage.PartnerView> partners = day.partners().stream()
                .map(p -> {
                    Organisation o = organisations.get(p.organisationId());
                    return new DayPage.PartnerView(o.name(), p.contribution(), o.website());
                })
                .toList();
        Programme programme = programmes.programmeOf(day.id());
        List<Workshop> ofDay = workshops.ofDay(day.id());
        Map<Long, List<String>> facilitators = new HashMap<>();
        for (Workshop w : ofDay) {
            facilitators.put(w.id(), workshops.facilitatorsOf(w.id()).stream()
                    .map(Facilitator::name).toList());
        }
        PublicInfo info = publicInformation.of(day.id(), day.days()).orElse(null);
        return new DayPage(day, organiser, partners, programme, networking.ofDay(day.id()),
                ofDay, jsonLd.of(day, organiser, partners, programme, info, pageUrl), facilitators,
                registrationWindows.of(day), info);
    }
}
