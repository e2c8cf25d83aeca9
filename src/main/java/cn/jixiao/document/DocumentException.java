package cn.jixiao.document;

/** The document could not be built or written (a docx4j or JAXB failure); never a problem of the report's content. */
final class DocumentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
