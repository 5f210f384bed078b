package io.borrowerportal.security.ui;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** What the second-factor pages share: storing the completed sign-in, leaving for the home page, the QR code. */
final class SecondFactorPages {

    private static final int QR_SIZE = 220;

    private SecondFactorPages() {
    }

    /** Stores the changed security context in the HTTP session, where the next request loads it from. */
    static Consumer<SecurityContext> contextSaver() {
        return context -> VaadinSession.getCurrent().getSession()
                .setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
    }

    /** A full page load of "/", so the whole UI starts over with the completed sign-in. */
    static void goHome() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        String contextPath = request == null ? "" : request.getHttpServletRequest().getContextPath();
        UI.getCurrent().getPage().setLocation(contextPath + "/");
    }

    /** The otpauth address as a QR code PNG, drawn on the server: no front-end code (STACK.md). */
    static DownloadHandler qrCode(String otpauthUri) {
        return DownloadHandler.fromInputStream(event -> {
            byte[] png = png(otpauthUri);
            return new DownloadResponse(new ByteArrayInputStream(png), "authenticator.png", "image/png", png.length);
        });
    }

    static byte[] png(String text) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, QR_SIZE, QR_SIZE);
            BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalStateException("The enrolment address does not fit a QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The secret in groups of four, easier to type into an app by hand. */
    static String grouped(String secret) {
        return secret.replaceAll("(.{4})(?!$)", "$1 ");
    }
}
