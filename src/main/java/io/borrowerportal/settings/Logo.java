package io.borrowerportal.settings;

/** The lender's logo as served: its bytes, content type (image/png or image/svg+xml) and version. */
public record Logo(byte[] content, String contentType, String version) {

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
