package org.rencontres.notification;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders an e-mail from Thymeleaf templates, one pair per language:
 * {@code templates/<name>.<lang>.txt} (plain text, Thymeleaf's TEXT mode: write values with {@code [(${…})]}, since {@code [[${…}]]} would HTML-escape them) and
 * {@code templates/<name>.<lang>.html} (HTML), where {@code <lang>} is {@code fr} or {@code en}, or one
 * pair {@code templates/<name>.txt} and {@code .html} for all languages when every word comes from the
 * messages (the locale is then {@code #locale}). The
 * subject is the HTML part's {@code <title>}. Any other language falls back to French. Templates may
 * use the application's messages ({@code #{…}}).
 */
@Component
public class MailTemplates {

    private static final Set<String> LANGUAGES = Set.of("fr", "en");
    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    /** The template file chosen for a name, language and suffix. */
    private final Map<String, String> chosen = new ConcurrentHashMap<>();

    MailTemplates(MessageSource messages) {
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 1));
        engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 2));
        engine.setTemplateEngineMessageSource(messages);
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setResolvablePatterns(Set.of("*" + suffix));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        resolver.setCacheable(true);
        return resolver;
    }

    /**
     * {@code name.<lang><suffix>} when there is one, else {@code name<suffix>}: a template whose
     * words all come from the messages serves every language.
     */
    private String template(String name, String language, String suffix) {
        // Looked up once per name: a look-up in the packaged jar's class path costs more than the rendering's
        // use of the template cache.
        return chosen.computeIfAbsent(name + "." + language + suffix, specific ->
                MailTemplates.class.getClassLoader().getResource("templates/" + specific) != null
                        ? specific : name + suffix);
    }

    /**
     * Renders template {@code name} (for instance {@code notification/test-message}) in the
     * recipient's language.
     */
    public MailContent render(String name, Locale locale, Map<String, ?> variables) {
        String language = locale != null && LANGUAGES.contains(locale.getLanguage()) ? locale.getLanguage() : "fr";
        Locale used = Locale.forLanguageTag(language);
        Context context = new Context(used);
        variables.forEach(context::setVariable);
        String text = engine.process(template(name, language, ".txt"), context);
        String html = engine.process(template(name, language, ".html"), context);
        Matcher title = TITLE.matcher(html);
        if (!title.find()) {
            throw new IllegalStateException("The HTML template of " + name + " has no <title> (the subject)");
        }
        String subject = HtmlUtils.htmlUnescape(title.group(1)).strip().replaceAll("\\s+", " ");
        return new MailContent(subject, text, html);
    }
}
