package org.bangfu.household;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.SignedInUser;
import org.bangfu.shell.PhotoField;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Photos and scanned documents of a household (consent form, certificates, house photos). The type is judged
 * by the content, never by the name; a picture (a photo, a signature, any JPEG or PNG) is decoded before it is kept;
 * the size is limited; only those who may see the household can list or fetch them, and only those who may change it
 * can add one.
 */
@Service
public class Attachments {

    private final JdbcClient jdbc;
    private final Households households;
    private final Clock clock;
    private final DataSize maxSize;
    private final TransactionTemplate tx;

    Attachments(JdbcClient jdbc, Households households, Clock clock,
            @Value("${bangfu.attachments.max-size:10MB}") DataSize maxSize, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.households = households;
        this.clock = clock;
        this.maxSize = maxSize;
        this.tx = tx;
    }

    public DataSize maxSize() {
        return maxSize;
    }

    @Transactional
    public AttachmentInfo add(long householdId, Kind kind, String originalName, byte[] content) {
        SignedInUser user = CurrentUser.require();
        households.requireEditable(householdId);
        if (content == null || content.length == 0) {
            throw new InvalidInput(List.of(new FieldError("file", "attachment.empty")));
        }
        if (content.length > maxSize.toBytes()) {
            throw new InvalidInput(List.of(new FieldError("file", "attachment.tooLarge", maxSize.toMegabytes())));
        }
        Kind kept = kind == null ? Kind.OTHER : kind;
        String type = contentType(content).orElse(null);
        if (kept.isPicture() && (type == null || !PICTURE_TYPES.contains(type))) {
            throw new InvalidInput(List.of(new FieldError("file", "attachment.picture")));
        }
        if (type == null) {
            throw new InvalidInput(List.of(new FieldError("file", "attachment.type")));
        }
        Pictures.Verdict picture = PICTURE_TYPES.contains(type) ? Pictures.check(content, type) : null;
        if (picture == Pictures.Verdict.NOT_A_PICTURE) {
            throw new InvalidInput(List.of(new FieldError("file", "attachment.picture")));
        }
        if (picture == Pictures.Verdict.TOO_LARGE) {
            throw new InvalidInput(List.of(new FieldError("file", "attachment.picture.tooLarge", Pictures.MAX_MEGAPIXELS)));
        }
        String name = safeName(originalName);
        Instant now = clock.instant();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into bf_attachment (household_id, kind, original_name, content_type, size_bytes, sha256, content,
                                           uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(householdId, kept.name(), name, type, content.length, sha256(content), content, user.getUsername(),
                        OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update(keys, "id");
        households.recordAttachment(householdId, name);
        return new AttachmentInfo(keys.getKey().longValue(), kept, name, type, content.length, user.getUsername(), now);
    }

    /** Stores each photo a form's photo field receives as the household's attachment of this kind. */
    public PhotoField.Uploader uploader(long householdId, Kind kind) {
        return (name, content) -> {
            try {
                return String.valueOf(tx.execute(status -> add(householdId, kind, name, content)).id());
            } catch (InvalidInput refused) {
                FieldError error = refused.errors().get(0);
                throw new PhotoField.Refused(error.messageKey(), error.arguments());
            }
        };
    }

    @Transactional(readOnly = true)
    public List<AttachmentInfo> list(long householdId) {
        if (!households.isVisible(householdId)) {
            throw new HouseholdNotFound(householdId);
        }
        return jdbc.sql("""
                select id, kind, original_name, content_type, size_bytes, uploaded_by, uploaded_at from bf_attachment
                 where household_id = ? order by uploaded_at desc, id desc""")
                .param(householdId)
                .query((rs, n) -> new AttachmentInfo(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getLong(5), rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** The attachment with its content, if the caller may see its household. */
    @Transactional(readOnly = true)
    public Optional<Download> download(long householdId, long attachmentId) {
        if (!households.isVisible(householdId)) {
            return Optional.empty();
        }
        return jdbc.sql("select original_name, content_type, content from bf_attachment where id = ? and household_id = ?")
                .params(attachmentId, householdId)
                .query((rs, n) -> new Download(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    /** The types Bangfu keeps, recognised by their first bytes. */
    static Optional<String> contentType(byte[] c) {
        if (starts(c, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (starts(c, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (starts(c, '%', 'P', 'D', 'F', '-')) {
            return Optional.of("application/pdf");
        }
        if (c.length >= 12 && starts(c, 'R', 'I', 'F', 'F') && c[8] == 'W' && c[9] == 'E' && c[10] == 'B' && c[11] == 'P') {
            return Optional.of("image/webp");
        }
        if (c.length >= 12 && c[4] == 'f' && c[5] == 't' && c[6] == 'y' && c[7] == 'p') {
            String brand = new String(c, 8, 4, java.nio.charset.StandardCharsets.US_ASCII);
            if (List.of("heic", "heix", "mif1", "msf1").contains(brand)) {
                return Optional.of("image/heic");
            }
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String safeName(String name) {
        String base = name == null || name.isBlank() ? "attachment" : name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What an attachment shows: a consent form, a certificate, a photo. */
    public enum Kind {
        CONSENT, CERTIFICATE, HOUSE_PHOTO, VISIT_PHOTO, SIGNATURE, OTHER;

        /** Photos and signatures are shown and printed as pictures: they must be JPEG or PNG that open. */
        public boolean isPicture() {
            return this == HOUSE_PHOTO || this == VISIT_PHOTO || this == SIGNATURE;
        }
    }

    /** The types a picture may have: what browsers show and the JDK decodes (a phone's camera sends JPEG). */
    private static final List<String> PICTURE_TYPES = List.of("image/jpeg", "image/png");

    public record AttachmentInfo(long id, Kind kind, String originalName, String contentType, long size,
            String uploadedBy, Instant uploadedAt) {
    }

    public record Download(String originalName, String contentType, byte[] content) {
    }
}
