package org.rencontres.web;

import java.util.Set;

import org.rencontres.shared.FormErrors;
import org.springframework.stereotype.Component;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IPostProcessorDialect;
import org.thymeleaf.engine.AbstractTemplateHandler;
import org.thymeleaf.model.ICloseElementTag;
import org.thymeleaf.model.IOpenElementTag;
import org.thymeleaf.model.IText;
import org.thymeleaf.postprocessor.IPostProcessor;
import org.thymeleaf.postprocessor.PostProcessor;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * The title of every page that comes back with form errors starts with « Erreur : » (RGAA 8.6, 11.10): written once
 * here, for every form, rather than in each template. A page whose model holds a non-empty {@link FormErrors} named
 * {@code errors} gets the prefix ({@code form.errors.title.prefix}) in its {@code <title>}, unless its title already
 * starts with that word.
 */
@Component
class ErrorTitles extends AbstractDialect implements IPostProcessorDialect {

    static final String PREFIX_KEY = "form.errors.title.prefix";

    ErrorTitles() {
        super("Rencontres error titles");
    }

    @Override
    public int getDialectPostProcessorPrecedence() {
        return 1000;
    }

    @Override
    public Set<IPostProcessor> getPostProcessors() {
        return Set.of(new PostProcessor(TemplateMode.HTML, TitleHandler.class, 1000));
    }

    /** Prefixes the text of the {@code <title>} element when the page's {@code errors} are not empty. */
    public static final class TitleHandler extends AbstractTemplateHandler {

        private boolean inTitle;

        public TitleHandler() {
            super();
        }

        @Override
        public void handleOpenElement(IOpenElementTag tag) {
            inTitle = "title".equalsIgnoreCase(tag.getElementCompleteName());
            super.handleOpenElement(tag);
        }

        @Override
        public void handleCloseElement(ICloseElementTag tag) {
            inTitle = false;
            super.handleCloseElement(tag);
        }

        @Override
        public void handleText(IText text) {
            if (inTitle && !text.getText().isBlank() && getContext().getVariable("errors") instanceof FormErrors errors && !errors.isEmpty()) {
                inTitle = false;
                String prefix = getContext().getMessage(ErrorTitles.class, PREFIX_KEY, new Object[0], false);
                String title = text.getText().strip();
                if (prefix != null && !startsWithWordOf(title, prefix)) {
                    super.handleText(getContext().getModelFactory().createText(prefix + " " + title));
                    return;
                }
            }
            super.handleText(text);
        }

        private static boolean startsWithWordOf(String title, String prefix) {
            String word = prefix.split("[\\s\\u00a0:]", 2)[0];
            return title.regionMatches(true, 0, word, 0, word.length());
        }
    }
}
