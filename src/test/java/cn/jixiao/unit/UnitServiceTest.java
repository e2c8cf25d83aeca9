package cn.jixiao.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Unit names by code, looked up by code for a few and by one read of the register for many, alike in answer. */
class UnitServiceTest {

    private UnitService service;

    @BeforeEach
    void register() {
        JdbcTemplate jdbc = new JdbcTemplate(
                new DriverManagerDataSource("jdbc:h2:mem:units-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1"));
        jdbc.execute("CREATE TABLE jx_unit (code VARCHAR(64) NOT NULL PRIMARY KEY, name VARCHAR(200) NOT NULL,"
                + " supervisor VARCHAR(200))");
        UnitRepository units = new UnitRepository(jdbc);
        for (int i = 0; i < UnitService.BY_CODE_AT_MOST + 50; i++) {
            units.save(new Unit(code(i), "单位" + i, null));
        }
        service = new UnitService(units, null, null);
    }

    private static String code(int i) {
        return String.format("430423-U%04d", i);
    }

    @Test
    void aFewCodesGetTheirNamesAndAnUnknownCodeIsLeftOut() {
        Map<String, String> names = service.names(List.of(code(3), code(7), code(3), "430423-NONE"));

        assertThat(names).containsExactlyInAnyOrderEntriesOf(Map.of(code(3), "单位3", code(7), "单位7"));
    }

    @Test
    void noCodesNoNames() {
        assertThat(service.names(Set.of())).isEmpty();
    }

    @Test
    void manyCodesGetTheSameAnswerFromOneReadOfTheRegister() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < UnitService.BY_CODE_AT_MOST + 10; i++) {
            codes.add(code(i));
        }
        codes.add("430423-NONE");

        Map<String, String> names = service.names(codes);

        assertThat(names).hasSize(UnitService.BY_CODE_AT_MOST + 10).doesNotContainKey("430423-NONE");
        assertThat(names).containsEntry(code(0), "单位0").containsEntry(code(209), "单位209");
        assertThat(names).doesNotContainKey(code(UnitService.BY_CODE_AT_MOST + 20));
    }
}
