package org.bangfu.settings;

/** A share written as {@code numerator/denominator}, the value of a {@link SettingType#FRACTION} setting. */
public record Fraction(int numerator, int denominator) {

    public Fraction {
        if (numerator < 0 || denominator < 1 || numerator > denominator) {
            throw new IllegalArgumentException("not a share: " + numerator + "/" + denominator);
        }
    }

    static Fraction parse(String text) {
        String[] parts = text.trim().split("\\s*/\\s*");
        return new Fraction(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
