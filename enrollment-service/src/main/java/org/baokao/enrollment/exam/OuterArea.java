package org.baokao.enrollment.exam;

/**
 * An outer exam area (远郊考区) a candidate may name as their preference (ENR-9; seed: 如无法满足考生的考区意向时，我们会为您
 * 安排路程相近的其他考点), e.g. 310116 金山区.
 */
public record OuterArea(String code, String name) {
}
