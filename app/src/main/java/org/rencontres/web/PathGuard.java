package org.rencontres.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A controller parameter that exists only once a variable of the address has been checked: the day of
 * {@code {slug}} the organiser manages (event's {@code ManagedDayResolver}), the link of {@code {token}}
 * (registration's {@code SignedLinkGuard}). The subclass decides, or ends the request with its refusal,
 * before the method runs; the method cannot forget the check, it has nothing to work on without it.
 *
 * @param <T> the parameter's type
 */
@RequiredArgsConstructor(access = AccessLevel.PROTECTED)
public abstract class PathGuard<T> implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final Class<T> type;
    private final String variable;

    /** What the checked value of the address gives, or a refusal (an exception the application answers). */
    protected abstract T resolve(MethodParameter parameter, String value);

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == type;
    }

    @Override
    public T resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                             WebDataBinderFactory binders) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        String value = variables == null ? null : variables.get(variable);
        if (value == null) {
            throw new IllegalStateException(parameter.getExecutable() + " takes a " + type.getSimpleName()
                    + " without {" + variable + "} in its address");
        }
        T resolved = resolve(parameter, value);
        exposeToTheView(request, value);
        return resolved;
    }

    /** As Spring MVC does for a {@code @PathVariable} argument: the page's template may use the variable. */
    private void exposeToTheView(NativeWebRequest request, String value) {
        @SuppressWarnings("unchecked")
        Map<String, Object> exposed = (Map<String, Object>) request.getAttribute(View.PATH_VARIABLES,
                RequestAttributes.SCOPE_REQUEST);
        if (exposed == null) {
            exposed = new HashMap<>();
            request.setAttribute(View.PATH_VARIABLES, exposed, RequestAttributes.SCOPE_REQUEST);
        }
        exposed.put(variable, value);
    }
}
