package org.rencontres.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.attendance.AttendanceDocuments;
import org.rencontres.audit.AuditTrail;
import org.rencontres.document.NamedFile;
import org.rencontres.event.Day;
import org.rencontres.event.Days;
import org.rencontres.event.ManagedDay;
import org.rencontres.notification.MailLog;
import org.rencontres.registration.Registration;
import org.rencontres.registration.RegistrationPdfs;
import org.rencontres.registration.Registrations;
import org.rencontres.shared.FrenchTime;
import org.rencontres.shared.Spreadsheets;
import org.rencontres.survey.SurveySummaries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the evidence pack of a session into a stream, part by part, each from its module's public
 * API: what a part lacks (no attendance yet, no survey) is said in the manifest, never a failure.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class EvidencePacks {

    static final String MANIFEST = "manifeste.txt";
    private static final Logger log = LoggerFactory.getLogger(EvidencePacks.class);
    private static final Locale FR = Locale.FRENCH;
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Days days;
    private final Registrations registrations;
    private final RegistrationPdfs registrationPdfs;
    private final AttendanceDocuments attendance;
    private final SurveySummaries surveys;
    private final MailLog mailLog;
    private final PublicInformationDocument publicInformation;
    private final AuditTrail audit;
    private final MessageSource messages;
    /** When the manifest says the pack was made: the system clock (nothing is scheduled from it). */
    private final Clock clock = Clock.systemUTC();

    /** The name of the pack's file: « dossier-de-preuves-z20in001.zip ». */
    static String fileName(ManagedDay day) {
        return "dossier-de-preuves-" + day.slug() + ".zip";
    }

    /** Records in the session's audit trail that this organiser downloaded its pack. */
    @Transactional
    void recordDownload(ManagedDay day, long accountId, String who) {
        audit.record(day.id(), accountId, who, "evidence", "download", text("evidence.audit.download", fileName(day)));
    }

    /** Writes the whole pack of the session to {@code out}; {@code who} made it (named in the manifest). */
    void write(ManagedDay managed, String who, OutputStream out) throws IOException {
        Day day = days.find(managed.id()).orElseThrow();
        ZoneId zone = day.days().zone();
        Instant now = clock.instant();
        EvidencePack pack = new EvidencePack(out);
        List<Registration> all = registrations.ofDay(day.id());

        part(pack, "evidence.part.info", () -> List.of(new NamedFile("information-publique-et-programme.pdf",
                publicInformation.pdf(day))), "01-information-publique/", null);

        part(pack, "evidence.part.convocations", () -> all.stream()
                .map(r -> registrationPdfs.convocation(day, r)).flatMap(Optional::stream).toList(),
                "02-convocations/", "evidence.missing.convocations");

        if (attendance.anyAttendance(day.id())) {
            part(pack, "evidence.part.sheets", () -> attendance.filledSheets(managed), "03-emargement/",
                    "evidence.missing.sheets");
        } else {
            pack.missing(text("evidence.missing.attendance"));
        }

        part(pack, "evidence.part.certificates", () -> attendance.certificates(day.id()), "04-attestations/",
                "evidence.missing.certificates");

        if (surveys.hasSurvey(day.id())) {
            part(pack, "evidence.part.survey", () -> List.of(new NamedFile("resultats.csv", results(day.id()))),
                    "05-evaluation/", null);
            List<SurveySummaries.SentMail> sent = surveys.mailsSent(day.id());
            if (sent.isEmpty()) {
                pack.missing(text("evidence.missing.surveyMails"));
            } else {
                part(pack, "evidence.part.surveyMails", () -> List.of(new NamedFile("courriels-evaluation.csv",
                        surveyMails(sent, zone))), "05-evaluation/", null);
            }
        } else {
            pack.missing(text("evidence.missing.survey"));
        }

        part(pack, "evidence.part.trails", () -> all.stream().map(registrationPdfs::approvalTrail).toList(),
                "06-parcours-approbation/", "evidence.missing.trails");

        part(pack, "evidence.part.mails", () -> List.of(new NamedFile("courriels-de-la-session.csv", mails(day.id(), zone))),
                "07-courriels/", null);

        pack.finish(MANIFEST, manifest(day, who, now, pack));
    }

    /**
     * Adds a part's files under {@code folder}; none: says so ({@code noneKey}); one that cannot be made is
     * logged and said in the manifest, and the rest of the pack is still made.
     */
    private void part(EvidencePack pack, String partKey, Supplier<List<NamedFile>> files, String folder, String noneKey)
            throws IOException {
        List<NamedFile> made;
        try {
            made = files.get();
        } catch (RuntimeException e) {
            log.error("Evidence pack: part {} failed", partKey, e);
            pack.missing(text("evidence.missing.failed", text(partKey)));
            return;
        }
        if (made.isEmpty() && noneKey != null) {
            pack.missing(text(noneKey));
        }
        for (NamedFile f : made) {
            pack.add(folder + f.fileName(), f.content());
        }
    }

    /** The survey's results: one line per answer of each scale or choice question, with its count. */
    private byte[] results(long dayId) {
        SurveySummaries.DaySummary s = surveys.of(dayId);
        List<List<?>> rows = new ArrayList<>();
        rows.add(List.of(text("evidence.csv.responses"), s.responses(), text("evidence.csv.present"), s.present()));
        rows.add(List.of(text("evidence.csv.question"), text("evidence.csv.answered"), text("evidence.csv.mean"),
                text("evidence.csv.answer"), text("evidence.csv.count")));
        for (SurveySummaries.Summary q : s.questions()) {
            String mean = q.mean() == null ? "" : String.format(FR, "%.2f", q.mean());
            if (q.counts().isEmpty()) {
                rows.add(List.of(q.question(), q.answered(), mean, "", 0));
            }
            for (Map.Entry<String, Integer> c : q.counts().entrySet()) {
                rows.add(List.of(q.question(), q.answered(), mean, c.getKey(), c.getValue()));
            }
        }
        return Spreadsheets.csv(rows).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] surveyMails(List<SurveySummaries.SentMail> sent, ZoneId zone) {
        List<List<?>> rows = new ArrayList<>();
        rows.add(List.of(text("evidence.csv.date"), text("evidence.csv.kind"), text("evidence.csv.recipient")));
        for (SurveySummaries.SentMail m : sent) {
            rows.add(List.of(CSV_TIME.format(m.at().atZone(zone)), text("evidence.surveyMail." + m.kind()), m.recipient()));
        }
        return Spreadsheets.csv(rows).getBytes(StandardCharsets.UTF_8);
    }

    /** Every e-mail of the session's log, oldest first: when queued, when sent, to whom, its subject, its state. */
    private byte[] mails(long dayId, ZoneId zone) {
        List<MailLog.Entry> entries = new ArrayList<>();
        MailLog.Page page = mailLog.page(dayId, null, null, 1);
        entries.addAll(page.entries());
        for (int p = 2; p <= page.pages(); p++) {
            entries.addAll(mailLog.page(dayId, null, null, p).entries());
        }
        List<List<?>> rows = new ArrayList<>();
        rows.add(List.of(text("evidence.csv.date"), text("evidence.csv.sent"), text("evidence.csv.recipient"),
                text("evidence.csv.subject"), text("evidence.csv.state")));
        Collections.reverse(entries);
        for (MailLog.Entry e : entries) {
            rows.add(List.of(CSV_TIME.format(e.createdAt().atZone(zone)),
                    e.sentAt() == null ? "" : CSV_TIME.format(e.sentAt().atZone(zone)), e.recipient(), e.subject(),
                    e.status().name()));
        }
        return Spreadsheets.csv(rows).getBytes(StandardCharsets.UTF_8);
    }

    /** The manifest: the session, who made the pack and when, each file with its SHA-256, and what is missing. */
    private String manifest(Day day, String who, Instant now, EvidencePack pack) {
        StringBuilder m = new StringBuilder();
        m.append(text("evidence.manifest.heading", day.sessionCode().value(), day.fullTitle())).append('\n');
        m.append(day.days().frenchWhen()).append('\n');
        m.append(text("evidence.manifest.made", FrenchTime.longDate(now.atZone(day.days().zone()).toLocalDate()),
                FrenchTime.clock(now.atZone(day.days().zone()).toLocalTime().withSecond(0).withNano(0)), who)).append("\n\n");
        m.append(text("evidence.manifest.files", pack.entries().size())).append('\n');
        for (EvidencePack.Entry e : pack.entries()) {
            m.append(e.sha256()).append("  ").append(e.path()).append('\n');
        }
        m.append('\n').append(text("evidence.manifest.folders")).append('\n');
        for (String folder : List.of("01", "02", "03", "04", "05", "06", "07")) {
            m.append(text("evidence.manifest.folder." + folder)).append('\n');
        }
        m.append('\n');
        if (pack.missingParts().isEmpty()) {
            m.append(text("evidence.manifest.complete")).append('\n');
        } else {
            m.append(text("evidence.manifest.missing")).append('\n');
            pack.missingParts().forEach(line -> m.append("- ").append(line).append('\n'));
        }
        return m.toString();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, FR);
    }
}
