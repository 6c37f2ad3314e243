package org.rencontres.programme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpSession;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.rencontres.event.ManagedDay;
import org.rencontres.security.Organiser;
import org.rencontres.programme.ProgrammeSheet.Column;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FrenchTime;
import org.rencontres.web.Confirmation;
import org.rencontres.web.UploadLimit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Import of a programme from a spreadsheet: the template to download, the upload, the preview with
 * every problem by line, then the confirmation (adding the slots, or replacing the programme after a
 * second confirmation that says how many slots go). The file waits in the database (any instance
 * confirms it) under a random token ({@link ProgrammeImport.Pending}); nothing the page sends but the token and the choice
 * is trusted, and the lines are checked again on confirmation.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
@RequestMapping("/admin/journees/{slug}/programme/importer")
class ProgrammeImportController {

    static final String ROUTE = "/admin/journees/([A-Za-z0-9]+)/programme/importer";
    private static final String REPLACE = "remplacer";

    private final ProgrammeImport imports;
    private final ProgrammeTemplate template;
    private final MessageSource messages;
    private final ObjectProvider<MultipartConfigElement> multipart;

    @GetMapping
    String form(ManagedDay day, @RequestParam(name = "trop-volumineux", required = false) String tooLarge,
                Model model, Locale locale) {
        return page(day, tooLarge == null ? null : FieldProblem.general("sheet.error.size", megabytes()), model,
                locale);
    }

    @GetMapping("/modele-programme.xlsx")
    ResponseEntity<byte[]> templateXlsx(ManagedDay day) {
        return download("modele-programme.xlsx",
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                template.templateXlsx(day));
    }

    @GetMapping("/modele-programme.csv")
    ResponseEntity<byte[]> templateCsv(ManagedDay day) {
        return download("modele-programme.csv", new MediaType("text", "csv", StandardCharsets.UTF_8),
                template.templateCsv(day).getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping
    String upload(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                  @RequestParam(name = "fichier", required = false) MultipartFile file,
                  @RequestParam(name = "mode", defaultValue = "ajouter") String mode, HttpSession session,
                  Model model, Locale locale) throws IOException {
        if (file == null || file.isEmpty()) {
            boolean named = file != null && file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank();
            return page(day, FieldProblem.general(named ? "sheet.error.empty" : "sheet.error.nofile"), model, locale);
        }
        if (file.getSize() > maxBytes()) {
            return page(day, FieldProblem.general("sheet.error.size", megabytes()), model, locale);
        }
        byte[] content = file.getBytes();
        ProgrammeSheet.Table table = imports.read(content);
        if (!table.readable()) {
            return page(day, table.problem(), model, locale);
        }
        ProgrammeImport.Pending pending = imports.keep(day, organiser.accountId(), session.getId(), fileName(file), content,
                table.lines());
        return "redirect:" + base(day) + "/apercu?jeton=" + pending.token() + "&mode="
                + (REPLACE.equals(mode) ? REPLACE : "ajouter");
    }

    @GetMapping("/apercu")
    String preview(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                   @RequestParam(name = "jeton", defaultValue = "") String token,
                   @RequestParam(name = "mode", defaultValue = "ajouter") String mode, HttpSession session,
                   Model model, Locale locale) {
        ProgrammeImport.Pending pending = pending(day, token, organiser, session);
        if (pending == null) {
            return page(day, FieldProblem.general("sheet.error.expired"), model, locale);
        }
        boolean replace = REPLACE.equals(mode);
        return previewPage(day, pending, imports.check(day, pending.lines(), replace), replace, model, locale);
    }

    @PostMapping("/confirmer")
    String confirm(@AuthenticationPrincipal Organiser organiser, ManagedDay day,
                   @RequestParam(name = "jeton", defaultValue = "") String token,
                   @RequestParam(name = "mode", defaultValue = "ajouter") String mode,
                   @RequestParam(name = "confirme", required = false) String confirmed, HttpSession session,
                   Model model, Locale locale, RedirectAttributes redirect) {
        ProgrammeImport.Pending pending = pending(day, token, organiser, session);
        if (pending == null) {
            return page(day, FieldProblem.general("sheet.error.expired"), model, locale);
        }
        boolean replace = REPLACE.equals(mode);
        if (replace && confirmed == null) {
            ProgrammeImport.Preview preview = imports.check(day, pending.lines(), true);
            if (preview.existing() > 0 && preview.importable()) {
                return confirmReplace(day, pending, preview, model, locale);
            }
        }
        ProgrammeImport.Applied applied = imports.apply(day, organiser, pending, replace);
        if (!applied.done()) {
            // The programme changed since the preview and a line no longer fits: nothing was saved.
            model.addAttribute("changed", true);
            return previewPage(day, pending, applied.preview(), replace, model, locale);
        }
        imports.discard(day.id(), organiser.accountId(), session.getId());
        redirect.addFlashAttribute("notice", "programme.notice.imported");
        redirect.addFlashAttribute("noticeTitle", message("sheet.done", locale, applied.added(), applied.removed(),
                applied.peopleCreated()));
        return "redirect:/admin/journees/" + day.slug() + "/programme";
    }

    @PostMapping("/annuler")
    String cancel(@AuthenticationPrincipal Organiser organiser, ManagedDay day, HttpSession session) {
        imports.discard(day.id(), organiser.accountId(), session.getId());
        return "redirect:/admin/journees/" + day.slug() + "/programme";
    }

    private String confirmReplace(ManagedDay day, ProgrammeImport.Pending pending, ProgrammeImport.Preview preview,
                                  Model model, Locale locale) {
        Confirmation confirmation = Confirmation.of(
                        message("sheet.replace.title", locale, day.sessionCode()),
                        message("sheet.replace.text", locale, preview.existing(), preview.slots()),
                        base(day) + "/confirmer", message("sheet.replace.confirm", locale, preview.existing()),
                        base(day) + "/apercu?jeton=" + pending.token() + "&mode=" + REPLACE,
                        message("sheet.replace.cancel", locale))
                .sending("jeton", pending.token()).sending("mode", REPLACE).sending("confirme", "oui");
        List<String> dependents = imports.dependents(day.id());
        if (!dependents.isEmpty()) {
            confirmation = confirmation.alerting(message("sheet.replace.dependents", locale,
                    String.join(", ", dependents)));
        }
        return confirmation.show(model);
    }

    private ProgrammeImport.Pending pending(ManagedDay day, String token, Organiser organiser, HttpSession session) {
        return imports.pending(day.id(), organiser.accountId(), session.getId(), token)
                .filter(p -> p.valid(token, day.id(), Instant.now())).orElse(null);
    }

    private String page(ManagedDay day, FieldProblem problem, Model model, Locale locale) {
        model.addAttribute("day", day);
        model.addAttribute("problem", problem == null ? null
                : messages.getMessage(problem.code(), problem.args().toArray(), locale));
        model.addAttribute("maxSize", megabytes());
        model.addAttribute("maxLines", ProgrammeSheet.MAX_LINES);
        model.addAttribute("columns", ProgrammeSheet.Column.values());
        model.addAttribute("kinds", imports.kindLabels());
        return "programme/admin/import";
    }

    private String previewPage(ManagedDay day, ProgrammeImport.Pending pending, ProgrammeImport.Preview preview,
                               boolean replace, Model model, Locale locale) {
        model.addAttribute("day", day);
        model.addAttribute("pending", pending);
        model.addAttribute("preview", preview);
        model.addAttribute("replace", replace);
        model.addAttribute("problems", texts(preview.problems(), locale));
        model.addAttribute("notes", texts(preview.notes(), locale));
        model.addAttribute("tables", tables(preview, locale));
        return "programme/admin/import-preview";
    }

    /** The lines of one day as the preview's table shows them. */
    record DayTable(String caption, List<PreviewRow> rows) {
    }

    /** A line as the preview shows it: the slot it makes, or its cells as typed when it is wrong. */
    record PreviewRow(int line, String when, String kind, String title, String people, String room, boolean wrong,
                      List<ProblemText> problems) {
    }

    private List<DayTable> tables(ProgrammeImport.Preview preview, Locale locale) {
        List<DayTable> tables = new ArrayList<>();
        preview.byDay().forEach((sheetDay, lines) -> tables.add(new DayTable(sheetDay == null
                ? message("sheet.preview.day.unknown", locale)
                : message("sheet.preview.day", locale, sheetDay.number(), FrenchTime.longDate(sheetDay.date()),
                        FrenchTime.clock(sheetDay.startsAt()), FrenchTime.clock(sheetDay.endsAt())),
                lines.stream().map(l -> row(l, locale)).toList())));
        return tables;
    }

    private PreviewRow row(ProgrammeImport.CheckedLine l, Locale locale) {
        ProgrammeSheet.Line line = l.line();
        SlotDraft d = l.draft();
        List<ProblemText> problems = texts(l.problems(), locale);
        if (d == null) {
            return new PreviewRow(line.number(), message("slot.range", locale, line.cell(Column.START),
                    line.cell(Column.END)), line.cell(Column.KIND), line.cell(Column.TITLE), line.cell(Column.PEOPLE),
                    line.cell(Column.ROOM), l.wrong(), problems);
        }
        return new PreviewRow(line.number(), message("slot.range", locale, FrenchTime.clock(d.startsAt()),
                FrenchTime.clock(d.endsAt())), message("programme.kind." + d.kind().name(), locale), d.title(),
                line.cell(Column.PEOPLE), d.track() == null ? message("slot.track.main", locale) : d.track(),
                l.wrong(), problems);
    }

    /** A problem as the page shows it: « Ligne 7 : l'heure de fin (10h) est avant l'heure de début (11h). » */
    record ProblemText(int line, String column, String text) {
    }

    private List<ProblemText> texts(List<ProgrammeImport.SheetProblem> problems, Locale locale) {
        return problems.stream().map(p -> {
            String text = messages.getMessage(p.problem().code(), p.problem().args().toArray(), locale);
            // The import's own messages are written to follow "Ligne 7 :" (and may start with a name); the editor's are sentences.
            return new ProblemText(p.line(), p.column().header(), message("sheet.problem", locale, p.line(),
                    p.problem().code().startsWith("sheet.") ? text : lowerFirst(text)));
        }).toList();
    }

    /** "Ce créneau chevauche…" after "Ligne 7 :" reads "ce créneau chevauche…"; "« Atelier »" or "ONU" stay. */
    static String lowerFirst(String text) {
        if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && Character.isLowerCase(text.charAt(1))) {
            return Character.toLowerCase(text.charAt(0)) + text.substring(1);
        }
        return text;
    }

    private static ResponseEntity<byte[]> download(String name, MediaType type, byte[] content) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(content);
    }

    private static String fileName(MultipartFile file) {
        String name = file.getOriginalFilename();
        if (name == null || name.isBlank()) {
            return "fichier";
        }
        // The name as the organiser's computer gave it, without its folders, kept short for the audit trail.
        String base = name.replaceAll(".*[/\\\\]", "").strip();
        return base.length() > 120 ? base.substring(0, 120) : base;
    }

    private static String base(ManagedDay day) {
        return "/admin/journees/" + day.slug() + "/programme/importer";
    }

    private String megabytes() {
        return UploadLimit.megabytes(maxBytes());
    }

    private long maxBytes() {
        return UploadLimit.allowedBytes(ProgrammeImport.MAX_BYTES, multipart.getIfAvailable());
    }

    private String message(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, locale);
    }
}
