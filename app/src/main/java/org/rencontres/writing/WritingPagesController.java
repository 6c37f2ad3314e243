package org.rencontres.writing;

import java.util.ArrayList;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The pages of collective writing opened with a key: a participant's (from their agent's space), a
 * facilitator's (given to them by the organisers), the read-only link's, and the projector's, which shows one or several documents side by side.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WritingPagesController {

    static final int MAX_PROJECTED = 4;

    private final WritingAccess access;
    private final EditorPages pages;

    /** The three kinds of key in an address, with the WebSocket parameter that carries each. */
    private enum KeyKind {
        PARTICIPANT("participant", "cle"), FACILITATOR("animation", "animation"), READER("lecture", "lecture");

        final String segment;
        final String parameter;

        KeyKind(String segment, String parameter) {
            this.segment = segment;
            this.parameter = parameter;
        }

        static KeyKind of(String segment) {
            for (KeyKind k : values()) {
                if (k.segment.equals(segment)) {
                    return k;
                }
            }
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private Access resolve(KeyKind kind, String key) {
        var granted = switch (kind) {
            case PARTICIPANT -> access.participant(key);
            case FACILITATOR -> access.facilitator(key);
            case READER -> access.reader(key);
        };
        return granted.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /**
     * The editor opened with a key: a participant's ({@code /ecriture/participant/…}), a facilitator's, who
     * also moderates ({@code /ecriture/animation/…}), or the read-only link's ({@code /ecriture/lecture/…}).
     */
    @GetMapping("/ecriture/{kind:participant|animation|lecture}/{key}")
    String editor(@PathVariable String kind, @PathVariable String key, Model model) {
        KeyKind k = KeyKind.of(kind);
        Access a = resolve(k, key);
        return pages.editor(a, socket(a) + "?" + k.parameter + "=" + key, "/ecriture/" + k.segment + "/" + key, model);
    }

    @GetMapping("/ecriture/{kind:participant|animation|lecture}/{key}/texte.md")
    ResponseEntity<byte[]> markdown(@PathVariable String kind, @PathVariable String key) {
        return pages.markdown(resolve(KeyKind.of(kind), key).document());
    }

    @GetMapping("/ecriture/{kind:participant|animation|lecture}/{key}/texte.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String kind, @PathVariable String key) {
        return pages.pdf(resolve(KeyKind.of(kind), key).document());
    }

    /** The projector: the documents of those read-only keys side by side (up to four), large type. */
    @GetMapping("/ecriture/projection")
    String projector(@RequestParam(name = "lecture", required = false) List<String> keys, Model model) {
        if (keys == null || keys.isEmpty() || keys.size() > MAX_PROJECTED) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        List<Projected> projected = new ArrayList<>();
        for (String key : keys.stream().distinct().toList()) {
            Access a = resolve(KeyKind.READER, key);
            projected.add(new Projected(a.document(), socket(a) + "?lecture=" + key));
        }
        model.addAttribute("projected", projected);
        model.addAttribute("day", pages.day(projected.get(0).document()));
        return "writing/projector";
    }

    record Projected(WritingDocument document, String socket) {
    }

    static String socket(Access a) {
        return WritingSocketConfiguration.PATH + a.document().id();
    }
}
