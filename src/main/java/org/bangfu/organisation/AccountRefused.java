package org.bangfu.organisation;

import org.bangfu.shared.ApiMessages;
import org.springframework.security.access.AccessDeniedException;

/**
 * A change of accounts that separation of duties forbids (三员分立): managing one's own account. The REST API
 * answers 403 with the message of {@link #messageKey()}.
 */
class AccountRefused extends AccessDeniedException implements ApiMessages.Keyed {

    private final String messageKey;

    AccountRefused(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    @Override
    public String messageKey() {
        return messageKey;
    }
}
