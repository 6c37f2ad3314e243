package org.rencontres.directory;

import java.io.Serial;

/** An operation of the directory that cannot be done, with the message (key and argument) that says why. */
class DirectoryRefusal extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final String argument;

    public DirectoryRefusal(String messageKey, String argument) {
        super(messageKey);
        this.messageKey = messageKey;
        this.argument = argument;
    }

    public String messageKey() {
        return messageKey;
    }

    public String argument() {
        return argument;
    }
}
