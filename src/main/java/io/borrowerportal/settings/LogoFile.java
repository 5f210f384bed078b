package io.borrowerportal.settings;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The lender's logo, checked like an upload before it is ever saved or served: a PNG that decodes to a sane size, or
 * an SVG read by a parser that resolves no DTD and no entity, refused (not cleaned) when it could run script or
 * fetch anything: a script or foreignObject element, an on* attribute, a link that is not to a fragment of itself
 * (javascript:, data:, http:), a url() or @import in a style. A refused SVG is never stored, so nothing unsafe is
 * ever served (decision 024).
 */
final class LogoFile {

    static final int MAX_BYTES = Logo.MAX_BYTES;
    static final int MAX_SIDE = 4000;
    static final long MAX_PIXELS = 16_000_000L;
    static final String PNG = "image/png";
    static final String SVG = "image/svg+xml";
    /** Hex digits of the SHA-256 in the logo's address and in the audit. */
    static final int VERSION_DIGITS = 12;

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("script", "foreignobject", "iframe", "embed", "object",
            "handler", "listener", "animation", "audio", "video");
    private static final Set<String> LINK_ATTRIBUTES = Set.of("href", "src", "action", "formaction");

    private LogoFile() {
    }

    /** Why the bytes cannot be the logo, or empty when they can. */
    static Optional<String> problem(byte[] bytes) {
        if (bytes == null) {
            return Optional.empty();
        }
        if (bytes.length == 0) {
            return Optional.of("The logo file is empty");
        }
        if (bytes.length > MAX_BYTES) {
            return Optional.of("The logo is " + megabytes(bytes.length) + "; it can be at most 1 MB. Save a smaller copy.");
        }
        if (isPng(bytes)) {
            return pngProblem(bytes);
        }
        if (looksLikeXml(bytes)) {
            return svgProblem(bytes);
        }
        return Optional.of("The logo must be a PNG or SVG image");
    }

    /** The content type the logo is served with; only for bytes {@link #problem} accepted. */
    static String contentType(byte[] bytes) {
        return isPng(bytes) ? PNG : SVG;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String version(String sha256) {
        return sha256 == null ? null : sha256.substring(0, VERSION_DIGITS);
    }

    private static boolean isPng(byte[] bytes) {
        if (bytes.length < PNG_MAGIC.length) {
            return false;
        }
        for (int i = 0; i < PNG_MAGIC.length; i++) {
            if (bytes[i] != PNG_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeXml(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 256), StandardCharsets.UTF_8).replace("\uFEFF", "").strip();
        return head.startsWith("<");
    }

    private static Optional<String> pngProblem(byte[] bytes) {
        try (ImageInputStream images = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
            if (images == null || !readers.hasNext()) {
                return Optional.of("This PNG image cannot be read. Try saving it again.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(images, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                // The size is read from the header before anything is decoded: a small file can claim a huge image.
                if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE
                        || (long) width * height > MAX_PIXELS) {
                    return Optional.of("This image is " + width + " × " + height + " pixels; a logo can be at most "
                            + MAX_SIDE + " × " + MAX_SIDE + ". Save a smaller copy.");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / 512);
                param.setSourceSubsampling(step, step, 0, 0);
                reader.read(0, param);
                return Optional.empty();
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.of("This PNG image cannot be read. It may be damaged; try saving it again.");
        }
    }

    private static Optional<String> svgProblem(byte[] bytes) {
        Document svg;
        try {
            DocumentBuilder builder = secureFactory().newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());
            // No entity is ever resolved, not even one a parser feature forgot.
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            svg = builder.parse(new ByteArrayInputStream(bytes));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The XML parser lacks a security feature", e);
        } catch (SAXException | IOException | RuntimeException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("DOCTYPE")) {
                return Optional.of("This SVG declares a DOCTYPE, which a logo may not; save it without one");
            }
            return Optional.of("This SVG cannot be read. It may be damaged; try saving it again.");
        }
        Element root = svg.getDocumentElement();
        if (!"svg".equals(localName(root))) {
            return Optional.of("The logo must be a PNG or SVG image");
        }
        return unsafe(root).map(what -> "This SVG " + what + ", which a logo may not hold; remove it and upload again");
    }

    private static DocumentBuilderFactory secureFactory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    /** What in the element or below it could run or fetch something, in words; empty when nothing. */
    private static Optional<String> unsafe(Element element) {
        String name = localName(element);
        if (FORBIDDEN_ELEMENTS.contains(name)) {
            return Optional.of("has a <" + element.getTagName() + "> element");
        }
        if ("style".equals(name) && unsafeStyle(element.getTextContent())) {
            return Optional.of("has a style that loads something from elsewhere");
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String attributeName = localName(attribute);
            String value = attribute.getValue() == null ? "" : attribute.getValue().strip().toLowerCase(Locale.ROOT);
            if (attributeName.startsWith("on")) {
                return Optional.of("has an event handler (" + attribute.getName() + ")");
            }
            if (LINK_ATTRIBUTES.contains(attributeName) && !value.isEmpty() && !value.startsWith("#")) {
                return Optional.of(value.startsWith("javascript:") ? "has a javascript: link"
                        : value.startsWith("data:") ? "has a data: link" : "refers to something outside it");
            }
            if ("style".equals(attributeName) && unsafeStyle(value)) {
                return Optional.of("has a style that loads something from elsewhere");
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                Optional<String> found = unsafe(childElement);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** url(#fragment) stays inside the file; any other url() or an @import reaches out. */
    private static boolean unsafeStyle(String css) {
        String text = css == null ? "" : css.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        if (text.contains("@import") || text.contains("expression(") || text.contains("javascript:")) {
            return true;
        }
        int at = text.indexOf("url(");
        while (at >= 0) {
            String rest = text.substring(at + 4).replace("\"", "").replace("'", "");
            if (!rest.startsWith("#")) {
                return true;
            }
            at = text.indexOf("url(", at + 4);
        }
        return false;
    }

    private static String localName(Node node) {
        String name = node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
        return name.toLowerCase(Locale.ROOT);
    }

    static String megabytes(long bytes) {
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(MAX_BYTES), 1, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString() + " MB";
    }
}
