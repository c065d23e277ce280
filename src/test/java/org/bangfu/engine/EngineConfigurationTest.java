package org.bangfu.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE;

import java.util.ArrayList;
import java.util.List;

import org.bangfu.shared.ProcessExpressionBean;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The engine as Bangfu configures it: authorization on, no Java serialization, FEEL for decisions; delegates and
 * marked beans reachable (what is not is in {@link DeploymentGateTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EngineConfigurationTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class ProcessBeans {

        @Bean
        RecordingDelegate recordingDelegate() {
            return new RecordingDelegate();
        }

        @Bean
        Greeter greeter() {
            return new Greeter();
        }
    }

    /** A delegate of Bangfu's own: reachable. */
    public static class RecordingDelegate implements JavaDelegate {
        final List<String> seen = new ArrayList<>();

        @Override
        public void execute(DelegateExecution execution) {
            seen.add(execution.getProcessBusinessKey());
        }
    }

    /** A helper marked for expressions: reachable. */
    @ProcessExpressionBean
    public static class Greeter {
        public String greet(String name) {
            return "你好 " + name;
        }
    }

    @Autowired
    ProcessEngine engine;

    @Autowired
    RecordingDelegate recordingDelegate;

    @Test
    void checksAuthorizationAndNeverRunsCallerExpressionsInQueries() {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(config.isAuthorizationEnabled()).isTrue();
        assertThat(config.isEnableExpressionsInAdhocQueries()).isFalse();
        assertThat(config.isEnableExpressionsInStoredQueries()).isFalse();
        assertThat(config.isEnforceHistoryTimeToLive()).isTrue();
        assertThat(config.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(config.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(config.isJavaSerializationFormatEnabled()).isFalse();
        // decision tables evaluate FEEL unless a file names another language, which the deployment gate refuses
        assertThat(config.getDmnEngineConfiguration().getDefaultInputExpressionExpressionLanguage()).isEqualTo(FEEL_EXPRESSION_LANGUAGE);
        assertThat(config.getDmnEngineConfiguration().getDefaultOutputEntryExpressionLanguage()).isEqualTo(FEEL_EXPRESSION_LANGUAGE);
        assertThat(config.getDmnEngineConfiguration().getDefaultLiteralExpressionLanguage()).isEqualTo(FEEL_EXPRESSION_LANGUAGE);
    }

    @Test
    void delegatesAndMarkedBeansAreReachable() {
        deploy(Bpmn.createExecutableProcess("AllowedBeansProcess").camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("Task_Record").camundaDelegateExpression("${recordingDelegate}")
                .serviceTask("Task_RecordByClass").camundaClass(RecordingDelegate.class.getName())
                .serviceTask("Task_Greet").camundaExpression("${greeter.greet('王')}").camundaResultVariable("greeting")
                .userTask("Task_Wait")
                .endEvent().done());
        var instance = engine.getRuntimeService().startProcessInstanceByKey("AllowedBeansProcess", "HH-1");
        assertThat(recordingDelegate.seen).containsExactly("HH-1", "HH-1");
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "greeting")).isEqualTo("你好 王");
    }

    @Test
    void processesWithoutHistoryTimeToLiveAreRefused() {
        // the fluent model builder adds a default time to live; a file written by hand may not have one
        String xml = """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="test">
                  <process id="NoTimeToLiveProcess" isExecutable="true">
                    <startEvent id="StartEvent_Started"/>
                  </process>
                </definitions>""";
        assertThatThrownBy(() -> engine.getRepositoryService().createDeployment()
                .addString("NoTimeToLiveProcess.bpmn", xml).deploy())
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("historyTimeToLive");
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("NoTimeToLiveProcess").count()).isZero();
    }

    @Test
    void processesFolderIsDeployedAtStart() {
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("FoundationCheckProcess")
                .latestVersion().singleResult().getVersion()).isEqualTo(1);
    }

    private void deploy(BpmnModelInstance model) {
        String key = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).iterator().next().getId();
        engine.getRepositoryService().createDeployment().addModelInstance(key + ".bpmn", model).deploy();
    }
}
