package io.borrowerportal.document;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class FileTypeTest {

    @Test
    void pdf_png_and_jpeg_are_told_by_their_first_bytes() {
        assertThat(FileType.sniff(TestFiles.pdf("x"))).contains(FileType.PDF);
        assertThat(FileType.sniff(TestFiles.png(3, 3))).contains(FileType.PNG);
        assertThat(FileType.sniff(TestFiles.jpeg(3, 3))).contains(FileType.JPEG);
    }

    @Test
    void anything_else_is_none_of_them_whatever_it_claims() {
        assertThat(FileType.sniff("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(FileType.sniff("<html><body>%PDF-1.7".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(FileType.sniff(" %PDF-1.7".getBytes(StandardCharsets.US_ASCII))).as("not at the start").isEmpty();
        assertThat(FileType.sniff("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(FileType.sniff(new byte[]{(byte) 0x89, 'P', 'N', 'G'})).as("a cut-off signature").isEmpty();
        assertThat(FileType.sniff(new byte[0])).isEmpty();
    }

    @Test
    void a_stored_content_type_maps_back_to_its_type_and_extension() {
        assertThat(FileType.ofContentType("image/jpeg")).contains(FileType.JPEG);
        assertThat(FileType.JPEG.extension()).isEqualTo("jpg");
        assertThat(FileType.ofContentType("text/html")).isEmpty();
    }
}
