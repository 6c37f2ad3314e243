package org.rencontres.programme;

import jakarta.servlet.MultipartConfigElement;
import org.rencontres.web.UploadLimit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The programme import: a file over the limit goes back to the import page, which says so in French,
 * before anything reads it.
 */
@Configuration(proxyBeanMethods = false)
class ProgrammeImportLimit {

    @Bean
    UploadLimit programmeImportUploadLimit(ObjectProvider<MultipartConfigElement> multipart) {
        return UploadLimit.of(ProgrammeImportController.ROUTE,
                UploadLimit.allowedBytes(ProgrammeImport.MAX_BYTES, multipart.getIfAvailable()) + UploadLimit.FORM_FIELDS_BYTES,
                route -> "/admin/journees/" + route.group(1) + "/programme/importer?trop-volumineux");
    }
}
