package org.bangfu.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.bangfu.testsupport.ApiClient;
import org.bangfu.testsupport.Multipart;
import org.bangfu.testsupport.WebSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.bpmn.behavior.ShellActivityBehavior;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deploying a process is deploying code. Each malicious fixture in {@code src/test/resources/gate} (listed with the
 * element, attribute and reason it must be refused for in {@code fixtures.tsv}) is refused at deployment, through
 * the engine and through {@code /engine-rest} as the administrator; nothing of it is stored and nothing of it runs.
 * Definitions the engine already held before the gate existed do not run either, and behind the gate expressions
 * reach nothing but the allow-list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeploymentGateTest {

    private static final Path MARKERS = Path.of("target", "gate-markers").toAbsolutePath();

    @Autowired
    ProcessEngine engine;

    @Autowired
    DeploymentGate gate;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    /** One line of fixtures.tsv: the file, and where and why the gate must refuse it. */
    record Fixture(String file, String element, String attribute, String reason, String run, String key, String what) {

        @Override
        public String toString() {
            return file + ": " + what;
        }

        /** The file with its payload aimed at a marker file and a table of this attempt's own. */
        byte[] content(String attempt) {
            try (InputStream in = DeploymentGateTest.class.getResourceAsStream("/gate/" + file)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .replace("@MARKER@", marker(attempt).toString())
                        .replace("@TABLE@", table(attempt))
                        .getBytes(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Path marker(String attempt) {
            return MARKERS.resolve(attempt + "-" + file);
        }

        String table(String attempt) {
            return ("bf_pwned_" + attempt + "_" + file.replaceAll("[^A-Za-z0-9]", "_")).toLowerCase();
        }

        boolean refusedFor(GateViolation violation) {
            return violation.resource().equals(file) && violation.reason().equals(reason)
                    && (element.equals("-") || element.equals(violation.elementId()))
                    && (attribute.equals("-") ? violation.attribute() == null : attribute.equals(violation.attribute()));
        }
    }

    static List<Fixture> fixtures() {
        try (InputStream in = DeploymentGateTest.class.getResourceAsStream("/gate/fixtures.tsv")) {
            List<Fixture> fixtures = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] f = line.split("\t");
                    fixtures.add(new Fixture(f[0], f[1], f[2], f[3], f[4], f[5], f[6]));
                }
            }
            return fixtures;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Fixture> runnableFixtures() {
        return fixtures().stream().filter(f -> !f.run().equals("-"));
    }

    @BeforeEach
    void markers() throws IOException {
        Files.createDirectories(MARKERS);
    }

    @Nested
    class AtDeployment {

        @Test
        void holdsAtLeastFortyMaliciousFixtures() {
            assertThat(fixtures()).hasSizeGreaterThanOrEqualTo(40);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.bangfu.engine.DeploymentGateTest#fixtures")
        void throughTheEngineIsRefusedWithTheElementAndReason(Fixture fixture) {
            String name = "engine-" + fixture.file();
            assertThatThrownBy(() -> engine.getRepositoryService().createDeployment().name(name)
                    .addInputStream(fixture.file(), new ByteArrayInputStream(fixture.content("engine"))).deploy())
                    .isInstanceOfSatisfying(DeploymentRefused.class, refused -> assertThat(refused.violations())
                            .as(refused.getMessage()).anyMatch(fixture::refusedFor));

            assertNothingOf(fixture, name, "engine");
            assertThat(refusalsAudited(fixture.file(), "system")).isEqualTo(1);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.bangfu.engine.DeploymentGateTest#fixtures")
        void throughEngineRestIsRefusedWith400AndTheReason(Fixture fixture) {
            String name = "rest-" + fixture.file();
            HttpResponse<String> response = deployOverRest(name, fixture.file(), fixture.content("rest"), null);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(response.body()).contains("\"type\":\"ParseException\"", "部署被拒绝", fixture.file());
            if (!fixture.element().equals("-")) {
                assertThat(response.body()).contains("\"mainElementId\":\"" + fixture.element() + "\"");
            }
            assertNothingOf(fixture, name, "rest");
            assertThat(refusalsAudited(fixture.file(), "admin")).isEqualTo(1);
            assertThat(jdbc.sql("""
                    select count(*) from bf_audit_log
                     where action = 'DEPLOYMENT_REFUSED' and actor = 'admin' and target = ?
                       and source_address is not null and detail like ?""")
                    .params(fixture.file(), "%" + fixture.file() + "%").query(Integer.class).single()).isEqualTo(1);
        }

        @Test
        void throughCamundasWebappsIsRefusedAsWell() {
            WebSession admin = new WebSession(port);
            admin.login("admin", "Demo@2019");
            assertThat(admin.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
            Fixture shell = fixtures().get(0);
            HttpResponse<String> response = admin.post("/camunda/api/engine/engine/default/deployment/create",
                    Multipart.CONTENT_TYPE, Multipart.body("webapp-" + shell.file(), shell.content("webapp"),
                            Map.of("deployment-name", "webapp")),
                    "X-XSRF-TOKEN", admin.cookie("XSRF-TOKEN"));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(response.body()).contains("\"type\":\"ParseException\"", "Task_Attack");
            assertThat(refusalsAudited("webapp-" + shell.file(), "admin")).isEqualTo(1);
            assertThat(shell.marker("webapp")).doesNotExist();
        }

        @Test
        void aCallerAskingForEnglishReadsTheReasonInEnglish() {
            Fixture shell = fixtures().get(0);
            HttpResponse<String> response = deployOverRest("rest-en", "english-" + shell.file(), shell.content("english"),
                    "en");
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("Deployment refused", "service task types and connectors are not allowed")
                    .doesNotContain("部署被拒绝");
        }

        @Test
        void everyShippedProcessAndDecisionPasses() throws IOException {
            Map<String, byte[]> shipped = new LinkedHashMap<>();
            try (Stream<Path> files = Files.list(Path.of("processes"))) {
                files.filter(f -> ModelCheck.isModel(f.getFileName().toString()))
                        .forEach(f -> shipped.put(f.getFileName().toString(), read(f)));
            }
            assertThat(shipped).hasSizeGreaterThanOrEqualTo(8);
            assertThat(gate.check(shipped)).isEmpty();
        }

        @Test
        void anAcceptedDeploymentIsAuditedWithWhoAndWhat() {
            String xml = Bpmn.convertToString(Bpmn.createExecutableProcess("GateAcceptedProcess")
                    .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Wait").camundaCandidateGroups("district")
                    .endEvent().done());
            HttpResponse<String> response = deployOverRest("accepted", "GateAcceptedProcess.bpmn",
                    xml.getBytes(StandardCharsets.UTF_8), null);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey("GateAcceptedProcess").count()).isEqualTo(1);
            assertThat(jdbc.sql("""
                    select count(*) from bf_audit_log where action = 'DEPLOYMENT_ACCEPTED' and actor = 'admin'
                       and target = 'GateAcceptedProcess.bpmn' and outcome = 'SUCCESS' and detail is not null""")
                    .query(Integer.class).single()).isEqualTo(1);
        }

        private void assertNothingOf(Fixture fixture, String deploymentName, String attempt) {
            var repository = engine.getRepositoryService();
            assertThat(repository.createDeploymentQuery().deploymentName(deploymentName).count()).isZero();
            if (!fixture.key().equals("-")) {
                assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(fixture.key()).count()).isZero();
                assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey(fixture.key()).count()).isZero();
            }
            assertThat(fixture.marker(attempt)).doesNotExist();
            assertThat(tableExists(fixture.table(attempt))).isFalse();
        }
    }

    /**
     * Definitions deployed before the gate existed (here by a bare engine on the same database): when Bangfu's engine
     * loads one to run it, the gate reads it again and nothing of it runs.
     */
    @Nested
    class HeldBeforeTheGate {

        @Autowired
        DataSource dataSource;

        @Test
        void nothingTheEngineAlreadyHeldRuns() {
            List<Fixture> held = deployWithoutTheGate();
            assertThat(held).as("definitions stored by the bare engine").hasSizeGreaterThanOrEqualTo(30);

            for (Fixture fixture : held) {
                String key = fixture.key().replace("Attack_", "Held_");
                if (fixture.run().equals("decision")) {
                    assertThatThrownBy(() -> engine.getDecisionService().evaluateDecisionTableByKey(key,
                            Variables.putValue("amount", 1L))).as(fixture.toString()).isInstanceOf(RuntimeException.class);
                } else {
                    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(key,
                            Variables.putValue("householdId", 1L))).as(fixture.toString())
                            .isInstanceOf(DeploymentRefused.class);
                    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(key).count())
                            .isZero();
                }
                assertThat(fixture.marker("held")).as(fixture.toString()).doesNotExist();
                assertThat(tableExists(fixture.table("held"))).as(fixture.toString()).isFalse();
            }
        }

        private List<Fixture> deployWithoutTheGate() {
            ProcessEngineConfigurationImpl bare = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                    .createStandaloneProcessEngineConfiguration();
            bare.setDataSource(dataSource);
            bare.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
            bare.setJobExecutorActivate(false);
            bare.setProcessEngineName("before-the-gate");
            bare.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
            List<Fixture> held = new ArrayList<>();
            ProcessEngine old = bare.buildProcessEngine();
            try {
                for (Fixture fixture : runnableFixtures().toList()) {
                    String content = new String(fixture.content("held"), StandardCharsets.UTF_8).replace("\"Attack_", "\"Held_");
                    try {
                        old.getRepositoryService().createDeployment().name("held-" + fixture.file())
                                .addString(fixture.file(), content).deploy();
                        held.add(fixture);
                    } catch (RuntimeException notEvenTheBareEngineTakesIt) {
                        // e.g. a script language that no engine here knows
                    }
                }
            } finally {
                old.close();
            }
            return held;
        }
    }

    /** Whatever slips past the parser still reaches nothing: the expression manager and the class factory refuse it. */
    @Nested
    class BehindTheGate {

        private String instanceId;

        @BeforeEach
        void aRunningCase() {
            engine.getRepositoryService().createDeployment().addModelInstance("WallProbeProcess.bpmn",
                    Bpmn.createExecutableProcess("WallProbeProcess").camundaHistoryTimeToLive(1).startEvent()
                            .userTask("Task_Wait").camundaCandidateGroups("district").endEvent().done())
                    .enableDuplicateFiltering(true).deploy();
            instanceId = engine.getRuntimeService().startProcessInstanceByKey("WallProbeProcess", "HH-7",
                    Variables.putValue("decision", "PASS").putValue("householdId", 7L)).getId();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch @MARKER@')}",
                "#{\"\".getClass().forName(\"java.lang.Runtime\")}",
                "${''.class.forName('java.lang.Runtime')}",
                "${householdId.getClass().getClassLoader()}",
                "${decision.class}",
                "${decision.getBytes()}",
                "${execution.getProcessEngine()}",
                "${execution.processEngine}",
                "${execution.processEngineServices}",
                "${execution['processEngineServices']}",
                "${execution.getProcessEngineServices().getIdentityService()}",
                "${execution.getProcessEngine().getProcessEngineConfiguration().getDataSource().getConnection()"
                        + ".createStatement().execute('create table bf_pwned_wall (x int)')}",
                "${execution.setVariable('decision', 'FAIL')}",
                "${execution.parent}",
                "${householdStages.getClass()}",
                "${workingDayDeadlines.hashCode()}",
                "${userAccounts.withRole('ADMIN')}",
                "${dataSource}" })
        void refusesWhatTheGateRefuses(String expression) {
            Path marker = MARKERS.resolve("wall-" + Integer.toHexString(expression.hashCode()));
            String text = expression.replace("@MARKER@", marker.toString());
            assertThatThrownBy(() -> evaluate(text)).as(expression).isInstanceOf(RuntimeException.class);
            assertThat(marker).doesNotExist();
            assertThat(tableExists("bf_pwned_wall")).isFalse();
            assertThat(engine.getRuntimeService().getVariable(instanceId, "decision")).isEqualTo("PASS");
        }

        @Test
        void stillRunsWhatBangfusProcessesUse() {
            assertThat(evaluate("${decision == 'PASS'}")).isEqualTo(true);
            assertThat(evaluate("street-${householdId}")).isEqualTo("street-7");
            assertThat(evaluate("${execution.processBusinessKey}")).isEqualTo("HH-7");
            assertThat(evaluate("${execution.getVariable('householdId')}")).isEqualTo(7L);
            assertThat(evaluate("${decision != 'FAIL' && householdId > 5 ? 'yes' : 'no'}")).isEqualTo("yes");
            assertThat(evaluate("${workingDayDeadlines.after('2026-09-30', 5)}")).isInstanceOf(java.util.Date.class);
        }

        @Test
        void decisionTablesInJuelReachOnlyTheAllowList() {
            ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
                    .getProcessEngineConfiguration();
            var el = configuration.getDmnEngineConfiguration().getElProvider();
            var variables = Variables.putValue("amount", 1L).asVariableContext();
            var executor = configuration.getCommandExecutorTxRequired();
            Command<Object> sum = c -> el.createExpression("${amount + 1}").getValue(variables);
            Command<Object> reflection = c -> el.createExpression("${amount.getClass().forName('java.lang.Runtime')}")
                    .getValue(variables);
            assertThat(executor.execute(sum)).isEqualTo(2L);
            assertThatThrownBy(() -> executor.execute(reflection))
                    .hasStackTraceContaining("allow-list");
        }

        @Test
        void camundaClassMakesOnlyBangfusDelegates() {
            var factory = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getArtifactFactory();
            assertThatThrownBy(() -> factory.getArtifact(ShellActivityBehavior.class))
                    .hasStackTraceContaining("not one of Bangfu's process delegates");
            assertThatThrownBy(() -> factory.getArtifact(javax.script.ScriptEngineManager.class))
                    .hasStackTraceContaining("not one of Bangfu's process delegates");
        }

        private Object evaluate(String text) {
            ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
                    .getProcessEngineConfiguration();
            ExpressionManager expressions = configuration.getExpressionManager();
            Command<Object> evaluation = context -> {
                ExecutionEntity execution = context.getExecutionManager().findExecutionById(instanceId);
                return expressions.createExpression(text).getValue(execution);
            };
            return configuration.getCommandExecutorTxRequired().execute(evaluation);
        }
    }

    private HttpResponse<String> deployOverRest(String name, String file, byte[] content, String language) {
        byte[] body = Multipart.body(file, content, Map.of("deployment-name", name));
        return new ApiClient(port).send("admin", "POST", "/engine-rest/deployment/create", Multipart.CONTENT_TYPE, body,
                language);
    }

    private int refusalsAudited(String file, String actor) {
        return jdbc.sql("""
                select count(*) from bf_audit_log
                 where action = 'DEPLOYMENT_REFUSED' and outcome = 'FAILURE' and actor = ? and target = ?""")
                .params(actor, file).query(Integer.class).single();
    }

    private boolean tableExists(String table) {
        return jdbc.sql("select count(*) from information_schema.tables where lower(table_name) = ?")
                .param(table.toLowerCase()).query(Integer.class).single() > 0;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
