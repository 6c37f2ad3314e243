package org.rencontres.event;

import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.document.Downloads;
import org.rencontres.security.Organiser;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/** Serves the files of a day's resources: public ones to all, reserved ones to participants only. */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ResourceFileController {

    private final Days days;
    private final StoredFiles files;

    @GetMapping("/journees/{code}/ressources/{fileId}")
    Object file(@PathVariable String code, @PathVariable String fileId, @AuthenticationPrincipal Organiser organiser) {
        Day day = days.find(code).orElseThrow(ResourceFileController::notFound);
        boolean manager = organiser != null && organiser.mayManage(day.organisingUnit());
        UUID id;
        try {
            id = UUID.fromString(fileId);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
        Resource resource = day.resources().stream().filter(r -> fileId.equals(r.storedFile())).findFirst()
                .orElseThrow(ResourceFileController::notFound);
        if (!day.status().isPublic() && !manager) {
            throw notFound();
        }
        if (resource.isReserved() && !manager) {
            // Participants' access arrives with registration; until then only the day's organisers.
            ModelAndView reserved = new ModelAndView("event/reserved");
            reserved.addObject("day", day);
            reserved.addObject("resource", resource);
            reserved.setStatus(HttpStatus.FORBIDDEN);
            return reserved;
        }
        StoredFiles.StoredFile file = files.find(day.id(), id).orElseThrow(ResourceFileController::notFound);
        return Downloads.of(file.fileName(), file.contentType(), file.content(),
                resource.isReserved() ? CacheControl.noStore() : CacheControl.noCache());
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
