package org.baokao.web.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/** Registers the shared problem-details handler in every service. */
@AutoConfiguration
@Import(ProblemHandler.class)
public class ProblemAutoConfiguration {
}
