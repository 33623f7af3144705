package org.baokao.archfixture.broken.b;

import org.baokao.archfixture.broken.a.Alpha;

/** Broken on purpose: closes the cycle a → b → a. */
public class Beta {

    public Alpha alpha;
}
