package io.borrowerportal.settings;

/** The lender's logo as served: its bytes, content type (image/png or image/svg+xml) and version. */
public record Logo(byte[] content, String contentType, String version) {

    /** The most a logo may weigh (1 MB): the settings refuse more, and the upload stops reading past it. */
    public static final int MAX_BYTES = 1024 * 1024;

    public Logo {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public boolean svg() {
        return LogoFile.SVG.equals(contentType);
    }
}
