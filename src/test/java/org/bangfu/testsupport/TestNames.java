package org.bangfu.testsupport;

/** Names of the households and people tests make: numbered in Chinese numerals, since a name holds no digits. */
public final class TestNames {

    private static final String NUMERALS = "〇一二三四五六七八九";

    private TestNames() {
    }

    /** {@code numbered("发放户", 12)} is 发放户一二. */
    public static String numbered(String name, long n) {
        StringBuilder numbered = new StringBuilder(name);
        Long.toString(n).chars().forEach(digit -> numbered.append(NUMERALS.charAt(digit - '0')));
        return numbered.toString();
    }
}
