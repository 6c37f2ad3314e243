package org.rencontres.registration;

import java.util.Map;

import org.rencontres.security.Organiser;
import org.rencontres.web.PathGuard;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one guard of the pages reached by a signed link, as {@code ManagedDay} is the one guard of the
 * back office: a {@link SignedLink} parameter is the address's {@code {token}} checked for the purpose
 * its {@link SignedLink.For} names, and a link that does not work ends the request here, before the
 * method runs, on the one refusal page (404 for a tampered link, 410 for a used or expired one).
 */
@Configuration(proxyBeanMethods = false)
class SignedLinkGuard extends PathGuard<SignedLink> {

    private final Links links;

    SignedLinkGuard(Links links) {
        super(SignedLink.class, "token");
        this.links = links;
    }

    @Override
    protected SignedLink resolve(MethodParameter parameter, String token) {
        SignedLink.For purpose = parameter.getParameterAnnotation(SignedLink.For.class);
        if (purpose == null) {
            throw new IllegalStateException(parameter.getExecutable() + " takes a SignedLink without @SignedLink.For");
        }
        Links.Checked checked = links.check(token, purpose.value());
        if (!checked.ok()) {
            throw new Links.LinkProblemException(checked.problem());
        }
        return new SignedLink(token, checked.link());
    }

    /**
     * The page of a link that does not work, whether the guard found it so or the action did (a
     * single-use link used meanwhile by another click). Nothing changed.
     */
    @ControllerAdvice(assignableTypes = {LinkPagesController.class, ServiceSpaceController.class, ApprovalTrailController.class})
    static class Refusals {

        @ExceptionHandler(Links.LinkProblemException.class)
        ModelAndView refused(Links.LinkProblemException e) {
            return page(e.problem);
        }

        static ModelAndView page(Links.Problem problem) {
            ModelAndView page = new ModelAndView("registration/link-problem", Map.of("problem", problem.name()),
                    problem == Links.Problem.INVALID ? HttpStatus.NOT_FOUND : HttpStatus.GONE);
            // An exception handler gets no @ModelAttribute: the layout's signed-in organiser is added here.
            Organiser.signedIn().ifPresent(organiser -> page.addObject("currentOrganiser", organiser));
            return page;
        }
    }
}
