package org.rencontres.document;

import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.ConversionService;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * A Thymeleaf template of a module turned into a PDF: the one place that processes the template
 * (with the application's beans and conversions at hand, as in a page: {@code ${@bean...}},
 * {@code ${{value}}}) and hands the XHTML to {@link PdfRenderer}.
 */
@Component
public class PdfTemplates {

    private final PdfRenderer renderer;
    private final ITemplateEngine templates;
    private final ApplicationContext application;
    private final ConversionService conversions;

    PdfTemplates(PdfRenderer renderer, ITemplateEngine templates, ApplicationContext application) {
        this.renderer = renderer;
        this.templates = templates;
        this.application = application;
        this.conversions = application.getBeanProvider(ConversionService.class).getIfUnique();
    }

    /** The PDF of {@code template} (such as {@code "attendance/pdf/badges"}) with the variables of {@code context}. */
    public byte[] render(String template, Context context) {
        return render(template, context, null);
    }

    /**
     * As {@link #render(String, Context)}, relative links written against {@code baseUri} (nothing is
     * fetched from it).
     *
     * @throws PdfRenderingException when the document cannot be parsed or laid out
     */
    public byte[] render(String template, Context context, String baseUri) {
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(application, conversions));
        return renderer.render(templates.process(template, context), baseUri);
    }
}
