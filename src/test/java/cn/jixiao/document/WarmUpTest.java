package cn.jixiao.document;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class WarmUpTest {

    @Test
    void warmUpRendersAndMayBeRepeated() {
        assertThatCode(() -> {
                    ReportDocument.warmUp();
                    ReportDocument.warmUp();
                })
                .doesNotThrowAnyException();
    }

    @Test
    void reportAndOptionsAreRequired() {
        ReportDocument document = new ReportDocument();
        assertThatNullPointerException()
                .isThrownBy(() -> document.render(null, null, DocumentOptions.reviewCopy(Fixtures.DATE)));
        assertThatNullPointerException().isThrownBy(() -> document.render(Fixtures.minimal(), null, null));
    }
}
