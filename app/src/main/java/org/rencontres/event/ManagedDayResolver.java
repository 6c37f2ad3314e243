package org.rencontres.event;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.rencontres.security.Organiser;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The one guard of the back office's day pages: a controller method that takes a {@link ManagedDay}
 * gets the day of the address's {@code {slug}} only if the signed-in organiser may manage it; otherwise
 * the request ends there, in 404 (no such day) or 403 (another organising unit's day), before the
 * method runs. A controller never calls {@link DayAccess} itself.
 */
@Configuration(proxyBeanMethods = false)
class ManagedDayResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    /** The name of the address's variable that holds the day ({@code /admin/journees/{slug}/…}). */
    static final String SLUG = "slug";

    private final DayAccess access;

    ManagedDayResolver(DayAccess access) {
        this.access = access;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ManagedDay.class;
    }

    @Override
    public ManagedDay resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                      WebDataBinderFactory binders) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        String slug = variables == null ? null : variables.get(SLUG);
        if (slug == null) {
            throw new IllegalStateException(parameter.getExecutable() + " takes a ManagedDay without {slug} in its address");
        }
        ManagedDay day = access.requireManage(signedIn(), slug);
        exposeToTheView(request, slug);
        return day;
    }

    /**
     * As Spring MVC does for a {@code @PathVariable} argument: the page's template may use {@code ${slug}}
     * (links to the day's other pages).
     */
    private static void exposeToTheView(NativeWebRequest request, String slug) {
        @SuppressWarnings("unchecked")
        Map<String, Object> exposed = (Map<String, Object>) request.getAttribute(View.PATH_VARIABLES,
                RequestAttributes.SCOPE_REQUEST);
        if (exposed == null) {
            exposed = new HashMap<>();
            request.setAttribute(View.PATH_VARIABLES, exposed, RequestAttributes.SCOPE_REQUEST);
        }
        exposed.put(SLUG, slug);
    }

    private static Organiser signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Organiser organiser ? organiser : null;
    }
}
