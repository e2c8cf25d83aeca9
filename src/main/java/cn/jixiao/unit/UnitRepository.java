package cn.jixiao.unit;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The registered units, in the application's own table (portable SQL). */
@Repository
class UnitRepository {

    private static final RowMapper<Unit> ROW =
            (rs, i) -> new Unit(rs.getString("code"), rs.getString("name"), rs.getString("supervisor"));

    private final JdbcTemplate jdbc;

    UnitRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Unit> find(String code) {
        return jdbc.query("SELECT code, name, supervisor FROM jx_unit WHERE code = ?", ROW, code).stream()
                .findFirst();
    }

    public List<Unit> findAll() {
        return jdbc.query("SELECT code, name, supervisor FROM jx_unit ORDER BY code", ROW);
    }

    /**
     * The units of these codes (unknown codes left out), in one statement: a list that names a few units does not
     * read the whole register, which a province holds 10,000 units in.
     */
    public List<Unit> findAll(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", Collections.nCopies(codes.size(), "?"));
        return jdbc.query(
                "SELECT code, name, supervisor FROM jx_unit WHERE code IN (" + marks + ") ORDER BY code",
                ROW,
                codes.toArray());
    }

    /** Inserts or updates the unit. */
    public void save(Unit unit) {
        int updated = jdbc.update(
                "UPDATE jx_unit SET name = ?, supervisor = ? WHERE code = ?",
                unit.name(),
                unit.supervisor(),
                unit.code());
        if (updated == 0) {
            jdbc.update(
                    "INSERT INTO jx_unit (code, name, supervisor) VALUES (?, ?, ?)",
                    unit.code(),
                    unit.name(),
                    unit.supervisor());
        }
    }
}
