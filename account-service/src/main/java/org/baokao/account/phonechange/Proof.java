package org.baokao.account.phonechange;

/** The three proof images of a phone-change request (ACC-8): multipart part name, column prefix, Chinese label. */
public enum Proof {
    ID_CARD_FRONT("idCardFront", "id_front", "身份证人像面照片"),
    ID_CARD_BACK("idCardBack", "id_back", "身份证国徽面照片"),
    HOLDING_ID("holdingId", "holding_id", "手持身份证照片");

    final String part;
    final String column;
    final String label;

    Proof(String part, String column, String label) {
        this.part = part;
        this.column = column;
        this.label = label;
    }

    static java.util.Optional<Proof> fromPath(String value) {
        for (Proof proof : values()) {
            if (proof.name().equalsIgnoreCase(value) || proof.part.equals(value)) {
                return java.util.Optional.of(proof);
            }
        }
        return java.util.Optional.empty();
    }
}
