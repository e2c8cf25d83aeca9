package cn.jixiao.duty;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a request lands in Camunda's REST API, whichever way it is written: {@code /engine-rest/task/1},
 * {@code /engine-rest/engine/default/task/1} and {@code /camunda/api/engine/engine/default/task/1} are all
 * {@code task/1}. Empty segments and matrix parameters ({@code ;x=y}) are dropped, as the REST layer drops them,
 * so a rule cannot be stepped around by spelling the path differently.
 */
final class EnginePaths {

    private EnginePaths() {}

    /** The path relative to the engine, or empty when the request is not for an engine's REST API. */
    static Optional<String> relative(String decodedPath) {
        String[] segments = Arrays.stream(decodedPath.split("/"))
                .map(s -> s.contains(";") ? s.substring(0, s.indexOf(';')) : s)
                .filter(s -> !s.isEmpty())
                .toArray(String[]::new);
        int start;
        if (segments.length >= 1 && segments[0].equals("engine-rest")) {
            start = segments.length >= 3 && segments[1].equals("engine") ? 3 : 1;
        } else if (segments.length >= 5
                && segments[0].equals("camunda")
                && segments[1].equals("api")
                && segments[2].equals("engine")
                && segments[3].equals("engine")) {
            start = 5;
        } else if (segments.length >= 3
                && segments[0].equals("camunda")
                && segments[1].equals("api")
                && segments[2].equals("engine")) {
            return Optional.of(""); // the list of engines
        } else {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(segments, start, segments.length).collect(Collectors.joining("/")));
    }
}
