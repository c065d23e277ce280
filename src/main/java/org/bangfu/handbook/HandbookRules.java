package org.bangfu.handbook;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bangfu.household.Attachments.AttachmentInfo;
import org.bangfu.household.Attachments;
import org.bangfu.household.HouseholdFile;
import org.bangfu.household.HouseholdNotFound;
import org.bangfu.household.HouseholdStage;
import org.bangfu.household.Households;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * What every entry of the handbook obeys: it is written by those who may change the household's file, never once the
 * household has left assistance (the handbook then stays as it was); its photos and confirmations are images of this
 * household's file; its texts fit their columns.
 */
@Component
class HandbookRules {

    private final Households households;
    private final Attachments attachments;

    HandbookRules(Households households, Attachments attachments) {
        this.households = households;
        this.attachments = attachments;
    }

    /** The household, if the caller may see it; else as if it did not exist. */
    HouseholdFile visible(long householdId) {
        return households.find(householdId).orElseThrow(() -> new HouseholdNotFound(householdId));
    }

    /** The household, if the caller may write its handbook now. */
    HouseholdFile writable(long householdId) {
        HouseholdFile file = visible(householdId);
        if (!file.editable()) {
            throw new AccessDeniedException("read-only");
        }
        if (file.stage() == HouseholdStage.EXITED) {
            throw new InvalidInput(List.of(new FieldError("household", "handbook.exited")));
        }
        return file;
    }

    /**
     * Keeps a signature drawn on the screen (a PNG) as the file's attachment, in the caller's transaction: when the
     * entry it confirms is refused, the signature goes with it.
     */
    long storeSignature(long householdId, byte[] png) {
        return attachments.add(householdId, Attachments.Kind.SIGNATURE, "signature.png", png).id();
    }

    /** What an entry may show of the household's file: its pictures, read once when the entry first names one. */
    Pictures pictures(long householdId) {
        return new Pictures(householdId);
    }

    final class Pictures {

        private final long householdId;
        private Map<Long, AttachmentInfo> images;

        private Pictures(long householdId) {
            this.householdId = householdId;
        }

        void checkPhotos(List<Long> photoIds, List<FieldError> errors) {
            if (photoIds == null || photoIds.isEmpty()) {
                return;
            }
            if (photoIds.size() > 20) {
                errors.add(new FieldError("photoIds", "handbook.photos.tooMany", 20));
            } else if (!photoIds.stream().allMatch(images()::containsKey)) {
                errors.add(new FieldError("photoIds", "handbook.photos.unknown"));
            }
        }

        /** A signature is a drawn picture, a paper confirmation a photo, both of this household's file. */
        void checkConfirmation(Confirmation confirmation, Long attachmentId, List<FieldError> errors) {
            if (confirmation == null || confirmation == Confirmation.NONE) {
                if (attachmentId != null) {
                    errors.add(new FieldError("confirmation", "handbook.confirmation.kindRequired"));
                }
                return;
            }
            if (attachmentId == null) {
                errors.add(new FieldError("confirmation", "handbook.confirmation.missing." + confirmation.name()));
                return;
            }
            AttachmentInfo attachment = images().get(attachmentId);
            boolean signature = attachment != null && attachment.kind() == Attachments.Kind.SIGNATURE;
            if (attachment == null || (confirmation == Confirmation.SIGNATURE) != signature) {
                errors.add(new FieldError("confirmation", "handbook.confirmation.unknown"));
            }
        }

        private Map<Long, AttachmentInfo> images() {
            if (images == null) {
                images = attachments.list(householdId).stream().filter(a -> a.contentType().startsWith("image/"))
                        .collect(Collectors.toMap(AttachmentInfo::id, Function.identity()));
            }
            return images;
        }
    }

    /** Adds an error when a text is required and missing. */
    static void required(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "form.required"));
        }
    }

    /** Adds an error when a text is longer than its column. */
    static void fits(String field, String value, int max, List<FieldError> errors) {
        if (value != null && value.strip().length() > max) {
            errors.add(new FieldError(field, "form.tooLong", max));
        }
    }

    static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
