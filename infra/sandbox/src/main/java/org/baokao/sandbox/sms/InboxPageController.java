package org.baokao.sandbox.sms;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** A friendly address for the inbox page. */
@Controller
class InboxPageController {

    @GetMapping({ "/sandbox/sms", "/sandbox/sms/" })
    String inbox() {
        return "forward:/sandbox/sms/index.html";
    }
}
