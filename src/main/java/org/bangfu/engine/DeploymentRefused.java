package org.bangfu.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.bpmn.parser.ResourceReportImpl;

/**
 * The deployment gate's refusal, as the engine's own parse exception: Camunda's REST API answers it with 400 and
 * a report per resource (line, column and element of each problem), and nothing of the deployment is stored.
 */
class DeploymentRefused extends ParseException {

    private static final long serialVersionUID = 1L;

    private final transient List<GateViolation> violations;

    DeploymentRefused(String message, List<GateViolation> violations, Function<GateViolation, String> reason) {
        super(message, violations.get(0).resource(), List.of(), List.of());
        this.violations = List.copyOf(violations);
        Map<String, List<Problem>> byResource = new LinkedHashMap<>();
        for (GateViolation violation : violations) {
            byResource.computeIfAbsent(violation.resource(), r -> new ArrayList<>())
                    .add(new GateProblem(violation, reason.apply(violation)));
        }
        resorceReports.clear();
        byResource.forEach((resource, problems) -> resorceReports.add(new ResourceReportImpl(resource, problems, List.of())));
    }

    public List<GateViolation> violations() {
        return violations;
    }

    private record GateProblem(GateViolation violation, String message) implements Problem {

        @Override
        public String getMessage() {
            return violation.attribute() == null ? message : violation.attribute() + ": " + message;
        }

        @Override
        public int getLine() {
            return violation.line();
        }

        @Override
        public int getColumn() {
            return violation.column();
        }

        @Override
        public String getMainElementId() {
            return violation.elementId();
        }

        @Override
        public List<String> getElementIds() {
            return violation.elementId() == null ? List.of() : List.of(violation.elementId());
        }
    }
}
