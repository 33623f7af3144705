package org.baokao.archfixture.broken.web;

import java.sql.Connection;

import org.springframework.web.bind.annotation.RestController;

/** Broken on purpose: a controller that runs SQL itself. */
@RestController
public class SqlController {

    public Connection connection;
}
