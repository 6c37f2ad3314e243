package org.rencontres.networking;

/**
 * A control that does not apply to the rotation as it stands (pausing a paused clock, …): nothing
 * changed. The message key (bundle i18n/networking) says why in French.
 */
class LiveRefusal extends RuntimeException {

    private final String messageKey;

    public LiveRefusal(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
