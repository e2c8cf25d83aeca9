package cn.jixiao.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;

/**
 * Not a test: prints how long rendering the corrected sample takes, cold (first render in the JVM, JAXB context
 * included) and warm (median and p99 over 200 renders after 20 unmeasured ones). Run it with
 * {@code java -cp <test classpath> cn.jixiao.document.DocumentBenchmark [renders]}.
 */
public final class DocumentBenchmark {

    private DocumentBenchmark() {}

    public static void main(String[] args) {
        int renders = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        ObjectNode report = Fixtures.corrected();
        JsonNode evaluation = Fixtures.evaluate(report);
        ReportDocument document = new ReportDocument();
        DocumentOptions options = DocumentOptions.reviewCopy(Fixtures.DATE);

        long start = System.nanoTime();
        byte[] first = document.render(report, evaluation, options);
        double coldMillis = (System.nanoTime() - start) / 1e6;

        for (int i = 0; i < 20; i++) {
            document.render(report, evaluation, options);
        }
        double[] millis = new double[renders];
        for (int i = 0; i < renders; i++) {
            long t = System.nanoTime();
            document.render(report, evaluation, options);
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(millis);
        double median = millis[renders / 2];
        double p99 = millis[Math.min(renders - 1, (int) Math.ceil(renders * 0.99) - 1)];
        System.out.printf("document: %d bytes%n", first.length);
        System.out.printf("cold first render: %.1f ms%n", coldMillis);
        System.out.printf(
                "warm over %d renders: median %.2f ms, p99 %.2f ms, max %.2f ms%n",
                renders, median, p99, millis[renders - 1]);
    }
}
