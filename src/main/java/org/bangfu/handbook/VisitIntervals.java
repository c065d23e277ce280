package org.bangfu.handbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Period;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * How often a household in assistance is visited: the interval of its periodic review once one is scheduled,
 * otherwise what ReviewFrequencyDecision says for its class (特困户 every quarter, 低保户 every half year, 一般户 every
 * year, as an administrator set the table), so that a household is due as often before its pairing completes as after.
 * The deployed table is evaluated here, not run as a decision of the engine: listing households due writes nothing.
 */
@Component
class VisitIntervals {

    private static final String DECISION = "ReviewFrequencyDecision";

    private final RepositoryService repository;
    private final DmnEngine dmn;
    /** The parsed table per deployed definition id: a deployed definition never changes. */
    private final Map<String, DmnDecision> tables = new ConcurrentHashMap<>();

    VisitIntervals(ProcessEngine engine) {
        this.repository = engine.getRepositoryService();
        // the engine's expression languages (its guarded expressions included), without its history
        DefaultDmnEngineConfiguration engines = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getDmnEngineConfiguration();
        DefaultDmnEngineConfiguration own = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
                .createDefaultDmnEngineConfiguration();
        own.setElProvider(engines.getElProvider());
        own.setScriptEngineResolver(engines.getScriptEngineResolver());
        own.setFeelEngineFactory(engines.getFeelEngineFactory());
        own.setDefaultInputExpressionExpressionLanguage(engines.getDefaultInputExpressionExpressionLanguage());
        own.setDefaultInputEntryExpressionLanguage(engines.getDefaultInputEntryExpressionLanguage());
        own.setDefaultOutputEntryExpressionLanguage(engines.getDefaultOutputEntryExpressionLanguage());
        own.setDefaultLiteralExpressionLanguage(engines.getDefaultLiteralExpressionLanguage());
        this.dmn = own.buildEngine();
    }

    /** The scheduled {@code interval} (ISO-8601) if there is one, else the decision's for {@code householdClass}. */
    Period of(String interval, String householdClass) {
        return Period.parse(interval != null ? interval : decided(householdClass));
    }

    private String decided(String householdClass) {
        DecisionDefinition live = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
                .latestVersion().singleResult();
        DmnDecision table = tables.computeIfAbsent(live.getId(), id -> {
            try (InputStream model = repository.getDecisionModel(id)) {
                return dmn.parseDecision(DECISION, model);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return dmn.evaluateDecisionTable(table,
                Variables.createVariables().putValue(ReviewVariables.HOUSEHOLD_ATTRIBUTE, householdClass))
                .getSingleResult().getSingleEntry();
    }
}
