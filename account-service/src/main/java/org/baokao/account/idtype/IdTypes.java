package org.baokao.account.idtype;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ID types the forms offer (table {@code id_type}), enabled ones in display order, the default first. */
@Repository
class IdTypes {

    private final JdbcClient jdbc;

    IdTypes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<IdTypeView> enabled() {
        return jdbc.sql("select code, name, is_default from id_type where enabled order by sort_order")
                .query((row, n) -> new IdTypeView(row.getString("code"), row.getString("name"),
                        row.getBoolean("is_default")))
                .list();
    }

    record IdTypeView(String code, String name, boolean isDefault) {
    }
}
