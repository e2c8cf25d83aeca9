package cn.jixiao.pdf;

import jakarta.annotation.PreDestroy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Optional;
import org.jodconverter.core.document.DefaultDocumentFormatRegistry;
import org.jodconverter.core.office.OfficeException;
import org.jodconverter.local.LocalConverter;
import org.jodconverter.local.office.LocalOfficeManager;
import org.jodconverter.local.office.LocalOfficeUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * .docx to PDF with LibreOffice, driven through JODConverter (one headless office process, reused). Whether LibreOffice
 * is there is decided once from the settings and the file system, without starting anything, so the application
 * starts as fast without it as with it; the office process starts at the first conversion (or in the background at
 * start-up when {@code jixiao.pdf.start-at-startup}) and stops with the application. Conversions are serialised by
 * the single office process.
 */
@Component
public class OfficeConverter {

    private static final Logger LOG = LoggerFactory.getLogger(OfficeConverter.class);

    /** What users read when no PDF can be made here at all. */
    public static final String NOT_INSTALLED = "本站暂不提供 PDF 版（服务器未安装 LibreOffice），请下载 Word 版。";

    static final String SWITCHED_OFF = "本站暂不提供 PDF 版，请下载 Word 版。";
    static final String FAILED = "暂时无法生成 PDF，请稍后再试或下载 Word 版。";

    private final PdfProperties properties;
    private final File officeHome;
    private final String unavailable;
    private LocalOfficeManager manager; // guarded by this

    public OfficeConverter(PdfProperties properties) {
        this.properties = properties;
        File home = null;
        String reason = null;
        if (!properties.enabled()) {
            reason = SWITCHED_OFF;
        } else {
            home = findOfficeHome(properties.officeHome());
            if (home == null) {
                reason = NOT_INSTALLED;
                LOG.info(
                        "No LibreOffice at {}: published reports are offered as .docx only (jixiao.pdf.office-home)",
                        properties.officeHome().isEmpty() ? "the usual places" : properties.officeHome());
            }
        }
        this.officeHome = home;
        this.unavailable = reason;
    }

    /** Empty when PDFs can be made here; otherwise the Chinese sentence saying why not. Starts nothing. */
    public Optional<String> unavailable() {
        return Optional.ofNullable(unavailable);
    }

    /** The PDF of a .docx. Starts the office process on first use. */
    public byte[] toPdf(byte[] docx) {
        if (unavailable != null) {
            throw new PdfUnavailableException(unavailable);
        }
        LocalOfficeManager office = started();
        long begin = System.nanoTime();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(docx.length * 4);
        try {
            LocalConverter.make(office)
                    .convert(new ByteArrayInputStream(docx))
                    .as(DefaultDocumentFormatRegistry.DOCX)
                    .to(pdf)
                    .as(DefaultDocumentFormatRegistry.PDF)
                    .execute();
        } catch (OfficeException | RuntimeException e) {
            LOG.error("LibreOffice could not convert a document to PDF", e);
            throw new PdfUnavailableException(FAILED, e);
        }
        LOG.info(
                "LibreOffice converted a .docx of {} bytes to a PDF of {} bytes in {} ms",
                docx.length,
                pdf.size(),
                (System.nanoTime() - begin) / 1_000_000);
        return pdf.toByteArray();
    }

    /** Starts LibreOffice in the background when so configured, so the first PDF does not wait for it. */
    @EventListener(ApplicationReadyEvent.class)
    public void startAtStartupIfConfigured() {
        if (unavailable == null && properties.startAtStartup()) {
            Thread start = new Thread(
                    () -> {
                        try {
                            started();
                        } catch (PdfUnavailableException e) {
                            // logged in started(); the next PDF asked for tries again
                        }
                    },
                    "libreoffice-start");
            start.setDaemon(true);
            start.start();
        }
    }

    private synchronized LocalOfficeManager started() {
        if (manager != null && manager.isRunning()) {
            return manager;
        }
        long begin = System.nanoTime();
        LocalOfficeManager office = LocalOfficeManager.builder()
                .officeHome(officeHome)
                .portNumbers(freePort())
                .processTimeout(properties.timeout().toMillis())
                .taskExecutionTimeout(properties.timeout().toMillis())
                .taskQueueTimeout(properties.timeout().toMillis())
                .startFailFast(true) // start() waits for the office process and fails if it does not come up
                .build();
        try {
            office.start();
        } catch (OfficeException | RuntimeException e) {
            LOG.error("LibreOffice at {} did not start", officeHome, e);
            throw new PdfUnavailableException(FAILED, e);
        }
        LOG.info("LibreOffice at {} started in {} ms", officeHome, (System.nanoTime() - begin) / 1_000_000);
        manager = office;
        return office;
    }

    @PreDestroy
    public synchronized void stop() {
        if (manager != null) {
            try {
                manager.stop();
            } catch (OfficeException | RuntimeException e) {
                LOG.warn("LibreOffice did not stop cleanly", e);
            }
            manager = null;
        }
    }

    /** The configured directory if it holds LibreOffice, or the one found in the usual places; null when none. */
    static File findOfficeHome(String configured) {
        try {
            File home = configured.isEmpty() ? LocalOfficeUtils.getDefaultOfficeHome() : new File(configured);
            if (home == null) {
                return null;
            }
            LocalOfficeUtils.validateOfficeHome(home);
            return home;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A port nobody listens on now, so instances (and test runs) on one machine never share an office process. */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new PdfUnavailableException(FAILED, e);
        }
    }
}
