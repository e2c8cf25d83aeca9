package cn.jixiao.pdf;

/** No PDF can be made now: LibreOffice is not installed, switched off, or failed. The message is Chinese, for users. */
public class PdfUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PdfUnavailableException(String message) {
        super(message);
    }

    public PdfUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
