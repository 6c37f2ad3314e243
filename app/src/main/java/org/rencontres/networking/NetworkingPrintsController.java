package org.rencontres.networking;

import java.util.List;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.ManagedDay;
import org.rencontres.networking.RotationData.Presence;
import org.rencontres.programme.Slot;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The printed material of a published rotation, as PDF, for the organisers of its day: route cards
 * (all participants, or one, or those a re-planning changed), table sheets and the whole plan. Access to
 * the day is checked before anything is read; an unpublished plan gives a 404 page saying what to do, and
 * the cards to reprint when none is a page saying so. Thin: the layout is in
 * {@link NetworkingPrints}.
 */
@Controller
@RequestMapping("/admin/journees/{slug}/reseautage/{slotId}/impressions")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class NetworkingPrintsController {

    private final NetworkingAdmin admin;
    private final NetworkingPrints prints;
    private final RotationStore store;

    /** The day, the rotation and its published plan; 403, 404, or {@link NotPublished}. */
    private record Printable(ManagedDay day, Slot slot, NetworkingSession session, PublishedPlan plan) {
        String fileName(String kind) {
            return kind + "-" + day.slug() + "-" + slot.id() + ".pdf";
        }
    }

    /** A rotation whose plan is not published: nothing to print yet. */
    static final class NotPublished extends RuntimeException {
        private final transient ManagedDay day;
        private final transient NetworkingSession session;

        NotPublished(ManagedDay day, NetworkingSession session) {
            super(null, null, false, false);
            this.day = day;
            this.session = session;
        }
    }

    private Printable printable(ManagedDay day, long slotId) {
        Slot slot = admin.networkingSlot(day.id(), slotId);
        NetworkingSession session = admin.ofSlot(day.id(), slotId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        PublishedPlan plan = prints.published(session).orElseThrow(() -> new NotPublished(day, session));
        return new Printable(day, slot, session, plan);
    }

    @GetMapping("/parcours.pdf")
    Object routeCards(ManagedDay day,
                                      @PathVariable long slotId,
                                      @RequestParam(name = "participant", required = false) Long participantId,
                                      @RequestParam(name = "reimpression", required = false) String reprintOnly) {
        Printable p = printable(day, slotId);
        List<NetworkingPrints.Card> cards = prints.cards(p.plan(), participantId);
        if (reprintOnly != null) {
            // Only the cards whose route changed on the day (flagged by the re-planning).
            Map<Long, Presence> presences = store.presences(p.session().id());
            cards = cards.stream().filter(c -> presences.containsKey(c.participantId())
                    && presences.get(c.participantId()).reprint()).toList();
            if (cards.isEmpty()) {
                // Nothing re-planned (or every card reprinted already): a page that says so, not an error.
                ModelAndView none = new ModelAndView("networking/admin/reprint-none");
                none.addObject("day", p.day());
                none.addObject("rotation", p.session());
                none.addObject("base", "/admin/journees/" + p.day().slug() + "/reseautage/" + p.session().slotId());
                return none;
            }
        }
        if (cards.isEmpty()) {
            // Someone not in this plan (or a plan nobody sits in): nothing to print, nothing revealed.
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        String name = participantId == null ? p.fileName("parcours") : p.fileName("parcours-" + participantId);
        return pdf(name, prints.routeCards(p.day(), p.session(), p.plan(), cards));
    }

    @GetMapping("/tables.pdf")
    ResponseEntity<byte[]> tables(ManagedDay day,
                                  @PathVariable long slotId) {
        Printable p = printable(day, slotId);
        return pdf(p.fileName("tables"), prints.tables(p.day(), p.session(), p.plan()));
    }

    @GetMapping("/plan.pdf")
    ResponseEntity<byte[]> wholePlan(ManagedDay day,
                                     @PathVariable long slotId) {
        Printable p = printable(day, slotId);
        return pdf(p.fileName("plan"), prints.wholePlan(p.day(), p.session(), p.plan()));
    }

    @ExceptionHandler(NotPublished.class)
    ModelAndView notPublished(NotPublished e) {
        ModelAndView page = new ModelAndView("networking/admin/prints-none", HttpStatus.NOT_FOUND);
        page.addObject("day", e.day);
        page.addObject("rotation", e.session);
        page.addObject("base", "/admin/journees/" + e.day.slug() + "/reseautage/" + e.session.slotId());
        return page;
    }

    private static ResponseEntity<byte[]> pdf(String fileName, byte[] pdf) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build().toString())
                .body(pdf);
    }
}
