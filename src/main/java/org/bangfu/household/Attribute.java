package org.bangfu.household;

/** 户属性: an ordinary household in difficulty, a minimum-living-allowance (低保) or extreme-poverty (特困) one. */
public enum Attribute {
    GENERAL, DIBAO, TEKUN
}
