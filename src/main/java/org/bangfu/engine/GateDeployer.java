package org.bangfu.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate in the engine: the first of its deployers, so it reads every resource before the BPMN, DMN and CMMN
 * deployers parse one (a parser would already create form handlers and schedule start timers). It runs for a new
 * deployment, and again whenever the engine loads a definition it already holds: a definition stored before the
 * gate existed cannot run what the gate refuses.
 */
final class GateDeployer implements Deployer {

    private static final Logger log = LoggerFactory.getLogger(GateDeployer.class);

    private final DeploymentGate gate;

    GateDeployer(DeploymentGate gate) {
        this.gate = gate;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        Map<String, ResourceEntity> resources = deployment.getResources();
        if (resources == null || resources.isEmpty()) {
            return;
        }
        Map<String, byte[]> checked = new LinkedHashMap<>();
        resources.forEach((name, resource) -> {
            // a new deployment holds nothing but models; a stored one may hold data no deployer reads
            if (deployment.isNew() || ModelCheck.isModel(name) || isCase(name)) {
                checked.put(name, resource.getBytes());
            }
        });
        if (deployment.isNew()) {
            DeploymentAttempts.seen(checked.keySet());
        }
        List<GateViolation> violations = gate.check(checked);
        if (!violations.isEmpty()) {
            DeploymentRefused refusal = gate.refusal(violations);
            if (!deployment.isNew()) {
                log.warn("Deployment {} ({}) holds what the deployment gate refuses; its definitions do not run: {}",
                        deployment.getId(), deployment.getName(), refusal.getMessage());
            }
            throw refusal;
        }
    }

    private static boolean isCase(String name) {
        return name.endsWith(".cmmn") || name.endsWith(".cmmn10.xml") || name.endsWith(".cmmn11.xml");
    }
}
