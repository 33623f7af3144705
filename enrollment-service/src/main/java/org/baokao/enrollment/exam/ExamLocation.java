package org.baokao.enrollment.exam;

import org.baokao.domain.DomainModel;

/**
 * A place candidates sit the exam (考试地点), chosen in step 4 of the Shandong wizard: the city's region code
 * (Shandong uses the four-digit GB/T 2260 prefix, e.g. 3717) and its Chinese name (菏泽市). The city also
 * decides the payment channel (PAY-2: 3702 青岛 pays through UnionPay).
 */
@DomainModel
public record ExamLocation(String code, String name) {
}
