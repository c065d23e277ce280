package org.bangfu.modeler;

import java.util.Locale;

/** What a file in the process library holds: a BPMN process or DMN decisions. */
public enum ModelKind {
    BPMN,
    DMN;

    /** By the resource's name, as the engine decides which deployer reads it. */
    public static ModelKind of(String resourceName) {
        String name = resourceName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
            return BPMN;
        }
        if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
            return DMN;
        }
        throw new IllegalArgumentException("Not a BPMN or DMN resource: " + resourceName);
    }
}
