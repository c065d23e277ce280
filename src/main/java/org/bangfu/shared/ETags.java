package org.bangfu.shared;

/**
 * A record's version over HTTP, so that concurrent edits never silently overwrite each other: a read answers it as
 * the {@code ETag}, a write names the version it was based on in {@code If-Match} (428 without it, see
 * {@link ApiErrors}; a facade refuses a stale one with 409).
 */
public final class ETags {

    private ETags() {
    }

    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header names ({@code "3"}, {@code W/"3"}). */
    public static int version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequired();
        }
        try {
            return Integer.parseInt(ifMatch.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw new PreconditionRequired();
        }
    }

    /** A write without the version it was based on. */
    public static class PreconditionRequired extends RuntimeException {
    }
}
