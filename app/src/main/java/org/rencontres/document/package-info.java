/**
 * PDF documents from XHTML: the brochure, registration forms, convocations, certificates, badges, sheets.
 * Templates are Thymeleaf pages of their own modules, processed by {@link PdfTemplates}; this module turns their XHTML into an
 * A4, tagged (PDF/UA) PDF with embedded fonts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Document")
package org.rencontres.document;
