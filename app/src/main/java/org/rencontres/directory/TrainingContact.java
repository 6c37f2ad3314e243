package org.rencontres.directory;

/** An address of an organisation's training service ("Service formation"), the recipient of its agents' requests. */
public record TrainingContact(long id, long organisationId, String label, String email, int position) {
}
