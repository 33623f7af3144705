package org.baokao.archfixture.broken.a;

import org.baokao.archfixture.broken.b.Beta;
import org.baokao.archfixture.elsewhere.OtherServiceClass;

/** Broken on purpose: depends on feature b, which depends back on a; and uses another service's class. */
public class Alpha {

    public Beta beta;
    public OtherServiceClass other;
}
