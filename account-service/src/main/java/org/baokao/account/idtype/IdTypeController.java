package org.baokao.account.idtype;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The ID types the registration and login forms offer (ACC-1), in display order, the default first. */
@RestController
class IdTypeController {

    private final IdTypes idTypes;

    IdTypeController(IdTypes idTypes) {
        this.idTypes = idTypes;
    }

    @GetMapping("/api/accounts/public/id-types")
    List<IdTypes.IdTypeView> enabledIdTypes() {
        return idTypes.enabled();
    }
}
