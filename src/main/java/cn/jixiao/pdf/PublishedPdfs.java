package cn.jixiao.pdf;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The PDF of a published report: converted from its published .docx once, then served from the table
 * {@code jx_report_pdf} (a published document never changes, and LibreOffice takes seconds). The cached PDF is tied
 * to the SHA-256 of the .docx it was made from, so if a report is corrected and published again, its next PDF is made
 * from the new document. Concurrent first requests for one report convert once.
 */
@Component
public class PublishedPdfs {

    /** A PDF with its file name. */
    public record Pdf(String fileName, byte[] content) {}

    private final OfficeConverter converter;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final AtomicLong conversions = new AtomicLong();

    public PublishedPdfs(OfficeConverter converter, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.converter = converter;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * The PDF of the published .docx {@code docx} of report {@code reportId}, cached or converted now.
     *
     * @throws PdfUnavailableException when LibreOffice is not there or fails (Chinese message)
     */
    public Pdf of(String reportId, String docxFileName, byte[] docx) {
        String fileName = docxFileName.replaceFirst("(?i)\\.docx$", "") + ".pdf";
        String digest = sha256(docx);
        byte[] cached = cached(reportId, digest);
        if (cached != null) {
            return new Pdf(fileName, cached);
        }
        converter.unavailable().ifPresent(reason -> {
            throw new PdfUnavailableException(reason);
        });
        synchronized (locks.computeIfAbsent(reportId, id -> new Object())) {
            cached = cached(reportId, digest); // another request may have made it meanwhile
            if (cached == null) {
                cached = converter.toPdf(docx);
                conversions.incrementAndGet();
                store(reportId, digest, cached);
            }
        }
        return new Pdf(fileName, cached);
    }

    /** How many conversions this instance has made (the cache's misses). */
    public long conversions() {
        return conversions.get();
    }

    private byte[] cached(String reportId, String digest) {
        List<byte[]> found = jdbc.query(
                "SELECT pdf FROM jx_report_pdf WHERE instance_id = ? AND docx_sha256 = ?",
                (rs, row) -> rs.getBytes(1),
                reportId,
                digest);
        return found.isEmpty() ? null : found.get(0);
    }

    private void store(String reportId, String digest, byte[] pdf) {
        transaction.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM jx_report_pdf WHERE instance_id = ?", reportId);
            jdbc.update(
                    "INSERT INTO jx_report_pdf (instance_id, docx_sha256, pdf, created_at) VALUES (?, ?, ?, ?)",
                    reportId,
                    digest,
                    pdf,
                    Timestamp.from(Instant.now()));
        });
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
