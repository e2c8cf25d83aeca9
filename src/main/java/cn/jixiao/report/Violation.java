package cn.jixiao.report;

/** One way a report breaks the schema: where (JSON pointer) and what, in Chinese. */
public record Violation(String pointer, String message) {}
