package cn.jixiao.scoring;

import java.util.Optional;

/** The three 一级指标, in the order the evaluation lists them. */
public enum Level1 {
    OUTPUT("产出指标"),
    EFFECT("效益指标"),
    SATISFACTION("满意度指标");

    private final String label;

    Level1(String label) {
        this.label = label;
    }

    /** The Chinese name as written in the report's {@code level1} field. */
    public String label() {
        return label;
    }

    public static Optional<Level1> fromLabel(String label) {
        for (Level1 level : values()) {
            if (level.label.equals(label)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
