package org.rencontres.networking;

import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The public side of a live rotation: a participant's page ("your table now / next") and the
 * stream it follows. The stream sends the clock, and a participant's own tables when asked with
 * their key, never the other participants' names (those are for the organisers' screen).
 */
@Controller
@RequestMapping("/reseautage/direct/{sessionId}")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class LiveController {

    private final LiveSessions live;
    private final LiveStream stream;

    @GetMapping("/participant/{key}")
    String participant(@PathVariable long sessionId, @PathVariable String key, Model model) {
        LiveSeatNow seat = live.seatOf(sessionId, key).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("seat", seat);
        model.addAttribute("state", seat.state());
        model.addAttribute("nextAt", LivePages.time(seat.state().nextStartsAt()));
        model.addAttribute("flux", "/reseautage/direct/" + sessionId + "/flux");
        return "networking/live/participant";
    }

    @GetMapping("/flux")
    SseEmitter flux(@PathVariable long sessionId, @RequestParam(name = "participant", required = false) String key,
                    HttpServletResponse response) {
        boolean known = key == null ? live.state(sessionId).isPresent() : live.seatOf(sessionId, key).isPresent();
        if (!known) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        LivePages.streamHeaders(response);
        return stream.subscribe(sessionId, LiveStream.View.CLOCK, key);
    }
}
