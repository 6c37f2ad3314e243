package org.rencontres.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.multipart.MultipartRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.util.WebUtils;

/** French first: English only when the visitor chooses it (?lang=en), remembered in a cookie. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);
    static final String LANGUAGE_COOKIE = "rencontres-langue";

    /** Spring Boot's settings (spring.messages.*), bound here since our message source replaces Boot's. */
    @Bean
    @ConfigurationProperties("spring.messages")
    MessageSourceProperties messageSourceProperties() {
        return new MessageSourceProperties();
    }

    /** The messages of every module, with French elision (« d’Inès ») applied to « de {n} »: {@link FrenchMessageSource}. */
    @Bean
    MessageSource messageSource(MessageSourceProperties properties) {
        FrenchMessageSource source = new FrenchMessageSource();
        source.setBasenames(properties.getBasename().toArray(String[]::new));
        if (properties.getEncoding() != null) {
            source.setDefaultEncoding(properties.getEncoding().name());
        }
        source.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
        if (properties.getCacheDuration() != null) {
            source.setCacheMillis(properties.getCacheDuration().toMillis());
        }
        source.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
        source.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
        return source;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(LANGUAGE_COOKIE);
        resolver.setDefaultLocale(Locale.FRENCH);
        return resolver;
    }

    /**
     * Webjars are served by their version-less address (/webjars/htmx.org/dist/htmx.min.js) at
     * request time; rewriting every link of every page to a versioned one cost a classpath look-up
     * per link and made the public day page about three times slower (docs/benchmarks.md).
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> noResourceUrlRewriting() {
        // Declared, disabled: Spring Boot then registers none of its own.
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    /**
     * Public answers ({@link PublicCaching}): first of all filters, so that a kept answer costs neither a session
     * look-up, nor the security filters, nor a metrics observation (kept answers are not in http.server.requests).
     */
    @Bean
    FilterRegistrationBean<PublicCachingFilter> publicCachingFilter(PublicCaching caching,
            @Value("${server.servlet.session.cookie.name:JSESSIONID}") String sessionCookie) {
        FilterRegistrationBean<PublicCachingFilter> registration =
                new FilterRegistrationBean<>(new PublicCachingFilter(caching, sessionCookie, LANGUAGE_COOKIE));
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request,
                                     HttpServletResponse response, Object handler)
                    throws ServletException {
                String lang = request.getParameter(getParamName());
                // Only the languages the site is written in; anything else is ignored, never an error.
                if (lang != null && SUPPORTED.stream().noneMatch(l -> l.getLanguage().equals(lang))) {
                    return true;
                }
                return super.preHandle(request, response, handler);
            }
        };
        interceptor.setParamName("lang");
        registry.addInterceptor(interceptor);
        registry.addInterceptor(new MultipartFields());
    }

    /**
     * The text fields of an upload form (a file's title, a paper form's dates) meet the same rules as
     * every other field ({@link InputFilter}), once Spring has read the parts: the filter leaves
     * multipart requests to the upload checks, which must see them first.
     */
    static final class MultipartFields implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request,
                                 HttpServletResponse response, Object handler) {
            if (WebUtils.getNativeRequest(request,
                    MultipartRequest.class) == null) {
                return true;
            }
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                InputFilter.Problem problem = InputFilter.problem(parameter.getKey(), parameter.getValue());
                if (problem != null) {
                    throw new BadInput(problem);
                }
            }
            return true;
        }
    }
}
