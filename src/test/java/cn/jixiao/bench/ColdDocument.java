package cn.jixiao.bench;

import cn.jixiao.document.DocumentOptions;
import cn.jixiao.document.ReportDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Run in a fresh JVM by the benchmark: the first render of the corrected sample's final document, nothing loaded
 * before (no docx4j warm-up), timed from the call; prints {@code coldRenderMs=<ms>}.
 */
public final class ColdDocument {

    private ColdDocument() {}

    public static void main(String[] args) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode report = mapper.readTree(Files.readString(Path.of(args[0])));
        JsonNode evaluation = mapper.readTree(Files.readString(Path.of(args[1])));
        long t = System.nanoTime();
        byte[] docx = new ReportDocument().render(report, evaluation, DocumentOptions.finalCopy(LocalDate.now()));
        double ms = (System.nanoTime() - t) / 1e6;
        System.out.println("coldRenderMs=" + ms + " bytes=" + docx.length);
    }
}
