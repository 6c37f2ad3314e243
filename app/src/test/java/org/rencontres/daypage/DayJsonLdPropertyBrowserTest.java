package org.rencontres.daypage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.rencontres.BrowserTest;
import org.rencontres.directory.Directory;
import org.rencontres.directory.NewOrganisation;
import org.rencontres.directory.NewPerson;
import org.rencontres.directory.Organisation;
import org.rencontres.directory.OrganisationKind;
import org.rencontres.event.Day;
import org.rencontres.event.DayDraft;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.event.DayStatus;
import org.rencontres.event.Days;
import org.rencontres.event.Partner;
import org.rencontres.event.SessionCode;
import org.rencontres.event.Venue;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.SlotDraft;
import org.rencontres.programme.SlotKind;
import org.rencontres.programme.SlotPersonDraft;
import org.rencontres.programme.SlotRole;
import org.rencontres.shared.RichText;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Property: whatever organisers type into the fields that feed the day's JSON-LD (title, subtitle,
 * context, audience, venue, organiser and partner names, organiser's website, speakers' names,
 * descriptions and organisations), the public page in Chromium keeps all its sections, has one
 * script element only, and its JSON-LD parses back (JSON.parse, in the browser) to the very strings
 * typed. The strings are random mixes of what ends or changes a script element ({@code <!--},
 * {@code <script}, {@code </script>}, {@code -->}, {@code ]]>}), U+2028/U+2029, quotes, backslashes,
 * emoji and right-to-left text.
 *
 * <p>Seeded: a failure names its seed; replay it with
 * {@code ./mvnw -B -pl app -am -Dtest=DayJsonLdPropertyBrowserTest -Djsonld.seeds=SEED -Dsurefire.failIfNoSpecifiedTests=false verify}.
 */
class DayJsonLdPropertyBrowserTest extends BrowserTest {

    private static final String SEEDS_PROPERTY = "jsonld.seeds";
    private static final int CASES = 12;
    private static final long MASTER_SEED = 0x15_0D_2026L;
    private static final String[] PIECES = {
            "<!--", "<script>", "<script", "</script>", "</SCRIPT >", "-->", "--!>", "]]>", "<![CDATA[",
            "\u2028", "\u2029", "\"", "'", "\\", "\\u003C", "\\\"", "&", "&amp;", "&lt;", "<", ">", "/", "</",
            "😀", "🇫🇷", "👩🏽‍🏫", "\u202E", "\u200F", "مرحبا بكم", "שלום", "Évry", "l'AICT", " ", "\n", "\t",
            "{", "}", "[[${day}]]", "*", "#", "?", "%", "é"};
    private static final AtomicLong UNIQUE = new AtomicLong(System.nanoTime() % 1_000_000);

    @Autowired Days days;
    @Autowired Directory directory;
    @Autowired Programmes programmes;

    @Test
    void any_text_typed_by_organisers_leaves_the_page_whole_and_the_json_ld_equal_to_it() {
        for (long seed : seeds().toArray()) {
            try {
                check(seed);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("Seed " + seed + " fails; replay with -D" + SEEDS_PROPERTY + "=" + seed
                        + ": " + e.getMessage(), e);
            }
        }
    }

    /** A random text made of 1 to 8 of the pieces. */
    private static String nasty(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int n = 1 + random.nextInt(8);
        for (int i = 0; i < n; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    private void check(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long n = UNIQUE.incrementAndGet();
        // Organisation names are unique: each ends with a number of its own.
        Organisation organiser = directory.addOrganisation(new NewOrganisation(nasty(random) + " o" + n, null,
                OrganisationKind.PUBLIC_BODY, null, null, null, null, "https://exemple.fr/" + nasty(random)));
        List<Organisation> partners = List.of(
                directory.addOrganisation(NewOrganisation.named(nasty(random) + " p" + n, OrganisationKind.COMMUNE)),
                directory.addOrganisation(NewOrganisation.named(nasty(random) + " q" + n, OrganisationKind.REGION)));
        Organisation speakersOrganisation = directory.addOrganisation(
                NewOrganisation.named(nasty(random) + " s" + n, OrganisationKind.ASSOCIATION));
        List<NewPerson> speakers = List.of(
                new NewPerson(nasty(random), nasty(random), null, speakersOrganisation.id(), null, null),
                new NewPerson(nasty(random), nasty(random), null, null, null, null));
        List<String> descriptions = List.of(nasty(random), nasty(random));

        String title = "Journée " + nasty(random);
        String subtitle = nasty(random);
        String context = "Contexte " + nasty(random);
        String audience = nasty(random);
        Venue venue = new Venue(nasty(random), null, nasty(random), nasty(random), nasty(random), null,
                new BigDecimal("48.624000"), new BigDecimal("2.443000"), null);
        SessionCode code = new SessionCode("ZJL " + n);
        long dayId = days.create(new DayDraft(code, title, subtitle, null, List.of(new SessionDayDraft(LocalDate.of(2027, 3, 18), LocalTime.of(9, 30), LocalTime.of(16, 30))), context, audience, null, null, false, organiser.id(),
                "INSET de test", venue, List.of(), partners.stream().map(p -> new Partner(p.id(), null)).toList(),
                List.of()));
        List<SlotPersonDraft> people = new ArrayList<>();
        for (int i = 0; i < speakers.size(); i++) {
            long personId = directory.addPerson(speakers.get(i)).id();
            people.add(new SlotPersonDraft(personId, SlotRole.SPEAKER, descriptions.get(i),
                    speakers.get(i).organisationId(), null));
        }
        programmes.addSlot(dayId, new SlotDraft(days.days(dayId).orElseThrow().first().id(), LocalTime.of(9, 30), LocalTime.of(10, 30), SlotKind.TALK, null,
                nasty(random), null, null, false, false, List.of(), people));
        days.moveTo(dayId, DayStatus.PUBLISHED, null);

        browser.get(url("/journees/" + code.slug()));
        assertAccessible();
        @SuppressWarnings("unchecked")
        Map<String, Object> seen = (Map<String, Object>) browser.executeScript("""
                const text = s => document.querySelector(s) ? document.querySelector(s).textContent : null;
                const data = document.querySelector('script[type="application/ld+json"]');
                return {
                  scripts: document.querySelectorAll('script:not([src])').length,
                  headings: [...document.querySelectorAll('main h2')].map(h => h.textContent),
                  title: text('.day-title'),
                  subtitle: text('.day-subtitle'),
                  organisation: text('#organisation'),
                  address: text('#acces address'),
                  footer: text('footer.site-footer'),
                  ld: JSON.parse(data.textContent)
                };""");

        assertThat(seen.get("headings")).as("sections of the page").isEqualTo(List.of("Sur cette page", "Contexte",
                "Public visé", "Programme", "Contact", "Information et inscription", "Accès", "Organisation"));
        assertThat(seen.get("scripts")).as("inline script elements (the JSON-LD only)").isEqualTo(1L);
        assertThat(seen.get("title")).isEqualTo(title);
        assertThat(seen.get("subtitle")).isEqualTo(subtitle);
        assertThat((String) seen.get("organisation")).contains(organiser.name(), partners.get(0).name(),
                partners.get(1).name());
        assertThat((String) seen.get("address")).contains(venue.name(), venue.street(), venue.postcode(), venue.city());
        assertThat((String) seen.get("footer")).isNotBlank();

        @SuppressWarnings("unchecked")
        Map<String, Object> ld = (Map<String, Object>) seen.get("ld");
        // (A blank subtitle is left out of the full title: Day.fullTitle.)
        assertThat(ld.get("name")).isEqualTo(subtitle.isBlank() ? title : title + " " + subtitle);
        assertThat(ld.get("description")).isEqualTo(RichText.of(context).plain());
        assertThat(path(ld, "audience", "audienceType")).isEqualTo(audience);
        assertThat(path(ld, "location", "name")).isEqualTo(venue.name());
        assertThat(path(ld, "location", "address", "streetAddress")).isEqualTo(venue.street());
        assertThat(path(ld, "location", "address", "postalCode")).isEqualTo(venue.postcode());
        assertThat(path(ld, "location", "address", "addressLocality")).isEqualTo(venue.city());
        assertThat(path(ld, "organizer", "name")).isEqualTo(organiser.name());
        assertThat(path(ld, "organizer", "url")).isEqualTo(organiser.website());
        assertThat(((List<?>) ld.get("sponsor")).stream().map(s -> path(s, "name")).toList())
                .isEqualTo(partners.stream().map(Organisation::name).toList());
        List<?> performers = (List<?>) ld.get("performer");
        assertThat(performers).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(path(performers.get(i), "name"))
                    .isEqualTo(speakers.get(i).givenName() + " " + speakers.get(i).familyName());
            assertThat(path(performers.get(i), "jobTitle")).isEqualTo(descriptions.get(i));
        }
        assertThat(path(performers.get(0), "affiliation", "name")).isEqualTo(speakersOrganisation.name());
    }

    private static Object path(Object node, String... keys) {
        Object at = node;
        for (String key : keys) {
            assertThat(at).as("JSON-LD at %s", Arrays.toString(keys)).isInstanceOf(Map.class);
            at = ((Map<?, ?>) at).get(key);
        }
        return at;
    }

    private static LongStream seeds() {
        String given = System.getProperty(SEEDS_PROPERTY, "").trim();
        if (!given.isEmpty()) {
            return Arrays.stream(given.split(",")).map(String::trim).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong);
        }
        SplittableRandom master = new SplittableRandom(MASTER_SEED);
        return LongStream.generate(master::nextLong).limit(CASES);
    }
}
