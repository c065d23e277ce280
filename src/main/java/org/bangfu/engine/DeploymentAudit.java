package org.bangfu.engine;

import java.util.List;

import org.bangfu.audit.AuditAction;
import org.bangfu.audit.AuditEntry.Outcome;
import org.bangfu.audit.AuditLog;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.SignedInUser;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Every deployment, accepted or refused, in Bangfu's audit log: who (the REST or webapp user, the signed-in
 * person, or the system at start-up), from where, which resources, and why it was refused. Wraps the deploy
 * command outside its transaction, so a refusal is recorded although the deployment is rolled back. A deployment
 * that changed nothing (the start-up deployment of unchanged files) deploys nothing and is not recorded.
 */
final class DeploymentAudit extends CommandInterceptor {

    private final AuditLog auditLog;
    private final DeploymentGate gate;
    private final ProcessEngineConfigurationImpl configuration;

    DeploymentAudit(AuditLog auditLog, DeploymentGate gate, ProcessEngineConfigurationImpl configuration) {
        this.auditLog = auditLog;
        this.gate = gate;
        this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (!(command instanceof DeployCmd)) {
            return next.execute(command);
        }
        DeploymentAttempts.begin();
        T result;
        try {
            result = next.execute(command);
        } catch (DeploymentRefused refused) {
            record(AuditAction.DEPLOYMENT_REFUSED, DeploymentAttempts.end(), Outcome.FAILURE,
                    gate.describeForTheRecord(refused.violations()));
            throw refused;
        } catch (RuntimeException failed) {
            record(AuditAction.DEPLOYMENT_REFUSED, DeploymentAttempts.end(), Outcome.FAILURE, failed.getMessage());
            throw failed;
        }
        List<String> resources = DeploymentAttempts.end();
        if (!resources.isEmpty()) {
            String id = result instanceof Deployment deployment ? deployment.getId() : null;
            record(AuditAction.DEPLOYMENT_ACCEPTED, resources, Outcome.SUCCESS, id);
        }
        return result;
    }

    private void record(AuditAction action, List<String> resources, Outcome outcome, String detail) {
        auditLog.record(actor(), action, String.join(", ", resources), sourceAddress(), outcome, detail);
    }

    private String actor() {
        Authentication engineUser = configuration.getIdentityService().getCurrentAuthentication();
        if (engineUser != null && engineUser.getUserId() != null) {
            return engineUser.getUserId();
        }
        return CurrentUser.get().map(SignedInUser::getUsername).orElse("system");
    }

    private static String sourceAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr() : null;
    }
}
