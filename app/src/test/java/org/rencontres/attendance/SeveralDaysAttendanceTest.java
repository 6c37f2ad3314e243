package org.rencontres.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rencontres.TestSessions.TUESDAY;
import static org.rencontres.TestSessions.WEDNESDAY;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rencontres.HtmlChecker;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.TestSessions;
import org.rencontres.WebSession;
import org.rencontres.event.Days;
import org.rencontres.event.SessionCode;
import org.rencontres.event.SessionDay;
import org.rencontres.event.SessionDayDraft;
import org.rencontres.registration.Registrations;
import org.rencontres.security.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Attendance of a session of two days (Tuesday 16 March 2027 09:00–17:00, Wednesday 17 March
 * 09:00–12:30) and of a half-day session (09:00–12:30), on the real PostgreSQL and over HTTP: the
 * half-days of each day clipped to its hours, the desk day by day (a check-in of day 2 is a row of its
 * own, an afternoon that day does not have refused), the sheets one per half-day of every day, the
 * certificate summing the hours of every day and listing them (PDF and verification page), and a
 * removed day's attendance gone while the certificate stays as issued. The one-day session is covered
 * as before by the module's other tests.
 */
@RencontresIntegrationTest
class SeveralDaysAttendanceTest {

    private static final char NBSP = '\u00a0';

    @LocalServerPort int port;
    @Autowired Days days;
    @Autowired Registrations registrations;
    @Autowired Attendances attendances;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired AttendanceOfSessionDay attendanceOfSessionDay;
    @Autowired Certificates certificates;

    private String unit;
    private WebSession organiser;
    private long n;

    @BeforeEach
    void anOrganiser() throws Exception {
        n = System.nanoTime() % 100_000_000;
        unit = "INSET des sessions " + n;
        String email = "sessions." + n + "@cnfpt.fr";
        organiser = TestSessions.organiser(accounts, port, email, "Sam Session", unit);
    }

    /** A session of these days, its slug in {@link #slug}. */
    private long session(String prefix, SessionDayDraft... sessionDays) {
        SessionCode code = new SessionCode(prefix + " " + (n++));
        slug = code.slug();
        return TestSessions.session(days, registrations, code, "Session des présences", unit, sessionDays);
    }

    private String slug;

    private long twoDays() {
        return session("ZDEU", TestSessions.twoDays());
    }

    private long halfDay() {
        return session("ZDEM", TestSessions.halfDay());
    }

    private long confirmed(long dayId, String givenName, String surname) {
        return TestSessions.confirmed(registrations, dayId, givenName, surname);
    }

    private SessionDay day(long dayId, LocalDate date) {
        return days.days(dayId).orElseThrow().on(date).orElseThrow();
    }

    private void present(long dayId, long registrationId, LocalDate date, HalfDay half) {
        assertThat(attendances.checkIn(dayId, registrationId,
                CheckIn.plain(half, "Accueil").on(day(dayId, date).id())).kind()).isEqualTo(CheckInOutcome.Kind.RECORDED);
    }

    private String desk() {
        return "/admin/journees/" + slug + "/accueil";
    }

    private String list() {
        return "/admin/journees/" + slug + "/presences";
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    private byte[] pdf(String path) throws Exception {
        HttpResponse<byte[]> response = organiser.getBytes(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }

    @Test
    void each_day_has_the_half_days_its_hours_allow_clipped_to_them() {
        long two = twoDays();
        HalfDays h = attendances.halfDays(two);
        assertThat(h.all()).extracting(x -> x.date() + " " + x.half() + " " + x.start() + "-" + x.end() + " " + x.duration())
                .containsExactly("2027-03-16 MORNING 09:00-13:00 PT4H", "2027-03-16 AFTERNOON 13:00-17:00 PT4H",
                        "2027-03-17 MORNING 09:00-12:30 PT3H30M");
        assertThat(h.find(day(two, WEDNESDAY).id(), HalfDay.AFTERNOON)).isEmpty();

        long afternoon = session("ZDEA", new SessionDayDraft(TUESDAY, LocalTime.of(14, 0), LocalTime.of(17, 0)));
        assertThat(attendances.halfDays(afternoon).all()).extracting(x -> x.half() + " " + x.start() + "-" + x.end())
                .containsExactly("AFTERNOON 14:00-17:00");
        // The desk of a day with one half-day is in it whatever the time.
        SessionDay only = day(afternoon, TUESDAY);
        assertThat(attendances.halfDays(afternoon).at(only, Instant.parse("2027-03-16T08:00:00Z")).half())
                .isEqualTo(HalfDay.AFTERNOON);
        // The desk's day: today's day of the session, else the first.
        assertThat(h.dayAt(Instant.parse("2027-03-17T10:00:00Z")).date()).isEqualTo(WEDNESDAY);
        assertThat(h.dayAt(Instant.parse("2027-03-20T10:00:00Z")).date()).isEqualTo(TUESDAY);
    }

    @Test
    void the_desk_works_day_by_day_and_a_check_in_of_day_two_is_a_row_of_its_own() throws Exception {
        long dayId = twoDays();
        long camille = confirmed(dayId, "Camille", "Deuxjours");

        // Outside the session's days the desk is on its first day, with the day's choice.
        Document first = organiser.page(desk());
        assertThat(first.select("select#jour option").eachText()).containsExactly(
                "Jour 1 – mardi 16 mars 2027 (9h – 17h)", "Jour 2 – mercredi 17 mars 2027 (9h – 12h30)");
        assertThat(first.select("select#jour option[selected]").attr("value")).isEqualTo("2027-03-16");
        assertThat(first.select("select#demi option").eachText()).containsExactly("Matin (09:00 – 13:00)",
                "Après-midi (13:00 – 17:00)");
        HtmlChecker.assertValid("desk-several-days", Map.of("desk", organiser.get(desk()).body()));

        // Day 2 has a morning only: asking for its afternoon shows its morning.
        Document second = organiser.page(desk() + "?jour=2027-03-17&demi=apres-midi");
        assertThat(second.select("select#demi option").eachText()).containsExactly("Matin (09:00 – 12:30)");
        assertThat(second.selectFirst(".desk-session-day").wholeText()).isEqualTo("Jour 2 sur 2" + NBSP + ": mercredi 17 mars 2027");
        assertThat(second.select("form[data-type=sans-inscription] input[name=jour]").attr("value")).isEqualTo("2027-03-17");

        HttpResponse<String> dayOne = organiser.submit(desk(), desk() + "/presence",
                Map.of("jour", "2027-03-16", "demi", "matin", "personne", String.valueOf(camille)));
        assertThat(WebSession.location(dayOne)).endsWith("/accueil?jour=2027-03-16&demi=matin");
        HttpResponse<String> dayTwo = organiser.submit(desk(), desk() + "/presence",
                Map.of("jour", "2027-03-17", "demi", "matin", "personne", String.valueOf(camille)));
        assertThat(WebSession.location(dayTwo)).endsWith("/accueil?jour=2027-03-17&demi=matin");
        assertThat(organiser.page(WebSession.location(dayTwo)).select(".notice").text()).contains("présence enregistrée");
        // The same half-day of the same day again: already present, nothing added.
        organiser.submit(desk(), desk() + "/presence",
                Map.of("jour", "2027-03-17", "demi", "matin", "personne", String.valueOf(camille)));
        // The afternoon day 2 does not have: refused, nothing recorded.
        HttpResponse<String> refused = organiser.submit(desk(), desk() + "/presence",
                Map.of("jour", "2027-03-17", "demi", "apres-midi", "personne", String.valueOf(camille)));
        assertThat(organiser.page(WebSession.location(refused)).selectFirst(".alert[role=alert]").wholeText())
                .isEqualTo("Camille Deuxjours" + NBSP + ": cette demi-journée n'existe pas ce jour-là. Rien n'a été enregistré.");

        assertThat(jdbc.sql("""
                SELECT d.day_date || ' ' || a.half_day FROM attendance a JOIN event_session_day d ON d.id = a.session_day_id
                WHERE a.registration_id = ? ORDER BY 1""").param(camille).query(String.class).list())
                .containsExactly("2027-03-16 MORNING", "2027-03-17 MORNING");
        assertThat(organiser.page(desk() + "?jour=2027-03-17").select(".desk-counts").text()).isEqualTo("1 présent sur 1 attendu.");
        assertThat(organiser.page(desk() + "?jour=2027-03-16&demi=apres-midi").select(".desk-counts").text())
                .isEqualTo("Aucun présent sur 1 attendu.");

        // The list of day 2 is that day's, with its corrections and prints.
        Document listTwo = organiser.page(list() + "?jour=2027-03-17&demi=matin");
        assertThat(listTwo.select("tr[data-ref=inscription-" + camille + "]")).hasSize(1);
        assertThat(listTwo.select("a[href*=correction]").attr("href")).contains("jour=2027-03-17");
        assertThat(listTwo.select(".attendance-prints a").eachText()).contains(
                "Feuille d'émargement vierge du mercredi 17 mars 2027, le matin (PDF)");
        HtmlChecker.assertValid("list-several-days", Map.of("list", organiser.get(list() + "?jour=2027-03-17").body()));

        // A correction on day 1's afternoon is a row of day 1.
        String correction = list() + "/correction";
        HttpResponse<String> corrected = organiser.submit(correction + "?jour=2027-03-16&demi=apres-midi&personne=inscription-"
                + camille + "&etat=present", correction, Map.of("jour", "2027-03-16", "demi", "apres-midi",
                "personne", "inscription-" + camille, "etat", "present", "motif", "Arrivée par l'autre porte"));
        assertThat(WebSession.location(corrected)).endsWith("/presences?jour=2027-03-16");
        assertThat(attendances.attendees(dayId, day(dayId, TUESDAY).id(), HalfDay.AFTERNOON))
                .filteredOn(Attendee::present).extracting(Attendee::registrationId).containsExactly(camille);
        // No correction page for a half-day the day does not have, nor for a date not of the session.
        assertThat(organiser.status(correction + "?jour=2027-03-17&demi=apres-midi&personne=inscription-" + camille
                + "&etat=present")).isEqualTo(404);
        assertThat(organiser.status(desk() + "?jour=2027-03-18")).isEqualTo(404);
    }

    @Test
    void check_ins_kept_offline_carry_their_day() throws Exception {
        long dayId = twoDays();
        long camille = confirmed(dayId, "Camille", "Horsligne");
        String morning2 = UUID.randomUUID().toString();
        String afternoon2 = UUID.randomUUID().toString();
        String notADay = UUID.randomUUID().toString();
        String noDay = UUID.randomUUID().toString();
        String queue = """
                [{"cle":"%s","type":"inscription","personne":"%d","jour":"2027-03-17","demi":"matin"},
                 {"cle":"%s","type":"inscription","personne":"%d","jour":"2027-03-17","demi":"apres-midi"},
                 {"cle":"%s","type":"inscription","personne":"%d","jour":"2027-03-18","demi":"matin"},
                 {"cle":"%s","type":"inscription","personne":"%d","demi":"apres-midi"}]"""
                .formatted(morning2, camille, afternoon2, camille, notADay, camille, noDay, camille);
        Document page = organiser.page(desk());
        HttpResponse<String> sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + desk() + "/synchronisation"))
                .header("Content-Type", "application/json").header("Cookie", "JSESSIONID=" + organiser.sessionId())
                .header(page.select("meta[name=csrf-header]").attr("content"), page.select("meta[name=csrf-token]").attr("content"))
                .POST(HttpRequest.BodyPublishers.ofString(queue)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("\"cle\":\"" + morning2 + "\",\"status\":\"RECORDED\"",
                "\"cle\":\"" + afternoon2 + "\",\"status\":\"NO_SUCH_HALF_DAY\",\"recorded\":false",
                "\"cle\":\"" + notADay + "\",\"status\":\"INVALID\"",
                "\"cle\":\"" + noDay + "\",\"status\":\"RECORDED\"");
        // Without a day, the desk's default: the first day (the session is not today).
        assertThat(jdbc.sql("""
                SELECT d.day_date || ' ' || a.half_day FROM attendance a JOIN event_session_day d ON d.id = a.session_day_id
                WHERE a.registration_id = ? ORDER BY 1""").param(camille).query(String.class).list())
                .containsExactly("2027-03-16 AFTERNOON", "2027-03-17 MORNING");
    }

    @Test
    void a_half_day_session_has_a_morning_only_at_the_desk_on_the_sheet_and_on_the_certificate() throws Exception {
        long dayId = halfDay();
        long alix = confirmed(dayId, "Alix", "Matinale");

        Document desk = organiser.page(desk() + "?demi=apres-midi");
        assertThat(desk.select("select#demi option").eachText()).containsExactly("Matin (09:00 – 12:30)");
        assertThat(desk.select("select#jour")).isEmpty();
        assertThat(desk.text()).doesNotContain("Après-midi");
        // The afternoon is refused, the morning recorded.
        organiser.submit(desk(), desk() + "/presence", Map.of("demi", "apres-midi", "personne", String.valueOf(alix)));
        organiser.submit(desk(), desk() + "/presence", Map.of("demi", "matin", "personne", String.valueOf(alix)));
        assertThat(jdbc.sql("SELECT half_day FROM attendance WHERE registration_id = ?").param(alix).query(String.class).list())
                .containsExactly("MORNING");

        String sheet = pdfText(pdf(list() + "/emargement.pdf?demi=journee&mode=rempli"));
        assertThat(sheet).contains("Demi-journée : Matin (9h – 12h30)", "Signature du matin (9h – 12h30)", "Matinale Alix")
                .doesNotContain("Après-midi", "après-midi");
        assertThat(organiser.getBytes(list() + "/emargement.pdf?demi=apres-midi").statusCode()).isEqualTo(400);

        String certificate = pdfText(pdf("/admin/journees/" + slug + "/attestations/inscriptions/" + alix + ".pdf"));
        assertThat(certificate).contains("Matin de 09h00 à 12h30 3 h 30", "Total des heures de présence 3 h 30")
                .doesNotContain("Après-midi");
    }

    @Test
    void sheets_are_one_per_half_day_of_every_day_headed_with_the_day_and_the_hours() throws Exception {
        long dayId = twoDays();
        long camille = confirmed(dayId, "Camille", "Feuille");
        long dominique = confirmed(dayId, "Dominique", "Feuille");
        present(dayId, camille, TUESDAY, HalfDay.MORNING);
        present(dayId, camille, WEDNESDAY, HalfDay.MORNING);
        present(dayId, dominique, TUESDAY, HalfDay.AFTERNOON);

        byte[] all = pdf(list() + "/emargement.pdf?demi=session&mode=rempli");
        try (PDDocument doc = Loader.loadPDF(all)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(3);
        }
        String text = pdfText(all);
        assertThat(count(text, "(SIGNATURES RECUEILLIES)")).isEqualTo(3);
        assertThat(text).contains("Date : mardi 16 mars 2027 Demi-journée : Matin (9h – 13h)",
                "Date : mardi 16 mars 2027 Demi-journée : Après-midi (13h – 17h)",
                "Date : mercredi 17 mars 2027 Demi-journée : Matin (9h – 12h30)")
                .doesNotContain("13h – 12h30");

        // One day's sheet, and one half-day of day 2: that day's presences only.
        String wednesday = pdfText(pdf(list() + "/emargement.pdf?jour=2027-03-17&demi=journee&mode=rempli"));
        assertThat(wednesday).contains("Date : mercredi 17 mars 2027", "Signature du matin (9h – 12h30)")
                .doesNotContain("Signature de l'après-midi", "mardi 16 mars 2027 Demi");
        assertThat(count(wednesday, "absent(e)")).isEqualTo(1);
        HttpResponse<byte[]> named = organiser.getBytes(list() + "/emargement.pdf?jour=2027-03-17&demi=matin&mode=vierge");
        assertThat(named.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("emargement-" + slug + "-2027-03-17-matin-vierge.pdf");
        assertThat(organiser.getBytes(list() + "/emargement.pdf?jour=2027-03-17&demi=apres-midi").statusCode()).isEqualTo(400);
        assertThat(organiser.getBytes(list() + "/emargement.pdf?jour=2027-03-19&demi=matin").statusCode()).isEqualTo(400);
    }

    @Test
    void the_certificate_sums_the_hours_of_every_day_and_lists_them_and_stays_when_a_day_goes() throws Exception {
        long dayId = twoDays();
        long camille = confirmed(dayId, "Camille", "Attestée");
        long eden = confirmed(dayId, "Eden", "Mercredi");
        present(dayId, camille, TUESDAY, HalfDay.MORNING);
        present(dayId, camille, TUESDAY, HalfDay.AFTERNOON);
        present(dayId, camille, WEDNESDAY, HalfDay.MORNING);
        present(dayId, eden, WEDNESDAY, HalfDay.MORNING);
        String base = "/admin/journees/" + slug + "/attestations/inscriptions/";

        // 4 h + 4 h on Tuesday (the hours of its half-days) and 3 h 30 on Wednesday.
        String full = pdfText(pdf(base + camille + ".pdf"));
        assertThat(full).contains("a participé à la session de formation",
                "du mardi 16 au mercredi 17 mars 2027",
                "mardi 16 mars 2027 Matin de 09h00 à 13h00 4 h",
                "mardi 16 mars 2027 Après-midi de 13h00 à 17h00 4 h",
                "mercredi 17 mars 2027 Matin de 09h00 à 12h30 3 h 30",
                "Total des heures de présence 11 h 30", "Fait le mercredi 17 mars 2027");
        assertThat(jdbc.sql("SELECT hours || ' ' || half_days FROM attendance_certificate WHERE registration_id = ?")
                .param(camille).query(String.class).single())
                .isEqualTo("11.50 2027-03-16 MORNING 09:00-13:00,2027-03-16 AFTERNOON 13:00-17:00,2027-03-17 MORNING 09:00-12:30");
        String wednesdayOnly = pdfText(pdf(base + eden + ".pdf"));
        assertThat(wednesdayOnly).contains("mercredi 17 mars 2027 Matin de 09h00 à 12h30 3 h 30",
                "Total des heures de présence 3 h 30").doesNotContain("mardi 16 mars 2027 Matin");

        String code = jdbc.sql("SELECT code FROM attendance_certificate WHERE registration_id = ?").param(camille)
                .query(String.class).single();
        String said = "mardi 16 mars 2027" + NBSP + ": matin, après-midi" + NBSP + "; mercredi 17 mars 2027" + NBSP + ": matin";
        Document verify = new WebSession(port).page("/attestations/verifier/" + code);
        assertThat(verify.select(".verify-details dd").stream().map(Element::wholeText)).contains("11 h 30", said);

        // The e-mail that goes with it says the session's dates.
        Certificate issued = certificates.ofRegistration(camille).orElseThrow();
        String mail = certificates.mail(days.find(dayId).orElseThrow(), Certificates.Holder.of(registrations.find(camille).orElseThrow()), code,
                issued.minutes(), new byte[0]).text();
        assertThat(mail).contains("à la session «" + NBSP + "Session des présences" + NBSP + "»",
                "du mardi 16 au mercredi 17 mars 2027" + NBSP + ": 11 h 30 de présence.");

        // Removing Wednesday: the confirmation says the certificates stay; its attendance goes, they stay as issued.
        SessionDay wednesday = day(dayId, WEDNESDAY);
        assertThat(attendanceOfSessionDay.on(dayId, wednesday.id(), Locale.FRENCH)).hasValue(
                "2 présences enregistrées (2 attestations déjà délivrées restent valables)");
        assertThat(attendanceOfSessionDay.on(dayId, day(dayId, TUESDAY).id(), Locale.FRENCH)).hasValue(
                "2 présences enregistrées (1 attestation déjà délivrée reste valable)");
        String remove = "/admin/journees/" + slug + "/jours/" + wednesday.id() + "/supprimer";
        assertThat(organiser.page(remove).selectFirst("main").wholeText()).contains(
                "2 présences enregistrées (2 attestations déjà délivrées restent valables)");
        assertThat(organiser.submit(remove, remove, Map.of()).statusCode()).isEqualTo(302);
        assertThat(days.days(dayId).orElseThrow().isSingle()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM attendance WHERE day_id = ? AND session_day_id = ?")
                .params(dayId, wednesday.id()).query(Integer.class).single()).isZero();
        Document after = new WebSession(port).page("/attestations/verifier/" + code);
        assertThat(after.select(".verify-details dd").stream().map(Element::wholeText)).contains("11 h 30", said);
        assertThat(pdfText(pdf(base + camille + ".pdf"))).contains("mercredi 17 mars 2027 Matin de 09h00 à 12h30 3 h 30",
                "Total des heures de présence 11 h 30");
    }

    @Test
    void a_certificate_issued_before_sessions_had_several_days_reads_as_its_only_day() throws Exception {
        long dayId = session("ZDEL", new SessionDayDraft(TUESDAY, LocalTime.of(9, 0), LocalTime.of(16, 30)));
        long old = confirmed(dayId, "Ancien", "Format");
        String code = "legacy" + System.nanoTime();
        jdbc.sql("""
                INSERT INTO attendance_certificate (event_day_id, registration_id, code, hours, half_days)
                VALUES (?, ?, ?, 7.5, 'MORNING,AFTERNOON')""").params(dayId, old, code).update();
        Document verify = new WebSession(port).page("/attestations/verifier/" + code);
        assertThat(verify.select(".verify-details dd").eachText()).contains("7 h 30", "matin, après-midi");
        assertThat(pdfText(pdf("/admin/journees/" + slug + "/attestations/inscriptions/" + old + ".pdf")))
                .contains("Matin de 09h00 à 13h00 4 h", "Après-midi de 13h00 à 16h30 3 h 30");
        // No attendance on that day: nothing to say before it moves.
        assertThat(attendanceOfSessionDay.on(dayId, day(dayId, TUESDAY).id(), Locale.FRENCH)).isEmpty();
    }
}
