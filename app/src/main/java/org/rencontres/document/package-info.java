/**
 * PDF documents from XHTML: the brochure, and later registration forms, certificates and badges.
 * Templates are Thymeleaf pages of their own modules; this module only turns their XHTML into an
 * A4, tagged (PDF/UA) PDF with embedded fonts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Document")
package org.rencontres.document;
