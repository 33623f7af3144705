package org.baokao.account.idtype;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The ID types the registration and login forms offer (ACC-1), in display order, the default first. */
@RestController
class IdTypeController {

    private final JdbcClient jdbc;

    IdTypeController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/accounts/public/id-types")
    List<IdType> enabledIdTypes() {
        return jdbc.sql("select code, name, is_default from id_type where enabled order by sort_order")
                .query((row, n) -> new IdType(row.getString("code"), row.getString("name"),
                        row.getBoolean("is_default")))
                .list();
    }

    record IdType(String code, String name, boolean isDefault) {
    }
}
