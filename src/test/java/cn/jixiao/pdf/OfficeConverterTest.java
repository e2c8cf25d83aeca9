package cn.jixiao.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Whether PDFs can be made is decided from the settings and the disk alone, and never starts anything. */
class OfficeConverterTest {

    @Test
    void aMissingOfficeHomeMeansNoPdfWithAChineseReason() {
        OfficeConverter converter =
                new OfficeConverter(new PdfProperties(true, "/nonexistent/libreoffice", null, null));
        assertThat(converter.unavailable()).contains(OfficeConverter.NOT_INSTALLED);
        assertThatThrownBy(() -> converter.toPdf(new byte[] {1}))
                .isInstanceOf(PdfUnavailableException.class)
                .hasMessage(OfficeConverter.NOT_INSTALLED);
    }

    @Test
    void switchedOffMeansNoPdfWhateverIsInstalled() {
        OfficeConverter converter = new OfficeConverter(new PdfProperties(false, "", null, null));
        assertThat(converter.unavailable()).contains(OfficeConverter.SWITCHED_OFF);
        assertThatThrownBy(() -> converter.toPdf(new byte[] {1})).isInstanceOf(PdfUnavailableException.class);
    }

    @Test
    void defaultsAreSafe() {
        PdfProperties defaults = new PdfProperties(null, null, null, null);
        assertThat(defaults.enabled()).isTrue();
        assertThat(defaults.officeHome()).isEmpty();
        assertThat(defaults.timeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(defaults.startAtStartup()).isFalse();
        assertThat(new PdfProperties(true, " ", Duration.ZERO, false).timeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void theCacheKeyIsTheDigestOfTheDocx() {
        assertThat(PublishedPdfs.sha256("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
