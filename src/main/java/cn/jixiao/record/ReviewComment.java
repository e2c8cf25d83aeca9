package cn.jixiao.record;

import java.util.List;

/** One review decision as kept in the report's history: who decided what, when, and why. */
public record ReviewComment(
        String step,
        String stepLabel,
        String decision,
        String decisionLabel,
        String author,
        String authorName,
        String time,
        String comment,
        List<String> sectionsToRevise) {}
