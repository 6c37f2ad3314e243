package org.rencontres.event;

import org.rencontres.web.UploadLimit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The day's file uploads: a file over the limit goes back to the day's page, which says so in French. */
@Configuration(proxyBeanMethods = false)
class UploadSizeLimit {

    /** The file itself, plus room for the form's other fields. */
    static final long MAX_REQUEST_BYTES = StoredFiles.MAX_BYTES + UploadLimit.FORM_FIELDS_BYTES;

    @Bean
    UploadLimit dayFileUploadLimit() {
        return UploadLimit.of("/admin/journees/([A-Za-z0-9]+)/fichiers", MAX_REQUEST_BYTES,
                route -> "/admin/journees/" + route.group(1) + "?fichier-trop-volumineux#ressources");
    }
}
