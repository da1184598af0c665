package dev.readnext.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArxivIdsTest {

    @ParameterizedTest
    @CsvSource({
        "https://arxiv.org/abs/2104.09864, 2104.09864",
        "https://arxiv.org/pdf/2104.09864, 2104.09864",
        "http://arxiv.org/pdf/2504.13161v1.pdf, 2504.13161",
        "https://arxiv.org/html/2309.00071v3, 2309.00071",
        "https://arxiv.org/html/2510.25741v2#S1, 2510.25741",
        "https://www.arxiv.org/abs/2308.00951v1, 2308.00951",
        "https://arxiv.org/ftp/arxiv/papers/1704/1704.04760.pdf, 1704.04760",
        "https://huggingface.co/papers/2402.08609, 2402.08609",
        "https://arxiv.org/abs/hep-th/9901001v2, hep-th/9901001",
        "https://arxiv.org/abs/0704.0001, 0704.0001",
    })
    void findsTheIdInArxivAndHuggingFacePaperUrls(String url, String id) {
        assertEquals(Optional.of(id), ArxivIds.fromUrl(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://github.com/x/2104.09864", "https://openreview.net/forum?id=8j9hz8DVi8",
        "https://arxiv.org/list/cs.CL/recent", "https://example.org/2104.09864"})
    void findsNoIdInOtherUrls(String url) {
        assertEquals(Optional.empty(), ArxivIds.fromUrl(url));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "`arXiv, 2504.13161` | 2504.13161",
        "arXiv:2104.09864v2 | 2104.09864",
        "2104.09864 | 2104.09864",
        "2104.09864v2 | 2104.09864",
        "the YaRN paper (2309.00071) | 2309.00071",
        "see https://arxiv.org/pdf/2305.12816 | 2305.12816",
    })
    void findsIdsInText(String text, String id) {
        assertEquals(Optional.of(id), ArxivIds.find(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"version 3.14159", "2113.09864", "10.1145/3360307", "v1.2.2104.09864.5", "no id here"})
    void findsNothingThatOnlyLooksLikeAnId(String text) {
        assertEquals(Optional.empty(), ArxivIds.find(text));
    }

    @Test
    void canonicalUrlIsTheAbsPage() {
        assertEquals("https://arxiv.org/abs/2104.09864", ArxivIds.absUrl("2104.09864"));
    }

    @ParameterizedTest
    @CsvSource({"2504.13161, 2025", "1704.04760, 2017", "0704.0001, 2007", "hep-th/9901001, 1999", "math.GT/0309136, 2003"})
    void yearComesFromTheId(String id, int year) {
        assertEquals(Optional.of(year), ArxivIds.year(id));
    }

    @Test
    void noYearWithoutAnId() {
        assertEquals(Optional.empty(), ArxivIds.year(null));
        assertEquals(Optional.empty(), ArxivIds.year("not-an-id"));
    }
}
