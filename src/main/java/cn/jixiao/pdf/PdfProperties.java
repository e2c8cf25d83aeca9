package cn.jixiao.pdf;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code jixiao.pdf.*}: whether published reports are offered as PDF, where LibreOffice is, how long a
 * conversion may take, and whether LibreOffice starts with the application or at the first PDF asked for.
 *
 * @param enabled        offer PDFs at all (default true; with false no office process ever starts)
 * @param officeHome     LibreOffice's installation directory; blank: found where Linux, macOS and Windows put it
 * @param timeout        the longest one conversion (and the wait for the office process) may take
 * @param startAtStartup start LibreOffice in the background once the application is ready, instead of at the first
 *                       PDF asked for (default false, so tests and instances that never serve a PDF never pay for it)
 */
@ConfigurationProperties("jixiao.pdf")
record PdfProperties(Boolean enabled, String officeHome, Duration timeout, Boolean startAtStartup) {

    public PdfProperties {
        enabled = enabled == null || enabled;
        officeHome = officeHome == null ? "" : officeHome.trim();
        timeout = timeout == null || timeout.isNegative() || timeout.isZero() ? Duration.ofMinutes(2) : timeout;
        startAtStartup = startAtStartup != null && startAtStartup;
    }
}
