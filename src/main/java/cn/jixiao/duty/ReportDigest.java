package cn.jixiao.duty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A digest of each part of a report (each section, the unit, the year, the evaluation and its summary) as
 * 计算得分与校验 saw it. Reviewers decide on exactly that text; comparing digests later tells by name which part
 * someone rewrote after the checks, without keeping a second copy of the report.
 */
final class ReportDigest {

    private final Map<String, String> digests;

    private ReportDigest(Map<String, String> digests) {
        this.digests = digests;
    }

    /** Digest of the given parts (name → canonical text; null for an absent part). */
    static ReportDigest of(Map<String, String> parts) {
        Map<String, String> digests = new TreeMap<>();
        parts.forEach((name, text) -> digests.put(name, text == null ? "-" : sha256(text)));
        return new ReportDigest(digests);
    }

    /** The stored form: {@code name=hex;name=hex}, names sorted. */
    String encoded() {
        StringBuilder text = new StringBuilder();
        digests.forEach((name, hex) -> text.append(text.length() == 0 ? "" : ";")
                .append(name)
                .append('=')
                .append(hex));
        return text.toString();
    }

    static ReportDigest decode(String encoded) {
        Map<String, String> digests = new TreeMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String entry : encoded.split(";")) {
                int eq = entry.indexOf('=');
                digests.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return new ReportDigest(digests);
    }

    /** The parts that differ between the two digests (changed, added or removed), sorted by name. */
    List<String> changedFrom(ReportDigest earlier) {
        TreeSet<String> names = new TreeSet<>(digests.keySet());
        names.addAll(earlier.digests.keySet());
        List<String> changed = new ArrayList<>();
        for (String name : names) {
            if (!String.valueOf(digests.get(name)).equals(String.valueOf(earlier.digests.get(name)))) {
                changed.add(name);
            }
        }
        return changed;
    }

    private static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
