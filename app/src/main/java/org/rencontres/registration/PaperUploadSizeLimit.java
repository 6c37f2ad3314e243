package org.rencontres.registration;

import org.rencontres.web.UploadLimit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The paper form's scan: a scan far over the limit goes back to the paper form page with the French
 * message, nothing read. Scans just over 10 MB reach the controller and are refused there, with what
 * was typed kept.
 */
@Configuration(proxyBeanMethods = false)
class PaperUploadSizeLimit {

    /** The scan itself, plus room for the form's other fields. */
    static final long MAX_REQUEST_BYTES = PaperForms.MAX_BYTES + UploadLimit.FORM_FIELDS_BYTES;

    @Bean
    UploadLimit paperScanUploadLimit() {
        return UploadLimit.of("/admin/journees/([A-Za-z0-9]+)/inscriptions/papier", MAX_REQUEST_BYTES,
                route -> "/admin/journees/" + route.group(1) + "/inscriptions/papier?trop-volumineux");
    }
}
