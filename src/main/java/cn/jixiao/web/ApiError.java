package cn.jixiao.web;

import cn.jixiao.report.Violation;
import java.util.List;

/** The body of every /api error: a Chinese message, and for invalid reports one entry per violation. */
record ApiError(String message, List<Violation> errors) {

    public static ApiError of(String message) {
        return new ApiError(message, List.of());
    }
}
