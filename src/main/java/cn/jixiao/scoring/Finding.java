package cn.jixiao.scoring;

import java.util.Objects;

/**
 * One result of a check: severity, stable code (see {@link FindingCodes}), JSON pointer of the field it
 * concerns and a Chinese message naming the field and showing the numbers.
 */
public record Finding(Severity severity, String code, String pointer, String message) {

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
    }

    public static Finding error(String code, String pointer, String message) {
        return new Finding(Severity.ERROR, code, pointer, message);
    }

    public static Finding warning(String code, String pointer, String message) {
        return new Finding(Severity.WARNING, code, pointer, message);
    }

    /** A SCHEMA_VIOLATION finding, for the schema validator that runs before the evaluator. */
    public static Finding schemaViolation(String pointer, String message) {
        return error(FindingCodes.SCHEMA_VIOLATION, pointer, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
