package org.rencontres.networking;

import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.event.ManagedDay;
import org.rencontres.security.Organiser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organiser's side of a live rotation: the conductor screen for the projector, its stream, and
 * the controls for a phone (plain forms; "next round" after a confirmation page).
 */
@Controller
@RequestMapping("/admin/journees/{slug}/reseautage/{slotId}/direct")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class LiveAdminController {

    private final NetworkingSessions rotations;
    private final LiveSessions live;
    private final LiveStream stream;

    private record Target(ManagedDay day, NetworkingSession rotation, String base) {
    }

    /** The day (if this organiser manages it) and the slot's rotation, else 403 / 404. */
    private Target target(ManagedDay day, long slotId) {
        NetworkingSession rotation = rotations.ofSlot(day.id(), slotId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return new Target(day, rotation, "/admin/journees/" + day.slug() + "/reseautage/" + slotId + "/direct");
    }

    private String page(Target t, String view, Model model) {
        model.addAttribute("day", t.day());
        model.addAttribute("rotation", t.rotation());
        model.addAttribute("base", t.base());
        var state = live.state(t.rotation().id());
        if (state.isEmpty()) {
            return "networking/live/none";
        }
        model.addAttribute("state", state.get());
        model.addAttribute("nextAt", LivePages.time(state.get().nextStartsAt()));
        return view;
    }

    @GetMapping
    String screen(ManagedDay day, @PathVariable long slotId,
                  Model model) {
        return page(target(day, slotId), "networking/live/conductor", model);
    }

    @GetMapping("/flux")
    SseEmitter flux(ManagedDay day, @PathVariable long slotId,
                    HttpServletResponse response) {
        Target t = target(day, slotId);
        if (live.state(t.rotation().id()).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        LivePages.streamHeaders(response);
        return stream.subscribe(t.rotation().id(), LiveStream.View.FULL, null);
    }

    @GetMapping("/commandes")
    String controls(ManagedDay day,
                    @PathVariable long slotId, Model model) {
        return page(target(day, slotId), "networking/live/controls", model);
    }

    @GetMapping("/commandes/tour-suivant")
    String confirmNext(ManagedDay day,
                       @PathVariable long slotId, Model model) {
        return page(target(day, slotId), "networking/live/next", model);
    }

    @PostMapping("/commandes/{action}")
    String act(@AuthenticationPrincipal Organiser organiser, ManagedDay day, @PathVariable long slotId,
               @PathVariable String action, @RequestParam(name = "minutes", required = false) String minutes,
               RedirectAttributes redirect) {
        Target t = target(day, slotId);
        long id = t.rotation().id();
        LiveActor who = LiveActor.of(organiser);
        try {
            switch (action) {
                case "demarrer" -> live.start(id, who);
                case "pause" -> live.pause(id, who);
                case "reprise" -> live.resume(id, who);
                case "tour-suivant" -> live.nextRound(id, who);
                case "ajout" -> live.addTime(id, who, addedSeconds(minutes));
                default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            redirect.addFlashAttribute("notice", "live.notice." + action);
        } catch (LiveRefusal refusal) {
            redirect.addFlashAttribute("problem", refusal.messageKey());
        }
        return "redirect:" + t.base() + "/commandes";
    }

    private static int addedSeconds(String minutes) {
        return switch (minutes == null ? "" : minutes.strip()) {
            case "1" -> 60;
            case "5" -> 300;
            default -> throw new LiveRefusal("live.refused.time");
        };
    }
}
