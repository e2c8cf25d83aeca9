package cn.jixiao.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One ReportDocument serves several threads: every render equals the single-threaded one. */
class ConcurrencyTest {

    @Test
    void parallelRendersGiveTheSameDocument() throws Exception {
        ReportDocument.warmUp();
        ReportDocument document = new ReportDocument();
        ObjectNode corrected = Fixtures.corrected();
        ObjectNode minimal = Fixtures.minimal();
        JsonNode correctedEvaluation = Fixtures.evaluate(corrected);
        JsonNode minimalEvaluation = Fixtures.evaluate(minimal);
        String expectedCorrected =
                fingerprint(document.render(corrected, correctedEvaluation, DocumentOptions.reviewCopy(Fixtures.DATE)));
        String expectedMinimal =
                fingerprint(document.render(minimal, minimalEvaluation, DocumentOptions.finalCopy(Fixtures.DATE)));

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String[]>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                boolean even = i % 2 == 0;
                Callable<String[]> task = () -> new String[] {
                    even ? expectedCorrected : expectedMinimal,
                    fingerprint(
                            even
                                    ? document.render(
                                            corrected, correctedEvaluation, DocumentOptions.reviewCopy(Fixtures.DATE))
                                    : document.render(
                                            minimal, minimalEvaluation, DocumentOptions.finalCopy(Fixtures.DATE)))
                };
                results.add(pool.submit(task));
            }
            for (Future<String[]> result : results) {
                String[] pair = result.get();
                assertThat(pair[1]).isEqualTo(pair[0]);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Body text, table texts and header texts: what a render must not mix up between threads. */
    private static String fingerprint(byte[] bytes) {
        Docx docx = Docx.load(bytes);
        StringBuilder out = new StringBuilder(docx.bodyText());
        docx.tables().forEach(table -> out.append('|').append(Docx.text(table)));
        var header = docx.headersAndFooters().getDefaultHeader();
        out.append('|')
                .append(header == null ? "" : Docx.text(header.getContent().get(0)));
        return out.toString();
    }
}
