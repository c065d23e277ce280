package org.bangfu.engine;

import java.util.ArrayList;
import java.util.List;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;

import org.bangfu.audit.AuditLog;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Narrows what a BPMN or DMN file can reach, because deploying one is deploying code:
 * <ul>
 * <li>every deployment passes the {@link DeploymentGate} before the engine's own deployers read it, and is
 * audited, accepted or refused ({@link DeploymentAudit});</li>
 * <li>behind the gate, expressions resolve only the allow-listed beans and call methods only on them
 * ({@link GuardedExpressionManager}), and {@code camunda:class} makes only Bangfu's delegates
 * ({@link GuardedArtifactFactory});</li>
 * <li>no script runs: no script engine resolves, including the {@code juel} one the engine ships; DMN evaluates
 * FEEL with Java functions off;</li>
 * <li>caller-supplied expressions never run in queries, and variables are never Java-serialized (set in
 * application.yml or here, checked by the tests).</li>
 * </ul>
 */
@Component
class EngineHardening extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(EngineHardening.class);

    private final ApplicationContext applicationContext;
    private final DeploymentGate gate;
    private final AuditLog auditLog;

    EngineHardening(ApplicationContext applicationContext, DeploymentGate gate, AuditLog auditLog) {
        this.applicationContext = applicationContext;
        this.gate = gate;
        this.auditLog = auditLog;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ExpressionAllowList allowList = gate.allowList();
        log.info("Process expressions may reach these beans only: {}", allowList.beanNames());
        configuration.setExpressionManager(new GuardedExpressionManager(applicationContext, allowList));
        configuration.setArtifactFactory(new GuardedArtifactFactory(applicationContext, allowList));
        configuration.setScriptEngineResolver(new NoScriptEngines());
        configuration.setDmnFeelEnableLegacyBehavior(false);
        configuration.setJavaSerializationFormatEnabled(false);
        configuration.setCustomPreDeployers(prepend(new GateDeployer(gate), configuration.getCustomPreDeployers()));
        configuration.setCustomPreCommandInterceptorsTxRequired(prepend(
                new DeploymentAudit(auditLog, gate, configuration),
                configuration.getCustomPreCommandInterceptorsTxRequired()));
    }

    private static <T> List<T> prepend(T first, List<T> others) {
        List<T> all = new ArrayList<>();
        all.add(first);
        if (others != null) {
            all.addAll(others);
        }
        return all;
    }

    /** Refuses every scripting language. */
    static final class NoScriptEngines implements ScriptEngineResolver {

        private final ScriptEngineManager empty = new ScriptEngineManager(null);

        @Override
        public void addScriptEngineFactory(ScriptEngineFactory factory) {
            // scripts are disabled: factories are not registered
        }

        @Override
        public ScriptEngineManager getScriptEngineManager() {
            return empty;
        }

        @Override
        public ScriptEngine getScriptEngine(String language, boolean useCache) {
            return null;
        }
    }
}
