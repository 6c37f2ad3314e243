package org.rencontres.exchange;

import java.util.regex.Pattern;

import org.rencontres.web.UploadLimit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A session document over the limit goes back to the import page, which says so in French. */
@Configuration(proxyBeanMethods = false)
class SessionDocumentSizeLimit {

    /** The largest document taken: the demo session's is about 10 KB; a large session of three days, some 200 KB. */
    static final long MAX_BYTES = 2L * 1024 * 1024;

    @Bean
    UploadLimit sessionDocumentUploadLimit() {
        return UploadLimit.of(Pattern.quote(ExchangeController.IMPORT), MAX_BYTES + UploadLimit.FORM_FIELDS_BYTES,
                route -> ExchangeController.IMPORT + "?trop-volumineux");
    }
}
