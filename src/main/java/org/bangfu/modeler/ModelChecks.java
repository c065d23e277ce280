package org.bangfu.modeler;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bangfu.engine.DeploymentGate;
import org.bangfu.engine.GateViolation;
import org.bangfu.modeler.Finding.Source;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;

/**
 * Everything that decides whether a file may be deployed, in order: it is XML of the kind its name says, it still
 * defines the process or decision it was made for, Bangfu's modelling rules, the deployment gate, and (only when
 * the gate lets it through: parsing may already create things) a dry parse by the engine's own parser, which
 * stores nothing. The gate reads the file again when it is deployed.
 */
@Component
class ModelChecks {

    /**
     * The candidate groups a user task may name: those Bangfu gives its people (district officers; a street's
     * officers; a team; its leaders, see pairing.PairingVariables) and the group a process chose earlier.
     */
    static final List<String> GROUPS = List.of("district", "street-${streetId}", "team-${teamId}",
            "team-${teamId}-leaders", "${recheckGroup}");

    private final DeploymentGate gate;
    private final ProcessEngineConfigurationImpl engine;
    private final List<String> groups = GROUPS;

    ModelChecks(DeploymentGate gate, ProcessEngineConfigurationImpl engine) {
        this.gate = gate;
        this.engine = engine;
    }

    /** The candidate groups a user task may name. */
    List<String> groups() {
        return groups;
    }

    /** The delegates a service task may call. */
    List<String> delegates() {
        return List.copyOf(gate.delegateNames());
    }

    List<Finding> check(String resourceName, String definitionKey, String xml) {
        ModelKind kind = ModelKind.of(resourceName);
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        List<Finding> gateFindings = new ArrayList<>();
        for (GateViolation v : gate.check(Map.of(resourceName, bytes))) {
            // the gate's messages take the detail; the attribute (or element) it concerns comes second
            List<String> args = new ArrayList<>();
            args.add(v.detail() == null ? "" : v.detail());
            args.add(v.attribute() == null ? v.element() == null ? "" : v.element() : v.attribute());
            gateFindings.add(new Finding(v.elementId(), Source.GATE, "engine.gate." + v.reason(), args));
        }
        List<Finding> findings = new ArrayList<>();
        Element root;
        try {
            root = ModelDocument.read(xml);
        } catch (ModelDocument.Unreadable e) {
            findings.add(new Finding(null, Source.ENGINE, "modeler.check.unreadable", String.valueOf(e.getMessage())));
            findings.addAll(gateFindings);
            return findings;
        }
        boolean definesKey = root.getLocalName().equals("definitions") && definesKey(root, kind, definitionKey);
        if (!definesKey) {
            findings.add(new Finding(null, Source.RULE, "modeler.check.wrongKey", definitionKey));
        } else {
            findings.addAll(new ModelRules(groups, gate.delegateNames()).check(kind, root));
        }
        findings.addAll(gateFindings);
        if (definesKey && gateFindings.isEmpty()) {
            findings.addAll(kind == ModelKind.BPMN ? parseProcess(resourceName, bytes) : parseDecisions(bytes));
        }
        return findings;
    }

    private static boolean definesKey(Element root, ModelKind kind, String key) {
        String wanted = kind == ModelKind.BPMN ? "process" : "decision";
        return ModelDocument.children(root).stream()
                .anyMatch(e -> e.getLocalName().equals(wanted) && key.equals(e.getAttribute("id")));
    }

    private List<Finding> parseProcess(String resourceName, byte[] bytes) {
        try {
            engine.getCommandExecutorTxRequired().execute(context -> {
                DeploymentEntity deployment = new DeploymentEntity();
                deployment.setName(resourceName);
                ResourceEntity resource = new ResourceEntity();
                resource.setName(resourceName);
                resource.setBytes(bytes);
                deployment.addResource(resource);
                BpmnParse parse = bpmnParser().createParse()
                        .sourceInputStream(new ByteArrayInputStream(bytes)).deployment(deployment).name(resourceName);
                parse.execute();
                return null;
            });
            return List.of();
        } catch (ParseException e) {
            List<Finding> findings = new ArrayList<>();
            for (ResourceReport report : e.getResorceReports()) {
                for (Problem problem : report.getErrors()) {
                    findings.add(new Finding(problem.getMainElementId(), Source.ENGINE, "modeler.check.engine",
                            problem.getMessage()));
                }
            }
            return findings.isEmpty()
                    ? List.of(new Finding(null, Source.ENGINE, "modeler.check.engine", String.valueOf(e.getMessage())))
                    : findings;
        } catch (RuntimeException e) {
            return List.of(new Finding(null, Source.ENGINE, "modeler.check.engine", String.valueOf(e.getMessage())));
        }
    }

    /** The engine's own parser, with the parse listeners it deploys with. */
    private BpmnParser bpmnParser() {
        return engine.getDeployers().stream().filter(BpmnDeployer.class::isInstance).map(BpmnDeployer.class::cast)
                .findFirst().orElseThrow().getBpmnParser();
    }

    private List<Finding> parseDecisions(byte[] bytes) {
        try {
            engine.getCommandExecutorTxRequired().execute(context ->
                    engine.getDmnEngine().parseDecisionRequirementsGraph(new ByteArrayInputStream(bytes)));
            return List.of();
        } catch (RuntimeException e) {
            return List.of(new Finding(null, Source.ENGINE, "modeler.check.engine", String.valueOf(e.getMessage())));
        }
    }
}
