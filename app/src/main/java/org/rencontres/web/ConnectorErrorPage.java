package org.rencontres.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * The page Tomcat itself shows when a request never reaches the application (a path with a bad
 * %-encoding, an address or headers too long) or when the application's error page fails: the
 * same words as the application's pages, in French, without Tomcat's name or version.
 */
public class ConnectorErrorPage extends ErrorReportValve {

    public ConnectorErrorPage() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String[] words = words(status);
        String page = """
                <!DOCTYPE html>
                <html lang="fr">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>%s – Rencontres</title>
                  <link rel="stylesheet" href="/css/site.css">
                </head>
                <body>
                <header class="site-header"><p class="site-name"><a href="/">Rencontres</a></p></header>
                <main id="contenu">
                  <h1>%s</h1>
                  <p>%s</p>
                  <p><a href="/">Retour au catalogue des journées</a></p>
                </main>
                </body>
                </html>
                """.formatted(words[0], words[0], words[1]);
        try {
            response.setContentType("text/html");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader("Content-Language", "fr");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(page);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone, or the response cannot take a body any more: nothing more to tell.
        }
    }

    static String[] words(int status) {
        return switch (status) {
            case 404 -> new String[] {"Page introuvable",
                    "La page demandée n’existe pas ou n’est plus publiée. Vérifiez l’adresse, ou retrouvez la journée dans le catalogue."};
            case 405 -> new String[] {"Demande incorrecte", "Cette adresse ne s’utilise pas ainsi. Revenez à la page précédente et utilisez ses liens et ses boutons."};
            case 413 -> new String[] {"Envoi trop volumineux",
                    "Les informations envoyées dépassent la taille acceptée. Raccourcissez les textes saisis, puis réessayez."};
            case 414, 431 -> new String[] {"Adresse trop longue",
                    "L’adresse demandée est trop longue pour être traitée. Vérifiez le lien que vous avez suivi."};
            default -> status >= 500
                    ? new String[] {"Le service rencontre un problème",
                            "Une erreur inattendue s’est produite de notre côté. Réessayez dans quelques instants\u00a0; si le problème persiste, prévenez l’organisateur de la journée."}
                    : new String[] {"Demande incorrecte",
                            "L’adresse demandée est trop longue ou contient des caractères qui ne sont pas acceptés. Vérifiez le lien que vous avez suivi."};
        };
    }
}
