package io.pdx.contracts.satisfaction;

/**
 * The five levels of 政务服务"好差评" (国办发〔2019〕51号): 非常满意, 满意, 基本满意, 不满意, 非常不满意. A poor rating
 * (不满意 or 非常不满意) opens a case the bureau answers within its deadline.
 */
public enum SatisfactionLevel {
    VERY_SATISFIED, SATISFIED, BASICALLY_SATISFIED, DISSATISFIED, VERY_DISSATISFIED;

    /** 差评: 不满意 or 非常不满意, which opens a case. */
    public boolean poor() {
        return this == DISSATISFIED || this == VERY_DISSATISFIED;
    }
}
