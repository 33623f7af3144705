package org.baokao.archfixture.elsewhere;

/** Stands for a class of another service. */
public class OtherServiceClass {
}
