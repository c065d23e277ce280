package org.bangfu.engine;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lookups in the engine's runtime tables that its query API cannot make fast, in one place: no other module
 * names Camunda's tables. Each walks one process instance's rows by their own index.
 */
@Component
public class Executions {

    private final JdbcClient jdbc;

    Executions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The execution of a process instance that waits for this message. Looked up by the instance's executions and
     * then their subscriptions: Camunda's correlation query, and a join on the subscriptions' event name, let
     * PostgreSQL walk every instance waiting for the message (60-100 ms each at 10,000 fund releases).
     */
    public Optional<String> waitingFor(String processInstanceId, String messageName) {
        for (String execution : jdbc.sql("select ID_ from ACT_RU_EXECUTION where PROC_INST_ID_ = ?")
                .param(processInstanceId).query(String.class).list()) {
            if (jdbc.sql("select EVENT_NAME_ from ACT_RU_EVENT_SUBSCR where EXECUTION_ID_ = ?").param(execution)
                    .query(String.class).list().contains(messageName)) {
                return Optional.of(execution);
            }
        }
        return Optional.empty();
    }

    /** Whether a job of the process instance has failed for good (an incident waits for someone). */
    public boolean hasIncident(String processInstanceId) {
        return jdbc.sql("select count(*) from ACT_RU_INCIDENT where PROC_INST_ID_ = ?").param(processInstanceId)
                .query(Integer.class).single() > 0;
    }
}
