package org.rencontres.registration.needs;

import java.util.Map;

/**
 * A session's requests with needs counted, never named: by kind (a request may have several) and by
 * the arrangement's state. Only live registrations count (a withdrawn or refused one does not come).
 */
public record NeedCounts(int requests, Map<NeedKind, Integer> byKind, Map<ArrangementState, Integer> byState) {
}
