package org.rencontres.directory;

import java.util.regex.Pattern;

import jakarta.servlet.MultipartConfigElement;
import org.rencontres.web.UploadLimit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The organisation import: a file over the server's multipart limit goes back to the import page,
 * which says so in French. The whole request counts, so a file a few hundred bytes under the limit
 * in a request over it is refused too rather than half-read.
 */
@Configuration(proxyBeanMethods = false)
class ImportSizeLimit {

    @Bean
    UploadLimit organisationImportLimit(ObjectProvider<MultipartConfigElement> multipart) {
        return UploadLimit.of(Pattern.quote(OrganisationImportController.BASE),
                UploadLimit.allowedBytes(OrganisationImports.MAX_BYTES, multipart.getIfAvailable()),
                route -> OrganisationImportController.BASE + "?trop-volumineux");
    }
}
