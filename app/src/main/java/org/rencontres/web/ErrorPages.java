package org.rencontres.web;

import java.util.Map;

import jakarta.servlet.DispatcherType;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Every error page is the application's, in French: the templates under {@code templates/error/}
 * for whatever reaches Spring MVC, {@link ConnectorErrorPage} for what Tomcat refuses before, and
 * the field a refused request named ({@link InputFilter}, {@link DatabaseRefusals}) on the page.
 */
@Configuration(proxyBeanMethods = false)
class ErrorPages {

    @Bean
    FilterRegistrationBean<InputFilter> inputFilter() {
        FilterRegistrationBean<InputFilter> registration = new FilterRegistrationBean<>(new InputFilter());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        // Before Spring Security (which reads the CSRF token) but after the import's own size check.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> connectorErrorPage() {
        return new WebServerFactoryCustomizer<>() {
            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                factory.addContextCustomizers(context -> {
                    if (context.getParent() instanceof StandardHost host) {
                        for (Valve valve : host.getPipeline().getValves()) {
                            if (valve instanceof ErrorReportValve) {
                                host.getPipeline().removeValve(valve);
                            }
                        }
                        host.setErrorReportValveClass(ConnectorErrorPage.class.getName());
                        host.getPipeline().addValve(new ConnectorErrorPage());
                    }
                });
            }
        };
    }

    /** The refused field, if any, for the error page ({@code problemCode}, {@code problemField}). */
    @Bean
    ErrorAttributes errorAttributes() {
        return new DefaultErrorAttributes() {
            @Override
            public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
                Map<String, Object> attributes = super.getErrorAttributes(request, options);
                if (request.getAttribute(InputFilter.PROBLEM, RequestAttributes.SCOPE_REQUEST)
                        instanceof InputFilter.Problem problem) {
                    attributes.put("problemCode", problem.code());
                    attributes.put("problemField", problem.field());
                }
                return attributes;
            }
        };
    }
}
